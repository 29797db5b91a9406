// The LSP server's plumbing (src/cli/lsp/protocol.cpp): message framing,
// file URIs, and positions in UTF-16 code units, UTF-8 bytes and the
// model's code points.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/lsp/protocol.hpp"

using namespace termgraph::cli::lsp;

TEST(LspFrame, ReadsMessagesOneAfterAnother) {
  std::istringstream in(
      "Content-Length: 2\r\n\r\n{}"
      "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  3\r\n\r\n[1]"
      "X-Other: 1\r\n\r\n"
      "Content-Length: 10\r\n\r\nshort");
  Frame a = read_frame(in);
  EXPECT_EQ(a.body, "{}");
  EXPECT_TRUE(a.problem.empty());
  Frame b = read_frame(in);
  EXPECT_EQ(b.body, "[1]");
  Frame c = read_frame(in);  // a header without Content-Length
  EXPECT_EQ(c.problem, "a header without Content-Length");
  Frame d = read_frame(in);  // the body ends before its length
  EXPECT_TRUE(d.end);
  EXPECT_TRUE(read_frame(in).end);
}

TEST(LspFrame, InvalidLengthIsAProblemNotAnAllocation) {
  std::istringstream in("Content-Length: 99999999999999999999\r\n\r\n{}");
  Frame f = read_frame(in);
  EXPECT_EQ(f.problem, "a header with an invalid Content-Length");
  std::istringstream neg("Content-Length: -1\r\n\r\n");
  EXPECT_EQ(read_frame(neg).problem, "a header with an invalid Content-Length");
}

TEST(LspFrame, WritesTheLengthInBytes) {
  std::ostringstream out;
  write_frame(out, "{\"a\":\"é\"}");
  EXPECT_EQ(out.str(), "Content-Length: 10\r\n\r\n{\"a\":\"é\"}");
}

TEST(LspUri, RoundTripsPathsWithSpacesAndAccents) {
  const std::string path = "/home/ana/términos y más/100% sure.xml";
  const std::string uri = path_to_uri(path);
  EXPECT_EQ(uri, "file:///home/ana/t%C3%A9rminos%20y%20m%C3%A1s/100%25%20sure.xml");
  EXPECT_EQ(uri_to_path(uri), path);
  EXPECT_EQ(uri_to_path("file://localhost/a/b.xml"), "/a/b.xml");
  EXPECT_EQ(uri_to_path("file:///a/%7e.xml"), "/a/~.xml");
  EXPECT_FALSE(uri_to_path("untitled:Untitled-1").has_value());
  EXPECT_FALSE(uri_to_path("file://server/share/a.xml").has_value());
}

TEST(LspText, PositionsInEveryEncoding) {
  // "é" is 2 bytes and 1 UTF-16 unit, "𝔸" 4 bytes and 2 units (a
  // surrogate pair); each is one code point in the model.
  const Text t("ab\r\né𝔸 (3.30)\nlast");
  const std::size_t ref = t.str().find("(3.30)");
  EXPECT_EQ(t.position(ref, Encoding::utf16).line, 1u);
  EXPECT_EQ(t.position(ref, Encoding::utf16).character, 4u);
  EXPECT_EQ(t.position(ref, Encoding::utf8).character, 7u);
  EXPECT_EQ(t.offset({1, 4}, Encoding::utf16), ref);
  EXPECT_EQ(t.offset({1, 7}, Encoding::utf8), ref);
  // The model: line 2, column 4 (é, 𝔸, space, then the parenthesis).
  EXPECT_EQ(t.model_offset(2, 4), ref);
  EXPECT_EQ(t.model_position(2, 4, Encoding::utf16).character, 4u);
  // Inside a surrogate pair: the character's start.
  EXPECT_EQ(t.offset({1, 2}, Encoding::utf16), t.str().find("𝔸"));
  // Past the end of a line: its end, before CR LF; past the last line: the
  // end of the text, unless strict.
  EXPECT_EQ(t.offset({0, 99}, Encoding::utf16), 2u);
  EXPECT_EQ(t.offset({9, 0}, Encoding::utf16), t.str().size());
  EXPECT_FALSE(t.offset({9, 0}, Encoding::utf16, true).has_value());
  EXPECT_EQ(t.offset({2, 4}, Encoding::utf16, true), t.str().size());
}

TEST(LspText, ReplaceKeepsTheLinesRight) {
  Text t("one\ntwo\nthree");
  t.replace(*t.offset({1, 0}, Encoding::utf16), *t.offset({2, 2}, Encoding::utf16), "2\n3\nth");
  EXPECT_EQ(t.str(), "one\n2\n3\nthree");
  EXPECT_EQ(t.line_count(), 4u);
  EXPECT_EQ(t.offset({3, 1}, Encoding::utf8), t.str().find("hree"));
}
