// The termgraph extension for VS Code: starts `termgraph lsp` (a Language
// Server Protocol server over stdio) for terminology files and lets the
// language client do the rest: diagnostics, hover, go to definition, find
// references, completion, rename (renumbering an entry) and quick fixes.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

// The documents the server is told about: term files are XML (native, NISO
// STS, TBX with an .xml name), CSV exports of termbases and .tbx files (the
// `tbx` language this extension contributes). Only files on disk.
const documentSelector = [
  { scheme: 'file', language: 'xml' },
  { scheme: 'file', language: 'csv' },
  { scheme: 'file', language: 'tbx' },
];

let client;

// The command line from the settings: `termgraph.path` (default: termgraph
// from PATH) and `termgraph.jobs` (0: let the server choose).
function serverOptions() {
  const config = vscode.workspace.getConfiguration('termgraph');
  const command = config.get('path') || 'termgraph';
  const args = ['lsp'];
  const jobs = config.get('jobs');
  if (Number.isInteger(jobs) && jobs > 0) {
    args.push('--jobs', String(jobs));
  }
  const executable = { command, args };
  return { run: executable, debug: executable };
}

async function activate(context) {
  // Term files and the configuration changed outside the editor (git
  // checkout, another program) are read again by the server.
  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.xml,*.tbx,*.csv,.termgraph.toml}');
  context.subscriptions.push(watcher);
  const clientOptions = {
    documentSelector,
    synchronize: { fileEvents: watcher },
  };
  client = new LanguageClient('termgraph', 'termgraph', serverOptions(), clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('termgraph') && client) {
        // A new program path or job count: start the server again with it.
        await client.stop();
        client = new LanguageClient('termgraph', 'termgraph', serverOptions(), clientOptions);
        await client.start();
      }
    }));
  await client.start();
}

async function deactivate() {
  if (!client) {
    return undefined;
  }
  const stopping = client.stop();
  client = undefined;
  return stopping;
}

module.exports = { activate, deactivate };
