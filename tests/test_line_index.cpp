// White-box tests of the offset -> line/column index and of TextBuilder's
// mapping from collapsed block text back to raw file offsets.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "read/text_builder.hpp"
#include "text/line_index.hpp"

using termgraph::LineIndex;
using termgraph::TextBuilder;

TEST(LineIndex, LinesAndColumnsAreOneBased) {
  std::string text = "ab\ncd\n\nxyz";
  LineIndex idx(text);
  EXPECT_EQ(idx.at(text, 0).line, 1u);
  EXPECT_EQ(idx.at(text, 0).column, 1u);
  EXPECT_EQ(idx.at(text, 4).line, 2u);
  EXPECT_EQ(idx.at(text, 4).column, 2u);
  EXPECT_EQ(idx.at(text, 6).line, 3u);
  EXPECT_EQ(idx.at(text, 9).line, 4u);
  EXPECT_EQ(idx.at(text, 9).column, 3u);
  // Going backwards after the cursor moved forwards still answers right.
  EXPECT_EQ(idx.at(text, 1).line, 1u);
  EXPECT_EQ(idx.at(text, 1).column, 2u);
}

TEST(LineIndex, ColumnsCountCodePoints) {
  std::string text =
      "d\xC3\xA9"
      "fini x";  // "défini x"
  LineIndex idx(text);
  // 'x' is byte 8 but the 8th character.
  EXPECT_EQ(idx.at(text, 8).column, 8u);
}

TEST(LineIndex, CrLfAndLineText) {
  std::string text = "one\r\ntwo\r\nthree";
  LineIndex idx(text);
  EXPECT_EQ(idx.at(text, 5).line, 2u);
  EXPECT_EQ(idx.line_text(text, 2), "two");
  EXPECT_EQ(idx.line_text(text, 3), "three");
  EXPECT_EQ(idx.line_text(text, 4), "");
}

TEST(LineIndex, LongSingleLineIsLinearWithCursor) {
  // 200 000 increasing lookups on one line: quadratic would take minutes.
  std::string text(2'000'000, 'a');
  LineIndex idx(text);
  for (std::size_t off = 0; off < text.size(); off += 10) {
    ASSERT_EQ(idx.at(text, off).column, off + 1);
  }
}

TEST(TextBuilder, CollapsesWhiteSpace) {
  std::string raw = "<d>  one\n    two  </d>";
  TextBuilder tb;
  tb.append(std::string_view(raw).substr(3, 15), 3);
  tb.finish();
  EXPECT_EQ(tb.text(), "one two");
  EXPECT_EQ(tb.raw_offset(raw, 0), 5u);   // 'o' of one
  EXPECT_EQ(tb.raw_offset(raw, 4), 13u);  // 't' of two
  EXPECT_EQ(tb.raw_offset(raw, 3), 8u);   // the collapsed space: start of the run
}

TEST(TextBuilder, MapsPastEntityReferences) {
  // Raw "a &amp; b (3.2)" decodes to "a & b (3.2)".
  std::string raw = "<d>a &amp; b (3.2)</d>";
  TextBuilder tb;
  tb.append("a & b (3.2)", 3);
  tb.finish();
  EXPECT_EQ(tb.text(), "a & b (3.2)");
  std::size_t pos = tb.text().find("3.2");
  EXPECT_EQ(raw.substr(tb.raw_offset(raw, pos), 3), "3.2");
  std::size_t amp = tb.text().find('&');
  EXPECT_EQ(raw.substr(tb.raw_offset(raw, amp), 5), "&amp;");
}

TEST(TextBuilder, NumericEntitiesAndSeveralPieces) {
  std::string raw = "<d>caf&#xE9; <r>x</r> y&#160;(3.4)</d>";
  TextBuilder tb;
  tb.append("caf\xC3\xA9 ", 3);
  std::size_t link = tb.open_link();
  tb.append("x", raw.find("x</r>"));
  tb.close_link(link, "", "3.4", false);
  tb.append(" y\xC2\xA0(3.4)", raw.find(" y&#160;"));
  tb.finish();
  EXPECT_EQ(tb.text(), "caf\xC3\xA9 x y\xC2\xA0(3.4)");
  ASSERT_EQ(tb.links().size(), 1u);
  EXPECT_EQ(tb.links()[0].begin, 6u);
  EXPECT_EQ(tb.links()[0].end, 7u);
  std::size_t pos = tb.text().find("3.4");
  EXPECT_EQ(raw.substr(tb.raw_offset(raw, pos), 3), "3.4");
  EXPECT_EQ(raw[tb.raw_offset(raw, 6)], 'x');
}

TEST(LineIndex, BackwardsOnOneLongLineCountsOnlyTheDistance) {
  std::string text(1'000'000, 'a');
  LineIndex idx(text);
  // Alternate far forward and slightly back, as readers do.
  for (std::size_t off = 100; off < text.size(); off += 100) {
    ASSERT_EQ(idx.at(text, off).column, off + 1);
    ASSERT_EQ(idx.at(text, off - 50).column, off - 49);
  }
}

TEST(LineIndex, AnyOrderOfLookupsAgreesWithCountingAndStaysCheap) {
  // Several long lines of mixed one- to four-byte characters, looked up in
  // an order that jumps back and forth across each line (as the checks of
  // the analysis do after reading): every answer equals a plain count,
  // and 20 000 far jumps on a line of megabytes take no time (a count
  // from the line's start or from the last answer would take minutes).
  std::string line;
  const char* pieces[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", " "};
  for (std::size_t i = 0; line.size() < 3'000'000; ++i) line += pieces[(i * 7) % 5];
  const std::string text = "first\n" + line + "\r\nlast line";
  LineIndex idx(text);
  std::vector<std::size_t> lead_bytes;  // offsets of the code points of line 2
  const std::size_t start = 6;
  for (std::size_t i = start; i < start + line.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) lead_bytes.push_back(i);
  }
  std::uint64_t state = 12345;
  for (int n = 0; n < 20'000; ++n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::size_t k = static_cast<std::size_t>(state >> 33) % lead_bytes.size();
    const termgraph::LineColumn at = idx.at(text, lead_bytes[k]);
    ASSERT_EQ(at.line, 2u);
    ASSERT_EQ(at.column, k + 1) << "offset " << lead_bytes[k];
  }
  EXPECT_EQ(idx.at(text, 2).line, 1u);
  EXPECT_EQ(idx.at(text, 2).column, 3u);
  const termgraph::LineColumn last = idx.at(text, text.size());
  EXPECT_EQ(last.line, 3u);
  EXPECT_EQ(last.column, 10u);
}
