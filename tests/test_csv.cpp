// CSV, read and written through the format table: writer -> reader gives the
// same model (generated vocabularies with non-ASCII text, commas, quotes and
// several notes per cell; the bundled vocabulary), and hand-written exports
// with quoting traps (BOM, CRLF, embedded commas, quotes and line breaks,
// columns in any order under other names, unknown columns, ragged rows,
// broken quotes) load with the right entries and located findings.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "model_compare.hpp"
#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "termgraph/write.hpp"
#include "test_support.hpp"
#include "vocab_gen.hpp"

using namespace termgraph;
using termgraph::test::all_messages;
using termgraph::test::entry_numbers;
using termgraph::test::with_rule;
using termgraph::testing::compare_models;

namespace {

/// Findings are compared across formats, so both files are checked under
/// one profile (each format has its own by default).
const LoadOptions& one_profile() {
  static const LoadOptions options = [] {
    LoadOptions o;
    o.analysis.diagnostics.profile = Profile::iso;
    return o;
  }();
  return options;
}

/// "line:column" of a diagnostic.
std::string at(const Diagnostic* d) {
  return std::to_string(d->range.line) + ":" + std::to_string(d->range.column);
}

std::string to_csv(const Vocabulary& v) {
  std::ostringstream out;
  EXPECT_TRUE(write_vocabulary(out, v, Format::csv));
  return out.str();
}

/// "line:column message" of every csv-syntax finding, one a line.
std::string syntax_findings(const LoadResult& r) {
  std::string s;
  for (const Diagnostic* d : with_rule(r, "csv-syntax")) s += at(d) + " " + d->message + "\n";
  return s;
}

/// "text -> target ..." of the definition of an entry's first language
/// section, with the entry each reference resolves to ("?": none).
std::string definition_of(const Entry& e) {
  const TextBlock* def = e.languages.empty() ? nullptr : e.languages[0].definition;
  if (!def) return "(no definition)";
  std::string s(def->text);
  s += " ->";
  for (const Reference& ref : def->references) {
    s += ref.target == no_entry ? " ?" : " " + std::to_string(ref.target);
  }
  return s;
}

/// "rule [entries] -> target" for every finding, sorted.
std::string findings(const LoadResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) {
    std::string s(d.rule_id());
    s += " [";
    for (const std::string& e : entry_numbers(r, d)) s += e + " ";
    out.push_back(s + "] -> " + d.target);
  }
  std::sort(out.begin(), out.end());
  std::string joined;
  for (const std::string& s : out) joined += s + "\n";
  return joined;
}

/// A generated vocabulary without what CSV does not carry: markup links
/// become their text, entries lose their ids.
/// (A plain scan: GCC 12 warns inside <regex> under the sanitizer flags.)
std::string without_markup_and_ids(const std::string& xml) {
  std::string out;
  out.reserve(xml.size());
  for (std::size_t i = 0; i < xml.size();) {
    if (xml.compare(i, 5, "<ref ") == 0 || xml.compare(i, 5, "<ref>") == 0) {
      std::size_t close = xml.find('>', i);
      i = close == std::string::npos ? xml.size() : close + 1;
    } else if (xml.compare(i, 6, "</ref>") == 0) {
      i += 6;
    } else if (xml.compare(i, 5, " id=\"") == 0) {
      std::size_t quote = xml.find('"', i + 5);
      i = quote == std::string::npos ? xml.size() : quote + 1;
    } else {
      out += xml[i++];
    }
  }
  return out;
}

}  // namespace

// -- writer -> reader -------------------------------------------------------

