// Loading: files and directories, unreadable input, malformed XML, format
// detection, diagnostics order.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <unistd.h>
#endif

#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"

#include "model/impl.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace termgraph;

namespace {

using termgraph::test::with_rule;

const char* kSmall = R"(<?xml version="1.0"?>
<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="1.1"><term>alpha</term><definition>first letter</definition></entry>
  <entry number="1.2"><term>beta</term><definition>letter after <ref to="1.1">alpha</ref></definition></entry>
</vocabulary>
)";

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("termgraph-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& content) const {
    fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
};

}  // namespace

TEST(Load, StringLoadsEntriesInOrder) {
  LoadResult r = load_string(kSmall, "small.xml");
  EXPECT_TRUE(r) << (r.diagnostics.empty() ? "" : r.diagnostics[0].message);
  ASSERT_EQ(r.vocabulary.size(), 2u);
  EXPECT_EQ(r.vocabulary[0].number, "1.1");
  EXPECT_EQ(r.vocabulary[1].number, "1.2");
  ASSERT_EQ(r.formats.size(), 1u);
  EXPECT_EQ(r.formats[0], Format::native);
  EXPECT_EQ(r.vocabulary.files(), std::vector<std::string>{"small.xml"});
}

TEST(Load, MalformedXmlReportsParserPosition) {
  // The closing tag on line 3 does not match: pugixml stops there.
  std::string bad =
      "<?xml version=\"1.0\"?>\n<vocabulary xmlns=\"urn:termgraph:vocabulary:1\">\n"
      "  <entry number=\"1\"><term>x</termx></entry>\n</vocabulary>\n";
  LoadResult r = load_string(bad, "bad.xml");
  auto found = with_rule(r, "xml-syntax");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->severity, Severity::error);
  EXPECT_EQ(found[0]->range.line, 3u);
  EXPECT_EQ(found[0]->range.column, 30u);  // the name in </termx>
  EXPECT_FALSE(r);
}

TEST(Load, EmptyFileIsXmlSyntaxAtStart) {
  LoadResult r = load_string("", "empty.xml");
  auto found = with_rule(r, "xml-syntax");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->range.line, 1u);
  EXPECT_EQ(found[0]->range.column, 1u);
}

TEST(Load, UnknownRootElement) {
  LoadResult r = load_string("<?xml version=\"1.0\"?>\n\n  <html><body/></html>", "page.xml");
  auto found = with_rule(r, "unknown-format");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->range.line, 3u);
  EXPECT_EQ(found[0]->range.column, 3u);
  EXPECT_NE(found[0]->message.find("'html'"), std::string::npos);
  EXPECT_EQ(r.formats[0], Format::unknown);
}

TEST(Load, DirectoriesAreSearchedRecursivelyAndSorted) {
  TempDir dir;
  dir.write("b/two.xml", R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
<entry number="2"><term>two</term><definition>after <ref to="1">one</ref></definition></entry>
</vocabulary>)");
  dir.write("a.xml", R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
<entry number="1"><term>one</term><definition>first</definition></entry>
</vocabulary>)");
  dir.write("notes.txt", "not a term file");
  LoadResult r = load_files({dir.path.string()});
  ASSERT_EQ(r.vocabulary.files().size(), 2u);
  EXPECT_EQ(fs::path(r.vocabulary.files()[0]).filename(), "a.xml");
  EXPECT_EQ(fs::path(r.vocabulary.files()[1]).filename(), "two.xml");
  ASSERT_EQ(r.vocabulary.size(), 2u);
  // The reference crosses files.
  ASSERT_EQ(r.vocabulary[1].languages[0].definition->references.size(), 1u);
  EXPECT_EQ(r.vocabulary[1].languages[0].definition->references[0].target, 0u);
  EXPECT_TRUE(r);
}

TEST(Load, MissingPathIsUnreadableAndOthersStillLoad) {
  TempDir dir;
  std::string good = dir.write("good.xml", kSmall);
  LoadResult r = load_files({(dir.path / "nope.xml").string(), good});
  auto found = with_rule(r, "unreadable-input");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0]->message.find("nope.xml"), std::string::npos);
  EXPECT_EQ(r.vocabulary.size(), 2u);
}

TEST(Load, DashIsAFileNameUnlessAsked) {
  LoadResult r = load_files({"-"});
  auto found = with_rule(r, "unreadable-input");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->message, "no such file or directory '-'");
}

TEST(Load, DashReadsStandardInputOnceWhenAsked) {
#if defined(__unix__) || defined(__APPLE__)
  TempDir dir;
  const std::string piped = dir.write("piped.xml", kSmall);
  const std::string other =
      dir.write("other.xml", R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
<entry number="2.1"><term>gamma</term><definition>after <ref to="1.2">beta</ref></definition></entry>
</vocabulary>)");
  // Standard input comes from piped.xml for the duration of the load.
  std::fflush(stdin);
  const int saved = ::dup(0);
  ASSERT_GE(saved, 0);
  const int fd = ::open(piped.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ::dup2(fd, 0);
  ::close(fd);
  LoadOptions options;
  options.dash_is_stdin = true;
  LoadResult r = load_files({other, "-", "-"}, options);
  std::clearerr(stdin);
  ::dup2(saved, 0);
  ::close(saved);

  ASSERT_EQ(r.vocabulary.files().size(), 3u);
  EXPECT_EQ(r.vocabulary.files()[1], "<stdin>");
  EXPECT_EQ(r.formats[1], Format::native);  // detected from the content
  EXPECT_EQ(r.vocabulary.size(), 3u);
  // One vocabulary: other.xml's reference to 1.2 resolves into <stdin>.
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty());
  // The second "-" reads nothing and says why.
  auto found = with_rule(r, "unreadable-input");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->message, "standard input is given more than once");
  EXPECT_EQ(found[0]->range.file, 2u);
