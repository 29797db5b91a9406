// termgraph::diff(): pairs of editions with planted changes (our own sample
// definitions), each change found and classified, nothing else reported.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "termgraph/diff.hpp"
#include "termgraph/load.hpp"

namespace {

using termgraph::DiffField;
using termgraph::EntryChange;
using termgraph::EntryDiff;
using termgraph::ReferenceChange;
using termgraph::ReferenceDiff;
using termgraph::TermDiff;
using termgraph::VocabularyDiff;
using termgraph::WordPiece;

struct Term {
  std::string text;
  std::string status = "preferred";
};

struct Spec {
  std::string number;
  std::vector<Term> terms;
  std::string definition;
  std::vector<Term> fr_terms = {};
  std::string fr_definition = {};
  std::string note = {};
};

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else {
      out += c;
    }
  }
  return out;
}

std::string render(const std::vector<Spec>& specs) {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vocabulary "
      "xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">\n";
  for (const Spec& s : specs) {
    x += "<entry number=\"" + s.number + "\">\n";
    for (const Term& t : s.terms) {
      x += "  <term status=\"" + t.status + "\">" + escape(t.text) + "</term>\n";
    }
    x += "  <definition>" + s.definition + "</definition>\n";
    if (!s.note.empty()) x += "  <note>" + escape(s.note) + "</note>\n";
    if (!s.fr_terms.empty()) {
      x += "  <lang xml:lang=\"fr\">\n";
      for (const Term& t : s.fr_terms) {
        x += "    <term status=\"" + t.status + "\">" + escape(t.text) + "</term>\n";
      }
      x += "    <definition>" + s.fr_definition + "</definition>\n  </lang>\n";
    }
    x += "</entry>\n";
  }
  return x + "</vocabulary>\n";
}

termgraph::Vocabulary load(const std::vector<Spec>& specs) {
  termgraph::LoadResult r = termgraph::load_string(render(specs), "edition.xml");
  EXPECT_GT(r.vocabulary.size(), 0u);
  return r.vocabulary;
}

// The base edition: ten entries, 3.5 cites 3.7 by number, 3.8 cites 3.9.
std::vector<Spec> base() {
  return {
      {"3.1", {{"anchor point"}}, "fixed place from which every later survey is measured"},
      {"3.2",
       {{"baseline grid"}, {"base mesh", "admitted"}},
       "lattice of equally spaced lines that aligns the marks of a drawing"},
      {"3.3", {{"calibration run"}}, "trial pass that sets the scale of an instrument"},
      {"3.4",
       {{"gadget"}, {"gizmo", "admitted"}},
       "small handheld device with one mechanical purpose"},
      {"3.5", {{"datum plate"}}, "flat reference surface checked with a widget (3.7)"},
      {"3.6", {{"edge marker"}}, "painted strip that shows where a paved surface ends"},
      {"3.7", {{"widget"}}, "interchangeable part fitted to a jig for repeated cuts"},
      {"3.8", {{"field book"}}, "bound notebook recording the readings of one trench (3.9)"},
      {"3.9", {{"trench"}}, "long narrow excavation dug to expose buried layers"},
      {"3.10", {{"grid square"}}, "cell of the survey lattice identified by two coordinates"},
  };
}

const EntryDiff* find_change(const VocabularyDiff& d, EntryChange c) {
  for (const EntryDiff& e : d.entries) {
    if (e.change == c) return &e;
  }
  return nullptr;
}

std::size_t count(const VocabularyDiff& d, EntryChange c) {
  std::size_t n = 0;
  for (const EntryDiff& e : d.entries) n += e.change == c;
  return n;
}

// Renumbers entries from index `from` on: "3.N" becomes "3.(N+by)".
void shift(std::vector<Spec>& specs, std::size_t from, int by) {
  for (std::size_t i = from; i < specs.size(); ++i) {
    const int n = std::stoi(specs[i].number.substr(2));
    specs[i].number = "3." + std::to_string(n + by);
  }
}

std::string text_of(const std::vector<WordPiece>& words, WordPiece::Kind kind) {
  std::string s;
  for (const WordPiece& w : words) {
    if (w.kind == kind) s += w.text;
  }
  return s;
}

