// The writers: exact output for one entry in each format, determinism,
// well-formedness, the native schema, escaping, and round trips through
// each format that give the same model back (tests/model_compare.hpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "model_compare.hpp"
#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "termgraph/write.hpp"
#include "test_support.hpp"

using namespace termgraph;
using termgraph::test::all_messages;
using termgraph::testing::compare_models;
using termgraph::testing::CompareOptions;
namespace fs = std::filesystem;

namespace {

const std::string corpus_dir = TERMGRAPH_CORPUS_DIR;

std::string write(const Vocabulary& v, Format f, const WriteOptions& o = {}) {
  std::ostringstream out;
  EXPECT_TRUE(write_vocabulary(out, v, f, o));
  return out.str();
}

LoadResult read(const std::string& text, const std::string& path) {
  return load_sources({{path, text}});
}

std::size_t count_rule(const LoadResult& r, std::string_view rule) {
  std::size_t n = 0;
  for (const Diagnostic& d : r.diagnostics) n += d.rule_id() == rule;
  return n;
}

/// Writes `v` in `f`, reads it back (detecting the format) and returns the
/// result; the written text must be read without unsupported content.
LoadResult round_trip(const Vocabulary& v, Format f, const std::string& path) {
  std::string text = write(v, f);
  LoadResult back = read(text, path);
  EXPECT_EQ(back.formats.size(), 1u);
  if (!back.formats.empty()) {
    EXPECT_EQ(back.formats[0], f) << path;
  }
  EXPECT_EQ(count_rule(back, rules::unsupported_content.id), 0u) << path << "\n"
                                                                 << all_messages(back);
  // What a writer writes is valid by the format's own rules, as far as the
  // reader checks them (TBX structure and picklist values).
  EXPECT_EQ(count_rule(back, "tbx-structure"), 0u) << path << "\n" << all_messages(back);
  EXPECT_EQ(count_rule(back, "invalid-value"), 0u) << path << "\n" << all_messages(back);
  return back;
}

std::vector<std::string> xml_files(const std::string& dir) {
  std::vector<std::string> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string ext = e.path().extension().string();
    if (ext == ".xml" || ext == ".tbx") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const char* const one_entry = R"(<?xml version="1.0" encoding="UTF-8"?>
<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="3.2" id="block">
    <term pos="noun">block</term>
    <term type="abbreviation" status="deprecated">blk</term>
    <definition>unit of data stored with the <ref to="3.4">block header</ref> that
      describes it</definition>
    <note>Each block has a block header (3.4).</note>
    <example>A block of 1 MB.</example>
    <source>ISO 22739:2020, 3.2</source>
    <lang xml:lang="fr"><term>bloc</term><definition>unité de données</definition></lang>
  </entry>
  <entry number="3.4"><term>block header</term><definition>metadata of a block</definition></entry>
</vocabulary>
)";

TEST(Write, NativeExactOutput) {
  LoadResult in = read(one_entry, "one.xml");
  ASSERT_TRUE(in) << all_messages(in);
  WriteOptions o;
  o.title = "Sample";
  EXPECT_EQ(write(in.vocabulary, Format::native, o),
            R"(<?xml version="1.0" encoding="UTF-8"?>
<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <title>Sample</title>
  <entry number="3.2" id="block">
    <term pos="noun">block</term>
    <term status="deprecated" type="abbreviation">blk</term>
    <definition>unit of data stored with the <ref to="3.4">block header</ref> that describes it</definition>
    <note>Each block has a block header (3.4).</note>
    <example>A block of 1 MB.</example>
    <source>ISO 22739:2020, 3.2</source>
    <lang xml:lang="fr">
      <term>bloc</term>
      <definition>unité de données</definition>
    </lang>
  </entry>
  <entry number="3.4">
    <term>block header</term>
    <definition>metadata of a block</definition>
  </entry>
</vocabulary>
)");
}

TEST(Write, StsExactOutput) {
  LoadResult in = read(one_entry, "one.xml");
  ASSERT_TRUE(in) << all_messages(in);
  EXPECT_EQ(write(in.vocabulary, Format::sts),
            R"(<?xml version="1.0" encoding="UTF-8"?>
<standard xmlns:tbx="urn:iso:std:iso:30042:ed-1">
  <front>
    <std-meta>
      <content-language>en</content-language>
    </std-meta>
  </front>
  <body>
    <sec sec-type="terms" id="sec_3">
      <title>Terms and definitions</title>
      <term-sec>
        <label>3.2</label>
        <tbx:termEntry id="block">
          <tbx:langSet xml:lang="en">
            <tbx:definition>unit of data stored with the <tbx:entailedTerm target="3.4">block header</tbx:entailedTerm> that describes it</tbx:definition>
            <tbx:note>Each block has a block header (3.4).</tbx:note>
            <tbx:example>A block of 1 MB.</tbx:example>
            <tbx:source>ISO 22739:2020, 3.2</tbx:source>
            <tbx:tig>
              <tbx:term>block</tbx:term>
              <tbx:partOfSpeech value="noun"/>
            </tbx:tig>
            <tbx:tig>
              <tbx:term>blk</tbx:term>
              <tbx:normativeAuthorization value="deprecatedTerm"/>
              <tbx:termType value="abbreviation"/>
            </tbx:tig>
          </tbx:langSet>
          <tbx:langSet xml:lang="fr">
            <tbx:definition>unité de données</tbx:definition>
            <tbx:tig>
              <tbx:term>bloc</tbx:term>
            </tbx:tig>
          </tbx:langSet>
        </tbx:termEntry>
      </term-sec>
      <term-sec id="sec_3.4">
        <label>3.4</label>
        <tbx:termEntry id="term_3.4">
          <tbx:langSet xml:lang="en">
            <tbx:definition>metadata of a block</tbx:definition>
            <tbx:tig>
              <tbx:term>block header</tbx:term>
            </tbx:tig>
          </tbx:langSet>
        </tbx:termEntry>
      </term-sec>
    </sec>
  </body>
</standard>
)");
}

TEST(Write, TbxExactOutput) {
  LoadResult in = read(one_entry, "one.xml");
  ASSERT_TRUE(in) << all_messages(in);
  WriteOptions o;
  o.title = "Sample";
  EXPECT_EQ(write(in.vocabulary, Format::tbx, o),
            R"(<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader>
    <fileDesc>
      <titleStmt>
        <title>Sample</title>
      </titleStmt>
      <sourceDesc>
        <p>written by termgraph</p>
      </sourceDesc>
    </fileDesc>
  </tbxHeader>
  <text>
    <body>
      <conceptEntry id="term_3.2">
        <langSec xml:lang="en">
          <descrip type="definition">unit of data stored with the <ref type="crossReference" target="term_3.4">block header</ref> that describes it</descrip>
          <note>Each block has a block header (3.4).</note>
          <descrip type="context">A block of 1 MB.</descrip>
          <admin type="source">ISO 22739:2020, 3.2</admin>
          <termSec>
            <term>block</term>
            <termNote type="partOfSpeech">noun</termNote>
          </termSec>
          <termSec>
            <term>blk</term>
            <termNote type="termType">abbreviation</termNote>
            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
          </termSec>
        </langSec>
        <langSec xml:lang="fr">
          <descrip type="definition">unité de données</descrip>
          <termSec>
            <term>bloc</term>
          </termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="term_3.4">
        <langSec xml:lang="en">
          <descrip type="definition">metadata of a block</descrip>
          <termSec>
            <term>block header</term>
          </termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
)");
}

TEST(Write, EveryKnownFormat) {
  EXPECT_TRUE(can_write(Format::native));
  EXPECT_TRUE(can_write(Format::sts));
  EXPECT_TRUE(can_write(Format::tbx));
  EXPECT_TRUE(can_write(Format::tbx2008));
  EXPECT_TRUE(can_write(Format::csv));
  EXPECT_FALSE(can_write(Format::unknown));
  std::ostringstream out;
  EXPECT_FALSE(write_vocabulary(out, Vocabulary(), Format::unknown));
  EXPECT_TRUE(out.str().empty());
}

const LoadResult& bundled() {
  static const LoadResult r = load_files({TERMGRAPH_TERMS_DIR});
  return r;
}

TEST(Write, DeterministicAndWellFormed) {
  const Vocabulary& v = bundled().vocabulary;
  ASSERT_GT(v.size(), 50u);
  for (Format f : {Format::native, Format::sts, Format::tbx}) {
    std::string first = write(v, f);
    EXPECT_EQ(first, write(v, f)) << to_string(f);
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_string(first.c_str());
    EXPECT_TRUE(parsed) << to_string(f) << ": " << parsed.description() << " at " << parsed.offset;
    // Indented: every line but text lines starts with the indentation of
    // its depth; the second line is the root at column 1.
    EXPECT_EQ(first.find("\n  <"), first.find('\n', first.find('\n') + 1));
  }
}

TEST(Write, NativeOutputIsValidAgainstTheSchema) {
  if (std::system("xmllint --version > /dev/null 2>&1") != 0) {
    GTEST_SKIP() << "xmllint not found";
  }
  std::string path = ::testing::TempDir() + "termgraph_write_schema.xml";
  {
    std::ofstream f(path, std::ios::binary);
    f << write(bundled().vocabulary, Format::native);
  }
  std::string command = "xmllint --noout --relaxng '" + std::string(TERMGRAPH_TERMS_DIR) +
                        "/termgraph.rng' '" + path + "' > /dev/null 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  // The check can fail: a file the schema rejects is rejected.
  {
    std::ofstream f(path, std::ios::binary);
    f << "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\"><entry number=\"x y\"/></vocabulary>\n";
  }
  EXPECT_NE(std::system(command.c_str()), 0);
  fs::remove(path);
}

TEST(Write, EscapesMarkupCharactersAndKeepsUnicode) {
  const char* input = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="fr">
  <entry number="1"><term pos="n&quot;&lt;">A &amp; B &lt;C&gt; "q"</term>
  <definition>énoncé &amp; <ref to="1">A &amp; B</ref> → 測定 &lt;x&gt;</definition></entry>
</vocabulary>)";
  LoadResult in = read(input, "esc.xml");
  ASSERT_TRUE(in) << all_messages(in);
  std::string native = write(in.vocabulary, Format::native);
  EXPECT_NE(native.find(R"(pos="n&quot;&lt;">A &amp; B &lt;C&gt; "q"</term>)"), std::string::npos)
      << native;
  EXPECT_NE(native.find("énoncé &amp; <ref to=\"1\">A &amp; B</ref> → 測定 &lt;x&gt;"),
            std::string::npos)
      << native;
  for (Format f : {Format::native, Format::sts, Format::tbx}) {
    LoadResult back = round_trip(in.vocabulary, f, "esc");
    CompareOptions o;
    o.ids = f == Format::native;
    o.target_ids = f != Format::tbx;
    EXPECT_EQ(compare_models(in.vocabulary, back.vocabulary, o), "") << to_string(f);
  }
}

