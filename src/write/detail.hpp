// Internal: what the format writers (write_native.cpp, write_sts.cpp,
// write_tbx.cpp) share; defined in write.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "termgraph/vocabulary.hpp"

namespace termgraph::write_detail {

/// The language most entries start with; ties go to the one met first.
std::string default_language(const Vocabulary& vocabulary);

/// The markup references of `block` in text order, without those nested in
/// an earlier one (no format here can write a link inside a link).
std::vector<const Reference*> links_of(const TextBlock& block);

/// True when `part` is a view into `whole`: a reference's number taken from
/// its block's text rather than from a link target.
bool within(std::string_view part, std::string_view whole);

/// The TBX picklist value of a status: "preferredTerm", "admittedTerm",
/// "deprecatedTerm" (STS normativeAuthorization; TBX v3 adds "-admn-sts").
std::string_view status_value(Status s);

/// The TBX termType value of a kind: fullForm, abbreviation, symbol, variant.
std::string_view term_type_value(TermKind k);

}  // namespace termgraph::write_detail
