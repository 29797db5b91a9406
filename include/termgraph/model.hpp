// termgraph: the vocabulary model.
//
// A vocabulary is a list of term entries. Every entry has a number (as
// written in its source, or a stable id where the source has none), one
// section per language and a source range. All strings are views into
// storage owned by the Vocabulary they came from; they stay valid as long as
// that Vocabulary (or a copy of it) lives.
#pragma once

#include "termgraph/export.hpp"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string_view>
#include <type_traits>

#if defined(__has_include)
#if __has_include(<version>)
#include <version>
#endif
#endif
#if defined(__cpp_lib_ranges)
#include <ranges>
#endif

/// The termgraph library: read, resolve, check and look up term entries.
namespace termgraph {

/// A read-only view of contiguous elements: a small C++17 stand-in for
/// `std::span<const T>`, with the same member types. Its iterators are
/// pointers; in C++20 it is a borrowed, contiguous range and a view, so that
/// std::ranges algorithms accept it and `std::span<const T>` converts from
/// it.
template <typename T>
class Span {
public:
  using element_type = const T;            ///< The type of the elements, const.
  using value_type = std::remove_cv_t<T>;  ///< The elements' type without const.
  using size_type = std::size_t;           ///< The type of sizes and indexes.
  using difference_type = std::ptrdiff_t;  ///< The distance between two iterators.
  using pointer = const T*;                ///< A pointer to an element.
  using const_pointer = const T*;          ///< A pointer to an element.
  using reference = const T&;              ///< A reference to an element.
  using const_reference = const T&;        ///< A reference to an element.
  using iterator = const T*;               ///< A contiguous iterator (a pointer).
  using const_iterator = const T*;         ///< A contiguous iterator (a pointer).
  using reverse_iterator = std::reverse_iterator<iterator>;              ///< Iterates backwards.
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;  ///< Iterates backwards.

  /// An empty view.
  constexpr Span() noexcept = default;
  /// A view of the `size` elements starting at `data`.
  constexpr Span(const T* data, size_type size) noexcept : data_(data), size_(size) {}

  /// The first element's position.
  constexpr iterator begin() const noexcept { return data_; }
  /// One past the last element.
  constexpr iterator end() const noexcept { return data_ + size_; }
  /// Same as begin().
  constexpr const_iterator cbegin() const noexcept { return data_; }
  /// Same as end().
  constexpr const_iterator cend() const noexcept { return data_ + size_; }
  /// The last element's position, iterating backwards.
  constexpr reverse_iterator rbegin() const noexcept { return reverse_iterator(end()); }
  /// Before the first element, iterating backwards.
  constexpr reverse_iterator rend() const noexcept { return reverse_iterator(begin()); }
  /// The elements (nullptr when the view is empty and was never set).
  constexpr pointer data() const noexcept { return data_; }
  /// The number of elements.
  constexpr size_type size() const noexcept { return size_; }
  /// True when there are no elements.
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  /// Element `i`, unchecked: `i` must be less than size().
  constexpr reference operator[](size_type i) const noexcept { return data_[i]; }
  /// Element `i`; throws std::out_of_range when `i` is not less than size().
  constexpr reference at(size_type i) const {
    if (i >= size_) throw std::out_of_range("termgraph::Span::at: index out of range");
    return data_[i];
  }
  /// The first element; the view must not be empty.
  constexpr reference front() const noexcept { return data_[0]; }
  /// The last element; the view must not be empty.
  constexpr reference back() const noexcept { return data_[size_ - 1]; }

private:
  const T* data_ = nullptr;
  size_type size_ = 0;
};

/// Index of an entry in its Vocabulary (0-based, in reading order).
using EntryId = std::uint32_t;
/// Index of an input file in Vocabulary::files().
using FileId = std::uint32_t;

/// Marks "no entry", e.g. an unresolved reference target.
inline constexpr EntryId no_entry = UINT32_MAX;

/// A place in an input file. Lines and columns are 1-based; columns count
/// Unicode code points. The end (`end_line`, `end_column`) is exclusive: it
/// is the position just after the last character; `end_line` is 0 when only
/// the start is known.
///
/// Ranges compare member by member: file, line, column, then the end, so
/// that sorting by them gives reading order.
struct SourceRange {
  FileId file = 0;               ///< The input file (Vocabulary::files()).
  std::uint32_t line = 0;        ///< 1-based start line; 0 when unknown.
  std::uint32_t column = 0;      ///< 1-based start column, in code points.
  std::uint32_t end_line = 0;    ///< 1-based end line; 0 when only the start is known.
  std::uint32_t end_column = 0;  ///< 1-based column just after the last character.

