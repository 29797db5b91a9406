// Large XML files are read chunk by chunk (read/chunked.hpp): what is read
// must be exactly what reading the whole parsed file gives, positions and
// findings included, and every file that cannot be read so is read whole.
//
// With TERMGRAPH_TEST_CHUNKED=1 in the environment, every file of every
// test of this program is read chunk by chunk, each entry a chunk of its
// own (ctest runs the suite so once more: unit.chunked).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "read/chunked.hpp"
#include "termgraph/load.hpp"
#include "termgraph/report.hpp"
#include "termgraph/write.hpp"

using namespace termgraph;
namespace fs = std::filesystem;

namespace {

const bool chunked_everywhere = [] {
  const char* v = std::getenv("TERMGRAPH_TEST_CHUNKED");
  if (v && std::string(v) == "1") chunked_reading_limits() = {0, 1};
  return true;
}();

/// Sets the chunk limits for the lifetime of the object.
class Limits {
public:
  explicit Limits(ChunkedDocument::Limits limits) : saved_(chunked_reading_limits()) {
    chunked_reading_limits() = limits;
  }
  ~Limits() { chunked_reading_limits() = saved_; }
  Limits(const Limits&) = delete;
  Limits& operator=(const Limits&) = delete;

private:
  ChunkedDocument::Limits saved_;
};

constexpr ChunkedDocument::Limits never{SIZE_MAX, 1};

std::string range(const SourceRange& r) {
  return std::to_string(r.file) + ":" + std::to_string(r.line) + ":" + std::to_string(r.column) +
         "-" + std::to_string(r.end_line) + ":" + std::to_string(r.end_column);
}

void categories(std::string& out, Span<DataCategory> cats) {
  // Two levels: categories and their details (details have none).
  for (const DataCategory& c : cats) {
    out += "cat " + std::string(c.type) + "=" + std::string(c.value) + "@" + range(c.range) + "\n";
    for (const DataCategory& d : c.details) {
      out += " detail " + std::string(d.type) + "=" + std::string(d.value) + "@" + range(d.range) +
             "\n";
    }
  }
}

void block(std::string& out, const TextBlock& b) {
  out += "block " + std::string(b.text) + "@" + range(b.range) + " markup " +
         std::string(b.markup) + "\n";
  for (const Reference& r : b.references) {
    out += " ref " + std::string(r.text) + "->" + std::to_string(r.target) + "@" + range(r.range) +
           "\n";
  }
}

/// Everything a load gives that a user sees: every finding with its rule,
/// range, message, related places and entries; every entry, section,
/// designation, block, reference and category with its range; the
/// vocabulary written as native XML and as TBX.
std::string fingerprint(const LoadResult& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics) {
    out += std::string(d.rule_id()) + "@" + range(d.range) + " " + d.message + " [";
    for (EntryId e : d.entries) out += std::to_string(e) + ",";
    out += "]";
    for (const RelatedLocation& rl : d.related) out += " +" + range(rl.range) + " " + rl.message;
    for (const Fix& f : d.fixes) {
      for (const Edit& e : f.edits) out += " fix@" + range(e.range) + "=" + e.replacement;
    }
    out += "\n";
  }
  const Vocabulary& v = r.vocabulary;
  for (const Entry& e : v.entries()) {
    out += "entry " + std::string(e.number) + "@" + range(e.range) + "\n";
    categories(out, e.categories);
    for (const LanguageSection& s : e.languages) {
      out += "lang " + std::string(s.language) + "@" + range(s.range) + "\n";
      categories(out, s.categories);
      for (const Designation& d : s.designations) {
        out += "term " + std::string(d.text) + "@" + range(d.range) + "\n";
        categories(out, d.categories);
      }
      if (s.definition) block(out, *s.definition);
      for (const TextBlock& b : s.notes) block(out, b);
      for (const TextBlock& b : s.examples) block(out, b);
      for (const TextBlock& b : s.sources) block(out, b);
    }
  }
  for (Format f : {Format::native, Format::tbx}) {
    std::ostringstream written;
    write_vocabulary(written, v, f);
    out += written.str();
  }
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The XML files of `dir` (recursively), sorted.
std::vector<fs::path> xml_files(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".xml" || ext == ".tbx")) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// Loads `paths` whole and chunk by chunk (each entry a chunk, then chunks
/// of a few entries) and expects the same fingerprint.
void expect_same_reading(const std::vector<std::string>& paths) {
  std::string whole;
  {
    Limits l(never);
    whole = fingerprint(load_files(paths));
  }
  for (std::size_t bytes : {std::size_t{1}, std::size_t{700}}) {
    Limits l({0, bytes});
    EXPECT_EQ(fingerprint(load_files(paths)), whole) << paths.front() << " in chunks of " << bytes;
  }
}

}  // namespace

