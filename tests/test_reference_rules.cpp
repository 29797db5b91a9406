// The reference rules on every format where their construct exists (native,
// STS, TBX): label-mismatch in the citing language and through elliptical
// coordination, deprecated-term-cited, reference-number-mismatch,
// unnumbered-reference (and how it shares the work with dangling-reference),
// unreferenced-entry. Each finding is checked by rule, line, column, entries
// and message; each rule also on input where it must stay silent.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "test_support.hpp"

using namespace termgraph;

namespace {

using termgraph::test::all_messages;
using termgraph::test::entry_numbers;
using termgraph::test::with_rule;

/// Joins lines with '\n', so that line N of the document is lines[N - 1].
std::string doc(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) {
    out += l;
    out += '\n';
  }
  return out;
}

/// The 1-based column (in code points) of the `nth` (1-based) occurrence of
/// `needle` in `line`; 0 when there is none.
unsigned column(std::string_view line, std::string_view needle, int nth = 1) {
  std::size_t at = std::string_view::npos;
  std::size_t from = 0;
  for (int k = 0; k < nth; ++k) {
    at = line.find(needle, from);
    if (at == std::string_view::npos) return 0;
    from = at + 1;
  }
  unsigned col = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

const std::string native_header =
    R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">)";

/// A terms clause (STS) of the given lines; line 1 opens it, so the first of
/// `lines` is line 2.
std::string sts(const std::vector<std::string>& lines) {
  std::vector<std::string> all{
      R"(<standard xmlns:tbx="urn:iso:std:iso:30042:ed-1"><body><sec sec-type="terms">)"};
  all.insert(all.end(), lines.begin(), lines.end());
  all.emplace_back("</sec></body></standard>");
  return doc(all);
}

/// A TBX v3 (TBX-Basic, DCA) document of the given lines; the first of
/// `lines` is line 3.
std::string tbx(const std::vector<std::string>& lines) {
  std::vector<std::string> all{
      R"(<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">)",
      "<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>"
      "<text><body>"};
  all.insert(all.end(), lines.begin(), lines.end());
  all.emplace_back("</body></text></tbx>");
  return doc(all);
}

/// Expects `d` at line `line` (1-based, of `lines` where lines[0] is line
/// `first`) and the column of `needle` (its `nth` occurrence) there.
void expect_at(const Diagnostic& d, const std::vector<std::string>& lines, unsigned first,
               unsigned line, std::string_view needle, int nth = 1) {
  EXPECT_EQ(d.range.line, line) << d.message;
  ASSERT_GE(line, first);
  ASSERT_LT(line - first, lines.size());
  const unsigned col = column(lines[line - first], needle, nth);
  ASSERT_NE(col, 0u) << "no '" << needle << "' on line " << line;
  EXPECT_EQ(d.range.column, col) << d.message;
}

const Entry& entry(const LoadResult& r, std::string_view number) {
  const Entry* e = r.vocabulary.find_number(number);
  if (!e) {
    ADD_FAILURE() << "no entry " << number;
    static const Entry none;
    return none;
  }
  return *e;
}

Span<Reference> refs_of(const LoadResult& r, std::string_view number, std::string_view language,
                        BlockKind kind = BlockKind::definition, std::size_t index = 0) {
  const LanguageSection* s = entry(r, number).section(language);
  if (!s) {
    ADD_FAILURE() << "no section " << language << " in " << number;
    return {};
  }
  if (kind == BlockKind::definition) {
    if (!s->definition) return {};
    return s->definition->references;
  }
  if (index >= s->notes.size()) {
    ADD_FAILURE() << "no note " << index << " in " << number;
    return {};
  }
  return s->notes[index].references;
}

LoadOptions with_rule_on(RuleId rule) {
  LoadOptions options;
  options.analysis.diagnostics.turn_on(rule);
  return options;
}

}  // namespace

// -- label-mismatch: the citing language ------------------------------------

const std::vector<std::string> languages_native = {
    native_header,                                                                            // 1
    R"(<entry number="3.3"><term>block data</term>)",                                         // 2
    R"(<definition>content of a block</definition></entry>)",                                 // 3
    R"(<entry number="3.4"><term>block</term>)",                                              // 4
    R"(<definition>unit holding block data (3.3)</definition>)",                              // 5
    R"(<lang xml:lang="fr"><term>bloc</term>)",                                               // 6
    R"(<definition>unité contenant des données de bloc (3.3)</definition></lang>)",           // 7
    R"(<lang xml:lang="en-GB"><term>block</term><definition>unit of block data (3.3))"        // 8
    R"(</definition></lang></entry>)",                                                        //
    R"(<entry number="3.5"><term>chain</term><definition>row of blocks (3.4)</definition>)",  // 9
    R"(<lang xml:lang="fr"><term>chaîne</term>)",                                             // 10
    R"(<definition>suite de blocs (3.4) et de maillons (3.4)</definition>)",                  // 11
    R"(<note>une chaîne de blocks (3.4)</note></lang>)",                                      // 12
    R"(<lang xml:lang="en-GB"><term>chain</term>)",                                           // 13
    R"(<definition>row of bricks (3.4)</definition></lang></entry>)",                         // 14
    "</vocabulary>",                                                                          // 15
};

