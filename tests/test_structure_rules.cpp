// The structure rules: numbering-order, empty-element (and how it gives way
// to or takes the place of missing-definition, missing-definition-in-
// language and missing-preferred-term), missing-language with the languages
// a file declares, invalid-language-tag; on native, STS, TBX and CSV input
// where the construct exists, with rule, entries, line and column.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/vocabulary.hpp"
#include "termgraph/write.hpp"
#include "test_support.hpp"
#include "text/language.hpp"

using namespace termgraph;

namespace {

using termgraph::test::all_messages;
using termgraph::test::entry_numbers;
using termgraph::test::with_rule;

/// Line and column (1-based, code points) of the `nth` occurrence of
/// `needle` in `text`: where a finding about what is written there points.
std::pair<std::uint32_t, std::uint32_t> where(std::string_view text, std::string_view needle,
                                              std::size_t nth = 0) {
  std::size_t at = text.find(needle);
  for (std::size_t i = 0; i < nth && at != std::string_view::npos; ++i) {
    at = text.find(needle, at + 1);
  }
  EXPECT_NE(at, std::string_view::npos) << needle;
  if (at == std::string_view::npos) return {0, 0};
  std::uint32_t line = 1, column = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

std::pair<std::uint32_t, std::uint32_t> at(const Diagnostic& d) {
  return {d.range.line, d.range.column};
}

std::string native(const std::string& body, const std::string& root_attributes = "") {
  return "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\"" + root_attributes +
         ">\n" + body + "</vocabulary>\n";
}

std::string entry(const std::string& number, const std::string& term = "t") {
  return "  <entry number=\"" + number + "\"><term>" + term + number +
         "</term><definition>d</definition></entry>\n";
}

std::string sts(const std::string& meta, const std::string& body) {
  return "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\">\n<front>" + meta +
         "</front>\n<body><sec sec-type=\"terms\">\n" + body + "</sec></body></standard>\n";
}

std::string term_sec(const std::string& label, const std::string& lang_sets) {
  return "<term-sec id=\"sec_" + label + "\"><label>" + label +
         "</label><tbx:termEntry id=\"term_" + label + "\">" + lang_sets +
         "</tbx:termEntry></term-sec>\n";
}

std::string lang_set(const std::string& lang, const std::string& term,
                     const std::string& definition = "<tbx:definition>d</tbx:definition>") {
  return "<tbx:langSet xml:lang=\"" + lang + "\">" + definition + "<tbx:tig><tbx:term>" + term +
         "</tbx:term></tbx:tig></tbx:langSet>";
}

std::string tbx3(const std::string& body) {
  return "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\" style=\"dca\" "
         "xml:lang=\"en\">\n<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc>"
         "</tbxHeader><text><body>\n" +
         body + "</body></text></tbx>\n";
}

}  // namespace

// -- language tags (text stage) ------------------------------------------------

TEST(LanguageTags, WellFormedAfterBcp47) {
  for (std::string_view tag :
       {"en", "en-GB", "EN-gb", "zh-Hant-TW", "de-CH-1996", "es-419", "fra", "x-klingon",
        "i-klingon", "en-GB-oed", "sgn-BE-FR", "fr-CA-x-foo", "en-US-u-islamcal", "und", "qaa"}) {
    EXPECT_TRUE(language::well_formed(tag)) << tag << ": " << language::ill_formed(tag);
  }
  for (std::string_view tag :
       {"english", "en_GB", "e", "en--GB", "en-", "-en", "", "en GB", "abcd", "de-DE-1901-1901",
        "x-", "i-foo", "en-x-toolongprivate", "fr\xC3\xA9"}) {
    EXPECT_FALSE(language::well_formed(tag)) << tag;
  }
  EXPECT_NE(language::ill_formed("en_GB").find("did you mean 'en-GB'?"), std::string::npos)
      << language::ill_formed("en_GB");
  EXPECT_NE(language::ill_formed("english").find("'english' is not a language code"),
            std::string::npos)
      << language::ill_formed("english");
  EXPECT_NE(language::ill_formed("en--GB").find("after 'en'"), std::string::npos)
      << language::ill_formed("en--GB");
}

// -- numbering-order -----------------------------------------------------------

TEST(NumberingOrder, GapsAndEntriesOutOfSequence) {
  const std::string text =
      native(entry("3.1") + entry("3.2") + entry("3.2.1") + entry("3.2.2") + entry("3.3") +
             entry("3.5") +  // a gap: 3.4 expected
             entry("3.4") +  // out of sequence after 3.5
             entry("3.6") +  // goes on after 3.5: fine
             "  <entry id=\"unnumbered\"><term>u</term><definition>d</definition></entry>\n" +
             entry("3.7.1") + entry("3.7.2") + entry("3.8") + entry("3.9") + entry("3.10") +
             entry("4.1") + entry("4.1.1.1") + entry("4.2"));
  LoadResult r = load_string(text, "n.xml");
  auto d = with_rule(r, "numbering-order");
  ASSERT_EQ(d.size(), 2u) << all_messages(r);
  EXPECT_EQ(d[0]->severity, Severity::warning);
  EXPECT_EQ(at(*d[0]), where(text, "<entry number=\"3.5\""));
  EXPECT_EQ(d[0]->message, "gap in the numbering: entry 3.5 comes right after entry 3.3");
  EXPECT_EQ(entry_numbers(r, *d[0]), std::vector<std::string>{"3.5"});
  ASSERT_EQ(d[0]->related.size(), 1u);
  EXPECT_EQ(d[0]->related[0].range.line, where(text, "<entry number=\"3.3\"").first);

  EXPECT_EQ(at(*d[1]), where(text, "<entry number=\"3.4\""));
  EXPECT_EQ(d[1]->message, "entry 3.4 is out of sequence: it comes after entry 3.5");
  EXPECT_EQ(entry_numbers(r, *d[1]), std::vector<std::string>{"3.4"});
}

TEST(NumberingOrder, EachBreakOnceAndEachFileOnItsOwn) {
  // A mistyped number breaks the sequence twice (into it and out of it);
  // the next file starts anywhere; a repeated number is duplicate-number's.
  const std::string first = native(entry("1.1") + entry("1.2") + entry("5.3") + entry("1.4") +
                                   entry("1.5") + entry("1.5") + entry("1.6"));
  const std::string second = native(entry("7.4") + entry("7.5"));
  std::vector<Source> sources;
  sources.push_back({"a.xml", first});
  sources.push_back({"b.xml", second});
  LoadResult r = load_sources(std::move(sources));
  auto d = with_rule(r, "numbering-order");
  ASSERT_EQ(d.size(), 2u) << all_messages(r);
  EXPECT_EQ(at(*d[0]), where(first, "<entry number=\"5.3\""));
  EXPECT_EQ(d[0]->message, "gap in the numbering: entry 5.3 comes right after entry 1.2");
  EXPECT_EQ(at(*d[1]), where(first, "<entry number=\"1.4\""));
  EXPECT_EQ(d[1]->message, "entry 1.4 is out of sequence: it comes after entry 5.3");
  EXPECT_EQ(with_rule(r, "duplicate-number").size(), 1u) << all_messages(r);
}

TEST(NumberingOrder, IecStyleNumbersAsASequenceOfTheirOwn) {
  const std::string text = native(entry("3.1") + entry("102-01-01") + entry("102-01-02") +
                                  entry("102-02-01") + entry("102-02-03") + entry("3.3"));
  LoadResult r = load_string(text, "iec.xml");
  auto d = with_rule(r, "numbering-order");
  ASSERT_EQ(d.size(), 2u) << all_messages(r);
  EXPECT_EQ(d[0]->message,
            "gap in the numbering: entry 102-02-03 comes right after entry 102-02-01");
  EXPECT_EQ(d[1]->message, "gap in the numbering: entry 3.3 comes right after entry 3.1");
  EXPECT_EQ(at(*d[1]), where(text, "<entry number=\"3.3\""));
}

TEST(NumberingOrder, EntriesOfSeveralDocumentsAreSeveralSequences) {
  // A collection of examples: entries numbered from ids that name their
  // standards; each standard's numbers are a sequence of their own.
  auto example = [](const std::string& id) {
    return "<term-sec><tbx:termEntry id=\"" + id + "\">" + lang_set("en", id) +
           "</tbx:termEntry></term-sec>\n";
  };
  const std::string text =
      sts("", example("iso_3951_en_term_3.10") + example("iso_14155_en_term_3.28") +
                  example("iso_9000_en_term_3.1.6") + example("iso_9000_en_term_3.1.7") +
                  example("iso_9000_en_term_3.1.9"));
  LoadResult r = load_string(text, "x.xml");
  auto d = with_rule(r, "numbering-order");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->message, "gap in the numbering: entry 3.1.9 comes right after entry 3.1.7");
  EXPECT_EQ(at(*d[0]), where(text, "<term-sec><tbx:termEntry id=\"iso_9000_en_term_3.1.9\""));
}

