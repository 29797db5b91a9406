// Real NISO/ISO STS files written by other people (see the corpus's
// PROVENANCE.md): each loads as STS without syntax or format errors, with
// the number of entries counted by hand from the files, and known entries
// come out as written. Skipped when the corpus is not there.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/load.hpp"
#include "test_support.hpp"

using namespace termgraph;
namespace fs = std::filesystem;

namespace {

using termgraph::test::entry;
using termgraph::test::with_rule;

const std::string corpus_dir = std::string(TERMGRAPH_CORPUS_DIR) + "/sts";

#define REQUIRE_CORPUS()                                                                     \
  do {                                                                                       \
    if (!fs::is_directory(corpus_dir)) GTEST_SKIP() << "corpus not found at " << corpus_dir; \
  } while (0)

LoadResult load(const std::string& name) {
  return load_files({corpus_dir + "/" + name});
}

std::size_t count_message(const LoadResult& r, std::string_view rule, std::string_view part) {
  std::size_t n = 0;
  for (const Diagnostic* d : with_rule(r, rule)) {
    if (d->message.find(part) != std::string::npos) ++n;
  }
  return n;
}

std::vector<std::string> terms(const LanguageSection& s) {
  std::vector<std::string> out;
  for (const Designation& d : s.designations) out.emplace_back(d.text);
  return out;
}

std::vector<std::string> languages(const Entry& e) {
  std::vector<std::string> out;
  for (const LanguageSection& s : e.languages) out.emplace_back(s.language);
  return out;
}

}  // namespace

TEST(CorpusSts, EveryFileLoadsAsStsWithTheEntriesItHolds) {
  REQUIRE_CORPUS();
  struct Expected {
    const char* file;
    std::size_t entries;
    std::size_t unsupported;  // unsupported-content warnings
  };
  // Entries counted from the files: one per term-sec with a termEntry
  // (nested ones included). Unsupported content: term-display, terms that
  // are only markup, a second definition (the data categories, subjectField,
  // see, crossReference, xSource, xGraphic, grammatical data ..., are kept).
  const Expected expected[] = {
      {"glossarist-multi_lang_term.xml", 2, 0},
      {"glossarist-nested_symbol.xml", 3, 0},
      {"glossarist-second_doc.xml", 1, 0},
      {"glossarist-simple_term.xml", 2, 0},
      {"isosts-feature-doc.xml", 1, 0},
      {"isosts-tbx-examples.xml", 48, 4},
      {"isosts-tbx-highlight-elements.xml", 1, 0},
  };
  std::vector<std::string> seen;
  for (const auto& p : fs::directory_iterator(corpus_dir)) {
    if (p.path().extension() == ".xml") seen.push_back(p.path().filename().string());
  }
  std::sort(seen.begin(), seen.end());
  std::vector<std::string> listed;
  for (const Expected& x : expected) listed.emplace_back(x.file);
  EXPECT_EQ(seen, listed) << "the corpus changed: count the entries of the new files";

  for (const Expected& x : expected) {
    SCOPED_TRACE(x.file);
    LoadResult r = load(x.file);
    ASSERT_EQ(r.formats.size(), 1u);
    EXPECT_EQ(r.formats[0], Format::sts);
    EXPECT_TRUE(with_rule(r, "xml-syntax").empty());
    EXPECT_TRUE(with_rule(r, "unknown-format").empty());
    EXPECT_TRUE(with_rule(r, "unreadable-input").empty());
    EXPECT_EQ(r.vocabulary.size(), x.entries);
    EXPECT_EQ(with_rule(r, "unsupported-content").size(), x.unsupported);
    EXPECT_TRUE(with_rule(r, "duplicate-number").empty());
    for (const Entry& e : r.vocabulary.entries()) {
      EXPECT_TRUE(e.range.known()) << e.number;
      EXPECT_FALSE(e.languages.empty()) << e.number;
    }
  }
}

TEST(CorpusSts, TheWholeDirectoryIsOneVocabulary) {
  REQUIRE_CORPUS();
  LoadResult r = load_files({corpus_dir});
  EXPECT_EQ(r.vocabulary.files().size(), 7u);
  EXPECT_EQ(r.vocabulary.size(), 58u);
  // The glossarist files share 3.1 and 3.2; two ISO samples both have 3.28.
  std::vector<std::string> duplicated;
  for (const Diagnostic* d : with_rule(r, "duplicate-number")) {
    const std::vector<std::string> numbers = termgraph::test::entry_numbers(r, *d);
    ASSERT_EQ(numbers.size(), 2u);
    EXPECT_EQ(numbers[0], numbers[1]);
    duplicated.push_back(numbers[0]);
  }
  std::sort(duplicated.begin(), duplicated.end());
  EXPECT_EQ(duplicated, (std::vector<std::string>{"3.1", "3.2", "3.28"}));
}

