// Internal: the text pass (invalid-character, not-nfc, whitespace).
#pragma once

#include <vector>

#include "diag/diagnostics.hpp"
#include "model/impl.hpp"

namespace termgraph {

/// invalid-character over the raw bytes of each XML file (not where an
/// xml-syntax or invalid-encoding finding of `loading`, the diagnostics of
/// reading, already stands); not-nfc on every
/// designation and text block; whitespace on the designations as written.
/// Adds the fixes of not-nfc and whitespace where the raw text maps back.
void check_text(Vocabulary::Impl& impl, const std::vector<Diagnostic>& loading,
                std::vector<Diagnostic>& diagnostics);

}  // namespace termgraph
