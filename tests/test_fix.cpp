// Fixes applied to the bytes of a file (termgraph/fix.hpp): edits built by
// hand at known places (multi-byte characters, tabs, CR LF, insertions,
// deletions, the start and end of a file, one-line files), overlapping
// fixes, files that cannot be fixed; the unified diff, and on every corpus
// file and terms/ that nothing outside the edits moves.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/fix.hpp"
#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"

using namespace termgraph;
namespace fs = std::filesystem;

namespace {

Edit edit(std::uint32_t line, std::uint32_t column, std::uint32_t end_line,
          std::uint32_t end_column, std::string replacement, FileId file = 0) {
  return Edit{SourceRange{file, line, column, end_line, end_column}, std::move(replacement)};
}

/// A finding with one fix made of `edits`.
Diagnostic fixable(std::vector<Edit> edits, std::string message = "fix") {
  Diagnostic d;
  d.rule = &rules::whitespace;
  d.severity = Severity::warning;
  d.message = "finding";
  if (!edits.empty()) d.range = edits.front().range;
  d.fixes.push_back(Fix{std::move(message), std::move(edits)});
  return d;
}

/// The fixed bytes of `text` (loaded as `name`) with `diagnostics`' fixes.
FixedFile fix(const std::string& text, const std::vector<Diagnostic>& diagnostics,
              const char* name = "t.xml") {
  LoadResult r = load_string(text, name);
  return fix_file(r.vocabulary, 0, text, diagnostics);
}

const char* const head = "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">";

// -- a unified diff applied back, to check diffs against the fixed bytes ------

struct Line {
  std::string text;
  bool newline;
};

std::vector<Line> split(std::string_view s) {
  std::vector<Line> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      out.push_back({std::string(s.substr(start)), false});
      break;
    }
    out.push_back({std::string(s.substr(start, nl - start)), true});
    start = nl + 1;
  }
  return out;
}

/// `original` patched with `diff`; fails the test on a malformed diff or
/// one whose context does not match.
std::string patch(std::string_view original, const std::string& diff) {
  std::vector<Line> old = split(original);
  std::vector<Line> diff_lines = split(diff);
  std::vector<Line> out;
  std::size_t at = 0;  // next old line to copy
  std::size_t i = 2;
  EXPECT_GE(diff_lines.size(), 3u);
  EXPECT_EQ(diff_lines[0].text.rfind("--- a/", 0), 0u);
  EXPECT_EQ(diff_lines[1].text.rfind("+++ b/", 0), 0u);
  while (i < diff_lines.size()) {
    unsigned a = 0, b = 0, c = 0, d = 0;
    EXPECT_EQ(std::sscanf(diff_lines[i].text.c_str(), "@@ -%u,%u +%u,%u @@", &a, &b, &c, &d), 4)
        << diff_lines[i].text;
    ++i;
    std::size_t first = b == 0 ? a : a - 1;
    EXPECT_GE(first, at);
    while (at < first) out.push_back(old[at++]);
    EXPECT_EQ(c, (d == 0 ? out.size() : out.size() + 1)) << "new start of hunk";
    unsigned seen_old = 0, seen_new = 0;
    while (i < diff_lines.size() && diff_lines[i].text.rfind("@@", 0) != 0) {
      const std::string& l = diff_lines[i].text;
      const char mark = l.empty() ? '?' : l[0];
      Line body{l.substr(1), true};
      if (i + 1 < diff_lines.size() && diff_lines[i + 1].text == "\\ No newline at end of file") {
        body.newline = false;
        ++i;
      }
      ++i;
      if (mark == ' ' || mark == '-') {
        EXPECT_LT(at, old.size());
        if (at < old.size()) {
          EXPECT_EQ(old[at].text, body.text);
          EXPECT_EQ(old[at].newline, body.newline);
        }
        ++at;
        ++seen_old;
      }
      if (mark == ' ' || mark == '+') {
        out.push_back(body);
        ++seen_new;
      }
      EXPECT_TRUE(mark == ' ' || mark == '-' || mark == '+') << l;
    }
    EXPECT_EQ(seen_old, b);
    EXPECT_EQ(seen_new, d);
  }
  while (at < old.size()) out.push_back(old[at++]);
  std::string s;
  for (const Line& l : out) s += l.text + (l.newline ? "\n" : "");
  return s;
}

}  // namespace

// -- applying --------------------------------------------------------------------