  /// True when the range names a real position.
  [[nodiscard]] constexpr bool known() const noexcept { return line != 0; }
};

/// True when every member of `a` and `b` is equal.
[[nodiscard]] constexpr bool operator==(const SourceRange& a, const SourceRange& b) noexcept {
  return a.file == b.file && a.line == b.line && a.column == b.column && a.end_line == b.end_line &&
         a.end_column == b.end_column;
}
/// True when some member of `a` and `b` differs.
[[nodiscard]] constexpr bool operator!=(const SourceRange& a, const SourceRange& b) noexcept {
  return !(a == b);
}
/// Orders by file, line, column, end line, end column.
[[nodiscard]] constexpr bool operator<(const SourceRange& a, const SourceRange& b) noexcept {
  if (a.file != b.file) return a.file < b.file;
  if (a.line != b.line) return a.line < b.line;
  if (a.column != b.column) return a.column < b.column;
  if (a.end_line != b.end_line) return a.end_line < b.end_line;
  return a.end_column < b.end_column;
}
/// `b < a`.
[[nodiscard]] constexpr bool operator>(const SourceRange& a, const SourceRange& b) noexcept {
  return b < a;
}
/// `!(b < a)`.
[[nodiscard]] constexpr bool operator<=(const SourceRange& a, const SourceRange& b) noexcept {
  return !(b < a);
}
/// `!(a < b)`.
[[nodiscard]] constexpr bool operator>=(const SourceRange& a, const SourceRange& b) noexcept {
  return !(a < b);
}

/// Normative status of a designation (ISO 10241-1).
enum class Status : std::uint8_t { preferred, admitted, deprecated };

/// What kind of designation a term is.
enum class TermKind : std::uint8_t { full_form, abbreviation, symbol, other };

/// Where in an entry a text block (and so a reference) stands. A
/// cross-reference is a termbase's link from one entry to another (TBX
/// `crossReference`, `see`, MultiTerm's inline links): it is resolved and
/// drawn like the others, but never makes a definition circular.
enum class BlockKind : std::uint8_t { definition, note, example, source, cross_reference };

/// The level of an entry a data category stands at.
enum class CategoryLevel : std::uint8_t { entry, language, term };

/// The element that carries a data category, named as TBX's DCA style
/// names it (`descrip`, `termNote` ...). Readers of the DCT style (`<min:
/// subjectField>`) and of other formats map their markup onto these.
enum class CategoryElement : std::uint8_t {
  descrip,       ///< `descrip`: descriptive information (definition, subject field ...).
  descrip_note,  ///< `descripNote`: a note on a descrip, inside its group.
  admin,         ///< `admin`: administrative information (source, customer ...).
  admin_note,    ///< `adminNote`: a note on an admin, inside its group.
  term_note,     ///< `termNote`: information on a term (gender, part of speech ...).
  note,          ///< `note`: a free note (no type).
  ref,           ///< `ref`: a link to an element of the same document.
  xref,          ///< `xref`: a link to an outside resource (an image, a web page).
  transac,       ///< `transac`: a transaction (origination, modification).
  transac_note,  ///< `transacNote`: who made a transaction (responsibility ...).
  date,          ///< `date`: when a transaction was made.
};

/// "preferred", "admitted" or "deprecated".
[[nodiscard]] TERMGRAPH_API std::string_view to_string(Status s) noexcept;
/// "full-form", "abbreviation", "symbol" or "other".
[[nodiscard]] TERMGRAPH_API std::string_view to_string(TermKind k) noexcept;
/// "definition", "note", "example", "source" or "cross-reference".
[[nodiscard]] TERMGRAPH_API std::string_view to_string(BlockKind k) noexcept;
/// "entry", "language" or "term".
[[nodiscard]] TERMGRAPH_API std::string_view to_string(CategoryLevel l) noexcept;
/// The element's TBX name: "descrip", "descripNote", "admin", "adminNote",
/// "termNote", "note", "ref", "xref", "transac", "transacNote" or "date".
[[nodiscard]] TERMGRAPH_API std::string_view to_string(CategoryElement e) noexcept;

struct TextBlock;

/// One data category as a termbase writes it: `<descrip
/// type="subjectField">astronomy</descrip>`, a transaction, a note. Every
/// one a reader meets is kept, at its level, in source order, including
/// categories the reader does not know by name.
///
/// Groups (`descripGrp`, `termNoteGrp`, `adminGrp`, `transacGrp`) are kept
/// too: the first member of a group is the category, the others (its
/// source, its notes, a transaction's date and responsibility) are its
/// `details`, in source order. A transaction is a category whose element
/// is `transac` and whose type is "transactionType"; its date and
/// responsibility are details.
struct TERMGRAPH_API DataCategory {
  /// The element that carries it.
  CategoryElement element = CategoryElement::note;
  /// The data category's name as written: the `type` attribute (DCA), the
  /// element's local name (DCT). Empty for `note` and `date`.
  std::string_view type;
  /// The content as text: markup removed, white space collapsed, trimmed.
  std::string_view value;
  /// The `target` attribute: the id of an entry or term, or a URI. Empty
  /// when none.
  std::string_view target;
  /// The text block the content is, where the model reads it as one (a
  /// definition, a note, a context as example, a source, a cross-reference
  /// with its link); nullptr otherwise.
  const TextBlock* block = nullptr;
  /// The other members of its group, in source order; empty when it stands
  /// alone.
  Span<DataCategory> details;
  /// True when it was written in a group element (`descripGrp` ...), even
  /// one without other members.
  bool grouped = false;
  /// True when the reader knows the category's name (TBX-Basic, TBX-Min,
  /// ISO 12620 as TBX uses it); unknown ones are kept all the same.
  bool known = true;
  /// Where it stands in its file (the group element when grouped).
  SourceRange range;