TEST(Diff, IdenticalEditionsDoNotDiffer) {
  const termgraph::Vocabulary a = load(base()), b = load(base());
  const VocabularyDiff d = termgraph::diff(a, b);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.matched, 10u);
  std::ostringstream out;
  termgraph::write_diff_text(out, d);
  EXPECT_EQ(out.str(), "no changes\n");
}

TEST(Diff, InsertionRenumbersAWholeRange) {
  std::vector<Spec> next = base();
  shift(next, 2, 1);
  next.insert(next.begin() + 2,
              Spec{"3.3", {{"benchmark"}}, "mark cut into stone at a known height"});
  // 3.5, now 3.6, still cites the widget as (3.7), which is now 3.8: stale.
  const termgraph::Vocabulary a = load(base()), b = load(next);
  const VocabularyDiff d = termgraph::diff(a, b);
  ASSERT_EQ(count(d, EntryChange::added), 1u);
  EXPECT_EQ(find_change(d, EntryChange::added)->new_numbers, std::vector<std::string>{"3.3"});
  EXPECT_EQ(count(d, EntryChange::renumbered), 8u);
  EXPECT_EQ(d.entries.size(), 9u);
  for (const EntryDiff& e : d.entries) {
    if (e.change != EntryChange::renumbered) continue;
    EXPECT_TRUE(e.fields.empty()) << e.old_numbers[0];
    EXPECT_EQ(std::stoi(e.new_numbers[0].substr(2)), std::stoi(e.old_numbers[0].substr(2)) + 1);
  }
  // The order: 3.1 and 3.2 unchanged, the added entry first, then 3.3 → 3.4.
  EXPECT_EQ(d.entries[0].change, EntryChange::added);
  EXPECT_EQ(d.entries[1].old_numbers, std::vector<std::string>{"3.3"});
  // Stale: (3.7) in 3.6 and (3.9) in 3.9 (old 3.8) now name other concepts;
  // the second makes 3.9 cite itself, a circular definition of its own.
  ASSERT_EQ(d.references.size(), 3u);
  EXPECT_EQ(d.references[0].change, ReferenceChange::stale);
  EXPECT_EQ(d.references[0].entry, "3.6");
  EXPECT_EQ(d.references[0].target, "3.7");
  EXPECT_EQ(d.references[0].intended, "3.8");
  EXPECT_EQ(d.references[1].entry, "3.9");
  EXPECT_EQ(d.references[1].target, "3.9");
  EXPECT_EQ(d.references[1].intended, "3.10");
  EXPECT_EQ(d.references[2].change, ReferenceChange::cycle_new);
  EXPECT_EQ(d.references[2].entries, std::vector<std::string>{"3.9"});
}

TEST(Diff, ReferencesUpdatedWithTheRenumberingAreNotStale) {
  std::vector<Spec> next = base();
  shift(next, 2, 1);
  next.insert(next.begin() + 2,
              Spec{"3.3", {{"benchmark"}}, "mark cut into stone at a known height"});
  next[5].definition = "flat reference surface checked with a widget (3.8)";
  next[8].definition = "bound notebook recording the readings of one trench (3.10)";
  const VocabularyDiff d = termgraph::diff(load(base()), load(next));
  EXPECT_TRUE(d.references.empty());
  // The two entries whose citation changed are renumbered with a changed
  // definition: the word difference is the number only.
  std::size_t with_definition = 0;
  for (const EntryDiff& e : d.entries) {
    if (e.fields == std::vector<DiffField>{DiffField::definition}) {
      ++with_definition;
      EXPECT_EQ(e.change, EntryChange::renumbered);
    }
  }
  EXPECT_EQ(with_definition, 2u);
}

TEST(Diff, Split) {
  std::vector<Spec> next = base();
  next[3].terms = {{"gadget"}};
  next.push_back(Spec{"3.11", {{"gizmo"}}, "small device whose purpose its user has forgotten"});
  const VocabularyDiff d = termgraph::diff(load(base()), load(next));
  ASSERT_EQ(d.entries.size(), 1u) << d.entries[0].old_numbers[0];
  const EntryDiff& e = d.entries[0];
  EXPECT_EQ(e.change, EntryChange::split);
  EXPECT_EQ(e.old_numbers, std::vector<std::string>{"3.4"});
  EXPECT_EQ(e.new_numbers, (std::vector<std::string>{"3.4", "3.11"}));
  EXPECT_EQ(e.fields, std::vector<DiffField>{DiffField::terms});
  ASSERT_EQ(e.terms.size(), 1u);
  EXPECT_EQ(e.terms[0].kind, TermDiff::Kind::removed);
  EXPECT_EQ(e.terms[0].term, "gizmo");
  EXPECT_TRUE(d.references.empty());
}