TEST(Fix, ColumnsCountCodePointsAndTabs) {
  // Line 2: a tab, then "café  au lait" with a doubled space after é.
  const std::string text =
      std::string(head) +
      "\n<entry number=\"1\">\t<term>café  au lait</term></entry></vocabulary>\n";
  // "<entry number="1">" is 18 code points, the tab the 19th, "<term>" 20-25,
  // c a f é at 26-29, the spaces at 30 and 31.
  const FixedFile f = fix(text, {fixable({edit(2, 30, 2, 32, " ")})});
  EXPECT_TRUE(f.refusal.empty()) << f.refusal;
  EXPECT_EQ(f.applied, 1u);
  EXPECT_EQ(f.fixed,
            std::string(head) +
                "\n<entry number=\"1\">\t<term>café au lait</term></entry></vocabulary>\n");
}

TEST(Fix, CrLfInsertionsDeletionsAndBothEnds) {
  const std::string text =
      std::string(head) + "\r\n<entry number=\"1\"><term> a</term></entry>\r\n</vocabulary>";
  const FixedFile f = fix(text, {fixable({edit(2, 25, 2, 26, "")}),          // the space before "a"
                                 fixable({edit(1, 1, 1, 1, "<!-- x -->")}),  // start of the file
                                 fixable({edit(3, 14, 3, 14, "\r\n")}),      // end of the file
                                 fixable({edit(2, 42, 2, 42, "<!--y-->")})});  // at the line's CR
  EXPECT_TRUE(f.refusal.empty()) << f.refusal;
  EXPECT_EQ(f.applied, 4u);
  EXPECT_TRUE(f.skipped.empty());
  EXPECT_EQ(f.fixed, "<!-- x -->" + std::string(head) +
                         "\r\n<entry number=\"1\"><term>a</term></entry><!--y-->\r\n"
                         "</vocabulary>\r\n");
}

TEST(Fix, AfterAFinalLineBreakAndOnAOneLineFile) {
  const std::string text =
      std::string(head) + "<entry number=\"1\"><term>a</term></entry></vocabulary>\n";
  // Line 2 is the empty line after the last line break.
  FixedFile end = fix(text, {fixable({edit(2, 1, 2, 1, "<!-- end -->\n")})});
  EXPECT_EQ(end.fixed, text + "<!-- end -->\n");
  // A line the file does not have, a column past the end of a line, a
  // column on the line break's far side: skipped, the file unchanged.
  FixedFile bad = fix(text, {fixable({edit(3, 1, 3, 1, "x")}), fixable({edit(1, 200, 1, 201, "x")}),
                             fixable({edit(1, 2, 1, 1, "x")})});
  EXPECT_EQ(bad.applied, 0u);
  ASSERT_EQ(bad.skipped.size(), 3u);
  EXPECT_EQ(bad.fixed, text);
  // In the order of their findings.
  EXPECT_EQ(bad.skipped[0].rule, "whitespace");
  EXPECT_EQ(bad.skipped[0].reason, "an edit ends before it starts");
  EXPECT_EQ(bad.skipped[1].reason, "an edit names a position the file does not have");
  EXPECT_EQ(bad.skipped[1].range.column, 200u);
  EXPECT_EQ(bad.skipped[2].reason, "an edit names a position the file does not have");
  EXPECT_EQ(bad.skipped[2].range.line, 3u);
  // Many edits on one long line: each 'a' term becomes 'b'.
  std::string line = head;
  std::vector<Diagnostic> many;
  std::uint32_t column = static_cast<std::uint32_t>(line.size()) + 1;
  for (int i = 0; i < 20000; ++i) {
    const std::string e = "<entry number=\"" + std::to_string(i) + "\"><term>é</term></entry>";
    const std::uint32_t term = column + static_cast<std::uint32_t>(e.find("é"));
    many.push_back(fixable({edit(1, term, 1, term + 1, "e")}));
    line += e;
    column += static_cast<std::uint32_t>(e.size()) - 1;  // é: two bytes, one code point
  }
  line += "</vocabulary>";
  FixedFile long_line = fix(line, many);
  EXPECT_EQ(long_line.applied, 20000u);
  std::string expected;
  for (std::size_t at = 0;;) {
    const std::size_t next = line.find("é", at);
    expected += line.substr(at, next - at);
    if (next == std::string::npos) break;
    expected += "e";
    at = next + 2;
  }
  EXPECT_EQ(long_line.fixed, expected);
}

