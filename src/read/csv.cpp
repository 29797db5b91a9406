// The CSV reader: RFC 4180 records (quoted fields with commas, doubled
// quotes and line breaks; CRLF or LF) in UTF-8, one row per designation,
// columns named by the header row in any order (docs/formats.md, CSV).
// Rows with the same entry number form one entry, rows of one entry with the
// same language one section. Every problem is reported where it is, with
// what was read of it; nothing is dropped silently.
#include "read/csv.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "format/ids.hpp"
#include "format/tbx_picklists.hpp"
#include "read/text_builder.hpp"
#include "termgraph/rules.hpp"
#include "text/chars.hpp"
#include "text/language.hpp"
#include "text/numbers.hpp"

namespace termgraph {

namespace {

constexpr bool is_space(char c) {
  return is_xml_space(c);
}

// -- records ----------------------------------------------------------------

/// One field: its raw bytes, quotes included.
struct Field {
  std::uint32_t begin = 0, end = 0;
  bool quoted = false;
};

/// One record: its fields in `fields`.
struct Record {
  std::uint32_t first = 0, count = 0;
  std::uint32_t end = 0;  // raw offset after its last field (before the line break)
};

/// A malformed part of the text.
struct SyntaxProblem {
  std::size_t offset;
  std::string message;
};

/// How fields are separated, and where the records start.
struct Dialect {
  char separator = ',';
  /// Offset of the first record: after Excel's "sep=;" line, if any.
  std::size_t start = 0;
};

/// The dialect of `raw`. RFC 4180 separates fields by commas; spreadsheets
/// in many locales write semicolons, and termbase tools often tabs. Excel
/// may name its separator on a first line "sep=;". Otherwise the header row
/// decides: a comma wherever it has one outside quotes; else the semicolon
/// or tab it has most of.
Dialect dialect_of(std::string_view raw) {
  Dialect d;
  if (raw.size() >= 5 && raw.compare(0, 4, "sep=") == 0 &&
      (raw.size() == 5 || raw[5] == '\r' || raw[5] == '\n') && raw[4] != '"') {
    d.separator = raw[4];
    d.start = 5;
    if (d.start < raw.size() && raw[d.start] == '\r') ++d.start;
    if (d.start < raw.size() && raw[d.start] == '\n') ++d.start;
    return d;
  }
  std::size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '"') {
      quoted = !quoted;  // a doubled quote toggles twice
    } else if (!quoted && (c == '\n' || c == '\r')) {
      break;
    } else if (!quoted) {
      commas += c == ',';
      semicolons += c == ';';
      tabs += c == '\t';
    }
  }
  if (commas == 0 && (semicolons > 0 || tabs > 0)) d.separator = semicolons >= tabs ? ';' : '\t';
  return d;
}

