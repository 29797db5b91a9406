// Internal: entry numbers, parsed in one place.
#pragma once

#include <string>
#include <string_view>

namespace termgraph {

/// Normalises an entry number as written ("3.30", "102‑01‑01" with
/// non-breaking hyphens, surrounding white space) to the form used as an
/// index key: trimmed, U+2010/U+2011 hyphens turned into '-'. Returns false
/// when the text is not an entry number (digits separated by '.' or '-');
/// `out` then holds nothing of use.
bool normalize_number(std::string_view text, std::string& out);

/// True when `text` is an entry number (see normalize_number()).
bool is_entry_number(std::string_view text);

}  // namespace termgraph

namespace termgraph {

/// Orders entry numbers as a systematic index lists them: part by part,
/// each run of digits compared as a number ("3.9" before "3.10", "3.1"
/// before "3.1.1"), other characters by byte. Texts that are not entry
/// numbers compare the same way, so the order is total and stable.
bool number_less(std::string_view a, std::string_view b) noexcept;

}  // namespace termgraph
