// The format table: the public descriptions, names, the loaders' options,
// and the table in docs/formats.md, which is generated from formats() and
// must not drift from it. To regenerate the table after changing a format:
//
//   TERMGRAPH_UPDATE_DOCS=1 build/ci/tests/termgraph_tests --gtest_filter='Formats.Docs*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "termgraph/format.hpp"
#include "termgraph/load.hpp"
#include "termgraph/write.hpp"

using namespace termgraph;

namespace {

constexpr std::string_view begin_marker =
    "<!-- format table: generated from formats() by tests/test_formats.cpp -->\n";
constexpr std::string_view end_marker = "<!-- end of format table -->\n";

/// The table of docs/formats.md, rendered from formats().
std::string render_table() {
  std::string s =
      "| format | name (`--from`, `--to`) | extensions | read | written | what it carries |\n"
      "|---|---|---|---|---|---|\n";
  for (const FormatInfo& f : formats()) {
    std::string extensions;
    for (std::string_view e : f.extensions) {
      if (!extensions.empty()) extensions += ", ";
      extensions += "`" + std::string(e) + "`";
    }
    s += "| " + std::string(f.summary) + " | `" + std::string(f.name) + "` | " + extensions +
         " | " + (f.can_read ? "yes" : "no") + " | " + (f.can_write ? "yes" : "no") + " | " +
         std::string(f.carries) + " |\n";
  }
  return s;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(Formats, DocsTableIsGeneratedFromTheFormatTable) {
  const std::string path = std::string(TERMGRAPH_DOCS_DIR) + "/formats.md";
  std::string doc = read_text(path);
  const std::size_t begin = doc.find(begin_marker);
  const std::size_t end = doc.find(end_marker);
  ASSERT_NE(begin, std::string::npos) << "no begin marker in " << path;
  ASSERT_NE(end, std::string::npos) << "no end marker in " << path;
  ASSERT_LT(begin, end);
  const std::size_t from = begin + begin_marker.size();
  const std::string table = render_table();
  if (std::getenv("TERMGRAPH_UPDATE_DOCS") != nullptr) {
    doc.replace(from, end - from, table);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << doc;
    SUCCEED() << "regenerated " << path;
    return;
  }
  EXPECT_EQ(doc.substr(from, end - from), table)
      << "docs/formats.md is out of date: regenerate it with TERMGRAPH_UPDATE_DOCS=1 "
         "termgraph_tests --gtest_filter='Formats.Docs*'";
}

TEST(Formats, NamesAndDescriptionsAgree) {
  std::set<std::string_view> names;
  for (const FormatInfo& f : formats()) {
    EXPECT_NE(f.format, Format::unknown);
    EXPECT_TRUE(names.insert(f.name).second) << "two formats named " << f.name;
    EXPECT_EQ(to_string(f.format), f.name);
    EXPECT_EQ(format_named(f.name), f.format);
    ASSERT_EQ(format_info(f.format), &f);
    EXPECT_EQ(can_write(f.format), f.can_write) << f.name;
    EXPECT_FALSE(f.extensions.empty()) << f.name;
    for (std::string_view e : f.extensions) {
      EXPECT_EQ(e.substr(0, 1), ".") << f.name;
    }
    EXPECT_FALSE(f.summary.empty()) << f.name;
    EXPECT_FALSE(f.carries.empty()) << f.name;
  }
  EXPECT_EQ(format_info(Format::unknown), nullptr);
  EXPECT_EQ(format_named("unknown"), Format::unknown);
  EXPECT_EQ(format_named("NATIVE"), Format::unknown);
  EXPECT_EQ(format_named(""), Format::unknown);
  EXPECT_EQ(to_string(Format::unknown), "unknown");
  // The order of the --from / --to choices.
  std::string order;
  for (const FormatInfo& f : formats()) order += std::string(f.name) + " ";
  EXPECT_EQ(order.substr(0, 23), "native sts tbx tbx2008 ");
}

TEST(Formats, WritingAFormatThatCannotBeWrittenWritesNothing) {
  const LoadResult r = load_string(
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\"><entry number=\"1\"><term>a</term>"
      "<definition>b</definition></entry></vocabulary>");
  // Every format in the table has a writer now: only Format::unknown has
  // none.
  std::ostringstream out;
  EXPECT_FALSE(write_vocabulary(out, r.vocabulary, Format::unknown));
  EXPECT_EQ(out.str(), "");
  for (const FormatInfo& info : formats()) EXPECT_TRUE(info.can_write) << info.name;
}

TEST(Formats, LoadStringTakesTheLoadOptions) {
  // A native document read as STS: the option is honoured (no vocabulary
  // root in STS, so no entry), where detection would read it as native.
  const std::string native =
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\"><entry number=\"1\"><term>a</term>"
      "<definition>b</definition></entry></vocabulary>";
  const LoadResult detected = load_string(native, "t.xml");
  ASSERT_EQ(detected.formats.size(), 1u);
  EXPECT_EQ(detected.formats[0], Format::native);
  EXPECT_EQ(detected.vocabulary.size(), 1u);

  LoadOptions options;
  options.format = Format::sts;
  const LoadResult forced = load_string(native, "t.xml", options);
  ASSERT_EQ(forced.formats.size(), 1u);
  EXPECT_EQ(forced.formats[0], Format::sts);
  EXPECT_EQ(forced.vocabulary.size(), 0u);
}
