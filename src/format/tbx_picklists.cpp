// The TBX picklists: the one place their values are spelt. Each value is
// one row of a table, read and written from it.
#include "format/tbx_picklists.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace termgraph::tbx_picklist {

namespace {

constexpr std::string_view admn_sts_suffix = "-admn-sts";

// The first row for a value is the one written.
constexpr std::pair<Status, std::string_view> administrative_statuses[] = {
    {Status::preferred, "preferredTerm"},
    {Status::admitted, "admittedTerm"},
    {Status::deprecated, "deprecatedTerm"},
    {Status::deprecated, "supersededTerm"},
};

// TBX-Min's usageStatus; "deprecated" is what the TBX-Min samples write.
constexpr std::pair<Status, std::string_view> usage_statuses[] = {
    {Status::preferred, "preferred"},       {Status::admitted, "admitted"},
    {Status::deprecated, "notRecommended"}, {Status::deprecated, "obsolete"},
    {Status::deprecated, "deprecated"},
};

constexpr std::pair<TermKind, std::string_view> term_types[] = {
    {TermKind::full_form, "fullForm"},        {TermKind::other, "variant"},
    {TermKind::abbreviation, "abbreviation"}, {TermKind::symbol, "symbol"},
    {TermKind::abbreviation, "acronym"},      {TermKind::abbreviation, "shortForm"},
    {TermKind::abbreviation, "initialism"},   {TermKind::abbreviation, "abbreviatedForm"},
    {TermKind::abbreviation, "clippedTerm"},  {TermKind::symbol, "formula"},
    {TermKind::symbol, "equation"},
};

// The data categories of ISO 30042:2019 and its dialects (TBX-Core,
// TBX-Min, TBX-Basic) by the DCA element that carries them. A DCT file
// writes the category as an element of its own (<basic:definition>), which
// then stands where the DCA element would (first in a <descripGrp>).
constexpr std::pair<std::string_view, std::string_view> data_categories[] = {
    {"definition", "descrip"},
    {"context", "descrip"},
    {"example", "descrip"},
    {"explanation", "descrip"},
    {"subjectField", "descrip"},
    {"figure", "descrip"},
    {"table", "descrip"},
    {"audio", "descrip"},
    {"video", "descrip"},
    {"otherBinaryData", "descrip"},
    {"characteristic", "descrip"},
    {"classificationCode", "descrip"},
    {"conceptPosition", "descrip"},
    {"quantity", "descrip"},
    {"range", "descrip"},
    {"unit", "descrip"},
    {"sampleSentence", "descrip"},
    {"reliabilityCode", "descrip"},
    {"thesaurusDescriptor", "descrip"},
    {"relatedConcept", "descrip"},
    {"relatedConceptBroader", "descrip"},
    {"relatedConceptNarrower", "descrip"},
    {"associatedConcept", "descrip"},
    {"broaderConceptGeneric", "descrip"},
    {"broaderConceptPartitive", "descrip"},
    {"subordinateConceptGeneric", "descrip"},
    {"subordinateConceptPartitive", "descrip"},
    {"sequentiallyRelatedConcept", "descrip"},
    {"spatiallyRelatedConcept", "descrip"},
    {"temporallyRelatedConcept", "descrip"},
    {"antonymConcept", "descrip"},
    {"superordinateConceptGeneric", "descrip"},
    {"superordinateConceptPartitive", "descrip"},
    {"coordinateConceptGeneric", "descrip"},
    {"coordinateConceptPartitive", "descrip"},
    {"source", "admin"},
    {"customerSubset", "admin"},
    {"projectSubset", "admin"},
    {"productSubset", "admin"},
    {"securitySubset", "admin"},
    {"applicationSubset", "admin"},
    {"businessUnitSubset", "admin"},
    {"environmentSubset", "admin"},
    {"conceptOrigin", "admin"},
    {"entrySource", "admin"},
    {"originatingDatabase", "admin"},
    {"originatingInstitution", "admin"},
    {"originatingPerson", "admin"},
    {"sourceIdentifier", "admin"},
    {"sortKey", "admin"},
    {"indexHeading", "admin"},
    {"keyword", "admin"},
    {"searchTerm", "admin"},
    {"elementWorkingStatus", "admin"},
    {"subsetOwner", "admin"},
    {"partOfSpeech", "termNote"},
    {"administrativeStatus", "termNote"},
    {"normativeAuthorization", "termNote"},
    {"usageStatus", "termNote"},
    {"termType", "termNote"},
    {"grammaticalGender", "termNote"},
    {"grammaticalNumber", "termNote"},
    {"geographicalUsage", "termNote"},
    {"termLocation", "termNote"},
    {"register", "termNote"},
    {"frequency", "termNote"},
    {"temporalQualifier", "termNote"},
    {"timeRestriction", "termNote"},
    {"proprietaryRestriction", "termNote"},
    {"transferComment", "termNote"},
    {"languagePlanningQualifier", "termNote"},
    {"termProvenance", "termNote"},
    {"pronunciation", "termNote"},
    {"usageNote", "termNote"},
    {"processStatus", "termNote"},
    {"etymology", "termNote"},
    {"grammaticalValency", "termNote"},
    {"termStructure", "termNote"},
    {"abbreviatedFormFor", "termNote"},
    {"shortFormFor", "termNote"},
    {"antonymTerm", "termNote"},
    {"falseFriend", "termNote"},
    {"homograph", "termNote"},
    {"transactionType", "transac"},
    {"responsibility", "transacNote"},
    {"crossReference", "ref"},
    {"externalCrossReference", "xref"},
    {"xGraphic", "xref"},
    {"xSource", "xref"},
};

/// The value of the first row for `key` in `table`.
template <typename Key, std::size_t N>
std::string_view value_of(const std::pair<Key, std::string_view> (&table)[N], Key key) {
  for (const auto& row : table) {
    if (row.first == key) return row.second;
  }
  return table[0].second;
}

/// The key of the row whose value is `value`, nullopt when there is none.
template <typename Key, std::size_t N>
std::optional<Key> key_of(const std::pair<Key, std::string_view> (&table)[N],
                          std::string_view value) {
  for (const auto& row : table) {
    if (row.second == value) return row.first;
  }
  return std::nullopt;
}

/// `s` in ASCII lower case without spaces, '-' and '_': the form values are
/// compared in by the *_any_case() lookups.
std::string squeezed(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

/// The key of the row whose squeezed value is `value` (squeezed), nullopt
/// when there is none.
template <typename Key, std::size_t N>
std::optional<Key> key_of_any_case(const std::pair<Key, std::string_view> (&table)[N],
                                   const std::string& value) {
  for (const auto& row : table) {
    if (squeezed(row.second) == value) return row.first;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Status> status_any_case(std::string_view value) {
  std::string v = squeezed(value);
  const std::string suffix = squeezed(admn_sts_suffix);
  if (v.size() > suffix.size() && v.compare(v.size() - suffix.size(), suffix.size(), suffix) == 0) {
    v.resize(v.size() - suffix.size());
  }
  if (auto s = key_of_any_case(administrative_statuses, v)) return s;
  return key_of_any_case(usage_statuses, v);
}

std::optional<TermKind> term_type_any_case(std::string_view value) {
  return key_of_any_case(term_types, squeezed(value));
}

std::optional<Status> administrative_status(std::string_view value) {
  std::string_view v = value;
  if (v.size() > admn_sts_suffix.size() &&
      v.compare(v.size() - admn_sts_suffix.size(), admn_sts_suffix.size(), admn_sts_suffix) == 0) {
    v.remove_suffix(admn_sts_suffix.size());
  }
  return key_of(administrative_statuses, v);
}

std::optional<Status> usage_status(std::string_view value) {
  return key_of(usage_statuses, value);
}

std::string_view administrative_status_values() {
  return "preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts, "
         "supersededTerm-admn-sts";
}

std::string_view usage_status_values() {
  return "preferred, admitted, notRecommended, obsolete";
}

TermKind term_kind(std::string_view term_type) {
  return key_of(term_types, term_type).value_or(TermKind::other);
}

std::string_view normative_authorization(Status status) {
  return value_of(administrative_statuses, status);
}

std::string administrative_status_value(Status status) {
  return std::string(normative_authorization(status)) + std::string(admn_sts_suffix);
}

std::string_view term_type(TermKind kind) {
  return value_of(term_types, kind);
}

std::string_view dca_element(std::string_view category) {
  for (const auto& row : data_categories) {
    if (row.first == category) return row.second;
  }
  return {};
}

std::string_view category_name(std::string_view category) {
  for (const auto& row : data_categories) {
    if (row.first == category) return row.first;
  }
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  for (const auto& row : data_categories) {
    if (row.first.size() != category.size()) continue;
    bool same = true;
    for (std::size_t i = 0; same && i < category.size(); ++i) {
      same = lower(row.first[i]) == lower(category[i]);
    }
    if (same) return row.first;
  }
  return {};
}

}  // namespace termgraph::tbx_picklist