TEST(LabelMismatch, ComparesWithTheCitingLanguageOnly) {
  LoadResult r = load_string(doc(languages_native), "languages.xml");
  auto found = with_rule(r, "label-mismatch");
  ASSERT_EQ(found.size(), 3u) << all_messages(r);

  // Line 7: 3.3 has no French section: "données de bloc" is not compared
  // with the English "block data". Line 11: "blocs" names the French term.
  // "maillons" names nothing in French.
  EXPECT_EQ(found[0]->message, "'maillons' does not name entry 3.4 (preferred term 'bloc')");
  expect_at(*found[0], languages_native, 1, 11, "3.4", 2);
  EXPECT_EQ(entry_numbers(r, *found[0]), std::vector<std::string>{"3.5"});
  ASSERT_EQ(found[0]->related.size(), 1u);
  EXPECT_EQ(found[0]->related[0].range.line, 6u);

  // Line 12: the English term in French text is not the French term.
  EXPECT_EQ(found[1]->message, "'blocks' does not name entry 3.4 (preferred term 'bloc')");
  expect_at(*found[1], languages_native, 1, 12, "3.4");

  // Line 14: en-GB text is compared with the en-GB section of 3.4.
  EXPECT_EQ(found[2]->message, "'bricks' does not name entry 3.4 (preferred term 'block')");
  expect_at(*found[2], languages_native, 1, 14, "3.4");
  EXPECT_EQ(found[2]->related[0].range.line, 8u);

  // What is not reported still resolves.
  Span<Reference> refs = refs_of(r, "3.4", "fr");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].target, entry(r, "3.3").id);
}

TEST(LabelMismatch, PrimarySubtagWhenTheExactTagIsMissing) {
  // 3.1 has an "en" section only; "en-GB" text is compared with it.
  const std::vector<std::string> lines = {
      native_header,                                                                     // 1
      R"(<entry number="3.1"><term>block</term><definition>unit</definition></entry>)",  // 2
      R"(<entry number="3.2"><lang xml:lang="en-GB"><term>chain</term>)",                // 3
      R"(<definition>row of blocks (3.1) or bricks (3.1)</definition></lang></entry>)",  // 4
      "</vocabulary>",
  };
  LoadResult r = load_string(doc(lines), "subtag.xml");
  auto found = with_rule(r, "label-mismatch");
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_EQ(found[0]->message, "'bricks' does not name entry 3.1 (preferred term 'block')");
  expect_at(*found[0], lines, 1, 4, "3.1", 2);
}

TEST(LabelMismatch, StsTargetWithoutASectionInTheCitingLanguage) {
  // The issue's case: an STS clause in English and French whose French
  // definition cites "données de bloc (3.3)" where 3.3 has no French section.
  const std::vector<std::string> lines = {
      R"(<term-sec><label>3.3</label><tbx:termEntry id="term_3.3">)",  // 2
      R"(<tbx:langSet xml:lang="en"><tbx:definition>content of a block</tbx:definition>)",
      R"(<tbx:tig><tbx:term>block data</tbx:term></tbx:tig></tbx:langSet>)",
      R"(</tbx:termEntry></term-sec>)",
      R"(<term-sec><label>3.4</label><tbx:termEntry id="term_3.4">)",  // 6
      R"(<tbx:langSet xml:lang="en"><tbx:definition>unit holding )"
      R"(<tbx:entailedTerm target="term_3.3">block data (3.3)</tbx:entailedTerm>)"
      R"(</tbx:definition><tbx:tig><tbx:term>block</tbx:term></tbx:tig></tbx:langSet>)",  // 7
      R"(<tbx:langSet xml:lang="fr"><tbx:definition>unité contenant des )"
      R"(<tbx:entailedTerm target="term_3.3">données de bloc (3.3)</tbx:entailedTerm>)"
      R"(</tbx:definition><tbx:tig><tbx:term>bloc</tbx:term></tbx:tig></tbx:langSet>)",  // 8
      R"(</tbx:termEntry></term-sec>)",
      R"(<term-sec><label>3.5</label><tbx:termEntry id="term_3.5">)",  // 10
      R"(<tbx:langSet xml:lang="fr"><tbx:definition>suite de )"
      R"(<tbx:entailedTerm target="term_3.4">maillons (3.4)</tbx:entailedTerm>)"
      R"(</tbx:definition><tbx:tig><tbx:term>chaîne</tbx:term></tbx:tig></tbx:langSet>)",  // 11
      R"(</tbx:termEntry></term-sec>)",
  };
  LoadResult r = load_string(sts(lines), "clause.xml");
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty()) << all_messages(r);
  auto found = with_rule(r, "label-mismatch");
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_EQ(found[0]->message, "'maillons' does not name entry 3.4 (preferred term 'bloc')");
  expect_at(*found[0], lines, 2, 11, "3.4)");
  EXPECT_EQ(entry_numbers(r, *found[0]), std::vector<std::string>{"3.5"});
}