TEST(Diff, SplitInTheMiddleRenumbersWhatFollows) {
  std::vector<Spec> next = base();
  next[3].terms = {{"gadget"}};
  shift(next, 4, 1);
  next.insert(next.begin() + 4,
              Spec{"3.5", {{"gizmo"}}, "small device whose purpose its user has forgotten"});
  next[5].definition = "flat reference surface checked with a widget (3.8)";
  next[8].definition = "bound notebook recording the readings of one trench (3.10)";
  const VocabularyDiff d = termgraph::diff(load(base()), load(next));
  ASSERT_EQ(count(d, EntryChange::split), 1u);
  const EntryDiff& e = *find_change(d, EntryChange::split);
  EXPECT_EQ(e.old_numbers, std::vector<std::string>{"3.4"});
  EXPECT_EQ(e.new_numbers, (std::vector<std::string>{"3.4", "3.5"}));
  EXPECT_EQ(count(d, EntryChange::renumbered), 6u);
  EXPECT_EQ(d.entries.size(), 7u);
  EXPECT_TRUE(d.references.empty());
}

TEST(Diff, TermDeprecatedInARenumberedEntry) {
  std::vector<Spec> next = base();
  next[9].number = "3.12";
  next[9].terms = {{"survey cell"}, {"grid square", "deprecated"}};
  next[9].definition = "cell of a lattice named by its row and column";
  const VocabularyDiff d = termgraph::diff(load(base()), load(next));
  ASSERT_EQ(d.entries.size(), 1u);
  EXPECT_EQ(d.entries[0].change, EntryChange::renumbered);
  EXPECT_EQ(d.entries[0].fields, (std::vector<DiffField>{DiffField::terms, DiffField::definition}));
}

TEST(Diff, Merge) {
  std::vector<Spec> next = base();
  next[1].terms.push_back({"calibration run", "admitted"});  // 3.2 takes in 3.3
  next.erase(next.begin() + 2);
  const VocabularyDiff d = termgraph::diff(load(base()), load(next));
  ASSERT_EQ(d.entries.size(), 1u);
  const EntryDiff& e = d.entries[0];
  EXPECT_EQ(e.change, EntryChange::merged);
  EXPECT_EQ(e.old_numbers, (std::vector<std::string>{"3.2", "3.3"}));
  EXPECT_EQ(e.new_numbers, std::vector<std::string>{"3.2"});
  ASSERT_EQ(e.terms.size(), 1u);
  EXPECT_EQ(e.terms[0].kind, TermDiff::Kind::added);
  EXPECT_EQ(e.terms[0].term, "calibration run");
}

TEST(Diff, TermDeprecated) {
  std::vector<Spec> next = base();
  next[1].terms = {
      {"reference lattice"}, {"baseline grid", "deprecated"}, {"base mesh", "admitted"}};
  const VocabularyDiff d = termgraph::diff(load(base()), load(next));
  ASSERT_EQ(d.entries.size(), 1u);
  const EntryDiff& e = d.entries[0];
  EXPECT_EQ(e.change, EntryChange::changed);
  EXPECT_EQ(e.old_numbers, std::vector<std::string>{"3.2"});
  EXPECT_EQ(e.fields, std::vector<DiffField>{DiffField::terms});
  ASSERT_EQ(e.terms.size(), 2u);
  EXPECT_EQ(e.terms[0].kind, TermDiff::Kind::status);
  EXPECT_EQ(e.terms[0].term, "baseline grid");
  EXPECT_EQ(e.terms[0].old_status, termgraph::Status::preferred);
  EXPECT_EQ(e.terms[0].new_status, termgraph::Status::deprecated);
  EXPECT_EQ(e.terms[1].kind, TermDiff::Kind::added);
  EXPECT_EQ(e.terms[1].term, "reference lattice");
  EXPECT_EQ(e.terms[1].language, "en");
}

