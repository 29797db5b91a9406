// Internal: checks on the model that are not about references or cycles.
#pragma once

#include <vector>

#include "diag/diagnostics.hpp"
#include "model/impl.hpp"

namespace termgraph {

/// Fills Impl::by_number and Impl::by_id; reports duplicate-number.
void build_entry_indexes(Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics);

/// duplicate-term, missing-definition, missing-definition-in-language,
/// missing-preferred-term, empty-element. Needs the term index (folded
/// keys).
void check_entries(const Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics);

}  // namespace termgraph
