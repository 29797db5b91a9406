// Alphabetical indexes (issue 10, point 6): every designation of a language
// in that language's collation order. Each order is checked twice: against
// the order ICU's collator for the locale gives the same terms here, in the
// test, and, where the rules of the language leave no doubt, against the
// order written out.
#include <gtest/gtest.h>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "termgraph/alphabetical.hpp"
#include "termgraph/load.hpp"

namespace {

using termgraph::IndexLine;
using termgraph::Vocabulary;

/// A native vocabulary in `language` with one entry per term, numbered
/// 1, 2, 3 ... in the order given.
std::string vocabulary_of(const std::string& language, const std::vector<std::string>& terms) {
  std::string doc =
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"" + language + "\">\n";
  for (std::size_t i = 0; i < terms.size(); ++i) {
    doc += "  <entry number=\"" + std::to_string(i + 1) + "\"><term>" + terms[i] +
           "</term><definition>sample " + std::to_string(i + 1) + "</definition></entry>\n";
  }
  return doc + "</vocabulary>\n";
}

termgraph::LoadResult load(const std::string& doc) {
  termgraph::LoadResult result = termgraph::load_string(doc);
  EXPECT_GT(result.vocabulary.size(), 0u) << doc;
  return result;
}

std::vector<std::string> terms_of(const std::vector<IndexLine>& lines) {
  std::vector<std::string> out;
  for (const IndexLine& line : lines) out.emplace_back(line.term);
  return out;
}

/// "term number" of each line.
std::vector<std::string> numbered(const Vocabulary& v, const std::vector<IndexLine>& lines) {
  std::vector<std::string> out;
  for (const IndexLine& line : lines) {
    out.push_back(std::string(line.term) + " " + std::string(v[line.entry].number));
  }
  return out;
}

/// `terms` sorted by ICU's collator for `tag`, directly (ties keep their
/// order), as the index must sort them.
std::vector<std::string> icu_order(const std::string& tag, std::vector<std::string> terms) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  EXPECT_TRUE(U_SUCCESS(status)) << tag;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(locale, status));
  EXPECT_TRUE(U_SUCCESS(status) && collator) << tag;
  if (!collator) return {};
  std::stable_sort(terms.begin(), terms.end(), [&](const std::string& a, const std::string& b) {
    UErrorCode s = U_ZERO_ERROR;
    return collator->compare(icu::UnicodeString::fromUTF8(a), icu::UnicodeString::fromUTF8(b), s) ==
           UCOL_LESS;
  });
  return terms;
}

using Terms = std::vector<std::string>;

/// The index of `terms` written in `written`, asked for by the range
/// `range`.
Terms indexed(const std::string& written, const Terms& terms, const std::string& range) {
  const termgraph::LoadResult loaded = load(vocabulary_of(written, terms));
  return terms_of(termgraph::alphabetical_index(loaded.vocabulary, range));
}

// -- orders of the languages -------------------------------------------------

const Terms french = {"côté", "côte", "coté", "cote"};

TEST(AlphabeticalIndex, FrenchComparesAccentsFromTheStart) {
  // CLDR's French (France) sorts accents as the root collation does, from
  // the start of the word: the accent on the o of côte weighs more than
  // that on the e of coté.
  const Terms got = indexed("fr", french, "fr");
  EXPECT_EQ(got, (Terms{"cote", "coté", "côte", "côté"}));
  EXPECT_EQ(got, icu_order("fr", french));
}

TEST(AlphabeticalIndex, CanadianFrenchComparesAccentsFromTheEnd) {
  // Canadian French keeps the old French rule: accents compared from the
  // end of the word (backwards secondary).
  const Terms got = indexed("fr-CA", french, "fr-CA");
  EXPECT_EQ(got, (Terms{"cote", "côte", "coté", "côté"}));
  EXPECT_EQ(got, icu_order("fr-CA", french));
  // "fr" on a vocabulary written in fr-CA only: the sections' tag is the
  // more specific, and its order is used.
  EXPECT_EQ(indexed("fr-CA", french, "fr"), got);
  // "fr-CA" on a vocabulary written in "fr": no section is fr-CA, the French
  // sections are indexed, in the order asked for.
  EXPECT_EQ(indexed("fr", french, "fr-CA"), got);
}

