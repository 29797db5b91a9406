// The termgraph tool's commands, apart from argument parsing (main.cpp).
#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "output.hpp"
#include "termgraph/load.hpp"

namespace termgraph::cli {

/// Exit codes of the tool.
enum Exit : int { exit_ok = 0, exit_findings = 1, exit_usage = 2 };

/// A problem with how the tool was called or with its inputs; main() prints
/// "termgraph: error: <what>" and exits with exit_usage.
class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// A failure already reported on the error stream (the errors of a
/// configuration file, each located): main() exits with exit_usage and adds
/// nothing.
class ReportedFailure : public std::exception {
public:
  const char* what() const noexcept override { return "reported failure"; }
};

/// The options that choose which rules report and how seriously, shared by
/// the commands that print diagnostics (check, convert); combined with the
/// configuration file by diagnostic_options() (config.hpp).
struct RuleOptions {
  /// "iso", "termbase", or empty: the configuration file's, else each
  /// file's format's profile.
  std::string profile;
  /// Rule ids to turn on, to turn off, and `RULE=LEVEL` settings.
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::vector<std::string> severity;
  /// Warnings count as errors (exit status 1): true with --werror, false
  /// with --no-werror, unset: the configuration file's choice.
  std::optional<bool> werror;
  /// The configuration file; empty: look for `.termgraph.toml`.
  std::string config;
};

/// The paths of the bundled vocabulary: $TERMGRAPH_VOCAB, else
/// <exe dir>/<installed terms dir>, else the source tree's terms/. Throws
/// UsageError when none exists.
std::vector<std::string> bundled_vocabulary();

struct CheckOptions {
  std::vector<std::string> paths;
  /// "text", "json", "sarif", "github" or "gitlab".
  std::string format = "text";
  /// How text (and github) output prints the findings.
  OutputOptions output;
  RuleOptions rules;
  /// Apply the fixes of the findings to the files, then check again.
  bool fix = false;
  /// With fix: write nothing, print the unified diff of what would change.
  bool dry_run = false;
  /// Report only the findings this baseline file does not hold; empty: none.
  std::string baseline;
  /// Record the findings in this baseline file instead of reporting them.
  std::string write_baseline;
  /// Threads (AnalysisOptions::threads): 0, as many as there are cores.
  unsigned jobs = 0;
};

/// Writes the findings of `result` to `out` (standard output) in `format`
/// ("text", "json", "sarif", "github", "gitlab").
void report_findings(const LoadResult& result, const std::string& format,
                     const OutputOptions& output, std::ostream& out);

/// `termgraph check`: 0 without errors, 1 with errors, 2 when an input
/// cannot be read.
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

struct LookupOptions {
  /// Vocabulary files or directories; the bundled vocabulary when empty.
  std::vector<std::string> vocab;
  /// --lang: the language range the query is matched in (and, for lookup
  /// without --show, the sections printed); empty: every language.
  std::string language;
  /// lookup --show: comma-separated language ranges of the sections to
  /// print, or "all"; empty (not given): those of --lang.
  std::string show;
  std::string query;
  /// lookup: "text" (the ISO layout) or "json" (the whole entries); refs:
  /// "text" or "json" (the graph around each entry); search: "text" (one
  /// line per match) or "json".
  std::string format = "text";
  /// search: match words of definitions, notes and examples instead of
  /// terms (--text).
  bool full_text = false;
  /// search: at most this many matches; 0: all.
  std::size_t limit = 20;
  /// How the problems that kept inputs from being read are printed (on
  /// standard error).
  OutputOptions diagnostics;
};

/// `termgraph lookup`: prints every matching entry (as text, or as one JSON
/// report); 1 when none matches.
int run_lookup(const LookupOptions& options, std::ostream& out, std::ostream& err);

/// `termgraph refs`: what an entry cites, what cites it, and what to read
/// first; 1 when no entry matches.
int run_refs(const LookupOptions& options, std::ostream& out, std::ostream& err);

/// The language ranges of --show LANGS (comma-separated; "all": none, which
/// means every language). Throws UsageError on an empty range or "all"
/// among ranges.
std::vector<std::string> show_ranges(const std::string& show);

/// `termgraph search`: the ranked matches of Vocabulary::search, best first,
/// one per line (or one JSON report); 1 when none matches.
int run_search(const LookupOptions& options, std::ostream& out, std::ostream& err);
struct IndexOptions {
  /// Vocabulary files or directories; the bundled vocabulary when empty.
  std::vector<std::string> vocab;
  /// A language range: one index of the sections it matches. Empty: one
  /// index per language of the vocabulary.
  std::string language;
  /// "text" (term and entry number, a line each) or "json".
  std::string format = "text";
  /// How the problems that kept inputs from being read are printed (on
  /// standard error).
  OutputOptions diagnostics;
};

/// `termgraph index`: the alphabetical index of --lang, or of every
/// language; 1 when no section is in the language --lang names.
int run_index(const IndexOptions& options, std::ostream& out, std::ostream& err);

struct GraphCommandOptions {
  /// Vocabulary files or directories; the bundled vocabulary when empty.
  std::vector<std::string> vocab;
  /// --lang: the language range entries are matched in and labelled in;
  /// empty: every language, labels in each entry's first preferred term.
  std::string language;
  /// ENTRY...: numbers, terms or ids, each looked up as refs looks its
  /// QUERY up; empty: the whole vocabulary.
  std::vector<std::string> entries;
  /// "dot" or "svg".
  std::string format = "dot";
  /// Steps from the entries (GraphOptions::depth).
  unsigned depth = 1;
  /// --cycles: the circular definitions only.
  bool cycles = false;
  /// --system: the concept system (concept relations).
  bool system = false;
  /// How the problems that kept inputs from being read are printed (on
  /// standard error).
  OutputOptions diagnostics;
};

/// `termgraph graph`: the picture as DOT or SVG on `out`; 1 when an ENTRY
/// matches nothing or --system finds no concept relation; throws UsageError
/// for --format svg in a build without Graphviz.
int run_graph(const GraphCommandOptions& options, std::ostream& out, std::ostream& err);

struct ConvertOptions {
  std::vector<std::string> paths;
  /// The output format: a name of formats() that can be written ("native",
  /// "sts", "tbx", "tbx2008", "csv", "skos", "jsonld").
  std::string to;
  /// Read every input as this format ("native", "sts", "tbx", "tbx2008");
  /// empty: detect each file's format.
  std::string from;
  /// The output file (written through OUTPUT.tmp, then renamed); empty or
  /// "-": standard output (the command line refuses an empty -o).
  std::string output;
  /// Title written where the output format has one; empty: none.
  std::string title;
  /// TBX output style: "dca" or "dct".
  std::string tbx_style = "dca";
  /// Base IRI of the SKOS and JSON-LD output (WriteOptions::base_iri);
  /// empty: the default.
  std::string base_iri;
  RuleOptions rules;
  /// How the diagnostics of loading are printed (on standard error).
  OutputOptions diagnostics;
};

/// The format named `name` ("native", "sts", "tbx", "tbx2008"), or
/// Format::unknown.
Format parse_format_name(const std::string& name);

/// `termgraph convert`: diagnostics of loading on `err`, the vocabulary in
/// the target format on `out` or in the output file. 0 when written without
/// errors, 1 when written but loading found errors, 2 (nothing written, an
/// existing output file untouched) when an input cannot be read or no input
/// yields an entry; throws UsageError when the output cannot be written.
int run_convert(const ConvertOptions& options, std::ostream& out, std::ostream& err);

struct HtmlOptions {
  std::vector<std::string> paths;
  /// The directory the site is written to (created; an earlier site there
  /// is replaced).
  std::string output;
  /// --lang: language ranges whose sections are shown; empty: every one.
  std::vector<std::string> languages;
  /// The site's title; empty: the inputs' own.
  std::string title;
  /// Entries per page of entries.
  std::size_t entries_per_page = 200;
  /// Leave out the pictures of each entry's neighbourhood.
  bool no_pictures = false;
  RuleOptions rules;
  /// How the diagnostics that kept inputs from being read are printed (on
  /// standard error); the findings themselves go on the site.
  OutputOptions diagnostics;
};

/// `termgraph html`: the static site of the vocabulary in a directory. 0
/// when written and loading found no error, 1 when written with errors on
/// the findings pages, 2 (nothing written, an existing site untouched) when
/// an input cannot be read, no entry was read or the directory is taken by
/// something that is not a termgraph site.
int run_html(const HtmlOptions& options, std::ostream& out, std::ostream& err);

struct DiffCommandOptions {
  /// OLD..., diff_separator, NEW... (as mark_diff_separator() left them).
  std::vector<std::string> paths;
  /// "text", "json", "markdown" or "html".
  std::string format = "text";
  /// Colour of text output: "auto", "always" or "never".
  std::string color = "auto";
  /// DiffOptions::similarity.
  double similarity = 0.6;
  /// The title of the HTML page; empty: the default.
  std::string title;
};

/// What stands for the `--` between OLD... and NEW... of `termgraph diff`
/// once mark_diff_separator() has run (CLI11 would drop a `--`).
extern const char* const diff_separator;

/// For `termgraph diff`, replaces each `--` after the command word in
/// `argv` by diff_separator; leaves other commands' arguments alone.
void mark_diff_separator(int argc, char** argv);

/// `termgraph diff`: the changes between two editions on `out`. 0 when
/// they do not differ, 1 when they do, 2 (UsageError, or after reasons on
/// `err`) when the separator is missing, an input cannot be read or a side
/// yields no entry.
int run_diff(const DiffCommandOptions& options, std::ostream& out, std::ostream& err);

/// `termgraph lsp`: a Language Server Protocol server on standard input and
/// output (lsp/server.cpp; docs/editors.md).
struct LspOptions {
  /// Threads for analysis (0: the hardware's).
  unsigned jobs = 0;
  /// A file to write every message to, both ways; empty: none.
  std::string log;
};

/// Serves `in` and `out` until `exit` or the end of `in`; returns 0 after a
/// shutdown request, else 1.
int run_lsp(const LspOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace termgraph::cli