/// Splits `raw` into records and fields in one pass (no recursion, linear).
/// Stops after `max_records` records.
void split(std::string_view raw, const Dialect& dialect, std::vector<Record>& records,
           std::vector<Field>& fields, std::vector<SyntaxProblem>& problems,
           std::size_t max_records = SIZE_MAX) {
  const std::size_t n = raw.size();
  const char sep = dialect.separator;
  auto field_end = [&](std::size_t i) { return raw[i] == sep || raw[i] == '\n' || raw[i] == '\r'; };
  std::size_t i = dialect.start;
  while (i < n && records.size() < max_records) {
    Record rec;
    rec.first = static_cast<std::uint32_t>(fields.size());
    for (;;) {
      Field f;
      f.begin = static_cast<std::uint32_t>(i);
      if (i < n && raw[i] == '"') {
        f.quoted = true;
        const std::size_t open = i++;
        bool closed = false;
        while (i < n) {
          if (raw[i] == '"') {
            if (i + 1 < n && raw[i + 1] == '"') {
              i += 2;
              continue;
            }
            closed = true;
            ++i;
            break;
          }
          ++i;
        }
        // A quote never closed, or closed only on a later line and followed
        // there by text (most likely the opening quote of a later field
        // closed it): an unterminated field, taken to the end of its line
        // so that the rows after it are still read (that part holds no lone
        // quote: it would have closed the field).
        const std::size_t line_end = std::min(raw.find_first_of("\r\n", open), n);
        const bool text_after = closed && i < n && !field_end(i);
        if (!closed || (text_after && line_end < i)) {
          problems.push_back({open, closed ? "unterminated quoted field: the quote opened here "
                                             "is closed only by a quote on a later line that "
                                             "text follows; the field is read to the end of its "
                                             "line"
                                           : "unterminated quoted field: the quote opened here "
                                             "is never closed; the field is read to the end of "
                                             "its line"});
          i = line_end;
        } else if (text_after) {
          problems.push_back({i,
                              "text after the closing quote of a field; it is read as part of "
                              "the field (double a quote inside a quoted field: \"\")"});
          while (i < n && !field_end(i)) ++i;
        }
      } else {
        bool reported = false;
        while (i < n && !field_end(i)) {
          if (raw[i] == '"' && !reported) {
            problems.push_back({i,
                                "a quote inside an unquoted field; it is read as a character "
                                "(quote the field and double the quote: \"\")"});
            reported = true;
          }
          ++i;
        }
      }
      f.end = static_cast<std::uint32_t>(i);
      fields.push_back(f);
      ++rec.count;
      if (i < n && raw[i] == sep) {
        ++i;
        continue;
      }
      break;
    }
    rec.end = static_cast<std::uint32_t>(i);
    // CRLF, LF, or a lone CR ends the record.
    if (i < n && raw[i] == '\r') ++i;
    if (i < n && raw[i] == '\n') ++i;
    records.push_back(rec);
  }
}

/// The value of a field: quotes removed, doubled quotes made single; with
/// `map`, the raw offset of every byte of the value.
void decode(std::string_view raw, const Field& f, std::string& out,
            std::vector<std::uint32_t>* map = nullptr) {
  out.clear();
  if (map) map->clear();
  auto put = [&](std::size_t at) {
    out += raw[at];
    if (map) map->push_back(static_cast<std::uint32_t>(at));
  };
  std::size_t i = f.begin;
  const std::size_t end = f.end;
  if (!f.quoted) {
    for (; i < end; ++i) put(i);
    return;
  }
  ++i;
  while (i < end) {
    if (raw[i] == '"') {
      if (i + 1 < end && raw[i + 1] == '"') {
        put(i);
        i += 2;
        continue;
      }
      // The closing quote; text after it (reported) is taken as it stands.
      for (++i; i < end; ++i) put(i);
      break;
    }
    put(i++);
  }
}

std::string_view trim(std::string_view s) {
  return trim_xml_spaces(s);
}

// -- columns ----------------------------------------------------------------

enum class Column : std::uint8_t {
  entry,
  language,
  term,
  status,
  type,
  part_of_speech,
  definition,
  note,
  example,
  source,
  subject_field,
  gender,
  unknown
};

/// The names a header cell may give each column (compared after
/// normalise()); the first is the one the writer uses, lower-cased.
struct ColumnNames {
  Column column;
  std::string_view names[9];
};

const ColumnNames column_names[] = {
    {Column::entry,
     {"entry", "entry number", "entry id", "entryid", "id", "number", "no.", "concept id",
      "concept"}},
    {Column::language, {"language", "lang", "language code", "locale", "xml:lang"}},
    {Column::term, {"term", "designation"}},
    {Column::status,
     {"status", "term status", "administrative status", "administrativestatus",
      "normative authorization", "usage status"}},
    {Column::type, {"term type", "type", "termtype"}},
    {Column::part_of_speech, {"part of speech", "pos", "partofspeech", "word class"}},
    {Column::definition, {"definition", "def"}},
    {Column::note, {"notes", "note", "comment", "comments"}},
    {Column::example, {"examples", "example", "context"}},
    {Column::source, {"sources", "source"}},
    {Column::subject_field, {"subject field", "subjectfield", "subject", "domain"}},
    {Column::gender, {"gender", "grammatical gender", "grammaticalgender"}},
};