TEST(NumberingOrder, NumbersTooDeepToCompareAreSkipped) {
  // 300 entries of 3000 parts each: skipped, not compared in square time.
  std::string deep = "1";
  for (int i = 0; i < 2999; ++i) deep += ".1";
  std::string body = entry("1");
  for (int i = 0; i < 300; ++i) body += entry(deep + "." + std::to_string(i % 7));
  body += entry("2");
  LoadResult r = load_string(native(body), "deep.xml");
  EXPECT_TRUE(with_rule(r, "numbering-order").empty()) << all_messages(r);
}

TEST(NumberingOrder, StsTermSecsAndOffUnderTermbase) {
  const std::string text =
      sts("", term_sec("2.1", lang_set("en", "a")) + term_sec("2.2", lang_set("en", "b")) +
                  term_sec("2.4", lang_set("en", "c")));
  LoadResult r = load_string(text, "s.xml");
  auto d = with_rule(r, "numbering-order");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(at(*d[0]), where(text, "<term-sec id=\"sec_2.4\""));
  EXPECT_EQ(d[0]->message, "gap in the numbering: entry 2.4 comes right after entry 2.2");

  LoadOptions termbase;
  termbase.analysis.diagnostics.profile = Profile::termbase;
  LoadResult t = load_string(text, "s.xml", termbase);
  EXPECT_TRUE(with_rule(t, "numbering-order").empty()) << all_messages(t);
}

