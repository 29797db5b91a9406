// White-box tests of the offset -> line/column index and of TextBuilder's
// mapping from collapsed block text back to raw file offsets.
#include <gtest/gtest.h>

#include <string>

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