TEST(AlphabeticalIndex, GermanSortsUmlautsWithTheirVowels) {
  const Terms terms = {"Zebra", "Ärger", "arm", "Äpfel", "Apfel", "Affe"};
  const Terms got = indexed("de", terms, "de");
  EXPECT_EQ(got, (Terms{"Affe", "Apfel", "Äpfel", "Ärger", "arm", "Zebra"}));
  EXPECT_EQ(got, icu_order("de", terms));
  // The phone book order (a collation keyword of the range) reads ä as ae.
  const Terms phonebook = indexed("de", terms, "de-u-co-phonebk");
  EXPECT_EQ(phonebook, (Terms{"Äpfel", "Ärger", "Affe", "Apfel", "arm", "Zebra"}));
  EXPECT_EQ(phonebook, icu_order("de-u-co-phonebk", terms));
}

TEST(AlphabeticalIndex, SwedishSortsAccentedVowelsAfterZ) {
  const Terms terms = {"öga", "äpple", "zon", "ödla", "åsna", "ara"};
  const Terms got = indexed("sv", terms, "sv");
  EXPECT_EQ(got, (Terms{"ara", "zon", "åsna", "äpple", "ödla", "öga"}));
  EXPECT_EQ(got, icu_order("sv", terms));
  // The same words in a German index: ä, å and ö go with a and o.
  EXPECT_EQ(indexed("de", terms, "de"), (Terms{"äpple", "ara", "åsna", "ödla", "öga", "zon"}));
}

TEST(AlphabeticalIndex, RussianFollowsTheCyrillicAlphabet) {
  const Terms terms = {"яблоко", "жук", "ель", "банан", "арбуз", "вода"};
  const Terms got = indexed("ru", terms, "ru");
  EXPECT_EQ(got, (Terms{"арбуз", "банан", "вода", "ель", "жук", "яблоко"}));
  EXPECT_EQ(got, icu_order("ru", terms));
  // ё is е with a diaeresis: it sorts with е, not after the alphabet.
  const Terms yo = {"ёж", "ель", "жаба", "еда"};
  EXPECT_EQ(indexed("ru", yo, "ru"), icu_order("ru", yo));
  EXPECT_EQ(indexed("ru", yo, "ru").back(), "жаба");
}

TEST(AlphabeticalIndex, RussianPutsCyrillicBeforeLatin) {
  // CLDR's Russian orders Cyrillic script before Latin; the root collation
  // (English) the other way round.
  const Terms terms = {"API", "блокчейн", "XML", "адрес"};
  const Terms russian = indexed("ru", terms, "ru");
  EXPECT_EQ(russian, icu_order("ru", terms));
  EXPECT_EQ(russian, (Terms{"адрес", "блокчейн", "API", "XML"}));
  EXPECT_EQ(indexed("en", terms, "en"), (Terms{"API", "XML", "адрес", "блокчейн"}));
}

TEST(AlphabeticalIndex, DanishAndNorwegianSortAaAsARing) {
  const Terms terms = {"Aarhus", "Odense", "Ærø", "Aalborg", "Zealand", "Øster", "Ålesund"};
  for (const char* tag : {"da", "nb"}) {
    SCOPED_TRACE(tag);
    const Terms got = indexed(tag, terms, tag);
    EXPECT_EQ(got, icu_order(tag, terms));
    // æ, ø, å after z, and aa read as å.
    EXPECT_EQ(got, (Terms{"Odense", "Zealand", "Ærø", "Øster", "Aalborg", "Ålesund", "Aarhus"}));
  }
  // In English, aa is two a's.
  EXPECT_EQ(indexed("en", terms, "en").front(), "Aalborg");
  EXPECT_EQ(indexed("en", terms, "en")[1], "Aarhus");
}

