// Internal: ICU's word break iterator for a language, shared by the
// full-text index (lookup/full_text.cpp) and the word-level differences of
// editions (publish/diff.cpp).
#pragma once

#include <memory>
#include <string_view>

#include <unicode/brkiter.h>

namespace termgraph {

/// The ICU word break iterator for the BCP 47 tag `tag` (empty, or a tag ICU
/// cannot read: the root rules). Throws std::runtime_error when ICU has no
/// word break rules.
std::unique_ptr<icu::BreakIterator> word_iterator(std::string_view tag);

}  // namespace termgraph
