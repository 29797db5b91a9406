// termgraph: rendering diagnostics and entries as text.
#pragma once

#include "termgraph/export.hpp"

#include <ostream>
#include <string>
#include <vector>

#include "termgraph/load.hpp"

namespace termgraph {

/// Options for write_diagnostics().
struct TextStyle {
  /// Print the source line and a caret under each diagnostic.
  bool show_source = true;
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

/// Writes every diagnostic of `result`, then a summary line
/// ("N errors, N warnings"; nothing when there are none).
TERMGRAPH_API void write_diagnostics(std::ostream& out, const LoadResult& result,
                                     const TextStyle& style = {});

/// Hands every diagnostic of `result` to `consumer`, in report order
/// (begin, handle each, end).
TERMGRAPH_API void report_diagnostics(const LoadResult& result, DiagnosticConsumer& consumer);

/// A consumer that writes each diagnostic as write_diagnostic() does, and
/// the summary line of write_diagnostics() at the end.
class TERMGRAPH_API TextDiagnosticWriter : public DiagnosticConsumer {
public:
  /// Writes to `out`, which must outlive the writer.
  explicit TextDiagnosticWriter(std::ostream& out, const TextStyle& style = {});
  /// Remembers the vocabulary; resets the counts.
  void begin(const Vocabulary& vocabulary) override;
  /// Writes `diagnostic`.
  void handle(const Diagnostic& diagnostic) override;
  /// Writes the summary line.
  void end() override;

private:
  std::ostream& out_;
  TextStyle style_;
  const Vocabulary* vocabulary_ = nullptr;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
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

/// Writes `entry` as ISO prints it: number, preferred term, admitted terms,
/// "DEPRECATED: " terms, definition, EXAMPLE paragraphs, "Note N to entry:"
/// paragraphs and "[SOURCE: ...]". Sections in `language` only, or all
/// languages when empty.
TERMGRAPH_API void write_entry(std::ostream& out, const Entry& entry,
                               std::string_view language = {});

/// Like write_entry() above; with the vocabulary at hand, a markup reference
/// that names its target by id only ("DLT system" linked to term_3.30) is
/// printed with the number of the entry it resolves to ("DLT system (3.30)").
TERMGRAPH_API void write_entry(std::ostream& out, const Vocabulary& vocabulary, const Entry& entry,
                               std::string_view language = {});

/// `file:line:col` for a range (the path as given to the loader).
TERMGRAPH_API std::string format_location(const Vocabulary& vocabulary, const SourceRange& range);

}  // namespace termgraph