TEST(CorpusSts, GlossaristSimpleTerm) {
  REQUIRE_CORPUS();
  LoadResult r = load("glossarist-simple_term.xml");
  const Entry* e = r.vocabulary.find_number("3.1");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->range.line, 30u);
  EXPECT_EQ(e->range.column, 7u);
  ASSERT_EQ(e->ids.size(), 2u);
  EXPECT_EQ(e->ids[0], "sec_3.1");
  EXPECT_EQ(e->ids[1], "term_3.1");
  ASSERT_EQ(e->languages.size(), 1u);
  const LanguageSection& en = e->languages[0];
  EXPECT_EQ(en.language, "en");
  ASSERT_EQ(en.designations.size(), 1u);
  EXPECT_EQ(en.designations[0].text, "test robot");
  EXPECT_EQ(en.designations[0].status, Status::preferred);
  EXPECT_EQ(en.designations[0].part_of_speech, "noun");
  ASSERT_NE(en.definition, nullptr);
  EXPECT_EQ(en.definition->text, "test robot definition");
  // The note comes after the tig in this file (which the DTD forbids).
  ASSERT_EQ(en.notes.size(), 1u);
  EXPECT_EQ(en.notes[0].text, "A note about the test robot.");
  EXPECT_EQ(en.notes[0].range.line, 40u);
  ASSERT_EQ(en.examples.size(), 1u);
  EXPECT_EQ(en.examples[0].text, "An example of a test robot.");
  ASSERT_EQ(en.sources.size(), 1u);
  EXPECT_EQ(en.sources[0].text, "ISO 12345:2021, 3.1, modified");

  // The subject field of 3.2, after its tig, is kept at language level.
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty());
  EXPECT_TRUE(en.categories.empty());
  const Entry* e2 = r.vocabulary.find_number("3.2");
  ASSERT_NE(e2, nullptr);
  ASSERT_EQ(e2->languages.size(), 1u);
  const LanguageSection& en2 = e2->languages[0];
  ASSERT_EQ(en2.categories.size(), 1u);
  EXPECT_EQ(en2.categories[0].type, "subjectField");
  EXPECT_EQ(en2.categories[0].value, "robotics");
  EXPECT_EQ(en2.categories[0].range.line, 56u);
  EXPECT_EQ(en2.categories[0].range.column, 13u);
  EXPECT_EQ(e2->languages[0].categories[0].range.end_line, 56u);
  EXPECT_EQ(r.errors(), 0u);
}

TEST(CorpusSts, GlossaristNestedSymbolAndMultipleLanguages) {
  REQUIRE_CORPUS();
  LoadResult r = load("glossarist-nested_symbol.xml");
  ASSERT_EQ(r.vocabulary.size(), 3u);
  EXPECT_EQ(r.vocabulary[0].number, "3.1");
  EXPECT_EQ(r.vocabulary[1].number, "3.1.1");
  EXPECT_EQ(r.vocabulary[2].number, "3.2");
  const LanguageSection& v = r.vocabulary[0].languages[0];
  EXPECT_EQ(terms(v), (std::vector<std::string>{"v", "velocity"}));
  EXPECT_EQ(v.designations[0].kind, TermKind::symbol);
  EXPECT_EQ(v.designations[0].status, Status::admitted);
  EXPECT_EQ(v.designations[1].status, Status::preferred);
  EXPECT_EQ(r.vocabulary[0].preferred()->text, "velocity");
  // 3.2 has only a deprecated term.
  auto m = with_rule(r, "missing-preferred-term");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *m[0]), std::vector<std::string>{"3.2"});
  EXPECT_EQ(m[0]->range.line, 61u);
  EXPECT_EQ(m[0]->range.column, 11u);

  LoadResult multi = load("glossarist-multi_lang_term.xml");
  const Entry* machine = multi.vocabulary.find_number("1.1");
  ASSERT_NE(machine, nullptr);
  EXPECT_EQ(languages(*machine), (std::vector<std::string>{"en", "fr"}));
  EXPECT_EQ(terms(machine->languages[1]), std::vector<std::string>{"machine"});
  ASSERT_NE(machine->languages[1].definition, nullptr);
  EXPECT_EQ(machine->languages[1].definition->text, "un dispositif mecanique");
  const Entry* ae = multi.vocabulary.find_number("1.2");
  ASSERT_NE(ae, nullptr);
  ASSERT_EQ(ae->languages[0].designations.size(), 2u);
  EXPECT_EQ(ae->languages[0].designations[1].text, "AE");
  EXPECT_EQ(ae->languages[0].designations[1].kind, TermKind::abbreviation);
  EXPECT_EQ(ae->languages[0].designations[1].status, Status::admitted);
  EXPECT_EQ(multi.vocabulary.find_term("AE").size(), 1u);
}