TEST(Csv, GeneratedVocabulariesRoundTrip) {
  std::size_t multi_line_cells = 0, quoted = 0;
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const std::string xml =
        without_markup_and_ids(termgraph::testing::generate_vocabulary(seed).xml);
    const LoadResult original = load_string(xml, "gen.xml", one_profile());
    ASSERT_EQ(original.formats.at(0), Format::native);
    const std::string csv = to_csv(original.vocabulary);
    // Line feeds that end no row: several notes (examples, sources) in a cell.
    for (std::size_t i = 1; i < csv.size(); ++i) {
      if (csv[i] == '\n' && csv[i - 1] != '\r') ++multi_line_cells;
    }
    quoted += static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '"'));

    const LoadResult back = load_string(csv, "roundtrip.csv", one_profile());
    ASSERT_EQ(back.formats.at(0), Format::csv);
    EXPECT_EQ(with_rule(back, "unsupported-content").size(), 0u) << all_messages(back);
    EXPECT_EQ(compare_models(original.vocabulary, back.vocabulary), "");
    EXPECT_EQ(findings(original), findings(back));
    // A fixed point: what was read back is written byte for byte the same.
    EXPECT_EQ(to_csv(back.vocabulary), csv);
    // Detected from the header row alone too.
    const LoadResult sniffed = load_string(csv);
    EXPECT_EQ(sniffed.formats.at(0), Format::csv);
    EXPECT_EQ(compare_models(original.vocabulary, sniffed.vocabulary), "");
  }
  EXPECT_GT(multi_line_cells, 10u);
  EXPECT_GT(quoted, 100u);
}

TEST(Csv, BundledVocabularyIsAFixedPoint) {
  const LoadResult original = load_files({TERMGRAPH_TERMS_DIR});
  ASSERT_GT(original.vocabulary.size(), 0u);
  const std::string csv = to_csv(original.vocabulary);
  const LoadResult back = load_string(csv, "terms.csv");
  EXPECT_EQ(with_rule(back, "unsupported-content").size(), 0u) << all_messages(back);
  ASSERT_EQ(back.vocabulary.size(), original.vocabulary.size());
  for (EntryId i = 0; i < back.vocabulary.size(); ++i) {
    const Entry& a = original.vocabulary[i];
    const Entry& b = back.vocabulary[i];
    EXPECT_EQ(a.number, b.number);
    ASSERT_EQ(a.languages.size(), b.languages.size()) << a.number;
    for (std::size_t l = 0; l < a.languages.size(); ++l) {
      EXPECT_EQ(a.languages[l].designations.size(), b.languages[l].designations.size());
      ASSERT_EQ(a.languages[l].definition != nullptr, b.languages[l].definition != nullptr);
      if (a.languages[l].definition) {
        EXPECT_EQ(a.languages[l].definition->text, b.languages[l].definition->text);
      }
    }
  }
  EXPECT_EQ(to_csv(back.vocabulary), csv);
}

TEST(Csv, WriterQuotesWhatNeedsQuoting) {
  const LoadResult r = load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="fr">
  <entry number="3.1"><term pos="nom">clé, "privée"</term><term status="deprecated" type="abbreviation">CP</term>
    <definition>valeur secrète</definition><note>première</note><note>seconde, avec virgule</note></entry>
  <entry number="3.2"/>
</vocabulary>)",
                                   "fr.xml");
  ASSERT_EQ(r.vocabulary.size(), 2u) << all_messages(r);
  EXPECT_EQ(to_csv(r.vocabulary),
            "Entry,Language,Term,Status,Term type,Part of speech,Definition,Notes,Examples,"
            "Sources\r\n"
            "3.1,fr,\"clé, \"\"privée\"\"\",,,nom,valeur secrète,\"première\n"
            "seconde, avec virgule\",,\r\n"
            "3.1,fr,CP,deprecated,abbreviation,,,,,\r\n"
            "3.2,,,,,,,,,\r\n");
}

// -- hand-written exports ---------------------------------------------------

