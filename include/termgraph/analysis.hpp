// termgraph: the analysis of a loaded vocabulary, as passes over the frozen
// model, and how to choose them.
#pragma once

#include "termgraph/export.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

#include "termgraph/diagnostic.hpp"

namespace termgraph {

struct LoadResult;

/// The analysis passes, in the order they run. A pass records what it finds
/// beside the model (indexes, resolutions, graph) and reports diagnostics;
/// none changes the model.
enum class Pass : std::uint8_t {
  /// Entries by number and id (find_number); reports duplicate-number.
  entry_index,
  /// Designations by folded form (find_term, complete, closest).
  term_index,
  /// Each reference to its entry; dangling-reference, unnumbered-reference,
  /// reference-number-mismatch, label-mismatch, deprecated-term-cited.
  /// Needs entry_index.
  resolution,
  /// Citations, circular definitions; self-reference, circular-definition,
  /// unreferenced-entry. Needs resolution.
  graph,
  /// duplicate-term, missing-definition, missing-definition-in-language,
  /// missing-preferred-term, empty-element. Needs term_index.
  entry_checks,
  /// The numbering and the languages: numbering-order, missing-language,
  /// invalid-language-tag.
  structure,
  /// The text as written: invalid-character, not-nfc, whitespace (with
  /// their fixes).
  text_checks,
  /// How definitions and notes are written: definition-starts-with-article,
  /// definition-ends-with-full-stop, definition-capitalised,
  /// definition-repeats-term, note-label.
  writing,
};

/// "entry-index", "term-index", "resolution", "graph", "entry-checks",
/// "structure", "text-checks", "writing".
TERMGRAPH_API std::string_view to_string(Pass pass) noexcept;

/// Every pass, in the order the driver runs them.
TERMGRAPH_API Span<Pass> passes() noexcept;

/// What analysis runs and how its findings are reported.
struct AnalysisOptions {
  /// False: loading stops at the frozen model (no indexes, no resolution,
  /// no graph, no checks); call analyse() later.
  bool run = true;
  /// Passes not to run; a pass whose prerequisite is skipped is skipped too.
  std::vector<Pass> skip;
  /// Severities, rules turned off and the consumer; applied to the
  /// diagnostics of loading as well as to those of the passes.
  DiagnosticOptions diagnostics;
  /// Threads that loading (several files read at once) and the passes
  /// (independent ones side by side) may use: 0, as many as the hardware
  /// runs at once; 1, the calling thread only. The vocabulary and the
  /// findings are the same whatever the number.
  unsigned threads = 0;
};

/// Runs the analysis on a result loaded with `run = false` (options.run is
/// not consulted): its diagnostics get those of the passes, in report order,
/// and options.diagnostics applies to those. Returns false, changing
/// nothing, when the vocabulary was analysed already or is shared with a
/// copy (analyse before copying `result.vocabulary`).
[[nodiscard]] TERMGRAPH_API bool analyse(LoadResult& result, const AnalysisOptions& options = {});

}  // namespace termgraph
