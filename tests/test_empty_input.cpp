// Inputs that yield no term entries are errors, never silence (rule
// empty-input, an error under both profiles): a directory without a term
// file, a well-formed file of a known format with no entry, a forced reader
// that reads nothing. Each is reported once, at the file (and its root
// element or first line); a file already reported as unreadable, malformed
// or of no known format is not reported again. A file of no format at all
// (neither XML nor CSV), named explicitly, is unknown-format at 1:1.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "termgraph/load.hpp"
#include "test_support.hpp"

using namespace termgraph;
namespace fs = std::filesystem;

namespace {

using termgraph::test::all_messages;
using termgraph::test::with_rule;

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

const char* const kNativeEmpty =
    "<?xml version=\"1.0\"?>\n"
    "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">\n"
    "  <title>nothing yet</title>\n"
    "</vocabulary>\n";

const char* const kNativeOne =
    "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">\n"
    "  <entry number=\"1.1\"><term>alpha</term><definition>first letter</definition></entry>\n"
    "</vocabulary>\n";

/// The one diagnostic of `r`, which must be of `rule`.
const Diagnostic& only(const LoadResult& r, RuleId rule) {
  EXPECT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
  static const Diagnostic none;
  if (r.diagnostics.empty()) return none;
  EXPECT_TRUE(r.diagnostics[0].is(rule)) << all_messages(r);
  return r.diagnostics[0];
}

}  // namespace

TEST(EmptyInput, DirectoryWithoutTermFile) {
  TempDir dir;
  dir.write("notes.txt", "not a term file\n");
  fs::create_directories(dir.path / "sub" / "deeper");
  const std::string path = dir.path.string();
  LoadResult r = load_files({path});
  const Diagnostic& d = only(r, RuleId::empty_input);
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(d.message,
            "no term entries: the directory holds no term file (*.xml, *.tbx or *.csv, searched "
            "recursively)");
  // The directory is named; there is no line to point at.
  ASSERT_LT(d.range.file, r.vocabulary.files().size());
  EXPECT_EQ(r.vocabulary.files()[d.range.file], path);
  EXPECT_EQ(d.range.line, 0u);
  EXPECT_FALSE(r);
  EXPECT_EQ(r.vocabulary.size(), 0u);
}

TEST(EmptyInput, DirectoryWithATermFileIsNotEmpty) {
  TempDir dir;
  dir.write("sub/a.xml", kNativeOne);
  LoadResult r = load_files({dir.path.string()});
  EXPECT_TRUE(r.diagnostics.empty()) << all_messages(r);
  EXPECT_EQ(r.vocabulary.size(), 1u);
}

TEST(EmptyInput, WellFormedFilesWithoutEntries) {
  // Native: at the root element.
  LoadResult native = load_string(kNativeEmpty, "empty.xml");
  const Diagnostic& n = only(native, RuleId::empty_input);
  EXPECT_EQ(n.severity, Severity::error);
  EXPECT_EQ(n.message, "no term entries: this native file holds none");
  EXPECT_EQ(n.range.line, 2u);
  EXPECT_EQ(n.range.column, 1u);

  // TBX v3 with an empty body.
  LoadResult tbx = load_string(
      "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" "
      "xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
      "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>\n"
      "<text><body/></text></tbx>\n",
      "empty.tbx");
  EXPECT_EQ(only(tbx, RuleId::empty_input).message, "no term entries: this tbx file holds none");

  // TBX 2008.
  LoadResult martif = load_string(
      "\n<martif type=\"TBX\" xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc><p>x</p>"
      "</sourceDesc></fileDesc></martifHeader><text><body></body></text></martif>",
      "empty.tbx");
  const Diagnostic& m = only(martif, RuleId::empty_input);
  EXPECT_EQ(m.message, "no term entries: this tbx2008 file holds none");
  EXPECT_EQ(m.range.line, 2u);

  // CSV: a header row alone; an empty file (the reader adds nothing).
  LoadResult header = load_string("Entry,Language,Term\n", "empty.csv");
  const Diagnostic& h = only(header, RuleId::empty_input);
  EXPECT_EQ(h.message, "no term entries: this csv file holds none");
  EXPECT_EQ(h.range.line, 1u);
  EXPECT_EQ(h.range.column, 1u);
  EXPECT_EQ(only(load_string("", "nothing.csv"), RuleId::empty_input).range.line, 1u);
}