TEST(NumberingOrder, TbxNumbersFromIdsUnderIsoOnly) {
  // TBX concept ids carry numbers (term_3.1); a termbase is not a sequence,
  // so the rule is off under the termbase profile, TBX's default.
  const std::string text = tbx3(
      "<conceptEntry id=\"term_3.1\"><langSec xml:lang=\"en\"><termSec><term>a</term></termSec>"
      "</langSec></conceptEntry>\n"
      "<conceptEntry id=\"term_3.3\"><langSec xml:lang=\"en\"><termSec><term>b</term></termSec>"
      "</langSec></conceptEntry>\n");
  LoadResult r = load_string(text, "t.tbx");
  EXPECT_TRUE(with_rule(r, "numbering-order").empty()) << all_messages(r);
  LoadOptions iso;
  iso.analysis.diagnostics.profile = Profile::iso;
  LoadResult i = load_string(text, "t.tbx", iso);
  auto d = with_rule(i, "numbering-order");
  ASSERT_EQ(d.size(), 1u) << all_messages(i);
  EXPECT_EQ(at(*d[0]), where(text, "<conceptEntry id=\"term_3.3\""));
  EXPECT_EQ(d[0]->message, "gap in the numbering: entry 3.3 comes right after entry 3.1");
  // TBX declares no languages.
  EXPECT_TRUE(i.vocabulary.declared_languages(0).empty());
}

// -- empty-element ---------------------------------------------------------------