TEST(LabelMismatch, TbxCrossReferenceInTheCitingLanguage) {
  const std::vector<std::string> lines = {
      R"(<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>ledger</term>)"  // 3
      R"(</termSec></langSec></conceptEntry>)",
      R"(<conceptEntry id="c2"><langSec xml:lang="en"><descrip type="definition">copy of a )"
      R"(<ref type="crossReference" target="c1">ledger</ref></descrip>)"  // 4
      R"(<termSec><term>replica</term></termSec></langSec>)",
      R"(<langSec xml:lang="fr"><descrip type="definition">copie d'un )"
      R"(<ref type="crossReference" target="c1">registre</ref></descrip>)"  // 5
      R"(<termSec><term>réplique</term></termSec></langSec>)",
      R"(<langSec xml:lang="de"><descrip type="definition">Kopie eines )"
      R"(<ref type="crossReference" target="c2">Buches</ref></descrip>)"  // 6
      R"(<termSec><term>Replik</term></termSec></langSec></conceptEntry>)",
      R"(<conceptEntry id="c3"><langSec xml:lang="en"><descrip type="definition">copy of a )"
      R"(<ref type="crossReference" target="c2">mirror</ref></descrip>)"  // 7
      R"(<termSec><term>backup</term></termSec></langSec></conceptEntry>)",
  };
  LoadResult r = load_string(tbx(lines), "base.tbx");
  // Line 5: c1 has no French section; line 6: c2 has a German one, and
  // "Buches" is not its term.
  auto found = with_rule(r, "label-mismatch");
  ASSERT_EQ(found.size(), 2u) << all_messages(r);
  EXPECT_EQ(found[0]->message, "'Buches' does not name entry c2 (preferred term 'Replik')");
  expect_at(*found[0], lines, 3, 6, "Buches");
  EXPECT_EQ(found[1]->message, "'mirror' does not name entry c2 (preferred term 'replica')");
  expect_at(*found[1], lines, 3, 7, "mirror");
  EXPECT_EQ(entry_numbers(r, *found[1]), std::vector<std::string>{"c3"});
}

// -- label-mismatch: elliptical coordination ------------------------------------

const std::vector<std::string> ellipsis_native = {
    native_header,                                                                        // 1
    R"(<entry number="3.1.3.1"><term>date and time expression</term></entry>)",           // 2
    R"(<entry number="3.1.3.2"><term>date and time representation</term></entry>)",       // 3
    R"(<entry number="3.2.1"><term>public key</term></entry>)",                           // 4
    R"(<entry number="3.2.2"><term>private key</term></entry>)",                          // 5
    R"(<entry number="3.2.3"><term>secret key</term></entry>)",                           // 6
    R"(<entry number="3.3.1"><term>hash value</term></entry>)",                           // 7
    R"(<entry number="3.3.2"><term>hash function</term></entry>)",                        // 8
    R"(<entry number="3.3.3"><term>hash table</term></entry>)",                           // 9
    R"(<entry number="3.9"><term>timestamp</term>)",                                      // 10
    R"(<definition>text in a date and time expression (3.1.3.1) or representation )"      // 11
    R"((3.1.3.2)</definition>)",                                                          //
    R"(<note>signed with public (3.2.1) and private keys (3.2.2)</note>)",                // 12
    R"(<note>kept as hash values (3.3.1), functions (3.3.2) or tables (3.3.3)</note>)",   // 13
    R"(<note>one of public (3.2.1), private (3.2.2), or secret key (3.2.3)</note>)",      // 14
    R"(<note>a <ref to="3.1.3.1">date and time expression</ref> and <ref to="3.1.3.2">)"  // 15
    R"(representation</ref></note></entry>)",                                             //
    "</vocabulary>",                                                                      // 16
};

TEST(LabelMismatch, SharedWordsOfACoordinationAreUnderstood) {
  LoadResult r = load_string(doc(ellipsis_native), "ellipsis.xml");
  EXPECT_TRUE(with_rule(r, "label-mismatch").empty()) << all_messages(r);
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty()) << all_messages(r);

  // Shared words before the first term: "representation" is the term, and
  // the reference's text runs from it.
  Span<Reference> refs = refs_of(r, "3.9", "en");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].term, "date and time expression");
  EXPECT_EQ(refs[1].term, "representation");
  EXPECT_EQ(refs[1].text, "representation (3.1.3.2)");
  EXPECT_EQ(refs[1].target, entry(r, "3.1.3.2").id);

  // Shared word after the last term: "public" stands for "public key".
  refs = refs_of(r, "3.9", "en", BlockKind::note, 0);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].term, "public");
  EXPECT_EQ(refs[0].text, "public (3.2.1)");
  EXPECT_EQ(refs[1].term, "private keys");

  // Along a list, both ways.
  refs = refs_of(r, "3.9", "en", BlockKind::note, 1);
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[1].term, "functions");
  EXPECT_EQ(refs[2].term, "tables");
  refs = refs_of(r, "3.9", "en", BlockKind::note, 2);
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].term, "public");
  EXPECT_EQ(refs[1].term, "private");
  EXPECT_EQ(refs[2].term, "secret key");
}

