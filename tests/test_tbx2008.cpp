// The TBX 2008 writer (`convert --to tbx2008`): what it writes for each
// data category, valid against the TBX 2008 core structure DTD of the
// shared corpus (xmllint --dtdvalid; skipped with a message where the DTD
// is absent), and read back to the same model: entries, sections,
// designations, blocks and data categories at their level with their
// groups.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "model/builder.hpp"
#include "model_compare.hpp"
#include "read/text_builder.hpp"
#include "termgraph/load.hpp"
#include "termgraph/write.hpp"
#include "test_support.hpp"
#include "vocab_gen.hpp"

namespace termgraph {
namespace {

namespace fs = std::filesystem;
using termgraph::testing::compare_models;
using termgraph::testing::CompareOptions;

std::string write2008(const Vocabulary& v, const WriteOptions& o = {}) {
  std::ostringstream out;
  EXPECT_TRUE(write_vocabulary(out, v, Format::tbx2008, o));
  return out.str();
}

fs::path dtd_path() {
  return fs::path(TERMGRAPH_CORPUS_DIR) / "tbx" / "TBXcoreStructV02.dtd";
}

/// What xmllint says validating `text` against the TBX 2008 core structure
/// DTD: empty when valid.
std::string dtd_errors(const std::string& text, const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "termgraph-tbx2008-test";
  fs::create_directories(dir);
  // The DTD beside the file, where its DOCTYPE names it: xmllint then
  // finds it and says nothing about a missing external entity.
  std::error_code ec;
  fs::copy_file(dtd_path(), dir / "TBXcoreStructV02.dtd", fs::copy_options::overwrite_existing, ec);
  const fs::path file = dir / (name + ".tbx");
  {
    std::ofstream out(file, std::ios::binary);
    out << text;
  }
  const std::string command =
      "xmllint --noout --dtdvalid '" + dtd_path().string() + "' '" + file.string() + "' 2>&1";
  std::string output;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), &pclose);
  if (!pipe) return "xmllint could not be run";
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0) output.append(buffer, n);
  int status = pclose(pipe.release());
  if (status != 0 && output.empty())
    output = "xmllint failed with status " + std::to_string(status);
  if (output.size() > 3000) output.resize(3000);
  return output;
}

#define SKIP_WITHOUT_DTD()                                                    \
  do {                                                                        \
    if (!fs::exists(dtd_path()))                                              \
      GTEST_SKIP() << "TBX 2008 DTD not found at " << dtd_path().string()     \
                   << " (TERMGRAPH_CORPUS_DIR): the output is not validated"; \
  } while (false)

/// True when every entry has a language section and every section a
/// designation: what the DTD requires of termEntry and langSet.
bool fits_the_dtd(const Vocabulary& v) {
  for (const Entry& e : v.entries()) {
    if (e.languages.empty()) return false;
    for (const LanguageSection& s : e.languages) {
      if (s.designations.empty()) return false;
    }
  }
  return true;
}

/// True when some markup link of `v` cannot be written as a link in TBX
/// 2008 (its inline `hi` can only point at an entry of the same file): an
/// external one, or one that resolves to no entry.
bool has_unwritable_links(const Vocabulary& v) {
  auto in = [](const TextBlock& b) {
    for (const Reference& r : b.references) {
      if (r.markup && (r.external || r.target == no_entry)) return true;
    }
    return false;
  };
  for (const Entry& e : v.entries()) {
    for (const LanguageSection& s : e.languages) {
      if (s.definition && in(*s.definition)) return true;
      for (const TextBlock& b : s.notes) {
        if (in(b)) return true;
      }
      for (const TextBlock& b : s.examples) {
        if (in(b)) return true;
      }
    }
  }
  return false;
}

