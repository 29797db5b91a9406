// termgraph: check, look up and explore ISO-style terminology from the
// command line. Argument parsing only; the commands are in their own files.
//
// The command line is defined once, by make_app(): one add_*_command()
// function per command, and add_rule_options() for the options every
// command that prints diagnostics shares. The same definition drives the
// parser, `termgraph help`, and the completion scripts and manual page
// (`termgraph --generate bash|zsh|man`, generate.cpp), so a new option
// belongs in its command's function only.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <exception>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "config.hpp"
#include "generate.hpp"
#include "suggest.hpp"
#include "termgraph/format.hpp"
#include "termgraph/version.hpp"
#include "termgraph/write.hpp"

namespace {

using termgraph::cli::exit_usage;
using termgraph::cli::UsageError;

/// Everything the command line sets.
struct CommandLine {
  termgraph::cli::CheckOptions check;
  termgraph::cli::LookupOptions lookup;
  std::vector<std::string> lookup_words;
  termgraph::cli::LookupOptions refs;
  std::vector<std::string> refs_words;
  termgraph::cli::LookupOptions search;
  std::vector<std::string> search_words;
  termgraph::cli::IndexOptions index;
  termgraph::cli::GraphCommandOptions graph;
  termgraph::cli::ConvertOptions convert;
  termgraph::cli::HtmlOptions html;
  termgraph::cli::DiffCommandOptions diff;
  termgraph::cli::LspOptions lsp;
  /// `termgraph help [COMMAND]`.
  std::string help_command;
  /// The hidden `--generate bash|zsh|man`.
  std::string generate;
};

std::string join(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) {
    if (!s.empty()) s += ' ';
    s += w;
  }
  return s;
}

/// The query of lookup and refs: the words joined; an empty one is a usage
/// error.
std::string query_of(const std::vector<std::string>& words) {
  std::string query = join(words);
  if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw UsageError("QUERY is empty: give an entry number or a term");
  }
  return query;
}

/// The names of the formats that `pick` selects, in table order.
template <typename Pick>
std::vector<std::string> format_names(Pick pick) {
  std::vector<std::string> names;
  for (const termgraph::FormatInfo& f : termgraph::formats()) {
    if (pick(f)) names.emplace_back(f.name);
  }
  return names;
}

/// "Files or directories (searched recursively for *.xml and *.tbx)": the
/// extensions of every format read, once each, in table order.
std::string paths_help() {
  std::vector<std::string> patterns;
  for (const termgraph::FormatInfo& f : termgraph::formats()) {
    if (!f.can_read) continue;
    for (std::string_view ext : f.extensions) {
      std::string p = "*" + std::string(ext);
      if (std::find(patterns.begin(), patterns.end(), p) == patterns.end()) patterns.push_back(p);
    }
  }
  std::string s = "Files or directories (searched recursively for ";
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (i > 0) s += i + 1 == patterns.size() ? " and " : ", ";
    s += patterns[i];
  }
  return s + "); - reads standard input";
}

/// Refuses an empty value ("-o ''").
const CLI::Validator not_empty(
    [](std::string& value) {
      return value.empty() ? std::string("the value is empty") : std::string();
    },
    "");

/// Refuses a base IRI the RDF writers cannot use (termgraph::is_absolute_iri).
const CLI::Validator absolute_iri(
    [](std::string& value) {
      return termgraph::is_absolute_iri(value)
                 ? std::string()
                 : "'" + value +
                       "' is not an absolute IRI (scheme:rest, without spaces, control "
                       "characters or <>\"{}|^`\\, as https://example.org/terms/)";
    },
    "");

const CLI::Validator rule_name(
    [](std::string& value) { return termgraph::cli::check_rule_name(value); }, "");

const CLI::Validator rule_severity(
    [](std::string& value) { return termgraph::cli::check_rule_severity(value); }, "");