TEST(LabelMismatch, CoordinationDoesNotHideRealMismatches) {
  const std::vector<std::string> lines = {
      native_header,                                                     // 1
      R"(<entry number="3.1"><term>block</term></entry>)",               // 2
      R"(<entry number="3.2"><term>block header</term></entry>)",        // 3
      R"(<entry number="3.3"><term>chain header</term></entry>)",        // 4
      R"(<entry number="3.4"><term>public key</term></entry>)",          // 5
      R"(<entry number="3.5"><term>private key</term></entry>)",         // 6
      R"(<entry number="3.9"><term>ledger</term>)",                      // 7
      R"(<definition>a block (3.1) or header (3.3)</definition>)",       // 8
      R"(<note>a block header (3.2) or chain (3.3)</note>)",             // 9
      R"(<note>a public key (3.4) or secret (3.5)</note>)",              // 10
      R"(<note>a secret (3.4) and private key (3.5)</note>)",            // 11
      R"(<note>a block header (3.2) then header (3.3)</note></entry>)",  // 12
      "</vocabulary>",                                                   // 13
  };
  LoadResult r = load_string(doc(lines), "real.xml");
  auto found = with_rule(r, "label-mismatch");
  ASSERT_EQ(found.size(), 5u) << all_messages(r);
  // "block" does not hold the word "header" lacks ("chain").
  EXPECT_EQ(found[0]->message, "'header' does not name entry 3.3 (preferred term 'chain header')");
  expect_at(*found[0], lines, 1, 8, "3.3");
  // The first term does not hold the words the designation lacks.
  EXPECT_EQ(found[1]->message, "'chain' does not name entry 3.3 (preferred term 'chain header')");
  expect_at(*found[1], lines, 1, 9, "3.3");
  // "secret" is not "private": a shared word does not make any word right.
  EXPECT_EQ(found[2]->message, "'secret' does not name entry 3.5 (preferred term 'private key')");
  expect_at(*found[2], lines, 1, 10, "3.5");
  EXPECT_EQ(found[3]->message, "'a secret' does not name entry 3.4 (preferred term 'public key')");
  expect_at(*found[3], lines, 1, 11, "3.4");
  // "then" is no conjunction: no coordination.
  EXPECT_EQ(found[4]->message,
            "'then header' does not name entry 3.3 (preferred term 'chain header')");
  expect_at(*found[4], lines, 1, 12, "3.3");
}

TEST(LabelMismatch, StsEntailedTermsInCoordination) {
  const std::vector<std::string> lines = {
      R"(<term-sec><label>3.1.3.1</label><tbx:termEntry id="term_3.1.3.1">)"  // 2
      R"(<tbx:langSet xml:lang="en"><tbx:tig><tbx:term>date and time expression</tbx:term>)"
      R"(</tbx:tig></tbx:langSet></tbx:termEntry></term-sec>)",
      R"(<term-sec><label>3.1.3.2</label><tbx:termEntry id="term_3.1.3.2">)"  // 3
      R"(<tbx:langSet xml:lang="en"><tbx:tig><tbx:term>date and time representation)"
      R"(</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec>)",
      R"(<term-sec><label>3.1.3.3</label><tbx:termEntry id="term_3.1.3.3">)"  // 4
      R"(<tbx:langSet xml:lang="en"><tbx:tig><tbx:term>time scale</tbx:term>)"
      R"(</tbx:tig></tbx:langSet></tbx:termEntry></term-sec>)",
      R"(<term-sec><label>3.1.4</label><tbx:termEntry id="term_3.1.4">)"  // 5
      R"(<tbx:langSet xml:lang="en"><tbx:definition>string in a )"
      R"(<tbx:entailedTerm target="term_3.1.3.1">date and time expression (3.1.3.1))"
      R"(</tbx:entailedTerm> or <tbx:entailedTerm target="term_3.1.3.2">representation )"
      R"((3.1.3.2)</tbx:entailedTerm></tbx:definition>)",  // 5
      R"(<tbx:note>a <tbx:entailedTerm target="term_3.1.3.1">date and time expression )"
      R"((3.1.3.1)</tbx:entailedTerm> or <tbx:entailedTerm target="term_3.1.3.3">scale )"
      R"((3.1.3.3)</tbx:entailedTerm></tbx:note>)",  // 6
      R"(<tbx:tig><tbx:term>timestamp</tbx:term></tbx:tig></tbx:langSet>)",
      R"(</tbx:termEntry></term-sec>)",
  };
  LoadResult r = load_string(sts(lines), "iso8601.xml");
  auto found = with_rule(r, "label-mismatch");
  // Line 5 is the ISO 8601-1 wording; on line 6 "time"
  // does not start the first term, so "scale" does not name "time scale".
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_EQ(found[0]->message, "'scale' does not name entry 3.1.3.3 (preferred term 'time scale')");
  expect_at(*found[0], lines, 2, 6, "3.1.3.3)");
}

// -- deprecated-term-cited -------------------------------------------------------

TEST(DeprecatedTermCited, Native) {
  const std::vector<std::string> lines = {
      native_header,                                                                        // 1
      R"(<entry number="4.1"><term>blockchain</term>)",                                     // 2
      R"(<term status="deprecated">block chain</term>)",                                    // 3
      R"(<definition>chain of blocks</definition>)",                                        // 4
      R"(<lang xml:lang="fr"><term>chaîne de blocs</term>)",                                // 5
      R"(<term status="deprecated">blockchain</term></lang></entry>)",                      // 6
      R"(<entry number="4.2"><term>ledger</term>)",                                         // 7
      R"(<definition>record kept on a block chain (4.1)</definition>)",                     // 8
      R"(<note>see the <ref to="4.1">block chains</ref> and the blockchain (4.1)</note>)",  // 9
      R"(<lang xml:lang="fr"><term>registre</term>)",                                       // 10
      R"(<definition>relevé tenu dans une blockchain (4.1)</definition></lang></entry>)",   // 11
      "</vocabulary>",                                                                      // 12
  };
  LoadResult r = load_string(doc(lines), "deprecated.xml");
  EXPECT_TRUE(with_rule(r, "label-mismatch").empty()) << all_messages(r);
  auto found = with_rule(r, "deprecated-term-cited");
  ASSERT_EQ(found.size(), 3u) << all_messages(r);

  const Diagnostic& plain = *found[0];
  EXPECT_EQ(plain.severity, Severity::warning);
  EXPECT_EQ(plain.message,
            "'block chain' is a deprecated term of entry 4.1; cite it as 'blockchain'");
  expect_at(plain, lines, 1, 8, "4.1");
  EXPECT_EQ(entry_numbers(r, plain), (std::vector<std::string>{"4.2", "4.1"}));
  ASSERT_EQ(plain.related.size(), 2u);
  EXPECT_EQ(plain.related[0].range.line, 3u);
  EXPECT_EQ(plain.related[1].range.line, 2u);
  EXPECT_EQ(plain.related[1].message, "preferred term of entry 4.1");

  const Diagnostic& markup = *found[1];
  EXPECT_EQ(markup.message, plain.message);
  expect_at(markup, lines, 1, 9, "block chains");

  // "blockchain" is preferred in English, deprecated in French.
  const Diagnostic& french = *found[2];
  EXPECT_EQ(french.message,
            "'blockchain' is a deprecated term of entry 4.1; cite it as 'chaîne de blocs'");
  expect_at(french, lines, 1, 11, "4.1");

  // The narrowed term is the deprecated one.
  Span<Reference> refs = refs_of(r, "4.2", "en");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].term, "block chain");
}