TEST(EmptyInput, IsAnErrorUnderBothProfiles) {
  for (Profile profile : {Profile::iso, Profile::termbase}) {
    LoadOptions options;
    options.analysis.diagnostics.profile = profile;
    LoadResult r = load_string("Entry,Language,Term\n", "empty.csv", options);
    EXPECT_EQ(only(r, RuleId::empty_input).severity, Severity::error) << to_string(profile);
  }
}

TEST(EmptyInput, ForcedReaderThatReadsNothingNamesTheFileFormat) {
  LoadOptions sts;
  sts.format = Format::sts;
  LoadResult r = load_string(kNativeEmpty, "native.xml", sts);
  EXPECT_EQ(r.vocabulary.size(), 0u);
  const Diagnostic& d = only(r, RuleId::empty_input);
  EXPECT_EQ(d.message,
            "no term entries: read as sts, the format asked for, this file holds none; its root "
            "element 'vocabulary' is that of native, which the file is read as when no format "
            "is asked for");
  EXPECT_EQ(d.range.line, 2u);

  // A root of no format read.
  LoadResult other = load_string("<notes><p>x</p></notes>", "notes.xml", sts);
  EXPECT_EQ(only(other, RuleId::empty_input).message,
            "no term entries: read as sts, the format asked for, this file holds none; its root "
            "element 'notes' is of no format termgraph reads");

  // Forced to the format it is in.
  LoadOptions native;
  native.format = Format::native;
  EXPECT_EQ(only(load_string(kNativeEmpty, "e.xml", native), RuleId::empty_input).message,
            "no term entries: this native file (the format asked for) holds none");

  // A forced reader that reads entries: nothing to report.
  LoadResult read = load_string(kNativeOne, "one.xml", native);
  EXPECT_TRUE(read.diagnostics.empty()) << all_messages(read);
}

TEST(EmptyInput, FileOfNoKnownFormatIsUnknownFormatOnce) {
  // Neither XML nor CSV, named on the command line.
  LoadResult md = load_string("# Notes\n\nThe <term> files go here.\n", "README.md");
  const Diagnostic& d = only(md, RuleId::unknown_format);
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(d.range.line, 1u);
  EXPECT_EQ(d.range.column, 1u);
  EXPECT_EQ(d.message.rfind("not a term file: neither XML (native 'vocabulary', ", 0), 0u)
      << d.message;
  EXPECT_EQ(md.formats.at(0), Format::unknown);

  // XML of another kind: unknown-format at the root, no empty-input besides.
  LoadResult pom = load_string("<?xml version=\"1.0\"?>\n<project/>\n", "pom.xml");
  EXPECT_EQ(only(pom, RuleId::unknown_format).range.line, 2u);

  // A file named like XML that is not: the XML parser's finding alone.
  LoadResult broken = load_string("# Notes\n\nThe <term> files go here.\n", "notes.xml");
  EXPECT_TRUE(with_rule(broken, "unknown-format").empty()) << all_messages(broken);
  EXPECT_TRUE(with_rule(broken, "empty-input").empty()) << all_messages(broken);
  EXPECT_FALSE(with_rule(broken, "xml-syntax").empty()) << all_messages(broken);

  // XML after a byte order mark and white space, whatever the file name.
  LoadResult bom = load_string(std::string("\xEF\xBB\xBF \n") + kNativeOne, "vocabulary.txt");
  EXPECT_TRUE(bom.diagnostics.empty()) << all_messages(bom);
  EXPECT_EQ(bom.vocabulary.size(), 1u);
}

TEST(EmptyInput, MalformedFileIsNotReportedTwice) {
  // Truncated before the first entry: the syntax error says it all.
  LoadResult r =
      load_string("<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">\n", "cut.xml");
  EXPECT_EQ(with_rule(r, "xml-syntax").size(), 1u) << all_messages(r);
  EXPECT_TRUE(with_rule(r, "empty-input").empty()) << all_messages(r);
}

TEST(EmptyInput, OnlyTheEmptyFileOfSeveralIsReported) {
  TempDir dir;
  dir.write("a.xml", kNativeOne);
  const std::string empty = dir.write("b.xml", kNativeEmpty);
  LoadResult r = load_files({dir.path.string()});
  EXPECT_EQ(r.vocabulary.size(), 1u);
  const Diagnostic& d = only(r, RuleId::empty_input);
  ASSERT_LT(d.range.file, r.vocabulary.files().size());
  EXPECT_EQ(fs::path(r.vocabulary.files()[d.range.file]), fs::path(empty));
}
