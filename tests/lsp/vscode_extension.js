#!/usr/bin/env node
// The VS Code extension (editors/vscode) without VS Code: extension.js is
// loaded with stand-ins for the `vscode` module and for
// `vscode-languageclient/node` (require is intercepted through
// Module._load), then activate() and deactivate() are called and what they
// did with the language client is checked: the command line of the server
// (the configured program, `lsp`, `--jobs N` when set), stdio, the documents
// it is started for (xml, csv, tbx; not others), start() and stop().
// package.json is checked against what extension.js expects of it.
//
// Usage: node vscode_extension.js [EXTENSION_DIR]
// Exit status 0 when every check passed, 1 otherwise. Plain node, no
// package needed; when editors/vscode/node_modules is there (npm ci), the
// real vscode-languageclient is checked to have the entry point used.
'use strict';

const Module = require('module');
const path = require('path');
const fs = require('fs');
const assert = require('assert');

const extensionDir = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', 'editors', 'vscode'));
const extensionFile = path.join(extensionDir, 'extension.js');

let failures = 0;
function check(cond, what, detail) {
  if (cond) {
    console.log(`ok: ${what}`);
  } else {
    failures += 1;
    console.log(`FAILED: ${what}${detail === undefined ? '' : ' -- ' + detail}`);
  }
  return cond;
}
const show = (x) => JSON.stringify(x);

// -- The stand-ins --------------------------------------------------------
let settings = {};        // what getConfiguration('termgraph').get(key) returns
const clients = [];       // every LanguageClient constructed
const configListeners = [];

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions, forceDebug) {
    // The (name, serverOptions, clientOptions) form exists too: accept both.
    if (typeof name !== 'string') {
      [name, serverOptions, clientOptions, forceDebug] = [id, name, serverOptions, clientOptions];
    }
    this.id = id;
    this.name = name;
    this.serverOptions = serverOptions;
    this.clientOptions = clientOptions;
    this.starts = 0;
    this.stops = 0;
    clients.push(this);
  }
  start() {
    this.starts += 1;
    return Promise.resolve();
  }
  stop() {
    this.stops += 1;
    return Promise.resolve();
  }
  dispose() {
    return this.stop();
  }
}
const TransportKind = { stdio: 0, ipc: 1, pipe: 2, socket: 3 };
const languageClientStub = { LanguageClient, TransportKind };

const disposable = () => ({ dispose() {} });
const vscodeStub = {
  workspace: {
    getConfiguration(section) {
      return {
        get(key, fallback) {
          // Both getConfiguration('termgraph').get('path') and
          // getConfiguration().get('termgraph.path') are fine.
          const full = section ? `${section}.${key}` : key;
          return Object.prototype.hasOwnProperty.call(settings, full) ? settings[full] : fallback;
        },
        has(key) {
          return Object.prototype.hasOwnProperty.call(settings, section ? `${section}.${key}` : key);
        },
      };
    },
    createFileSystemWatcher: () => ({ ...disposable(), onDidCreate: disposable, onDidChange: disposable, onDidDelete: disposable }),
    onDidChangeConfiguration(listener) {
      configListeners.push(listener);
      return disposable();
    },
    workspaceFolders: [],
  },
  window: {
    createOutputChannel: () => ({ appendLine() {}, append() {}, show() {}, dispose() {} }),
    showErrorMessage: () => Promise.resolve(undefined),
    showInformationMessage: () => Promise.resolve(undefined),
  },
  commands: { registerCommand: () => disposable() },
  Disposable: class { constructor(f) { this.dispose = f; } },
};

const unexpected = [];
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'vscode') {
    return vscodeStub;
  }
  if (request === 'vscode-languageclient/node' || request === 'vscode-languageclient') {
    return languageClientStub;
  }
  if (request.startsWith('vscode-languageclient') || request.startsWith('vscode-languageserver')) {
    unexpected.push(request);
  }
  return originalLoad.call(this, request, parent, isMain);
};

