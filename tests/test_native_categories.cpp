// Data categories in the native format (docs/format.md, "Data
// categories"): the reader on files written by hand, the writer and reader
// together on models with every element, level and group, TBX -> native ->
// read, the writer's output valid against the RELAX NG schema, and what is
// reported on categories written wrong.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "model/builder.hpp"
#include "model_compare.hpp"
#include "read/text_builder.hpp"
#include "termgraph/load.hpp"
#include "termgraph/write.hpp"
#include "test_support.hpp"

namespace termgraph {
namespace {

namespace fs = std::filesystem;
using termgraph::testing::compare_models;
using termgraph::testing::CompareOptions;

const std::string data_dir = TERMGRAPH_TEST_DATA;

std::string write_native_text(const Vocabulary& v) {
  std::ostringstream out;
  EXPECT_TRUE(write_vocabulary(out, v, Format::native));
  return out.str();
}

CompareOptions everything(bool ids = true) {
  CompareOptions o;
  o.ids = ids;
  o.categories = true;
  o.stated = true;
  return o;
}

/// xmllint's verdict on `xml` against terms/termgraph.rng: empty when valid,
/// else what it printed.
std::string schema_errors(const std::string& xml, const std::string& name) {
  const fs::path file = fs::temp_directory_path() / ("termgraph-native-" + name + ".xml");
  const fs::path log = fs::temp_directory_path() / ("termgraph-native-" + name + ".log");
  {
    std::ofstream out(file, std::ios::binary);
    out << xml;
  }
  const std::string command = std::string("\"") + TERMGRAPH_XMLLINT + "\" --noout --relaxng \"" +
                              TERMGRAPH_SCHEMA + "\" \"" + file.string() + "\" > \"" +
                              log.string() + "\" 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  fs::remove(file);
  fs::remove(log);
  return status == 0 ? std::string() : text.str();
}

const DataCategory& at(Span<DataCategory> categories, std::size_t i) {
  EXPECT_LT(i, categories.size());
  return categories[i < categories.size() ? i : 0];
}

// -- reading files written by hand ----------------------------------------------

TEST(NativeCategories, HandWrittenFileKeepsEveryCategoryAtItsLevel) {
  const LoadResult r = load_files({data_dir + "/native/categories.xml"});
  EXPECT_TRUE(test::with_rule(r, "unsupported-content").empty()) << test::all_messages(r);
  const Entry* e = test::entry(r.vocabulary, "c1");
  ASSERT_NE(e, nullptr);

  // Entry level: named, grouped, generic and block categories in order.
  ASSERT_EQ(e->categories.size(), 5u);
  EXPECT_EQ(e->subject_field(), "astronomy");
  const DataCategory& subject = at(e->categories, 0);
  EXPECT_EQ(subject.element, CategoryElement::descrip);
  EXPECT_EQ(subject.type, "subjectField");
  EXPECT_FALSE(subject.grouped);
  EXPECT_EQ(subject.range.line, 4u);
  EXPECT_EQ(subject.range.column, 5u);
  const DataCategory& origination = at(e->categories, 1);
  EXPECT_EQ(origination.element, CategoryElement::transac);
  EXPECT_EQ(origination.type, "transactionType");
  EXPECT_EQ(origination.value, "origination");
  EXPECT_TRUE(origination.grouped);
  EXPECT_EQ(origination.range.line, 5u);  // the group's start
  ASSERT_EQ(origination.details.size(), 2u);
  EXPECT_EQ(origination.details[0].element, CategoryElement::date);
  EXPECT_EQ(origination.details[0].value, "2010-04-17");
  EXPECT_EQ(origination.details[1].element, CategoryElement::transac_note);
  EXPECT_EQ(origination.details[1].type, "responsibility");
  EXPECT_EQ(origination.details[1].target, "p1");
  EXPECT_EQ(origination.details[1].value, "Tommy");
  EXPECT_EQ(at(e->categories, 2).element, CategoryElement::admin);
  EXPECT_EQ(at(e->categories, 2).type, "customerSubset");
  const DataCategory& graphic = at(e->categories, 3);
  EXPECT_EQ(graphic.element, CategoryElement::xref);
  EXPECT_EQ(graphic.target, "https://example.org/cluster.jpg");
  EXPECT_EQ(graphic.value, "cluster.jpg");
  const DataCategory& entry_note = at(e->categories, 4);
  EXPECT_EQ(entry_note.element, CategoryElement::note);
  EXPECT_EQ(entry_note.type, "");
  ASSERT_NE(entry_note.block, nullptr);
  EXPECT_EQ(entry_note.block->kind, BlockKind::note);
  EXPECT_EQ(entry_note.block->text, "Seen from afar.");

  // The entry-level note is a block of the section in the entry's language.
  ASSERT_EQ(e->languages.size(), 2u);
  const LanguageSection& en = e->languages[0];
  EXPECT_EQ(en.language, "en");
  ASSERT_EQ(en.notes.size(), 2u);
  EXPECT_EQ(entry_note.block, &en.notes[0]);
  EXPECT_EQ(en.notes[1].text, "Found in the plane of the galaxy.");

  // Language level: a grouped definition with its source, an unknown one.
  ASSERT_EQ(en.categories.size(), 2u);
  const DataCategory& definition = at(en.categories, 0);
  EXPECT_EQ(definition.element, CategoryElement::descrip);
  EXPECT_EQ(definition.type, "definition");
  EXPECT_TRUE(definition.grouped);
  EXPECT_EQ(definition.block, en.definition);
  EXPECT_EQ(definition.value, "A group of stars formed together.");
  ASSERT_EQ(definition.details.size(), 1u);
  EXPECT_EQ(definition.details[0].element, CategoryElement::admin);
  EXPECT_EQ(definition.details[0].type, "source");
  ASSERT_EQ(en.sources.size(), 2u);
  EXPECT_EQ(definition.details[0].block, &en.sources[0]);
  EXPECT_EQ(at(en.categories, 1).type, "projectCode");
  EXPECT_FALSE(at(en.categories, 1).known);

  // Term level.
  ASSERT_EQ(en.designations.size(), 2u);
  const Designation& open = en.designations[0];
  EXPECT_EQ(open.text, "open cluster");
  EXPECT_TRUE(open.status_stated);
  EXPECT_FALSE(open.kind_stated);
  EXPECT_EQ(open.part_of_speech, "noun");  // from its partOfSpeech category
  EXPECT_EQ(open.grammatical_gender(), "masculine");
  ASSERT_EQ(open.categories.size(), 4u);
  EXPECT_EQ(at(open.categories, 0).element, CategoryElement::term_note);
  EXPECT_EQ(at(open.categories, 0).type, "partOfSpeech");
  const DataCategory& context = at(open.categories, 2);
  EXPECT_EQ(context.type, "context");
  ASSERT_NE(context.block, nullptr);
  EXPECT_EQ(context.block->kind, BlockKind::example);
  ASSERT_EQ(context.details.size(), 2u);
  EXPECT_EQ(context.details[0].block, &en.sources[1]);
  const DataCategory& modification = context.details[1];
  EXPECT_TRUE(modification.grouped);
  EXPECT_EQ(modification.value, "modification");
  ASSERT_EQ(modification.details.size(), 1u);
  EXPECT_EQ(modification.details[0].value, "2011-01-02");
  const DataCategory& see = at(open.categories, 3);
  EXPECT_EQ(see.element, CategoryElement::ref);
  EXPECT_EQ(see.type, "crossReference");
  EXPECT_EQ(see.target, "c2");
  ASSERT_NE(see.block, nullptr);
  EXPECT_EQ(see.block->kind, BlockKind::cross_reference);
  ASSERT_EQ(see.block->references.size(), 1u);
  EXPECT_EQ(see.block->references[0].target, test::entry(r.vocabulary, "c2")->id);

  const Designation& galactic = en.designations[1];
  EXPECT_FALSE(galactic.status_stated);
  EXPECT_EQ(galactic.status, Status::admitted);
  EXPECT_EQ(galactic.geographical_usage(), "en-GB");
  const Designation& amas = e->languages[1].designations[0];
  EXPECT_TRUE(amas.kind_stated);
  EXPECT_TRUE(amas.categories.empty());
}

TEST(NativeCategories, HandWrittenFileRoundTripsExactly) {
  const LoadResult r = load_files({data_dir + "/native/categories.xml"});
  const std::string first = write_native_text(r.vocabulary);
  EXPECT_EQ(schema_errors(first, "hand"), "") << first;
  const LoadResult back = load_string(first, "back.xml");
  EXPECT_TRUE(test::with_rule(back, "unsupported-content").empty()) << test::all_messages(back);
  EXPECT_EQ(compare_models(r.vocabulary, back.vocabulary, everything()), "") << first;
  EXPECT_EQ(write_native_text(back.vocabulary), first);  // a fixed point
}

TEST(NativeCategories, WriterStatesOnlyWhatWasStated) {
  const LoadResult r = load_string(
      "<vocabulary xmlns='urn:termgraph:vocabulary:1'><entry number='1'>"
      "<term>a</term><term type='symbol'>b</term><term status='deprecated'>c</term>"
      "<definition>d</definition></entry></vocabulary>",
      "t.xml");
  const std::string out = write_native_text(r.vocabulary);
  EXPECT_NE(out.find("<term>a</term>"), std::string::npos) << out;
  EXPECT_NE(out.find("<term type=\"symbol\">b</term>"), std::string::npos) << out;
  EXPECT_NE(out.find("<term status=\"deprecated\">c</term>"), std::string::npos) << out;
  const LoadResult back = load_string(out, "back.xml");
  EXPECT_EQ(compare_models(r.vocabulary, back.vocabulary, everything()), "");
}

// -- a model with every element, level and group -------------------------------

struct Built {
  std::shared_ptr<Vocabulary::Impl> impl = std::make_shared<Vocabulary::Impl>();
  std::vector<Diagnostic> diagnostics;
};

std::uint32_t block(Builder& b, BlockKind kind, const std::string& text) {
  TextBuilder t;
  t.append(text, 0);
  t.finish();
  return b.add_block(0, kind, t);
}

/// Every element at every level; groups with details, a nested group; an
/// unknown category; categories standing for blocks of every kind; the
/// entry-level blocks in the second section (the document's language).
Vocabulary every_category(Built& built) {
  Builder b(*built.impl, built.diagnostics);
  const std::string raw(64, ' ');
  b.add_file("built.tbx", raw);
  const CategoryElement all[] = {
      CategoryElement::descrip,      CategoryElement::descrip_note, CategoryElement::admin,
      CategoryElement::admin_note,   CategoryElement::term_note,    CategoryElement::note,
      CategoryElement::ref,          CategoryElement::xref,         CategoryElement::transac,
      CategoryElement::transac_note, CategoryElement::date};
  auto each_element = [&](CategoryLevel level) {
    for (CategoryElement e : all) {
      std::string type = std::string(to_string(e)) + "Type";
      if (e == CategoryElement::note || e == CategoryElement::date) type.clear();
      b.add_category(level, 0, 0, e, type, "value of " + std::string(to_string(e)),
                     e == CategoryElement::xref ? "https://example.org/x" : "");
    }
    // Named ones, an unknown one, a transaction with its details.
    b.add_category(level, 0, 0, CategoryElement::descrip, "subjectField", "astronomy");
    b.add_category(level, 0, 0, CategoryElement::term_note, "grammaticalGender", "feminine");
    b.add_category(level, 0, 0, CategoryElement::admin, "x-house-code", "H 1", {}, false, false);
    auto t = b.add_category(level, 0, 0, CategoryElement::transac, "transactionType", "origination",
                            {}, true);
    b.add_category(level, 0, 0, CategoryElement::date, {}, "2024-01-01", {}, false, true, t);
    b.add_category(level, 0, 0, CategoryElement::transac_note, "responsibility", "Ana", "p1", false,
                   true, t);
    // A group with only its category.
    b.add_category(level, 0, 0, CategoryElement::admin, "customerSubset", "C", {}, true);
  };
  // A category standing for a block, grouped with a source (a block too), a
  // note and a nested transaction group.
  auto with_block = [&](CategoryLevel level, BlockKind kind, CategoryElement element,
                        const std::string& type, const std::string& text) {
    auto blk = block(b, kind, text);
    auto c = b.add_category(level, 0, 0, element, type, text, {}, true);
    b.set_category_block(c, blk);
    auto src = block(b, BlockKind::source, "source of " + text);
    auto s = b.add_category(level, 0, 0, CategoryElement::admin, "source", "source of " + text, {},
                            false, true, c);
    b.set_category_block(s, src);
    b.add_category(level, 0, 0, CategoryElement::descrip_note, "reliabilityCode", "3", {}, false,
                   true, c);
    auto t = b.add_category(level, 0, 0, CategoryElement::transac, "transactionType",
                            "modification", {}, true, true, c);
    b.add_category(level, 0, 0, CategoryElement::date, {}, "2024-02-02", {}, false, true, t);
  };

  b.begin_entry(0, "c1", false);
  b.add_entry_id("c1");
  b.begin_section(0, "fr");
  b.add_designation(0, "amas ouvert", ReadStatus::preferred, TermKind::full_form, "noun", true);
  b.add_category(CategoryLevel::term, 0, 0, CategoryElement::term_note, "partOfSpeech", "noun");
  b.add_category(CategoryLevel::term, 0, 0, CategoryElement::term_note, "grammaticalGender",
                 "masculine");
  b.end_section();
  b.begin_section(0, "en");
  // Entry level first, its blocks in this section.
  each_element(CategoryLevel::entry);
  with_block(CategoryLevel::entry, BlockKind::note, CategoryElement::note, "", "entry note");
  auto xr = block(b, BlockKind::cross_reference, "globular cluster");
  auto x = b.add_category(CategoryLevel::entry, 0, 0, CategoryElement::ref, "crossReference",
                          "globular cluster", "c2");
  b.set_category_block(x, xr);
  // Language level.
  each_element(CategoryLevel::language);
  with_block(CategoryLevel::language, BlockKind::definition, CategoryElement::descrip, "definition",
             "group of stars");
  auto n = block(b, BlockKind::note, "a note as descrip");
  auto nc = b.add_category(CategoryLevel::language, 0, 0, CategoryElement::descrip, "note",
                           "a note as descrip");
  b.set_category_block(nc, n);
  // Terms: stated and unstated status and kind, categories of every kind.
  b.add_designation(0, "open cluster", ReadStatus::unspecified, TermKind::full_form, {}, false);
  each_element(CategoryLevel::term);
  with_block(CategoryLevel::term, BlockKind::example, CategoryElement::descrip, "context",
             "Over 1100 are known.");
  auto ex = block(b, BlockKind::example, "an example of another type");
  auto exc = b.add_category(CategoryLevel::term, 0, 0, CategoryElement::descrip, "example",
                            "an example of another type");
  b.set_category_block(exc, ex);
  b.add_designation(0, "OC", ReadStatus::admitted, TermKind::abbreviation, "noun", true);
  // In a group, a part of speech does not stand for `pos`: pos is written.
  b.add_category(CategoryLevel::term, 0, 0, CategoryElement::term_note, "partOfSpeech", "noun", {},
                 true);
  b.end_section();
  b.end_entry();

  b.begin_entry(0, "c2", false);
  b.add_entry_id("c2");
  b.begin_section(0, "en");
  b.add_designation(0, "globular cluster", ReadStatus::unspecified, TermKind::full_form);
  block(b, BlockKind::definition, "spherical collection of stars");  // no category
  b.end_section();
  b.end_entry();
  b.finish();
  return VocabularyAccess::make(built.impl);
}

TEST(NativeCategories, EveryElementLevelAndGroupRoundTrips) {
  Built built;
  const Vocabulary v = every_category(built);
  ASSERT_EQ(v.size(), 2u);
  // The model is what the test means it to be.
  ASSERT_EQ(v[0].categories.size(), 18u);
  ASSERT_EQ(v[0].languages[1].categories.size(), 18u);
  ASSERT_EQ(v[0].languages[1].designations[0].categories.size(), 18u);
  ASSERT_EQ(v[0].languages[1].notes.size(), 2u);

  const std::string first = write_native_text(v);
  EXPECT_EQ(schema_errors(first, "every"), "") << first;
  const LoadResult back = load_string(first, "every.xml");
  EXPECT_TRUE(test::with_rule(back, "unsupported-content").empty()) << test::all_messages(back);
  EXPECT_EQ(compare_models(v, back.vocabulary, everything()), "") << first;
  EXPECT_EQ(write_native_text(back.vocabulary), first);

  // The entry-level blocks came back to the same section, in the same order.
  const Entry& e = back.vocabulary[0];
  ASSERT_EQ(e.languages.size(), 2u);
  EXPECT_EQ(e.languages[0].language, "fr");
  const LanguageSection& en = e.languages[1];
  ASSERT_EQ(en.notes.size(), 2u);
  EXPECT_EQ(en.notes[0].text, "entry note");
  EXPECT_EQ(at(e.categories, 16).block, &en.notes[0]);
  ASSERT_NE(at(e.categories, 17).block, nullptr);
  EXPECT_EQ(at(e.categories, 17).block->kind, BlockKind::cross_reference);
  EXPECT_EQ(at(e.categories, 17).target, "c2");
  // The part of speech stated by a category is not written twice.
  EXPECT_EQ(first.find("pos=\"noun\">amas"), std::string::npos) << first;
  EXPECT_NE(first.find("pos=\"noun\">OC\n"), std::string::npos) << first;
}

// -- TBX -> native -> read --------------------------------------------------------

TEST(NativeCategories, TbxWithEveryBasicCategoryThroughNative) {
  const LoadResult tbx = load_files({data_dir + "/tbx/all-categories.tbx"});
  ASSERT_EQ(tbx.vocabulary.size(), 2u);
  const std::string native = write_native_text(tbx.vocabulary);
  EXPECT_EQ(schema_errors(native, "tbx"), "") << native;
  const LoadResult back = load_string(native, "from-tbx.xml");
  EXPECT_TRUE(test::with_rule(back, "unsupported-content").empty()) << test::all_messages(back);
  // Category by category (element, type, value, target, grouped, details,
  // level, block kind) and every stated status and kind.
  EXPECT_EQ(compare_models(tbx.vocabulary, back.vocabulary, everything(false)), "") << native;
  EXPECT_EQ(write_native_text(back.vocabulary), native);
}

// -- CSV: subject field and gender ----------------------------------------------

TEST(NativeCategories, CsvKeepsSubjectFieldAndGender) {
  const std::string csv =
      "Entry,Language,Term,Gender,Subject field\r\n"
      "1,fr,amas ouvert,masculine,astronomy\r\n"
      "1,en,open cluster,,astronomy\r\n"
      "2,de,Sternhaufen,masculine,\r\n";
  const LoadResult r = load_string(csv, "t.csv");
  EXPECT_TRUE(test::with_rule(r, "unsupported-content").empty()) << test::all_messages(r);
  ASSERT_EQ(r.vocabulary.size(), 2u);
  const Entry& one = r.vocabulary[0];
  ASSERT_EQ(one.categories.size(), 1u);  // repeated on every row, read once
  EXPECT_EQ(one.subject_field(), "astronomy");
  EXPECT_EQ(one.categories[0].range.line, 2u);
  EXPECT_EQ(one.categories[0].range.column, 28u);
  const Designation& amas = one.languages[0].designations[0];
  EXPECT_EQ(amas.grammatical_gender(), "masculine");
  ASSERT_EQ(amas.categories.size(), 1u);
  EXPECT_EQ(amas.categories[0].element, CategoryElement::term_note);
  EXPECT_EQ(amas.categories[0].range.column, 18u);
  EXPECT_TRUE(one.languages[1].designations[0].categories.empty());
  // No status or type column: neither was stated, and native says neither.
  EXPECT_FALSE(amas.status_stated);
  EXPECT_FALSE(amas.kind_stated);
  const std::string native = write_native_text(r.vocabulary);
  EXPECT_NE(native.find("<term>amas ouvert"), std::string::npos) << native;
  EXPECT_TRUE(r.vocabulary[1].categories.empty());

  std::ostringstream out;
  ASSERT_TRUE(write_vocabulary(out, r.vocabulary, Format::csv));
  EXPECT_EQ(out.str().substr(0, out.str().find('\r')),
            "Entry,Language,Term,Status,Term type,Part of speech,Definition,Notes,Examples,"
            "Sources,Subject field,Gender");
  const LoadResult back = load_string(out.str(), "back.csv");
  CompareOptions o;
  o.categories = true;
  EXPECT_EQ(compare_models(r.vocabulary, back.vocabulary, o), "") << out.str();
}

// -- what is reported ---------------------------------------------------------

TEST(NativeCategories, CategoriesWrittenWrongAreReportedWhereTheyStand) {
  const LoadResult r = load_string(
      "<vocabulary xmlns='urn:termgraph:vocabulary:1'>\n"
      "<entry number='1'>\n"
      "  <group></group>\n"
      "  <group><group><date>1</date></group><date>2</date></group>\n"
      "  <group><subject-field>a</subject-field><group><transaction>t</transaction>"
      "<group><date>3</date></group></group></group>\n"
      "  <category element='descript' type='x'>v</category>\n"
      "  <gender known='maybe'>m</gender>\n"
      "  <term> <gender>f</gender></term>\n"
      "  <term>t<category type='x' size='2'>v</category></term>\n"
      "</entry></vocabulary>\n",
      "bad.xml");
  const std::vector<const Diagnostic*> found = test::with_rule(r, "unsupported-content");
  std::vector<std::string> where;
  for (const Diagnostic* d : found) {
    where.push_back(std::to_string(d->range.line) + ":" + std::to_string(d->range.column));
  }
  const std::vector<std::string> expected = {"3:3", "4:10", "5:77", "6:22", "7:18", "8:10", "9:29"};
  EXPECT_EQ(where, expected) << test::all_messages(r);
  const Entry& e = r.vocabulary[0];
  // What could be read is kept: the subject field with its transaction,
  // the category with the element assumed, the gender as known.
  ASSERT_EQ(e.categories.size(), 3u) << test::all_messages(r);
  EXPECT_EQ(e.subject_field(), "a");
  ASSERT_EQ(e.categories[0].details.size(), 1u);
  EXPECT_TRUE(e.categories[0].details[0].details.empty());
  EXPECT_EQ(e.categories[1].element, CategoryElement::descrip);
  EXPECT_TRUE(e.categories[2].known);
  ASSERT_EQ(e.languages.size(), 1u);
  ASSERT_EQ(e.languages[0].designations.size(), 1u);
  EXPECT_EQ(e.languages[0].designations[0].categories.size(), 1u);
}

TEST(NativeCategories, DeepGroupsAndManyCategoriesAreBounded) {
  // Groups nested far deeper than the format allows: the depth the reader
  // goes to is its own, not the input's; one finding at the third group.
  const std::size_t depth = 100000;
  std::string doc =
      "<vocabulary xmlns='urn:termgraph:vocabulary:1'>\n<entry number='1'><term>t</term>";
  for (std::size_t i = 0; i < depth; ++i) doc += "<group><subject-field>s</subject-field>";
  for (std::size_t i = 0; i < depth; ++i) doc += "</group>";
  doc += "</entry></vocabulary>\n";
  const LoadResult r = load_string(doc, "deep.xml");
  const auto found = test::with_rule(r, "unsupported-content");
  ASSERT_EQ(found.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(found[0]->range.line, 2u);
  EXPECT_EQ(found[0]->range.column, 33u + 2 * 39);  // the third <group>
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const Entry& e = r.vocabulary[0];
  ASSERT_EQ(e.categories.size(), 1u);
  ASSERT_EQ(e.categories[0].details.size(), 1u);
  EXPECT_TRUE(e.categories[0].details[0].details.empty());

  // Many categories on one term: all kept, in order.
  const std::size_t n = 20000;
  std::string many = "<vocabulary xmlns='urn:termgraph:vocabulary:1'><entry number='1'><term>t";
  for (std::size_t i = 0; i < n; ++i) {
    many += "<category type='c" + std::to_string(i) + "'>" + std::to_string(i) + "</category>";
  }
  many += "</term></entry></vocabulary>";
  const LoadResult m = load_string(many, "many.xml");
  const Designation& d = m.vocabulary[0].languages[0].designations[0];
  EXPECT_EQ(d.text, "t");
  ASSERT_EQ(d.categories.size(), n);
  EXPECT_EQ(d.categories[n - 1].value, std::to_string(n - 1));
}

}  // namespace
}  // namespace termgraph

namespace termgraph {
namespace {

// A TBX file's header and back matter pass through the native format in
// <tbx-source>, valid against the schema, and come back in TBX output.
TEST(NativeCategories, TbxSourcePartsPassThrough) {
  const std::string tbx =
      "<?xml version=\"1.0\"?>\n"
      "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"
      "<tbxHeader><fileDesc><titleStmt><title>Sky</title></titleStmt>"
      "<sourceDesc><p xml:id=\"s]]>1\">b &amp; c</p></sourceDesc></fileDesc></tbxHeader>"
      "<text><body><conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>star</term>"
      "</termSec></langSec></conceptEntry></body>"
      "<back><refObjectSec type=\"respPerson\"><refObject id=\"p1\"><itemSet>"
      "<item type=\"fn\">Jo</item></itemSet></refObject></refObjectSec></back></text></tbx>\n";
  LoadResult r = load_string(tbx, "sky.tbx");
  const std::string native = write_native_text(r.vocabulary);
  EXPECT_NE(native.find("<tbx-source type=\"TBX-Basic\" style=\"dca\">"), std::string::npos)
      << native;
  EXPECT_EQ(schema_errors(native, "tbx-source"), "");
  LoadResult back = load_string(native, "sky.xml");
  EXPECT_TRUE(test::with_rule(back, "invalid-value").empty());
  EXPECT_TRUE(test::with_rule(back, "unsupported-content").empty());
  std::ostringstream out;
  ASSERT_TRUE(write_vocabulary(out, back.vocabulary, Format::tbx));
  EXPECT_NE(out.str().find("<p xml:id=\"s]]>1\">b &amp; c</p>"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("<item type=\"fn\">Jo</item>"), std::string::npos) << out.str();
}

// Content that is not well-formed is reported where it stands and not kept
// (it would be written into TBX output as it is).
TEST(NativeCategories, TbxSourceThatIsNotWellFormedIsRefused) {
  const std::string native =
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\">\n"
      "<tbx-source type=\"TBX-Basic\">\n"
      "  <header><![CDATA[</tbxHeader><evil>]]></header>\n"
      "</tbx-source>\n"
      "<entry number=\"1\"><term>star</term></entry>\n"
      "</vocabulary>\n";
  LoadResult r = load_string(native, "bad.xml");
  auto found = test::with_rule(r, "invalid-value");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->range.line, 3u);
  EXPECT_EQ(found[0]->range.column, 3u);
  std::ostringstream out;
  ASSERT_TRUE(write_vocabulary(out, r.vocabulary, Format::tbx));
  EXPECT_EQ(out.str().find("evil"), std::string::npos);
}

}  // namespace
}  // namespace termgraph
