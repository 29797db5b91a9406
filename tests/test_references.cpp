// White-box tests of the reference extractor (references.hpp) and of the
// inflection rules that decide whether a written term names a designation.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/inflection.hpp"
#include "text/reference_scan.hpp"

using termgraph::ExtractedReference;
using termgraph::MarkupLink;
using termgraph::names_designation;

namespace {

std::vector<ExtractedReference> extract(std::string_view text,
                                        const std::vector<MarkupLink>& links = {}) {
  std::vector<ExtractedReference> out;
  termgraph::extract_references(text, links, out);
  return out;
}

MarkupLink link(std::uint32_t begin, std::uint32_t end, std::string id, std::string number = {},
                bool external = false) {
  MarkupLink l;
  l.begin = begin;
  l.end = end;
  l.target_id = std::move(id);
  l.target_number = std::move(number);
  l.external = external;
  return l;
}

std::string_view whole(std::string_view text, const ExtractedReference& r) {
  return text.substr(r.begin, r.end - r.begin);
}
std::string_view term(std::string_view text, const ExtractedReference& r) {
  return text.substr(r.term_begin, r.term_end - r.term_begin);
}
std::string_view number(std::string_view text, const ExtractedReference& r) {
  return text.substr(r.number_begin, r.number_end - r.number_begin);
}

}  // namespace

// -- plain-text references ------------------------------------------------------

TEST(Extract, PlainNumberWithTermWindow) {
  //                      0         1         2
  //                      0123456789012345678901234567890
  const std::string text = "part of a DLT system (3.30) that";
  auto refs = extract(text);
  ASSERT_EQ(refs.size(), 1u);
  const ExtractedReference& r = refs[0];
  EXPECT_EQ(r.begin, 21u);
  EXPECT_EQ(r.end, 27u);
  EXPECT_EQ(whole(text, r), "(3.30)");
  EXPECT_EQ(r.number_begin, 22u);
  EXPECT_EQ(r.number_end, 26u);
  EXPECT_EQ(number(text, r), "3.30");
  // The window: every word back to the start of the block (fewer than six).
  EXPECT_EQ(r.term_begin, 0u);
  EXPECT_EQ(r.term_end, 20u);
  EXPECT_EQ(term(text, r), "part of a DLT system");
  EXPECT_FALSE(r.markup);
  EXPECT_FALSE(r.external);
  EXPECT_FALSE(r.grouped);
  EXPECT_TRUE(r.target_id.empty());
  EXPECT_TRUE(r.target_number.empty());
}

TEST(Extract, WindowHoldsAtMostSixWords) {
  const std::string text = "one two three four five six seven (3.2)";
  auto refs = extract(text);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].term_begin, 4u);
  EXPECT_EQ(refs[0].term_end, 33u);
  EXPECT_EQ(term(text, refs[0]), "two three four five six seven");
}

TEST(Extract, WindowStopsAtPunctuationAndSentenceEnd) {
  {
    const std::string text = "the hash, block header (3.4)";
    auto refs = extract(text);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].term_begin, 10u);
    EXPECT_EQ(term(text, refs[0]), "block header");
  }
  {
    const std::string text = "Done. Block (3.2)";
    auto refs = extract(text);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].term_begin, 6u);
    EXPECT_EQ(term(text, refs[0]), "Block");
  }
  {
    // e.g. ends in a full stop: the window starts after it.
    const std::string text = "see e.g. blocks (3.2)";
    auto refs = extract(text);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(term(text, refs[0]), "blocks");
  }
  {
    // Punctuation right before the parenthesis: no term at all.
    const std::string text = "block, (3.2)";
    auto refs = extract(text);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].term_begin, refs[0].term_end);
    EXPECT_EQ(refs[0].begin, 7u);
    EXPECT_EQ(number(text, refs[0]), "3.2");
  }
  {
    const std::string text = "(3.2) at the start";
    auto refs = extract(text);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].begin, 0u);
    EXPECT_EQ(refs[0].term_begin, refs[0].term_end);
  }
  {
    // The window does not reach back past an earlier reference.
    const std::string text = "blocks (3.2) and block headers (3.4)";
    auto refs = extract(text);
    ASSERT_EQ(refs.size(), 2u);
    EXPECT_EQ(term(text, refs[0]), "blocks");
    EXPECT_EQ(refs[1].term_begin, 13u);
    EXPECT_EQ(term(text, refs[1]), "and block headers");
    EXPECT_EQ(number(text, refs[1]), "3.4");
  }
}

