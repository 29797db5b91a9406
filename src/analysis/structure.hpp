// Internal: checks of a vocabulary's structure: the numbering of its
// entries and the languages they are given in.
#pragma once

#include <vector>

#include "diag/diagnostics.hpp"
#include "model/impl.hpp"

namespace termgraph {

/// numbering-order, missing-language, invalid-language-tag. Needs nothing
/// but the frozen model.
void check_structure(const Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics);

}  // namespace termgraph
