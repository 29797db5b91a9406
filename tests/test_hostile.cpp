// Hostile and broken inputs (issue 4): empty, garbage and truncated files;
// encodings (BOMs, UTF-16/32, declarations that lie, invalid UTF-8); DTD
// entity bombs and external entities; huge text, deep nesting, many
// attributes; huge reference graphs; malformed numbers; unreadable paths.
// Big inputs are generated here, in memory, never committed.
//
// Under a sanitizer build (TERMGRAPH_SANITIZED defined) the largest inputs
// are scaled down by a factor, so that the suite stays fast there; the
// shapes tested are the same. What these inputs cost in time is measured by
// the benchmarks (bench/bench_hostile.cpp, scripts/bench-limits.sh), not
// here: a test asserts what is read, never how fast.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "hostile_inputs.hpp"
#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "test_support.hpp"
#include "text/line_index.hpp"

namespace fs = std::filesystem;
using namespace termgraph;

namespace {

using termgraph::test::all_messages;
using termgraph::test::with_rule;

#ifdef TERMGRAPH_SANITIZED
constexpr std::size_t scale_down = 10;
#else
constexpr std::size_t scale_down = 1;
#endif

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string dlt_vocabulary() {
  return read_file(std::string(TERMGRAPH_TERMS_DIR) + "/dlt-vocabulary.xml");
}

const char* const kHead = hostile::head;

/// UTF-8 to UTF-16 or UTF-32 (valid input), with a byte order mark.
std::string encode_wide(std::string_view utf8, int unit, bool big_endian) {
  std::vector<std::uint32_t> cps;
  for (std::size_t i = 0; i < utf8.size();) {
    auto c = static_cast<unsigned char>(utf8[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    cps.push_back(cp);
    i += n;
  }
  std::string out;
  auto put = [&](std::uint32_t v) {
    for (int k = 0; k < unit; ++k) {
      int shift = 8 * (big_endian ? unit - 1 - k : k);
      out += static_cast<char>((v >> shift) & 0xFF);
    }
  };
  put(0xFEFF);
  for (std::uint32_t cp : cps) {
    if (unit == 2 && cp >= 0x10000) {
      put(0xD800 + ((cp - 0x10000) >> 10));
      put(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      put(cp);
    }
  }
  return out;
}

/// Rule, line and column of every diagnostic (and its message).
std::vector<std::string> positions(const LoadResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) {
    out.push_back(std::string(d.rule_id()) + " " + std::to_string(d.range.line) + ":" +
                  std::to_string(d.range.column) + " " + d.message);
  }
  return out;
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("termgraph-hostile-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& content) const {
    fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
};

const char* const kSmall =
    "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">\n"
    "  <entry number=\"1.1\"><term>alpha</term><definition>first letter</definition></entry>\n"
    "  <entry number=\"1.2\"><term>beta</term><definition>letter after alpha (1.1) "
    "and (1.9)</definition></entry>\n"
    "</vocabulary>\n";

}  // namespace

// -- empty, not XML, garbage, truncated --------------------------------------

TEST(Hostile, EmptyFile) {
  LoadResult r = load_string("", "empty.xml");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.rule_id(), "xml-syntax");
  EXPECT_EQ(d.range.line, 1u);
  EXPECT_EQ(d.range.column, 1u);
  EXPECT_EQ(d.message, "malformed XML: empty file: no XML document");
  EXPECT_EQ(r.vocabulary.size(), 0u);
}

TEST(Hostile, NotXml) {
  LoadResult r = load_string("just some words,\nnot a document\n", "words.xml");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.rule_id(), "xml-syntax");
  EXPECT_EQ(d.message, "malformed XML: no document element");
  // pugixml reads to the end looking for an element.
  EXPECT_EQ(d.range.line, 3u);
  EXPECT_EQ(d.range.column, 1u);
  EXPECT_EQ(r.vocabulary.size(), 0u);
}

TEST(Hostile, BinaryGarbageNeverCrashes) {
  // Deterministic pseudo-random bytes, NULs included, with and without a
  // leading '<'.
  std::uint64_t state = 12345;
  for (int round = 0; round < 200; ++round) {
    std::string bytes;
    if (round % 2) bytes = "<";
    std::size_t n = 1 + static_cast<std::size_t>(round) * 37;
    for (std::size_t i = 0; i < n; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      bytes += static_cast<char>(state >> 56);
    }
    LoadResult r = load_string(bytes, "garbage.bin");
    EXPECT_FALSE(r) << "round " << round;
    // Every finding points inside the text (line and column from 1).
    for (const Diagnostic& d : r.diagnostics) {
      EXPECT_GE(d.range.line, 1u);
      EXPECT_GE(d.range.column, 1u);
    }
    EXPECT_FALSE(with_rule(r, "xml-syntax").empty() && with_rule(r, "unknown-format").empty())
        << "round " << round << "\n"
        << all_messages(r);
  }
}

TEST(Hostile, TruncatedAtEveryTenthKeepsEntriesBeforeTheCut) {
  std::string full = dlt_vocabulary();
  ASSERT_FALSE(full.empty());
  LoadResult whole = load_string(full, "dlt.xml");
  ASSERT_EQ(whole.vocabulary.size(), 53u);
  for (int tenth = 1; tenth <= 9; ++tenth) {
    std::string cut = full.substr(0, full.size() * static_cast<std::size_t>(tenth) / 10);
    // A cut in the middle of a UTF-8 sequence is its own finding; keep the
    // cut on a character boundary to test only the XML side here.
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
    if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();
    LoadResult r = load_string(cut, "cut.xml");
    SCOPED_TRACE("cut at " + std::to_string(tenth) + "/10, " + std::to_string(cut.size()) +
                 " bytes");
    auto syntax = with_rule(r, "xml-syntax");
    ASSERT_EQ(syntax.size(), 1u) << all_messages(r);
    // pugixml stops at the end of the text (an unclosed element: its last
    // character) or inside the tag the cut went through: never beyond.
    LineIndex lines(cut);
    LineColumn end = lines.at(cut, cut.size());
    std::size_t last_lt = cut.rfind('<');
    LineColumn tag = lines.at(cut, last_lt);
    const SourceRange& at = syntax[0]->range;
    bool at_end = at.line == end.line && at.column + 1 >= end.column && at.column <= end.column;
    bool at_tag = at.line == tag.line && at.column >= tag.column;
    EXPECT_TRUE(at_end || at_tag) << at.line << ":" << at.column << " end " << end.line << ":"
                                  << end.column;
    // Every entry whose end tag is before the cut is read, in order, with
    // its number and definition.
    std::size_t complete = 0;
    for (std::size_t p = 0; (p = cut.find("</entry>", p)) != std::string::npos; p += 8) {
      ++complete;
    }
    ASSERT_GE(r.vocabulary.size(), complete);
    for (std::size_t e = 0; e < complete; ++e) {
      EXPECT_EQ(r.vocabulary[static_cast<EntryId>(e)].number,
                whole.vocabulary[static_cast<EntryId>(e)].number);
      ASSERT_FALSE(r.vocabulary[static_cast<EntryId>(e)].languages.empty());
      ASSERT_NE(r.vocabulary[static_cast<EntryId>(e)].languages[0].definition, nullptr);
      EXPECT_EQ(r.vocabulary[static_cast<EntryId>(e)].languages[0].definition->text,
                whole.vocabulary[static_cast<EntryId>(e)].languages[0].definition->text);
    }
  }
}

// -- encodings ----------------------------------------------------------------

TEST(Hostile, Utf8ByteOrderMarkIsNotAColumn) {
  LoadResult plain = load_string(kSmall, "plain.xml");
  LoadResult bom = load_string(std::string("\xEF\xBB\xBF") + kSmall, "bom.xml");
  EXPECT_EQ(positions(bom), positions(plain));
  auto d = with_rule(bom, "dangling-reference");
  ASSERT_EQ(d.size(), 1u) << all_messages(bom);
  EXPECT_EQ(d[0]->range.line, 3u);
  EXPECT_EQ(d[0]->range.column, 82u);
  EXPECT_EQ(bom.vocabulary.size(), 2u);
  // The element on line 1 starts at column 1 although three bytes precede it.
  EXPECT_EQ(bom.vocabulary[0].range.line, 2u);
  EXPECT_EQ(bom.vocabulary[0].range.column, 3u);
}

TEST(Hostile, Utf16And32FilesReportTheSamePositionsAsUtf8) {
  std::string utf8 = dlt_vocabulary();
  LoadResult expected = load_string(utf8, "dlt.xml");
  ASSERT_EQ(expected.vocabulary.size(), 53u);
  for (int unit : {2, 4}) {
    for (bool big_endian : {false, true}) {
      SCOPED_TRACE("unit " + std::to_string(unit) + (big_endian ? " BE" : " LE"));
      LoadResult r = load_string(encode_wide(utf8, unit, big_endian), "dlt.xml");
      EXPECT_EQ(positions(r), positions(expected));
      ASSERT_EQ(r.vocabulary.size(), 53u);
      EXPECT_EQ(r.vocabulary[52].range.line, expected.vocabulary[52].range.line);
      // Source lines for reports come from the UTF-8 text.
      EXPECT_EQ(
          r.vocabulary.source_line(r.vocabulary[0].range.file, 17),
          "  <title>Blockchain and distributed ledger technologies — Sample vocabulary</title>");
    }
  }
}

TEST(Hostile, Utf16ColumnsCountCodePoints) {
  // A dangling reference after characters of 1, 2, 3 and 4 UTF-8 bytes (the
  // last a surrogate pair in UTF-16).
  std::string doc = std::string("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n") + kHead +
                    "<entry number=\"1\"><term>a</term><definition>é中😀 x (9.9)</definition>"
                    "</entry>\n</vocabulary>\n";
  for (bool big_endian : {false, true}) {
    LoadResult r = load_string(encode_wide(doc, 2, big_endian), "wide.xml");
    auto d = with_rule(r, "dangling-reference");
    ASSERT_EQ(d.size(), 1u) << all_messages(r);
    EXPECT_EQ(d[0]->range.line, 3u);
    EXPECT_EQ(d[0]->range.column, 52u);  // 44 ASCII columns, then é中😀 x (
    EXPECT_EQ(r.vocabulary[0].languages[0].definition->text, "é中😀 x (9.9)");
    EXPECT_TRUE(with_rule(r, "invalid-encoding").empty()) << all_messages(r);
  }
}

TEST(Hostile, UnpairedSurrogateInUtf16IsReportedWhereItIs) {
  std::string doc = std::string(kHead) +
                    "<entry number=\"1\"><term>a</term><definition>ab@ (9.9)</definition>"
                    "</entry>\n</vocabulary>\n";
  std::string wide = encode_wide(doc, 2, false);
  // Replace '@' by a lone high surrogate.
  std::size_t at = wide.find(std::string("@\0", 2));
  ASSERT_NE(at, std::string::npos);
  wide[at] = '\x00';
  wide[at + 1] = '\xD8';
  LoadResult r = load_string(wide, "surrogate.xml");
  auto bad = with_rule(r, "invalid-encoding");
  ASSERT_EQ(bad.size(), 1u) << all_messages(r);
  EXPECT_EQ(bad[0]->range.line, 2u);
  EXPECT_EQ(bad[0]->range.column, 47u);
  EXPECT_EQ(r.vocabulary[0].languages[0].definition->text, "ab\xEF\xBF\xBD (9.9)");
  // The rest is still checked.
  auto d = with_rule(r, "dangling-reference");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->range.column, 50u);
}