/// True when `v` has a ref or xref category without a block: the TBX
/// reader reads every ref and xref as a note with its link (a block), the
/// native reader keeps `<category element="xref">` as a category only, so
/// such a vocabulary does not come back from TBX with the same blocks.
bool has_link_category_without_block(const Vocabulary& v) {
  auto in = [](Span<DataCategory> cs) {
    for (const DataCategory& c : cs) {
      if ((c.element == CategoryElement::ref || c.element == CategoryElement::xref) && !c.block)
        return true;
    }
    return false;
  };
  for (const Entry& e : v.entries()) {
    if (in(e.categories)) return true;
    for (const LanguageSection& s : e.languages) {
      if (in(s.categories)) return true;
      for (const Designation& d : s.designations) {
        if (in(d.categories)) return true;
      }
    }
  }
  return false;
}

std::size_t count_categories(const Vocabulary& v) {
  std::size_t n = 0;
  for (const Entry& e : v.entries()) {
    n += e.categories.size();
    for (const LanguageSection& s : e.languages) {
      n += s.categories.size();
      for (const Designation& d : s.designations) n += d.categories.size();
    }
  }
  return n;
}

// -- comparing data categories --------------------------------------------

class CategoryComparer {
public:
  std::string run(const Vocabulary& a, const Vocabulary& b) {
    if (a.size() != b.size()) return "entry count differs\n";
    for (EntryId i = 0; i < a.size(); ++i) {
      const Entry& x = a[i];
      const Entry& y = b[i];
      const std::string where = "entry " + std::string(x.number);
      list(where, x.categories, y.categories);
      if (x.languages.size() != y.languages.size()) {
        out_ << where << ": language count differs\n";
        continue;
      }
      for (std::size_t l = 0; l < x.languages.size(); ++l) {
        const LanguageSection& s = x.languages[l];
        const LanguageSection& t = y.languages[l];
        const std::string w = where + " [" + std::string(s.language) + "]";
        list(w, s.categories, t.categories);
        if (s.designations.size() != t.designations.size()) {
          out_ << w << ": designation count differs\n";
          continue;
        }
        for (std::size_t d = 0; d < s.designations.size(); ++d) {
          list(w + " term " + std::string(s.designations[d].text), s.designations[d].categories,
               t.designations[d].categories);
        }
      }
    }
    return out_.str();
  }

private:
  static std::string describe(const DataCategory& c) {
    std::string s = std::string(to_string(c.element)) + " type='" + std::string(c.type) +
                    "' value='" + std::string(c.value) + "' target='" + std::string(c.target) +
                    "'" + (c.grouped ? " grouped" : "");
    if (c.block) s += " block='" + std::string(c.block->text) + "'";
    return s;
  }

  // Groups nest two deep at most in TBX 2008 (a transacGrp in a
  // descripGrp): details of details are compared, no deeper.
  void list(const std::string& where, Span<DataCategory> x, Span<DataCategory> y, int depth = 0) {
    if (x.size() != y.size()) {
      out_ << where << ": " << x.size() << " vs " << y.size() << " categories\n";
    }
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
      const std::string dx = describe(x[i]), dy = describe(y[i]);
      if (dx != dy) out_ << where << " category " << i << ": " << dx << " vs " << dy << "\n";
      if (depth < 2)
        list(where + " category " + std::to_string(i), x[i].details, y[i].details, depth + 1);
    }
  }

  std::ostringstream out_;
};

std::string compare_categories(const Vocabulary& a, const Vocabulary& b) {
  return CategoryComparer().run(a, b);
}

// -- a termbase with every category ---------------------------------------