TEST(DeprecatedTermCited, NotWhenAPreferredOrAdmittedTermIsNamedToo) {
  // "key" is deprecated for 5.1 but admitted too (the same text twice):
  // naming it names an admitted term.
  const std::vector<std::string> lines = {
      native_header,
      R"(<entry number="5.1"><term>cryptographic key</term><term status="admitted">key</term>)",
      R"(<term status="deprecated">key</term><definition>secret</definition></entry>)",
      R"(<entry number="5.2"><term>lock</term><definition>kept by a key (5.1)</definition>)",
      R"(</entry>)",
      "</vocabulary>",
  };
  LoadResult r = load_string(doc(lines), "admitted.xml");
  EXPECT_TRUE(with_rule(r, "deprecated-term-cited").empty()) << all_messages(r);
  EXPECT_TRUE(with_rule(r, "label-mismatch").empty()) << all_messages(r);
}

TEST(DeprecatedTermCited, Sts) {
  const std::vector<std::string> lines = {
      R"(<term-sec><label>4.1</label><tbx:termEntry id="term_4.1"><tbx:langSet xml:lang="en">)",
      R"(<tbx:definition>chain of blocks</tbx:definition>)",
      R"(<tbx:tig><tbx:term>blockchain</tbx:term>)"
      R"(<tbx:normativeAuthorization value="preferredTerm"/></tbx:tig>)",
      R"(<tbx:tig><tbx:term>block chain</tbx:term>)"
      R"(<tbx:normativeAuthorization value="deprecatedTerm"/></tbx:tig>)",  // 5
      R"(</tbx:langSet></tbx:termEntry></term-sec>)",
      R"(<term-sec><label>4.2</label><tbx:termEntry id="term_4.2"><tbx:langSet xml:lang="en">)",
      R"(<tbx:definition>record kept on a <tbx:entailedTerm target="term_4.1">block chain )"
      R"((4.1)</tbx:entailedTerm></tbx:definition>)",  // 8
      R"(<tbx:tig><tbx:term>ledger</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec>)",
  };
  LoadResult r = load_string(sts(lines), "deprecated-sts.xml");
  auto found = with_rule(r, "deprecated-term-cited");
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_EQ(found[0]->message,
            "'block chain' is a deprecated term of entry 4.1; cite it as 'blockchain'");
  expect_at(*found[0], lines, 2, 8, "4.1)");
  EXPECT_EQ(found[0]->related[0].range.line, 5u);
}

TEST(DeprecatedTermCited, Tbx) {
  const std::vector<std::string> lines = {
      R"(<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>ledger</term>)"  // 3
      R"(<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>)",
      R"(<termSec><term>book</term>)"  // 4
      R"(<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>)",
      R"(</langSec></conceptEntry>)",
      R"(<conceptEntry id="c2"><langSec xml:lang="en"><descrip type="definition">copy of )"
      R"(the <ref type="crossReference" target="c1">book</ref></descrip>)"  // 6
      R"(<termSec><term>replica</term></termSec></langSec></conceptEntry>)",
  };
  LoadResult r = load_string(tbx(lines), "deprecated.tbx");
  auto found = with_rule(r, "deprecated-term-cited");
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_EQ(found[0]->message, "'book' is a deprecated term of entry c1; cite it as 'ledger'");
  EXPECT_EQ(found[0]->severity, Severity::warning);
  expect_at(*found[0], lines, 3, 6, "book");
  EXPECT_EQ(entry_numbers(r, *found[0]), (std::vector<std::string>{"c2", "c1"}));
}

// -- reference-number-mismatch ---------------------------------------------------

