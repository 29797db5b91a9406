// termgraph: check, look up and explore ISO-style terminology from the
// command line. Argument parsing only; the commands are in their own files.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "termgraph/format.hpp"
#include "termgraph/version.hpp"

namespace {

using termgraph::cli::exit_usage;

std::string join(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) {
    if (!s.empty()) s += ' ';
    s += w;
  }
  return s;
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
  return s + ")";
}

int run(int argc, char** argv) {
  CLI::App app{
      "Check, look up, explore and convert ISO-style terminology (term entries, their "
      "definitions and the references between them).",
      "termgraph"};
  app.set_version_flag("--version", "termgraph " TERMGRAPH_VERSION_STRING,
                       "Print the version and exit");
  app.require_subcommand(1);
  // Usage errors read like every other error of the tool (docs/cli.md).
  app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    return "termgraph: error: " + CLI::FailureMessage::simple(failed, e);
  });
  app.footer(
      "Without --vocab, lookup and refs read the bundled vocabulary ($TERMGRAPH_VOCAB, else\n"
      "the one installed beside the program). Exit status: 0 success, 1 errors found or\n"
      "no match, 2 usage error or unreadable input. See docs/cli.md.");

  termgraph::cli::CheckOptions check;
  bool no_source = false;
  CLI::App* check_cmd = app.add_subcommand(
      "check", "Load term files as one vocabulary and report every problem found");
  check_cmd->add_option("PATH", check.paths, paths_help())->required();
  check_cmd->add_option("--format", check.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  check_cmd->add_flag("--no-source", no_source,
                      "Text format: leave out the source line and caret under each finding");

  termgraph::cli::LookupOptions lookup;
  std::vector<std::string> lookup_words;
  CLI::App* lookup_cmd =
      app.add_subcommand("lookup", "Print the entries whose number or term matches QUERY");
  lookup_cmd
      ->add_option("--vocab", lookup.vocab,
                   "Vocabulary file or directory (repeatable; default: the bundled one)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  lookup_cmd->add_option("--lang", lookup.language,
                         "Match and print only this language (e.g. en, fr)");
  lookup_cmd
      ->add_option("QUERY", lookup_words,
                   "An entry number (3.30) or a term (\"smart contract\"); case, accents "
                   "and width are ignored")
      ->required();

  termgraph::cli::LookupOptions refs;
  std::vector<std::string> refs_words;
  CLI::App* refs_cmd = app.add_subcommand(
      "refs", "Show what an entry cites, what cites it, and which entries to read first");
  refs_cmd
      ->add_option("--vocab", refs.vocab,
                   "Vocabulary file or directory (repeatable; default: the bundled one)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  refs_cmd->add_option("--lang", refs.language, "Match and name entries in this language");
  refs_cmd->add_option("QUERY", refs_words, "An entry number or a term")->required();

  termgraph::cli::ConvertOptions convert;
  CLI::App* convert_cmd = app.add_subcommand(
      "convert", "Load term files as one vocabulary and write it in another format");
  convert_cmd->add_option("--to", convert.to, "Output format")
      ->required()
      ->check(
          CLI::IsMember(format_names([](const termgraph::FormatInfo& f) { return f.can_write; })));
  convert_cmd
      ->add_option("--from", convert.from,
                   "Read every input as this format instead of detecting it from the root "
                   "element")
      ->check(
          CLI::IsMember(format_names([](const termgraph::FormatInfo& f) { return f.can_read; })));
  convert_cmd->add_option("-o,--output", convert.output,
                          "Write to FILE (through FILE.tmp, renamed when complete) instead of "
                          "standard output");
  convert_cmd->add_option("--title", convert.title,
                          "Title written where the output format has one");
  convert_cmd->add_option("INPUT", convert.paths, paths_help())->required();
  convert_cmd->footer(
      "Diagnostics of loading go to standard error. Exit status: 0 written, 1 written but\n"
      "loading found errors (what could be read is written), 2 usage error, unreadable\n"
      "input (nothing written) or output that cannot be written.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, the version or the error
    return code == 0 ? 0 : exit_usage;
  }

  if (check_cmd->parsed()) {
    check.show_source = !no_source;
    return termgraph::cli::run_check(check, std::cout, std::cerr);
  }
  if (convert_cmd->parsed()) {
    return termgraph::cli::run_convert(convert, std::cout, std::cerr);
  }
  if (lookup_cmd->parsed()) {
    lookup.query = join(lookup_words);
    return termgraph::cli::run_lookup(lookup, std::cout, std::cerr);
  }
  refs.query = join(refs_words);
  return termgraph::cli::run_refs(refs, std::cout, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (`termgraph check big/ | head`) makes writes fail instead
  // of killing the process.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    const int code = run(argc, argv);
    if (!std::cout.flush()) {
      std::cerr << "termgraph: error: cannot write the output\n";
      return exit_usage;
    }
    return code;
  } catch (const termgraph::cli::UsageError& e) {
    std::cerr << "termgraph: error: " << e.what() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "termgraph: error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "termgraph: error: unexpected failure\n";
  }
  return exit_usage;
}
