// Lookups: by number, by term (case-, accent- and width-insensitive), by
// prefix, by edit distance; and the folding they share.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "termgraph/load.hpp"

namespace {

using termgraph::Status;
using termgraph::TermMatch;
using termgraph::Vocabulary;

// Entry 102‑01‑01 is written with U+2011 NON-BREAKING HYPHENs.
const char* const doc = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="3.2"><term>block</term><definition>unit of records</definition></entry>
  <entry number="3.4"><term>block header</term><definition>first part of a block (3.2)</definition></entry>
  <entry number="3.6">
    <term>Blockchain</term>
    <term status="admitted">block chain</term>
    <term status="deprecated">chain of blocks</term>
    <definition>ledger of blocks (3.2) linked in order</definition>
    <lang xml:lang="fr"><term>chaîne de blocs</term><definition>registre de blocs</definition></lang>
  </entry>
  <entry number="3.7"><term>blockchain system</term><definition>system built on a blockchain (3.6)</definition></entry>
  <entry number="3.22">
    <term>distributed ledger technology</term>
    <term type="abbreviation">DLT</term>
    <definition>technology of ledgers shared by nodes</definition>
    <lang xml:lang="fr"><term>technologie des registres distribués</term><term type="abbreviation">DLT</term>
      <definition>technologie de registres partagés</definition></lang>
  </entry>
  <entry number="102‑01‑01">
    <term>nut</term>
    <definition>part with a threaded hole</definition>
    <lang xml:lang="fr"><term>écrou</term><definition>pièce taraudée</definition></lang>
    <lang xml:lang="en-GB"><term>threaded nut</term><definition>part with a threaded hole</definition></lang>
  </entry>
  <entry number="7.1"><term status="deprecated">ledger</term><term status="preferred">journal</term><definition>daily book</definition></entry>
  <entry number="7.2"><term>register</term><term status="admitted">Ledger</term><definition>list of records</definition></entry>
  <entry number="7.3"><term>LEDGER</term><definition>book of records</definition></entry>
</vocabulary>
)";

class Lookup : public ::testing::Test {
protected:
  static void SetUpTestSuite() { result_ = new termgraph::LoadResult(termgraph::load_string(doc)); }
  static void TearDownTestSuite() {
    delete result_;
    result_ = nullptr;
  }
  const Vocabulary& v() const { return result_->vocabulary; }

  std::vector<std::string> entries_of(const std::vector<TermMatch>& matches) const {
    std::vector<std::string> out;
    for (const TermMatch& m : matches) out.emplace_back(v()[m.entry].number);
    return out;
  }
  std::vector<std::string> terms_of(const std::vector<TermMatch>& matches) const {
    std::vector<std::string> out;
    for (const TermMatch& m : matches) out.emplace_back(m.designation->text);
    return out;
  }

  static termgraph::LoadResult* result_;
};

termgraph::LoadResult* Lookup::result_ = nullptr;

TEST_F(Lookup, LoadsTheDocument) {
  ASSERT_EQ(v().size(), 9u);
  EXPECT_EQ(result_->errors(), 0u);
}

TEST_F(Lookup, FindNumber) {
  const termgraph::Entry* e = v().find_number("3.6");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->id, 2u);
  EXPECT_EQ(v().find_number("  3.6\t"), e);
  EXPECT_EQ(v().find_number("\u00a03.6\u00a0"), e);
  EXPECT_EQ(v().find_number("3.60"), nullptr);
  EXPECT_EQ(v().find_number("3."), nullptr);
  EXPECT_EQ(v().find_number(""), nullptr);
  EXPECT_EQ(v().find_number("9.9"), nullptr);

  // Non-breaking and ordinary hyphens find the same entry.
  const termgraph::Entry* nut = v().find_number("102-01-01");
  ASSERT_NE(nut, nullptr);
  EXPECT_EQ(nut->id, 5u);
  EXPECT_EQ(v().find_number("102\u201101\u201101"), nut);
  EXPECT_EQ(v().find_number("102\u201001-01"), nut);
  EXPECT_EQ(v().find_number("102-01-02"), nullptr);
}