TEST(Diff, DefinitionRewordedGivesWordDifference) {
  std::vector<Spec> next = base();
  next[5].definition = "painted line that shows where a paved road ends";
  const VocabularyDiff d = termgraph::diff(load(base()), load(next));
  ASSERT_EQ(d.entries.size(), 1u);
  const EntryDiff& e = d.entries[0];
  EXPECT_EQ(e.change, EntryChange::changed);
  EXPECT_EQ(e.fields, std::vector<DiffField>{DiffField::definition});
  ASSERT_EQ(e.texts.size(), 1u);
  const auto& w = e.texts[0].words;
  ASSERT_EQ(w.size(), 7u);
  EXPECT_EQ(w[0].kind, WordPiece::Kind::same);
  EXPECT_EQ(w[0].text, "painted ");
  EXPECT_EQ(w[1].kind, WordPiece::Kind::removed);
  EXPECT_EQ(w[1].text, "strip");
  EXPECT_EQ(w[2].kind, WordPiece::Kind::added);
  EXPECT_EQ(w[2].text, "line");
  EXPECT_EQ(w[3].text, " that shows where a paved ");
  EXPECT_EQ(w[4].text, "surface");
  EXPECT_EQ(w[5].text, "road");
  EXPECT_EQ(w[6].text, " ends");
  EXPECT_EQ(text_of(w, WordPiece::Kind::removed), "stripsurface");
  std::ostringstream out;
  termgraph::write_diff_text(out, d);
  EXPECT_NE(out.str().find("painted [-strip-]{+line+} that shows where a paved "
                           "[-surface-]{+road+} ends"),
            std::string::npos)
      << out.str();
}

TEST(Diff, SeveralWordsReplacedAreOneRun) {
  std::vector<Spec> next = base();
  next[2].definition = "trial pass that fixes the zero point of an instrument";
  const VocabularyDiff d = termgraph::diff(load(base()), load(next));
  ASSERT_EQ(d.entries.size(), 1u);
  const auto& w = d.entries[0].texts.at(0).words;
  // "the" is kept: [-sets-]{+fixes+} the [-scale-]{+zero point+}.
  EXPECT_EQ(text_of(w, WordPiece::Kind::removed), "setsscale");
  EXPECT_EQ(text_of(w, WordPiece::Kind::added), "fixeszero point");
  EXPECT_EQ(text_of(w, WordPiece::Kind::same), "trial pass that  the  of an instrument");
}

TEST(Diff, ReferenceToRemovedEntry) {
  std::vector<Spec> next = base();
  next.erase(next.begin() + 8);  // 3.9 trench; 3.8 still cites (3.9)
  const VocabularyDiff d = termgraph::diff(load(base()), load(next));
  ASSERT_EQ(d.entries.size(), 1u);
  EXPECT_EQ(d.entries[0].change, EntryChange::removed);
  EXPECT_EQ(d.entries[0].old_numbers, std::vector<std::string>{"3.9"});
  EXPECT_EQ(d.entries[0].label, "trench");
  ASSERT_EQ(d.references.size(), 1u);
  EXPECT_EQ(d.references[0].change, ReferenceChange::target_removed);
  EXPECT_EQ(d.references[0].entry, "3.8");
  EXPECT_EQ(d.references[0].target, "3.9");
  EXPECT_EQ(d.references[0].text, "(3.9)");
}

TEST(Diff, NewCycleAndGoneCycle) {
  std::vector<Spec> cyclic = base();
  cyclic[0].definition = "fixed place from which a baseline grid (3.2) is laid out";
  cyclic[1].definition = "lattice of equally spaced lines drawn from an anchor point (3.1)";
  const termgraph::Vocabulary plain = load(base()), looped = load(cyclic);
  const VocabularyDiff made = termgraph::diff(plain, looped);
  EXPECT_EQ(made.entries.size(), 2u);
  ASSERT_EQ(made.references.size(), 1u);
  EXPECT_EQ(made.references[0].change, ReferenceChange::cycle_new);
  EXPECT_EQ(made.references[0].entries, (std::vector<std::string>{"3.1", "3.2"}));

  const VocabularyDiff undone = termgraph::diff(looped, plain);
  ASSERT_EQ(undone.references.size(), 1u);
  EXPECT_EQ(undone.references[0].change, ReferenceChange::cycle_gone);
  EXPECT_EQ(undone.references[0].entries, (std::vector<std::string>{"3.1", "3.2"}));
}

