// Fixes: the edits of diagnostics mapped from lines and columns to bytes of
// the original file and applied there; and the unified diff of the result,
// computed from the edits (only the lines they touch are compared).
#include "termgraph/fix.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "model/impl.hpp"
#include "text/encoding.hpp"
#include "text/line_index.hpp"

namespace termgraph {

namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

bool continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// A position to map, and where its byte offset goes.
struct Wanted {
  std::uint32_t line, column;
  std::size_t* offset;
};

/// Maps each position to a byte offset of `text` (npos when the text has no
/// such position): in increasing order, each from the previous one on the
/// same line, so that many positions on one long line cost one walk.
void map_positions(std::string_view text, const LineIndex& lines, std::vector<Wanted>& wanted) {
  std::sort(wanted.begin(), wanted.end(), [](const Wanted& a, const Wanted& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  std::uint32_t line = 0, column = 0;
  std::size_t at = npos, limit = 0;
  bool last_line = false;
  for (Wanted& w : wanted) {
    *w.offset = npos;
    if (w.line != line) {
      line = w.line;
      at = lines.line_start(line);
      column = 1;
      if (at == npos) continue;
      const std::size_t next = lines.line_start(line + 1);
      last_line = next == npos;
      limit = last_line ? text.size() : next;
    }
    if (at == npos || w.column == 0) continue;
    // Code points up to the wanted column; a line's break counts as its
    // last characters, the next line's start belongs to the next line.
    while (column < w.column && at < limit) {
      ++at;
      while (at < limit && continuation(text[at])) ++at;
      ++column;
    }
    if (column != w.column || (at == limit && !last_line)) continue;
    *w.offset = at;
  }
}

/// One fix with its edits in bytes of the UTF-8 text.
struct Candidate {
  const Diagnostic* diagnostic;
  const Fix* fix;
  std::vector<ByteEdit> edits;  // sorted by (begin, end)
  std::string problem;          // non-empty: cannot be applied
};

bool edit_before(const ByteEdit& a, const ByteEdit& b) {
  return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
}

/// True when `e` overlaps an edit of `accepted` (which do not overlap each
/// other). Edits that only touch do not overlap; two insertions at one
/// place do (their order would be a guess).
bool overlaps(const std::set<std::pair<std::size_t, std::size_t>>& accepted, const ByteEdit& e) {
  auto it = accepted.lower_bound({e.begin, 0});
  if (it != accepted.begin()) {
    auto before = std::prev(it);
    if (before->second > e.begin) return true;
  }
  for (; it != accepted.end(); ++it) {
    const std::size_t b = it->first, end = it->second;
    if (e.begin == e.end) {  // an insertion
      if (b > e.begin) break;
      if (b == end) return true;  // another insertion here
      continue;                   // a replacement starting here: they touch
    }
    if (b >= e.end) break;
    if (b == end && b == e.begin) continue;  // an insertion where e starts
    return true;
  }
  return false;
}

/// True when the edits of one fix overlap each other (sorted).
bool overlap_each_other(const std::vector<ByteEdit>& edits) {
  for (std::size_t i = 1; i < edits.size(); ++i) {
    const ByteEdit& a = edits[i - 1];
    const ByteEdit& b = edits[i];
    if (a.end > b.begin) return true;
    if (a.begin == a.end && b.begin == b.end && a.begin == b.begin) return true;
  }
  return false;
}

}  // namespace

FixedFile fix_file(const Vocabulary& vocabulary, FileId file, std::string_view original,
                   const std::vector<Diagnostic>& diagnostics) {
  FixedFile out;
  out.file = file;
  out.fixed = std::string(original);
  const Vocabulary::Impl& impl = VocabularyAccess::impl(vocabulary);
  if (file >= impl.contents.size()) {
    out.refusal = "the vocabulary has no such file";
    return out;
  }
  const std::string_view text = impl.contents[file];
  // The text positions refer to is the file's UTF-8 without its byte order
  // mark; anything else was transcoded (or has changed) and is not edited.
  std::size_t shift = 0;
  if (original != text) {
    if (original.size() == text.size() + utf8_bom.size() &&
        original.compare(0, utf8_bom.size(), utf8_bom) == 0 &&
        original.substr(utf8_bom.size()) == text) {
      shift = utf8_bom.size();
    } else {
      std::string decoded(original);
      std::vector<EncodingProblem> problems;
      to_utf8(decoded, problems);
      out.refusal =
          decoded == text
              ? "the file is not UTF-8 as read (it was converted from another encoding, or "
                "invalid bytes were replaced); fixes are only applied to UTF-8 files"
              : "the file has changed since it was checked";
      return out;
    }
  }

  // The first fix of every finding in the file, its positions mapped.
  std::vector<Candidate> candidates;
  for (const Diagnostic& d : diagnostics) {
    if (d.fixes.empty()) continue;
    const Fix& fix = d.fixes.front();
    const bool here = std::any_of(fix.edits.begin(), fix.edits.end(),
                                  [&](const Edit& e) { return e.range.file == file; }) ||
                      (fix.edits.empty() && d.range.file == file);
    if (!here) continue;
    Candidate c{&d, &fix, {}, {}};
    for (const Edit& e : fix.edits) {
      if (e.range.file != file) c.problem = "it edits another file as well";
      if (!e.range.known() || e.range.end_line == 0) c.problem = "an edit has no end";
    }
    if (fix.edits.empty()) c.problem = "it has no edits";
    candidates.push_back(std::move(c));
  }
  std::vector<Wanted> wanted;
  for (Candidate& c : candidates) {
    if (!c.problem.empty()) continue;
    c.edits.resize(c.fix->edits.size());
    for (std::size_t i = 0; i < c.edits.size(); ++i) {
      const Edit& e = c.fix->edits[i];
      c.edits[i].replacement = e.replacement;
      wanted.push_back({e.range.line, e.range.column, &c.edits[i].begin});
      wanted.push_back({e.range.end_line, e.range.end_column, &c.edits[i].end});
    }
  }
  map_positions(text, impl.lines[file], wanted);
  for (Candidate& c : candidates) {
    if (!c.problem.empty()) continue;
    for (ByteEdit& e : c.edits) {
      if (e.begin == npos || e.end == npos) {
        c.problem = "an edit names a position the file does not have";
      } else if (e.end < e.begin) {
        c.problem = "an edit ends before it starts";
      } else {
        e.begin += shift;
        e.end += shift;
      }
    }
    std::sort(c.edits.begin(), c.edits.end(), edit_before);
    if (c.problem.empty() && overlap_each_other(c.edits)) c.problem = "its edits overlap";
  }

  // In order of position; the first of overlapping fixes wins.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.edits.empty() || b.edits.empty())
                       return b.edits.empty() && !a.edits.empty();
                     return edit_before(a.edits.front(), b.edits.front());
                   });
  std::set<std::pair<std::size_t, std::size_t>> accepted;
  for (Candidate& c : candidates) {
    if (c.problem.empty() && std::any_of(c.edits.begin(), c.edits.end(), [&](const ByteEdit& e) {
          return overlaps(accepted, e);
        })) {
      c.problem = "it overlaps a fix applied before it";
    }
    if (!c.problem.empty()) {
      out.skipped.push_back(
          {c.diagnostic->range, c.diagnostic->rule_id(), c.fix->message, std::move(c.problem)});
      continue;
    }
    for (ByteEdit& e : c.edits) {
      accepted.insert({e.begin, e.end});
      out.edits.push_back(std::move(e));
    }
    ++out.applied;
  }
  std::stable_sort(out.edits.begin(), out.edits.end(), edit_before);
  std::stable_sort(out.skipped.begin(), out.skipped.end(),
                   [](const SkippedFix& a, const SkippedFix& b) { return a.range < b.range; });