/// A TBX 2008 termbase with every element the DTD has for data categories,
/// at each level, alone and in each of its groups: descrip, descripGrp
/// (descripNote, admin, adminGrp, transacGrp, note, ref, xref), admin,
/// adminGrp (adminNote), transacGrp (transacNote with a target, date),
/// note, ref, xref; termNote in tig and termNoteGrp in ntig; an inline
/// entailedTerm link; Arabic script.
std::string every_category_termbase() {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en">
<martifHeader><fileDesc><sourceDesc><p>every category</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="c1">
  <descripGrp>
    <descrip type="subjectField">astronomy</descrip>
    <descripNote type="descripNote">as catalogued</descripNote>
    <admin type="source">IAU list</admin>
    <adminGrp><admin type="responsibility">J. Doe</admin><adminNote type="adminNote">checked</adminNote></adminGrp>
    <transacGrp><transac type="transactionType">origination</transac><date>2020-01-02</date></transacGrp>
    <note>a note on the subject field</note>
    <ref type="crossReference" target="c2">moon</ref>
    <xref type="xSource" target="https://example.org/iau">IAU</xref>
  </descripGrp>
  <admin type="customerSubset">Contoso</admin>
  <adminGrp><admin type="projectSubset">Apollo</admin><adminNote type="adminNote">phase 1</adminNote><note>kept</note></adminGrp>
  <transacGrp>
    <transac type="transactionType">modification</transac>
    <transacNote type="responsibility" target="c2">editor</transacNote>
    <date>2024-05-01</date>
    <note>revised</note>
  </transacGrp>
  <note>an entry note</note>
  <ref type="crossReference" target="c2">moon</ref>
  <xref type="xGraphic" target="https://example.org/star.png">picture of a star</xref>
  <langSet xml:lang="en">
    <descripGrp>
      <descrip type="definition">luminous body seen at night, unlike the <hi type="entailedTerm" target="c2">moon</hi></descrip>
      <admin type="source">ISO 1234, 3.1</admin>
    </descripGrp>
    <descrip type="context">The star shines.</descrip>
    <admin type="source">star catalogue</admin>
    <note>a language note</note>
    <tig>
      <term>star</term>
      <termNote type="partOfSpeech">noun</termNote>
      <termNote type="termType">fullForm</termNote>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
      <termNote type="grammaticalNumber">singular</termNote>
      <descrip type="usageNote">astronomy only</descrip>
      <admin type="customerSubset">Fabrikam</admin>
      <transacGrp><transac type="transactionType">origination</transac><transacNote type="responsibility">J. Doe</transacNote><date>2019-12-31</date></transacGrp>
      <note>a term note</note>
    </tig>
    <ntig>
      <termGrp>
        <term>sun-like body</term>
        <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
        <termNoteGrp><termNote type="geographicalUsage">en-GB</termNote><admin type="source">BNC</admin><note>British usage</note></termNoteGrp>
      </termGrp>
      <admin type="projectSubset">Apollo</admin>
    </ntig>
  </langSet>
  <langSet xml:lang="ar">
    <descrip type="definition">جسم مضيء يرى في الليل</descrip>
    <tig><term>نجم</term><termNote type="grammaticalGender">masculine</termNote><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  </langSet>
</termEntry>
<termEntry id="c2">
  <descrip type="subjectField">astronomy</descrip>
  <langSet xml:lang="en">
    <descrip type="definition">natural satellite of a planet, lit by a <hi type="entailedTerm" target="c1">star</hi></descrip>
    <tig><term>moon</term><termNote type="termType">fullForm</termNote></tig>
  </langSet>
  <langSet xml:lang="ug">
    <tig><term>ئاي</term></tig>
  </langSet>
</termEntry>
</body></text>
</martif>
)";
}

TEST(Tbx2008, EveryCategoryTermbaseIsValidInput) {
  SKIP_WITHOUT_DTD();
  // The input of the tests below is itself what the DTD allows.
  EXPECT_EQ(dtd_errors(every_category_termbase(), "every-category-input"), "");
  // And the validation can fail: a langSet without a term, a termNote
  // directly in a langSet, a dangling IDREF.
  const std::string bad = R"(<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc>
</fileDesc></martifHeader><text><body><termEntry id="c1"><langSet xml:lang="en">
<termNote type="partOfSpeech">noun</termNote><note><hi type="entailedTerm" target="c9">x</hi></note>
</langSet></termEntry></body></text></martif>)";
  const std::string errors = dtd_errors(bad, "invalid");
  EXPECT_NE(errors.find("langSet"), std::string::npos) << errors;
  EXPECT_NE(errors.find("c9"), std::string::npos) << errors;
}