TEST(Extract, QuotationMarksAroundTheTermAreLeftOut) {
  {
    const std::string text =
        "a \xE2\x80\x9C"
        "block\xE2\x80\x9D (3.2)";  // a “block” (3.2)
    auto refs = extract(text);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].term_begin, 5u);
    EXPECT_EQ(refs[0].term_end, 10u);
    EXPECT_EQ(term(text, refs[0]), "block");
  }
  {
    const std::string text = "the \"block header\" (3.4)";
    auto refs = extract(text);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(term(text, refs[0]), "block header");
  }
}

TEST(Extract, NoBreakSpaces) {
  // "a DLT<U+00A0>system<U+00A0>(3.30)": bytes 5-6 and 13-14 are U+00A0.
  const std::string text = "a DLT\xC2\xA0system\xC2\xA0(3.30)";
  auto refs = extract(text);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].begin, 15u);
  EXPECT_EQ(refs[0].end, 21u);
  EXPECT_EQ(refs[0].number_begin, 16u);
  EXPECT_EQ(refs[0].number_end, 20u);
  EXPECT_EQ(refs[0].term_begin, 0u);
  EXPECT_EQ(refs[0].term_end, 13u);
  EXPECT_EQ(term(text, refs[0]), "a DLT\xC2\xA0system");

  // U+202F NARROW NO-BREAK SPACE inside the parentheses.
  const std::string narrow =
      "block (\xE2\x80\xAF"
      "3.2\xE2\x80\xAF)";
  refs = extract(narrow);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].number_begin, 10u);
  EXPECT_EQ(refs[0].number_end, 13u);
  EXPECT_EQ(refs[0].end, 17u);
  EXPECT_EQ(term(narrow, refs[0]), "block");
}

TEST(Extract, ElectropediaNumbersWithNonBreakingHyphens) {
  const std::string text =
      "an operand (102-01-01) or an operation (102\xE2\x80\x91"
      "01\xE2\x80\x91"
      "02)";
  auto refs = extract(text);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(number(text, refs[0]), "102-01-01");
  EXPECT_EQ(refs[0].number_begin, 12u);
  EXPECT_EQ(refs[1].number_begin, 40u);
  EXPECT_EQ(refs[1].number_end, 53u);  // two 3-byte hyphens
  EXPECT_EQ(term(text, refs[1]), "or an operation");
}

TEST(Extract, SeveralNumbersInOneGroup) {
  //                       0         1         2         3
  //                       0123456789012345678901234567890123456
  const std::string text = "hashes of blocks (3.2, 3.4; 3.5).";
  auto refs = extract(text);
  ASSERT_EQ(refs.size(), 3u);
  // The first carries the term window and the whole group.
  EXPECT_EQ(refs[0].begin, 17u);
  EXPECT_EQ(refs[0].end, 32u);
  EXPECT_EQ(number(text, refs[0]), "3.2");
  EXPECT_EQ(term(text, refs[0]), "hashes of blocks");
  EXPECT_TRUE(refs[0].grouped);
  // The others: just their number.
  EXPECT_EQ(refs[1].begin, 23u);
  EXPECT_EQ(refs[1].end, 26u);
  EXPECT_EQ(number(text, refs[1]), "3.4");
  EXPECT_EQ(refs[1].term_begin, refs[1].term_end);
  EXPECT_TRUE(refs[1].grouped);
  EXPECT_EQ(refs[2].number_begin, 28u);
  EXPECT_EQ(refs[2].number_end, 31u);
  EXPECT_TRUE(refs[2].grouped);
}

TEST(Extract, ConjunctionsJoinNumbers) {
  const std::string text = "competence (3.1.6 and 3.9.14)";
  auto refs = extract(text);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].number_begin, 12u);
  EXPECT_EQ(refs[0].number_end, 17u);
  EXPECT_EQ(refs[1].number_begin, 22u);
  EXPECT_EQ(refs[1].number_end, 28u);
  EXPECT_EQ(number(text, refs[1]), "3.9.14");
  EXPECT_TRUE(refs[0].grouped && refs[1].grouped);

  for (std::string t :
       {"x (3.2 or 3.4)", "x (3.2, and 3.4)", "x (3.2 et 3.4)", "x (3.2 \xD0\xB8 3.4)"}) {
    refs = extract(t);
    ASSERT_EQ(refs.size(), 2u) << t;
    EXPECT_EQ(number(t, refs[0]), "3.2") << t;
    EXPECT_EQ(number(t, refs[1]), "3.4") << t;
  }
}