TEST(Hostile, InvalidUtf8InTextAndAttributesIsReportedWhereItIs) {
  std::string doc = std::string(kHead) +
                    "<entry number=\"1\" id=\"x\xFF\"><term>caf\xE9</term>\n"
                    "<definition>bad \xC3\x28 and \xE2\x82 end (9.9)</definition></entry>\n"
                    "<entry number=\"2\"><term>fine</term><definition>ok</definition></entry>\n"
                    "</vocabulary>\n";
  LoadResult r = load_string(doc, "bad-utf8.xml");
  auto bad = with_rule(r, "invalid-encoding");
  ASSERT_EQ(bad.size(), 4u) << all_messages(r);
  EXPECT_EQ(bad[0]->range.line, 2u);  // in the attribute
  EXPECT_EQ(bad[0]->range.column, 24u);
  EXPECT_EQ(bad[0]->message, "invalid UTF-8 (bytes FF), read as U+FFFD");
  EXPECT_EQ(bad[1]->range.line, 2u);  // Latin-1 é in the term
  EXPECT_EQ(bad[1]->range.column, 36u);
  EXPECT_EQ(bad[2]->range.line, 3u);  // C3 without its continuation
  EXPECT_EQ(bad[2]->range.column, 17u);
  EXPECT_EQ(bad[3]->range.line, 3u);  // E2 82: one truncated sequence, one U+FFFD
  EXPECT_EQ(bad[3]->range.column, 24u);
  EXPECT_EQ(bad[3]->message, "invalid UTF-8 (bytes E2 82), read as U+FFFD");
  for (const Diagnostic* d : bad) EXPECT_EQ(d->severity, Severity::error);
  // The rest of the file is read and checked.
  ASSERT_EQ(r.vocabulary.size(), 2u);
  EXPECT_EQ(r.vocabulary[0].languages[0].designations[0].text, "caf\xEF\xBF\xBD");
  EXPECT_EQ(r.vocabulary[0].languages[0].definition->text,
            "bad \xEF\xBF\xBD( and \xEF\xBF\xBD end (9.9)");
  auto d = with_rule(r, "dangling-reference");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->range.line, 3u);
  EXPECT_EQ(d[0]->range.column, 31u);
}

