// termgraph: rendering diagnostics (text, JSON, SARIF, GitHub annotations,
// GitLab Code Quality) and entries as text.
#pragma once

#include "termgraph/export.hpp"

#include <cstddef>
#include <limits>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/load.hpp"

namespace termgraph {

/// Options for write_diagnostics() and TextDiagnosticWriter.
struct TextStyle {
  /// Print the source line and a caret under each diagnostic.
  bool show_source = true;
  /// Colour as clang does with ANSI escapes: location bold, "error:" red,
  /// "warning:" magenta, "note:" cyan, the caret line green.
  bool color = false;
  /// Print the findings; false prints the summary only.
  bool show_findings = true;
  /// Print at most this many findings, then how many more were not shown;
  /// the summary counts every finding all the same.
  std::size_t max_findings = std::numeric_limits<std::size_t>::max();
};

/// Writes one diagnostic the way compilers do:
///
///     file:line:col: severity: message [rule]
///     the source line
///     a caret under the column
///     file:line:col: note: related message      (one per related location)
///
/// Source lines are read from the files named in `vocabulary`.
TERMGRAPH_API void write_diagnostic(std::ostream& out, const Diagnostic& d,
                                    const Vocabulary& vocabulary, const TextStyle& style = {});

/// Writes every diagnostic of `result`, then the summary: one line per rule
/// and severity with its count ("  12 dangling-reference (error)", most
/// frequent first) and the total line ("N errors, N warnings generated",
/// with ", N notes" when there are notes); nothing when there are no
/// findings.
TERMGRAPH_API void write_diagnostics(std::ostream& out, const LoadResult& result,
                                     const TextStyle& style = {});

/// Hands every diagnostic of `result` to `consumer`, in report order
/// (begin, handle each, end).
TERMGRAPH_API void report_diagnostics(const LoadResult& result, DiagnosticConsumer& consumer);

/// A consumer that writes each diagnostic as write_diagnostic() does, and
/// the summary of write_diagnostics() at the end. Time is linear in the
/// findings and the input: the source line of a finding is found from the
/// line index, and the column from positions kept for the line last shown
/// (diagnostics come in report order), even on a file that is one long line.
class TERMGRAPH_API TextDiagnosticWriter : public DiagnosticConsumer {
public:
  /// Writes to `out`, which must outlive the writer.
  explicit TextDiagnosticWriter(std::ostream& out, const TextStyle& style = {});
  ~TextDiagnosticWriter() override;
  TextDiagnosticWriter(const TextDiagnosticWriter&) = delete;
  TextDiagnosticWriter& operator=(const TextDiagnosticWriter&) = delete;
  /// Remembers the vocabulary; resets the counts.
  void begin(const Vocabulary& vocabulary) override;
  /// Writes `diagnostic` (unless style says otherwise) and counts it.
  void handle(const Diagnostic& diagnostic) override;
  /// Writes the summary.
  void end() override;

private:
  struct State;
  std::ostream& out_;
  TextStyle style_;
  const Vocabulary* vocabulary_ = nullptr;
  std::unique_ptr<State> state_;
};

/// Options of the machine-readable reports (SARIF, GitHub, GitLab).
struct ReportOptions {
  /// Files are named relative to this directory when they lie below it,
  /// else by their absolute path; empty: the current working directory.
  std::string base_directory;
  /// SARIF: the absolute URI rule help links start from (followed by
  /// "rules.md#RULE"), ending in '/'; empty: default_docs_uri().
  std::string docs_uri;
  /// GitHub: write at most this many annotations, then how many more were
  /// not shown (in the log, not as an annotation).
  std::size_t max_findings = std::numeric_limits<std::size_t>::max();
};

/// Where the documentation is, as chosen when termgraph was built (CMake
/// variable TERMGRAPH_DOCS_URL; by default the installed documentation,
/// file://PREFIX/share/doc/termgraph/), ending in '/'.
[[nodiscard]] TERMGRAPH_API std::string_view default_docs_uri() noexcept;

/// A consumer that writes a SARIF 2.1.0 log (one run) at the end: every rule
/// of the catalogue in tool.driver.rules, one result per diagnostic with its
/// location, related locations, fixes and a partial fingerprint that does
/// not depend on lines (rule, entry numbers, message, path). Columns are in
/// Unicode code points (run.columnKind "unicodeCodePoints").
class TERMGRAPH_API SarifDiagnosticWriter : public DiagnosticConsumer {
public:
  /// Writes to `out`, which must outlive the writer.
  explicit SarifDiagnosticWriter(std::ostream& out, ReportOptions options = {});
  /// Remembers the vocabulary; forgets earlier diagnostics.
  void begin(const Vocabulary& vocabulary) override;
  /// Keeps `diagnostic` for the log.
  void handle(const Diagnostic& diagnostic) override;
  /// Writes the log.
  void end() override;

private:
  std::ostream& out_;
  ReportOptions options_;
  const Vocabulary* vocabulary_ = nullptr;
  std::vector<Diagnostic> diagnostics_;
};

/// A consumer that writes one GitHub Actions workflow command per
/// diagnostic: the command `error`, `warning` or `notice` (for a note) with
/// the properties file, line, col, endLine, endColumn and title (the rule
/// id), then the message, escaped as GitHub reads them (docs/cli.md); at
/// the end, the total line of the text summary.
class TERMGRAPH_API GithubDiagnosticWriter : public DiagnosticConsumer {
public:
  /// Writes to `out`, which must outlive the writer.
  explicit GithubDiagnosticWriter(std::ostream& out, ReportOptions options = {});
  /// Remembers the vocabulary; resets the counts.
  void begin(const Vocabulary& vocabulary) override;
  /// Writes the annotation of `diagnostic`.
  void handle(const Diagnostic& diagnostic) override;
  /// Writes the total line.
  void end() override;

private:
  std::ostream& out_;
  ReportOptions options_;
  const Vocabulary* vocabulary_ = nullptr;
  std::vector<std::string> paths_;     // by FileId, as annotations name them
  std::size_t counts_[3] = {0, 0, 0};  // by Severity
};

/// A consumer that writes a GitLab Code Quality report at the end: a JSON
/// array with one object per diagnostic (description, check_name,
/// fingerprint, severity, location.path, location.lines.begin). Severities:
/// note -> info, warning -> minor, error -> major, and blocker for errors
/// that keep a file from being checked (unreadable-input, unknown-format,
/// empty-input, xml-syntax, csv-syntax). The fingerprint is the SARIF
/// partial fingerprint: it stays when lines above the finding move.
class TERMGRAPH_API GitlabDiagnosticWriter : public DiagnosticConsumer {
public:
  /// Writes to `out`, which must outlive the writer.
  explicit GitlabDiagnosticWriter(std::ostream& out, ReportOptions options = {});
  /// Remembers the vocabulary; forgets earlier diagnostics.
  void begin(const Vocabulary& vocabulary) override;
  /// Keeps `diagnostic` for the report.
  void handle(const Diagnostic& diagnostic) override;
  /// Writes the report.
  void end() override;

private:
  std::ostream& out_;
  ReportOptions options_;
  const Vocabulary* vocabulary_ = nullptr;
  std::vector<Diagnostic> diagnostics_;
};

/// A consumer that writes the JSON report of `termgraph check --format
/// json` (version 1, docs/cli.md) at the end, followed by a line break.
class TERMGRAPH_API JsonDiagnosticWriter : public DiagnosticConsumer {
public:
  /// Writes to `out`, which must outlive the writer.
  explicit JsonDiagnosticWriter(std::ostream& out);
  /// Remembers the vocabulary; forgets earlier diagnostics.
  void begin(const Vocabulary& vocabulary) override;
  /// Keeps `diagnostic` for the report.
  void handle(const Diagnostic& diagnostic) override;
  /// Writes the report.
  void end() override;

private:
  std::ostream& out_;
  const Vocabulary* vocabulary_ = nullptr;
  std::vector<Diagnostic> diagnostics_;
};

/// The JSON report of `result` (as JsonDiagnosticWriter writes it, without
/// the final line break).
[[nodiscard]] TERMGRAPH_API std::string diagnostics_json(const LoadResult& result);

/// Writes `entry` as ISO prints it: number, preferred terms, admitted terms
/// (each followed by " (admitted)"), "DEPRECATED: " terms, definition,
/// EXAMPLE paragraphs, "Note N to entry:" paragraphs and "[SOURCE: ...]".
/// Sections in `language` only, or all languages when empty.
TERMGRAPH_API void write_entry(std::ostream& out, const Entry& entry,
                               std::string_view language = {});

/// Like write_entry() above; with the vocabulary at hand, a markup reference
/// that names its target by id only ("DLT system" linked to term_3.30) is
/// printed with the number of the entry it resolves to ("DLT system (3.30)").
TERMGRAPH_API void write_entry(std::ostream& out, const Vocabulary& vocabulary, const Entry& entry,
                               std::string_view language = {});

/// Which language sections write_entry() prints, and what it does when the
/// entry has none of them.
struct EntryTextOptions {
  /// Language ranges (BCP 47 basic filtering, tags compared in canonical
  /// form: "fr" matches "fr-FR" and "FR"); a section is printed when one of
  /// them matches its tag. Empty: every section.
  std::vector<std::string> languages;
  /// When no section matches `languages`, print the entry's main section
  /// (main_section()) after a line "(no fr section; shown in en)" naming
  /// the ranges as given ("fr, de" for several); when some match but not
  /// all, a line "(no de section)" names those missing. False: print what
  /// matches and nothing else.
  bool fallback = false;
};

/// Like write_entry() above, with the sections chosen by `options`.
TERMGRAPH_API void write_entry(std::ostream& out, const Vocabulary& vocabulary, const Entry& entry,
                               const EntryTextOptions& options);

/// The section an entry is shown in when it has none in the language asked
/// for: the section in the first language its file declares
/// (Vocabulary::declared_languages) that the entry has, else its first
/// section; nullptr when the entry has no section.
[[nodiscard]] TERMGRAPH_API const LanguageSection* main_section(const Vocabulary& vocabulary,
                                                                const Entry& entry);

/// The whole of `entry` as one JSON object (docs/cli.md, `lookup --format
/// json`): number, ids, location, subject field and categories; per
/// language section (all, or those `language` matches) its designations
/// with status, kind, whether each was stated, grammar and categories, its
/// definition, examples, notes and sources with their references and
/// targets, and its categories. A category gives its level, element, type,
/// value, target, block, group details and whether its name is known.
/// Compact (no line breaks).
[[nodiscard]] TERMGRAPH_API std::string entry_json(const Vocabulary& vocabulary, const Entry& entry,
                                                   std::string_view language = {});

/// The report of `termgraph lookup --format json` (version 1, docs/cli.md):
/// the query, the language range, and one entry_json() object per match
/// with the language and term it matched by; indented, without a final
/// line break.
[[nodiscard]] TERMGRAPH_API std::string lookup_json(const Vocabulary& vocabulary,
                                                    const std::vector<TermMatch>& matches,
                                                    std::string_view query,
                                                    std::string_view language = {});

/// Like lookup_json() above, with the sections of each entry chosen by
/// `shown` (language ranges as EntryTextOptions::languages has them; empty:
/// every section) rather than by `language`, which the report still names
/// as the range the query was matched in.
[[nodiscard]] TERMGRAPH_API std::string lookup_json(const Vocabulary& vocabulary,
                                                    const std::vector<TermMatch>& matches,
                                                    std::string_view query,
                                                    std::string_view language,
                                                    const std::vector<std::string>& shown);

/// The report of `termgraph refs --format json` (version 1, docs/cli.md):
/// the query, the language range, and per match the entry (number, ids,
/// term, file, line, column), what it cites and what cites it (number,
/// term, block kind; each entry and kind once, in reading order) and its
/// prerequisites (number, term, cycle). Terms are named in the language of
/// the section the match was made in when `language` is given (as `refs`
/// prints them), else by the entry's preferred term; indented, without a
/// final line break.
[[nodiscard]] TERMGRAPH_API std::string refs_json(const Vocabulary& vocabulary,
                                                  const std::vector<TermMatch>& matches,
                                                  std::string_view query,
                                                  std::string_view language = {});

/// The term an entry is listed under (as `refs` and its JSON name it): its
/// preferred term in `language` when it has a section there, else its first
/// preferred term, else its first designation; empty when it has none.
[[nodiscard]] TERMGRAPH_API std::string_view listed_term(const Entry& entry,
                                                         std::string_view language = {});

/// `file:line:col` for a range (the path as given to the loader).
TERMGRAPH_API std::string format_location(const Vocabulary& vocabulary, const SourceRange& range);

}  // namespace termgraph