TEST(AlphabeticalIndex, MixedCase) {
  const Terms terms = {"Banana", "APPLE", "banana", "apple", "Apple"};
  // Lower case first in English (ICU's default at the tertiary level) ...
  const Terms english = indexed("en", terms, "en");
  EXPECT_EQ(english, (Terms{"apple", "Apple", "APPLE", "banana", "Banana"}));
  EXPECT_EQ(english, icu_order("en", terms));
  // ... upper case first in Danish (CLDR: caseFirst upper).
  const Terms danish = indexed("da", terms, "da");
  EXPECT_EQ(danish, (Terms{"APPLE", "Apple", "apple", "Banana", "banana"}));
  EXPECT_EQ(danish, icu_order("da", terms));
}

TEST(AlphabeticalIndex, EqualTermsKeepReadingOrder) {
  const termgraph::LoadResult loaded = load(vocabulary_of("fr", {"cote", "côte", "cote", "cote"}));
  const Vocabulary& v = loaded.vocabulary;
  EXPECT_EQ(numbered(v, termgraph::alphabetical_index(v, "fr")),
            (Terms{"cote 1", "cote 3", "cote 4", "côte 2"}));
}

// -- lines and languages -----------------------------------------------------

const char* const multilingual = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en-gb">
  <entry number="3.1">
    <term>zip code</term>
    <term status="admitted">postcode</term>
    <term status="deprecated" type="abbreviation">PC</term>
    <definition>code that identifies a postal area</definition>
    <lang xml:lang="fr"><term>code postal</term><definition>code d'une zone postale</definition></lang>
    <lang xml:lang="de"><term>Postleitzahl</term><term type="abbreviation">PLZ</term><definition>Code eines Postbezirks</definition></lang>
  </entry>
  <entry number="3.2">
    <term>address</term>
    <definition>where a letter is delivered</definition>
    <lang xml:lang="FR"><term>adresse</term><definition>lieu de distribution</definition></lang>
    <lang xml:lang="en-US"><term>address</term><definition>where mail is delivered</definition></lang>
  </entry>
  <entry number="3.3">
    <term>étiquette</term>
    <definition>label stuck on a parcel</definition>
    <lang xml:lang="de"><term>Ärmelkanal</term><definition>Meeresarm</definition></lang>
  </entry>
</vocabulary>
)";

class Multilingual : public ::testing::Test {
protected:
  static const termgraph::LoadResult& loaded() {
    static const termgraph::LoadResult result = termgraph::load_string(multilingual);
    return result;
  }
  const Vocabulary& v() const { return loaded().vocabulary; }
  Terms index(std::string_view range) const {
    return numbered(v(), termgraph::alphabetical_index(v(), range));
  }
};

TEST_F(Multilingual, LanguagesAreCanonicalInOrderOfFirstAppearance) {
  ASSERT_EQ(v().size(), 3u);
  EXPECT_EQ(termgraph::languages(v()), (Terms{"en-GB", "fr", "de", "en-US"}));
}

TEST_F(Multilingual, EveryDesignationOfTheLanguageWithItsEntry) {
  const std::vector<IndexLine> lines = termgraph::alphabetical_index(v(), "de");
  EXPECT_EQ(numbered(v(), lines), (Terms{"Ärmelkanal 3.3", "PLZ 3.1", "Postleitzahl 3.1"}));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].entry, 0u);
  ASSERT_NE(lines[1].section, nullptr);
  EXPECT_EQ(lines[1].section->language, "de");
  ASSERT_NE(lines[1].designation, nullptr);
  EXPECT_EQ(lines[1].designation->kind, termgraph::TermKind::abbreviation);
  EXPECT_EQ(lines[1].designation->text, lines[1].term);
}

TEST_F(Multilingual, AdmittedAndDeprecatedTermsAreListed) {
  const std::vector<IndexLine> lines = termgraph::alphabetical_index(v(), "en-GB");
  EXPECT_EQ(numbered(v(), lines),
            (Terms{"address 3.2", "étiquette 3.3", "PC 3.1", "postcode 3.1", "zip code 3.1"}));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[2].designation->status, termgraph::Status::deprecated);
  EXPECT_EQ(lines[3].designation->status, termgraph::Status::admitted);
}

