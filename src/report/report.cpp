// Text writers: diagnostics the way compilers print them, entries the way
// ISO prints them.
#include "termgraph/report.hpp"

#include "text/chars.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/rules.hpp"
#include "text/language.hpp"

namespace termgraph {
namespace {

/// True for the bytes that start a UTF-8 sequence (or stand alone).
bool starts_code_point(unsigned char c) {
  return (c & 0xC0U) != 0x80U;
}

/// Where the code points of one source line start. A line's code points are
/// counted once, keeping the byte offset of every `stride`-th one, so that
/// any column is then reached by walking at most `stride` code points: the
/// excerpts of many findings on one long line (a one-line export) cost the
/// line once plus their windows, instead of the line each.
class LinePositions {
public:
  /// Indexes `text` (one line, without its line break).
  void reset(std::string_view text) {
    text_ = text;
    marks_.clear();
    length_ = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (i > 0 && !starts_code_point(static_cast<unsigned char>(text[i]))) continue;
      if (length_ % stride == 0) marks_.push_back(i);
      ++length_;
    }
  }

  /// The line indexed.
  [[nodiscard]] std::string_view text() const { return text_; }
  /// Its length in code points.
  [[nodiscard]] std::size_t length() const { return length_; }

  /// The byte offset of code point `n` (0-based); text().size() for n >=
  /// length().
  [[nodiscard]] std::size_t offset(std::size_t n) const {
    if (n >= length_) return text_.size();
    std::size_t at = marks_[n / stride];
    for (std::size_t k = n % stride; k > 0; --k) at = next(at);
    return at;
  }

  /// The offset of the code point after the one at byte `at`.
  [[nodiscard]] std::size_t next(std::size_t at) const {
    ++at;
    while (at < text_.size() && !starts_code_point(static_cast<unsigned char>(text_[at]))) ++at;
    return at;
  }

private:
  static constexpr std::size_t stride = 64;
  std::string_view text_;
  std::vector<std::size_t> marks_;  // offset of code point k * stride
  std::size_t length_ = 0;
};

/// Source lines longer than this many code points are shown as a window
/// around the column.
constexpr std::size_t max_shown = 160;
/// How many code points of a long line are shown before the column.
constexpr std::size_t shown_before = 60;

// ANSI escapes, as clang colours its diagnostics.
constexpr std::string_view ansi_reset = "\x1b[0m";
constexpr std::string_view ansi_bold = "\x1b[1m";
constexpr std::string_view ansi_caret = "\x1b[1;32m";  // bold green

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::error:
      return "\x1b[1;31m";  // bold red
    case Severity::warning:
      return "\x1b[1;35m";  // bold magenta
    case Severity::note:
      break;
  }
  return "\x1b[1;36m";  // bold cyan
}