#else
  GTEST_SKIP() << "needs dup2 to redirect standard input";
#endif
}

TEST(Load, BrokenFileDoesNotHideOthers) {
  LoadResult r =
      load_sources({{"broken.xml", "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\"><entry"},
                    {"good.xml", kSmall}});
  EXPECT_EQ(with_rule(r, "xml-syntax").size(), 1u);
  // The cut <entry is read too (an entry without number, terms or
  // definition), then the two of good.xml.
  EXPECT_EQ(r.vocabulary.size(), 3u);
  EXPECT_EQ(r.diagnostics[0].range.file, 0u);
}

TEST(Load, Utf8ByteOrderMarkKeepsPositions) {
  std::string text = std::string("\xEF\xBB\xBF") + kSmall;
  LoadResult r = load_string(text, "bom.xml");
  ASSERT_EQ(r.vocabulary.size(), 2u);
  EXPECT_EQ(r.vocabulary[0].range.line, 3u);
  EXPECT_EQ(r.vocabulary[0].range.column, 3u);
}

TEST(Load, TbxIsDetectedAndRead) {
  LoadResult r = load_string(
      "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\" style=\"dca\" "
      "xml:lang=\"en\"><tbxHeader/><text><body><conceptEntry id=\"c1\"><langSec "
      "xml:lang=\"en\"><termSec><term>ledger</term></termSec></langSec></conceptEntry></body>"
      "</text></tbx>",
      "t.tbx");
  EXPECT_EQ(r.formats[0], Format::tbx);
  EXPECT_TRUE(with_rule(r, "unknown-format").empty());
  ASSERT_EQ(r.vocabulary.entries().size(), 1u);
  EXPECT_EQ(r.vocabulary.entries()[0].number, "c1");
  EXPECT_EQ(r.vocabulary.entries()[0].languages[0].designations[0].text, "ledger");
}

TEST(Load, NumberNormalisation) {
  std::string out;
  EXPECT_TRUE(normalize_number(" 3.30 ", out));
  EXPECT_EQ(out, "3.30");
  EXPECT_TRUE(
      normalize_number("102\xE2\x80\x91"
                       "01\xE2\x80\x91"
                       "01",
                       out));
  EXPECT_EQ(out, "102-01-01");
  EXPECT_TRUE(
      normalize_number("\xC2\xA0"
                       "3.1.2.16",
                       out));
  EXPECT_EQ(out, "3.1.2.16");
  EXPECT_FALSE(normalize_number("3..4", out));
  EXPECT_FALSE(normalize_number("3.", out));
  EXPECT_FALSE(normalize_number(".3", out));
  EXPECT_FALSE(normalize_number("3.a", out));
}

// Where each entry ends (Entry::range's end): just past its end tag, found
// from the tail of the element whatever stands last in it (an element,
// text, white space, CDATA, a comment or a processing instruction), with
// white space inside the end tag, and for an entry that holds nothing after
// its term but an empty element.
TEST(Load, EntryRangesEndJustPastTheirEndTags) {
  const std::string lines[] = {
      R"(<?xml version="1.0"?>)",
      R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">)",
      R"(  <entry number="1.1"><term>alpha</term><definition>first</definition><!-- x --></entry >)",
      R"(  <entry number="1.2"><term>beta</term><definition><![CDATA[b < c]]></definition></entry>)",
      R"(  <entry number="1.3"><term>gamma</term><definition>third</definition><?pi x?></entry>)",
      R"(  <entry number="1.4"><term>delta</term><definition>fourth</definition>  </entry>)",
      R"(  <entry number="1.5"><term>epsilon</term><definition>fifth</definition><see/></entry>)",
      R"(</vocabulary>)",
  };
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  LoadResult r = load_string(text, "ends.xml");
  ASSERT_EQ(r.vocabulary.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    const std::string& line = lines[i + 2];
    const SourceRange& range = r.vocabulary[static_cast<EntryId>(i)].range;
    EXPECT_EQ(range.line, i + 3) << line;
    EXPECT_EQ(range.column, 3u) << line;
    EXPECT_EQ(range.end_line, i + 3) << line;
    EXPECT_EQ(range.end_column, line.size() + 1) << line;  // just past the last '>'
  }
}

// The same ends in a malformed file, where the parsed tree stops early and
// the whole file is scanned instead: the entries read before the error
// end at their end tags, the one left open at the end of the file.
TEST(Load, EntryRangesEndInAFileTruncatedInAnEntry) {
  const std::string text =
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">\n"
      "<entry number=\"1\"><term>a</term><definition>x</definition></entry>\n"
      "<entry number=\"2\"><term>b</term><definition>y</definition>";
  LoadResult r = load_string(text, "cut.xml");
  ASSERT_EQ(r.vocabulary.size(), 2u);
  EXPECT_EQ(r.vocabulary[0].range.end_line, 2u);
  EXPECT_EQ(r.vocabulary[0].range.end_column, 67u);
  EXPECT_EQ(r.vocabulary[1].range.end_line, 3u);
  EXPECT_EQ(r.vocabulary[1].range.end_column, 59u);  // the end of the file
}