TEST(Fix, OverlappingFixesFirstWins) {
  const std::string text =
      std::string(head) + "\n<entry number=\"1\"><term>abcdef</term></entry></vocabulary>";
  // Columns of "abcdef": 25 to 30.
  FixedFile f = fix(text, {fixable({edit(2, 27, 2, 29, "X")}, "second"),
                           fixable({edit(2, 25, 2, 28, "Y")}, "first"),
                           fixable({edit(2, 29, 2, 29, "T")}, "touches"),
                           fixable({edit(2, 29, 2, 29, "U")}, "same insertion"),
                           fixable({edit(2, 30, 2, 31, "Z")}, "apart")});
  EXPECT_EQ(f.applied, 3u);
  // First in position order: "first" (25-28), then "second" overlaps it;
  // "touches" inserts where "first" ended plus one... at 29, after "d".
  EXPECT_EQ(f.fixed,
            std::string(head) + "\n<entry number=\"1\"><term>YdTeZ</term></entry></vocabulary>");
  ASSERT_EQ(f.skipped.size(), 2u);
  EXPECT_EQ(f.skipped[0].message, "second");
  EXPECT_EQ(f.skipped[0].reason, "it overlaps a fix applied before it");
  EXPECT_EQ(f.skipped[1].message, "same insertion");
  // A fix whose own edits overlap is skipped as a whole; one of several
  // edits is applied with all of them.
  FixedFile g = fix(text, {fixable({edit(2, 25, 2, 27, "1"), edit(2, 26, 2, 28, "2")}),
                           fixable({edit(2, 25, 2, 26, "A"), edit(2, 30, 2, 31, "F")})});
  EXPECT_EQ(g.applied, 1u);
  EXPECT_EQ(g.fixed,
            std::string(head) + "\n<entry number=\"1\"><term>AbcdeF</term></entry></vocabulary>");
}

TEST(Fix, OnlyTheFirstFixOfAFindingAndOnlyThisFile) {
  const std::string text =
      std::string(head) + "\n<entry number=\"1\"><term>ab</term></entry></vocabulary>";
  Diagnostic d = fixable({edit(2, 25, 2, 26, "A")});
  d.fixes.push_back(Fix{"alternative", {edit(2, 26, 2, 27, "B")}});
  Diagnostic elsewhere = fixable({edit(2, 26, 2, 27, "C", 1)});
  FixedFile f = fix(text, {d, elsewhere});
  EXPECT_EQ(f.applied, 1u);
  EXPECT_EQ(f.fixed,
            std::string(head) + "\n<entry number=\"1\"><term>Ab</term></entry></vocabulary>");
}