TEST(Extract, NotReferences) {
  for (std::string t : {"as said (see above)",
                        "published (2019)",
                        "a bare integer (4)",
                        "trailing dot (3.)",
                        "leading dot (.3)",
                        "double dot (3..4)",
                        "letter (3.a)",
                        "suffix (3.2a)",
                        "a range (0.52 to 1.13)",
                        "a fraction (0.5)",
                        "with words (e.g. 3.2)",
                        "adjacent numbers (3.2 3.4)",
                        "dangling comma (3.2,)",
                        "leading conjunction (and 3.2)",
                        "two conjunctions (3.2 and or 3.4)",
                        "no digits (ISO)",
                        "not closed (3.2",
                        "see clause (see 4.2)",
                        "unit (i = L)",
                        "formula (j = p)",
                        "nothing ()",
                        "an en dash (3\xE2\x80\x93"
                        "5)"}) {
    EXPECT_TRUE(extract(t).empty()) << t;
  }
}

TEST(Extract, GroupGluedToAWordIsNotACitation) {
  EXPECT_TRUE(extract("f(3.2) is a function").empty());
  // A source from the ISO 10241-1 examples: an edition, not entry 1.0.
  EXPECT_TRUE(extract("ISBN 0-226-11433-3(1989)<43>(1.0)").empty());
  // After an opening bracket or a dash the group still counts.
  const std::string text = "[(3.2)] and \xE2\x80\x94(3.4)";
  auto refs = extract(text);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].begin, 1u);
  EXPECT_EQ(number(text, refs[1]), "3.4");
  EXPECT_EQ(refs[1].term_begin, refs[1].term_end);
}

TEST(Extract, UnbalancedParentheses) {
  const std::string text = "a (b (3.2) c ((( d (3.4";
  auto refs = extract(text);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].begin, 5u);
  EXPECT_EQ(refs[0].end, 10u);
  EXPECT_EQ(term(text, refs[0]), "b");
}

// -- external citations -----------------------------------------------------

TEST(Extract, ExternalCitations) {
  //                       0         1         2         3         4
  //                       01234567890123456789012345678901234567890123
  const std::string text = "data bank (ISO 1087-2:2000, 6.7) containing";
  auto refs = extract(text);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_TRUE(refs[0].external);
  EXPECT_FALSE(refs[0].markup);
  EXPECT_EQ(refs[0].begin, 10u);
  EXPECT_EQ(refs[0].end, 32u);
  EXPECT_EQ(refs[0].number_begin, 28u);
  EXPECT_EQ(refs[0].number_end, 31u);
  EXPECT_EQ(number(text, refs[0]), "6.7");

  struct Case {
    std::string text;
    std::string clause;
  };
  for (const Case& c :
       {Case{"(ISO/IEC 2382:2015, 2121331)", "2121331"}, Case{"(1087-2:2000, 6.7)", "6.7"},
        Case{"(IEC 60050-102:2007, 102-01-01)", "102-01-01"}, Case{"(ITU-T X.509, 3.5.4)", "3.5.4"},
        Case{"(RFC 3986)", ""}, Case{"(ISO 9000:2015, 3.5.3, modified)", "3.5.3"}}) {
    refs = extract(c.text);
    ASSERT_EQ(refs.size(), 1u) << c.text;
    EXPECT_TRUE(refs[0].external) << c.text;
    EXPECT_EQ(number(c.text, refs[0]), c.clause) << c.text;
    EXPECT_EQ(refs[0].begin, 0u);
    EXPECT_EQ(refs[0].end, c.text.size());
  }
  // Not a publisher, no dated number: not a citation.
  EXPECT_TRUE(extract("(see ISO 10002:2004, Annex A)").empty());
  EXPECT_TRUE(extract("(Second Edition)").empty());
}

// -- markup links ---------------------------------------------------------------