TEST(Chunked, PlansOneChunkPerRunOfEntriesAndMapsOffsets) {
  const std::string raw =
      "<standard><body><sec id='s3'><title>Terms</title>\n"
      "<term-sec id='a'><label>3.1</label></term-sec>\n"
      "<!-- between --><term-sec id='b'><term-sec id='b1'/></term-sec>\n"
      "<p>text</p><term-sec id='c'/></sec></body></standard>";
  ChunkedDocument chunks;
  ASSERT_TRUE(chunks.plan(raw, {0, 1 << 20}));
  // a and b are one run (a comment between them); the <p> starts another.
  EXPECT_EQ(chunks.chunks(), 2u);
  ASSERT_TRUE(chunks.parse_skeleton());
  pugi::xml_node sec = chunks.skeleton().document_element().first_child().first_child();
  ASSERT_STREQ(sec.name(), "sec");
  EXPECT_EQ(chunks.offset(sec), raw.find("sec id='s3'"));
  pugi::xml_node placeholder = sec.child("title").next_sibling().next_sibling();
  ASSERT_TRUE(ChunkedDocument::is_placeholder(placeholder)) << placeholder.name();
  pugi::xml_node chunk = chunks.open(placeholder);
  pugi::xml_node a = chunk.first_child();
  ASSERT_STREQ(a.name(), "term-sec");
  EXPECT_EQ(chunks.offset(a), raw.find("term-sec id='a'"));
  EXPECT_EQ(chunks.offset(a.first_child().first_child()), raw.find("3.1"));
  EXPECT_EQ(chunks.parent(a), sec);
  pugi::xml_node b = a.next_sibling().next_sibling();  // the line break, the comment is dropped
  ASSERT_STREQ(b.attribute("id").value(), "b");
  EXPECT_EQ(chunks.offset(b.first_child()), raw.find("term-sec id='b1'"));
  EXPECT_FALSE(chunks.all_opened());
  // The <p> after the first run is the skeleton's again.
  pugi::xml_node p = placeholder.next_sibling().next_sibling();
  ASSERT_STREQ(p.name(), "p");
  EXPECT_EQ(chunks.offset(p), raw.find("p>text"));
  EXPECT_EQ(chunks.offset(p.first_child()), raw.find("text</p>"));
  chunks.open(p.next_sibling());
  EXPECT_TRUE(chunks.all_opened());
}

TEST(Chunked, ChunksOfAFewEntriesEach) {
  std::string raw = "<vocabulary xmlns='urn:x'>";
  for (int i = 0; i < 10; ++i) raw += "<entry id='e" + std::to_string(i) + "'>0123456789</entry>";
  raw += "</vocabulary>";
  ChunkedDocument chunks;
  // Each entry is 31 bytes: three fit in 100.
  ASSERT_TRUE(chunks.plan(raw, {0, 100}));
  EXPECT_EQ(chunks.chunks(), 4u);
  ASSERT_TRUE(chunks.plan(raw, {0, 1}));
  EXPECT_EQ(chunks.chunks(), 10u);
  EXPECT_FALSE(chunks.plan(raw, {raw.size() + 1, 1}));  // too small to split
}

TEST(Chunked, FilesWhoseTagsDoNotBalanceAreNotSplit) {
  ChunkedDocument chunks;
  EXPECT_FALSE(chunks.plan("<a><entry></entry>", {0, 1}));   // left open
  EXPECT_FALSE(chunks.plan("<a><entry/></a></a>", {0, 1}));  // closed once too often
  EXPECT_FALSE(chunks.plan("<a><b/></a>", {0, 1}));          // no entries
  EXPECT_FALSE(chunks.plan("<entry/>", {0, 1}));             // the root is not cut
  EXPECT_TRUE(chunks.plan("<a><entry/></a>", {0, 1}));
  // Names are the parser's to match: a mismatch inside a chunk fails the
  // chunk's parse (the next test shows what comes of it).
  EXPECT_TRUE(chunks.plan("<a><entry></entri></a>", {0, 1}));
}