TEST(Csv, ExportWithQuotingTraps) {
  // A BOM, CRLF, columns in another order under other names (any case), a
  // definition with a comma, doubled quotes and a line break, two notes in
  // one cell, an entry's rows apart, a repeated identical definition.
  const std::string csv =
      "\xEF\xBB\xBF"
      "TERM,lang,Entry ID,POS,Status,Definition,Note,Source\r\n"
      "block,en,3.2,noun,preferred,\"unit of data, \"\"sealed\"\" by a\r\nhash (3.39)\","
      "\"first note\r\nsecond note\",ISO 22739:2020\r\n"
      "bloc,FR,3.2,nom,,\"unité de données\",,\r\n"
      "hash,en,3.39,noun,preferred,value computed from data,,\r\n"
      "blk,en,3.2,noun,admitted,\"unit of data, \"\"sealed\"\" by a hash (3.39)\",,\r\n";
  const LoadResult r = load_string(csv, "export.csv");
  ASSERT_EQ(r.formats.at(0), Format::csv);
  EXPECT_EQ(all_messages(r), "");
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 2u);
  const Entry& block = v[0];
  EXPECT_EQ(block.number, "3.2");
  EXPECT_TRUE(block.numbered);
  EXPECT_EQ(block.range.line, 2u);
  EXPECT_EQ(block.range.column, 10u);
  ASSERT_EQ(block.languages.size(), 2u);
  const LanguageSection& en = block.languages[0];
  EXPECT_EQ(en.language, "en");
  ASSERT_EQ(en.designations.size(), 2u);
  EXPECT_EQ(en.designations[0].text, "block");
  EXPECT_EQ(en.designations[0].status, Status::preferred);
  EXPECT_EQ(en.designations[0].part_of_speech, "noun");
  EXPECT_EQ(en.designations[0].range.line, 2u);
  EXPECT_EQ(en.designations[0].range.column, 1u);
  EXPECT_EQ(en.designations[1].text, "blk");
  EXPECT_EQ(en.designations[1].status, Status::admitted);
  ASSERT_NE(en.definition, nullptr);
  EXPECT_EQ(en.definition->text, "unit of data, \"sealed\" by a hash (3.39)");
  ASSERT_EQ(en.definition->references.size(), 1u);
  const Reference& ref = en.definition->references[0];
  EXPECT_EQ(ref.term, "hash");
  EXPECT_EQ(ref.number, "3.39");
  EXPECT_EQ(ref.target, 1u);
  // "hash (3.39)" starts the third line of the file (inside the quoted
  // field); the number is at column 7.
  EXPECT_EQ(ref.range.line, 3u);
  EXPECT_EQ(ref.range.column, 7u);
  ASSERT_EQ(en.notes.size(), 2u);
  EXPECT_EQ(en.notes[0].text, "first note");
  EXPECT_EQ(en.notes[1].text, "second note");
  EXPECT_EQ(en.notes[1].range.line, 4u);
  EXPECT_EQ(en.notes[1].range.column, 1u);
  ASSERT_EQ(en.sources.size(), 1u);
  EXPECT_EQ(en.sources[0].text, "ISO 22739:2020");
  const LanguageSection& fr = block.languages[1];
  EXPECT_EQ(fr.language, "FR");
  ASSERT_EQ(fr.designations.size(), 1u);
  EXPECT_EQ(fr.designations[0].text, "bloc");
  EXPECT_EQ(fr.designations[0].status, Status::preferred);  // the first, unmarked
  ASSERT_NE(fr.definition, nullptr);
  EXPECT_EQ(fr.definition->text, "unité de données");
  EXPECT_EQ(v[1].number, "3.39");
  EXPECT_EQ(v[1].languages[0].designations[0].text, "hash");
}

TEST(Csv, QuotedReferenceAfterDoubledQuotesIsLocatedExactly) {
  const std::string csv =
      "Entry,Language,Term,Definition\n"
      "3.1,en,a,\"x \"\"q\"\" \"\"r\"\" b (3.2)\"\n"
      "3.2,en,b,y\n";
  const LoadResult r = load_string(csv, "q.csv");
  EXPECT_EQ(all_messages(r), "");
  ASSERT_EQ(r.vocabulary.size(), 2u);
  const TextBlock* def = r.vocabulary[0].languages[0].definition;
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->text, "x \"q\" \"r\" b (3.2)");
  ASSERT_EQ(def->references.size(), 1u);
  EXPECT_EQ(def->references[0].target, 1u);
  // 3.1,en,a,"x ""q"" ""r"" b (3.2)": the number is the 28th to 30th
  // character, though the text before it lost four quotes.
  EXPECT_EQ(def->references[0].range.line, 2u);
  EXPECT_EQ(def->references[0].range.column, 28u);
  EXPECT_EQ(def->references[0].range.end_column, 31u);
}

TEST(Csv, UnknownAndRepeatedColumnsAreReportedAtTheHeaderCell) {
  const std::string csv =
      "Entry,Language,Term,Customer code,Term\n"
      "1,en,a,finance,b\n";
  const LoadResult r = load_string(csv, "u.csv");
  const auto found = with_rule(r, "unsupported-content");
  ASSERT_EQ(found.size(), 2u) << all_messages(r);
  EXPECT_EQ(at(found[0]), "1:21");
  EXPECT_NE(found[0]->message.find("unknown column 'Customer code'"), std::string::npos);
  EXPECT_EQ(at(found[1]), "1:35");
  EXPECT_NE(found[1]->message.find("a second 'Term' column"), std::string::npos);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].languages[0].designations.size(), 1u);
}