TEST(ReferenceNumberMismatch, Native) {
  const std::vector<std::string> lines = {
      native_header,                                                                         // 1
      R"(<entry number="1.2"><term>block</term></entry>)",                                   // 2
      R"(<entry number="1.3"><term>block header</term></entry>)",                            // 3
      R"(<entry number="1.4"><term>chain</term>)",                                           // 4
      R"(<definition>row of <ref to="1.2">blocks (1.3)</ref></definition>)",                 // 5
      R"(<note><ref to="1.2">block</ref> (1.2), <ref to="1.3">block headers</ref></note>)",  // 6
      R"(<note><ref to="1.3">blocks (1.2, 1.3)</ref> and <ref to="1.9">blocks (1.2)</ref>)"
      R"(</note></entry>)",  // 7
      "</vocabulary>",
  };
  LoadResult r = load_string(doc(lines), "numbers.xml");
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty()) << all_messages(r);
  auto found = with_rule(r, "reference-number-mismatch");
  ASSERT_EQ(found.size(), 2u) << all_messages(r);

  EXPECT_EQ(found[0]->message,
            "the markup target '1.2' cites entry 1.2 but the text cites 1.3; the markup target "
            "is used");
  EXPECT_EQ(found[0]->severity, Severity::warning);
  expect_at(*found[0], lines, 1, 5, "1.3");
  EXPECT_EQ(found[0]->range.end_column, found[0]->range.column + 3);
  EXPECT_EQ(entry_numbers(r, *found[0]), (std::vector<std::string>{"1.4", "1.2", "1.3"}));
  ASSERT_EQ(found[0]->related.size(), 2u);
  EXPECT_EQ(found[0]->related[0].range.line, 2u);
  EXPECT_EQ(found[0]->related[1].range.line, 3u);
  Span<Reference> refs = refs_of(r, "1.4", "en");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].target, entry(r, "1.2").id);

  // Line 7: a target among a group of numbers agrees; a target that is no
  // entry gives way to the number in the text.
  EXPECT_EQ(found[1]->message,
            "the markup target '1.9' cites 1.9, which is not an entry, but the text cites 1.2; "
            "the number in the text is used");
  expect_at(*found[1], lines, 1, 7, "1.2", 2);
  EXPECT_EQ(entry_numbers(r, *found[1]), (std::vector<std::string>{"1.4", "1.2"}));
}

TEST(ReferenceNumberMismatch, Sts) {
  const std::vector<std::string> lines = {
      R"(<term-sec><label>3.5</label><tbx:termEntry id="term_3.5">)"  // 2
      R"(<tbx:langSet xml:lang="en"><tbx:tig><tbx:term>block</tbx:term></tbx:tig>)"
      R"(</tbx:langSet></tbx:termEntry></term-sec>)",
      R"(<term-sec><label>3.6</label><tbx:termEntry id="term_3.6">)"  // 3
      R"(<tbx:langSet xml:lang="en"><tbx:tig><tbx:term>block header</tbx:term></tbx:tig>)"
      R"(</tbx:langSet></tbx:termEntry></term-sec>)",
      R"(<term-sec><label>3.7</label><tbx:termEntry id="term_3.7"><tbx:langSet xml:lang="en">)",
      R"(<tbx:definition>row of <tbx:entailedTerm target="term_3.5">block (3.6))"
      R"(</tbx:entailedTerm></tbx:definition>)",  // 5
      R"(<tbx:note>a <tbx:entailedTerm target="term_3.99">block (3.5)</tbx:entailedTerm>, )"
      R"(a <tbx:entailedTerm target="term_3.6">block header (3.6)</tbx:entailedTerm></tbx:note>)",
      R"(<tbx:tig><tbx:term>chain</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec>)",
  };
  LoadResult r = load_string(sts(lines), "numbers-sts.xml");
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty()) << all_messages(r);
  auto found = with_rule(r, "reference-number-mismatch");
  ASSERT_EQ(found.size(), 2u) << all_messages(r);
  EXPECT_EQ(found[0]->message,
            "the markup target 'term_3.5' cites entry 3.5 but the text cites 3.6; the markup "
            "target is used");
  expect_at(*found[0], lines, 2, 5, "3.6");
  EXPECT_EQ(entry_numbers(r, *found[0]), (std::vector<std::string>{"3.7", "3.5", "3.6"}));
  EXPECT_EQ(found[1]->message,
            "the markup target 'term_3.99' cites 3.99, which is not an entry, but the text cites "
            "3.5; the number in the text is used");
  expect_at(*found[1], lines, 2, 6, "3.5)");
}

TEST(ReferenceNumberMismatch, Tbx) {
  const std::vector<std::string> lines = {
      R"(<conceptEntry id="term_3.2"><langSec xml:lang="en"><termSec><term>block</term>)"  // 3
      R"(</termSec></langSec></conceptEntry>)",
      R"(<conceptEntry id="term_3.4"><langSec xml:lang="en"><termSec><term>block header</term>)"
      R"(</termSec></langSec></conceptEntry>)",  // 4
      R"(<conceptEntry id="term_3.5"><langSec xml:lang="en"><descrip type="definition">data )"
      R"(in a <ref type="crossReference" target="term_3.4">block header (3.2)</ref> and a )"
      R"(<ref type="crossReference" target="term_3.2">block (3.2)</ref></descrip>)"  // 5
      R"(<termSec><term>metadata</term></termSec></langSec></conceptEntry>)",
  };
  LoadResult r = load_string(tbx(lines), "numbers.tbx");
  auto found = with_rule(r, "reference-number-mismatch");
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_EQ(found[0]->message,
            "the markup target 'term_3.4' cites entry 3.4 but the text cites 3.2; the markup "
            "target is used");
  expect_at(*found[0], lines, 3, 5, "3.2)");
  EXPECT_TRUE(with_rule(r, "label-mismatch").empty()) << all_messages(r);
}

// -- unnumbered-reference --------------------------------------------------------