  /// The first detail whose type is `type` (or, for an empty `type`, whose
  /// element is `date` when `element` is date, and so on: the first detail
  /// carried by `element`), or nullptr.
  [[nodiscard]] const DataCategory* detail(CategoryElement element,
                                           std::string_view type = {}) const noexcept;
};

/// The value of the first category of `categories` with this type (any
/// element), or an empty view. Looks at top-level categories only.
[[nodiscard]] TERMGRAPH_API std::string_view category_value(Span<DataCategory> categories,
                                                            std::string_view type) noexcept;

/// One term, abbreviation or symbol that designates the entry's concept.
struct Designation {
  /// The designation as written, markup removed.
  std::string_view text;
  /// Preferred, admitted or deprecated.
  Status status = Status::preferred;
  /// Full form, abbreviation, symbol or other.
  TermKind kind = TermKind::full_form;
  /// Part of speech as written in the source ("noun", ...); may be empty.
  std::string_view part_of_speech;
  /// True when the source states the status; false when it follows from
  /// ISO's convention (the first term is preferred). Writers write only a
  /// stated status.
  bool status_stated = true;
  /// True when the source states the kind (a term type); false when
  /// `full_form` is assumed. Writers write only a stated kind.
  bool kind_stated = true;
  /// The data categories at term level (termNote, descrip, admin,
  /// transactions ...), in source order.
  Span<DataCategory> categories;
  /// Where the designation stands in its file.
  SourceRange range;
  /// The designation with its inline markup, for writers: XML content as
  /// the source wrote it (STS `MTTF<sub>d</sub>`), normalised: presentation
  /// elements (`sub`, `sup`, `italic`, `bold` ...) without attributes,
  /// MathML (`mml:math`) whole, white space collapsed as in `text`, text
  /// escaped. Empty when the source used no inline markup. `text` is its
  /// flat, searchable form ("MTTFd").
  std::string_view markup;
  /// The id of the element that holds the term and its data (TBX
  /// `termSec`, `tig`, `ntig`; STS `tbx:tig`), as written; empty when none.
  std::string_view term_section_id;
  /// The id of the term element itself (`term/@id`), as written; empty
  /// when none. A cross-reference may target either id.
  std::string_view term_id;