TEST(Hostile, TooManyInvalidSequencesAreCappedNotLost) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "a\xFF";
  std::string doc = std::string(kHead) + "<entry number=\"1\"><term>t</term><definition>" + text +
                    "</definition></entry>\n</vocabulary>\n";
  LoadResult r = load_string(doc, "many.xml");
  auto bad = with_rule(r, "invalid-encoding");
  ASSERT_EQ(bad.size(), 100u);
  EXPECT_NE(bad.back()->message.find("further invalid sequences"), std::string::npos);
  // All 300 are replaced, none dropped.
  const std::string& def = std::string(r.vocabulary[0].languages[0].definition->text);
  std::size_t n = 0;
  for (std::size_t p = 0; (p = def.find("\xEF\xBF\xBD", p)) != std::string::npos; p += 3) ++n;
  EXPECT_EQ(n, 300u);
}

TEST(Hostile, Latin1DeclaredAndLatin1BytesIsConverted) {
  std::string doc = std::string("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n") + kHead +
                    "<entry number=\"1\"><term>\xE9l\xE9ment</term><definition>d\xE9"
                    "finition (9.9)</definition></entry>\n</vocabulary>\n";
  LoadResult r = load_string(doc, "latin1.xml");
  EXPECT_TRUE(with_rule(r, "invalid-encoding").empty()) << all_messages(r);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].languages[0].designations[0].text, "élément");
  auto d = with_rule(r, "dangling-reference");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->range.line, 3u);
  EXPECT_EQ(d[0]->range.column, 63u);
}