TEST(Extract, LinkWithNumberInside) {
  //                       0         1         2
  //                       012345678901234567890123456
  const std::string text = "a subset of domain (3.1.2) and";
  auto refs = extract(text, {link(12, 26, "term_3.1.2")});
  ASSERT_EQ(refs.size(), 1u);
  const ExtractedReference& r = refs[0];
  EXPECT_TRUE(r.markup);
  EXPECT_EQ(r.target_id, "term_3.1.2");
  EXPECT_EQ(r.begin, 12u);
  EXPECT_EQ(r.end, 26u);
  EXPECT_EQ(r.term_begin, 12u);
  EXPECT_EQ(r.term_end, 18u);
  EXPECT_EQ(term(text, r), "domain");
  EXPECT_EQ(r.number_begin, 20u);
  EXPECT_EQ(r.number_end, 25u);
  EXPECT_FALSE(r.grouped);
}

TEST(Extract, NumberRightAfterLinkBelongsToIt) {
  //                       0         1         2         3
  //                       0123456789012345678901234567890123
  const std::string text = "cites the block header (3.4) too";
  auto refs = extract(text, {link(10, 22, "", "3.4")});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_TRUE(refs[0].markup);
  EXPECT_EQ(refs[0].target_number, "3.4");
  EXPECT_EQ(refs[0].begin, 10u);
  EXPECT_EQ(refs[0].end, 28u);
  EXPECT_EQ(term(text, refs[0]), "block header");
  EXPECT_EQ(refs[0].number_begin, 24u);
  EXPECT_EQ(refs[0].number_end, 27u);
  EXPECT_EQ(whole(text, refs[0]), "block header (3.4)");

  // After a no-break space too.
  const std::string nbsp = "x block\xC2\xA0(3.2)";
  refs = extract(nbsp, {link(2, 7, "blk")});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(number(nbsp, refs[0]), "3.2");
  EXPECT_EQ(refs[0].end, nbsp.size());
}

TEST(Extract, LinkWithoutNumberKeepsTargetNumber) {
  const std::string text = "linked by a block header to";
  auto refs = extract(text, {link(12, 24, "", "3.4")});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].target_number, "3.4");
  EXPECT_EQ(refs[0].number_begin, refs[0].number_end);
  EXPECT_EQ(term(text, refs[0]), "block header");
  EXPECT_EQ(refs[0].begin, 12u);
  EXPECT_EQ(refs[0].end, 24u);
}

TEST(Extract, EmptyGroupAfterLinkIsConsumed) {
  // STS: <tbx:entailedTerm target="term_3.7">time ()</tbx:entailedTerm>
  //                       0         1
  //                       0123456789012345
  const std::string text = "at time () of day";
  auto refs = extract(text, {link(3, 10, "term_3.7")});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].begin, 3u);
  EXPECT_EQ(refs[0].end, 10u);
  EXPECT_EQ(term(text, refs[0]), "time");
  EXPECT_EQ(refs[0].number_begin, refs[0].number_end);
  EXPECT_EQ(refs[0].target_id, "term_3.7");

  // The group may also follow the link.
  refs = extract(text, {link(3, 7, "term_3.7")});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].end, 10u);
  EXPECT_EQ(term(text, refs[0]), "time");
}

TEST(Extract, NumberSplitOverTheMarkupBoundary) {
  // <entailedTerm>fire effluent (4.105</entailedTerm>) and usually
  //                       0         1         2         3
  //                       01234567890123456789012345678901234567
  const std::string text = "heat and fire effluent (4.105) and usually";
  auto refs = extract(text, {link(9, 29, "")});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_TRUE(refs[0].markup);
  EXPECT_EQ(refs[0].begin, 9u);
  EXPECT_EQ(refs[0].end, 30u);
  EXPECT_EQ(term(text, refs[0]), "fire effluent");
  EXPECT_EQ(refs[0].number_begin, 24u);
  EXPECT_EQ(refs[0].number_end, 29u);
  EXPECT_EQ(number(text, refs[0]), "4.105");
}

