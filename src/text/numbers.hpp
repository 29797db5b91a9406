// Internal: entry numbers, parsed in one place.
#pragma once

#include <string>
#include <string_view>

namespace termgraph {

/// Normalises an entry number as written ("3.30", "102‑01‑01" with
/// non-breaking hyphens, surrounding white space) to the form used as an
/// index key: trimmed, U+2010/U+2011 hyphens turned into '-'. Returns false
/// when the text is not an entry number (digits separated by '.' or '-').
bool normalize_number(std::string_view text, std::string& out);

/// True when `text` is an entry number (see normalize_number()).
bool is_entry_number(std::string_view text);

/// The entry number an XML id carries: `term_3.7`, `sec_3.7`, also at the
/// end of a longer id (`iso_704_term_3.7`), and with the suffix `--N` that
/// writers add to keep the ids of duplicate numbers unique
/// (`term_3.7--2` -> `3.7`); empty when it carries none.
std::string_view number_in_id(std::string_view id);

}  // namespace termgraph