TEST(EmptyElement, NativeOneFindingPerProblem) {
  const std::string text = native(
      // An empty term and no other: empty-element, not missing-preferred-term.
      "  <entry number=\"1\"><term> </term><definition>d</definition></entry>\n"
      // An empty definition: empty-element, not missing-definition.
      "  <entry number=\"2\"><term>b</term><definition>\n   </definition></entry>\n"
      // Defined in English, empty in French: not missing-definition-in-language.
      "  <entry number=\"3\"><term>c</term><definition>d</definition>\n"
      "    <lang xml:lang=\"fr\"><term>c</term><definition/></lang></entry>\n"
      // An empty note, example and source.
      "  <entry number=\"4\"><term>e</term><definition>d</definition><note/>"
      "<example><em></em></example><source>  </source></entry>\n"
      // No French definition at all: missing-definition-in-language as before.
      "  <entry number=\"5\"><term>f</term><definition>d</definition>\n"
      "    <lang xml:lang=\"fr\"><term>f</term></lang></entry>\n");
  LoadResult r = load_string(text, "e.xml");
  auto d = with_rule(r, "empty-element");
  ASSERT_EQ(d.size(), 6u) << all_messages(r);
  EXPECT_EQ(at(*d[0]), where(text, "<term> </term>"));
  EXPECT_EQ(d[0]->message, "empty term in language 'en' of entry 1; it is left out");
  EXPECT_EQ(entry_numbers(r, *d[0]), std::vector<std::string>{"1"});
  EXPECT_EQ(at(*d[1]), where(text, "<definition>\n"));
  EXPECT_EQ(d[1]->message, "empty definition in language 'en' of entry 2");
  EXPECT_EQ(at(*d[2]), where(text, "<definition/>"));
  EXPECT_EQ(d[2]->message, "empty definition in language 'fr' of entry 3");
  EXPECT_EQ(at(*d[3]), where(text, "<note/>"));
  EXPECT_EQ(d[3]->message, "empty note in language 'en' of entry 4");
  EXPECT_EQ(at(*d[4]), where(text, "<example>"));
  EXPECT_EQ(at(*d[5]), where(text, "<source>"));
  EXPECT_EQ(d[5]->message, "empty source in language 'en' of entry 4");
  EXPECT_EQ(d[0]->severity, Severity::warning);

  EXPECT_TRUE(with_rule(r, "missing-preferred-term").empty()) << all_messages(r);
  EXPECT_TRUE(with_rule(r, "missing-definition").empty()) << all_messages(r);
  auto m = with_rule(r, "missing-definition-in-language");
  ASSERT_EQ(m.size(), 1u) << all_messages(r);
  EXPECT_EQ(entry_numbers(r, *m[0]), std::vector<std::string>{"5"});
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty()) << all_messages(r);
}

TEST(EmptyElement, StsEmptyBlocksAndIsoNoTermMark) {
  // ISO writes <tbx:term/> for "no term in this language": no empty
  // element; the section has no term. An empty definition or note is one.
  const std::string text =
      sts("", term_sec("1.1", lang_set("en", "a") +
                                  "<tbx:langSet xml:lang=\"ru\"><tbx:definition>d"
                                  "</tbx:definition><tbx:tig><tbx:term/></tbx:tig></tbx:langSet>") +
                  term_sec("1.2", lang_set("en", "b",
                                           "<tbx:definition></tbx:definition>"
                                           "<tbx:note> </tbx:note>")));
  LoadResult r = load_string(text, "s.xml");
  auto d = with_rule(r, "empty-element");
  ASSERT_EQ(d.size(), 2u) << all_messages(r);
  EXPECT_EQ(at(*d[0]), where(text, "<tbx:definition></tbx:definition>"));
  EXPECT_EQ(d[0]->message, "empty definition in language 'en' of entry 1.2");
  EXPECT_EQ(at(*d[1]), where(text, "<tbx:note> </tbx:note>"));
  auto p = with_rule(r, "missing-preferred-term");
  ASSERT_EQ(p.size(), 1u) << all_messages(r);
  EXPECT_EQ(at(*p[0]), where(text, "<tbx:langSet xml:lang=\"ru\">"));
  EXPECT_TRUE(with_rule(r, "missing-definition").empty()) << all_messages(r);
}

TEST(EmptyElement, TbxEmptyTermAndDefinition) {
  const std::string text = tbx3(
      "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\">\n"
      "<descrip type=\"definition\"/>\n"
      "<termSec><term></term></termSec><termSec><term>x</term></termSec>\n"
      "</langSec></conceptEntry>\n");
  LoadResult r = load_string(text, "t.tbx");
  auto d = with_rule(r, "empty-element");
  ASSERT_EQ(d.size(), 2u) << all_messages(r);
  EXPECT_EQ(at(*d[0]), where(text, "<descrip type=\"definition\"/>"));
  EXPECT_EQ(d[0]->message, "empty definition in language 'en' of entry c1");
  EXPECT_EQ(at(*d[1]), where(text, "<term></term>"));
  EXPECT_EQ(d[1]->message, "empty term in language 'en' of entry c1; it is left out");
  EXPECT_EQ(d[1]->severity, Severity::warning);  // termbase profile: still a warning
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty()) << all_messages(r);
}