TEST(UnnumberedReference, Native) {
  const std::vector<std::string> lines = {
      native_header,                                                                     // 1
      R"(<entry number="3.2"><term>block</term><definition>unit</definition></entry>)",  // 2
      R"(<entry number="3.3"><term>chain</term>)",                                       // 3
      R"(<definition>row of <ref>blocks</ref> and <ref>links</ref></definition>)",       // 4
      R"(<note>a <ref to="nowhere">block</ref> (3.2), a <ref to="nothing">link</ref>)"   // 5
      R"(</note><note>a <ref>chain</ref> of <ref>block</ref> (3.2)</note>)",             //
      R"(<lang xml:lang="fr"><term>chaîne</term><note>de l'anglais <ref>chain</ref>)"    // 6
      R"(</note></lang></entry>)",                                                       //
      "</vocabulary>",
  };
  LoadResult r = load_string(doc(lines), "unnumbered.xml");
  auto found = with_rule(r, "unnumbered-reference");
  ASSERT_EQ(found.size(), 3u) << all_messages(r);

  // No target, no number; "blocks" names a term of 3.2 (inflected).
  EXPECT_EQ(found[0]->message,
            "marked-up reference 'blocks' names no entry: its markup has no target and its text "
            "no entry number; 'blocks' names the term 'block' of entry 3.2");
  EXPECT_EQ(found[0]->severity, Severity::warning);
  expect_at(*found[0], lines, 1, 4, "blocks");
  EXPECT_EQ(entry_numbers(r, *found[0]), std::vector<std::string>{"3.3"});
  EXPECT_EQ(found[1]->message,
            "marked-up reference 'links' names no entry: its markup has no target and its text "
            "no entry number");
  expect_at(*found[1], lines, 1, 4, "links");

  // A target id that names no entry, resolved by its number.
  EXPECT_EQ(found[2]->message,
            "the target 'nowhere' of marked-up reference 'block' names no entry; the reference "
            "is resolved by the number 3.2 in its text");
  expect_at(*found[2], lines, 1, 5, "3.2");

  // A target that resolves by nothing is dangling, and only that.
  auto dangling = with_rule(r, "dangling-reference");
  ASSERT_EQ(dangling.size(), 1u) << all_messages(r);
  EXPECT_EQ(dangling[0]->target, "nothing");
  expect_at(*dangling[0], lines, 1, 5, "link<");

  // Line 5's second note: "chain" is the citing entry's own term, "block"
  // has its number; line 6: the entry's own term in another language.
}

TEST(UnnumberedReference, SuggestsTheEntryATermBelongsTo) {
  const std::vector<std::string> lines = {
      native_header,
      R"(<entry number="3.2"><term>block</term><definition>unit</definition></entry>)",
      R"(<entry number="3.3"><term>chain</term><definition>row of <ref>Block</ref>)"
      R"(</definition></entry>)",
      "</vocabulary>",
  };
  LoadResult r = load_string(doc(lines), "suggest.xml");
  auto found = with_rule(r, "unnumbered-reference");
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_EQ(found[0]->message,
            "marked-up reference 'Block' names no entry: its markup has no target and its text "
            "no entry number; 'Block' names the term 'block' of entry 3.2");
  expect_at(*found[0], lines, 1, 3, "Block");
  ASSERT_EQ(found[0]->related.size(), 1u);
  EXPECT_EQ(found[0]->related[0].range.line, 2u);
}

TEST(UnnumberedReference, Sts) {
  const std::vector<std::string> lines = {
      R"(<term-sec><label>3.5</label><tbx:termEntry id="term_3.5">)"  // 2
      R"(<tbx:langSet xml:lang="en"><tbx:tig><tbx:term>block</tbx:term></tbx:tig>)"
      R"(</tbx:langSet></tbx:termEntry></term-sec>)",
      R"(<term-sec><label>3.7</label><tbx:termEntry id="term_3.7"><tbx:langSet xml:lang="en">)",
      R"(<tbx:definition>row of <tbx:entailedTerm>block</tbx:entailedTerm></tbx:definition>)",
      R"(<tbx:note>a <tbx:entailedTerm target="blk">block (3.5)</tbx:entailedTerm>, a )"
      R"(<tbx:entailedTerm target="hdr">header</tbx:entailedTerm>, a )"
      R"(<tbx:entailedTerm>block (3.5)</tbx:entailedTerm></tbx:note>)",  // 5
      R"(<tbx:tig><tbx:term>chain</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec>)",
  };
  LoadResult r = load_string(sts(lines), "unnumbered-sts.xml");
  auto found = with_rule(r, "unnumbered-reference");
  ASSERT_EQ(found.size(), 2u) << all_messages(r);
  EXPECT_EQ(found[0]->message,
            "marked-up reference 'block' names no entry: its markup has no target and its text "
            "no entry number; 'block' names the term 'block' of entry 3.5");
  expect_at(*found[0], lines, 2, 4, "block<");
  EXPECT_EQ(found[1]->message,
            "the target 'blk' of marked-up reference 'block' names no entry; the reference is "
            "resolved by the number 3.5 in its text");
  expect_at(*found[1], lines, 2, 5, "3.5");
  auto dangling = with_rule(r, "dangling-reference");
  ASSERT_EQ(dangling.size(), 1u) << all_messages(r);
  EXPECT_EQ(dangling[0]->target, "hdr");
}