TEST_F(Multilingual, RangesMatchCanonicalTags) {
  // "FR" and "fr" are one tag; "en" is a range over en-GB and en-US.
  EXPECT_EQ(index("fr"), (Terms{"adresse 3.2", "code postal 3.1"}));
  EXPECT_EQ(index("FR"), index("fr"));
  EXPECT_EQ(index("en"), (Terms{"address 3.2", "address 3.2", "étiquette 3.3", "PC 3.1",
                                "postcode 3.1", "zip code 3.1"}));
  EXPECT_EQ(index("en-gb"), index("en-GB"));
  EXPECT_EQ(index("en-us"), (Terms{"address 3.2"}));
  // "eng" is not "en"; nothing is Swedish.
  EXPECT_TRUE(index("eng").empty());
  EXPECT_TRUE(index("sv").empty());
  EXPECT_TRUE(index("sv-SE").empty());
}

TEST_F(Multilingual, RangesWithoutAMatchAreShortened) {
  EXPECT_EQ(index("fr-FR"), index("fr"));
  EXPECT_EQ(index("de-AT-u-co-phonebk"), (Terms{"Ärmelkanal 3.3", "PLZ 3.1", "Postleitzahl 3.1"}));
  EXPECT_EQ(index("en-GB-oxendict"), index("en-GB"));
  // Shortened to "en": both English sections.
  EXPECT_EQ(index("en-AU"), index("en"));
}

TEST_F(Multilingual, EveryLanguageAtOnce) {
  EXPECT_EQ(index("*").size(), 11u);
  EXPECT_EQ(index(""), index("*"));
  EXPECT_EQ(index("*").front(), "address 3.2");
}

TEST_F(Multilingual, OneIndexPerLanguage) {
  const std::vector<termgraph::AlphabeticalIndex> indexes = termgraph::alphabetical_indexes(v());
  ASSERT_EQ(indexes.size(), 4u);
  EXPECT_EQ(indexes[0].language, "en-GB");
  EXPECT_EQ(numbered(v(), indexes[0].lines), index("en-GB"));
  EXPECT_EQ(indexes[1].language, "fr");
  EXPECT_EQ(numbered(v(), indexes[1].lines), index("fr"));
  EXPECT_EQ(indexes[2].language, "de");
  EXPECT_EQ(numbered(v(), indexes[2].lines), index("de"));
  // en-US alone: the "en" range would add the en-GB lines.
  EXPECT_EQ(indexes[3].language, "en-US");
  EXPECT_EQ(numbered(v(), indexes[3].lines), (Terms{"address 3.2"}));
}

TEST(AlphabeticalIndex, EmptyVocabulary) {
  const Vocabulary empty;
  EXPECT_TRUE(termgraph::alphabetical_index(empty, "en").empty());
  EXPECT_TRUE(termgraph::alphabetical_index(empty, "").empty());
  EXPECT_TRUE(termgraph::alphabetical_indexes(empty).empty());
  EXPECT_TRUE(termgraph::languages(empty).empty());
}

TEST(AlphabeticalIndex, ManyThreadsAtOnce) {
  // A vocabulary is read from many threads: each makes its index with its
  // own clone of the shared collator.
  Terms terms;
  for (int i = 0; i < 300; ++i) {
    terms.push_back(std::string(i % 2 ? "côte " : "cote ") + std::to_string((i * 37) % 300));
  }
  const termgraph::LoadResult loaded = load(vocabulary_of("fr-CA", terms));
  const Terms expected = terms_of(termgraph::alphabetical_index(loaded.vocabulary, "fr-CA"));
  ASSERT_EQ(expected, icu_order("fr-CA", terms));
  std::vector<Terms> got(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&loaded, &got, t] {
      for (int round = 0; round < 5; ++round) {
        got[t] = terms_of(termgraph::alphabetical_index(loaded.vocabulary, "fr-CA"));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Terms& g : got) EXPECT_EQ(g, expected);
}

}  // namespace