TEST(Tbx2008, EveryCategoryTermbaseReadsBackToTheSameModel) {
  const LoadResult original = load_string(every_category_termbase(), "every.tbx");
  ASSERT_EQ(original.vocabulary.size(), 2u) << termgraph::test::all_messages(original);
  const std::string written = write2008(original.vocabulary);
  const LoadResult back = load_string(written, "back.tbx");
  ASSERT_EQ(back.formats.size(), 1u);
  EXPECT_EQ(back.formats[0], Format::tbx2008);
  // Entry ids are kept (c1, c2): ids compared too.
  EXPECT_EQ(compare_models(original.vocabulary, back.vocabulary), "") << written;
  EXPECT_NE(written.find("<termEntry id=\"c1\">"), std::string::npos);
  // The source's header, written back as it was.
  EXPECT_NE(written.find("<martifHeader><fileDesc><sourceDesc><p>every category</p></sourceDesc>"
                         "</fileDesc></martifHeader>"),
            std::string::npos)
      << written;
  // Unless a title is given: then termgraph's own header.
  WriteOptions titled;
  titled.title = "Stars";
  const std::string with_title = write2008(original.vocabulary, titled);
  EXPECT_EQ(with_title.find("every category"), std::string::npos);
  EXPECT_NE(with_title.find("<title>Stars</title>"), std::string::npos);
  EXPECT_NE(written.find("<hi type=\"entailedTerm\" target=\"c2\">moon</hi>"), std::string::npos)
      << written;
  // A fixed point: what was read back is written byte for byte the same.
  EXPECT_EQ(write2008(back.vocabulary), written);
  if (fs::exists(dtd_path())) {
    EXPECT_EQ(dtd_errors(written, "every-category"), "");
  }
}

TEST(Tbx2008, EveryCategoryTermbaseKeepsItsCategories) {
  const LoadResult original = load_string(every_category_termbase(), "every.tbx");
  ASSERT_EQ(original.vocabulary.size(), 2u);
  EXPECT_EQ(count_categories(original.vocabulary), 28u);  // top level, details aside
  const std::string written = write2008(original.vocabulary);
  const LoadResult back = load_string(written, "back.tbx");
  EXPECT_EQ(compare_categories(original.vocabulary, back.vocabulary), "") << written;
  // The comparison sees a changed value.
  std::string changed = every_category_termbase();
  changed.replace(changed.find("Contoso"), 7, "Tailspin");
  const LoadResult other = load_string(changed, "changed.tbx");
  EXPECT_NE(compare_categories(original.vocabulary, other.vocabulary).find("Tailspin"),
            std::string::npos);
  // Every level has its categories.
  const Entry& c1 = original.vocabulary[0];
  EXPECT_EQ(c1.subject_field(), "astronomy");
  ASSERT_FALSE(c1.languages.empty());
  ASSERT_GE(c1.languages[0].designations.size(), 2u);
  EXPECT_EQ(c1.languages[0].designations[0].grammatical_number(), "singular");
  EXPECT_EQ(c1.languages[0].designations[1].geographical_usage(), "en-GB");
  if (fs::exists(dtd_path())) {
    EXPECT_EQ(dtd_errors(written, "every-category-back"), "");
  }
}

// -- the writer's layout, from a model built category by category ----------

struct Built {
  std::shared_ptr<Vocabulary::Impl> impl = std::make_shared<Vocabulary::Impl>();
  std::vector<Diagnostic> diagnostics;
  Vocabulary vocabulary() const { return VocabularyAccess::make(impl); }
};