/// The source line of `range`, without a final carriage return.
std::string_view source_line_of(const Vocabulary& vocabulary, const SourceRange& range) {
  std::string_view line = vocabulary.source_line(range.file, range.line);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

/// Writes the source line indexed by `positions` and a caret line under the
/// column of `range`: "^" under the first code point, "~" under the rest of
/// the range on that line. Tabs before the column are repeated in the caret
/// line so that it lines up whatever the terminal's tab width.
void write_source(std::ostream& out, const LinePositions& positions, const SourceRange& range,
                  bool color) {
  const std::string_view line = positions.text();
  if (line.empty() && range.column <= 1) return;

  const std::size_t length = positions.length();
  // 0-based code point index of the column; may lie past the end.
  const std::size_t column = range.column > 0 ? range.column - 1 : 0;
  std::size_t last = column + 1;  // one past the last code point marked
  if (range.end_line == range.line && range.end_column > range.column) {
    last = std::max<std::size_t>(last, range.end_column - 1);
  } else if (range.end_line > range.line) {
    last = std::max(last, length);
  }

  std::size_t first_shown = 0;
  std::size_t end_shown = length;
  if (length > max_shown) {
    first_shown = column > shown_before ? column - shown_before : 0;
    first_shown = std::min(first_shown, length - max_shown);
    end_shown = first_shown + max_shown;
  }
  const std::string_view prefix = first_shown > 0 ? "..." : "";
  const std::string_view suffix = end_shown < length ? "..." : "";

  const std::size_t begin_byte = positions.offset(first_shown);
  const std::size_t end_byte = positions.offset(end_shown);
  out << prefix << line.substr(begin_byte, end_byte - begin_byte) << suffix << '\n';

  std::string caret(prefix.size(), ' ');
  std::size_t at = begin_byte;
  for (std::size_t i = first_shown; i < column; ++i) {
    caret += (i < length && line[at] == '\t') ? '\t' : ' ';
    if (i < length) at = positions.next(at);
  }
  if (color) caret += ansi_caret;
  caret += '^';
  const std::size_t caret_end = std::min(last, std::max(end_shown, column + 1));
  for (std::size_t i = column + 1; i < caret_end; ++i) caret += '~';
  if (color) caret += ansi_reset;
  out << caret << '\n';
}

/// Writes a diagnostic; `positions` indexes its source line when the style
/// shows it.
void write_one(std::ostream& out, const Diagnostic& d, const Vocabulary& vocabulary,
               const TextStyle& style, const LinePositions* positions) {
  const bool color = style.color;
  if (color) out << ansi_bold;
  out << format_location(vocabulary, d.range) << ':';
  if (color)
    out << ansi_reset << ' ' << severity_color(d.severity);
  else
    out << ' ';
  out << to_string(d.severity) << ':';
  if (color)
    out << ansi_reset << ' ' << ansi_bold;
  else
    out << ' ';
  out << d.message;
  if (!d.rule_id().empty()) out << " [" << d.rule_id() << ']';
  if (color) out << ansi_reset;
  out << '\n';
  if (positions) write_source(out, *positions, d.range, color);
  for (const RelatedLocation& r : d.related) {
    if (color) {
      out << ansi_bold << format_location(vocabulary, r.range) << ':' << ansi_reset << ' '
          << severity_color(Severity::note) << "note:" << ansi_reset << ' ' << ansi_bold
          << r.message << ansi_reset << '\n';
    } else {
      out << format_location(vocabulary, r.range) << ": note: " << r.message << '\n';
    }
  }
}

std::string_view file_name(const Vocabulary& vocabulary, FileId file) {
  const auto& files = vocabulary.files();
  if (file < files.size()) return files[file];
  return "<unknown>";
}

/// "3 errors" / "1 warning".
std::string count_phrase(std::size_t n, std::string_view singular) {
  std::string s = std::to_string(n);
  s += ' ';
  s += singular;
  if (n != 1) s += 's';
  return s;
}

/// True when `s` looks like an entry number: digits separated by '.', '-'
/// or a Unicode hyphen.
bool looks_like_number(std::string_view s) {
  if (s.empty()) return false;
  bool digit = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '.' || c == '-') {
      continue;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0x90 ||
                static_cast<unsigned char>(s[i + 2]) == 0x91)) {
      i += 2;  // U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN
    } else {
      return false;
    }
  }
  return digit;
}

constexpr bool is_space(char c) {
  return is_xml_space(c);
}

/// The number a reference is printed with: the one it was written with, else
/// (with a vocabulary) the number of the entry it resolves to.
std::string_view reference_number(const Reference& ref, const Vocabulary* vocabulary) {
  if (looks_like_number(ref.number)) return ref.number;
  if (vocabulary && ref.target != no_entry && ref.target < vocabulary->size()) {
    const Entry& target = (*vocabulary)[ref.target];
    if (target.numbered) return target.number;
  }
  return {};
}

