// What lookup shows of an entry's data categories: the ISO layout (subject
// field before the definition, grammar after the term, the other
// categories under their owner) and the whole entry as JSON; and
// duplicate-term on homographs of different subject fields. Entries are
// built through the Builder, as a termbase reader builds them (white-box).
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "load/analyse.hpp"
#include "model/builder.hpp"
#include "read/text_builder.hpp"
#include "termgraph/report.hpp"
#include "termgraph/rules.hpp"

namespace termgraph {
namespace {

using Json = nlohmann::json;

/// A vocabulary built through the Builder and analysed as loading does,
/// checked under the profile of `format`.
struct Built {
  std::shared_ptr<Vocabulary::Impl> impl = std::make_shared<Vocabulary::Impl>();
  std::vector<Diagnostic> diagnostics;
  Builder builder{*impl, diagnostics};

  LoadResult finish(Format format = Format::tbx) {
    builder.finish();
    LoadResult result;
    result.vocabulary = VocabularyAccess::make(std::move(impl));
    result.diagnostics = std::move(diagnostics);
    result.formats = {format};
    finish_loading(result, AnalysisOptions{});
    return result;
  }
};

/// Adds a block of `kind` with `text` at `offset`; with `link_to`, the
/// whole text is a markup link to that id.
std::uint32_t add_text(Builder& builder, std::size_t offset, BlockKind kind, std::string_view text,
                       std::string link_to = {}) {
  TextBuilder tb;
  const std::size_t link = link_to.empty() ? 0 : tb.open_link();
  tb.append(text, offset);
  if (!link_to.empty()) tb.close_link(link, link_to, {}, false);
  tb.finish();
  return builder.add_block(offset, kind, tb);
}

// One line per element, so that each category has its own line number.
const char* const file_text =
    "<conceptEntry id=\"c1\">\n"                            // 1
    "<transacGrp>origination</transacGrp>\n"                // 2
    "<date>2024-05-01</date>\n"                             // 3
    "<transacNote>Jo Smith</transacNote>\n"                 // 4
    "<descrip>astronomy</descrip>\n"                        // 5
    "<admin>Sky atlas</admin>\n"                            // 6
    "<descrip>checked</descrip>\n"                          // 7
    "<note>Entry reviewed in spring.</note>\n"              // 8
    "<langSec xml:lang=\"en\">\n"                           // 9
    "<term>star</term>\n"                                   // 10
    "<termNoteGrp>noun</termNoteGrp>\n"                     // 11
    "<note>Also used as a verb.</note>\n"                   // 12
    "<admin>ACME</admin>\n"                                 // 13
    "<term>lodestar</term>\n"                               // 14
    "<termNote>GB</termNote>\n"                             // 15
    "<descrip>self-luminous celestial body</descrip>\n"     // 16
    "<xref>star.png</xref>\n"                               // 17
    "<descrip>Sun</descrip>\n"                              // 18
    "<langSec xml:lang=\"de\">\n"                           // 19
    "<descrip>Astronomie</descrip>\n"                       // 20
    "<term>Stern</term>\n"                                  // 21
    "<descrip>selbstleuchtender Himmelskörper</descrip>\n"  // 22
    "<conceptEntry id=\"c2\"><term>Sun</term>\n";           // 23

/// The byte offset of the start of line `n` (1-based) of file_text.
std::size_t line_start(std::size_t n) {
  const std::string_view text = file_text;
  std::size_t at = 0;
  for (std::size_t line = 1; line < n; ++line) at = text.find('\n', at) + 1;
  return at;
}

/// Categories at every level: a transaction with its date and
/// responsibility, a subject field, a project subset, a category the
/// reader does not know, notes, grammar, geographical usage, a customer
/// subset, an xGraphic and a cross-reference to another entry.
LoadResult stars() {
  Built b;
  Builder& builder = b.builder;
  builder.add_file("stars.tbx", file_text);
  const auto cat = [&](CategoryLevel level, std::size_t line, CategoryElement element,
                       std::string_view type, std::string_view value, std::string_view target = {},
                       bool grouped = false, bool known = true,
                       std::uint32_t parent = Builder::no_handle) {
    return builder.add_category(level, line_start(line), line_start(line + 1) - 1, element, type,
                                value, target, grouped, known, parent);
  };
  using E = CategoryElement;
  const CategoryLevel entry = CategoryLevel::entry, language = CategoryLevel::language,
                      term = CategoryLevel::term;

  builder.begin_entry(line_start(1), "c1", false);
  const auto t = cat(entry, 2, E::transac, "transactionType", "origination", {}, true);
  cat(entry, 3, E::date, {}, "2024-05-01", {}, false, true, t);
  cat(entry, 4, E::transac_note, "responsibility", "Jo Smith", "jsmith", false, true, t);
  cat(entry, 5, E::descrip, "subjectField", "astronomy");
  cat(entry, 6, E::admin, "projectSubset", "Sky atlas");
  cat(entry, 7, E::descrip, "x-reviewStatus", "checked", {}, false, false);
  cat(entry, 8, E::note, {}, "Entry reviewed in spring.");

  builder.begin_section(line_start(9), "en");
  builder.add_designation(line_start(10), "star", ReadStatus::unspecified, TermKind::full_form, {},
                          false);
  const auto pos = cat(term, 11, E::term_note, "partOfSpeech", "noun", {}, true);
  cat(term, 12, E::note, {}, "Also used as a verb.", {}, false, true, pos);
  cat(term, 13, E::admin, "customerSubset", "ACME");
  builder.add_designation(line_start(14), "lodestar", ReadStatus::admitted, TermKind::full_form);
  cat(term, 15, E::term_note, "geographicalUsage", "GB");
  const auto definition =
      add_text(builder, line_start(16), BlockKind::definition, "self-luminous celestial body");
  builder.set_category_block(
      cat(language, 16, E::descrip, "definition", "self-luminous celestial body"), definition);
  cat(language, 17, E::xref, "xGraphic", "star.png", "https://example.org/star.png");
  const auto see = add_text(builder, line_start(18), BlockKind::cross_reference, "Sun", "c2");
  builder.set_category_block(cat(language, 18, E::descrip, "crossReference", "Sun", "c2"), see);
  builder.end_section();

  builder.begin_section(line_start(19), "de");
  cat(language, 20, E::descrip, "subjectField", "Astronomie");
  builder.add_designation(line_start(21), "Stern", ReadStatus::unspecified, TermKind::full_form,
                          "noun", false);
  cat(term, 21, E::term_note, "grammaticalGender", "masculine");
  cat(term, 21, E::term_note, "grammaticalNumber", "singular");
  cat(term, 21, E::term_note, "partOfSpeech", "noun");
  add_text(builder, line_start(22), BlockKind::definition, "selbstleuchtender Himmelskörper");
  builder.end_section();
  builder.end_entry(line_start(23));

  builder.begin_entry(line_start(23), "c2", false);
  builder.begin_section(line_start(23), "en");
  builder.add_designation(line_start(23), "Sun", ReadStatus::unspecified, TermKind::full_form);
  builder.end_entry(std::string_view(file_text).size());
  return b.finish();
}

const LoadResult& loaded() {
  static const LoadResult result = stars();
  return result;
}

std::string printed(std::string_view language = {}) {
  std::ostringstream out;
  write_entry(out, loaded().vocabulary, loaded().vocabulary[0], language);
  return out.str();
}

TEST(LookupCategories, TextShowsEachCategoryWhereIsoPutsIt) {
  EXPECT_EQ(printed(),
            "c1\n"
            "transactionType: origination (date: 2024-05-01; responsibility: Jo Smith "
            "\u2192 jsmith)\n"
            "projectSubset: Sky atlas\n"
            "x-reviewStatus: checked\n"
            "note: Entry reviewed in spring.\n"
            "[en]\n"
            "star, noun\n"
            "  partOfSpeech (note: Also used as a verb.)\n"
            "  customerSubset: ACME\n"
            "lodestar, GB (admitted)\n"
            "<astronomy> self-luminous celestial body\n"
            "xGraphic: star.png \u2192 https://example.org/star.png\n"
            "crossReference: Sun \u2192 c2\n"
            "[de]\n"
            "Stern, m, sg, noun\n"
            "<Astronomie> selbstleuchtender Himmelskörper\n");
}

TEST(LookupCategories, OneLanguageKeepsTheEntryCategoriesFirst) {
  EXPECT_EQ(printed("de"),
            "c1\n"
            "transactionType: origination (date: 2024-05-01; responsibility: Jo Smith "
            "\u2192 jsmith)\n"
            "projectSubset: Sky atlas\n"
            "x-reviewStatus: checked\n"
            "note: Entry reviewed in spring.\n"
            "Stern, m, sg, noun\n"
            "<Astronomie> selbstleuchtender Himmelskörper\n");
}

TEST(LookupCategories, SubjectFieldWithoutDefinitionStandsAlone) {
  Built b;
  b.builder.add_file("t.tbx", "<conceptEntry>\n<term>Sirius</term>\n");
  b.builder.begin_entry(0, "c9", false);
  b.builder.add_category(CategoryLevel::entry, 0, 1, CategoryElement::descrip, "subjectField",
                         "astronomy");
  b.builder.add_category(CategoryLevel::entry, 0, 1, CategoryElement::descrip, "subjectField",
                         "navigation");
  b.builder.begin_section(15, "en");
  b.builder.add_designation(15, "Sirius", ReadStatus::unspecified, TermKind::full_form);
  b.builder.add_category(CategoryLevel::term, 15, 20, CategoryElement::term_note,
                         "grammaticalGender", "otherGender");
  b.builder.end_entry();
  const LoadResult r = b.finish();
  std::ostringstream out;
  write_entry(out, r.vocabulary, r.vocabulary[0]);
  EXPECT_EQ(out.str(), "c9\nSirius, otherGender\n<astronomy> <navigation>\n");
}

TEST(LookupCategories, JsonGivesTheWholeEntry) {
  const Vocabulary& v = loaded().vocabulary;
  const Json j = Json::parse(entry_json(v, v[0]));
  EXPECT_EQ(j["number"], "c1");
  EXPECT_EQ(j["numbered"], false);
  EXPECT_EQ(j["file"], "stars.tbx");
  EXPECT_EQ(j["line"], 1);
  EXPECT_EQ(j["subject_field"], "astronomy");

  const Json& categories = j["categories"];
  ASSERT_EQ(categories.size(), 5u);
  const Json& transaction = categories[0];
  EXPECT_EQ(transaction["level"], "entry");
  EXPECT_EQ(transaction["element"], "transac");
  EXPECT_EQ(transaction["type"], "transactionType");
  EXPECT_EQ(transaction["value"], "origination");
  EXPECT_EQ(transaction["grouped"], true);
  EXPECT_EQ(transaction["known"], true);
  EXPECT_TRUE(transaction["block"].is_null());
  EXPECT_EQ(transaction["line"], 2);
  EXPECT_EQ(transaction["column"], 1);
  ASSERT_EQ(transaction["details"].size(), 2u);
  EXPECT_EQ(transaction["details"][0]["element"], "date");
  EXPECT_EQ(transaction["details"][0]["type"], "");
  EXPECT_EQ(transaction["details"][0]["value"], "2024-05-01");
  EXPECT_EQ(transaction["details"][0]["line"], 3);
  EXPECT_EQ(transaction["details"][1]["element"], "transacNote");
  EXPECT_EQ(transaction["details"][1]["type"], "responsibility");
  EXPECT_EQ(transaction["details"][1]["target"], "jsmith");
  EXPECT_EQ(transaction["details"][1]["level"], "entry");
  EXPECT_EQ(categories[3]["type"], "x-reviewStatus");
  EXPECT_EQ(categories[3]["known"], false);
  EXPECT_EQ(categories[4]["element"], "note");
  EXPECT_EQ(categories[4]["line"], 8);

  const Json& languages = j["languages"];
  ASSERT_EQ(languages.size(), 2u);
  const Json& en = languages[0];
  EXPECT_EQ(en["language"], "en");
  EXPECT_EQ(en["subject_field"], "astronomy");
  ASSERT_EQ(en["designations"].size(), 2u);
  const Json& star = en["designations"][0];
  EXPECT_EQ(star["text"], "star");
  EXPECT_EQ(star["status"], "preferred");
  EXPECT_EQ(star["status_stated"], false);
  EXPECT_EQ(star["kind"], "full-form");
  EXPECT_EQ(star["kind_stated"], false);
  EXPECT_EQ(star["part_of_speech"], "noun");
  EXPECT_EQ(star["line"], 10);
  ASSERT_EQ(star["categories"].size(), 2u);
  EXPECT_EQ(star["categories"][0]["level"], "term");
  EXPECT_EQ(star["categories"][0]["element"], "termNote");
  EXPECT_EQ(star["categories"][0]["details"][0]["value"], "Also used as a verb.");
  EXPECT_EQ(star["categories"][1]["type"], "customerSubset");
  const Json& lodestar = en["designations"][1];
  EXPECT_EQ(lodestar["status"], "admitted");
  EXPECT_EQ(lodestar["status_stated"], true);
  EXPECT_EQ(lodestar["geographical_usage"], "GB");

  EXPECT_EQ(en["definition"]["kind"], "definition");
  EXPECT_EQ(en["definition"]["text"], "self-luminous celestial body");
  EXPECT_EQ(en["definition"]["line"], 16);
  ASSERT_EQ(en["categories"].size(), 3u);
  EXPECT_EQ(en["categories"][0]["type"], "definition");
  EXPECT_EQ(en["categories"][0]["block"]["kind"], "definition");
  EXPECT_EQ(en["categories"][1]["target"], "https://example.org/star.png");
  const Json& see = en["categories"][2];
  EXPECT_EQ(see["type"], "crossReference");
  EXPECT_EQ(see["target"], "c2");
  EXPECT_EQ(see["block"]["kind"], "cross-reference");
  ASSERT_EQ(see["block"]["references"].size(), 1u);
  EXPECT_EQ(see["block"]["references"][0]["target_id"], "c2");
  EXPECT_EQ(see["block"]["references"][0]["markup"], true);
  // Resolved, by the number of the entry it cites.
  EXPECT_EQ(see["block"]["references"][0]["target"], "c2");

  const Json& de = languages[1];
  EXPECT_EQ(de["subject_field"], "Astronomie");
  EXPECT_EQ(de["designations"][0]["grammatical_gender"], "masculine");
  EXPECT_EQ(de["designations"][0]["grammatical_number"], "singular");
  EXPECT_EQ(de["categories"][0]["level"], "language");
  EXPECT_TRUE(de["examples"].empty());
  EXPECT_TRUE(de["notes"].empty());
}

TEST(LookupCategories, JsonKeepsTheLanguagesAsked) {
  const Vocabulary& v = loaded().vocabulary;
  const Json j = Json::parse(entry_json(v, v[0], "de"));
  ASSERT_EQ(j["languages"].size(), 1u);
  EXPECT_EQ(j["languages"][0]["language"], "de");
  EXPECT_EQ(j["categories"].size(), 5u);

  const std::vector<TermMatch> matches = v.lookup("STERN");
  ASSERT_EQ(matches.size(), 1u);
  const Json report = Json::parse(lookup_json(v, matches, "STERN"));
  EXPECT_EQ(report["version"], 1);
  EXPECT_EQ(report["query"], "STERN");
  EXPECT_EQ(report["language"], "");
  ASSERT_EQ(report["entries"].size(), 1u);
  EXPECT_EQ(report["entries"][0]["number"], "c1");
  EXPECT_EQ(report["entries"][0]["matched"]["language"], "de");
  EXPECT_EQ(report["entries"][0]["matched"]["term"], "Stern");
  EXPECT_TRUE(Json::parse(lookup_json(v, {}, "nothing"))["entries"].empty());
}

// -- duplicate-term and subject fields -----------------------------------------

/// Entries 1 to 6, each with the preferred term "star" in English: 1
/// <astronomy>, 2 <film>, 3 <Astronomy> (1 again), 4 none, 5 <astronomy>
/// for the entry but <film> for its English section (2 again), 6 none (4
/// again).
LoadResult homographs() {
  Built b;
  std::string text;
  for (int i = 1; i <= 6; ++i) text += "<entry><term>star</term></entry>\n";
  b.builder.add_file("stars.xml", text);
  const char* const entry_fields[] = {"astronomy", "film", "Astronomy", "", "astronomy", ""};
  for (int i = 0; i < 6; ++i) {
    const std::size_t at = static_cast<std::size_t>(i) * 33;
    b.builder.begin_entry(at, std::to_string(i + 1), true);
    if (*entry_fields[i]) {
      b.builder.add_category(CategoryLevel::entry, at, at + 1, CategoryElement::descrip,
                             "subjectField", entry_fields[i]);
    }
    b.builder.begin_section(at, "en");
    if (i == 4) {
      b.builder.add_category(CategoryLevel::language, at, at + 1, CategoryElement::descrip,
                             "subjectField", "film");
    }
    b.builder.add_designation(at + 7, "star", ReadStatus::preferred, TermKind::full_form);
    b.builder.end_entry(at + 32);
  }
  return b.finish(Format::native);  // the iso profile: duplicate-term on
}

TEST(LookupCategories, HomographsOfDifferentSubjectFieldsAreNoDuplicates) {
  const LoadResult r = homographs();
  std::vector<std::string> found;
  for (const Diagnostic& d : r.diagnostics) {
    if (!d.is(RuleId::duplicate_term)) continue;
    ASSERT_EQ(d.entries.size(), 2u);
    found.push_back(std::string(r.vocabulary[d.entries[0]].number) + "=" +
                    std::string(r.vocabulary[d.entries[1]].number) + "@" +
                    std::to_string(d.range.line) + ":" + std::to_string(d.range.column));
  }
  EXPECT_EQ(found, (std::vector<std::string>{"1=3@3:8", "2=5@5:8", "4=6@6:8"}));
}

}  // namespace
}  // namespace termgraph