TEST(Diff, RenumberedCycleIsTheSameCycle) {
  std::vector<Spec> cyclic = base();
  cyclic[0].definition = "fixed place from which a baseline grid (3.2) is laid out";
  cyclic[1].definition = "lattice of equally spaced lines drawn from an anchor point (3.1)";
  std::vector<Spec> next = cyclic;
  shift(next, 0, 1);
  next[0].definition = "fixed place from which a baseline grid (3.3) is laid out";
  next[1].definition = "lattice of equally spaced lines drawn from an anchor point (3.2)";
  next[4].definition = "flat reference surface checked with a widget (3.8)";
  next[7].definition = "bound notebook recording the readings of one trench (3.10)";
  next.insert(next.begin(),
              Spec{"3.1", {{"abutment"}}, "support that takes the thrust of an arch"});
  const VocabularyDiff d = termgraph::diff(load(cyclic), load(next));
  EXPECT_TRUE(d.references.empty());
  EXPECT_EQ(count(d, EntryChange::added), 1u);
  EXPECT_EQ(count(d, EntryChange::renumbered), 10u);
}

TEST(Diff, TwoLanguages) {
  std::vector<Spec> old = base();
  old[0].fr_terms = {{"point d'ancrage"}};
  old[0].fr_definition = "lieu fixe d'où partent les relevés";
  old[6].fr_terms = {{"gabarit"}};
  old[6].fr_definition = "pièce interchangeable montée sur un montage";
  std::vector<Spec> next = old;
  next[0].fr_terms = {{"point de référence"}, {"point d'ancrage", "deprecated"}};
  next[6].fr_definition = "pièce amovible montée sur un montage";
  const VocabularyDiff d = termgraph::diff(load(old), load(next));
  ASSERT_EQ(d.entries.size(), 2u);
  const EntryDiff& a = d.entries[0];
  EXPECT_EQ(a.old_numbers, std::vector<std::string>{"3.1"});
  ASSERT_EQ(a.terms.size(), 2u);
  EXPECT_EQ(a.terms[0].language, "fr");
  EXPECT_EQ(a.terms[0].kind, TermDiff::Kind::status);
  EXPECT_EQ(a.terms[1].term, "point de référence");
  const EntryDiff& b = d.entries[1];
  EXPECT_EQ(b.old_numbers, std::vector<std::string>{"3.7"});
  ASSERT_EQ(b.texts.size(), 1u);
  EXPECT_EQ(b.texts[0].language, "fr");
  EXPECT_EQ(text_of(b.texts[0].words, WordPiece::Kind::removed), "interchangeable");
  EXPECT_EQ(text_of(b.texts[0].words, WordPiece::Kind::added), "amovible");
}

TEST(Diff, RenamedEntryMatchedByItsDefinition) {
  std::vector<Spec> next = base();
  next[9].terms = {{"survey cell"}};
  next[9].number = "3.12";
  const VocabularyDiff d = termgraph::diff(load(base()), load(next));
  ASSERT_EQ(d.entries.size(), 1u);
  EXPECT_EQ(d.entries[0].change, EntryChange::renumbered);
  EXPECT_EQ(d.entries[0].fields, std::vector<DiffField>{DiffField::terms});
}

TEST(Diff, NotesAndAddedEntriesAndRenderers) {
  std::vector<Spec> next = base();
  next[3].note = "A <gadget> & \"gizmo\" differ | *not*";
  next.push_back(Spec{"3.11", {{"<script>alert(1)</script>"}}, "a term with markup characters"});
  const VocabularyDiff d = termgraph::diff(load(base()), load(next));
  ASSERT_EQ(d.entries.size(), 2u);
  EXPECT_EQ(d.entries[0].fields, std::vector<DiffField>{DiffField::notes});
  EXPECT_EQ(d.entries[0].texts.at(0).old_text, "");
  EXPECT_EQ(d.entries[1].change, EntryChange::added);
  std::ostringstream html, md;
  termgraph::write_diff_html(html, d);
  EXPECT_EQ(html.str().find("<script>"), std::string::npos);
  EXPECT_NE(html.str().find("&lt;script&gt;"), std::string::npos);
  termgraph::write_diff_markdown(md, d);
  EXPECT_NE(md.str().find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(md.str().find("\\|"), std::string::npos);
}

}  // namespace
