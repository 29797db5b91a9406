// The Builder keeps data categories at their level, in source order, with
// their groups: what readers of termbases rely on (white-box).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "model/builder.hpp"
#include "read/text_builder.hpp"

namespace termgraph {
namespace {

struct Built {
  std::shared_ptr<Vocabulary::Impl> impl = std::make_shared<Vocabulary::Impl>();
  std::vector<Diagnostic> diagnostics;
  Vocabulary vocabulary() const { return VocabularyAccess::make(impl); }
};

TEST(Categories, KeptAtTheirLevelInSourceOrderWithTheirGroups) {
  Built b;
  Builder builder(*b.impl, b.diagnostics);
  const std::string text = "line one\nline two\nline three\n";
  builder.add_file("t.tbx", text);
  builder.begin_entry(0, "c1", false);
  // Entry level: a subject field, then a transaction with two details.
  builder.add_category(CategoryLevel::entry, 0, 4, CategoryElement::descrip, "subjectField",
                       "  astronomy  ");
  auto t = builder.add_category(CategoryLevel::entry, 9, 13, CategoryElement::transac,
                                "transactionType", "origination", {}, true);
  builder.add_category(CategoryLevel::entry, 14, 17, CategoryElement::transac_note,
                       "responsibility", "Jo", "person-1", false, true, t);
  builder.add_category(CategoryLevel::entry, 18, 20, CategoryElement::date, {}, "2024-05-01", {},
                       false, true, t);
  builder.begin_section(0, "en");
  builder.add_category(CategoryLevel::language, 0, 1, CategoryElement::note, {}, "a note");
  builder.add_designation(0, "star", ReadStatus::unspecified, TermKind::full_form, {}, false);
  builder.add_category(CategoryLevel::term, 0, 1, CategoryElement::term_note, "grammaticalGender",
                       "masculine");
  builder.add_category(CategoryLevel::term, 0, 1, CategoryElement::admin, "customSubset", "X", {},
                       false, false);
  builder.add_designation(0, "sun", ReadStatus::admitted, TermKind::full_form);
  builder.add_category(CategoryLevel::term, 0, 1, CategoryElement::term_note, "partOfSpeech",
                       "noun");
  TextBuilder def;
  def.append("a luminous body", 0);
  def.finish();
  auto block = builder.add_block(0, BlockKind::definition, def);
  auto d = builder.add_category(CategoryLevel::language, 0, 1, CategoryElement::descrip,
                                "definition", "a luminous body", {}, true);
  builder.set_category_block(d, block);
  builder.end_entry(text.size());
  builder.finish();

  Vocabulary v = b.vocabulary();
  ASSERT_EQ(v.size(), 1u);
  const Entry& e = v[0];
  ASSERT_EQ(e.categories.size(), 2u);
  EXPECT_EQ(e.subject_field(), "astronomy");
  EXPECT_EQ(e.categories[0].range.line, 1u);
  const DataCategory& tr = e.categories[1];
  EXPECT_EQ(tr.element, CategoryElement::transac);
  EXPECT_TRUE(tr.grouped);
  EXPECT_EQ(tr.range.line, 2u);
  ASSERT_EQ(tr.details.size(), 2u);
  EXPECT_EQ(tr.details[0].target, "person-1");
  ASSERT_NE(tr.detail(CategoryElement::date), nullptr);
  EXPECT_EQ(tr.detail(CategoryElement::date)->value, "2024-05-01");
  EXPECT_EQ(tr.detail(CategoryElement::transac_note, "responsibility")->value, "Jo");

  const LanguageSection& en = e.languages[0];
  ASSERT_EQ(en.categories.size(), 2u);
  EXPECT_EQ(en.categories[0].value, "a note");
  EXPECT_EQ(en.categories[1].block, en.definition);
  ASSERT_EQ(en.designations.size(), 2u);
  const Designation& star = en.designations[0];
  EXPECT_FALSE(star.status_stated);
  EXPECT_FALSE(star.kind_stated);
  EXPECT_EQ(star.grammatical_gender(), "masculine");
  ASSERT_EQ(star.categories.size(), 2u);
  EXPECT_FALSE(star.categories[1].known);
  EXPECT_EQ(to_string(star.categories[1].element), "admin");
  EXPECT_TRUE(en.designations[1].status_stated);
  ASSERT_EQ(en.designations[1].categories.size(), 1u);
  EXPECT_EQ(en.designations[1].categories[0].value, "noun");
}

TEST(Categories, TermLevelWithoutADesignationIsRefused) {
  Built b;
  Builder builder(*b.impl, b.diagnostics);
  builder.add_file("t.tbx", "x");
  builder.begin_entry(0, "c1", false);
  EXPECT_EQ(builder.add_category(CategoryLevel::language, 0, 1, CategoryElement::note, {}, "n"),
            Builder::no_handle);
  builder.begin_section(0, "en");
  EXPECT_EQ(builder.add_category(CategoryLevel::term, 0, 1, CategoryElement::note, {}, "n"),
            Builder::no_handle);
  builder.end_entry();
  builder.finish();
  Vocabulary v = b.vocabulary();
  EXPECT_TRUE(v[0].categories.empty());
  EXPECT_TRUE(v[0].languages[0].categories.empty());
}

}  // namespace
}  // namespace termgraph