// -- missing-language ------------------------------------------------------------

TEST(MissingLanguage, NativeDeclaration) {
  const std::string text = native(
      "  <entry number=\"1\"><term>a</term><definition>d</definition>\n"
      "    <lang xml:lang=\"fr-CA\"><term>a</term><definition>d</definition></lang></entry>\n"
      "  <entry number=\"2\"><term>b</term><definition>d</definition></entry>\n"
      "  <entry number=\"3\" xml:lang=\"fr\"><term>c</term><definition>d</definition></entry>\n",
      " languages=\"en  fr\"");
  LoadResult r = load_string(text, "l.xml");
  const Span<std::string_view> declared = r.vocabulary.declared_languages(0);
  ASSERT_EQ(declared.size(), 2u);
  EXPECT_EQ(declared[0], "en");
  EXPECT_EQ(declared[1], "fr");
  EXPECT_TRUE(r.vocabulary.declared_languages(1).empty());

  auto d = with_rule(r, "missing-language");
  ASSERT_EQ(d.size(), 2u) << all_messages(r);
  EXPECT_EQ(at(*d[0]), where(text, "<entry number=\"2\""));
  EXPECT_EQ(d[0]->message, "entry 2 has no section in language 'fr', which its file declares");
  EXPECT_EQ(entry_numbers(r, *d[0]), std::vector<std::string>{"2"});
  ASSERT_EQ(d[0]->related.size(), 1u);
  EXPECT_EQ((std::pair{d[0]->related[0].range.line, d[0]->related[0].range.column}),
            where(text, "fr\">"));
  EXPECT_EQ(at(*d[1]), where(text, "<entry number=\"3\""));
  EXPECT_EQ(d[1]->message, "entry 3 has no section in language 'en', which its file declares");
  EXPECT_EQ(d[0]->severity, Severity::warning);

  // No declaration: nothing to miss.
  LoadResult plain = load_string(native("  <entry number=\"2\"><term>b</term></entry>\n"), "p.xml");
  EXPECT_TRUE(with_rule(plain, "missing-language").empty()) << all_messages(plain);
  EXPECT_TRUE(plain.vocabulary.declared_languages(0).empty());
}

TEST(MissingLanguage, AtMostAThousandDeclarations) {
  std::string languages;
  for (int i = 0; i < 1500; ++i) languages += " x-l" + std::to_string(i);
  const std::string text = native(entry("1"), " languages=\"" + languages + "\"");
  LoadResult r = load_string(text, "many.xml");
  EXPECT_EQ(r.vocabulary.declared_languages(0).size(), 1000u);
  EXPECT_EQ(with_rule(r, "missing-language").size(), 1000u);
  auto u = with_rule(r, "unsupported-content");
  ASSERT_EQ(u.size(), 1u) << all_messages(r);
  EXPECT_EQ(at(*u[0]), where(text, "x-l1000"));
}

TEST(MissingLanguage, IllFormedDeclarationIsOnlyInvalidLanguageTag) {
  const std::string text =
      native("  <entry number=\"1\"><term>a</term><definition>d</definition></entry>\n",
             " languages=\"en english\"");
  LoadResult r = load_string(text, "l.xml");
  EXPECT_TRUE(with_rule(r, "missing-language").empty()) << all_messages(r);
  auto d = with_rule(r, "invalid-language-tag");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(at(*d[0]), where(text, "english"));
  EXPECT_TRUE(d[0]->entries.empty());
}