  /// Grammatical gender as written ("masculine" ...); may be empty.
  [[nodiscard]] std::string_view grammatical_gender() const noexcept {
    return category_value(categories, "grammaticalGender");
  }
  /// Grammatical number as written ("singular" ...); may be empty.
  [[nodiscard]] std::string_view grammatical_number() const noexcept {
    return category_value(categories, "grammaticalNumber");
  }
  /// Geographical usage as written ("en-GB", "Canada" ...); may be empty.
  [[nodiscard]] std::string_view geographical_usage() const noexcept {
    return category_value(categories, "geographicalUsage");
  }
  /// The usage note; may be empty.
  [[nodiscard]] std::string_view usage_note() const noexcept {
    return category_value(categories, "usageNote");
  }
};

/// A cross-reference found in a text block.
///
/// `text` is the whole reference as it stands in the block, e.g.
/// "DLT system (3.30)"; `term` the part that names the cited term ("DLT
/// system"; empty when the reference carries no term); `number` the cited
/// entry number as written ("3.30"; empty for a markup link by id only).
struct Reference {
  /// The whole reference as it stands in the block.
  std::string_view text;
  /// The part that names the cited term; may be empty.
  std::string_view term;
  /// The cited entry number as written; may be empty.
  std::string_view number;
  /// For markup links: the id the markup points at (e.g. "term_3.30").
  std::string_view target_id;
  /// Byte offset of the start of `text` within the block's text.
  std::uint32_t begin = 0;
  /// Byte offset just past the end of `text` within the block's text.
  std::uint32_t end = 0;
  /// True when the reference came from markup (native `ref`, STS
  /// `entailedTerm`), false when found in plain text.
  bool markup = false;
  /// True when the parentheses hold several numbers ("(3.1.6 and 3.9.14)"),
  /// so the term before them cannot be checked against one entry.
  bool grouped = false;
  /// True when it cites another document, e.g. "(ISO 1087-2:2000, 6.7)":
  /// kept, but never resolved or reported as dangling.
  bool external = false;
  /// The entry the reference resolves to, or no_entry.
  EntryId target = no_entry;
  /// Where the reference stands in its file.
  SourceRange range;
};

/// A definition, note, example or source: text with its inline references.
struct TextBlock {
  /// Definition, note, example or source.
  BlockKind kind = BlockKind::definition;
  /// The text with markup removed, each run of white space collapsed to one
  /// space and the ends trimmed (docs/format.md, "Text").
  std::string_view text;
  /// References in order of appearance.
  Span<Reference> references;
  /// The text with its inline elements, for writers: normalised XML
  /// content as Designation::markup has it (`sub`, `sup`, `italic`, `bold`
  /// ... without attributes, MathML whole), whose text content is `text`.
  /// Empty when the block has none. Links are not in it: they stay
  /// `references`, placed by their offsets into `text`.
  std::string_view markup;
  /// Where the block stands in its file.
  SourceRange range;
};

/// The part of an entry in one language.
struct TERMGRAPH_API LanguageSection {
  /// Language tag as written (xml:lang), e.g. "en", "fr".
  std::string_view language;
  /// Preferred, admitted and deprecated designations in source order.
  Span<Designation> designations;
  /// The definition, or nullptr when the section has none.
  const TextBlock* definition = nullptr;
  /// Notes to entry, in source order.
  Span<TextBlock> notes;
  /// Examples, in source order.
  Span<TextBlock> examples;
  /// Sources, in source order.
  Span<TextBlock> sources;
  /// The data categories at language level, in source order.
  Span<DataCategory> categories;
  /// Where the section stands in its file.
  SourceRange range;

  /// The first preferred designation, or nullptr.
  [[nodiscard]] const Designation* preferred() const noexcept;
};

/// One numbered term entry.
struct TERMGRAPH_API Entry {
  /// The entry's index in its Vocabulary.
  EntryId id = no_entry;
  /// The number as written ("3.30", "3.1.2.16", "102-01-01"); where the
  /// source has none, a stable id taken from the source (its XML id).
  std::string_view number;
  /// True when `number` is a real entry number rather than a fallback id.
  bool numbered = true;
  /// The XML ids the entry can be linked by (term_3.30, sec_3.30 ...).
  Span<std::string_view> ids;
  /// One section per language, in source order.
  Span<LanguageSection> languages;
  /// The data categories at entry level (subject field, transactions ...),
  /// in source order.
  Span<DataCategory> categories;
  /// Where the entry stands in its file.
  SourceRange range;

  /// The subject field (ISO's "<domain>"), or an empty view.
  [[nodiscard]] std::string_view subject_field() const noexcept {
    return category_value(categories, "subjectField");
  }

  /// The section whose tag is `language` (as written, else the same tag in
  /// another case or canonical form: "en-gb" finds "en-GB"), or nullptr.
  [[nodiscard]] const LanguageSection* section(std::string_view language) const noexcept;
  /// The first preferred designation in the first language that has one.
  [[nodiscard]] const Designation* preferred() const noexcept;
};

}  // namespace termgraph

#if defined(__cpp_lib_ranges)
/// A Span does not own its elements: iterators taken from a temporary Span
/// stay valid (C++20 ranges).
template <typename T>
inline constexpr bool std::ranges::enable_borrowed_range<termgraph::Span<T>> = true;
/// A Span is a view: cheap to copy, it composes with std::views.
template <typename T>
inline constexpr bool std::ranges::enable_view<termgraph::Span<T>> = true;
#endif