/// The text of a block as printed: a markup reference whose text carries no
/// number ("DLT system", "time ()") gets the number of the entry it cites,
/// as ISO's renderers add it ("DLT system (3.30)", "time (3.4)").
std::string render_block(const TextBlock& block, const Vocabulary* vocabulary) {
  const std::string_view text = block.text;
  std::string out;
  out.reserve(text.size() + 16 * block.references.size());
  std::size_t copied = 0;
  for (const Reference& ref : block.references) {
    if (!ref.markup || ref.external) continue;
    if (ref.begin < copied || ref.end > text.size() || ref.end < ref.begin) continue;
    const std::string_view number = reference_number(ref, vocabulary);
    if (number.empty()) continue;
    std::string_view written = text.substr(ref.begin, ref.end - ref.begin);
    if (written.find(number) != std::string_view::npos) continue;

    // Empty parentheses at the end of the reference: fill them in.
    std::size_t close = written.size();
    while (close > 0 && is_space(written[close - 1])) --close;
    if (close > 0 && written[close - 1] == ')') {
      std::size_t open = close - 1;
      while (open > 0 && is_space(written[open - 1])) --open;
      if (open > 0 && written[open - 1] == '(') {
        out.append(text, copied, ref.begin + open - copied);
        out += number;
        copied = ref.begin + close - 1;  // the ')' is copied with what follows
        continue;
      }
    }
    // A number written right after the reference, outside it.
    std::size_t next = ref.end;
    while (next < text.size() && is_space(text[next])) ++next;
    if (next < text.size() && text[next] == '(') continue;

    out.append(text, copied, ref.end - copied);
    out += " (";
    out += number;
    out += ')';
    copied = ref.end;
  }
  out.append(text, copied, std::string_view::npos);
  return out;
}

/// The data categories the ISO layout shows in their own place, which the
/// list of other categories leaves out: the subject field (`<domain>`
/// before the definition), the grammar and geographical usage after the
/// term, the term's status and type (its place and `DEPRECATED:`), and
/// every category whose text is a block shown as definition, example, note
/// or source.
bool shown_in_layout(const DataCategory& c, CategoryLevel level) {
  if (c.block) return c.block->kind != BlockKind::cross_reference;
  const std::string_view type = c.type;
  if (level != CategoryLevel::term) return type == "subjectField";
  return type == "grammaticalGender" || type == "grammaticalNumber" || type == "partOfSpeech" ||
         type == "geographicalUsage" || type == "termType" || type == "administrativeStatus" ||
         type == "normativeAuthorization";
}

/// "type: value → target", the element's name standing for an empty type
/// ("note: ...", "date: ..."); a block's text is rendered as blocks are.
void write_category_text(std::ostream& out, const DataCategory& c, const Vocabulary* vocabulary) {
  out << (c.type.empty() ? to_string(c.element) : c.type) << ':';
  const std::string value = c.block ? render_block(*c.block, vocabulary) : std::string(c.value);
  if (!value.empty()) out << ' ' << value;
  if (!c.target.empty()) out << " \xE2\x86\x92 " << c.target;  // U+2192 RIGHTWARDS ARROW
}

/// One line per category not shown elsewhere: the category, then its
/// details in parentheses, separated by semicolons:
/// "transactionType: origination (date: 2024-05-01; responsibility: Jo)".
/// A category shown in its place whose group holds details that are not
/// gets a line of its name and those details only: "partOfSpeech (note:
/// also a verb)".
void write_other_categories(std::ostream& out, Span<DataCategory> categories, CategoryLevel level,
                            std::string_view indent, const Vocabulary* vocabulary) {
  for (const DataCategory& c : categories) {
    const bool shown = shown_in_layout(c, level);
    const auto unshown = [&](const DataCategory& d) { return !shown_in_layout(d, level); };
    if (shown && std::none_of(c.details.begin(), c.details.end(), unshown)) continue;
    out << indent;
    if (shown) {
      out << (c.type.empty() ? to_string(c.element) : c.type);
    } else {
      write_category_text(out, c, vocabulary);
    }
    bool first = true;
    for (const DataCategory& d : c.details) {
      if (shown && !unshown(d)) continue;
      out << (first ? " (" : "; ");
      first = false;
      write_category_text(out, d, vocabulary);
    }
    if (!first) out << ')';
    out << '\n';
  }
}