/// The options that choose the rules, on every command that prints
/// diagnostics.
void add_rule_options(CLI::App& command, termgraph::cli::RuleOptions& rules) {
  command
      .add_option("--profile", rules.profile,
                  "Check every file under this profile instead of its format's (iso for "
                  "native and STS, termbase for TBX and CSV; docs/rules.md)")
      ->check(CLI::IsMember({"iso", "termbase"}));
  command.add_option("--enable", rules.enable, "Report RULE even where the profile turns it off")
      ->type_name("RULE")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->check(rule_name);
  command.add_option("--disable", rules.disable, "Do not report RULE")
      ->type_name("RULE")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->check(rule_name);
  command
      .add_option("--severity", rules.severity,
                  "Report RULE as LEVEL: error, warning, note, off or on (the profile's)")
      ->type_name("RULE=LEVEL")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->check(rule_severity);
  command.add_flag_callback(
      "--werror", [&rules] { rules.werror = true; }, "Count warnings as errors (exit status 1)");
  command.add_flag_callback(
      "--no-werror", [&rules] { rules.werror = false; },
      "Do not count warnings as errors, whatever the configuration file says");
  command
      .add_option("--config", rules.config,
                  "Read the settings of this file instead of the .termgraph.toml found from "
                  "the first input up")
      ->type_name("FILE")
      ->check(not_empty);
}