TEST(Write, NativeRoundTripsEveryNativeFile) {
  std::vector<std::string> files = xml_files(TERMGRAPH_TERMS_DIR);
  for (const std::string& f : xml_files(std::string(TERMGRAPH_TEST_DATA) + "/native")) {
    files.push_back(f);
  }
  ASSERT_GE(files.size(), 4u);
  for (const std::string& f : files) {
    LoadResult in = load_files({f});
    LoadResult back = round_trip(in.vocabulary, Format::native, f);
    CompareOptions o;
    o.ids = in.formats[0] == Format::native;
    EXPECT_EQ(compare_models(in.vocabulary, back.vocabulary, o), "") << f;
    // And a second time: native -> native is a fixed point, byte for byte.
    EXPECT_EQ(write(back.vocabulary, Format::native), write(in.vocabulary, Format::native)) << f;
  }
}

TEST(Write, BundledVocabularyRoundTripsThroughEveryFormat) {
  const Vocabulary& v = bundled().vocabulary;
  ASSERT_EQ(bundled().formats.size(), 2u);
  for (Format f : {Format::native, Format::sts, Format::tbx}) {
    LoadResult back = round_trip(v, f, "bundled");
    CompareOptions o;
    o.ids = false;  // the STS file's entries have two ids; each format keeps its own
    o.target_ids = f != Format::tbx;
    EXPECT_EQ(compare_models(v, back.vocabulary, o), "") << to_string(f);
    EXPECT_EQ(back.vocabulary.circular_groups().size(), v.circular_groups().size());
  }
}

