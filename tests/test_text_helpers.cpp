// The text helpers every stage shares: entry numbers (text/numbers.hpp) and
// language tags (text/language.hpp).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "format/ids.hpp"
#include "text/language.hpp"
#include "text/numbers.hpp"

namespace {

using termgraph::is_entry_number;
using termgraph::normalize_number;
using termgraph::ids::number_in_id;
namespace language = termgraph::language;

/// An input and what is expected of it (a result, or a second input).
struct Case {
  const char* a;
  const char* b;
};

/// normalize_number() as a value: the normalised text, or "<not a number>".
std::string normalized(std::string_view text) {
  std::string out;
  return normalize_number(text, out) ? out : std::string("<not a number>");
}

// -- entry numbers ----------------------------------------------------------

TEST(Numbers, Normalize) {
  const Case cases[] = {
      // Numbers as written.
      {"3.30", "3.30"},
      {"3.1.2.16", "3.1.2.16"},
      {"102-01-01", "102-01-01"},
      {"7", "7"},
      // U+2011 NON-BREAKING HYPHEN and U+2010 HYPHEN, as IEC 60050 writes
      // them, become '-'.
      {"102\u201101\u201101", "102-01-01"},
      {"102\u201001\u201001", "102-01-01"},
      {"102\u2011"
       "01-01",
       "102-01-01"},
      // White space around the number is trimmed, U+00A0 NO-BREAK SPACE and
      // U+202F NARROW NO-BREAK SPACE too.
      {"  3.30\t\n", "3.30"},
      {"\u00A03.30\u00A0", "3.30"},
      {"\u202F\u00A0 3.30 \u202F", "3.30"},
      // Not numbers.
      {"", "<not a number>"},
      {"   ", "<not a number>"},
      {"\u00A0", "<not a number>"},
      {"block", "<not a number>"},
      {"3.x", "<not a number>"},
      {".3", "<not a number>"},
      {"3.", "<not a number>"},
      {"3..1", "<not a number>"},
      {"3--1", "<not a number>"},
      {"3.3 0", "<not a number>"},
      {"3.\u00A030", "<not a number>"},  // space inside is not trimmed away
  };
  for (const Case& c : cases) EXPECT_EQ(normalized(c.a), c.b) << c.a;
}

TEST(Numbers, IsEntryNumberAgreesWithNormalize) {
  EXPECT_TRUE(is_entry_number("3.30"));
  EXPECT_TRUE(is_entry_number(" 102\u201101\u201101 "));
  EXPECT_FALSE(is_entry_number(""));
  EXPECT_FALSE(is_entry_number("term_3.30"));
  EXPECT_FALSE(is_entry_number("3."));
}

TEST(Numbers, NumberInId) {
  const Case cases[] = {
      {"term_3.7", "3.7"},
      {"sec_3.7", "3.7"},
      // The suffix writers add to keep the ids of a repeated number apart.
      {"term_3.7--2", "3.7"},
      {"sec_3.7--12", "3.7"},
      // At the end of a longer id, after '_', '-' or '.'.
      {"iso_704_term_3.7", "3.7"},
      {"iso-704-term_3.7", "3.7"},
      {"iso.704.sec_3.7", "3.7"},
      {"iso_704_term_3.7--3", "3.7"},
      {"term_102-01-01", "102-01-01"},
      // Ids without a number.
      {"", ""},
      {"62_3160", ""},
      {"term_", ""},
      {"term_block", ""},
      {"longterm_3.7", ""},  // "term_" must start a part of the id
      // "--" and other than digits is not the writers' suffix.
      {"term_3.7--a", ""},
      {"term_3.7--", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(number_in_id(c.a), c.b) << c.a;
}

// -- language tags ----------------------------------------------------------

TEST(Language, CanonicalForms) {
  const Case cases[] = {
      {"en", "en"},
      {"EN", "en"},
      {"en-gb", "en-GB"},
      {"EN-GB", "en-GB"},
      {"en_GB", "en-GB"},
      {" en-GB ", "en-GB"},
      {"zh-hant-tw", "zh-Hant-TW"},
      {"sr-latn", "sr-Latn"},
      {"iw", "he"},  // a deprecated code becomes its replacement
      {"", ""},
      // ICU alone would write "eng" as "en"; BCP 47 does not.
      {"eng", "eng"},
      {"ENG", "eng"},
      {"eng-gb", "eng-GB"},
      {"fra", "fra"},
      // Languages that only have a three-letter code.
      {"ast", "ast"},
      {"LUT", "lut"},
      // A grandfathered tag ICU replaces by a three-letter code.
      {"art-lojban", "jbo"},
      // Tags ICU cannot parse: lowered, '_' as '-'.
      {"Not A Tag", "not a tag"},
      {"EN_x_", "en-x-"},
  };
  for (const Case& c : cases) EXPECT_EQ(language::canonical(c.a), c.b) << c.a;
}

TEST(Language, Same) {
  const Case same[] = {{"en-GB", "en-gb"}, {"EN", "en"}, {"en_GB", "en-GB"}, {"iw", "he"}};
  for (const Case& c : same) EXPECT_TRUE(language::same(c.a, c.b)) << c.a << " " << c.b;
  const Case other[] = {{"en", "en-GB"}, {"en", "eng"}, {"fr", "fr-CA"}};
  for (const Case& c : other) EXPECT_FALSE(language::same(c.a, c.b)) << c.a << " " << c.b;
}

TEST(Language, RangeMatchesTagAndItsSubtags) {
  const Case cases[] = {
      {"en", "en"},
      {"en", "en-GB"},
      {"en", "en-gb"},
      {"EN", "en-GB"},
      {"en", "en_GB"},
      {"en-gb", "en-GB"},
      {"en-GB", "en-gb"},
      {"zh", "zh-Hant-TW"},
      {"zh-hant", "zh-Hant-TW"},
      {"he", "iw"},
      // An empty range and "*" match every tag.
      {"", "en"},
      {"", ""},
      {"*", "fr-CA"},
  };
  for (const Case& c : cases) EXPECT_TRUE(language::matches(c.a, c.b)) << c.a << " " << c.b;
}

TEST(Language, RangeNeverMatchesAnotherLanguage) {
  const Case cases[] = {
      {"en", "eng"},
      {"eng", "en"},
      {"eng", "en-GB"},
      {"en", "fr"},
      {"e", "en"},
      // A longer range does not match a shorter tag.
      {"en-GB", "en"},
      {"en-GB", "en-US"},
      {"zh-Hant", "zh-Hans-CN"},
      {"en", ""},
  };
  for (const Case& c : cases) EXPECT_FALSE(language::matches(c.a, c.b)) << c.a << " " << c.b;
}

}  // namespace