TEST(Hostile, Windows1252IsConvertedWithIcu) {
  std::string doc = std::string("<?xml version='1.0' encoding='windows-1252'?>\n") + kHead +
                    "<entry number=\"1\"><term>\x93quoted\x94</term><definition>d</definition>"
                    "</entry>\n</vocabulary>\n";
  LoadResult r = load_string(doc, "cp1252.xml");
  EXPECT_TRUE(r) << all_messages(r);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].languages[0].designations[0].text, "“quoted”");
}

TEST(Hostile, Latin1DeclarationOnUtf8BytesLies) {
  std::string doc = std::string("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n") + kHead +
                    "<entry number=\"1\"><term>élément</term><definition>d</definition>"
                    "</entry>\n</vocabulary>\n";
  LoadResult r = load_string(doc, "lies.xml");
  auto bad = with_rule(r, "invalid-encoding");
  ASSERT_EQ(bad.size(), 1u) << all_messages(r);
  EXPECT_EQ(bad[0]->range.line, 1u);
  EXPECT_EQ(bad[0]->range.column, 31u);  // the declared name
  EXPECT_NE(bad[0]->message.find("the bytes are UTF-8"), std::string::npos);
  // Read as what the bytes are.
  EXPECT_EQ(r.vocabulary[0].languages[0].designations[0].text, "élément");
}

TEST(Hostile, Utf16DeclarationOnSingleByteTextLies) {
  std::string doc = std::string("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n") + kHead +
                    "<entry number=\"1\"><term>a</term><definition>d</definition>"
                    "</entry>\n</vocabulary>\n";
  LoadResult r = load_string(doc, "lies16.xml");
  auto bad = with_rule(r, "invalid-encoding");
  ASSERT_EQ(bad.size(), 1u) << all_messages(r);
  EXPECT_EQ(bad[0]->range.line, 1u);
  EXPECT_EQ(bad[0]->range.column, 31u);
  EXPECT_EQ(r.vocabulary.size(), 1u);
}

