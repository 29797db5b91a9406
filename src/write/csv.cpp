// The CSV writer: one row per designation, the columns the CSV reader reads
// first under these names, fields quoted where RFC 4180 needs it.
#include "write/csv.hpp"

#include <string>
#include <string_view>

namespace termgraph {

namespace {

constexpr std::string_view header =
    "Entry,Language,Term,Status,Term type,Part of speech,Definition,Notes,Examples,Sources";
/// Written only when some entry has a subject field or some term a gender.
constexpr std::string_view category_columns = ",Subject field,Gender";

/// One field: quoted (quotes doubled) when it holds a comma, a quote, a line
/// break or space at either end.
void field(std::ostream& out, std::string_view s) {
  const bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

/// The texts of `blocks`, one per line.
std::string lines(Span<TextBlock> blocks) {
  std::string s;
  for (const TextBlock& b : blocks) {
    if (!s.empty()) s += '\n';
    s += b.text;
  }
  return s;
}

/// `subject_field`: the entry's, on its first row; `categories`: whether
/// the category columns are written.
void row(std::ostream& out, std::string_view number, std::string_view language,
         const Designation* d, const LanguageSection* blocks, std::string_view subject_field,
         bool categories) {
  field(out, number);
  out << ',';
  field(out, language);
  out << ',';
  if (d) {
    // Status and type only where the source stated them (an empty cell
    // reads back as not stated).
    field(out, d->text);
    out << ',';
    if (d->status_stated) out << to_string(d->status);
    out << ',';
    if (d->kind_stated) out << to_string(d->kind);
    out << ',';
    field(out, d->part_of_speech);
  } else {
    out << ",,,";
  }
  out << ',';
  if (blocks) {
    if (blocks->definition) field(out, blocks->definition->text);
    out << ',';
    field(out, lines(blocks->notes));
    out << ',';
    field(out, lines(blocks->examples));
    out << ',';
    field(out, lines(blocks->sources));
  } else {
    out << ",,,";
  }
  if (categories) {
    out << ',';
    field(out, subject_field);
    out << ',';
    if (d) field(out, d->grammatical_gender());
  }
  out << "\r\n";
}

bool has_category_columns(const Vocabulary& vocabulary) {
  for (const Entry& e : vocabulary.entries()) {
    if (!e.subject_field().empty()) return true;
    for (const LanguageSection& s : e.languages) {
      for (const Designation& d : s.designations) {
        if (!d.grammatical_gender().empty()) return true;
      }
    }
  }
  return false;
}

}  // namespace

void write_csv(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions&) {
  const bool categories = has_category_columns(vocabulary);
  out << header;
  if (categories) out << category_columns;
  out << "\r\n";
  for (const Entry& e : vocabulary.entries()) {
    std::string_view subject = e.subject_field();  // on the entry's first row
    auto next = [&] {
      std::string_view s = subject;
      subject = {};
      return s;
    };
    if (e.languages.empty()) row(out, e.number, {}, nullptr, nullptr, next(), categories);
    for (const LanguageSection& s : e.languages) {
      if (s.designations.empty()) row(out, e.number, s.language, nullptr, &s, next(), categories);
      for (std::size_t i = 0; i < s.designations.size(); ++i) {
        row(out, e.number, s.language, &s.designations[i], i == 0 ? &s : nullptr, next(),
            categories);
      }
    }
  }
}

}  // namespace termgraph