TEST_F(Lookup, FindTermIgnoresCaseAccentsAndWidth) {
  for (const char* q : {"Blockchain", "blockchain", "BLOCKCHAIN", "  blockchain ",
                        "\uff22\uff4c\uff4f\uff43\uff4b\uff43\uff48\uff41\uff49\uff4e"}) {
    const auto m = v().find_term(q);
    ASSERT_EQ(m.size(), 1u) << q;
    EXPECT_EQ(m[0].entry, 2u) << q;
    EXPECT_EQ(m[0].designation->text, "Blockchain");
    EXPECT_EQ(m[0].section->language, "en");
  }
  // Fullwidth "ｂｌｏｃｋ".
  EXPECT_EQ(entries_of(v().find_term("\uff42\uff4c\uff4f\uff43\uff4b")),
            (std::vector<std::string>{"3.2"}));
  // Accents: precomposed, decomposed and stripped all meet.
  for (const char* q : {"\u00e9crou", "ecrou", "\u00c9CROU", "e\u0301crou"}) {
    const auto m = v().find_term(q);
    ASSERT_EQ(m.size(), 1u) << q;
    EXPECT_EQ(m[0].entry, 5u);
    EXPECT_EQ(m[0].designation->text, "\u00e9crou");
    EXPECT_EQ(m[0].section->language, "fr");
  }
  // White space inside a term is collapsed, but a term is not a prefix.
  EXPECT_EQ(entries_of(v().find_term("block\u00a0 header")), (std::vector<std::string>{"3.4"}));
  EXPECT_TRUE(v().find_term("block head").empty());
  EXPECT_TRUE(v().find_term("").empty());
  EXPECT_TRUE(v().find_term("   ").empty());
}

TEST_F(Lookup, FindTermRanksPreferredAdmittedDeprecated) {
  // 7.1 has "ledger" deprecated, 7.2 admitted, 7.3 preferred.
  const auto m = v().find_term("ledger");
  EXPECT_EQ(entries_of(m), (std::vector<std::string>{"7.3", "7.2", "7.1"}));
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].designation->status, Status::preferred);
  EXPECT_EQ(m[1].designation->status, Status::admitted);
  EXPECT_EQ(m[1].designation->text, "Ledger");
  EXPECT_EQ(m[2].designation->status, Status::deprecated);
}

TEST_F(Lookup, FindTermFiltersByLanguage) {
  EXPECT_EQ(entries_of(v().find_term("chaine de blocs", "fr")), (std::vector<std::string>{"3.6"}));
  EXPECT_EQ(entries_of(v().find_term("chaine de blocs", "FR")), (std::vector<std::string>{"3.6"}));
  EXPECT_TRUE(v().find_term("chaine de blocs", "en").empty());
  EXPECT_EQ(entries_of(v().find_term("chaine de blocs")), (std::vector<std::string>{"3.6"}));
  // "en" also serves regional variants.
  EXPECT_EQ(entries_of(v().find_term("threaded nut", "en")),
            (std::vector<std::string>{"102‑01‑01"}));
  EXPECT_TRUE(v().find_term("threaded nut", "fr").empty());
  EXPECT_TRUE(v().find_term("threaded nut", "e").empty());
}

TEST_F(Lookup, FindTermReturnsEachEntryOnce) {
  // DLT is a designation of 3.22 in English and French.
  const auto all = v().find_term("dlt");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].entry, 4u);
  EXPECT_EQ(all[0].section->language, "en");
  const auto fr = v().find_term("DLT", "fr");
  ASSERT_EQ(fr.size(), 1u);
  EXPECT_EQ(fr[0].section->language, "fr");
  EXPECT_EQ(fr[0].designation->kind, termgraph::TermKind::abbreviation);
}

TEST_F(Lookup, CompleteRanksByStatusThenLength) {
  EXPECT_EQ(terms_of(v().complete("block")),
            (std::vector<std::string>{"block", "Blockchain", "block header", "blockchain system",
                                      "block chain"}));
  EXPECT_EQ(terms_of(v().complete("BLOCK", 3)),
            (std::vector<std::string>{"block", "Blockchain", "block header"}));
  EXPECT_EQ(terms_of(v().complete("blockc")),
            (std::vector<std::string>{"Blockchain", "blockchain system"}));
  EXPECT_EQ(terms_of(v().complete("block ")),
            (std::vector<std::string>{"block header", "block chain"}));
  EXPECT_TRUE(v().complete("block", 0).empty());
  EXPECT_TRUE(v().complete("").empty());
  EXPECT_TRUE(v().complete("zz").empty());
}

TEST_F(Lookup, CompleteFiltersByLanguageAndDeduplicates) {
  EXPECT_EQ(terms_of(v().complete("cha", 10, "fr")), (std::vector<std::string>{"chaîne de blocs"}));
  EXPECT_EQ(terms_of(v().complete("cha", 10, "en")), (std::vector<std::string>{"chain of blocks"}));
  EXPECT_EQ(terms_of(v().complete("cha")),
            (std::vector<std::string>{"chaîne de blocs", "chain of blocks"}));
  // DLT in two languages of one entry: one completion.
  const auto dl = v().complete("dl");
  ASSERT_EQ(dl.size(), 1u);
  EXPECT_EQ(dl[0].entry, 4u);
  EXPECT_EQ(dl[0].section->language, "en");
}