/// Lower case (ASCII), '_' and '-' as spaces, runs of spaces as one, no
/// space at either end: "Part_of_Speech" -> "part of speech".
std::string normalise(std::string_view s) {
  std::string out;
  bool pending = false;
  for (char c : s) {
    if (c == '_' || c == '-' || is_space(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

Column column_named(std::string_view cell) {
  const std::string name = normalise(cell);
  for (const ColumnNames& c : column_names) {
    for (std::string_view n : c.names) {
      if (!n.empty() && n == name) return c.column;
    }
  }
  return Column::unknown;
}

std::string column_list() {
  std::string s;
  for (const ColumnNames& c : column_names) {
    if (!s.empty()) s += ", ";
    s += "'" + std::string(c.names[0]) + "'";
  }
  return s;
}

// -- values -----------------------------------------------------------------

/// A status cell: our names (to_string(Status)) or any value of the TBX
/// status picklists, in any case; false for any other value.
bool parse_status(std::string_view value, ReadStatus& status) {
  const std::string v = normalise(value);
  if (v.empty()) {
    status = ReadStatus::unspecified;
    return true;
  }
  std::optional<Status> s;
  for (Status named : {Status::preferred, Status::admitted, Status::deprecated}) {
    if (v == to_string(named)) s = named;
  }
  if (!s) s = tbx_picklist::status_any_case(value);
  if (!s) return false;
  status = *s == Status::preferred  ? ReadStatus::preferred
           : *s == Status::admitted ? ReadStatus::admitted
                                    : ReadStatus::deprecated;
  return true;
}

/// A term type cell: our names (to_string(TermKind)) or any value of the
/// TBX termType picklist, in any case; empty is full-form; false for any
/// other value.
bool parse_kind(std::string_view value, TermKind& kind) {
  const std::string v = normalise(value);
  if (v.empty()) {
    kind = TermKind::full_form;
    return true;
  }
  for (TermKind named :
       {TermKind::full_form, TermKind::abbreviation, TermKind::symbol, TermKind::other}) {
    if (v == normalise(to_string(named))) {
      kind = named;
      return true;
    }
  }
  std::optional<TermKind> k = tbx_picklist::term_type_any_case(value);
  if (!k) return false;
  kind = *k;
  return true;
}

/// The text of a block taken from part of a decoded field: white space
/// collapsed and trimmed as in every format, each byte mapped back to the
/// raw file (so that a reference in it is located exactly, "" or not).
/// MultiTerm's inline links (`<A=c118:c118-en-t1>italic</A>`, as a
/// spreadsheet export keeps them) become markup links, their markers left
/// out of the text.
class CsvText final : public BlockText {
public:
  CsvText(std::string_view value, const std::vector<std::uint32_t>& map, std::size_t from,
          std::size_t to) {
    bool pending = false;
    std::uint32_t space_at = 0;
    const std::string_view field = value.substr(0, to);
    constexpr std::size_t none = SIZE_MAX;
    std::size_t open = none;  // index in links_ of the link not closed yet
    for (std::size_t i = from; i < to; ++i) {
      std::string_view target;
      bool closing = false;
      const std::size_t marker =
          value[i] == '<' ? multiterm_marker_at(field, i, target, closing) : 0;
      if (marker != 0 && !(closing && open == none)) {
        if (open != none) links_[open].end = static_cast<std::uint32_t>(text_.size());
        open = none;
        if (!closing) {
          if (pending) {
            text_ += ' ';
            map_.push_back(space_at);
            pending = false;
          }
          const auto at = static_cast<std::uint32_t>(text_.size());
          links_.push_back({at, at, std::string(target), {}, false});
          open = links_.size() - 1;
        }
        i += marker - 1;
        continue;
      }
      if (is_space(value[i])) {
        if (!pending) space_at = map[i];
        pending = !text_.empty();
        continue;
      }
      if (pending) {
        text_ += ' ';
        map_.push_back(space_at);
      }
      pending = false;
      text_ += value[i];
      map_.push_back(map[i]);
    }
    if (open != none) links_[open].end = static_cast<std::uint32_t>(text_.size());
  }

  std::string_view text() const override { return text_; }
  const std::vector<MarkupLink>& links() const override { return links_; }
  std::size_t raw_offset(std::string_view, std::size_t pos) const override {
    if (pos < map_.size()) return map_[pos];
    return map_.empty() ? 0 : map_.back() + 1;
  }
  bool empty() const { return text_.empty(); }
  std::size_t first_offset() const { return map_.empty() ? 0 : map_.front(); }

private:
  std::string text_;
  std::vector<std::uint32_t> map_;
  std::vector<MarkupLink> links_;  // MultiTerm's inline links only
};

// -- the reader ---------------------------------------------------------------

class CsvReader {
public:
  CsvReader(std::string_view raw, Builder& builder) : raw_(raw), b_(builder) {}

  void run() {
    std::vector<SyntaxProblem> problems;
    split(raw_, dialect_of(raw_), records_, fields_, problems);
    for (SyntaxProblem& p : problems) {
      b_.report(rules::csv_syntax, p.offset, std::move(p.message));
    }
    std::size_t r = 0;
    while (r < records_.size() && blank(records_[r])) ++r;
    // No header row: no entries, which the loader reports (empty-input).
    if (r == records_.size()) return;
    header(records_[r]);
    group(r + 1);
    emit();
  }

private:
  /// The rows of one entry.
  struct Group {
    std::string key;
    std::size_t offset;
    bool numbered;
    bool fallback;  // key made up for a row without an entry number
    std::vector<std::size_t> rows;
  };

  const Field* field_of(std::size_t record, std::size_t column) const {
    const Record& rec = records_[record];
    return column < rec.count ? &fields_[rec.first + column] : nullptr;
  }

  bool blank(const Record& rec) {
    for (std::uint32_t k = 0; k < rec.count; ++k) {
      decode(raw_, fields_[rec.first + k], scratch_);
      if (!trim(scratch_).empty()) return false;
    }
    return true;
  }

  /// The trimmed value of `record`'s cell in `column` (empty when the
  /// column or the cell is missing).
  std::string value(std::size_t record, int column) {
    if (column < 0) return {};
    const Field* f = field_of(record, static_cast<std::size_t>(column));
    if (!f) return {};
    decode(raw_, *f, scratch_);
    return std::string(trim(scratch_));
  }

  /// The raw offset of the first non-space character of a cell's value,
  /// else of the cell; the row's end for a missing cell.
  std::size_t offset_of(std::size_t record, int column) {
    const Record& rec = records_[record];
    if (column < 0) return fields_[rec.first].begin;
    const Field* f = field_of(record, static_cast<std::size_t>(column));
    if (!f) return rec.end;
    decode(raw_, *f, scratch_, &map_);
    for (std::size_t i = 0; i < scratch_.size(); ++i) {
      if (!is_space(scratch_[i])) return map_[i];
    }
    return f->begin;
  }

  void header(const Record& rec) {
    header_ = static_cast<std::size_t>(&rec - records_.data());
    columns_ = rec.count;
    const std::vector<bool> used = columns_with_text();
    for (std::uint32_t k = 0; k < rec.count; ++k) {
      const Field& f = fields_[rec.first + k];
      decode(raw_, f, scratch_);
      const std::string name(trim(scratch_));
      const Column c = column_named(name);
      const int index = static_cast<int>(k);
      switch (c) {
        case Column::note:
          notes_.push_back(index);
          continue;
        case Column::example:
          examples_.push_back(index);
          continue;
        case Column::source:
          sources_.push_back(index);
          continue;
        case Column::unknown:
          if (name.empty() && !used[k]) continue;  // a trailing empty column
          b_.report(rules::unsupported_content, f.begin,
                    "unknown column '" + name +
                        "': its values are not read (columns: " + column_list() + ")");
          continue;
        default:
          break;
      }
      int& slot = single_[static_cast<std::size_t>(c)];
      if (slot >= 0) {
        b_.report(rules::unsupported_content, f.begin,
                  "a second '" + name + "' column: its values are not read");
        continue;
      }
      slot = index;
    }
    const std::size_t at = fields_[rec.first].begin;
    if (column(Column::entry) < 0) {
      b_.report(rules::unsupported_content, at,
                "no entry number column ('entry'): every row is read as an entry of its own");
    }
    if (column(Column::language) < 0) {
      b_.report(rules::unsupported_content, at,
                "no language column ('language'): every row is read in language 'und'");
    }
    if (column(Column::term) < 0) {
      b_.report(rules::unsupported_content, at,
                "no term column ('term'): the entries are read without designations");
    }
  }

  /// For each column of the header, whether a record after it has text in
  /// that column (one pass over the fields).
  std::vector<bool> columns_with_text() {
    std::vector<bool> used(columns_, false);
    for (std::size_t r = header_ + 1; r < records_.size(); ++r) {
      const Record& rec = records_[r];
      for (std::uint32_t k = 0; k < rec.count && k < columns_; ++k) {
        if (used[k]) continue;
        decode(raw_, fields_[rec.first + k], scratch_);
        used[k] = !trim(scratch_).empty();
      }
    }
    return used;
  }

  int column(Column c) const { return single_[static_cast<std::size_t>(c)]; }

  static std::array<int, static_cast<std::size_t>(Column::unknown)> filled(int v) {
    std::array<int, static_cast<std::size_t>(Column::unknown)> a;
    a.fill(v);
    return a;
  }

  /// Rows into entries: rows with the same entry number form one entry (in
  /// the order the numbers first appear); a row without one continues the
  /// entry of the row above.
  void group(std::size_t first) {
    std::unordered_map<std::string, std::size_t> by_key;
    const int entry_column = column(Column::entry);
    for (std::size_t r = first; r < records_.size(); ++r) {
      const Record& rec = records_[r];
      if (blank(rec)) continue;
      if (rec.count != columns_) {
        const std::size_t at = rec.count > columns_ ? fields_[rec.first + columns_].begin : rec.end;
        b_.report(rules::csv_syntax, at,
                  "this row has " + std::to_string(rec.count) + " fields but the header has " +
                      std::to_string(columns_) +
                      (rec.count > columns_ ? "; the fields after the last column are not read"
                                            : "; the missing fields are read as empty"));
      }
      const std::string key = value(r, entry_column);
      if (key.empty() && entry_column >= 0 && !entries_.empty()) {
        entries_.back().rows.push_back(r);
        continue;
      }
      if (!key.empty()) {
        auto found = by_key.find(key);
        if (found != by_key.end()) {
          entries_[found->second].rows.push_back(r);
          continue;
        }
        by_key.emplace(key, entries_.size());
      }
      Group e;
      e.fallback = key.empty();
      e.key = e.fallback ? ids::position_key(entries_.size() + 1) : key;
      e.numbered = !e.fallback && is_entry_number(key);
      e.offset = offset_of(r, entry_column);
      e.rows.push_back(r);
      entries_.push_back(std::move(e));
    }
  }

  /// True when the row holds anything for a language section.
  bool has_content(std::size_t r) {
    for (Column c : {Column::term, Column::status, Column::type, Column::part_of_speech,
                     Column::gender, Column::definition}) {
      if (!value(r, column(c)).empty()) return true;
    }
    for (const std::vector<int>* cols : {&notes_, &examples_, &sources_}) {
      for (int c : *cols) {
        // Columns are in header order: none after the row's last field.
        if (static_cast<std::uint32_t>(c) >= records_[r].count) break;
        if (!value(r, c).empty()) return true;
      }
    }
    return false;
  }

  void emit() {
    const int language_column = column(Column::language);
    for (const Group& e : entries_) {
      b_.begin_entry(e.offset, e.key, e.numbered);
      if (!e.numbered && !e.fallback) b_.add_entry_id(e.key);
      subject_fields(e.rows);
      // Rows into sections: one per language (ASCII case ignored), in the
      // order the languages first appear.
      std::vector<std::pair<std::string, std::vector<std::size_t>>> sections;
      std::unordered_map<std::string, std::size_t> section_of;  // lower-cased language
      for (std::size_t r : e.rows) {
        std::string language = value(r, language_column);
        if (language.empty()) {
          if (!has_content(r)) continue;  // the row only names the entry
          if (language_column >= 0) {
            b_.report(rules::unsupported_content, offset_of(r, language_column),
                      "a row without a language: read in language 'und'");
          }
          language = "und";
        }
        auto [it, added] = section_of.emplace(language::canonical(language), sections.size());
        if (added) {
          sections.push_back({language, {r}});
        } else {
          sections[it->second].second.push_back(r);
        }
      }
      for (const auto& s : sections) section(s.first, s.second, language_column);
      // The entry's range ends with its last row (rows of one entry may
      // stand apart: the range then spans the rows between them).
      std::uint32_t end = 0;
      for (std::size_t r : e.rows) end = std::max(end, records_[r].end);
      b_.end_entry(end);
    }
  }

  /// The entry's subject field (an entry-level category, as TBX has it):
  /// each different value of its rows once, in order (exports repeat it on
  /// every row).
  void subject_fields(const std::vector<std::size_t>& rows) {
    const int c = column(Column::subject_field);
    if (c < 0) return;
    std::vector<std::string> seen;
    for (std::size_t r : rows) {
      std::string v = value(r, c);
      if (v.empty() || std::find(seen.begin(), seen.end(), v) != seen.end()) continue;
      const std::size_t at = offset_of(r, c);
      b_.add_category(CategoryLevel::entry, at, at, CategoryElement::descrip, "subjectField", v);
      seen.push_back(std::move(v));
    }
  }

  void section(const std::string& language, const std::vector<std::size_t>& rows,
               int language_column) {
    b_.begin_section(offset_of(rows.front(), language_column), language);
    for (std::size_t r : rows) designation(r);
    // Blocks: the first row of the section that has a value gives it; a
    // later row may repeat it (identical: read once) or add to it.
    std::string first_definition;
    bool have_definition = false;
    for (std::size_t r : rows) {
      const int c = column(Column::definition);
      const Field* f = c < 0 ? nullptr : field_of(r, static_cast<std::size_t>(c));
      if (!f) continue;
      decode(raw_, *f, scratch_, &map_);
      CsvText text(scratch_, map_, 0, scratch_.size());
      if (text.empty()) continue;
      if (have_definition && text.text() == first_definition) continue;
      if (!have_definition) first_definition = std::string(text.text());
      have_definition = true;
      // A different definition: the Builder keeps it as a note and reports it.
      b_.add_block(text.first_offset(), BlockKind::definition, text);
    }
    blocks(rows, notes_, BlockKind::note);
    blocks(rows, examples_, BlockKind::example);
    blocks(rows, sources_, BlockKind::source);
  }

  /// The blocks of the columns `cols`, row by row: one per line of a cell; a
  /// cell equal to the first non-empty cell of its column in the section is
  /// read once.
  void blocks(const std::vector<std::size_t>& rows, const std::vector<int>& cols, BlockKind kind) {
    // Only the columns the widest of these rows reaches (work in proportion
    // to the rows' fields, however many columns the header names).
    std::uint32_t widest = 0;
    for (std::size_t r : rows) widest = std::max(widest, records_[r].count);
    const std::size_t n = static_cast<std::size_t>(
        std::lower_bound(cols.begin(), cols.end(), static_cast<int>(widest)) - cols.begin());
    std::vector<std::string> first(n);
    std::vector<bool> have(n, false);
    for (std::size_t r : rows) {
      for (std::size_t k = 0; k < n; ++k) {
        // Columns are in header order: none after the row's last field.
        const Field* f = field_of(r, static_cast<std::size_t>(cols[k]));
        if (!f) break;
        decode(raw_, *f, scratch_, &map_);
        if (trim(scratch_).empty()) continue;
        if (have[k] && scratch_ == first[k]) continue;
        if (!have[k]) first[k] = scratch_;
        have[k] = true;
        std::size_t from = 0;
        while (from <= scratch_.size()) {
          std::size_t to = scratch_.find_first_of("\r\n", from);
          if (to == std::string::npos) to = scratch_.size();
          CsvText text(scratch_, map_, from, to);
          if (!text.empty()) b_.add_block(text.first_offset(), kind, text);
          from = to + 1;
        }
      }
    }
  }

  void designation(std::size_t r) {
    const std::string term = value(r, column(Column::term));
    const std::string status_text = value(r, column(Column::status));
    const std::string type_text = value(r, column(Column::type));
    const std::string pos = value(r, column(Column::part_of_speech));
    const std::string gender = value(r, column(Column::gender));
    if (term.empty()) {
      for (Column c : {Column::status, Column::type, Column::part_of_speech, Column::gender}) {
        if (!value(r, column(c)).empty()) {
          b_.report(rules::unsupported_content, offset_of(r, column(c)),
                    "a status, term type, part of speech or gender without a term is not read");
          break;
        }
      }
      return;
    }
    ReadStatus status = ReadStatus::unspecified;
    if (!parse_status(status_text, status)) {
      b_.report(rules::invalid_value, offset_of(r, column(Column::status)),
                "unknown status '" + status_text +
                    "' (preferred, admitted or deprecated): the term's status is not set");
    }
    TermKind kind = TermKind::full_form;
    // An empty type cell states nothing: full form is assumed.
    bool kind_stated = !type_text.empty();
    if (!parse_kind(type_text, kind)) {
      kind_stated = false;
      b_.report(rules::invalid_value, offset_of(r, column(Column::type)),
                "unknown term type '" + type_text +
                    "' (full-form, abbreviation, symbol or other): read as full-form");
    }
    b_.add_designation(offset_of(r, column(Column::term)), term, status, kind, pos, kind_stated);
    if (!gender.empty()) {
      const std::size_t at = offset_of(r, column(Column::gender));
      b_.add_category(CategoryLevel::term, at, at, CategoryElement::term_note, "grammaticalGender",
                      gender);
    }
  }

  std::string_view raw_;
  Builder& b_;
  std::vector<Record> records_;
  std::vector<Field> fields_;
  std::size_t header_ = 0;
  std::size_t columns_ = 0;
  // The column of each single-valued kind (Column::entry ... definition), -1: none.
  std::array<int, static_cast<std::size_t>(Column::unknown)> single_ = filled(-1);
  std::vector<int> notes_, examples_, sources_;
  std::vector<Group> entries_;
  std::string scratch_;
  std::vector<std::uint32_t> map_;
};

}  // namespace

bool claims_csv(std::string_view raw, bool by_extension) {
  std::size_t i = 0;
  while (i < raw.size() && is_space(raw[i])) ++i;
  if (i < raw.size() && raw[i] == '<') return false;
  if (by_extension) return true;
  std::vector<Record> records;
  std::vector<Field> fields;
  std::vector<SyntaxProblem> problems;
  split(raw, dialect_of(raw), records, fields, problems, 1);
  if (records.empty()) return false;
  bool term = false, language_or_entry = false;
  std::string value;
  for (const Field& f : fields) {
    decode(raw, f, value);
    const Column c = column_named(trim(value));
    term = term || c == Column::term;
    language_or_entry = language_or_entry || c == Column::language || c == Column::entry;
  }
  return term && language_or_entry;
}

void read_csv(std::string_view raw, Builder& builder) {
  CsvReader(raw, builder).run();
}

}  // namespace termgraph