/// ISO 10241-1's abbreviations of grammatical gender and number ("m", "f",
/// "n"; "sg", "pl") and of parts of speech ("adj", "adv"); other values as
/// written.
std::string_view grammar_abbreviation(std::string_view value) {
  struct Abbreviation {
    std::string_view value;
    std::string_view shown;
  };
  static constexpr Abbreviation table[] = {
      {"masculine", "m"}, {"feminine", "f"},    {"neuter", "n"},   {"singular", "sg"},
      {"plural", "pl"},   {"adjective", "adj"}, {"adverb", "adv"},
  };
  for (const Abbreviation& a : table) {
    if (a.value == value) return a.shown;
  }
  return value;
}

/// The term line: the designation, then its gender, number, part of speech
/// and geographical usage, each after a comma ("Stern, m, sg, noun").
void write_term_line(std::ostream& out, const Designation& d) {
  if (d.status == Status::deprecated) out << "DEPRECATED: ";
  out << d.text;
  const std::string_view part_of_speech =
      d.part_of_speech.empty() ? category_value(d.categories, "partOfSpeech") : d.part_of_speech;
  for (std::string_view info :
       {d.grammatical_gender(), d.grammatical_number(), part_of_speech, d.geographical_usage()}) {
    if (!info.empty()) out << ", " << grammar_abbreviation(info);
  }
  // ISO sets preferred terms in bold, admitted ones in light type: plain
  // text has neither, so an admitted term says what it is.
  if (d.status == Status::admitted) out << " (admitted)";
  out << '\n';
}

/// The subject fields shown for a section: its own, else its entry's.
std::vector<std::string_view> subject_fields(const Entry& entry, const LanguageSection& section) {
  std::vector<std::string_view> fields;
  for (Span<DataCategory> categories : {section.categories, entry.categories}) {
    for (const DataCategory& c : categories) {
      if (c.type == "subjectField" && !c.value.empty()) fields.push_back(c.value);
    }
    if (!fields.empty()) break;
  }
  return fields;
}

void write_section(std::ostream& out, const Entry& entry, const LanguageSection& section,
                   const Vocabulary* vocabulary) {
  // Preferred, then admitted, then deprecated; source order within each.
  for (Status status : {Status::preferred, Status::admitted, Status::deprecated}) {
    for (const Designation& d : section.designations) {
      if (d.status != status) continue;
      write_term_line(out, d);
      write_other_categories(out, d.categories, CategoryLevel::term, "  ", vocabulary);
    }
  }
  // ISO 10241-1 puts the domain in angle brackets before the definition.
  const std::vector<std::string_view> fields = subject_fields(entry, section);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ' ';
    out << '<' << fields[i] << '>';
  }
  if (section.definition) {
    if (!fields.empty()) out << ' ';
    out << render_block(*section.definition, vocabulary) << '\n';
  } else if (!fields.empty()) {
    out << '\n';
  }
  const std::size_t examples = section.examples.size();
  for (std::size_t i = 0; i < examples; ++i) {
    out << "EXAMPLE";
    if (examples > 1) out << ' ' << (i + 1);
    out << ' ' << render_block(section.examples[i], vocabulary) << '\n';
  }
  for (std::size_t i = 0; i < section.notes.size(); ++i) {
    out << "Note " << (i + 1) << " to entry: " << render_block(section.notes[i], vocabulary)
        << '\n';
  }
  for (const TextBlock& source : section.sources) {
    out << "[SOURCE: " << render_block(source, vocabulary) << "]\n";
  }
  write_other_categories(out, section.categories, CategoryLevel::language, {}, vocabulary);
}

/// "fr", "fr or de", "fr, de or it".
std::string spoken_list(const std::vector<std::string_view>& items) {
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) s += i + 1 == items.size() ? " or " : ", ";
    s += items[i];
  }
  return s;
}

