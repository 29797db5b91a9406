// Internal: the TBX picklists termgraph reads and writes (term status and
// term type), spelt once, in tbx_picklists.cpp. The STS reader and writer
// use them too: STS terms markup is TBX.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "termgraph/model.hpp"

namespace termgraph::tbx_picklist {

/// The status an administrativeStatus or normativeAuthorization value
/// gives: preferredTerm, admittedTerm, deprecatedTerm, supersededTerm, each
/// with or without the TBX v3 suffix "-admn-sts"; nullopt for any other.
std::optional<Status> administrative_status(std::string_view value);

/// The status a TBX-Min usageStatus value gives: preferred, admitted,
/// notRecommended, obsolete (and "deprecated", as TBX-Min samples write);
/// nullopt for any other.
std::optional<Status> usage_status(std::string_view value);

/// Any status value of the TBX picklists (administrativeStatus with or
/// without "-admn-sts", normativeAuthorization, usageStatus), ignoring ASCII
/// case and any space, '-' or '_' ("Preferred Term", "preferredterm"), for
/// formats that carry the values without a data category (CSV); nullopt for
/// any other.
std::optional<Status> status_any_case(std::string_view value);

/// A termType value of the picklist ignoring ASCII case and any space, '-'
/// or '_' ("short form" is shortForm); nullopt for a value not in it.
std::optional<TermKind> term_type_any_case(std::string_view value);

/// The values administrative_status() accepts, for messages:
/// "preferredTerm-admn-sts, admittedTerm-admn-sts, ...".
std::string_view administrative_status_values();

/// The values usage_status() accepts, for messages.
std::string_view usage_status_values();

/// The kind a termType value gives (fullForm, acronym, abbreviation,
/// symbol, formula ...); other for any value it does not name.
TermKind term_kind(std::string_view term_type);

/// The normativeAuthorization value written for a status: preferredTerm,
/// admittedTerm or deprecatedTerm.
std::string_view normative_authorization(Status status);

/// The TBX v3 administrativeStatus value written for a status:
/// preferredTerm-admn-sts, admittedTerm-admn-sts or deprecatedTerm-admn-sts.
std::string administrative_status_value(Status status);

/// The termType value written for a kind: fullForm, abbreviation, symbol,
/// variant.
std::string_view term_type(TermKind kind);

/// The DCA element that carries the data category `category` as its type
/// ("definition" -> "descrip", "source" -> "admin", "partOfSpeech" ->
/// "termNote", "transactionType" -> "transac", "crossReference" -> "ref",
/// "xGraphic" -> "xref"): what a DCT element named `category` stands for.
/// Empty for a category this table does not know (a dialect's own).
std::string_view dca_element(std::string_view category);

/// The name of data category `category` as this table spells it, matched
/// exactly or else in any ASCII case (termbase tools export their fields as
/// "Definition", "Source" ...); empty for a category the table does not
/// know.
std::string_view category_name(std::string_view category);

}  // namespace termgraph::tbx_picklist