TEST(UnnumberedReference, Tbx) {
  const std::vector<std::string> lines = {
      R"(<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>ledger</term>)"  // 3
      R"(</termSec></langSec></conceptEntry>)",
      R"(<conceptEntry id="c2"><ref type="crossReference">mirror</ref>)"  // 4
      R"(<langSec xml:lang="en"><descrip type="definition">copy of the )"
      R"(<ref type="crossReference" target="c1">ledger</ref></descrip>)"
      R"(<termSec><term>replica</term></termSec></langSec></conceptEntry>)",
  };
  LoadResult r = load_string(tbx(lines), "unnumbered.tbx");
  auto found = with_rule(r, "unnumbered-reference");
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_EQ(found[0]->message,
            "marked-up reference 'mirror' names no entry: its markup has no target and its text "
            "no entry number");
  expect_at(*found[0], lines, 3, 4, "mirror");
  EXPECT_EQ(entry_numbers(r, *found[0]), std::vector<std::string>{"c2"});
}

// -- unreferenced-entry ------------------------------------------------------------

const std::vector<std::string> citations_native = {
    native_header,                                                                      // 1
    R"(<entry number="2.1"><term>block</term><definition>unit</definition></entry>)",   // 2
    R"(  <entry number="2.2"><term>chain</term>)",                                      // 3
    R"(<definition>row of blocks (2.1)</definition></entry>)",                          // 4
    R"(  <entry number="2.3"><term>loop</term><definition>a loop (2.3)</definition>)",  // 5
    R"(<note>see chain (2.2)</note></entry>)",                                          // 6
    R"(    <entry number="2.4"><term>spiral</term><definition>a spiral (2.4) of )"      // 7
    R"(things (2.99)</definition></entry>)",                                            //
    "</vocabulary>",                                                                    // 8
};

TEST(UnreferencedEntry, OffByDefault) {
  EXPECT_EQ(rules::get(RuleId::unreferenced_entry).iso, Level::off);
  EXPECT_EQ(rules::get(RuleId::unreferenced_entry).termbase, Level::off);
  LoadResult r = load_string(doc(citations_native), "citations.xml");
  EXPECT_TRUE(with_rule(r, "unreferenced-entry").empty()) << all_messages(r);
}

TEST(UnreferencedEntry, Native) {
  LoadResult r =
      load_string(doc(citations_native), "citations.xml", with_rule_on(RuleId::unreferenced_entry));
  auto found = with_rule(r, "unreferenced-entry");
  // 2.1 is cited by 2.2 and 2.2 in a note of 2.3; 2.3 and 2.4 cite only
  // themselves, and a dangling reference cites nothing.
  ASSERT_EQ(found.size(), 2u) << all_messages(r);
  EXPECT_EQ(found[0]->message, "entry 2.3 'loop' is not cited by any other entry");
  EXPECT_EQ(found[0]->severity, Severity::warning);
  expect_at(*found[0], citations_native, 1, 5, "<entry");
  EXPECT_EQ(entry_numbers(r, *found[0]), std::vector<std::string>{"2.3"});
  EXPECT_EQ(found[1]->message, "entry 2.4 'spiral' is not cited by any other entry");
  expect_at(*found[1], citations_native, 1, 7, "<entry");
}

TEST(UnreferencedEntry, StsAndTbx) {
  const std::vector<std::string> clause = {
      R"(<term-sec><label>3.5</label><tbx:termEntry id="term_3.5">)"  // 2
      R"(<tbx:langSet xml:lang="en"><tbx:tig><tbx:term>block</tbx:term></tbx:tig>)"
      R"(</tbx:langSet></tbx:termEntry></term-sec>)",
      R"(<term-sec><label>3.7</label>)",                                // 3
      R"(  <tbx:termEntry id="term_3.7"><tbx:langSet xml:lang="en">)",  // 4
      R"(<tbx:definition>row of <tbx:entailedTerm target="term_3.5">blocks (3.5))"
      R"(</tbx:entailedTerm></tbx:definition>)",
      R"(<tbx:tig><tbx:term>chain</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec>)",
  };
  LoadResult s = load_string(sts(clause), "clause.xml", with_rule_on(RuleId::unreferenced_entry));
  auto found = with_rule(s, "unreferenced-entry");
  ASSERT_EQ(found.size(), 1u) << all_messages(s);
  EXPECT_EQ(found[0]->message, "entry 3.7 'chain' is not cited by any other entry");
  EXPECT_EQ(entry_numbers(s, *found[0]), std::vector<std::string>{"3.7"});
  EXPECT_EQ(found[0]->range.line, entry(s, "3.7").range.line);
  EXPECT_EQ(found[0]->range.column, entry(s, "3.7").range.column);

  const std::vector<std::string> base = {
      R"(<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>ledger</term>)"  // 3
      R"(</termSec></langSec></conceptEntry>)",
      R"(<conceptEntry id="c2"><langSec xml:lang="en"><descrip type="definition">copy of the )"
      R"(<ref type="crossReference" target="c1">ledger</ref></descrip>)"  // 4
      R"(<termSec><term>replica</term></termSec></langSec></conceptEntry>)",
  };
  LoadResult t = load_string(tbx(base), "base.tbx", with_rule_on(RuleId::unreferenced_entry));
  found = with_rule(t, "unreferenced-entry");
  ASSERT_EQ(found.size(), 1u) << all_messages(t);
  EXPECT_EQ(found[0]->message, "entry c2 'replica' is not cited by any other entry");
  expect_at(*found[0], base, 3, 4, "<conceptEntry");
}