// -- Documents ------------------------------------------------------------
// Whether a DocumentFilter (or a language id) selects a document, as VS
// Code's languages.match does for the fields used here.
function globMatches(pattern, file) {
  const body = pattern
    .replace(/[.+^$()|[\]\\]/g, '\\$&')
    .replace(/\{([^}]*)\}/g, (_, alts) => `(${alts.split(',').join('|')})`)
    .replace(/\*\*\//g, '(?:.*/)?')
    .replace(/\*\*/g, '.*')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`).test(file);
}
function filterSelects(filter, doc) {
  if (typeof filter === 'string') {
    return filter === doc.language || filter === '*';
  }
  if (!filter || typeof filter !== 'object') {
    return false;
  }
  if (!('language' in filter) && !('scheme' in filter) && !('pattern' in filter)) {
    return false;
  }
  if (filter.language !== undefined && filter.language !== '*' && filter.language !== doc.language) {
    return false;
  }
  if (filter.scheme !== undefined && filter.scheme !== '*' && filter.scheme !== doc.scheme) {
    return false;
  }
  if (filter.pattern !== undefined) {
    const pattern = typeof filter.pattern === 'string' ? filter.pattern : filter.pattern.pattern;
    if (!globMatches(pattern, doc.path)) {
      return false;
    }
  }
  return true;
}
function selects(selector, doc) {
  return (Array.isArray(selector) ? selector : [selector]).some((f) => filterSelects(f, doc));
}

// The executable of the server options: an Executable, or {run, debug}.
function executables(serverOptions) {
  if (!serverOptions || typeof serverOptions !== 'object') {
    return [];
  }
  if (serverOptions.run || serverOptions.debug) {
    return [serverOptions.run, serverOptions.debug];
  }
  return [serverOptions];
}

function checkCommandLine(client, command, args, label) {
  const exes = executables(client.serverOptions);
  check(exes.length > 0 && typeof client.serverOptions !== 'function',
    `${label}: server options name an executable`, show(client.serverOptions));
  exes.forEach((exe, i) => {
    const which = exes.length > 1 ? (i === 0 ? ' (run)' : ' (debug)') : '';
    check(exe && exe.command === command, `${label}${which}: command is ${command}`, show(exe));
    check(exe && !('module' in exe), `${label}${which}: a program, not a node module`, show(exe));
    check(exe && show(exe.args) === show(args), `${label}${which}: args ${show(args)}`, show(exe && exe.args));
    const transport = exe && exe.transport;
    check(transport === undefined || transport === TransportKind.stdio,
      `${label}${which}: over stdio`, show(transport));
  });
}

async function main() {
  if (!fs.existsSync(extensionFile)) {
    console.log(`FAILED: no ${extensionFile}`);
    return 1;
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));

  // -- package.json -------------------------------------------------------
  check(pkg.name === 'termgraph' && pkg.publisher === 'termgraph', 'package.json: name and publisher termgraph',
    show([pkg.name, pkg.publisher]));
  check(/^\^1\.82(\.0)?$/.test((pkg.engines || {}).vscode || ''), 'package.json: engines.vscode ^1.82',
    show(pkg.engines));
  check(path.resolve(extensionDir, pkg.main || '') === extensionFile, 'package.json: main is extension.js',
    show(pkg.main));
  const events = pkg.activationEvents || [];
  check(events.includes('onLanguage:xml') && events.includes('onLanguage:csv'),
    'package.json: activated by xml and csv documents', show(events));
  check(events.some((e) => e === 'onLanguage:tbx' || /^workspaceContains:.*\*\.tbx$/.test(e)),
    'package.json: activated by .tbx files', show(events));
  const contributes = pkg.contributes || {};
  const tbx = (contributes.languages || []).find((l) => l.id === 'tbx');
  check(tbx && (tbx.extensions || []).includes('.tbx'), 'package.json: contributes the tbx language for .tbx',
    show(contributes.languages));
  const configuration = [].concat(contributes.configuration || []);
  const properties = Object.assign({}, ...configuration.map((c) => c.properties || {}));
  check(properties['termgraph.path'] && properties['termgraph.path'].type === 'string',
    'package.json: setting termgraph.path (string)', show(properties['termgraph.path']));
  check(properties['termgraph.jobs'] && ['integer', 'number'].includes(properties['termgraph.jobs'].type),
    'package.json: setting termgraph.jobs (integer)', show(properties['termgraph.jobs']));
  check(pkg.dependencies && pkg.dependencies['vscode-languageclient'],
    'package.json: depends on vscode-languageclient', show(pkg.dependencies));
  const lock = path.join(extensionDir, 'package-lock.json');
  check(fs.existsSync(lock) && JSON.parse(fs.readFileSync(lock, 'utf8')).packages['node_modules/vscode-languageclient'],
    'package-lock.json locks vscode-languageclient');

  // -- activate with a configured path ------------------------------------
  const extension = require(extensionFile);
  check(typeof extension.activate === 'function' && typeof extension.deactivate === 'function',
    'extension.js exports activate and deactivate');
  settings = { 'termgraph.path': '/opt/termgraph/bin/termgraph', 'termgraph.jobs': 0 };
  const context = { subscriptions: [], extensionPath: extensionDir, asAbsolutePath: (p) => path.join(extensionDir, p) };
  await extension.activate(context);
  check(clients.length === 1, 'activate() creates one LanguageClient', `${clients.length}`);
  const client = clients[0];
  if (client) {
    check(client.starts === 1, 'activate() starts it', `${client.starts} start() calls`);
    checkCommandLine(client, '/opt/termgraph/bin/termgraph', ['lsp'], 'termgraph.path set');
    const selector = (client.clientOptions || {}).documentSelector;
    check(selector !== undefined, 'the client has a document selector', show(client.clientOptions));
    for (const [language, file] of [['xml', '/w/terms/vocab.xml'], ['csv', '/w/terms/export.csv'],
      ['tbx', '/w/terms/base.tbx']]) {
      check(selects(selector, { language, scheme: 'file', path: file }),
        `the document selector covers ${language} files`, show(selector));
    }
    for (const [language, file] of [['python', '/w/a.py'], ['markdown', '/w/README.md'],
      ['plaintext', '/w/notes.txt']]) {
      check(!selects(selector, { language, scheme: 'file', path: file }),
        `the document selector leaves ${language} out`, show(selector));
    }

    // -- a setting changed: the server restarts with it ---------------------
    check(configListeners.length > 0, 'activate() listens to configuration changes');
    for (const listener of configListeners) {
      await listener({ affectsConfiguration: (section) => section === 'editor.fontSize' });
    }
    check(clients.length === 1 && client.stops === 0, 'another extension\'s setting changed: nothing restarts',
      `${clients.length} clients, ${client.stops} stop() calls`);
    settings = { 'termgraph.path': '/usr/local/bin/termgraph', 'termgraph.jobs': 2 };
    for (const listener of configListeners) {
      await listener({ affectsConfiguration: (section) => section === 'termgraph' || section === 'termgraph.path' });
    }
    const restarted = clients[clients.length - 1];
    check(client.stops === 1 && clients.length === 2 && restarted.starts === 1,
      'termgraph.path changed: the client is stopped and a new one started',
      `${client.stops} stop() calls, ${clients.length} clients`);
    if (clients.length === 2) {
      checkCommandLine(restarted, '/usr/local/bin/termgraph', ['lsp', '--jobs', '2'], 'after the change');
      check(show(restarted.clientOptions.documentSelector) === show(client.clientOptions.documentSelector),
        'after the change: the same documents');
    }
    const current = clients[clients.length - 1];
    settings = { 'termgraph.path': '/opt/termgraph/bin/termgraph', 'termgraph.jobs': 0 };

    // -- deactivate ---------------------------------------------------------
    const stopping = extension.deactivate();
    check(stopping && typeof stopping.then === 'function', 'deactivate() returns a promise (VS Code waits for it)');
    await stopping;
    check(current.stops === 1, 'deactivate() stops the running client', `${current.stops} stop() calls`);
    try {
      await extension.deactivate();
      check(current.stops === 1, 'a second deactivate() stops nothing more', `${current.stops} stop() calls`);
    } catch (e) {
      check(false, 'a second deactivate() does not throw', String(e));
    }
  }

  // -- defaults, and --jobs --------------------------------------------------
  configListeners.length = 0;
  settings = {};
  const before = clients.length;
  await extension.activate({ subscriptions: [] });
  const defaults = clients[clients.length - 1];
  check(clients.length === before + 1, 'activate() again creates a new client', `${clients.length}`);
  if (clients.length === before + 1) {
    checkCommandLine(defaults, 'termgraph', ['lsp'], 'no settings');
    await extension.deactivate();
    check(defaults.stops === 1, 'deactivate() stops the new client', `${defaults.stops}`);
  }
  settings = { 'termgraph.path': 'tg', 'termgraph.jobs': 3 };
  await extension.activate({ subscriptions: [] });
  if (check(clients.length === before + 2, 'activate() with termgraph.jobs 3')) {
    checkCommandLine(clients[clients.length - 1], 'tg', ['lsp', '--jobs', '3'], 'termgraph.jobs 3');
    await extension.deactivate();
  }

  check(unexpected.length === 0, 'extension.js loads only vscode-languageclient/node of the client library',
    show(unexpected));

  // -- the real library, when installed -------------------------------------
  const modules = path.join(extensionDir, 'node_modules', 'vscode-languageclient');
  if (fs.existsSync(modules)) {
    Module._load = originalLoad;
    let entry;
    try {
      entry = require.resolve('vscode-languageclient/node', { paths: [extensionDir] });
    } catch (e) {
      entry = undefined;
    }
    check(entry !== undefined, 'node_modules: vscode-languageclient/node resolves', modules);
    // The declarations of what extension.js uses: the class, its
    // constructor (id, name, serverOptions, clientOptions), start(), stop().
    const declarations = ['lib/node/main.d.ts', 'lib/common/client.d.ts']
      .map((f) => path.join(modules, f)).filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    check(/export declare class LanguageClient\b/.test(declarations)
        && /constructor\(id: string, name: string, serverOptions: ServerOptions, clientOptions: LanguageClientOptions/.test(declarations)
        && /\bstart\(\): Promise<void>/.test(declarations) && /\bstop\(timeout\?: number\): Promise<void>/.test(declarations),
      'node_modules: LanguageClient(id, name, serverOptions, clientOptions), start() and stop() as used');
    const version = JSON.parse(fs.readFileSync(path.join(modules, 'package.json'), 'utf8'));
    const needs = ((version.engines || {}).vscode || '').replace(/^\^/, '').split('.').map(Number);
    const ours = ((pkg.engines || {}).vscode || '').replace(/^\^/, '').split('.').map(Number);
    check(needs[0] < ours[0] || (needs[0] === ours[0] && (needs[1] || 0) <= (ours[1] || 0)),
      `node_modules: vscode-languageclient ${version.version} needs vscode ${version.engines.vscode}, within ours`,
      show(pkg.engines));
  } else {
    console.log('note: no node_modules (npm ci in editors/vscode): the real vscode-languageclient is not checked');
  }

  if (failures > 0) {
    console.log(`${failures} check(s) failed`);
    return 1;
  }
  console.log('all checks passed');
  return 0;
}

main().then((status) => process.exit(status), (e) => {
  console.log(`FAILED: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