/// One entry with a category of each element at each level, groups
/// (descripGrp with a source and a transaction, termNoteGrp), categories
/// the DTD allows nowhere on their own (a lone date, a termNote at entry
/// level), a block-backed definition with a link, a designation whose
/// status and type were not stated and one whose status was.
Vocabulary built_vocabulary(Built& b) {
  Builder builder(*b.impl, b.diagnostics);
  const std::string text(64, ' ');
  builder.add_file("built.tbx", text);
  using El = CategoryElement;
  using Lv = CategoryLevel;
  builder.begin_entry(0, "c1", false);
  builder.add_entry_id("c1");
  auto sf =
      builder.add_category(Lv::entry, 0, 1, El::descrip, "subjectField", "astronomy", {}, true);
  builder.add_category(Lv::entry, 0, 1, El::admin, "source", "IAU", {}, false, true, sf);
  auto tr = builder.add_category(Lv::entry, 0, 1, El::transac, "transactionType", "origination", {},
                                 false, true, sf);
  builder.add_category(Lv::entry, 0, 1, El::date, {}, "2020-01-02", {}, false, true, tr);
  builder.add_category(Lv::entry, 0, 1, El::transac_note, "responsibility", "Jo", {}, false, true,
                       tr);
  // An admin with a note of its own: a nested adminGrp; a date, which a
  // descripGrp may not hold: after the group, as a note.
  auto adm = builder.add_category(Lv::entry, 0, 1, El::admin, "responsibility", "J. Doe", {}, true,
                                  true, sf);
  builder.add_category(Lv::entry, 0, 1, El::admin_note, "adminNote", "checked", {}, false, true,
                       adm);
  builder.add_category(Lv::entry, 0, 1, El::date, {}, "2021-03-04", {}, false, true, sf);
  auto mod = builder.add_category(Lv::entry, 0, 1, El::transac, "transactionType", "modification");
  builder.add_category(Lv::entry, 0, 1, El::date, {}, "2024-05-01", {}, false, true, mod);
  builder.add_category(Lv::entry, 0, 1, El::date, {}, "2025-01-01");  // alone: not allowed
  builder.add_category(Lv::entry, 0, 1, El::term_note, "grammaticalGender", "feminine");
  builder.add_category(Lv::entry, 0, 1, El::ref, "crossReference", "moon", "c2");
  builder.add_category(Lv::entry, 0, 1, El::ref, "crossReference", "nowhere", "c9");
  builder.add_category(Lv::entry, 0, 1, El::xref, "xGraphic", "picture", "https://e.org/a.png");
  builder.begin_section(0, "en");
  TextBuilder def;
  def.append("body & light", 0);
  def.finish();
  auto block = builder.add_block(0, BlockKind::definition, def);
  auto d =
      builder.add_category(Lv::language, 0, 1, El::descrip, "definition", "body & light", {}, true);
  builder.set_category_block(d, block);
  builder.add_category(Lv::language, 0, 1, El::admin, "source", "ISO 1", {}, false, true, d);
  builder.add_category(Lv::language, 0, 1, El::admin, "customerSubset", "X", {}, false, false);
  builder.add_designation(0, "star", ReadStatus::unspecified, TermKind::full_form, {}, false);
  builder.add_category(Lv::term, 0, 1, El::note, {}, "a term note");
  builder.add_category(Lv::term, 0, 1, El::term_note, "grammaticalNumber", "singular");
  builder.add_designation(0, "sun", ReadStatus::admitted, TermKind::full_form, "noun", false);
  auto geo =
      builder.add_category(Lv::term, 0, 1, El::term_note, "geographicalUsage", "en-GB", {}, true);
  builder.add_category(Lv::term, 0, 1, El::note, {}, "British", {}, false, true, geo);
  // Details a termNoteGrp may not hold: a descrip (kept in it as a note)
  // and a term note (after it, among the term notes).
  builder.add_category(Lv::term, 0, 1, El::descrip, "usageNote", "informal", {}, false, true, geo);
  builder.add_category(Lv::term, 0, 1, El::term_note, "grammaticalGender", "masculine", {}, false,
                       true, geo);
  builder.end_entry(text.size());
  builder.begin_entry(0, "c2", false);
  builder.add_entry_id("c2");
  builder.begin_section(0, "ar");
  builder.add_designation(0, "\xD9\x82\xD9\x85\xD8\xB1", ReadStatus::preferred,
                          TermKind::abbreviation);
  builder.end_entry(text.size());
  builder.finish();
  return b.vocabulary();
}