TEST(Extract, LinkMayCarryABareInteger) {
  // <entailedTerm>basic insulation (4)</entailedTerm>: entry 4 of a flat list.
  //                       0         1         2
  //                       01234567890123456789012345
  const std::string text = "of the basic insulation (4).";
  auto refs = extract(text, {link(7, 27, "")});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(term(text, refs[0]), "basic insulation");
  EXPECT_EQ(refs[0].number_begin, 25u);
  EXPECT_EQ(refs[0].number_end, 26u);
  EXPECT_EQ(refs[0].end, 27u);
  // A year is not an entry number, even in a link.
  const std::string year = "see ISO 9000 (2015) for more";
  refs = extract(year, {link(4, 19, "")});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(term(year, refs[0]), "ISO 9000 (2015)");
  EXPECT_EQ(refs[0].number_begin, refs[0].number_end);
  // Outside links a bare integer stays plain text.
  EXPECT_TRUE(extract("the basic insulation (4).").empty());
}

TEST(Extract, LinkWithSeveralNumbers) {
  //                       0         1         2         3
  //                       0123456789012345678901234567890123456
  const std::string text = "and competence (3.1.6 and 3.9.14) to";
  auto refs = extract(text, {link(4, 33, "iso_term_3.1.6")});
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_TRUE(refs[0].markup);
  EXPECT_EQ(refs[0].target_id, "iso_term_3.1.6");
  EXPECT_EQ(refs[0].begin, 4u);
  EXPECT_EQ(refs[0].end, 33u);
  EXPECT_EQ(term(text, refs[0]), "competence");
  EXPECT_EQ(number(text, refs[0]), "3.1.6");
  EXPECT_TRUE(refs[0].grouped);
  // The second number: no link target of its own.
  EXPECT_FALSE(refs[1].markup);
  EXPECT_TRUE(refs[1].target_id.empty());
  EXPECT_EQ(refs[1].begin, 26u);
  EXPECT_EQ(refs[1].end, 32u);
  EXPECT_EQ(number(text, refs[1]), "3.9.14");
  EXPECT_TRUE(refs[1].grouped);
}

TEST(Extract, LinkWithExternalCitation) {
  // <entailedTerm target="databank">data bank (ISO 1087-2:2000, 6.7)</...>
  const std::string text = "data bank (ISO 1087-2:2000, 6.7) containing";
  auto refs = extract(text, {link(0, 32, "databank")});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_TRUE(refs[0].markup);
  EXPECT_TRUE(refs[0].external);
  EXPECT_EQ(term(text, refs[0]), "data bank");
  EXPECT_EQ(number(text, refs[0]), "6.7");
  EXPECT_EQ(refs[0].end, 32u);
}

TEST(Extract, LinkIntoAnotherDocument) {
  const std::string text = "containing terminological data";
  auto refs = extract(text, {link(11, 30, "", "", true)});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_TRUE(refs[0].markup);
  EXPECT_TRUE(refs[0].external);
  EXPECT_EQ(term(text, refs[0]), "terminological data");
}

TEST(Extract, LinkEndingInOtherParenthesesKeepsThem) {
  // A parenthesis that is not a number is part of the term.
  const std::string text = "the ohm (unit) (3.7)";
  auto refs = extract(text, {link(4, 14, "")});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(term(text, refs[0]), "ohm (unit)");
  EXPECT_EQ(number(text, refs[0]), "3.7");
  EXPECT_EQ(refs[0].end, 20u);
}

TEST(Extract, LinksAndPlainReferencesInTextOrder) {
  //                       0         1         2         3         4         5
  //                       0123456789012345678901234567890123456789012345678901234
  const std::string text = "a block (3.2) whose block header (3.4) holds a hash (3.39)";
  auto refs = extract(text, {link(20, 32, "term_3.4")});
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_FALSE(refs[0].markup);
  EXPECT_EQ(number(text, refs[0]), "3.2");
  EXPECT_EQ(term(text, refs[0]), "a block");
  EXPECT_TRUE(refs[1].markup);
  EXPECT_EQ(refs[1].begin, 20u);
  EXPECT_EQ(refs[1].end, 38u);
  EXPECT_EQ(number(text, refs[1]), "3.4");
  EXPECT_FALSE(refs[2].markup);
  EXPECT_EQ(number(text, refs[2]), "3.39");
  // The plain window does not reach into the link's text.
  EXPECT_EQ(term(text, refs[2]), "holds a hash");
  EXPECT_EQ(refs[2].term_begin, 39u);
}

