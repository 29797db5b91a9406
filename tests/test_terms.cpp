// The bundled sample vocabulary (terms/): the native file and its NISO STS
// part load as one vocabulary, with the entries, languages and terms they
// are meant to have, every reference resolved, and exactly the one circular
// definition the published standard has (block / block header).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "test_support.hpp"

using namespace termgraph;

namespace {

using termgraph::test::all_messages;

const LoadResult& terms() {
  static const LoadResult result = load_files({TERMGRAPH_TERMS_DIR});
  return result;
}

std::string preferred(const Entry* e, std::string_view language) {
  if (e == nullptr) return "<no entry>";
  const LanguageSection* s = e->section(language);
  if (s == nullptr || s->preferred() == nullptr) return "<none>";
  return std::string(s->preferred()->text);
}

std::string file_name(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

TEST(Terms, BothFilesLoadAsOneVocabulary) {
  const LoadResult& r = terms();
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.files().size(), 2u);
  ASSERT_EQ(r.formats.size(), 2u);
  for (std::size_t i = 0; i < v.files().size(); ++i) {
    const std::string name = file_name(v.files()[i]);
    if (name == "dlt-vocabulary.xml") {
      EXPECT_EQ(r.formats[i], Format::native);
    } else {
      EXPECT_EQ(name, "dlt-vocabulary-sts.xml");
      EXPECT_EQ(r.formats[i], Format::sts);
    }
  }
  EXPECT_GE(v.size(), 40u);
  // Every entry is numbered, and numbers are unique across both files.
  std::set<std::string> seen;
  for (const Entry& e : v.entries()) {
    EXPECT_TRUE(e.numbered) << e.number;
    EXPECT_TRUE(seen.insert(std::string(e.number)).second) << e.number;
  }
}

TEST(Terms, NoErrorsAndOnlyTheIntendedCircularDefinition) {
  const LoadResult& r = terms();
  EXPECT_TRUE(r) << all_messages(r);
  EXPECT_EQ(r.errors(), 0u) << all_messages(r);
  // The samples are excerpts of ISO 22739 that keep its numbers: gaps in
  // the numbering (and nothing out of sequence) are expected. Besides
  // them, the single finding is the block / block header circle.
  std::vector<Diagnostic> others;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.is(RuleId::numbering_order)) {
      EXPECT_EQ(d.message.rfind("gap in the numbering: ", 0), 0u) << d.message;
    } else {
      others.push_back(d);
    }
  }
  EXPECT_EQ(r.diagnostics.size() - others.size(), 22u) << all_messages(r);
  ASSERT_EQ(others.size(), 1u) << all_messages(r);
  const Diagnostic& d = others[0];
  EXPECT_EQ(d.rule_id(), "circular-definition");
  EXPECT_EQ(termgraph::test::entry_numbers(r, d), (std::vector<std::string>{"3.2", "3.4"}));

  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.circular_groups().size(), 1u);
  const CircularGroup& g = v.circular_groups()[0];
  std::vector<std::string> members;
  for (EntryId id : g.members) members.emplace_back(v[id].number);
  EXPECT_EQ(members, (std::vector<std::string>{"3.2", "3.4"}));
  ASSERT_EQ(g.path.size(), 3u);
  EXPECT_EQ(g.path.front(), g.path.back());
  ASSERT_EQ(g.steps.size(), 2u);
  for (const Reference* step : g.steps) {
    ASSERT_NE(step, nullptr);
    EXPECT_TRUE(step->markup);
  }
}

TEST(Terms, EveryReferenceResolvesAndNamesItsTarget) {
  const LoadResult& r = terms();
  for (const Diagnostic& d : r.diagnostics) {
    EXPECT_NE(d.rule_id(), "dangling-reference") << d.message;
    EXPECT_NE(d.rule_id(), "label-mismatch") << d.message;
    EXPECT_NE(d.rule_id(), "self-reference") << d.message;
    EXPECT_NE(d.rule_id(), "duplicate-term") << d.message;
  }
  const Vocabulary& v = r.vocabulary;
  std::size_t references = 0, markup = 0, plain = 0, cross_file = 0;
  for (const Entry& e : v.entries()) {
    for (const LanguageSection& s : e.languages) {
      auto check = [&](const TextBlock& b) {
        for (const Reference& ref : b.references) {
          ++references;
          (ref.markup ? markup : plain) += 1;
          EXPECT_FALSE(ref.external) << e.number << ": " << ref.text;
          ASSERT_NE(ref.target, no_entry) << e.number << ": " << ref.text;
          EXPECT_NE(ref.target, e.id) << e.number << ": " << ref.text;
          if (v[ref.target].range.file != e.range.file) ++cross_file;
        }
      };
      if (s.definition) check(*s.definition);
      for (const TextBlock& b : s.notes) check(b);
      for (const TextBlock& b : s.examples) check(b);
      for (const TextBlock& b : s.sources) check(b);
    }
  }
  EXPECT_GE(references, 100u);
  // Both styles of reference are used, and the files cite each other.
  EXPECT_GE(markup, 20u);
  EXPECT_GE(plain, 20u);
  EXPECT_GE(cross_file, 10u);
}

TEST(Terms, KnownNumbersAndTerms) {
  const Vocabulary& v = terms().vocabulary;
  const std::pair<const char*, const char*> known[] = {
      {"3.1", "asset"},
      {"3.2", "block"},
      {"3.3", "block data"},
      {"3.4", "block header"},
      {"3.6", "blockchain"},
      {"3.22", "distributed ledger"},
      {"3.27", "DLT node"},
      {"3.30", "DLT system"},
      {"3.44", "ledger record"},
      {"3.77", "transaction"},
      {"3.83", "validator"},
      // From the STS part.
      {"3.58", "private key"},
      {"3.84", "wallet"},
  };
  for (const auto& [number, term] : known) {
    EXPECT_EQ(preferred(v.find_number(number), "en"), term) << number;
  }
}