TEST(Hostile, UnknownEncodingIsReadAsUtf8) {
  std::string doc = std::string("<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?>\n") +
                    kHead +
                    "<entry number=\"1\"><term>\xFF"
                    "a</term><definition>d</definition>"
                    "</entry>\n</vocabulary>\n";
  LoadResult r = load_string(doc, "unknown.xml");
  auto bad = with_rule(r, "invalid-encoding");
  ASSERT_EQ(bad.size(), 2u) << all_messages(r);
  EXPECT_EQ(bad[0]->message, "unknown encoding 'x-no-such-charset'; read as UTF-8");
  EXPECT_EQ(bad[0]->range.column, 31u);
  EXPECT_EQ(bad[1]->range.line, 3u);
  EXPECT_EQ(bad[1]->range.column, 25u);
  EXPECT_EQ(r.vocabulary.size(), 1u);
}

// -- DTDs: never expanded, never fetched --------------------------------------

TEST(Hostile, BillionLaughsIsNeverExpanded) {
  std::string doc = hostile::billion_laughs();
  LoadResult r = load_string(doc, "laughs.xml");
  ASSERT_EQ(r.vocabulary.size(), 1u) << all_messages(r);
  EXPECT_EQ(r.vocabulary[0].languages[0].definition->text, "&lol9; and (9.9)");
  // Positions after the DTD are right: the reference is on line 15.
  auto d = with_rule(r, "dangling-reference");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->range.line, 15u);
  EXPECT_EQ(d[0]->range.column, 59u);
  EXPECT_TRUE(with_rule(r, "xml-syntax").empty()) << all_messages(r);
}

TEST(Hostile, ExternalEntitiesAreNeverFetched) {
  TempDir dir;
  std::string secret = dir.write("secret.txt", "TOP-SECRET-MARKER");
  std::string doc =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE vocabulary [\n"
      "  <!ENTITY file SYSTEM \"file://" +
      secret +
      "\">\n"
      "  <!ENTITY net SYSTEM \"http://127.0.0.1:9/x\">\n"
      "  <!ENTITY % param SYSTEM \"http://127.0.0.1:9/p.dtd\"> %param;\n"
      "]>\n" +
      kHead +
      "<entry number=\"1\"><term>x</term><definition>&file; &net;</definition>"
      "</entry>\n</vocabulary>\n";
  std::string path = dir.write("xxe.xml", doc);
  LoadResult r = load_files({path});
  ASSERT_EQ(r.vocabulary.size(), 1u) << all_messages(r);
  EXPECT_EQ(r.vocabulary[0].languages[0].definition->text, "&file; &net;");
  for (const Diagnostic& d : r.diagnostics) {
    EXPECT_EQ(d.message.find("TOP-SECRET"), std::string::npos);
  }
  // Only the file given was read.
  EXPECT_EQ(r.vocabulary.files().size(), 1u);
}

// -- size and depth ---------------------------------------------------------

TEST(Hostile, HundredMegabyteTextNode) {
  const std::size_t words = 20'000'000 / scale_down;  // 5 bytes each: 100 MB
  std::string doc = hostile::text_node(words);
  LoadResult r = load_string(doc, "big.xml");
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].languages[0].definition->text.size(), words * 5 + 5);
  // The reference at the very end of the one long line is found, at its
  // column.
  auto d = with_rule(r, "dangling-reference");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->range.line, 2u);
  EXPECT_EQ(d[0]->range.column, hostile::text_node_start() + words * 5 + 2);
}

TEST(Hostile, MillionDeepNesting) {
  const std::size_t depth = 1'000'000 / scale_down;
  // Inside a definition: flattened into its text.
  std::string doc = hostile::nested_definition(depth);
  LoadResult r = load_string(doc, "deep.xml");
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].languages[0].definition->text, "core (9.9)");
  auto d = with_rule(r, "dangling-reference");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->range.column, 47 + depth * 3 + 7);

  // As the whole document under an unknown root: format detection scans it.
  std::string bare = hostile::nested_elements(depth);
  LoadResult u = load_string(bare, "bare.xml");
  auto unknown = with_rule(u, "unknown-format");
  ASSERT_EQ(unknown.size(), 1u) << all_messages(u);
  EXPECT_EQ(unknown[0]->range.column, 1u);

  // Unclosed: the parser stops at the end, what was read is kept.
  LoadResult c = load_string(bare.substr(0, depth * 3), "unclosed.xml");
  auto syntax = with_rule(c, "xml-syntax");
  ASSERT_EQ(syntax.size(), 1u) << all_messages(c);
  EXPECT_EQ(syntax[0]->range.column, depth * 3);  // its last character
}