TEST(Chunked, EveryTestFileReadsTheSame) {
  std::vector<fs::path> files = xml_files(TERMGRAPH_TEST_DATA);
  for (const fs::path& p : xml_files(fs::path(TERMGRAPH_TEST_DATA) / ".." / "cli" / "data")) {
    files.push_back(p);
  }
  for (const fs::path& p : xml_files(TERMGRAPH_TERMS_DIR)) files.push_back(p);
  ASSERT_GE(files.size(), 20u);
  std::size_t split = 0;
  for (const fs::path& p : files) {
    SCOPED_TRACE(p.string());
    expect_same_reading({p.string()});
    const std::string raw = read_file(p);
    ChunkedDocument chunks;
    if (chunks.plan(raw, {0, 1})) ++split;
  }
  // Most of them have entries to cut.
  EXPECT_GE(split, files.size() / 2);
}

TEST(Chunked, EveryCorpusFileReadsTheSame) {
  const std::vector<fs::path> files = xml_files(TERMGRAPH_CORPUS_DIR);
  if (files.empty()) GTEST_SKIP() << "corpus not found at " << TERMGRAPH_CORPUS_DIR;
  for (const fs::path& p : files) {
    SCOPED_TRACE(p.string());
    expect_same_reading({p.string()});
  }
}

TEST(Chunked, TheBundledVocabularyAsOneReadsTheSame) {
  // Several files at once: each file's chunks and entry ends are its own.
  std::vector<std::string> paths;
  for (const fs::path& p : xml_files(TERMGRAPH_TERMS_DIR)) paths.push_back(p.string());
  ASSERT_GE(paths.size(), 2u);
  expect_same_reading(paths);
}

namespace {

/// Writes `files` (name, content) to a new directory and returns their paths.
std::vector<std::string> write_files(
    const std::string& dir, const std::vector<std::pair<std::string, std::string>>& files) {
  const fs::path d = fs::temp_directory_path() / ("termgraph-chunked-" + dir);
  fs::remove_all(d);
  fs::create_directories(d);
  std::vector<std::string> out;
  for (const auto& [name, content] : files) {
    std::ofstream(d / name, std::ios::binary) << content;
    out.push_back((d / name).string());
  }
  return out;
}

std::string native_entry(int i, const std::string& extra = "") {
  return "<entry id='e" + std::to_string(i) + "' number='3." + std::to_string(i) + "'><term>term " +
         std::to_string(i) + "</term><definition>a thing of kind " + std::to_string(i) +
         " that differs from term " + std::to_string(i + 1) + " (3." + std::to_string(i + 1) +
         ")</definition>" + extra + "</entry>\n";
}

std::string native(int entries, int damaged) {
  std::string s = "<vocabulary xmlns='urn:termgraph:vocabulary:1' xml:lang='en'>\n";
  for (int i = 1; i <= entries; ++i) s += native_entry(i, i == damaged ? "<note a=1>x</note>" : "");
  return s + "</vocabulary>\n";
}

}  // namespace

TEST(Chunked, AChunkThatDoesNotParseIsReadAsTheWholeParseReadsIt) {
  // The scan pairs every tag; the parser stops at the unquoted attribute in
  // entry 7. Read chunk by chunk, entries 1 to 6 are read, then undone, and
  // the whole parse reports the error: the same findings, the same entries.
  const std::string damaged = native(12, 7);
  ChunkedDocument chunks;
  ASSERT_TRUE(chunks.plan(damaged, {0, 1}));
  ASSERT_TRUE(chunks.parse_skeleton());  // the error is in a chunk
  const std::vector<std::string> paths =
      write_files("damaged", {{"a.xml", native(4, 0)}, {"b.xml", damaged}});
  LoadResult whole;
  {
    Limits l(never);
    whole = load_files(paths);
  }
  ASSERT_FALSE(whole.diagnostics.empty());
  bool syntax = false;
  for (const Diagnostic& d : whole.diagnostics) {
    if (d.rule_id() == "xml-syntax") {
      syntax = true;
      EXPECT_EQ(d.range.file, 1u);
      EXPECT_EQ(d.range.line, 8u);
    }
  }
  EXPECT_TRUE(syntax);
  expect_same_reading(paths);
}