TEST_F(Lookup, ClosestSuggestsForMisspellings) {
  const auto typo = v().closest("blokchain");
  ASSERT_FALSE(typo.empty());
  EXPECT_EQ(typo[0].designation->text, "Blockchain");
  EXPECT_EQ(v()[typo[0].entry].number, "3.6");

  // A transposition counts as one edit.
  const auto swapped = v().closest("blcok", 1);
  ASSERT_EQ(swapped.size(), 1u);
  EXPECT_EQ(swapped[0].designation->text, "block");

  // Exact forms first, then edits, then longer terms starting with the
  // query (closest in length first).
  EXPECT_EQ(terms_of(v().closest("block", 3)),
            (std::vector<std::string>{"block", "Blockchain", "block chain"}));

  // A word inside a longer term.
  EXPECT_EQ(terms_of(v().closest("header")), (std::vector<std::string>{"block header"}));

  // Accents do not count as edits.
  EXPECT_EQ(terms_of(v().closest("ecrous", 1)), (std::vector<std::string>{"écrou"}));

  EXPECT_TRUE(v().closest("zzzzzz").empty());
  EXPECT_TRUE(v().closest("blokchain", 0).empty());
}

TEST_F(Lookup, LookupTriesTheNumberThenTheTerm) {
  const auto by_number = v().lookup("3.6");
  ASSERT_EQ(by_number.size(), 1u);
  EXPECT_EQ(by_number[0].entry, 2u);
  EXPECT_EQ(by_number[0].designation->text, "Blockchain");
  EXPECT_EQ(by_number[0].section->language, "en");

  const auto in_french = v().lookup("3.6", "fr");
  ASSERT_EQ(in_french.size(), 1u);
  EXPECT_EQ(in_french[0].designation->text, "chaîne de blocs");

  const auto by_term = v().lookup("block header");
  ASSERT_EQ(by_term.size(), 1u);
  EXPECT_EQ(by_term[0].entry, 1u);

  EXPECT_EQ(entries_of(v().lookup("102\u201101\u201101")), (std::vector<std::string>{"102‑01‑01"}));
  EXPECT_TRUE(v().lookup("nothing like it").empty());
  EXPECT_TRUE(v().lookup("4.4").empty());
}

// A termbase's entries have no numbers: lookup finds them by their concept
// ids too, after their terms.
TEST(LookupIds, TermbaseEntriesByConceptId) {
  termgraph::LoadResult r = termgraph::load_string(
      "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" "
      "xmlns=\"urn:iso:std:iso:30042:ed-2\"><tbxHeader><fileDesc><sourceDesc><p>x</p>"
      "</sourceDesc></fileDesc></tbxHeader><text><body>"
      "<conceptEntry id=\"c29\"><langSec xml:lang=\"en\"><termSec><term>nebula</term></termSec>"
      "</langSec></conceptEntry>"
      "<conceptEntry id=\"c30\"><langSec xml:lang=\"en\"><termSec><term>c29</term></termSec>"
      "</langSec></conceptEntry></body></text></tbx>",
      "ids.tbx");
  const termgraph::Vocabulary& v = r.vocabulary;
  const auto by_id = v.lookup("c29 ");
  ASSERT_EQ(by_id.size(), 1u);
  // A term written like an id wins over the id.
  EXPECT_EQ(v[by_id[0].entry].number, "c30");
  const auto other = v.lookup("c30");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(v[other[0].entry].number, "c30");
  EXPECT_EQ(other[0].designation->text, "c29");
  EXPECT_TRUE(v.lookup("c31").empty());
}

TEST(Fold, FoldsCaseWidthAccentsAndSpace) {
  const Vocabulary empty;
  EXPECT_EQ(empty.fold("Block  Chain"), "block chain");
  EXPECT_EQ(empty.fold("\t block\n"), "block");
  EXPECT_EQ(empty.fold("\uff22\uff2c\uff2f\uff23\uff2b\u3000Chain"), "block chain");
  EXPECT_EQ(empty.fold("  \u00c9crou\u00a0 "), "ecrou");
  EXPECT_EQ(empty.fold("Stra\u00dfe"), "strasse");
  EXPECT_EQ(empty.fold("\ufb01le"), "file");
  EXPECT_EQ(empty.fold("na\u00efve r\u00e9sum\u00e9"), "naive resume");
  EXPECT_EQ(empty.fold("\u0391\u03b8\u03ae\u03bd\u03b1"), "\u03b1\u03b8\u03b7\u03bd\u03b1");
  // Invalid UTF-8 becomes U+FFFD.
  EXPECT_EQ(empty.fold("a\xff"
                       "b"),
            "a\ufffdb");
  EXPECT_EQ(empty.fold(""), "");
  EXPECT_EQ(empty.fold(" \u2003 "), "");
}

}  // namespace