TEST(Hostile, MillionAttributesOnOneElement) {
  const std::size_t n = 1'000'000 / scale_down;
  std::string doc = hostile::many_attributes(n);
  LoadResult r = load_string(doc, "attrs.xml");
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].number, "1");
  EXPECT_EQ(with_rule(r, "dangling-reference").size(), 1u);
  // And on the root of an unknown document.
  std::string root = hostile::many_namespaces(n);
  LoadResult u = load_string(root, "ns.xml");
  EXPECT_EQ(with_rule(u, "unknown-format").size(), 1u) << all_messages(u);
}

// -- huge graphs ---------------------------------------------------------------

TEST(Hostile, MillionEntryChain) {
  const std::size_t n = 1'000'000 / scale_down;
  std::string doc = hostile::chain(n);
  LoadResult r = load_string(doc, "chain.xml");
  EXPECT_TRUE(r) << all_messages(r);
  EXPECT_TRUE(r.diagnostics.empty()) << all_messages(r);
  ASSERT_EQ(r.vocabulary.size(), n);
  std::vector<Prerequisite> pre = r.vocabulary.prerequisites(0);
  ASSERT_EQ(pre.size(), n - 1);
  // Dependencies first: the last entry of the chain, then back to 2.
  for (std::size_t k = 0; k < pre.size(); ++k) {
    ASSERT_EQ(pre[k].entry, static_cast<EntryId>(n - 1 - k)) << k;
    ASSERT_FALSE(pre[k].cycle);
  }
  EXPECT_TRUE(r.vocabulary.circular_groups().empty());
}

TEST(Hostile, HundredThousandEntryCycle) {
  const std::size_t n = 100'000 / scale_down;
  std::string doc = hostile::cycle(n);
  LoadResult r = load_string(doc, "cycle.xml");
  ASSERT_EQ(r.vocabulary.size(), n);
  ASSERT_EQ(r.vocabulary.circular_groups().size(), 1u);
  const CircularGroup& g = r.vocabulary.circular_groups()[0];
  EXPECT_EQ(g.members.size(), n);
  ASSERT_EQ(g.path.size(), n + 1);
  EXPECT_EQ(g.path.front(), 0u);
  EXPECT_EQ(g.path[1], 1u);
  EXPECT_EQ(g.path.back(), 0u);
  auto d = with_rule(r, "circular-definition");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->range.line, 2u);
  EXPECT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
}

TEST(Hostile, CompleteGraphOfTwoThousand) {
  const std::size_t n = 2000 / (scale_down == 1 ? 1 : 4);
  std::string doc = hostile::complete_graph(n);
  LoadResult r = load_string(doc, "complete.xml");
  ASSERT_EQ(r.vocabulary.size(), n);
  ASSERT_EQ(r.vocabulary.circular_groups().size(), 1u);
  EXPECT_EQ(r.vocabulary.circular_groups()[0].members.size(), n);
  // The shortest cycle through the first entry: 1 -> 2 -> 1.
  EXPECT_EQ(r.vocabulary.circular_groups()[0].path.size(), 3u);
  EXPECT_EQ(r.vocabulary.cites(0).size(), n - 1);
  EXPECT_EQ(r.vocabulary.cited_by(0).size(), n - 1);
  EXPECT_EQ(r.vocabulary.prerequisites(0).size(), n - 1);
  EXPECT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
}

// -- numbers -----------------------------------------------------------------