TEST(Csv, MalformedRowsAreReportedWhereTheyAre) {
  const std::string csv =
      "Entry,Language,Term,Definition\n"
      "1,en,a,def a\n"
      "2,en,b\n"              // too few fields
      "3,en,c,def c,extra\n"  // too many
      "4,en,\"d\"x,def d\n"   // text after the closing quote
      "5,en,e\"e,def e\n"     // a quote in an unquoted field
      "6,en,f,\"def f never closed\n"
      "7,en,g,def g\n";
  const LoadResult r = load_string(csv, "bad.csv");
  // Syntax problems are csv-syntax errors, nothing else is reported by the
  // reader.
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty()) << all_messages(r);
  const auto found = with_rule(r, "csv-syntax");
  ASSERT_EQ(found.size(), 5u) << all_messages(r);
  for (const Diagnostic* d : found) EXPECT_EQ(d->severity, Severity::error);
  EXPECT_EQ(at(found[0]), "3:7");
  EXPECT_NE(found[0]->message.find("this row has 3 fields but the header has 4"),
            std::string::npos);
  EXPECT_EQ(at(found[1]), "4:14");
  EXPECT_NE(found[1]->message.find("5 fields"), std::string::npos);
  EXPECT_EQ(at(found[2]), "5:9");
  EXPECT_NE(found[2]->message.find("text after the closing quote"), std::string::npos);
  EXPECT_EQ(at(found[3]), "6:7");
  EXPECT_NE(found[3]->message.find("a quote inside an unquoted field"), std::string::npos);
  EXPECT_EQ(at(found[4]), "7:8");
  EXPECT_NE(found[4]->message.find("unterminated quoted field"), std::string::npos);
  // Everything that could be read is: the unterminated field ends with its
  // line, and the row after it is read.
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 7u);
  EXPECT_EQ(v[1].languages[0].definition, nullptr);
  EXPECT_EQ(v[2].languages[0].definition->text, "def c");
  EXPECT_EQ(v[3].languages[0].designations[0].text, "dx");
  EXPECT_EQ(v[4].languages[0].designations[0].text, "e\"e");
  EXPECT_EQ(v[5].languages[0].definition->text, "def f never closed");
  EXPECT_EQ(v[6].number, "7");
  EXPECT_EQ(v[6].languages[0].designations[0].text, "g");
  EXPECT_EQ(v[6].languages[0].definition->text, "def g");
}

TEST(Csv, UnterminatedQuoteWithDoubledQuotesAndCrlfEndsWithItsLine) {
  // The unclosed field holds a doubled quote; the file has CRLF line ends.
  // By RFC 4180 alone the opening quote of the next row's last field would
  // close it, with text after it: a field that spans a line and has text
  // after its closing quote is taken as unterminated on its first line.
  const LoadResult r = load_string(
      "Entry,Language,Term,Definition\r\n1.1,en,a,\"say \"\"hi\"\" (1.2)\r\n1.2,en,b,\"ok\"\r\n",
      "crlf.csv");
  EXPECT_EQ(syntax_findings(r),
            "2:10 unterminated quoted field: the quote opened here is closed only by a quote on "
            "a later line that text follows; the field is read to the end of its line\n");
  ASSERT_EQ(r.vocabulary.size(), 2u);
  EXPECT_EQ(definition_of(r.vocabulary[0]), "say \"hi\" (1.2) -> 1");
  EXPECT_EQ(definition_of(r.vocabulary[1]), "ok ->");
  // An unclosed quote on the last line, with no line break after it.
  const LoadResult last = load_string("Entry,Language,Term\n1,en,\"a", "last.csv");
  EXPECT_EQ(syntax_findings(last),
            "2:6 unterminated quoted field: the quote opened here is never closed; the field is "
            "read to the end of its line\n");
  ASSERT_EQ(last.vocabulary.size(), 1u);
  EXPECT_EQ(last.vocabulary[0].languages[0].designations[0].text, "a");
}