TEST(Tbx2008, WritesEachCategoryAtItsLevelWithItsGroup) {
  Built b;
  const Vocabulary v = built_vocabulary(b);
  WriteOptions o;
  o.title = "Stars";
  const std::string written = write2008(v, o);
  const std::string expected = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en">
  <martifHeader>
    <fileDesc>
      <titleStmt>
        <title>Stars</title>
      </titleStmt>
      <sourceDesc>
        <p>written by termgraph</p>
      </sourceDesc>
    </fileDesc>
    <encodingDesc>
      <p>TBX 2008 core structure (TBXcoreStructV02.dtd), TBX-Basic data categories</p>
    </encodingDesc>
  </martifHeader>
  <text>
    <body>
      <termEntry id="c1">
        <descripGrp>
          <descrip type="subjectField">astronomy</descrip>
          <admin type="source">IAU</admin>
          <transacGrp>
            <transac type="transactionType">origination</transac>
            <date>2020-01-02</date>
            <transacNote type="responsibility">Jo</transacNote>
          </transacGrp>
          <adminGrp>
            <admin type="responsibility">J. Doe</admin>
            <adminNote type="adminNote">checked</adminNote>
          </adminGrp>
        </descripGrp>
        <note>2021-03-04</note>
        <transacGrp>
          <transac type="transactionType">modification</transac>
          <date>2024-05-01</date>
        </transacGrp>
        <note>2025-01-01</note>
        <descrip type="grammaticalGender">feminine</descrip>
        <ref type="crossReference" target="c2">moon</ref>
        <ref type="crossReference">nowhere</ref>
        <xref type="xGraphic" target="https://e.org/a.png">picture</xref>
        <langSet xml:lang="en">
          <descripGrp>
            <descrip type="definition">body &amp; light</descrip>
            <admin type="source">ISO 1</admin>
          </descripGrp>
          <admin type="customerSubset">X</admin>
          <tig>
            <term>star</term>
            <termNote type="grammaticalNumber">singular</termNote>
            <note>a term note</note>
          </tig>
          <ntig>
            <termGrp>
              <term>sun</term>
              <termNote type="partOfSpeech">noun</termNote>
              <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
              <termNoteGrp>
                <termNote type="geographicalUsage">en-GB</termNote>
                <note>British</note>
                <note>informal</note>
              </termNoteGrp>
              <termNote type="grammaticalGender">masculine</termNote>
            </termGrp>
          </ntig>
        </langSet>
      </termEntry>
      <termEntry id="c2">
        <langSet xml:lang="ar">
          <tig>
            <term>قمر</term>
            <termNote type="termType">abbreviation</termNote>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
        </langSet>
      </termEntry>
    </body>
  </text>
</martif>
)";
  EXPECT_EQ(written, expected);
  SKIP_WITHOUT_DTD();
  EXPECT_EQ(dtd_errors(written, "built"), "");
}

// -- vocabularies of every other source -------------------------------------