TEST(Write, CompareModelsReportsDifferences) {
  LoadResult a = read(one_entry, "a.xml");
  std::string changed = one_entry;
  changed.replace(changed.find("blk"), 3, "bk");
  changed.replace(changed.find("header (3.4)."), 12, "header (3.2)");
  LoadResult b = read(changed, "b.xml");
  std::string d = compare_models(a.vocabulary, b.vocabulary);
  EXPECT_NE(d.find("entry 0 (3.2) [en] term 1: text differs: 'blk' vs 'bk'"), std::string::npos)
      << d;
  EXPECT_NE(d.find("note 0 reference 0: number differs: '3.4' vs '3.2'"), std::string::npos) << d;
  EXPECT_NE(d.find("resolved to differs: '3.4' vs '3.2'"), std::string::npos) << d;
}

TEST(Write, StsCorpusRoundTripsThroughNativeAndSts) {
  const std::string dir = corpus_dir + "/sts";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "corpus not found at " << dir;
  std::vector<std::string> files = xml_files(dir);
  ASSERT_EQ(files.size(), 7u);
  CompareOptions o;
  o.ids = false;
  o.max_differences = 100;
  for (const std::string& f : files) {
    LoadResult in = load_files({f});
    ASSERT_GT(in.vocabulary.size(), 0u) << f;
    // Nothing is lost through native either: links without a target and
    // links into other documents have their own form (<ref>, external).
    const std::string expected;
    LoadResult native = round_trip(in.vocabulary, Format::native, f + " (native)");
    EXPECT_EQ(compare_models(in.vocabulary, native.vocabulary, o), expected) << f << " -> native";
    LoadResult sts = round_trip(native.vocabulary, Format::sts, f + " (sts)");
    EXPECT_EQ(compare_models(in.vocabulary, sts.vocabulary, o), expected)
        << f << " -> native -> sts";
    // STS -> STS directly keeps everything, link targets as written.
    LoadResult direct = round_trip(in.vocabulary, Format::sts, f + " (sts)");
    EXPECT_EQ(compare_models(in.vocabulary, direct.vocabulary, o), "") << f << " -> sts";
  }
}