TEST(Extract, EmptyAndOutOfRangeLinks) {
  const std::string text = "see (3.2)";
  // An empty link just before a group takes it.
  auto refs = extract(text, {link(4, 4, "x")});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_TRUE(refs[0].markup);
  EXPECT_EQ(number(text, refs[0]), "3.2");
  EXPECT_EQ(refs[0].term_begin, refs[0].term_end);
  // A link past the end of the text is clamped, not read out of bounds.
  refs = extract(text, {link(50, 60, "y")});
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(number(text, refs[0]), "3.2");
  EXPECT_EQ(refs[1].begin, text.size());
}

TEST(Extract, NestedLinksComeOutInTextOrder) {
  //                       0         1         2
  //                       0123456789012345678901
  const std::string text = "outer inner (3.2) text";
  // The outer link is listed after the inner one.
  auto refs = extract(text, {link(6, 11, "inner"), link(0, 17, "outer")});
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].target_id, "outer");
  EXPECT_EQ(refs[0].begin, 0u);
  EXPECT_EQ(refs[0].end, 17u);
  EXPECT_EQ(term(text, refs[0]), "outer inner");
  EXPECT_EQ(refs[1].target_id, "inner");
  EXPECT_EQ(refs[1].begin, 6u);
  EXPECT_EQ(term(text, refs[1]), "inner");
  EXPECT_EQ(number(text, refs[1]), "3.2");
}

TEST(Extract, AppendsToExistingOutput) {
  std::vector<ExtractedReference> out(2);
  termgraph::extract_references("x (3.2)", {}, out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[2].number_begin, 3u);
}

TEST(Extract, LinearOnHostileInput) {
  // Quadratic scanning would take minutes on these.
  std::string opens(400'000, '(');
  opens += "3.2)";
  auto refs = extract(opens);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].number_begin, 400'000u);

  std::string words;
  for (int i = 0; i < 100'000; ++i) words += "word ";
  words += "(3.2)";
  refs = extract(words);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(term(words, refs[0]), "word word word word word word");

  std::string many;
  for (int i = 0; i < 100'000; ++i) many += "block (3.2) ";
  refs = extract(many);
  ASSERT_EQ(refs.size(), 100'000u);
  EXPECT_EQ(term(many, refs[99'999]), "block");
}

// -- inflection -------------------------------------------------------------------

TEST(NamesDesignation, EqualAndInflectedLastWord) {
  struct Case {
    const char* written;
    const char* designation;
  };
  for (const Case& c : {Case{"block", "block"},
                        Case{"blocks", "block"},
                        Case{"dlt nodes", "dlt node"},
                        Case{"ledger records", "ledger record"},
                        Case{"hashes", "hash"},
                        Case{"entities", "entity"},
                        Case{"leaves", "leaf"},
                        Case{"knives", "knife"},
                        Case{"analyses", "analysis"},
                        Case{"node's", "node"},
                        Case{"node\xE2\x80\x99s", "node"},
                        Case{"nodes'", "node"},
                        Case{"encrypted", "encrypt"},
                        Case{"hashing", "hash"},
                        Case{"encoded", "encode"},
                        Case{"encoding", "encode"},
                        Case{"verified", "verify"},
                        Case{"committed", "commit"},
                        Case{"criteria", "criterion"},
                        Case{"data", "datum"},
                        Case{"indices", "index"},
                        Case{"phenomena", "phenomenon"},
                        Case{"blocs", "bloc"},
                        Case{"operandes", "operande"},
                        Case{"reseaux", "reseau"},
                        Case{"signaux", "signal"},
                        Case{"operations booleennes", "operation booleenne"}}) {
    EXPECT_TRUE(names_designation(c.written, c.designation)) << c.written << " / " << c.designation;
  }
}

TEST(NamesDesignation, Rejections) {
  struct Case {
    const char* written;
    const char* designation;
  };
  for (const Case& c :
       {Case{"blok", "block"}, Case{"blocker", "block"}, Case{"block", "blocks"},
        Case{"date", "data"}, Case{"block header", "block"}, Case{"block", "block header"},
        Case{"header block", "block header"}, Case{"ids", "id"},  // base shorter than three
        Case{"axs", "ax"},                                        // base shorter than three
        Case{"blockx", "block"},                                  // -x only after -au/-eu/-ou
        Case{"blocking header", "block header"}, Case{"", "block"}, Case{"block", ""}}) {
    EXPECT_FALSE(names_designation(c.written, c.designation))
        << c.written << " / " << c.designation;
  }
}