/// `v` written as TBX 2008: valid against the DTD where the model fits it,
/// read back as TBX 2008 to the same model (entry ids aside where the
/// output renames them) unless a link cannot be written, and a fixed point.
void check_vocabulary(const Vocabulary& v, const std::string& name, bool ids,
                      std::size_t& validated, std::size_t& compared) {
  SCOPED_TRACE(name);
  const std::string written = write2008(v);
  if (fs::exists(dtd_path()) && fits_the_dtd(v)) {
    EXPECT_EQ(dtd_errors(written, name), "");
    ++validated;
  }
  const LoadResult back = load_string(written, name + ".tbx");
  ASSERT_EQ(back.formats.size(), 1u);
  EXPECT_EQ(back.formats[0], Format::tbx2008);
  // Nothing the reader does not understand; a header written back from a
  // TBX 2008 source may name its XCS, which is not beside the output.
  std::size_t unsupported = 0;
  for (const Diagnostic* d : termgraph::test::with_rule(back, "unsupported-content")) {
    unsupported += d->message.rfind("XCS '", 0) != 0;
  }
  EXPECT_EQ(unsupported, 0u) << termgraph::test::all_messages(back);
  if (!has_unwritable_links(v) && !has_link_category_without_block(v)) {
    CompareOptions options;
    options.ids = ids;
    options.target_ids = false;
    EXPECT_EQ(compare_models(v, back.vocabulary, options), "");
    ++compared;
  }
  EXPECT_EQ(write2008(back.vocabulary), written) << "not a fixed point";
}

std::vector<std::string> files_in(const fs::path& dir, const std::string& ext) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ext) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Tbx2008, BundledTermsAndTestData) {
  std::size_t validated = 0, compared = 0;
  {
    const LoadResult r = load_files({TERMGRAPH_TERMS_DIR});
    ASSERT_GT(r.vocabulary.size(), 0u);
    check_vocabulary(r.vocabulary, "terms", false, validated, compared);
  }
  std::vector<std::string> files;
  for (const char* sub : {"native", "sts"}) {
    for (const std::string& f : files_in(fs::path(TERMGRAPH_TEST_DATA) / sub, ".xml")) {
      files.push_back(f);
    }
  }
  for (const std::string& f : files_in(fs::path(TERMGRAPH_TEST_DATA) / "tbx", ".tbx")) {
    files.push_back(f);
  }
  ASSERT_GE(files.size(), 5u);
  for (const std::string& f : files) {
    const LoadResult r = load_files({f});
    ASSERT_GT(r.vocabulary.size(), 0u) << f;
    check_vocabulary(r.vocabulary, fs::path(f).stem().string(), false, validated, compared);
  }
  EXPECT_GE(compared, 4u);
  if (fs::exists(dtd_path())) {
    EXPECT_GE(validated, 4u);
  }
}

TEST(Tbx2008, CorpusTbx) {
  const fs::path dir = fs::path(TERMGRAPH_CORPUS_DIR) / "tbx";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "corpus not found at " << dir.string();
  std::size_t validated = 0, compared = 0;
  for (const std::string& f : files_in(dir, ".tbx")) {
    const std::string name = fs::path(f).stem().string();
    if (name.find("_good") == std::string::npos) continue;  // the others are wrong on purpose
    const LoadResult r = load_files({f});
    ASSERT_GT(r.vocabulary.size(), 0u) << f;
    check_vocabulary(r.vocabulary, "corpus-" + name, false, validated, compared);
  }
  EXPECT_EQ(compared, 3u);
  if (fs::exists(dtd_path())) {
    EXPECT_EQ(validated, 3u);
  }
}