TEST(Hostile, MalformedEntryNumbers) {
  std::string doc = std::string(kHead) +
                    "<entry number=\"3..4\"><term>a</term><definition>d</definition></entry>\n"
                    "<entry number=\"3.\"><term>b</term><definition>d</definition></entry>\n"
                    "<entry number=\".3\"><term>c</term><definition>d</definition></entry>\n"
                    "<entry number=\"3.a\"><term>e</term><definition>d</definition></entry>\n"
                    "<entry number=\"4\"><term>f</term><definition>f (3..4), f (3.), f (.3), "
                    "f (3.a), f (3.b)</definition></entry>\n"
                    "</vocabulary>\n";
  LoadResult r = load_string(doc, "numbers.xml");
  // Every entry is kept, known by its position, and the number is
  // reported where it is written.
  ASSERT_EQ(r.vocabulary.size(), 5u) << all_messages(r);
  auto bad = with_rule(r, "unsupported-content");
  ASSERT_EQ(bad.size(), 4u) << all_messages(r);
  const char* const numbers[] = {"3..4", "3.", ".3", "3.a"};
  for (std::uint32_t k = 0; k < 4; ++k) {
    EXPECT_EQ(r.vocabulary[k].number, "entry-" + std::to_string(k + 1));
    EXPECT_FALSE(r.vocabulary[k].numbered);
    EXPECT_EQ(r.vocabulary.find_number(numbers[k]), nullptr);
    EXPECT_EQ(bad[k]->range.line, k + 2);
    EXPECT_EQ(bad[k]->range.column, 16u);
    EXPECT_NE(bad[k]->message.find(std::string("'") + numbers[k] + "'"), std::string::npos)
        << bad[k]->message;
  }
  // Parenthesised text that is not an entry number is not a reference.
  EXPECT_TRUE(r.vocabulary[4].languages[0].definition->references.empty());
  EXPECT_EQ(r.errors(), 0u) << all_messages(r);
}

TEST(Hostile, NumbersWithInvisibleAndNonBreakingCharacters) {
  std::string doc = std::string(kHead) +
                    "<entry number=\"\xC2\xA0"
                    "3.1\xC2\xA0\"><term>a</term><definition>d</definition></entry>\n"
                    "<entry number=\"3\xE2\x80\x91"
                    "2\"><term>b</term><definition>d</definition></entry>\n"
                    "<entry number=\"3.\xE2\x80\x8B"
                    "3\"><term>c</term><definition>d</definition></entry>\n"
                    "<entry number=\"9\"><term>z</term><definition>a (3.1), b (3-2), "
                    "c (3.\xE2\x80\x8B"
                    "3)</definition></entry>\n"
                    "</vocabulary>\n";
  LoadResult r = load_string(doc, "invisible.xml");
  ASSERT_EQ(r.vocabulary.size(), 4u) << all_messages(r);
  // No-break spaces are trimmed; U+2011 reads as '-'.
  ASSERT_NE(r.vocabulary.find_number("3.1"), nullptr);
  EXPECT_EQ(r.vocabulary.find_number("3.1")->id, 0u);
  ASSERT_NE(r.vocabulary.find_number("3-2"), nullptr);
  EXPECT_EQ(r.vocabulary.find_number("3-2")->id, 1u);
  // A zero-width space inside a number makes it another string, never a
  // crash; the reference with the same invisible character is not taken for
  // one to 3.3.
  EXPECT_EQ(r.vocabulary.find_number("3.3"), nullptr);
  const TextBlock* def = r.vocabulary[3].languages[0].definition;
  ASSERT_NE(def, nullptr);
  ASSERT_EQ(def->references.size(), 2u) << all_messages(r);
  EXPECT_EQ(def->references[0].number, "3.1");
  EXPECT_EQ(def->references[1].number, "3-2");
  EXPECT_TRUE(r) << all_messages(r);
}

TEST(Hostile, ReferenceToItself) {
  std::string doc = std::string(kHead) +
                    "<entry number=\"1.1\"><term>loop</term><definition>a loop (1.1)</definition>"
                    "</entry>\n</vocabulary>\n";
  LoadResult r = load_string(doc, "self.xml");
  auto d = with_rule(r, "self-reference");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->range.line, 2u);
  EXPECT_EQ(d[0]->range.column, 58u);
  ASSERT_EQ(r.vocabulary.circular_groups().size(), 1u);
  EXPECT_EQ(r.vocabulary.circular_groups()[0].members.size(), 1u);
  EXPECT_TRUE(r.vocabulary.prerequisites(0).empty());
}

// -- files and directories ---------------------------------------------------