CLI::App* add_check_command(CLI::App& app, CommandLine& cl) {
  CLI::App* cmd = app.add_subcommand(
      "check", "Load term files as one vocabulary and report every problem found");
  cmd->add_option("PATH", cl.check.paths, paths_help())->required();
  cmd->add_option("--format", cl.check.format,
                  "Output format: text (for people), json, sarif (code scanning), github "
                  "(Actions annotations) or gitlab (Code Quality report)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "gitlab"}))
      ->capture_default_str();
  add_rule_options(*cmd, cl.check.rules);
  termgraph::cli::add_output_options(*cmd, cl.check.output);
  CLI::Option* fix_flag =
      cmd->add_flag("--fix", cl.check.fix,
                    "Apply the fixes of the findings that have one to the files, then check again");
  CLI::Option* dry_run_flag =
      cmd->add_flag("--dry-run", cl.check.dry_run,
                    "With --fix: write nothing, print a unified diff of what --fix would change")
          ->needs(fix_flag);
  CLI::Option* baseline_option =
      cmd->add_option("--baseline", cl.check.baseline,
                      "Report only the findings not recorded in FILE (written by --write-baseline)")
          ->type_name("FILE");
  cmd->add_option("--write-baseline", cl.check.write_baseline,
                  "Record the findings in FILE (a baseline) instead of reporting them")
      ->type_name("FILE")
      ->excludes(baseline_option)
      ->excludes(dry_run_flag);
  cmd->add_option("-j,--jobs", cl.check.jobs,
                  "Threads to read and check with: files are read side by side, independent "
                  "checks run at once (default 0: as many as there are cores; the findings are "
                  "the same whatever the number)")
      ->type_name("N");
  return cmd;
}

/// lookup, refs, search, index and graph: `--vocab` and `--lang`.
void add_vocabulary_options(CLI::App& command, std::vector<std::string>& vocab,
                            std::string& language, const char* lang_help) {
  command
      .add_option("--vocab", vocab,
                  "Vocabulary file or directory (repeatable; - reads standard input; default: "
                  "the bundled one)")
      ->type_name("PATH")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command.add_option("--lang", language, lang_help)->type_name("L");
}

CLI::App* add_lookup_command(CLI::App& app, CommandLine& cl) {
  CLI::App* cmd =
      app.add_subcommand("lookup", "Print the entries whose number or term matches QUERY");
  add_vocabulary_options(*cmd, cl.lookup.vocab, cl.lookup.language,
                         "Match and print only this language (e.g. en, fr)");
  cmd->add_option("QUERY", cl.lookup_words,
                  "An entry number (3.30) or a term (\"smart contract\"); case, accents "
                  "and width are ignored")
      ->required();
  cmd->add_option("--show", cl.lookup.show,
                  "Print the sections in these languages (comma-separated, e.g. en,fr; or all) "
                  "instead of those of --lang")
      ->type_name("LANGS");
  cmd->add_option("--format", cl.lookup.format,
                  "Output format: text (the entries as ISO prints them) or json (each entry "
                  "whole: every language, term, block and data category)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  termgraph::cli::add_output_options(*cmd, cl.lookup.diagnostics);
  return cmd;
}

CLI::App* add_search_command(CLI::App& app, CommandLine& cl) {
  CLI::App* cmd = app.add_subcommand(
      "search", "List the entries QUERY names in any way, ranked, best first, one per line");
  add_vocabulary_options(*cmd, cl.search.vocab, cl.search.language,
                         "Match only in this language (e.g. en, fr-FR)");
  cmd->add_option("QUERY", cl.search_words,
                  "A number, a term or its start, an abbreviation, a misspelling, a term in "
                  "another script; with --text, words of definitions and notes")
      ->required();
  cmd->add_option("--show", cl.search.show,
                  "After each match, the terms of the entry in these languages (comma-separated, "
                  "e.g. fr,de; or all)")
      ->type_name("LANGS");
  cmd->add_flag("--text", cl.search.full_text,
                "Search the words of definitions, notes and examples, not the terms");
  cmd->add_option("--limit", cl.search.limit, "List at most N matches (0: all)")
      ->type_name("N")
      ->capture_default_str();
  cmd->add_option("--format", cl.search.format, "Output format: text (one line per match) or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  termgraph::cli::add_output_options(*cmd, cl.search.diagnostics);
  return cmd;
}

CLI::App* add_refs_command(CLI::App& app, CommandLine& cl) {
  CLI::App* cmd = app.add_subcommand(
      "refs", "Show what an entry cites, what cites it, and which entries to read first");
  add_vocabulary_options(*cmd, cl.refs.vocab, cl.refs.language,
                         "Match and name entries in this language");
  cmd->add_option("QUERY", cl.refs_words, "An entry number or a term")->required();
  cmd->add_option("--format", cl.refs.format,
                  "Output format: text (for people) or json (each entry with what it cites, "
                  "what cites it and its prerequisites)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  termgraph::cli::add_output_options(*cmd, cl.refs.diagnostics);
  return cmd;
}

CLI::App* add_index_command(CLI::App& app, CommandLine& cl) {
  CLI::App* cmd = app.add_subcommand(
      "index",
      "Print the alphabetical index: every term in collation order, with its entry number");
  add_vocabulary_options(*cmd, cl.index.vocab, cl.index.language,
                         "Index only this language (a range: en lists en-GB too), collated "
                         "for it; default: one index per language");
  cmd->add_option("--format", cl.index.format,
                  "Output format: text (term and entry number, a line each) or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  termgraph::cli::add_output_options(*cmd, cl.index.diagnostics);
  return cmd;
}

CLI::App* add_graph_command(CLI::App& app, CommandLine& cl) {
  CLI::App* cmd = app.add_subcommand(
      "graph", "Draw the reference graph, the circular definitions or the concept system");
  add_vocabulary_options(*cmd, cl.graph.vocab, cl.graph.language,
                         "Match ENTRY in this language and label the entries in it");
  // ENTRY is optional: --vocab takes one PATH each time, or it would take
  // the entries too.
  cmd->get_option("--vocab")->allow_extra_args(false);
  cmd->add_option("ENTRY", cl.graph.entries,
                  "Draw only the neighbourhood of these entries: each a number, a term (quoted "
                  "when of several words) or an id; default: the whole vocabulary");
  cmd->add_option("--format", cl.graph.format,
                  "Output format: dot (Graphviz DOT) or svg (laid out by Graphviz's library, "
                  "when termgraph was built with it)")
      ->check(CLI::IsMember({"dot", "svg"}))
      ->capture_default_str();
  cmd->add_option("--depth", cl.graph.depth,
                  "With ENTRY: how many steps of citation (or relation) away from them to draw, "
                  "both ways")
      ->type_name("N")
      ->capture_default_str();
  CLI::Option* cycles = cmd->add_flag(
      "--cycles", cl.graph.cycles,
      "Draw the circular definitions only: one cluster per group, its cycle highlighted");
  cmd->add_flag("--system", cl.graph.system,
                "Draw the concept system the vocabulary records (TBX concept relations): "
                "generic trees, partitive rakes, associative double-headed arrows (ISO 704)")
      ->excludes(cycles);
  termgraph::cli::add_output_options(*cmd, cl.graph.diagnostics);
  cmd->footer(
      "Edges: definition solid, note dashed, example dotted, source grey bold, cross-reference\n"
      "blue with a circle. Exit status: 0 drawn, 1 an ENTRY matches nothing or --system finds\n"
      "no concept relation, 2 usage error (--format svg without Graphviz), unreadable input\n"
      "or no entry read.");
  return cmd;
}

CLI::App* add_convert_command(CLI::App& app, CommandLine& cl) {
  CLI::App* cmd = app.add_subcommand(
      "convert", "Load term files as one vocabulary and write it in another format");
  cmd->add_option("--to", cl.convert.to, "Output format")
      ->required()
      ->check(
          CLI::IsMember(format_names([](const termgraph::FormatInfo& f) { return f.can_write; })));
  cmd->add_option("--from", cl.convert.from,
                  "Read every input as this format instead of detecting it (from a CSV "
                  "file's name or header, an XML file's root element)")
      ->check(
          CLI::IsMember(format_names([](const termgraph::FormatInfo& f) { return f.can_read; })));
  cmd->add_option("-o,--output", cl.convert.output,
                  "Write to FILE (through FILE.tmp, renamed when complete) instead of "
                  "standard output")
      ->type_name("FILE")
      ->check(not_empty);
  cmd->add_option("--title", cl.convert.title, "Title written where the output format has one");
  cmd->add_option("--tbx-style", cl.convert.tbx_style,
                  "Style of TBX output: dca (<descrip type=\"subjectField\">, the default) or dct "
                  "(<min:subjectField>)")
      ->check(CLI::IsMember({"dca", "dct"}));
  cmd->add_option("--base-iri", cl.convert.base_iri,
                  "Namespace of the concept IRIs of skos and jsonld output: an absolute IRI, "
                  "best ending in / or # (default: urn:termgraph:vocabulary:)")
      ->type_name("IRI")
      ->check(absolute_iri);
  add_rule_options(*cmd, cl.convert.rules);
  cmd->add_option("INPUT", cl.convert.paths, paths_help())->required();
  termgraph::cli::add_output_options(*cmd, cl.convert.diagnostics);
  cmd->footer(
      "Diagnostics of loading go to standard error. Exit status: 0 written, 1 written but\n"
      "loading found errors (what could be read is written), 2 usage error, unreadable\n"
      "input or no entry read (nothing written) or output that cannot be written.");
  return cmd;
}

CLI::App* add_html_command(CLI::App& app, CommandLine& cl) {
  CLI::App* cmd = app.add_subcommand(
      "html", "Write the vocabulary as a static HTML site: entries, indexes, findings, search");
  cmd->add_option("-o,--output", cl.html.output,
                  "The directory to write the site to (created; an earlier site there is "
                  "replaced, any other non-empty directory refused)")
      ->type_name("DIR")
      ->required()
      ->check(not_empty);
  cmd->add_option("--lang", cl.html.languages,
                  "Show and index only the sections in this language (a range: en shows en-GB "
                  "too); repeat for several; default: every language")
      ->type_name("LANG")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--title", cl.html.title, "The site's title; default: the inputs' own");
  cmd->add_option("--entries-per-page", cl.html.entries_per_page, "Entries on each page of entries")
      ->type_name("N")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
      ->capture_default_str();
  cmd->add_flag("--no-pictures", cl.html.no_pictures,
                "Leave out the picture of each entry's neighbourhood");
  add_rule_options(*cmd, cl.html.rules);
  cmd->add_option("INPUT", cl.html.paths, paths_help())->required();
  termgraph::cli::add_output_options(*cmd, cl.html.diagnostics);
  cmd->footer(
      "The findings of check go on the site's findings pages; what kept an input from being\n"
      "read is also printed on standard error. Exit status: 0 written, 1 written with errors\n"
      "on the findings pages, 2 usage error, unreadable input, no entry read or a directory\n"
      "that is not a site (nothing written).");
  return cmd;
}

CLI::App* add_diff_command(CLI::App& app, CommandLine& cl) {
  CLI::App* cmd =
      app.add_subcommand("diff",
                         "Compare two editions of a vocabulary: entries matched by concept across "
                         "renumbering, what changed and which references it breaks");
  cmd->add_option("OLD", cl.diff.paths,
                  "The old edition's files or directories, then --, then the new edition's "
                  "(NEW); each side is loaded as one vocabulary")
      ->required();
  cmd->add_option("--format", cl.diff.format,
                  "Output format: text (for people), json, markdown (a pull-request comment) or "
                  "html (a standalone page)")
      ->check(CLI::IsMember({"text", "json", "markdown", "html"}))
      ->capture_default_str();
  cmd->add_option("--color", cl.diff.color,
                  "Text: colour removed and added words (auto: when writing to a terminal and "
                  "NO_COLOR is not set)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("--similarity", cl.diff.similarity,
                  "The least similarity (0 to 1, Dice coefficient of the definitions' words) "
                  "that matches entries no number or term matched")
      ->type_name("X")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--title", cl.diff.title, "Html: the page's title");
  cmd->footer(
      "Usage: termgraph diff [OPTIONS] OLD... -- NEW...\n"
      "Exit status: 0 the editions do not differ, 1 they differ, 2 usage error (no --),\n"
      "unreadable input or no entry read on a side.");
  return cmd;
}

CLI::App* add_lsp_command(CLI::App& app, CommandLine& cl) {
  CLI::App* cmd = app.add_subcommand(
      "lsp", "Serve editors: a Language Server Protocol server on standard input and output");
  cmd->add_option("-j,--jobs", cl.lsp.jobs,
                  "Threads that analyse the vocabulary; 0: as many as the machine runs at once")
      ->type_name("N")
      ->capture_default_str();
  cmd->add_option("--log", cl.lsp.log, "Also write every message, both ways, to FILE")
      ->type_name("FILE")
      ->check(not_empty);
  cmd->footer(
      "The workspace folders the editor names are one vocabulary, as `termgraph check FOLDER`\n"
      "reads them, with the editor's text of open files; .termgraph.toml applies as for check.\n"
      "Diagnostics on every change; definition, hover, completion, references, rename of an\n"
      "entry number, document symbols and quick fixes (docs/editors.md). Exit status: 0 after\n"
      "a shutdown request, 1 when the input ends or exit comes without one.");
  return cmd;
}

CLI::App* add_help_command(CLI::App& app, CommandLine& cl) {
  CLI::App* cmd = app.add_subcommand("help", "Print the help of termgraph or of COMMAND");
  cmd->add_option("COMMAND", cl.help_command, "The command to describe");
  return cmd;
}

/// The whole command line of termgraph.
std::unique_ptr<CLI::App> make_app(CommandLine& cl) {
  auto app = std::make_unique<CLI::App>(
      "Check, look up, explore and convert ISO-style terminology (term entries, their "
      "definitions and the references between them).",
      "termgraph");
  app->set_version_flag("--version", "termgraph " TERMGRAPH_VERSION_STRING,
                        "Print the version and exit");
  // One command at most (`help check` is help about check); none only with
  // the hidden --generate (run() says a command is required).
  app->require_subcommand(0, 1);
  // Usage errors read like every other error of the tool (docs/cli.md).
  app->failure_message([](const CLI::App* failed, const CLI::Error& e) {
    return "termgraph: error: " + CLI::FailureMessage::simple(failed, e);
  });
  app->footer(
      "Without --vocab, lookup, refs, search, index and graph read the bundled vocabulary\n"
      "($TERMGRAPH_VOCAB, else the one installed beside the program). Exit status:\n"
      "0 success, 1 errors found or no match, 2 usage error or unreadable input.\n"
      "See docs/cli.md.");
  // Not in --help: what the build runs to make the completion scripts and
  // the manual page.
  app->add_option("--generate", cl.generate, "Write a completion script or the manual page")
      ->group("")
      ->check(CLI::IsMember({"bash", "zsh", "man"}));

  add_check_command(*app, cl);
  add_lookup_command(*app, cl);
  add_refs_command(*app, cl);
  add_search_command(*app, cl);
  add_index_command(*app, cl);
  add_graph_command(*app, cl);
  add_convert_command(*app, cl);
  add_html_command(*app, cl);
  add_diff_command(*app, cl);
  add_lsp_command(*app, cl);
  add_help_command(*app, cl);
  return app;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

/// "unknown command 'chek'; did you mean 'check'?" for the first word that
/// is not an option, when it names no command.
void check_command_name(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--generate") {
      ++i;  // its value
      continue;
    }
    if (word.empty() || word[0] == '-') continue;
    const std::vector<std::string> names = command_names(app);
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      throw UsageError("unknown command '" + std::string(word) + "'" +
                       termgraph::cli::did_you_mean(word, names) +
                       "\nRun with --help for the list of commands.");
    }
    return;
  }
}

/// "unknown option '--formt'; did you mean '--format'?" for the options
/// the parser did not expect; empty when the extras are not options.
std::string unknown_options(const CLI::App& app) {
  const CLI::App* where = &app;
  for (const CLI::App* sub : app.get_subcommands()) where = sub;
  std::vector<std::string> names;
  for (const CLI::App* a : {&app, where}) {
    for (const CLI::Option* option : a->get_options()) {
      if (option->get_group().empty()) continue;
      for (const std::string& n : option->get_lnames()) names.push_back("--" + n);
      for (const std::string& n : option->get_snames()) names.push_back("-" + n);
    }
  }
  std::string message;
  for (const std::string& extra : app.remaining(true)) {
    if (extra.size() < 2 || extra[0] != '-') continue;
    const std::string name = extra.substr(0, extra.find('='));
    if (!message.empty()) message += "\ntermgraph: error: ";
    message += "unknown option '" + name + "'";
    if (where != &app) message += " of " + where->get_name();
    message += termgraph::cli::did_you_mean(name, names);
  }
  return message;
}

int run(int argc, char** argv) {
  CommandLine cl;
  const std::unique_ptr<CLI::App> app = make_app(cl);
  check_command_name(*app, argc, argv);
  termgraph::cli::mark_diff_separator(argc, argv);
  try {
    app->parse(argc, argv);
    if (cl.generate.empty() && app->get_subcommands().empty()) {
      throw CLI::RequiredError("A subcommand");
    }
  } catch (const CLI::ExtrasError& e) {
    const std::string message = unknown_options(*app);
    if (message.empty()) return app->exit(e) == 0 ? 0 : exit_usage;
    std::cerr << "termgraph: error: " << message << "\nRun with --help for more information.\n";
    return exit_usage;
  } catch (const CLI::ParseError& e) {
    const int code = app->exit(e);  // prints help, the version or the error
    return code == 0 ? 0 : exit_usage;
  }

  if (!cl.generate.empty()) {
    termgraph::cli::generate(*app, cl.generate, std::cout);
    return 0;
  }
  if (app->got_subcommand("help")) {
    // What --help prints (help() of an app would describe the selected
    // subcommand, `help` itself).
    if (cl.help_command.empty()) {
      std::cout << app->get_formatter()->make_help(app.get(), app->get_name(),
                                                   CLI::AppFormatMode::Normal);
      return 0;
    }
    const std::vector<std::string> names = command_names(*app);
    if (std::find(names.begin(), names.end(), cl.help_command) == names.end()) {
      throw UsageError("unknown command '" + cl.help_command + "'" +
                       termgraph::cli::did_you_mean(cl.help_command, names));
    }
    std::cout << app->get_subcommand(cl.help_command)->help(app->get_name());
    return 0;
  }
  if (app->got_subcommand("check")) {
    return termgraph::cli::run_check(cl.check, std::cout, std::cerr);
  }
  if (app->got_subcommand("convert")) {
    return termgraph::cli::run_convert(cl.convert, std::cout, std::cerr);
  }
  if (app->got_subcommand("lookup")) {
    cl.lookup.query = query_of(cl.lookup_words);
    return termgraph::cli::run_lookup(cl.lookup, std::cout, std::cerr);
  }
  if (app->got_subcommand("search")) {
    cl.search.query = query_of(cl.search_words);
    return termgraph::cli::run_search(cl.search, std::cout, std::cerr);
  }
  if (app->got_subcommand("diff")) {
    return termgraph::cli::run_diff(cl.diff, std::cout, std::cerr);
  }
  if (app->got_subcommand("html")) {
    return termgraph::cli::run_html(cl.html, std::cout, std::cerr);
  }
  if (app->got_subcommand("lsp")) {
    return termgraph::cli::run_lsp(cl.lsp, std::cin, std::cout, std::cerr);
  }
  if (app->got_subcommand("graph")) {
    return termgraph::cli::run_graph(cl.graph, std::cout, std::cerr);
  }
  if (app->got_subcommand("index")) {
    return termgraph::cli::run_index(cl.index, std::cout, std::cerr);
  }
  cl.refs.query = query_of(cl.refs_words);
  return termgraph::cli::run_refs(cl.refs, std::cout, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (`termgraph check big/ | head`) makes writes fail instead
  // of killing the process.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    const int code = run(argc, argv);
    errno = 0;
    if (!std::cout.flush()) {
      // The system's reason where the stream left one ("Broken pipe").
      std::cerr << "termgraph: error: cannot write to standard output"
                << (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()) << '\n';
      return exit_usage;
    }
    return code;
  } catch (const termgraph::cli::ReportedFailure&) {
    // Already on standard error, located.
  } catch (const termgraph::cli::UsageError& e) {
    std::cerr << "termgraph: error: " << e.what() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "termgraph: error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "termgraph: error: unexpected failure\n";
  }
  return exit_usage;
}