TEST(Tbx2008, LinksTheDtdCannotHoldAreWrittenAsText) {
  // A dangling link and a link into another document: TBX 2008's inline
  // link (hi, an IDREF) can only name an entry of the file. Their text is
  // written; the dangling number is found again as a plain-text reference
  // and still reported.
  const LoadResult r = load_string(
      R"(<?xml version="1.0"?><vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">)"
      R"(<entry number="1"><term>alpha</term><definition>first letter, before )"
      R"(<ref to="9.9">omega (9.9)</ref> and <ref to="2">beta</ref>, see )"
      R"(<ref to="http://example.org/a" external="true">the alphabet</ref></definition></entry>)"
      R"(<entry number="2"><term>beta</term><definition>second letter</definition></entry>)"
      R"(</vocabulary>)",
      "v.xml");
  ASSERT_EQ(r.vocabulary.size(), 2u) << termgraph::test::all_messages(r);
  ASSERT_EQ(termgraph::test::with_rule(r, "dangling-reference").size(), 1u);
  const std::string written = write2008(r.vocabulary);
  EXPECT_NE(written.find("<descrip type=\"definition\">first letter, before omega (9.9) and <hi "
                         "type=\"entailedTerm\" target=\"term_2\">beta</hi>, see the "
                         "alphabet</descrip>"),
            std::string::npos)
      << written;
  const LoadResult back = load_string(written, "back.tbx");
  const auto dangling = termgraph::test::with_rule(back, "dangling-reference");
  ASSERT_EQ(dangling.size(), 1u) << termgraph::test::all_messages(back);
  EXPECT_EQ(dangling[0]->target, "9.9");
  const TextBlock* def = back.vocabulary[0].languages[0].definition;
  ASSERT_NE(def, nullptr);
  ASSERT_EQ(def->references.size(), 2u);
  EXPECT_FALSE(def->references[0].markup);
  EXPECT_EQ(def->references[0].number, "9.9");
  EXPECT_TRUE(def->references[1].markup);
  EXPECT_EQ(def->references[1].target, 1u);
  if (fs::exists(dtd_path())) {
    EXPECT_EQ(dtd_errors(written, "links"), "");
  }
}

TEST(Tbx2008, GeneratedVocabularies) {
  std::size_t validated = 0, compared = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const LoadResult r = load_string(termgraph::testing::generate_vocabulary(seed).xml, "gen.xml");
    check_vocabulary(r.vocabulary, "generated-" + std::to_string(seed), false, validated, compared);
  }
  if (fs::exists(dtd_path())) {
    EXPECT_GE(validated, 5u);
  }
}

TEST(Tbx2008, OnlyStatedStatusAndTypeAreWritten) {
  // A native term without a status or type: neither is written.
  const LoadResult r = load_string(
      R"(<?xml version="1.0"?><vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">)"
      R"(<entry number="1"><term>alpha</term>)"
      R"(<term status="admitted" type="abbreviation">a</term>)"
      R"(<definition>first letter</definition></entry></vocabulary>)",
      "v.xml");
  ASSERT_EQ(r.vocabulary.size(), 1u) << termgraph::test::all_messages(r);
  const std::string written = write2008(r.vocabulary);
  const Designation& alpha = r.vocabulary[0].languages[0].designations[0];
  const Designation& a = r.vocabulary[0].languages[0].designations[1];
  std::size_t alpha_at = written.find("<term>alpha</term>");
  std::size_t a_at = written.find("<term>a</term>");
  ASSERT_NE(alpha_at, std::string::npos);
  ASSERT_NE(a_at, std::string::npos);
  const std::string alpha_tig = written.substr(alpha_at, a_at - alpha_at);
  EXPECT_EQ(alpha_tig.find("administrativeStatus"), std::string::npos) << written;
  // A type is written as the model says it was stated (the native reader
  // states one for every term; the built model of
  // WritesEachCategoryAtItsLevelWithItsGroup has one that is not).
  EXPECT_EQ(alpha_tig.find("termType") != std::string::npos, alpha.kind_stated) << written;
  EXPECT_EQ(alpha.status_stated, false);
  ASSERT_TRUE(a.status_stated);
  EXPECT_NE(written.find("<termNote type=\"termType\">abbreviation</termNote>", a_at),
            std::string::npos)
      << written;
  EXPECT_NE(written.find("<termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote>",
                         a_at),
            std::string::npos);
}

}  // namespace
}  // namespace termgraph