TEST(Chunked, AMismatchedEndTagIsReportedAsTheWholeParseReportsIt) {
  std::string damaged = native(6, 0);
  const std::size_t at = damaged.find("</definition></entry>\n<entry id='e4'");
  ASSERT_NE(at, std::string::npos);
  damaged.replace(at, 13, "</definitio>");
  const std::vector<std::string> paths = write_files("mismatch", {{"a.xml", damaged}});
  LoadResult whole;
  {
    Limits l(never);
    whole = load_files(paths);
  }
  std::size_t syntax = 0;
  for (const Diagnostic& d : whole.diagnostics) {
    if (d.rule_id() != "xml-syntax") continue;
    ++syntax;
    EXPECT_EQ(d.range.line, 4u);
  }
  EXPECT_EQ(syntax, 1u);
  expect_same_reading(paths);
}

TEST(Chunked, AChunkTheReaderDoesNotOpenMakesTheFileReadWhole) {
  // STS: TBX markup outside a term-sec is not read, nor the run of
  // termEntry elements inside it; TBX: entries in the header are walked
  // past. Both files are read whole instead, to the same result.
  const std::string sts =
      "<standard xmlns:tbx='urn:iso:std:iso:30042:ed-1'><body><sec>\n"
      "<term-sec id='sec_3.1'><label>3.1</label><tbx:termEntry id='t1'><tbx:langSet "
      "xml:lang='en'><tbx:tig><tbx:term>ledger</tbx:term></tbx:tig></tbx:langSet>"
      "</tbx:termEntry></term-sec>\n"
      "<tbx:note><tbx:termEntry id='x'/><tbx:termEntry id='y'/></tbx:note>\n"
      "</sec></body></standard>\n";
  const std::string tbx =
      "<tbx xmlns='urn:iso:std:iso:30042:ed-2' type='TBX-Basic' style='dca' xml:lang='en'>"
      "<tbxHeader><fileDesc><sourceDesc><p>made <entry>by</entry><entry>hand</entry></p>"
      "</sourceDesc></fileDesc></tbxHeader><text><body>"
      "<conceptEntry id='c1'><langSec xml:lang='en'><termSec><term>node</term></termSec>"
      "</langSec></conceptEntry></body></text></tbx>\n";
  for (const auto& [name, content] : {std::pair<std::string, std::string>{"a.xml", sts},
                                      std::pair<std::string, std::string>{"b.tbx", tbx}}) {
    SCOPED_TRACE(name);
    ChunkedDocument chunks;
    ASSERT_TRUE(chunks.plan(content, {0, 1}));
    ASSERT_TRUE(chunks.parse_skeleton());
    const std::vector<std::string> paths = write_files("unopened", {{name, content}});
    LoadResult whole;
    {
      Limits l(never);
      whole = load_files(paths);
    }
    EXPECT_EQ(whole.vocabulary.size(), 1u);
    expect_same_reading(paths);
  }
}

TEST(Chunked, NamespacesDeclaredOnEntriesEndWithTheirChunk) {
  // Each term-sec declares the TBX prefix itself, under several names: the
  // scope keeps no prefix past its element (its name is a view into the
  // chunk's text, which the next chunk overwrites), and each entry's TBX
  // markup is read as TBX.
  std::string sts = "<standard><body><sec>\n";
  for (int i = 1; i <= 6; ++i) {
    const std::string p = i % 2 ? "tbx" : "t" + std::to_string(i);
    sts += "<term-sec id='sec_3." + std::to_string(i) + "' xmlns:" + p +
           "='urn:iso:std:iso:30042:ed-1'><label>3." + std::to_string(i) + "</label><" + p +
           ":termEntry id='e" + std::to_string(i) + "'><" + p + ":langSet xml:lang='en'><" + p +
           ":tig><" + p + ":term>term " + std::to_string(i) + "</" + p + ":term></" + p +
           ":tig></" + p + ":langSet></" + p + ":termEntry></term-sec>\n";
  }
  sts += "</sec></body></standard>\n";
  const std::vector<std::string> paths = write_files("namespaces", {{"a.xml", sts}});
  {
    Limits l({0, 1});
    const LoadResult r = load_files(paths);
    ASSERT_EQ(r.vocabulary.size(), 6u);
    EXPECT_EQ(r.vocabulary[EntryId{5}].languages[0].designations[0].text, "term 6");
  }
  expect_same_reading(paths);
}