TEST(MissingLanguage, StsContentLanguageOfTheOutermostNationalLayer) {
  const std::string body = term_sec("3.1", lang_set("en", "a") + lang_set("de", "a")) +
                           term_sec("3.2", lang_set("de", "b")) +
                           term_sec("3.3", lang_set("en", "c"));
  // An international document in English and French.
  const std::string bilingual =
      sts("<iso-meta><content-language>en</content-language><content-language>fr</content-language>"
          "</iso-meta>",
          body);
  LoadResult r = load_string(bilingual, "b.xml");
  ASSERT_EQ(r.vocabulary.declared_languages(0).size(), 2u);
  auto d = with_rule(r, "missing-language");
  ASSERT_EQ(d.size(), 4u) << all_messages(r);  // fr: 3 entries; en: 3.2
  EXPECT_EQ(at(*d[0]), where(bilingual, "<term-sec id=\"sec_3.1\""));
  EXPECT_EQ(d[0]->message, "entry 3.1 has no section in language 'fr', which its file declares");
  EXPECT_EQ(d[0]->related[0].range.line, where(bilingual, ">fr<").first);
  EXPECT_EQ(d[0]->related[0].range.column, where(bilingual, ">fr<").second + 1);

  // A national adoption: the national metadata declares German.
  const std::string adoption =
      sts("<iso-meta><content-language>en</content-language></iso-meta>"
          "<nat-meta><content-language>de</content-language></nat-meta>",
          body);
  LoadResult n = load_string(adoption, "n.xml");
  ASSERT_EQ(n.vocabulary.declared_languages(0).size(), 1u);
  EXPECT_EQ(n.vocabulary.declared_languages(0)[0], "de");
  auto m = with_rule(n, "missing-language");
  ASSERT_EQ(m.size(), 1u) << all_messages(n);
  EXPECT_EQ(entry_numbers(n, *m[0]), std::vector<std::string>{"3.3"});

  // An adoption: its own metadata, outside the adopted standard's, declares
  // the languages (several tags in one element, as some files write them).
  const std::string adopted =
      "<adoption xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\"><adoption-front><nat-meta>"
      "<content-language>de, en</content-language></nat-meta></adoption-front>\n"
      "<standard><front><iso-meta><content-language>fr</content-language></iso-meta></front>"
      "<body><sec>\n" +
      body + "</sec></body></standard></adoption>\n";
  LoadResult a = load_string(adopted, "a.xml");
  const Span<std::string_view> declared = a.vocabulary.declared_languages(0);
  ASSERT_EQ(declared.size(), 2u) << all_messages(a);
  EXPECT_EQ(declared[0], "de");
  EXPECT_EQ(declared[1], "en");
  auto ad = with_rule(a, "missing-language");
  ASSERT_EQ(ad.size(), 2u) << all_messages(a);  // 3.2 lacks en, 3.3 lacks de
  EXPECT_EQ(ad[0]->related[0].range.column, where(adopted, "en</content").second);

  // No content-language: no declaration.
  LoadResult none = load_string(sts("<iso-meta><content-language/></iso-meta>", body), "x.xml");
  EXPECT_TRUE(none.vocabulary.declared_languages(0).empty());
  EXPECT_TRUE(with_rule(none, "missing-language").empty()) << all_messages(none);
}

TEST(MissingLanguage, WritersKeepTheDeclaration) {
  const std::string text =
      native("  <entry number=\"1\"><term>a</term><definition>d</definition></entry>\n",
             " languages=\"en fr\"");
  LoadResult r = load_string(text, "l.xml");
  for (Format format : {Format::native, Format::sts}) {
    std::ostringstream out;
    write_vocabulary(out, r.vocabulary, format);
    LoadResult back = load_string(out.str(), "back.xml");
    const Span<std::string_view> declared = back.vocabulary.declared_languages(0);
    ASSERT_EQ(declared.size(), 2u) << out.str();
    EXPECT_EQ(declared[0], "en");
    EXPECT_EQ(declared[1], "fr");
    EXPECT_EQ(with_rule(back, "missing-language").size(), 1u) << all_messages(back);
    if (format == Format::native) {
      EXPECT_NE(out.str().find(" languages=\"en fr\""), std::string::npos) << out.str();
    }
  }
  // Nothing declared: nothing written.
  LoadResult plain = load_string(native(entry("1")), "p.xml");
  std::ostringstream out;
  write_vocabulary(out, plain.vocabulary, Format::native);
  EXPECT_EQ(out.str().find("languages="), std::string::npos) << out.str();
}

// -- invalid-language-tag ----------------------------------------------------------

