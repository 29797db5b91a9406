// The inflection rules both ways (text/inflection.hpp): base_forms() gives
// back exactly the designations names_designation() accepts.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "text/inflection.hpp"

namespace {

using termgraph::base_forms;
using termgraph::max_base_forms;
using termgraph::names_designation;

bool has(const std::vector<std::string>& forms, const std::string& form) {
  return std::find(forms.begin(), forms.end(), form) != forms.end();
}

TEST(BaseForms, FindsTheDesignation) {
  struct Case {
    const char* written;
    const char* base;
  };
  for (const Case& c : {Case{"blocks", "block"},
                        Case{"dlt nodes", "dlt node"},
                        Case{"entities", "entity"},
                        Case{"operations booleennes", "operation booleenne"},
                        Case{"reseaux sociaux", "reseau social"},
                        Case{"ledger records", "ledger record"},
                        Case{"boxes", "box"},
                        Case{"knives", "knife"},
                        Case{"leaves", "leaf"},
                        Case{"analyses", "analysis"},
                        Case{"node's", "node"},
                        Case{"nodes'", "node"},
                        Case{"node\xE2\x80\x99s", "node"},
                        Case{"entities's", "entity"},
                        Case{"committed", "commit"},
                        Case{"mapping", "map"},
                        Case{"encoding", "encode"},
                        Case{"encoded", "encode"},
                        Case{"verified", "verify"},
                        Case{"hashing", "hash"},
                        Case{"criteria", "criterion"},
                        Case{"data", "datum"},
                        Case{"travaux", "travail"},
                        Case{"signaux", "signal"},
                        Case{"hash functions", "hash function"}}) {
    const std::vector<std::string> forms = base_forms(c.written);
    EXPECT_TRUE(has(forms, c.base)) << c.written << " -> " << c.base;
    ASSERT_FALSE(forms.empty());
    EXPECT_EQ(forms.front(), c.written);
  }
}

TEST(BaseForms, ExactListsForSimpleWords) {
  // Every ending a rule adds is tried and the forward rules keep what they
  // accept: "entities" is also entitie + s, entiti + es, entitiis (-is/-es).
  EXPECT_EQ(base_forms("blocks"), (std::vector<std::string>{"blocks", "block"}));
  EXPECT_EQ(base_forms("entities"),
            (std::vector<std::string>{"entities", "entitie", "entiti", "entity", "entitiis"}));
  EXPECT_EQ(base_forms("block"), (std::vector<std::string>{"block"}));
  EXPECT_EQ(base_forms("dlt nodes"),
            (std::vector<std::string>{"dlt nodes", "dlt node", "dlt nod", "dlt nodis"}));
  EXPECT_EQ(base_forms(""), (std::vector<std::string>{}));
}

TEST(BaseForms, NeverMoreThanTheRulesAllow) {
  // Not inflections: too short a base, a derivation, a changed inner word
  // that is not a plural.
  EXPECT_FALSE(has(base_forms("ids"), "id"));
  EXPECT_FALSE(has(base_forms("blocker"), "block"));
  EXPECT_FALSE(has(base_forms("blocking header"), "block header"));
  EXPECT_FALSE(has(base_forms("data"), "date"));
  for (const char* written : {"blocks", "operations booleennes", "the nodes' hashes", "entities's",
                              "committed", "a b c", "x"}) {
    for (const std::string& f : base_forms(written)) {
      EXPECT_TRUE(names_designation(written, f)) << written << " / " << f;
    }
  }
}

TEST(BaseForms, BoundedOnLongPluralPhrases) {
  // Few enough inner combinations (5 * 6 * 5): all tried, the first
  // max_base_forms kept, those with fewer changed inner words first.
  const std::string written = "entities leaves analyses knives";
  std::vector<std::string> forms = base_forms(written);
  ASSERT_EQ(forms.size(), max_base_forms);
  EXPECT_EQ(forms[0], written);
  EXPECT_TRUE(has(forms, "entities leaves analyses knife"));
  EXPECT_TRUE(has(forms, "entities leaves analysis knife"));
  for (const std::string& f : forms) EXPECT_TRUE(names_designation(written, f)) << f;

  // Too many (over 256): the inner words stay as written.
  const std::string longer =
      "entities processes leaves analyses indices boxes wolves matrices series knives";
  forms = base_forms(longer);
  const std::string inner =
      "entities processes leaves analyses indices boxes wolves matrices series ";
  EXPECT_EQ(forms, (std::vector<std::string>{longer, inner + "knive", inner + "kniv",
                                             inner + "knif", inner + "knife", inner + "knivis"}));
}

// The forward rules, written out again independently: the inflections a
// text may use of a base word.
std::vector<std::string> inflections(const std::string& d, bool last) {
  std::vector<std::string> out{d + "s", d + "es"};
  auto ends = [&](const std::string& s) {
    return d.size() >= s.size() && d.compare(d.size() - s.size(), s.size(), s) == 0;
  };
  auto cut = [&](std::size_t n) { return d.substr(0, d.size() - n); };
  if (ends("y")) out.push_back(cut(1) + "ies");
  if (ends("f")) out.push_back(cut(1) + "ves");
  if (ends("fe")) out.push_back(cut(2) + "ves");
  if (ends("is")) out.push_back(cut(2) + "es");
  if (ends("au") || ends("eu") || ends("ou")) out.push_back(d + "x");
  if (ends("al")) out.push_back(cut(2) + "aux");
  if (!last) return out;
  for (const std::string& p : std::vector<std::string>(out)) {
    out.push_back(p + "'");
    out.push_back(p + "'s");
  }
  out.push_back(d + "'s");
  out.push_back(d + "\xE2\x80\x99s");
  out.push_back(d + "ed");
  out.push_back(d + "ing");
  if (ends("e")) {
    out.push_back(d + "d");
    out.push_back(cut(1) + "ing");
  }
  if (ends("y")) out.push_back(cut(1) + "ied");
  out.push_back(d + d.back() + "ed");
  out.push_back(d + d.back() + "ing");
  return out;
}

TEST(BaseForms, RecoversEveryDesignationTheRulesName) {
  const std::vector<std::string> words = {
      "block",  "node",    "entity",    "leaf",      "knife",     "analysis", "box",
      "hash",   "reseau",  "jeu",       "bijou",     "signal",    "commit",   "map",
      "encode", "verify",  "operation", "booleenne", "criterion", "datum",    "index",
      "child",  "travail", "ledger",    "record",    "key",       "process",  "class",
      "bus",    "series",  "half",      "life",      "axis"};
  // Designations: single words, English phrases (only the last word
  // inflects), French phrases (every word agrees).
  std::vector<std::string> designations;
  std::vector<std::pair<std::string, std::string>> written;  // (written, designation)
  for (const std::string& w : words) {
    designations.push_back(w);
    for (const std::string& i : inflections(w, true)) written.emplace_back(i, w);
    designations.push_back("dlt " + w);
    for (const std::string& i : inflections(w, true)) written.emplace_back("dlt " + i, "dlt " + w);
  }
  for (std::size_t a = 0; a < words.size(); a += 3) {
    for (std::size_t b = 1; b < words.size(); b += 4) {
      const std::string d = words[a] + " " + words[b];
      designations.push_back(d);
      for (const std::string& ia : inflections(words[a], false)) {
        for (const std::string& ib : inflections(words[b], true)) {
          written.emplace_back(ia + " " + ib, d);
          written.emplace_back(words[a] + " " + ib, d);
        }
      }
    }
  }
  // The designations, and inflected forms of a few (a vocabulary may hold
  // both "block" and "blocks").
  std::vector<std::string> pool = designations;
  for (std::size_t i = 0; i < written.size(); i += 97) pool.push_back(written[i].first);

  std::size_t checked = 0;
  for (const auto& wd : written) {
    if (!names_designation(wd.first, wd.second)) continue;  // the rules do not take it
    const std::vector<std::string> forms = base_forms(wd.first);
    ASSERT_LE(forms.size(), max_base_forms);
    EXPECT_TRUE(has(forms, wd.second)) << wd.first << " -> " << wd.second;
    for (const std::string& d : pool) {
      if (names_designation(wd.first, d)) {
        EXPECT_TRUE(has(forms, d)) << wd.first << " -> " << d;
      }
    }
    for (const std::string& f : forms) EXPECT_TRUE(names_designation(wd.first, f)) << f;
    ++checked;
  }
  EXPECT_GT(checked, 2000u);
}

}  // namespace