  std::string fixed;
  fixed.reserve(original.size());
  std::size_t copied = 0;
  for (const ByteEdit& e : out.edits) {
    fixed.append(original.substr(copied, e.begin - copied));
    fixed.append(e.replacement);
    copied = e.end;
  }
  fixed.append(original.substr(copied));
  out.fixed = std::move(fixed);
  return out;
}

// -- unified diff -------------------------------------------------------------

namespace {

struct Line {
  std::string_view text;  // without its '\n'
  bool newline;
};

bool operator==(const Line& a, const Line& b) {
  return a.newline == b.newline && a.text == b.text;
}

std::vector<Line> split_lines(std::string_view s) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    const std::size_t nl = s.find('\n', start);
    if (nl == npos) {
      lines.push_back({s.substr(start), false});
      break;
    }
    lines.push_back({s.substr(start, nl - start), true});
    start = nl + 1;
  }
  return lines;
}

/// Old lines [first, first + count) replaced by `lines`.
struct Change {
  std::size_t first, count;
  std::vector<Line> lines;
  std::string storage;  // what `lines` view
};

void put_line(std::string& out, char mark, const Line& line) {
  out += mark;
  out.append(line.text);
  out += '\n';
  if (!line.newline) out += "\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view original, const FixedFile& fixed,
                         std::string_view old_label, std::string_view new_label, unsigned context) {
  if (!fixed.changed() || !fixed.refusal.empty()) return {};
  const std::vector<Line> old_lines = split_lines(original);
  std::vector<std::size_t> starts;  // of the old lines
  for (std::size_t i = 0, at = 0; i < old_lines.size(); ++i) {
    starts.push_back(at);
    at += old_lines[i].text.size() + (old_lines[i].newline ? 1 : 0);
  }
  auto line_of = [&](std::size_t offset) -> std::size_t {
    if (starts.empty()) return 0;
    auto it = std::upper_bound(starts.begin(), starts.end(), offset);
    return static_cast<std::size_t>(it - starts.begin()) - 1;
  };
  auto line_end = [&](std::size_t line) {
    return line + 1 < starts.size() ? starts[line + 1] : original.size();
  };

  // Blocks of old lines the edits touch, merged where they meet, each with
  // its new text; then the lines both share at their ends taken out.
  std::vector<Change> changes;
  for (std::size_t i = 0; i < fixed.edits.size();) {
    std::size_t first = line_of(fixed.edits[i].begin);
    std::size_t last = line_of(fixed.edits[i].end);
    std::size_t j = i + 1;
    while (j < fixed.edits.size() && line_of(fixed.edits[j].begin) <= last + 1) {
      last = std::max(last, line_of(fixed.edits[j].end));
      ++j;
    }
    const std::size_t count = old_lines.empty() ? 0 : last - first + 1;
    const std::size_t begin = starts.empty() ? 0 : starts[first];
    const std::size_t end = old_lines.empty() ? 0 : line_end(last);
    Change c{first, count, {}, {}};
    std::size_t copied = begin;
    for (std::size_t k = i; k < j; ++k) {
      c.storage.append(original.substr(copied, fixed.edits[k].begin - copied));
      c.storage.append(fixed.edits[k].replacement);
      copied = fixed.edits[k].end;
    }
    c.storage.append(original.substr(copied, end - copied));
    changes.push_back(std::move(c));
    i = j;
  }
  for (Change& c : changes) {
    c.lines = split_lines(c.storage);
    std::size_t front = 0;
    while (front < c.count && front < c.lines.size() &&
           old_lines[c.first + front] == c.lines[front]) {
      ++front;
    }
    std::size_t back = 0;
    while (back < c.count - front && back < c.lines.size() - front &&
           old_lines[c.first + c.count - 1 - back] == c.lines[c.lines.size() - 1 - back]) {
      ++back;
    }
    c.lines.erase(c.lines.end() - static_cast<std::ptrdiff_t>(back), c.lines.end());
    c.lines.erase(c.lines.begin(), c.lines.begin() + static_cast<std::ptrdiff_t>(front));
    c.first += front;
    c.count -= front + back;
  }
  // (Not erased: `lines` view each change's own storage, which must not move.)
  std::vector<const Change*> kept;
  for (const Change& c : changes) {
    if (c.count != 0 || !c.lines.empty()) kept.push_back(&c);
  }
  if (kept.empty()) return {};

  std::string out;
  out += "--- ";
  out.append(old_label);
  out += "\n+++ ";
  out.append(new_label);
  out += '\n';
  std::ptrdiff_t delta = 0;  // new lines minus old lines before the hunk
  for (std::size_t i = 0; i < kept.size();) {
    std::size_t j = i + 1;
    while (j < kept.size() &&
           kept[j]->first - (kept[j - 1]->first + kept[j - 1]->count) <= 2 * context) {
      ++j;
    }
    const std::size_t from = kept[i]->first > context ? kept[i]->first - context : 0;
    const std::size_t to =
        std::min(old_lines.size(), kept[j - 1]->first + kept[j - 1]->count + context);
    std::ptrdiff_t grows = 0;
    for (std::size_t k = i; k < j; ++k) {
      grows += static_cast<std::ptrdiff_t>(kept[k]->lines.size()) -
               static_cast<std::ptrdiff_t>(kept[k]->count);
    }
    const std::size_t old_count = to - from;
    const std::size_t new_count =
        static_cast<std::size_t>(static_cast<std::ptrdiff_t>(old_count) + grows);
    const std::size_t new_from =
        static_cast<std::size_t>(static_cast<std::ptrdiff_t>(from) + delta);
    out += "@@ -" + std::to_string(old_count ? from + 1 : from) + ',' + std::to_string(old_count) +
           " +" + std::to_string(new_count ? new_from + 1 : new_from) + ',' +
           std::to_string(new_count) + " @@\n";
    std::size_t line = from;
    for (std::size_t k = i; k < j; ++k) {
      const Change& c = *kept[k];
      for (; line < c.first; ++line) put_line(out, ' ', old_lines[line]);
      for (std::size_t n = 0; n < c.count; ++n) put_line(out, '-', old_lines[c.first + n]);
      for (const Line& l : c.lines) put_line(out, '+', l);
      line = c.first + c.count;
    }
    for (; line < to; ++line) put_line(out, ' ', old_lines[line]);
    delta += grows;
    i = j;
  }
  return out;
}

}  // namespace termgraph