TEST(InvalidLanguageTag, NativeOncePerTagAndFileAtItsFirstPlace) {
  const std::string text = native(
      "  <entry number=\"1\"><term>a</term><definition>d</definition>\n"
      "    <lang xml:lang=\"en_GB\"><term>a</term><definition>d</definition></lang></entry>\n"
      "  <entry number=\"2\"><term>b</term><definition>d</definition>\n"
      "    <lang xml:lang=\"en_GB\"><term>b</term><definition>d</definition></lang></entry>\n"
      "  <entry number=\"3\" xml:lang=\"x-klingon\"><term>c</term><definition>d</definition>\n"
      "    <lang xml:lang=\"i-klingon\"><term>c</term><definition>d</definition></lang></entry>\n");
  LoadResult r = load_string(text, "t.xml");
  auto d = with_rule(r, "invalid-language-tag");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->severity, Severity::warning);
  EXPECT_EQ(at(*d[0]), where(text, "en_GB"));
  EXPECT_EQ(d[0]->message,
            "language tag 'en_GB' is not a well-formed BCP 47 language tag: subtags are separated "
            "by '-', not '_' (did you mean 'en-GB'?); the file uses it 2 times");
  EXPECT_EQ(entry_numbers(r, *d[0]), std::vector<std::string>{"1"});

  // The vocabulary's own xml:lang, which the entries' content inherits.
  const std::string root =
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"english\">\n"
      "  <entry number=\"1\"><term>a</term><definition>d</definition></entry>\n"
      "</vocabulary>\n";
  LoadResult e = load_string(root, "r.xml");
  auto f = with_rule(e, "invalid-language-tag");
  ASSERT_EQ(f.size(), 1u) << all_messages(e);
  EXPECT_EQ(at(*f[0]), where(root, "english"));
  EXPECT_TRUE(f[0]->entries.empty());
}

TEST(InvalidLanguageTag, StsTbxAndCsv) {
  const std::string s =
      sts("", term_sec("1.1", lang_set("en--GB", "a")) + term_sec("1.2", lang_set("en--GB", "b")));
  LoadResult rs = load_string(s, "s.xml");
  auto ds = with_rule(rs, "invalid-language-tag");
  ASSERT_EQ(ds.size(), 1u) << all_messages(rs);
  EXPECT_EQ(at(*ds[0]), where(s, "en--GB"));

  const std::string t = tbx3(
      "<conceptEntry id=\"c1\"><langSec xml:lang=\"e\"><termSec><term>x</term></termSec>"
      "</langSec></conceptEntry>\n"
      "<conceptEntry id=\"c2\"><langSec xml:lang=\"zh-Hant-TW\"><termSec><term>y</term></termSec>"
      "</langSec></conceptEntry>\n");
  LoadResult rt = load_string(t, "t.tbx");
  auto dt = with_rule(rt, "invalid-language-tag");
  ASSERT_EQ(dt.size(), 1u) << all_messages(rt);
  EXPECT_EQ(at(*dt[0]), where(t, "e\"><termSec>"));
  EXPECT_EQ(entry_numbers(rt, *dt[0]), std::vector<std::string>{"c1"});

  // The document's language, on the root.
  std::string root = tbx3(
      "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>x</term></termSec>"
      "</langSec></conceptEntry>\n");
  root.replace(root.find("xml:lang=\"en\""), 13, "xml:lang=\"en_US\"");
  LoadResult rr = load_string(root, "r.tbx");
  auto dr = with_rule(rr, "invalid-language-tag");
  ASSERT_EQ(dr.size(), 1u) << all_messages(rr);
  EXPECT_EQ(at(*dr[0]), where(root, "en_US"));
  EXPECT_TRUE(dr[0]->entries.empty());

  const std::string csv =
      "entry,language,term,definition\n"
      "1,en,block,unit of data\n"
      "1,fr_FR,bloc,unité de données\n"
      "2,de-CH-1996,Block,Dateneinheit\n";
  LoadResult rc = load_string(csv, "c.csv");
  auto dc = with_rule(rc, "invalid-language-tag");
  ASSERT_EQ(dc.size(), 1u) << all_messages(rc);
  EXPECT_EQ(at(*dc[0]), where(csv, "fr_FR"));
  EXPECT_NE(dc[0]->message.find("did you mean 'fr-FR'?"), std::string::npos) << dc[0]->message;
}
