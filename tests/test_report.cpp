// The text writers: diagnostics as compilers print them, entries as ISO
// prints them.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/report.hpp"
#include "termgraph/rules.hpp"

namespace termgraph {
namespace {

// A small native document; only its lines matter to the diagnostic tests.
// Line 4 starts with a tab and has a two-byte character ("é") before the
// reference, so byte offsets and code point columns differ.
const char* const kDocument =
    "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\">\n"  // 1
    "  <entry number=\"3.1\">\n"                           // 2
    "    <term>café token</term>\n"                        // 3
    "\t<definition>é unit of value (3.9)</definition>\n"   // 4
    "  </entry>\n"                                         // 5
    "</vocabulary>\n";                                     // 6

Diagnostic dangling_at(std::uint32_t line, std::uint32_t column, std::uint32_t end_column) {
  Diagnostic d;
  d.rule = &rules::dangling_reference;
  d.severity = Severity::error;
  d.message = "reference to entry 3.9, which does not exist";
  d.range = SourceRange{0, line, column, line, end_column};
  d.target = "3.9";
  return d;
}

TEST(WriteDiagnostic, HeaderSourceLineCaretAndNotes) {
  const LoadResult loaded = load_string(kDocument, "terms/tokens.xml");
  ASSERT_EQ(loaded.vocabulary.files().size(), 1u);
  ASSERT_EQ(loaded.vocabulary.source_line(0, 4),
            "\t<definition>é unit of value (3.9)</definition>");

  // "(3.9)" starts at code point 30 of line 4 (tab = 1, "é" = 1) and ends
  // before code point 35.
  Diagnostic d = dangling_at(4, 30, 35);
  d.related.push_back({SourceRange{0, 2, 3, 0, 0}, "in entry 3.1"});

  std::ostringstream out;
  write_diagnostic(out, d, loaded.vocabulary);
  EXPECT_EQ(out.str(),
            "terms/tokens.xml:4:30: error: reference to entry 3.9, which does not exist "
            "[dangling-reference]\n"
            "\t<definition>é unit of value (3.9)</definition>\n"
            "\t" +
                std::string(28, ' ') + "^~~~~\n" + "terms/tokens.xml:2:3: note: in entry 3.1\n");
}

TEST(WriteDiagnostic, CaretWithoutEndIsOneCharacter) {
  const LoadResult loaded = load_string(kDocument, "t.xml");
  Diagnostic d = dangling_at(3, 11, 0);
  d.range.end_line = 0;
  d.rule = &rules::duplicate_term;
  d.severity = Severity::warning;
  d.message = "preferred term 'café token' is also the preferred term of entry 3.7";
  std::ostringstream out;
  write_diagnostic(out, d, loaded.vocabulary);
  EXPECT_EQ(out.str(),
            "t.xml:3:11: warning: preferred term 'café token' is also the preferred term of "
            "entry 3.7 [duplicate-term]\n"
            "    <term>café token</term>\n"
            "          ^\n");
}

TEST(WriteDiagnostic, RangeOverSeveralLinesMarksRestOfFirstLine) {
  const LoadResult loaded = load_string(kDocument, "t.xml");
  Diagnostic d = dangling_at(2, 3, 0);
  d.range.end_line = 5;
  d.range.end_column = 11;
  std::ostringstream out;
  write_diagnostic(out, d, loaded.vocabulary);
  EXPECT_EQ(out.str(),
            "t.xml:2:3: error: reference to entry 3.9, which does not exist "
            "[dangling-reference]\n"
            "  <entry number=\"3.1\">\n"
            "  ^" +
                std::string(19, '~') + "\n");
}

TEST(WriteDiagnostic, WithoutSource) {
  const LoadResult loaded = load_string(kDocument, "t.xml");
  Diagnostic d = dangling_at(4, 30, 35);
  d.related.push_back({SourceRange{0, 2, 3, 0, 0}, "in entry 3.1"});
  TextStyle style;
  style.show_source = false;
  std::ostringstream out;
  write_diagnostic(out, d, loaded.vocabulary, style);
  EXPECT_EQ(out.str(),
            "t.xml:4:30: error: reference to entry 3.9, which does not exist "
            "[dangling-reference]\n"
            "t.xml:2:3: note: in entry 3.1\n");
}

TEST(WriteDiagnostic, UnknownPositionNamesTheFileOnly) {
  const LoadResult loaded = load_files({"no/such/dir/terms.xml"});
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  const Diagnostic& d = loaded.diagnostics.front();
  EXPECT_TRUE(d.is(RuleId::unreadable_input));
  std::ostringstream out;
  write_diagnostic(out, d, loaded.vocabulary);
  EXPECT_EQ(out.str(), "no/such/dir/terms.xml: error: " + d.message + " [unreadable-input]\n");
}

TEST(WriteDiagnostic, LongLineIsShownAsWindowAroundColumn) {
  // One line of 500 code points; the finding is at column 301.
  std::string line = "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\">";
  while (line.size() < 500) line += 'x';
  const LoadResult loaded = load_string(line, "long.xml");
  Diagnostic d = dangling_at(1, 301, 304);
  std::ostringstream out;
  write_diagnostic(out, d, loaded.vocabulary);
  const std::string expected_source = "..." + line.substr(240, 160) + "...";
  const std::string expected_caret = std::string(3 + 60, ' ') + "^~~";
  EXPECT_EQ(out.str(),
            "long.xml:1:301: error: reference to entry 3.9, which does not exist "
            "[dangling-reference]\n" +
                expected_source + "\n" + expected_caret + "\n");
}

TEST(WriteDiagnostics, SummaryCountsErrorsAndWarnings) {
  LoadResult result = load_string(kDocument, "t.xml");
  result.diagnostics.clear();
  Diagnostic error = dangling_at(4, 30, 35);
  Diagnostic warning = error;
  warning.rule = &rules::label_mismatch;
  warning.severity = Severity::warning;
  warning.message = "'unit of value' names none of the terms of entry 3.9";
  result.diagnostics = {error, warning, warning};

  TextStyle style;
  style.show_source = false;
  std::ostringstream out;
  write_diagnostics(out, result, style);
  EXPECT_EQ(out.str(),
            "t.xml:4:30: error: reference to entry 3.9, which does not exist "
            "[dangling-reference]\n"
            "t.xml:4:30: warning: 'unit of value' names none of the terms of entry 3.9 "
            "[label-mismatch]\n"
            "t.xml:4:30: warning: 'unit of value' names none of the terms of entry 3.9 "
            "[label-mismatch]\n"
            "  2 label-mismatch (warning)\n"
            "  1 dangling-reference (error)\n"
            "1 error, 2 warnings generated\n");

  result.diagnostics = {warning};
  std::ostringstream one;
  write_diagnostics(one, result, style);
  EXPECT_EQ(one.str().substr(one.str().rfind('\n', one.str().size() - 2) + 1),
            "1 warning generated\n");

  result.diagnostics.clear();
  std::ostringstream none;
  write_diagnostics(none, result, style);
  EXPECT_EQ(none.str(), "");
}

TEST(FormatLocation, PathLineColumn) {
  const LoadResult loaded = load_string(kDocument, "dir/t.xml");
  EXPECT_EQ(format_location(loaded.vocabulary, SourceRange{0, 12, 7, 0, 0}), "dir/t.xml:12:7");
  EXPECT_EQ(format_location(loaded.vocabulary, SourceRange{0, 12, 0, 0, 0}), "dir/t.xml:12");
  EXPECT_EQ(format_location(loaded.vocabulary, SourceRange{}), "dir/t.xml");
}

// -- write_entry ------------------------------------------------------------
//
// Entries are built by hand here, so the layout is tested apart from the
// readers.

Designation designation(std::string_view text, Status status, TermKind kind = TermKind::full_form) {
  Designation d;
  d.text = text;
  d.status = status;
  d.kind = kind;
  return d;
}

TextBlock block(BlockKind kind, std::string_view text, Span<Reference> refs = {}) {
  TextBlock b;
  b.kind = kind;
  b.text = text;
  b.references = refs;
  return b;
}

/// A reference covering text.substr(begin, length).
Reference reference(std::string_view text, std::size_t begin, std::size_t length,
                    std::string_view number, bool markup) {
  Reference r;
  r.text = text.substr(begin, length);
  r.number = number;
  r.begin = static_cast<std::uint32_t>(begin);
  r.end = static_cast<std::uint32_t>(begin + length);
  r.markup = markup;
  return r;
}

TEST(WriteEntry, IsoLayout) {
  // Designations in source order: deprecated first, to see that the layout
  // orders them preferred, admitted, deprecated.
  const Designation designations[] = {
      designation("chain of blocks", Status::deprecated),
      designation("blockchain", Status::preferred),
      designation("block chain", Status::admitted),
      designation("BC", Status::admitted, TermKind::abbreviation),
  };
  const std::string_view definition_text =
      "distributed ledger (3.22) of confirmed blocks (3.9) linked by hashes";
  Reference definition_refs[] = {
      reference(definition_text, 0, 25, "3.22", false),
      reference(definition_text, 39, 12, "3.9", false),
  };
  const TextBlock definition = block(BlockKind::definition, definition_text, {definition_refs, 2});
  const TextBlock examples[] = {
      block(BlockKind::example, "a public ledger of payments"),
      block(BlockKind::example, "a ledger kept by a consortium"),
  };
  const TextBlock notes[] = {
      block(BlockKind::note, "Blocks are appended, never changed."),
      block(BlockKind::note, "See also clause 4."),
  };
  const TextBlock sources[] = {
      block(BlockKind::source, "ISO 22739:2020, 3.6, modified — Note 2 to entry added"),
  };

  LanguageSection en;
  en.language = "en";
  en.designations = {designations, 4};
  en.definition = &definition;
  en.examples = {examples, 2};
  en.notes = {notes, 2};
  en.sources = {sources, 1};

  Entry entry;
  entry.id = 0;
  entry.number = "3.6";
  entry.languages = {&en, 1};

  std::ostringstream out;
  write_entry(out, entry);
  EXPECT_EQ(out.str(),
            "3.6\n"
            "blockchain\n"
            "block chain (admitted)\n"
            "BC (admitted)\n"
            "DEPRECATED: chain of blocks\n"
            "distributed ledger (3.22) of confirmed blocks (3.9) linked by hashes\n"
            "EXAMPLE 1 a public ledger of payments\n"
            "EXAMPLE 2 a ledger kept by a consortium\n"
            "Note 1 to entry: Blocks are appended, never changed.\n"
            "Note 2 to entry: See also clause 4.\n"
            "[SOURCE: ISO 22739:2020, 3.6, modified — Note 2 to entry added]\n");
}

TEST(WriteEntry, SingleExampleIsNotNumbered) {
  const Designation designations[] = {designation("nonce", Status::preferred)};
  const TextBlock definition = block(BlockKind::definition, "number used once");
  const TextBlock examples[] = {block(BlockKind::example, "a counter")};
  LanguageSection en;
  en.language = "en";
  en.designations = {designations, 1};
  en.definition = &definition;
  en.examples = {examples, 1};
  Entry entry;
  entry.number = "3.51";
  entry.languages = {&en, 1};

  std::ostringstream out;
  write_entry(out, entry);
  EXPECT_EQ(out.str(), "3.51\nnonce\nnumber used once\nEXAMPLE a counter\n");
}

TEST(WriteEntry, LanguagesGetHeadersOnlyWhenSeveralAreShown) {
  const Designation en_terms[] = {designation("block", Status::preferred)};
  const Designation fr_terms[] = {designation("bloc", Status::preferred)};
  const TextBlock en_definition = block(BlockKind::definition, "unit of a chain");
  const TextBlock fr_definition = block(BlockKind::definition, "unité d'une chaîne");
  LanguageSection sections[2];
  sections[0].language = "en";
  sections[0].designations = {en_terms, 1};
  sections[0].definition = &en_definition;
  sections[1].language = "fr";
  sections[1].designations = {fr_terms, 1};
  sections[1].definition = &fr_definition;
  Entry entry;
  entry.number = "3.2";
  entry.languages = {sections, 2};

  std::ostringstream all;
  write_entry(all, entry);
  EXPECT_EQ(all.str(), "3.2\n[en]\nblock\nunit of a chain\n[fr]\nbloc\nunité d'une chaîne\n");

  std::ostringstream fr;
  write_entry(fr, entry, "fr");
  EXPECT_EQ(fr.str(), "3.2\nbloc\nunité d'une chaîne\n");

  std::ostringstream none;
  write_entry(none, entry, "de");
  EXPECT_EQ(none.str(), "3.2\n");
}

TEST(WriteEntry, MarkupReferencesWithoutNumberGetOne) {
  const Designation designations[] = {designation("DLT node", Status::preferred)};
  // 1. markup "DLT system" without number: " (3.30)" added;
  // 2. markup "time ()" with empty parentheses: filled in;
  // 3. markup that carries its number: unchanged;
  // 4. plain-text reference: unchanged;
  // 5. markup followed by its number outside the markup: unchanged.
  const std::string_view text =
      "node of a DLT system, kept in time (), with block (3.2), ledger (3.22) and hash (3.39)";
  Reference refs[] = {
      reference(text, 10, 10, "3.30", true),   // "DLT system"
      reference(text, 30, 7, "3.75", true),    // "time ()"
      reference(text, 44, 11, "3.2", true),    // "block (3.2)"
      reference(text, 57, 13, "3.22", false),  // "ledger (3.22)"
      reference(text, 75, 4, "3.39", true),    // "hash"
  };
  ASSERT_EQ(refs[0].text, "DLT system");
  ASSERT_EQ(refs[1].text, "time ()");
  ASSERT_EQ(refs[2].text, "block (3.2)");
  ASSERT_EQ(refs[3].text, "ledger (3.22)");
  ASSERT_EQ(refs[4].text, "hash");
  const TextBlock definition = block(BlockKind::definition, text, {refs, 5});
  LanguageSection en;
  en.language = "en";
  en.designations = {designations, 1};
  en.definition = &definition;
  Entry entry;
  entry.number = "3.27";
  entry.languages = {&en, 1};

  std::ostringstream out;
  write_entry(out, entry);
  EXPECT_EQ(out.str(),
            "3.27\nDLT node\n"
            "node of a DLT system (3.30), kept in time (3.75), with block (3.2), ledger (3.22) "
            "and hash (3.39)\n");
}

TEST(WriteEntry, MarkupReferenceByIdOnlyNeedsTheVocabulary) {
  const Designation designations[] = {designation("DLT node", Status::preferred)};
  const std::string_view text = "node of a DLT system";
  Reference refs[] = {reference(text, 10, 10, "", true)};
  refs[0].target_id = "term_3.30";
  const TextBlock definition = block(BlockKind::definition, text, {refs, 1});
  LanguageSection en;
  en.language = "en";
  en.designations = {designations, 1};
  en.definition = &definition;
  Entry entry;
  entry.number = "3.27";
  entry.languages = {&en, 1};

  // Without the vocabulary there is no number to add.
  std::ostringstream out;
  write_entry(out, entry);
  EXPECT_EQ(out.str(), "3.27\nDLT node\nnode of a DLT system\n");
}

// -- with the readers -------------------------------------------------------

const char* const kTokens =
    "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">\n"      // 1
    "  <entry number=\"3.1\" id=\"asset\">\n"                                  // 2
    "    <term>asset</term>\n"                                                 // 3
    "    <definition>anything that has value to a stakeholder</definition>\n"  // 4
    "  </entry>\n"                                                             // 5
    "  <entry number=\"3.2\">\n"                                               // 6
    "    <term>token</term>\n"                                                 // 7
    "    <term status=\"deprecated\">coin</term>\n"                            // 8
    "    <definition>digital <ref to=\"asset\">asset</ref> that is not a "
    "<ref to=\"3.9\">currency</ref></definition>\n"  // 9
    "    <note>Compare with asset (3.1).</note>\n"   // 10
    "  </entry>\n"                                   // 11
    "</vocabulary>\n";

TEST(WriteDiagnostic, LoadedDanglingReference) {
  const LoadResult loaded = load_string(kTokens, "tokens.xml");
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  std::ostringstream out;
  write_diagnostics(out, loaded);
  // The reference "currency" starts at code point 81 of line 9.
  EXPECT_EQ(out.str(),
            "tokens.xml:9:81: error: reference to 3.9, which is not an entry of this vocabulary "
            "[dangling-reference]\n"
            "    <definition>digital <ref to=\"asset\">asset</ref> that is not a "
            "<ref to=\"3.9\">currency</ref></definition>\n" +
                std::string(80, ' ') + "^" + std::string(7, '~') +
                "\n  1 dangling-reference (error)\n1 error generated\n");
}

TEST(WriteEntry, LoadedEntryWithReferenceById) {
  const LoadResult loaded = load_string(kTokens, "tokens.xml");
  const Entry* token = loaded.vocabulary.find_number("3.2");
  ASSERT_NE(token, nullptr);

  // With the vocabulary, the link to id "asset" is printed with its number.
  std::ostringstream with;
  write_entry(with, loaded.vocabulary, *token);
  EXPECT_EQ(with.str(),
            "3.2\ntoken\nDEPRECATED: coin\ndigital asset (3.1) that is not a currency (3.9)\n"
            "Note 1 to entry: Compare with asset (3.1).\n");

  // Without it, only the number written in the link is known.
  std::ostringstream without;
  write_entry(without, *token);
  EXPECT_EQ(without.str(),
            "3.2\ntoken\nDEPRECATED: coin\ndigital asset that is not a currency (3.9)\n"
            "Note 1 to entry: Compare with asset (3.1).\n");
}

}  // namespace
}  // namespace termgraph
