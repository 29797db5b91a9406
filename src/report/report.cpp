// Text writers: diagnostics the way compilers print them, entries the way
// ISO prints them.
#include "termgraph/report.hpp"

#include "text/chars.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "text/language.hpp"

namespace termgraph {
namespace {

/// True for the bytes that start a UTF-8 sequence (or stand alone).
bool starts_code_point(unsigned char c) {
  return (c & 0xC0U) != 0x80U;
}

/// Byte offsets of the code points of `line`, plus line.size() at the end.
std::vector<std::size_t> code_point_offsets(std::string_view line) {
  std::vector<std::size_t> offsets;
  offsets.reserve(line.size() + 1);
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (starts_code_point(static_cast<unsigned char>(line[i]))) offsets.push_back(i);
  }
  offsets.push_back(line.size());
  return offsets;
}

/// Source lines longer than this many code points are shown as a window
/// around the column.
constexpr std::size_t max_shown = 160;
/// How many code points of a long line are shown before the column.
constexpr std::size_t shown_before = 60;

/// Writes the source line of `range` and a caret line under its column:
/// "^" under the first code point, "~" under the rest of the range on that
/// line. Tabs before the column are repeated in the caret line so that it
/// lines up whatever the terminal's tab width.
void write_source(std::ostream& out, const Vocabulary& vocabulary, const SourceRange& range) {
  std::string_view line = vocabulary.source_line(range.file, range.line);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty() && range.column <= 1) return;

  const std::vector<std::size_t> cp = code_point_offsets(line);
  const std::size_t length = cp.size() - 1;  // in code points
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

  out << prefix << line.substr(cp[first_shown], cp[end_shown] - cp[first_shown]) << suffix << '\n';

  std::string caret(prefix.size(), ' ');
  for (std::size_t i = first_shown; i < column; ++i) {
    caret += (i < length && line[cp[i]] == '\t') ? '\t' : ' ';
  }
  caret += '^';
  const std::size_t caret_end = std::min(last, std::max(end_shown, column + 1));
  for (std::size_t i = column + 1; i < caret_end; ++i) caret += '~';
  out << caret << '\n';
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

void write_section(std::ostream& out, const LanguageSection& section,
                   const Vocabulary* vocabulary) {
  // Preferred, then admitted, then deprecated; source order within each.
  for (Status status : {Status::preferred, Status::admitted, Status::deprecated}) {
    for (const Designation& d : section.designations) {
      if (d.status != status) continue;
      if (status == Status::deprecated) out << "DEPRECATED: ";
      out << d.text << '\n';
    }
  }
  if (section.definition) out << render_block(*section.definition, vocabulary) << '\n';
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
}

void write_entry_impl(std::ostream& out, const Entry& entry, std::string_view language,
                      const Vocabulary* vocabulary) {
  out << entry.number << '\n';
  // `language` is a range: "en" shows the en-GB section (language::matches).
  std::vector<const LanguageSection*> shown;
  for (const LanguageSection& section : entry.languages) {
    if (language::matches(language, section.language)) shown.push_back(&section);
  }
  for (const LanguageSection* section : shown) {
    if (shown.size() > 1) out << '[' << section->language << "]\n";
    write_section(out, *section, vocabulary);
  }
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
  out << format_location(vocabulary, d.range) << ": " << to_string(d.severity) << ": " << d.message;
  if (!d.rule_id().empty()) out << " [" << d.rule_id() << ']';
  out << '\n';
  if (style.show_source && d.range.known()) write_source(out, vocabulary, d.range);
  for (const RelatedLocation& r : d.related) {
    out << format_location(vocabulary, r.range) << ": note: " << r.message << '\n';
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

TextDiagnosticWriter::TextDiagnosticWriter(std::ostream& out, const TextStyle& style)
    : out_(out), style_(style) {}

void TextDiagnosticWriter::begin(const Vocabulary& vocabulary) {
  vocabulary_ = &vocabulary;
  errors_ = warnings_ = 0;
}

void TextDiagnosticWriter::handle(const Diagnostic& diagnostic) {
  static const Vocabulary none;
  write_diagnostic(out_, diagnostic, vocabulary_ ? *vocabulary_ : none, style_);
  if (diagnostic.severity == Severity::error) ++errors_;
  if (diagnostic.severity == Severity::warning) ++warnings_;
}

void TextDiagnosticWriter::end() {
  if (errors_ == 0 && warnings_ == 0) return;
  std::string summary;
  if (errors_ > 0) summary = count_phrase(errors_, "error");
  if (warnings_ > 0) {
    if (!summary.empty()) summary += ", ";
    summary += count_phrase(warnings_, "warning");
  }
  out_ << summary << " generated\n";
}

void write_entry(std::ostream& out, const Entry& entry, std::string_view language) {
  write_entry_impl(out, entry, language, nullptr);
}

void write_entry(std::ostream& out, const Vocabulary& vocabulary, const Entry& entry,
                 std::string_view language) {
  write_entry_impl(out, entry, language, &vocabulary);
}

}  // namespace termgraph