TEST(Fix, ByteOrderMarkKept) {
  const std::string text = "\xEF\xBB\xBF" + std::string(head) +
                           "<entry number=\"1\"><term>a</term></entry></vocabulary>";
  // Columns count from after the mark.
  FixedFile f = fix(text, {fixable({edit(1, 1, 1, 2, "<")})});
  EXPECT_TRUE(f.refusal.empty()) << f.refusal;
  EXPECT_EQ(f.fixed, text);
  FixedFile g = fix(text, {fixable({edit(1, 86, 1, 87, "b")})});
  EXPECT_EQ(g.fixed.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(g.fixed.find("<term>b</term>"), std::string::npos);
}

TEST(Fix, TranscodedOrChangedFilesAreRefused) {
  const std::string latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" +
                             std::string(head) +
                             "<entry number=\"1\"><term>caf\xE9</term></entry></vocabulary>";
  FixedFile f = fix(latin1, {fixable({edit(2, 1, 2, 2, "<")})});
  EXPECT_NE(f.refusal.find("not UTF-8"), std::string::npos) << f.refusal;
  EXPECT_EQ(f.fixed, latin1);
  EXPECT_FALSE(f.changed());
  // Invalid UTF-8 (replaced by U+FFFD when read) is refused the same way.
  const std::string invalid =
      std::string(head) + "<entry number=\"1\"><term>a\xFF</term></entry></vocabulary>";
  EXPECT_NE(fix(invalid, {fixable({edit(1, 1, 1, 2, "<")})}).refusal.find("not UTF-8"),
            std::string::npos);
  // The bytes given are not those that were checked.
  const std::string text =
      std::string(head) + "<entry number=\"1\"><term>a</term></entry></vocabulary>";
  LoadResult r = load_string(text, "t.xml");
  FixedFile changed = fix_file(r.vocabulary, 0, text + "\n", {fixable({edit(1, 1, 1, 2, "<")})});
  EXPECT_EQ(changed.refusal, "the file has changed since it was checked");
}

// -- unified diff ----------------------------------------------------------------

TEST(FixDiff, HunksWithThreeLinesOfContext) {
  std::string text = std::string(head) + "\n";
  for (int i = 1; i <= 20; ++i) {
    text += "<entry number=\"" + std::to_string(i) + "\"><term>t" + std::to_string(i) +
            "</term></entry>\n";
  }
  text += "</vocabulary>";
  // Line n + 1 holds entry n; "<term>" ends at column 24 (one-digit n).
  LoadResult r = load_string(text, "v.xml");
  FixedFile f = fix_file(
      r.vocabulary, 0, text,
      {fixable({edit(3, 25, 3, 27, "T2")}), fixable({edit(6, 25, 6, 27, "T5")}),
       fixable({edit(21, 26, 21, 29, "T20")}), fixable({edit(22, 14, 22, 14, "\n<!-- end -->")})});
  EXPECT_EQ(f.applied, 4u);
  const std::string diff = unified_diff(text, f, "a/v.xml", "b/v.xml");
  const std::string expected =
      "--- a/v.xml\n+++ b/v.xml\n"
      "@@ -1,9 +1,9 @@\n" +
      std::string(" ") + head +
      "\n"
      " <entry number=\"1\"><term>t1</term></entry>\n"
      "-<entry number=\"2\"><term>t2</term></entry>\n"
      "+<entry number=\"2\"><term>T2</term></entry>\n"
      " <entry number=\"3\"><term>t3</term></entry>\n"
      " <entry number=\"4\"><term>t4</term></entry>\n"
      "-<entry number=\"5\"><term>t5</term></entry>\n"
      "+<entry number=\"5\"><term>T5</term></entry>\n"
      " <entry number=\"6\"><term>t6</term></entry>\n"
      " <entry number=\"7\"><term>t7</term></entry>\n"
      " <entry number=\"8\"><term>t8</term></entry>\n"
      "@@ -18,5 +18,6 @@\n"
      " <entry number=\"17\"><term>t17</term></entry>\n"
      " <entry number=\"18\"><term>t18</term></entry>\n"
      " <entry number=\"19\"><term>t19</term></entry>\n"
      "-<entry number=\"20\"><term>t20</term></entry>\n"
      "-</vocabulary>\n"
      "\\ No newline at end of file\n"
      "+<entry number=\"20\"><term>T20</term></entry>\n"
      "+</vocabulary>\n"
      "+<!-- end -->\n"
      "\\ No newline at end of file\n";
  EXPECT_EQ(diff, expected);
  EXPECT_EQ(patch(text, diff), f.fixed);
  // Nothing changed: no diff.
  FixedFile none = fix_file(r.vocabulary, 0, text, {});
  EXPECT_EQ(none.fixed, text);
  EXPECT_EQ(unified_diff(text, none, "a/v.xml", "b/v.xml"), "");
}

TEST(FixDiff, RandomEditsPatchBack) {
  // Random non-overlapping edits on a file of short lines (some CR LF, some
  // empty, multi-byte letters): the diff patched onto the original gives
  // the fixed bytes.
  std::mt19937 random(8);
  std::string text = std::string(head) + "\n";
  const char* const words[] = {"a", "é", "ж", "\t", " ", "<!---->", "日本"};
  for (int i = 0; i < 60; ++i) {
    for (int w = static_cast<int>(random() % 4); w > 0; --w) text += words[random() % 7];
    text += random() % 5 == 0 ? "\r\n" : "\n";
  }
  text += "</vocabulary>";
  LoadResult r = load_string(text, "r.xml");
  for (int round = 0; round < 50; ++round) {
    std::vector<Diagnostic> ds;
    for (std::uint32_t line = 1; line <= 62; ++line) {
      if (random() % 6 != 0) continue;
      // Insert at column 1, or replace the first character when there is one.
      const bool insert = random() % 2 == 0;
      const std::string replacement = random() % 3 == 0 ? "" : random() % 2 ? "X\n" : "Y";
      ds.push_back(fixable({edit(line, 1, line, insert ? 1 : 2, replacement)}));
    }
    FixedFile f = fix_file(r.vocabulary, 0, text, ds);
    ASSERT_TRUE(f.refusal.empty());
    if (!f.changed()) continue;
    EXPECT_EQ(patch(text, unified_diff(text, f, "a/r.xml", "b/r.xml")), f.fixed) << round;
  }
}

// -- real files: nothing outside the edits moves ------------------------------

namespace {

/// Byte offset of every (line, column) of `text`, computed on its own: line
/// breaks LF, CR LF and CR; columns in code points.
std::size_t offset_of(std::string_view text, std::uint32_t line, std::uint32_t column) {
  std::uint32_t l = 1, c = 1;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (l == line && c == column) return i;
    if (i == text.size()) break;
    const char ch = text[i];
    if (ch == '\n' || (ch == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++l;
      c = 1;
    } else if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
      ++c;
    }
  }
  return std::string_view::npos;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(FixCorpus, EveryFileKeepsEveryByteOutsideTheEdits) {
  std::vector<fs::path> files;
  for (const char* dir : {TERMGRAPH_CORPUS_DIR, TERMGRAPH_TERMS_DIR}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".xml" || ext == ".tbx" || ext == ".csv")) {
        files.push_back(e.path());
      }
    }
  }
  if (!fs::is_directory(TERMGRAPH_CORPUS_DIR)) {
    GTEST_SKIP() << "corpus not found at " << TERMGRAPH_CORPUS_DIR
                 << " (terms/ alone: " << files.size() << " files)";
  }
  ASSERT_GT(files.size(), 10u);
  const fs::path work = fs::temp_directory_path() / "termgraph-fix-corpus";
  fs::remove_all(work);
  fs::create_directories(work);
  for (const fs::path& p : files) {
    SCOPED_TRACE(p.string());
    // A copy, checked as it is: the fixes of check (today's rules have
    // none here, or some) leave a byte-identical file outside their edits.
    const fs::path copy = work / p.filename();
    fs::copy_file(p, copy, fs::copy_options::overwrite_existing);
    const std::string original = read(copy);
    LoadResult r = load_files({copy.string()});
    const FixedFile checked = fix_file(r.vocabulary, 0, original, r.diagnostics);
    if (!checked.refusal.empty()) continue;  // not UTF-8: nothing is edited
    std::string rebuilt;
    std::size_t copied = 0;
    for (const ByteEdit& e : checked.edits) {
      rebuilt += original.substr(copied, e.begin - copied) + e.replacement;
      copied = e.end;
    }
    rebuilt += original.substr(copied);
    EXPECT_EQ(checked.fixed, rebuilt);
    if (!checked.changed()) {
      EXPECT_EQ(checked.fixed, original);
    }

    // Edits at every entry: a marker inserted where the entry starts, its
    // last character replaced by itself and a marker; the result equals the
    // same edits made by offsets counted independently here.
    std::vector<Diagnostic> ds;
    std::vector<std::pair<std::size_t, std::string>> inserts;
    const bool bom = original.compare(0, 3, "\xEF\xBB\xBF") == 0;
    const std::string_view text = std::string_view(original).substr(bom ? 3 : 0);
    for (const Entry& e : r.vocabulary.entries()) {
      const SourceRange& g = e.range;
      ASSERT_NE(g.end_line, 0u) << e.number;
      const std::size_t begin = offset_of(text, g.line, g.column);
      const std::size_t end = offset_of(text, g.end_line, g.end_column);
      ASSERT_NE(begin, std::string_view::npos);
      ASSERT_NE(end, std::string_view::npos);
      ASSERT_LT(begin, end);
      if (p.extension() != ".csv") {
        // The whole element: from its '<' to its '>'.
        EXPECT_EQ(text[begin], '<') << e.number;
        EXPECT_EQ(text[end - 1], '>') << e.number;
      }
      std::size_t last = end - 1;
      while ((static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
      const std::string last_char(text.substr(last, end - last));
      ds.push_back(fixable({edit(g.line, g.column, g.line, g.column, "\xE2\x9F\xA8")}));
      // The end position minus one code point: same line (an element or a
      // row never ends with its line break).
      ds.push_back(fixable({edit(g.end_line, g.end_column - 1, g.end_line, g.end_column,
                                 last_char + "\xE2\x9F\xA9")}));
      inserts.push_back({begin + (bom ? 3 : 0), "\xE2\x9F\xA8"});
      inserts.push_back({end + (bom ? 3 : 0), "\xE2\x9F\xA9"});
    }
    const FixedFile marked = fix_file(r.vocabulary, 0, original, ds);
    ASSERT_TRUE(marked.refusal.empty());
    EXPECT_TRUE(marked.skipped.empty()) << marked.skipped.front().reason;
    std::stable_sort(inserts.begin(), inserts.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string expected;
    copied = 0;
    for (const auto& [at, what] : inserts) {
      expected += original.substr(copied, at - copied) + what;
      copied = at;
    }
    expected += original.substr(copied);
    EXPECT_EQ(marked.fixed, expected);
    if (marked.changed()) {
      EXPECT_EQ(patch(original, unified_diff(original, marked, "a/f", "b/f")), marked.fixed);
    }
  }
  fs::remove_all(work);
}
