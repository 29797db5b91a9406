// Internal: suppression comments. An XML comment inside an entry,
//
//   <!-- termgraph: ignore circular-definition, duplicate-term -->
//
// silences the findings of those rules that belong to the entry (docs/cli.md,
// "Suppressions"); a suppression that silences nothing is reported as
// unused-suppression. The comments are found in the raw bytes the
// vocabulary keeps, and placed in entries by the entries' ranges.
#pragma once

#include <cstddef>
#include <vector>

#include "model/impl.hpp"
#include "termgraph/format.hpp"

namespace termgraph {

/// Finds the suppression comments of every XML file of `impl` (formats
/// indexed by FileId; CSV has no comments) and records them in
/// impl.suppressions, once.
void read_suppressions(Vocabulary::Impl& impl, const std::vector<Format>& formats);

/// Removes from `diagnostics[first..]` every finding a suppression of its
/// entry silences, and marks those suppressions used. A finding belongs to
/// an entry when Diagnostic::entries names it or its position lies inside
/// the entry's range.
void apply_suppressions(Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics,
                        std::size_t first);

/// Appends an unused-suppression finding for each suppression that has
/// silenced nothing so far (and for each comment with an unknown rule or
/// directive). Call once, when every finding has been through
/// apply_suppressions().
void report_unused_suppressions(const Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics);

}  // namespace termgraph
