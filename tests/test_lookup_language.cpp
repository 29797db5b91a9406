// Looking up and printing by language on a vocabulary whose tags are not
// the bare language ("en-GB"): a range "en" or "en-gb" finds and prints the
// en-GB sections, "eng" does not (issue 7, point 6).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/report.hpp"

namespace {

using termgraph::TermMatch;
using termgraph::Vocabulary;

const char* const doc = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en-GB">
  <entry number="4.1">
    <term>colour</term>
    <term status="admitted">hue</term>
    <definition>property of light as seen by the eye</definition>
    <note>Written "color" in American English.</note>
    <lang xml:lang="fr"><term>couleur</term><definition>propriété de la lumière</definition></lang>
  </entry>
  <entry number="4.2">
    <term>colour chart</term>
    <definition>card showing each colour (4.1) by name</definition>
  </entry>
</vocabulary>
)";

class LookupLanguage : public ::testing::Test {
protected:
  /// The vocabulary of `doc`, loaded once.
  static const termgraph::LoadResult& loaded() {
    static const termgraph::LoadResult result = termgraph::load_string(doc);
    return result;
  }
  const Vocabulary& v() const { return loaded().vocabulary; }

  /// "number/tag" of each match.
  std::vector<std::string> found(const std::vector<TermMatch>& matches) const {
    std::vector<std::string> out;
    for (const TermMatch& m : matches) {
      std::string s(v()[m.entry].number);
      s += '/';
      if (m.section) s += m.section->language;
      out.push_back(s);
    }
    return out;
  }

  /// What `termgraph lookup --lang language query` prints for its first hit.
  std::string printed(std::string_view query, std::string_view language) const {
    const std::vector<TermMatch> matches = v().lookup(query, language);
    if (matches.empty()) return "<no match>";
    std::ostringstream out;
    termgraph::write_entry(out, v(), v()[matches.front().entry], language);
    return out.str();
  }
};

const char* const colour_en_gb =
    "4.1\n"
    "colour\n"
    "hue (admitted)\n"
    "property of light as seen by the eye\n"
    "Note 1 to entry: Written \"color\" in American English.\n";

TEST_F(LookupLanguage, LoadsWithoutFindings) {
  ASSERT_EQ(v().size(), 2u);
  EXPECT_EQ(v()[0].languages[0].language, "en-GB");
  EXPECT_EQ(v()[0].languages[1].language, "fr");
  EXPECT_EQ(loaded().errors(), 0u);
}

TEST_F(LookupLanguage, RangeFindsTermsInSubtaggedSections) {
  EXPECT_EQ(found(v().find_term("colour", "en")), (std::vector<std::string>{"4.1/en-GB"}));
  EXPECT_EQ(found(v().find_term("colour", "en-gb")), (std::vector<std::string>{"4.1/en-GB"}));
  EXPECT_EQ(found(v().find_term("colour", "EN-GB")), (std::vector<std::string>{"4.1/en-GB"}));
  EXPECT_EQ(found(v().find_term("colour", "en-US")), (std::vector<std::string>{}));
  EXPECT_EQ(found(v().find_term("colour", "eng")), (std::vector<std::string>{}));
  EXPECT_EQ(found(v().find_term("couleur", "en")), (std::vector<std::string>{}));
  EXPECT_EQ(found(v().find_term("couleur", "FR")), (std::vector<std::string>{"4.1/fr"}));
}

TEST_F(LookupLanguage, RangeCompletesTermsInSubtaggedSections) {
  EXPECT_EQ(found(v().complete("col", 10, "en")),
            (std::vector<std::string>{"4.1/en-GB", "4.2/en-GB"}));
  EXPECT_EQ(found(v().complete("col", 10, "en-gb")),
            (std::vector<std::string>{"4.1/en-GB", "4.2/en-GB"}));
  EXPECT_TRUE(v().complete("col", 10, "eng").empty());
}

TEST_F(LookupLanguage, NumberLookupChoosesTheMatchingSection) {
  EXPECT_EQ(found(v().lookup("4.1", "fr")), (std::vector<std::string>{"4.1/fr"}));
  EXPECT_EQ(found(v().lookup("4.1", "en")), (std::vector<std::string>{"4.1/en-GB"}));
  // A range no section matches: the section of the preferred term.
  EXPECT_EQ(found(v().lookup("4.1", "eng")), (std::vector<std::string>{"4.1/en-GB"}));
}

// The bug: the entry was found, and only its number printed.
TEST_F(LookupLanguage, RangePrintsTheWholeSection) {
  EXPECT_EQ(printed("colour", "en"), colour_en_gb);
  EXPECT_EQ(printed("colour", "en-gb"), colour_en_gb);
  EXPECT_EQ(printed("colour", "en-GB"), colour_en_gb);
  EXPECT_EQ(printed("4.1", "en"), colour_en_gb);
  EXPECT_EQ(printed("couleur", "fr"), "4.1\ncouleur\npropriété de la lumière\n");
  EXPECT_EQ(printed("colour", "eng"), "<no match>");
  // A printing range that matches no section prints the number only, as
  // before.
  std::ostringstream out;
  termgraph::write_entry(out, v(), v()[0], "eng");
  EXPECT_EQ(out.str(), "4.1\n");
}

TEST_F(LookupLanguage, ReferencesKeepTheirNumberInTheSection) {
  EXPECT_EQ(printed("colour chart", "en"),
            "4.2\ncolour chart\ncard showing each colour (4.1) by name\n");
}

TEST_F(LookupLanguage, WithoutRangeEverySectionIsPrintedWithItsTag) {
  std::ostringstream out;
  termgraph::write_entry(out, v(), v()[0]);
  EXPECT_EQ(out.str(), std::string("4.1\n[en-GB]\n") + (colour_en_gb + 4) +
                           "[fr]\ncouleur\npropriété de la lumière\n");
}

}  // namespace

namespace {

// Entry::section() finds a section by its tag as written, and by the same
// tag in another case ("en-gb" for "en-GB"); never by another language.
TEST_F(LookupLanguage, SectionByTagInAnyCase) {
  const termgraph::Entry* e = v().find_number("4.1");
  ASSERT_NE(e, nullptr);
  ASSERT_NE(e->section("en-GB"), nullptr);
  EXPECT_EQ(e->section("en-GB")->language, "en-GB");
  ASSERT_NE(e->section("en-gb"), nullptr);
  EXPECT_EQ(e->section("en-gb")->language, "en-GB");
  ASSERT_NE(e->section("EN_gb"), nullptr);
  EXPECT_EQ(e->section("EN_gb")->language, "en-GB");
  ASSERT_NE(e->section("FR"), nullptr);
  EXPECT_EQ(e->section("FR")->language, "fr");
  EXPECT_EQ(e->section("en"), nullptr);  // a range is not a tag
  EXPECT_EQ(e->section("eng"), nullptr);
  EXPECT_EQ(e->section("de"), nullptr);
}

}  // namespace