TEST(CorpusSts, IsoStsSamplesWithoutNamespaceDeclarationOrIds) {
  REQUIRE_CORPUS();
  // The tbx prefix is declared by the DTD only.
  LoadResult h = load("isosts-tbx-highlight-elements.xml");
  ASSERT_EQ(h.vocabulary.size(), 1u);
  EXPECT_EQ(h.vocabulary[0].number, "2.4");
  ASSERT_NE(h.vocabulary[0].languages[0].definition, nullptr);
  EXPECT_EQ(h.vocabulary[0].languages[0].definition->text,
            "ISO Online http://www.iso.org apel@iso.org A = B + C");
  EXPECT_EQ(h.vocabulary[0].preferred()->text, "inline element");

  // A term-sec with a label, no ids and no definition, among other content.
  LoadResult f = load("isosts-feature-doc.xml");
  ASSERT_EQ(f.vocabulary.size(), 1u);
  EXPECT_EQ(f.vocabulary[0].number, "3.28");
  EXPECT_TRUE(f.vocabulary[0].ids.empty());
  EXPECT_EQ(f.vocabulary[0].preferred()->text, "medical device");
  auto m = with_rule(f, "missing-definition");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0]->range.line, 372u);
}

TEST(CorpusSts, TbxExamplesReferences) {
  REQUIRE_CORPUS();
  LoadResult r = load("isosts-tbx-examples.xml");
  const Vocabulary& v = r.vocabulary;

  // Entries without label are known by their termEntry id, or by the number
  // at the end of it.
  const Entry* competence = v.find_number("3.1.6");
  ASSERT_NE(competence, nullptr);
  EXPECT_EQ(competence->ids[0], "iso_9000_2005_en_term_3.1.6");
  const Entry* auditor = v.find_number("3.9.9");
  ASSERT_NE(auditor, nullptr);
  ASSERT_NE(auditor->languages[0].definition, nullptr);

  // "competence (3.1.6 and 3.9.14)": two references, the first through the
  // entailedTerm's target; then "audit (3.9.1)".
  const TextBlock& def = *auditor->languages[0].definition;
  ASSERT_EQ(def.references.size(), 3u);
  EXPECT_EQ(def.references[0].number, "3.1.6");
  EXPECT_EQ(def.references[0].term, "competence");
  EXPECT_EQ(def.references[0].target_id, "iso_9000_2005_en_term_3.1.6");
  EXPECT_EQ(def.references[0].target, competence->id);
  EXPECT_EQ(def.references[1].number, "3.9.14");
  EXPECT_EQ(def.references[1].target, no_entry);
  EXPECT_EQ(def.references[1].range.line, 1681u);
  EXPECT_EQ(def.references[1].range.column, 60u);
  EXPECT_EQ(def.references[2].number, "3.9.1");
  EXPECT_EQ(def.references[2].term, "audit");

  // "(ISO 1087-2:2000, 6.7)" cites another document, and the entailedTerm
  // with @xtarget points into one: neither is dangling.
  const Entry* term_bank = entry(v, "ISO10241-1.a217.374");
  ASSERT_NE(term_bank, nullptr);
  EXPECT_FALSE(term_bank->numbered);
  const TextBlock& tb = *term_bank->languages[0].definition;
  ASSERT_EQ(tb.references.size(), 2u);
  EXPECT_TRUE(tb.references[0].external);
  EXPECT_TRUE(tb.references[1].external);
  EXPECT_EQ(tb.references[1].target_id, "xyz");
  for (const Diagnostic* d : with_rule(r, "dangling-reference")) {
    EXPECT_FALSE(d->range.line >= 968 && d->range.line <= 972)
        << d->message << " at line " << d->range.line;
  }

  // A number split over the markup: <entailedTerm>fire effluent (4.105</..>)
  const Entry* fire = entry(v, "ISO10241-1.a213.496");
  ASSERT_NE(fire, nullptr);
  const TextBlock& fd = *fire->languages[0].definition;
  ASSERT_EQ(fd.references.size(), 5u);
  EXPECT_EQ(fd.references[1].term, "fire effluent");
  EXPECT_EQ(fd.references[1].number, "4.105");
  EXPECT_EQ(fd.references[1].range.line, 560u);
  EXPECT_EQ(fd.references[1].range.column, 43u);

  // Most numbered references of this excerpt point outside it and are
  // reported; the resolved and the external ones are not.
  std::vector<std::string> dangling;
  for (const Diagnostic* d : with_rule(r, "dangling-reference")) dangling.push_back(d->target);
  auto reported = [&](std::string_view n) {
    return std::find(dangling.begin(), dangling.end(), n) != dangling.end();
  };
  EXPECT_TRUE(reported("3.9.14"));
  EXPECT_TRUE(reported("3.9.1"));
  EXPECT_TRUE(reported("4.105"));
  EXPECT_TRUE(reported("02.05.01"));
  EXPECT_FALSE(reported("3.1.6"));
  EXPECT_FALSE(reported("6.7"));
  EXPECT_FALSE(reported("3.8.1"));
}