TEST(Csv, ConflictingDefinitionsAndValuesAreReported) {
  const std::string csv =
      "Entry,Language,Term,Status,Type,Definition\n"
      "1,en,a,preferred,,first\n"
      "1,en,b,admitted,acronym,first\n"
      "1,en,c,allowed,,second\n"
      "1,en,,,noun-ish,\n";
  const LoadResult r = load_string(csv, "c.csv");
  const auto unsupported = with_rule(r, "unsupported-content");
  ASSERT_EQ(unsupported.size(), 2u) << all_messages(r);
  EXPECT_EQ(at(unsupported[0]), "4:17");
  EXPECT_NE(unsupported[0]->message.find("more than one definition"), std::string::npos);
  EXPECT_EQ(at(unsupported[1]), "5:8");
  const auto invalid = with_rule(r, "invalid-value");
  ASSERT_EQ(invalid.size(), 1u) << all_messages(r);
  EXPECT_EQ(at(invalid[0]), "4:8");
  EXPECT_NE(invalid[0]->message.find("unknown status 'allowed'"), std::string::npos);
  const LanguageSection& en = r.vocabulary[0].languages[0];
  ASSERT_EQ(en.designations.size(), 3u);
  EXPECT_EQ(en.designations[1].kind, TermKind::abbreviation);
  EXPECT_EQ(en.definition->text, "first");
  ASSERT_EQ(en.notes.size(), 1u);
  EXPECT_EQ(en.notes[0].text, "second");
}

// Status and term type cells take our names and the TBX picklists' values in
// any case and spacing, as spreadsheet exports write them.
TEST(Csv, StatusAndTypeValuesInAnyCase) {
  const std::string csv =
      "Entry,Language,Term,Status,Type,Definition\n"
      "1,en,a,Preferred Term,Full Form,d\n"
      "1,en,b,ADMITTED,short form,\n"
      "1,en,c,supersededTerm-admn-sts,Equation,\n"
      "1,en,d,Not Recommended,variant,\n"
      "1,en,e,deprecated,full-form,\n";
  const LoadResult r = load_string(csv, "v.csv");
  EXPECT_TRUE(with_rule(r, "invalid-value").empty()) << all_messages(r);
  const LanguageSection& en = r.vocabulary[0].languages[0];
  ASSERT_EQ(en.designations.size(), 5u);
  const Status status[] = {Status::preferred, Status::admitted, Status::deprecated,
                           Status::deprecated, Status::deprecated};
  const TermKind kind[] = {TermKind::full_form, TermKind::abbreviation, TermKind::symbol,
                           TermKind::other, TermKind::full_form};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(en.designations[i].status, status[i]) << i;
    EXPECT_EQ(en.designations[i].kind, kind[i]) << i;
  }
}

// Spreadsheets in many locales separate fields by semicolons, termbase tools
// often by tabs, and Excel may name the separator on a first line "sep=;":
// the header row (or that line) decides; commas stay the default.
TEST(Csv, SemicolonTabAndExcelSeparatorLine) {
  const LoadResult semi = load_string(
      "Entry;Language;Term;Definition\r\n"
      "3.1;en;\"block; chain\";\"data, linked to its predecessor (3.2)\"\r\n"
      "3.2;en;predecessor;earlier block\r\n",
      "semi.csv");
  EXPECT_TRUE(semi) << all_messages(semi);
  ASSERT_EQ(semi.vocabulary.size(), 2u);
  const LanguageSection& s = semi.vocabulary[0].languages[0];
  EXPECT_EQ(s.designations[0].text, "block; chain");
  ASSERT_NE(s.definition, nullptr);
  EXPECT_EQ(s.definition->text, "data, linked to its predecessor (3.2)");
  ASSERT_EQ(s.definition->references.size(), 1u);
  EXPECT_EQ(s.definition->references[0].target, 1u);
  EXPECT_EQ(s.definition->references[0].range.line, 2u);
  EXPECT_EQ(s.definition->references[0].range.column, 57u);

  const LoadResult tab = load_string(
      "Entry\tLanguage\tTerm\tDefinition\n1\ten\tledger\tstore of records, one; two\n", "tab.csv");
  EXPECT_TRUE(tab) << all_messages(tab);
  ASSERT_EQ(tab.vocabulary.size(), 1u);
  EXPECT_EQ(tab.vocabulary[0].languages[0].designations[0].text, "ledger");
  EXPECT_EQ(tab.vocabulary[0].languages[0].definition->text, "store of records, one; two");

  const LoadResult excel =
      load_string("sep=;\r\nEntry;Language;Term;Colour\r\n1;en;node;red\r\n", "excel.csv");
  ASSERT_EQ(excel.vocabulary.size(), 1u) << all_messages(excel);
  EXPECT_EQ(excel.vocabulary[0].languages[0].designations[0].text, "node");
  const auto unknown = with_rule(excel, "unsupported-content");
  ASSERT_GE(unknown.size(), 1u) << all_messages(excel);
  EXPECT_EQ(at(unknown[0]), "2:21");
  EXPECT_TRUE(with_rule(excel, "csv-syntax").empty()) << all_messages(excel);

  // A comma anywhere in the header row keeps commas: semicolons in cells
  // are text.
  const LoadResult comma = load_string("Entry,Language,Term\n1,en,a;b\n", "comma.csv");
  ASSERT_EQ(comma.vocabulary.size(), 1u);
  EXPECT_EQ(comma.vocabulary[0].languages[0].designations[0].text, "a;b");
}