void write_entry_impl(std::ostream& out, const Entry& entry, const EntryTextOptions& options,
                      const Vocabulary* vocabulary) {
  out << entry.number << '\n';
  // Each range is a language range: "en" shows the en-GB section
  // (language::matches).
  const std::vector<std::string>& ranges = options.languages;
  const auto wanted = [&ranges](const LanguageSection& section) {
    return ranges.empty() ||
           std::any_of(ranges.begin(), ranges.end(), [&section](const std::string& range) {
             return language::matches(range, section.language);
           });
  };
  std::vector<const LanguageSection*> shown;
  for (const LanguageSection& section : entry.languages) {
    if (wanted(section)) shown.push_back(&section);
  }
  if (options.fallback) {
    std::vector<std::string_view> missing;
    for (const std::string& range : ranges) {
      const bool found = std::any_of(
          entry.languages.begin(), entry.languages.end(),
          [&range](const LanguageSection& s) { return language::matches(range, s.language); });
      const bool listed = std::find(missing.begin(), missing.end(), range) != missing.end();
      if (!found && !listed) missing.push_back(range);
    }
    if (!missing.empty()) {
      out << "(no " << spoken_list(missing) << " section";
      const LanguageSection* main =
          shown.empty() && vocabulary ? main_section(*vocabulary, entry) : nullptr;
      if (main) {
        shown.push_back(main);
        out << "; shown in " << main->language;
      }
      out << ")\n";
    }
  }
  write_other_categories(out, entry.categories, CategoryLevel::entry, {}, vocabulary);
  for (const LanguageSection* section : shown) {
    if (shown.size() > 1) out << '[' << section->language << "]\n";
    write_section(out, entry, *section, vocabulary);
  }
}

/// The options of write_entry(..., language): that range, no fallback.
EntryTextOptions single_language(std::string_view language) {
  EntryTextOptions options;
  if (!language.empty()) options.languages.emplace_back(language);
  return options;
}

}  // namespace

std::string format_location(const Vocabulary& vocabulary, const SourceRange& range) {
  std::string s(file_name(vocabulary, range.file));
  if (!range.known()) return s;
  s += ':';
  s += std::to_string(range.line);
  if (range.column > 0) {
    s += ':';
    s += std::to_string(range.column);
  }
  return s;
}

void write_diagnostic(std::ostream& out, const Diagnostic& d, const Vocabulary& vocabulary,
                      const TextStyle& style) {
  if (style.show_source && d.range.known()) {
    LinePositions positions;
    positions.reset(source_line_of(vocabulary, d.range));
    write_one(out, d, vocabulary, style, &positions);
  } else {
    write_one(out, d, vocabulary, style, nullptr);
  }
}

void write_diagnostics(std::ostream& out, const LoadResult& result, const TextStyle& style) {
  TextDiagnosticWriter writer(out, style);
  report_diagnostics(result, writer);
}

void report_diagnostics(const LoadResult& result, DiagnosticConsumer& consumer) {
  consumer.begin(result.vocabulary);
  for (const Diagnostic& d : result.diagnostics) consumer.handle(d);
  consumer.end();
}

/// What the text writer keeps between diagnostics: the positions of the
/// source line last shown, and the counts for the summary.
struct TextDiagnosticWriter::State {
  LinePositions positions;
  FileId file = 0;
  std::uint32_t line = 0;  // 0: no line indexed
  // Findings per rule (index rule_count: without a rule) and severity.
  std::vector<std::array<std::size_t, 3>> counts =
      std::vector<std::array<std::size_t, 3>>(rule_count + 1, {0, 0, 0});
  std::size_t shown = 0;
  std::size_t hidden = 0;
};

TextDiagnosticWriter::TextDiagnosticWriter(std::ostream& out, const TextStyle& style)
    : out_(out), style_(style), state_(std::make_unique<State>()) {}

TextDiagnosticWriter::~TextDiagnosticWriter() = default;

void TextDiagnosticWriter::begin(const Vocabulary& vocabulary) {
  vocabulary_ = &vocabulary;
  state_ = std::make_unique<State>();
}