TEST(CorpusSts, TbxExamplesLanguagesAndUnsupportedContent) {
  REQUIRE_CORPUS();
  LoadResult r = load("isosts-tbx-examples.xml");
  const Vocabulary& v = r.vocabulary;

  const Entry* stop = entry(v, "ISO10241-1.a28.2138");
  ASSERT_NE(stop, nullptr);
  EXPECT_EQ(languages(*stop), (std::vector<std::string>{"en", "fr", "ru"}));
  EXPECT_EQ(terms(*stop->section("fr")), std::vector<std::string>{"arrêt"});
  // The Russian section has an empty term (printed as dots): no designation.
  const LanguageSection* ru = stop->section("ru");
  ASSERT_NE(ru, nullptr);
  EXPECT_TRUE(ru->designations.empty());
  ASSERT_NE(ru->definition, nullptr);
  EXPECT_EQ(ru->definition->text, "диафрагмa, обычно нерегули¬руемaя");
  ASSERT_EQ(ru->notes.size(), 1u);

  const Entry* field = entry(v, "ISO10241-1.a29.13");
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(languages(*field),
            (std::vector<std::string>{"en", "fr", "ru", "de", "es", "it", "nl", "sv"}));
  const LanguageSection* fru = field->section("ru");
  ASSERT_NE(fru, nullptr);
  EXPECT_EQ(terms(*fru), std::vector<std::string>{"область стандартизации"});
  ASSERT_EQ(fru->definition->references.size(), 1u);
  const Reference& ref = fru->definition->references[0];
  EXPECT_EQ(ref.term, "объектов стандартизации");
  EXPECT_EQ(ref.number, "1.2");
  EXPECT_EQ(ref.range.line, 402u);
  EXPECT_EQ(ref.range.column, 49u);  // code points, not bytes

  // French designations keep their accents; lookups fold them.
  EXPECT_FALSE(v.find_term("reunion", "fr").empty());

  // Every element the model has no place for is reported once; the data
  // categories are kept, each where it stands.
  std::size_t subject = 0, see = 0, cross = 0, gender = 0, graphic = 0, sources = 0;
  for (const Entry& e : v.entries()) {
    for (const DataCategory& c : e.categories) graphic += c.type == "xGraphic";
    for (const LanguageSection& s : e.languages) {
      for (const DataCategory& c : s.categories) {
        subject += c.type == "subjectField";
        see += c.type == "see";
        cross += c.type == "crossReference";
        sources += c.type == "xSource";
      }
      for (const Designation& d : s.designations) gender += !d.grammatical_gender().empty();
    }
  }
  EXPECT_EQ(subject, 12u);
  EXPECT_EQ(see, 7u);
  EXPECT_EQ(cross, 2u);
  EXPECT_EQ(gender, 11u);
  EXPECT_EQ(graphic, 3u);
  EXPECT_EQ(sources, 3u);
  EXPECT_EQ(count_message(r, "unsupported-content", "'term-display'"), 1u);
  EXPECT_EQ(count_message(r, "unsupported-content", "only markup"), 2u);
}