TEST(Terms, LookupsFindTermsAbbreviationsAndFrench) {
  const Vocabulary& v = terms().vocabulary;
  auto first = [&](std::string_view query, std::string_view language = {}) -> std::string {
    std::vector<TermMatch> m = v.lookup(query, language);
    return m.empty() ? std::string("<nothing>") : std::string(v[m[0].entry].number);
  };
  EXPECT_EQ(first("smart contract"), "3.66");
  EXPECT_EQ(first("Smart Contract"), "3.66");
  EXPECT_EQ(first("hard fork"), "3.35");
  EXPECT_EQ(first("3.30"), "3.30");
  EXPECT_EQ(first("chaîne de blocs", "fr"), "3.6");
  EXPECT_EQ(first("contrat intelligent"), "3.66");

  // DLT is an abbreviation of 3.23.
  std::vector<TermMatch> dlt = v.find_term("DLT");
  ASSERT_FALSE(dlt.empty());
  EXPECT_EQ(v[dlt[0].entry].number, "3.23");
  ASSERT_NE(dlt[0].designation, nullptr);
  EXPECT_EQ(dlt[0].designation->kind, TermKind::abbreviation);
  EXPECT_EQ(dlt[0].designation->status, Status::admitted);

  // The one deprecated term.
  std::vector<TermMatch> old = v.find_term("block chain");
  ASSERT_EQ(old.size(), 1u);
  EXPECT_EQ(v[old[0].entry].number, "3.6");
  EXPECT_EQ(old[0].designation->status, Status::deprecated);
}

TEST(Terms, FrenchSectionsHaveTermsAndDefinitions) {
  const Vocabulary& v = terms().vocabulary;
  std::size_t french = 0;
  for (const Entry& e : v.entries()) {
    const LanguageSection* fr = e.section("fr");
    if (fr == nullptr) continue;
    ++french;
    EXPECT_NE(fr->preferred(), nullptr) << e.number;
    ASSERT_NE(fr->definition, nullptr) << e.number;
    EXPECT_FALSE(fr->definition->text.empty()) << e.number;
    // Every entry has English too, first.
    ASSERT_FALSE(e.languages.empty());
    EXPECT_EQ(e.languages[0].language, "en") << e.number;
  }
  EXPECT_GE(french, 8u);
  EXPECT_EQ(preferred(v.find_number("3.2"), "fr"), "bloc");
  EXPECT_EQ(preferred(v.find_number("3.4"), "fr"), "en-tête de bloc");
  EXPECT_EQ(preferred(v.find_number("3.62"), "fr"), "clé publique");
}

TEST(Terms, DefinitionsFollowTheIsoStyle) {
  // Lower-case start (an abbreviation such as "DLT" keeps its capitals, a
  // domain in angle brackets may come first), no article at the start, no
  // full stop at the end.
  auto starts_well = [](std::string_view text) {
    const char c = text.front();
    if ((c >= 'a' && c <= 'z') || c == '<' || static_cast<unsigned char>(c) >= 0x80) return true;
    std::string_view word = text.substr(0, text.find(' '));
    return word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char ch) {
             return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
           });
  };
  const Vocabulary& v = terms().vocabulary;
  std::size_t checked = 0;
  for (const Entry& e : v.entries()) {
    for (const LanguageSection& s : e.languages) {
      ASSERT_NE(s.definition, nullptr) << e.number << " " << s.language;
      std::string_view text = s.definition->text;
      ASSERT_FALSE(text.empty()) << e.number;
      ++checked;
      EXPECT_TRUE(starts_well(text)) << e.number << " " << s.language << ": " << text;
      EXPECT_NE(text.back(), '.') << e.number << " " << s.language << ": " << text;
      for (std::string_view article : {"a ", "an ", "the ", "le ", "la ", "les ", "un ", "une "}) {
        EXPECT_NE(text.substr(0, article.size()), article)
            << e.number << " " << s.language << ": " << text;
      }
    }
  }
  EXPECT_EQ(checked, v.size() + 16u);  // one per section: 16 entries have French too
}

TEST(Terms, CitationsCrossBetweenTheFiles) {
  const Vocabulary& v = terms().vocabulary;
  // 3.24 DLT account (native) is defined through 3.25 DLT address (STS); 3.84
  // wallet (STS) through 3.24.
  const Entry* account = v.find_number("3.24");
  const Entry* address = v.find_number("3.25");
  const Entry* wallet = v.find_number("3.84");
  ASSERT_NE(account, nullptr);
  ASSERT_NE(address, nullptr);
  ASSERT_NE(wallet, nullptr);
  EXPECT_NE(account->range.file, address->range.file);
  auto cites = [&](const Entry* from, const Entry* to) {
    for (const Citation& c : v.cites(from->id)) {
      if (c.to == to->id && c.kind == BlockKind::definition) return true;
    }
    return false;
  };
  EXPECT_TRUE(cites(account, address));
  EXPECT_TRUE(cites(wallet, account));
  // The wallet's definition depends, through the account and the address, on
  // the public and private keys.
  std::vector<std::string> needed;
  for (const Prerequisite& p : v.prerequisites(wallet->id)) needed.emplace_back(v[p.entry].number);
  for (const char* n : {"3.24", "3.25", "3.58", "3.62", "3.77"}) {
    EXPECT_NE(std::find(needed.begin(), needed.end(), n), needed.end()) << n;
  }
}