TEST(Write, NativeRoundTripsThroughTbx) {
  LoadResult in = load_files({std::string(TERMGRAPH_TERMS_DIR) + "/dlt-vocabulary.xml"});
  ASSERT_GT(in.vocabulary.size(), 40u);
  LoadResult back = round_trip(in.vocabulary, Format::tbx, "dlt.tbx");
  CompareOptions o;
  o.ids = false;
  o.target_ids = false;
  EXPECT_EQ(compare_models(in.vocabulary, back.vocabulary, o), "");
}

TEST(Write, TbxCorpusRoundTripsThroughNative) {
  const std::string dir = corpus_dir + "/tbx";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "corpus not found at " << dir;
  CompareOptions o;
  o.ids = false;
  o.target_ids = false;
  for (const char* name : {"min_good.tbx", "core_structure_good.tbx"}) {
    LoadResult in = load_files({dir + "/" + name});
    ASSERT_EQ(in.formats.size(), 1u);
    ASSERT_EQ(in.formats[0], Format::tbx) << name;
    ASSERT_GT(in.vocabulary.size(), 0u) << name;
    LoadResult native = round_trip(in.vocabulary, Format::native, name);
    EXPECT_EQ(compare_models(in.vocabulary, native.vocabulary, o), "") << name << " -> native";
    LoadResult tbx = round_trip(native.vocabulary, Format::tbx, name);
    EXPECT_EQ(compare_models(in.vocabulary, tbx.vocabulary, o), "") << name << " -> native -> tbx";
  }
}

}  // namespace

TEST(Write, CharactersXmlDoesNotAllowAreReplaced) {
  // &#1; and &#xFFFE; are read as written by pugixml; no writer may put
  // them in its output, where they would make the file ill-formed.
  LoadResult in = read(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
<entry number="1"><term>a&#1;b</term><definition>x&#xFFFE;y</definition></entry>
</vocabulary>)",
                       "controls.xml");
  for (Format f : {Format::native, Format::sts, Format::tbx}) {
    std::string text = write(in.vocabulary, f);
    EXPECT_EQ(text.find('\x01'), std::string::npos) << to_string(f);
    EXPECT_EQ(text.find("\xEF\xBF\xBE"), std::string::npos) << to_string(f);
    EXPECT_NE(text.find("a\xEF\xBF\xBD"
                        "b"),
              std::string::npos)
        << to_string(f);
    EXPECT_NE(text.find("x\xEF\xBF\xBDy"), std::string::npos) << to_string(f);
    LoadResult back = read(text, "back");
    EXPECT_EQ(count_rule(back, "xml-syntax"), 0u) << to_string(f) << "\n" << all_messages(back);
  }
}