TEST(Hostile, MissingFileAndDirectoryAsFile) {
  TempDir dir;
  std::string good = dir.write("good.xml", kSmall);
  // A directory named like a term file, inside a directory argument, is a
  // directory: searched, not read as a file.
  dir.write("sub.xml/inner.xml", kSmall);
  LoadResult r =
      load_files({good, (dir.path / "missing.xml").string(), (dir.path / "sub.xml").string()});
  auto d = with_rule(r, "unreadable-input");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_NE(d[0]->message.find("no such file or directory"), std::string::npos);
  EXPECT_EQ(r.vocabulary.files()[d[0]->range.file], (dir.path / "missing.xml").string());
  // Both readable files are read, duplicates and all.
  EXPECT_EQ(r.vocabulary.size(), 4u);
  EXPECT_EQ(with_rule(r, "duplicate-number").size(), 2u);
}

TEST(Hostile, UnreadableFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: chmod 000 does not stop root reading";
  TempDir dir;
  std::string locked = dir.write("locked.xml", kSmall);
  std::string good = dir.write("good.xml", kSmall);
  fs::permissions(locked, fs::perms::none);
  LoadResult r = load_files({locked, good});
  auto d = with_rule(r, "unreadable-input");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_NE(d[0]->message.find("Permission denied"), std::string::npos) << d[0]->message;
  EXPECT_EQ(r.vocabulary.size(), 2u);  // the other file is read
}

TEST(Hostile, SymlinkLoopsInADirectory) {
  TempDir dir;
  dir.write("terms/good.xml", kSmall);
  fs::path terms = dir.path / "terms";
  // A link back to an ancestor: not followed, so no endless walk.
  fs::create_directory_symlink(dir.path, terms / "up");
  fs::create_directory_symlink(terms, terms / "self");
  // Links to each other: reported, not skipped silently.
  fs::create_symlink(terms / "b.xml", terms / "a.xml");
  fs::create_symlink(terms / "a.xml", terms / "b.xml");
  // A dangling link named like a term file.
  fs::create_symlink(terms / "nowhere", terms / "dangling.tbx");
  LoadResult r = load_files({terms.string()});
  EXPECT_EQ(r.vocabulary.size(), 2u) << all_messages(r);
  auto d = with_rule(r, "unreadable-input");
  ASSERT_EQ(d.size(), 3u) << all_messages(r);
  std::set<std::string> files;
  for (const Diagnostic* x : d)
    files.insert(fs::path(r.vocabulary.files()[x->range.file]).filename());
  EXPECT_EQ(files, (std::set<std::string>{"a.xml", "b.xml", "dangling.tbx"}));
  // A loop given directly.
  LoadResult direct = load_files({(terms / "a.xml").string()});
  auto dd = with_rule(direct, "unreadable-input");
  ASSERT_EQ(dd.size(), 1u) << all_messages(direct);
  EXPECT_NE(dd[0]->message.find("symbolic links"), std::string::npos) << dd[0]->message;
}

// -- nothing lost --------------------------------------------------------------

TEST(Hostile, BrokenFileDoesNotHideTheOthers) {
  std::vector<Source> sources;
  sources.push_back({"first.xml", kSmall});
  sources.push_back({"broken.xml", std::string(kHead) +
                                       "<entry number=\"7\"><term>x</term>"
                                       "<definition>cites (1.1) and (8.8)</definition>"
                                       "<note>cut here"});
  sources.push_back({"empty.xml", ""});
  sources.push_back({"garbage.xml", "\x01\x02\xFF"});
  std::string last = kSmall;
  for (std::size_t p = 0; (p = last.find("\"1.", p)) != std::string::npos;) last[p + 1] = '5';
  sources.push_back({"last.xml", last});
  LoadResult r = load_sources(std::move(sources));
  // Every entry that could be read: 2 + the broken file's 1 + 2.
  ASSERT_EQ(r.vocabulary.size(), 5u) << all_messages(r);
  EXPECT_EQ(r.vocabulary[2].number, "7");
  EXPECT_EQ(r.vocabulary[4].number, "5.2");
  // Each file has its findings.
  std::set<FileId> with_findings;
  for (const Diagnostic& d : r.diagnostics) with_findings.insert(d.range.file);
  EXPECT_EQ(with_findings, (std::set<FileId>{0, 1, 2, 3, 4})) << all_messages(r);
  // The broken entry's references are still resolved and checked.
  auto dangling = with_rule(r, "dangling-reference");
  std::set<std::string> cited;
  for (const Diagnostic* d : dangling) cited.insert(r.vocabulary.files()[d->range.file]);
  EXPECT_EQ(cited, (std::set<std::string>{"first.xml", "broken.xml", "last.xml"}));
}
