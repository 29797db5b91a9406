// Internal: the id conventions of the formats, in one place (ids.cpp):
// `term_N` and `sec_N` carry an entry number in an XML id, `--N` keeps the
// ids of duplicate numbers apart, `entry-N` names an entry that has neither
// number nor id by its position.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

namespace termgraph::ids {

/// The id of a termEntry or conceptEntry for entry number `number`:
/// `term_3.7`.
std::string term_id(std::string_view number);

/// The id of an STS term-sec (or sec) for number `number`: `sec_3.7`.
std::string section_id(std::string_view number);

/// The entry number an XML id carries: `term_3.7`, `sec_3.7`, also at the
/// end of a longer id (`iso_704_term_3.7`), and with the suffix `--N` that
/// writers add to keep the ids of duplicate numbers unique
/// (`term_3.7--2` -> `3.7`); empty when it carries none.
std::string_view number_in_id(std::string_view id);

/// What stands before the `term_` or `sec_` of an id that carries an entry
/// number (number_in_id()): the document the number belongs to, in ids
/// such as `iso_9000_2005_en_term_3.1.6` -> `iso_9000_2005_en_`; empty for
/// `term_3.7` and for an id that carries no number.
std::string_view document_in_id(std::string_view id);

/// The rest of an id that starts with `term_` or `sec_` (`term_3.30` ->
/// `3.30`), empty for any other id.
std::string_view after_prefix(std::string_view id);

/// The key of an entry known neither by a number nor by an id: `entry-N`,
/// N its 1-based position in the file.
std::string position_key(std::size_t position);

/// The key of an STS term-sec known neither by a label, a number in its
/// ids nor an id: `term-sec-N`, N its 1-based position in the document.
std::string term_sec_key(std::size_t position);

/// An XML ID (NCName) for `key`: U+2010 and U+2011 hyphens become '-',
/// other characters outside [A-Za-z0-9._-] become '_', and a key that does
/// not start with a letter or '_' is prefixed with `prefix`.
std::string xml_id(std::string_view key, std::string_view prefix);

/// True when `id` can be written back as the id it was read as: a name
/// token without ':' (letters, digits, '.', '-', '_', non-ASCII
/// characters, taken as name characters without checking XML's exact
/// ranges). Ids that start with a digit (`2_76365`, as termbase exports
/// write them) are kept too, though an XML ID may not: the source used it,
/// and its links name it.
bool is_xml_id(std::string_view id);

/// Makes ids unique within one document: the first use of an id is kept,
/// later ones get the suffix `--2`, `--3` ... (number_in_id() strips it).
class UniqueIds {
public:
  /// `id`, or `id` with the first free suffix.
  std::string add(const std::string& id);
  /// Takes `id` as it is when no earlier call took it; false otherwise.
  bool take(const std::string& id) { return used_.insert(id).second; }

private:
  std::unordered_set<std::string> used_;
};

}  // namespace termgraph::ids
