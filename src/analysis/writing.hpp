// Internal: the writing pass (the ISO 10241-1 rules for definitions and
// notes).
#pragma once

#include <vector>

#include "diag/diagnostics.hpp"
#include "model/impl.hpp"

namespace termgraph {

/// definition-starts-with-article, definition-ends-with-full-stop,
/// definition-capitalised, definition-repeats-term and note-label, by each
/// section's language; with the fixes of the full stop and of note labels
/// where the raw text maps back.
void check_writing(Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics);

}  // namespace termgraph