TEST(Csv, EntriesWithoutNumbersAndDetection) {
  // A row without an entry number continues the entry above; a key that is
  // not an entry number is the entry's id.
  const std::string csv =
      "id,language,term\n"
      "62_3160,en,ledger\n"
      ",fr,registre\n";
  const LoadResult r = load_string(csv);  // no file name: detected from the header
  ASSERT_EQ(r.formats.at(0), Format::csv);
  // (No definitions: missing-definition, from the checks, not the reader.)
  EXPECT_EQ(with_rule(r, "unsupported-content").size(), 0u) << all_messages(r);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].number, "62_3160");
  EXPECT_FALSE(r.vocabulary[0].numbered);
  ASSERT_EQ(r.vocabulary[0].ids.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].ids[0], "62_3160");
  EXPECT_EQ(r.vocabulary[0].languages.size(), 2u);

  // XML in a .csv file is still XML; CSV forced on any file is CSV.
  EXPECT_EQ(
      load_string("<vocabulary xmlns=\"urn:termgraph:vocabulary:1\"/>", "x.csv").formats.at(0),
      Format::native);
  LoadOptions options;
  options.format = Format::csv;
  EXPECT_EQ(load_string("term,entry\na,1\n", "x.txt", options).vocabulary.size(), 1u);
  // Plain text that names no known columns is not CSV, nor XML: a file of
  // no format termgraph reads.
  const LoadResult text = load_string("hello, world\n", "x.txt");
  EXPECT_EQ(text.formats.at(0), Format::unknown);
  ASSERT_EQ(with_rule(text, "unknown-format").size(), 1u);
  EXPECT_EQ(text.diagnostics.size(), 1u);

  // An empty file yields no entries: one empty-input error (the reader
  // adds nothing of its own).
  const LoadResult empty = load_string("", "e.csv");
  EXPECT_EQ(empty.formats.at(0), Format::csv);
  ASSERT_EQ(empty.diagnostics.size(), 1u);
  EXPECT_TRUE(empty.diagnostics[0].is(RuleId::empty_input));
  EXPECT_EQ(empty.diagnostics[0].severity, Severity::error);
  EXPECT_EQ(empty.diagnostics[0].range.line, 1u);
}

TEST(Csv, RepeatedNoteColumnsAndWideHeaders) {
  // Several Note columns each add their lines, row by row; empty columns
  // at the end of the header (a trailing comma) are not reported.
  const std::string csv =
      "Entry,Language,Term,Note,Definition,note,\n"
      "1,en,a,n1,d,\"n2\nn3\",\n"
      "1,en,b,n1,d,n4,\n";
  const LoadResult r = load_string(csv, "n.csv");
  EXPECT_EQ(with_rule(r, "unsupported-content").size(), 0u) << all_messages(r);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const LanguageSection& en = r.vocabulary[0].languages[0];
  ASSERT_EQ(en.notes.size(), 4u);
  EXPECT_EQ(en.notes[0].text, "n1");
  EXPECT_EQ(en.notes[1].text, "n2");
  EXPECT_EQ(en.notes[2].text, "n3");
  EXPECT_EQ(en.notes[3].text, "n4");
  EXPECT_EQ(en.notes[3].range.line, 4u);
  EXPECT_EQ(en.notes[3].range.column, 13u);
}