void TextDiagnosticWriter::handle(const Diagnostic& diagnostic) {
  static const Vocabulary none;
  State& state = *state_;
  const std::size_t rule =
      diagnostic.rule ? static_cast<std::size_t>(diagnostic.rule->code) : rule_count;
  const auto severity = static_cast<std::size_t>(diagnostic.severity);
  if (severity < 3) ++state.counts[rule][severity];
  if (!style_.show_findings) return;
  if (state.shown >= style_.max_findings) {
    ++state.hidden;
    return;
  }
  ++state.shown;
  const Vocabulary& vocabulary = vocabulary_ ? *vocabulary_ : none;
  const SourceRange& range = diagnostic.range;
  if (style_.show_source && range.known()) {
    if (state.line != range.line || state.file != range.file) {
      state.positions.reset(source_line_of(vocabulary, range));
      state.file = range.file;
      state.line = range.line;
    }
    write_one(out_, diagnostic, vocabulary, style_, &state.positions);
  } else {
    write_one(out_, diagnostic, vocabulary, style_, nullptr);
  }
}

void TextDiagnosticWriter::end() {
  State& state = *state_;
  if (state.hidden > 0) {
    out_ << state.hidden << " more finding" << (state.hidden == 1 ? "" : "s") << " not shown\n";
  }
  struct Row {
    std::size_t count;
    std::size_t rule;
    std::size_t severity;
  };
  std::vector<Row> rows;
  std::size_t totals[3] = {0, 0, 0};
  for (std::size_t rule = 0; rule < state.counts.size(); ++rule) {
    for (std::size_t severity = 3; severity-- > 0;) {
      const std::size_t n = state.counts[rule][severity];
      if (n == 0) continue;
      rows.push_back({n, rule, severity});
      totals[severity] += n;
    }
  }
  if (rows.empty()) return;
  // Most frequent first; ties in the catalogue's order.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return a.count > b.count; });
  const std::size_t width = std::to_string(rows.front().count).size();
  for (const Row& row : rows) {
    const std::string count = std::to_string(row.count);
    out_ << "  " << std::string(width - count.size(), ' ') << count << ' '
         << (row.rule < rule_count ? rules::all()[row.rule]->id : std::string_view("(no rule)"))
         << " (" << to_string(static_cast<Severity>(row.severity)) << ")\n";
  }
  std::string summary;
  const auto add = [&summary](std::size_t n, std::string_view what) {
    if (n == 0) return;
    if (!summary.empty()) summary += ", ";
    summary += count_phrase(n, what);
  };
  add(totals[static_cast<std::size_t>(Severity::error)], "error");
  add(totals[static_cast<std::size_t>(Severity::warning)], "warning");
  add(totals[static_cast<std::size_t>(Severity::note)], "note");
  out_ << summary << " generated\n";
}

void write_entry(std::ostream& out, const Entry& entry, std::string_view language) {
  write_entry_impl(out, entry, single_language(language), nullptr);
}

void write_entry(std::ostream& out, const Vocabulary& vocabulary, const Entry& entry,
                 std::string_view language) {
  write_entry_impl(out, entry, single_language(language), &vocabulary);
}

void write_entry(std::ostream& out, const Vocabulary& vocabulary, const Entry& entry,
                 const EntryTextOptions& options) {
  write_entry_impl(out, entry, options, &vocabulary);
}

const LanguageSection* main_section(const Vocabulary& vocabulary, const Entry& entry) {
  for (std::string_view declared : vocabulary.declared_languages(entry.range.file)) {
    for (const LanguageSection& section : entry.languages) {
      if (language::matches(declared, section.language)) return &section;
    }
  }
  return entry.languages.empty() ? nullptr : &entry.languages.front();
}

std::string_view listed_term(const Entry& entry, std::string_view language) {
  if (!language.empty()) {
    if (const LanguageSection* s = entry.section(language)) {
      if (const Designation* d = s->preferred()) return d->text;
    }
  }
  if (const Designation* d = entry.preferred()) return d->text;
  for (const LanguageSection& s : entry.languages) {
    if (!s.designations.empty()) return s.designations.front().text;
  }
  return {};
}

}  // namespace termgraph
