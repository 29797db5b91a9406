// Does a written term name a designation? Both are folded (lower case, no
// accents), so the comparison is on bytes. The written form may inflect: an
// English plural, possessive or verb form of the last word, a French plural,
// or a small set of irregular plurals. Words before the last may carry a
// plural ending too, as French noun phrases agree in number throughout
// ("opérations booléennes" for "opération booléenne").
//
// base_forms() runs the rules backwards: it strips each ending a rule adds
// (and puts back what the rule took away: -ies gives -y, -ves -f and -fe,
// -aux -al), looks the word up in the irregular table, and keeps only the
// candidates the forward rules accept, so that one rule set decides both
// directions.
//
// The rules are deliberately narrow: the base must be at least three
// characters long and only endings that form a word's regular inflection are
// tried, so that "block" never names "blocker" and "data" never names "date".
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/inflection.hpp"

namespace termgraph {

namespace {

using sv = std::string_view;

bool starts_with(sv s, sv prefix) noexcept {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(sv s, sv suffix) noexcept {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), sv::npos, suffix) == 0;
}

/// `w` is `stem` followed by exactly `suffix`.
bool is(sv w, sv stem, sv suffix) noexcept {
  return w.size() == stem.size() + suffix.size() && starts_with(w, stem) && ends_with(w, suffix);
}

/// Number of code points of UTF-8 text.
std::size_t length(sv s) noexcept {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool is_vowel(char c) noexcept {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/// Irregular plurals (Latin and Greek ones are common in vocabularies),
/// singular first.
struct Irregular {
  sv singular;
  sv plural;
};
constexpr Irregular irregulars[] = {
    {"criterion", "criteria"},
    {"datum", "data"},
    {"index", "indices"},
    {"phenomenon", "phenomena"},
    {"matrix", "matrices"},
    {"vertex", "vertices"},
    {"appendix", "appendices"},
    {"medium", "media"},
    {"formula", "formulae"},
    {"schema", "schemata"},
    {"stratum", "strata"},
    {"erratum", "errata"},
    {"curriculum", "curricula"},
    {"radius", "radii"},
    {"nucleus", "nuclei"},
    {"stimulus", "stimuli"},
    {"child", "children"},
    {"person", "people"},
    {"man", "men"},
    {"woman", "women"},
    {"foot", "feet"},
    {"tooth", "teeth"},
    {"mouse", "mice"},
    {"oeil", "yeux"},
    {"travail", "travaux"},
    {"bail", "baux"},
    {"corail", "coraux"},
    {"email", "emaux"},
    {"vitrail", "vitraux"},
};

bool irregular(sv w, sv d) noexcept {
  for (const Irregular& i : irregulars) {
    if ((w == i.plural && d == i.singular) || (w == i.singular && d == i.plural)) return true;
  }
  return false;
}

/// `w` is a plural of `d` (English -s, -es, -ies, -ves, -is/-es; French -s,
/// -x, -al/-aux).
bool plural(sv w, sv d) noexcept {
  if (length(d) < 3) return false;
  if (is(w, d, "s") || is(w, d, "es")) return true;
  if (ends_with(d, "y") && is(w, d.substr(0, d.size() - 1), "ies")) return true;
  if (ends_with(d, "f") && is(w, d.substr(0, d.size() - 1), "ves")) return true;
  if (ends_with(d, "fe") && is(w, d.substr(0, d.size() - 2), "ves")) return true;
  if (ends_with(d, "is") && is(w, d.substr(0, d.size() - 2), "es")) return true;
  // French: réseau/réseaux, jeu/jeux, bijou/bijoux, signal/signaux.
  if ((ends_with(d, "au") || ends_with(d, "eu") || ends_with(d, "ou")) && is(w, d, "x")) {
    return true;
  }
  if (ends_with(d, "al") && is(w, d.substr(0, d.size() - 2), "aux")) return true;
  return false;
}

/// `w` is a possessive of `d` or of its plural: node's, nodes', process'.
bool possessive(sv w, sv d) noexcept {
  if (length(d) < 3) return false;
  for (sv mark : {sv("'"), sv("\xE2\x80\x99")}) {  // ' and U+2019
    if (ends_with(w, "s") && ends_with(w.substr(0, w.size() - 1), mark)) {
      sv rest = w.substr(0, w.size() - 1 - mark.size());
      if (rest == d || plural(rest, d)) return true;  // node's, entities's
    }
    if (ends_with(w, mark)) {
      sv rest = w.substr(0, w.size() - mark.size());
      if ((rest == d && ends_with(d, "s")) || plural(rest, d)) return true;  // nodes'
    }
  }
  return false;
}

/// `w` is a verb form of `d`: -ed, -ing, -d after e, e dropped before -ing,
/// y turned into -ied, a doubled final consonant (commit/committed).
bool verb_form(sv w, sv d) noexcept {
  if (length(d) < 3) return false;
  if (is(w, d, "ed") || is(w, d, "ing")) return true;
  const char last = d.back();
  if (last == 'e' && (is(w, d, "d") || is(w, d.substr(0, d.size() - 1), "ing"))) return true;
  if (last == 'y' && !is_vowel(d[d.size() - 2]) && is(w, d.substr(0, d.size() - 1), "ied")) {
    return true;
  }
  // Doubling after one short vowel: commit -> committed, map -> mapping.
  if (last >= 'a' && last <= 'z' && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' &&
      is_vowel(d[d.size() - 2]) && !is_vowel(d[d.size() - 3])) {
    const char doubled[2] = {last, last};
    sv stem = d.substr(0, d.size() - 1);
    if (w.size() == stem.size() + 2 + 2 && starts_with(w, stem) &&
        w.compare(stem.size(), 2, doubled, 2) == 0 && ends_with(w, "ed")) {
      return true;
    }
    if (w.size() == stem.size() + 2 + 3 && starts_with(w, stem) &&
        w.compare(stem.size(), 2, doubled, 2) == 0 && ends_with(w, "ing")) {
      return true;
    }
  }
  return false;
}

/// `w`, the last written word, is `d` or one of its inflected forms.
bool last_word_matches(sv w, sv d) noexcept {
  return w == d || plural(w, d) || possessive(w, d) || verb_form(w, d) || irregular(w, d);
}

/// `w`, a written word before the last, is `d` or its plural (agreement).
bool inner_word_matches(sv w, sv d) noexcept {
  return w == d || plural(w, d) || irregular(w, d);
}

/// Splits off the first space-separated word of `s`.
sv next_word(sv& s) noexcept {
  std::size_t space = s.find(' ');
  sv word = s.substr(0, space);
  s.remove_prefix(space == sv::npos ? s.size() : space + 1);
  return word;
}

/// Appends `stem` + `tail` to `out` when `w` ends with `suffix`, `stem`
/// being `w` without it.
void unsuffix(sv w, sv suffix, sv tail, std::vector<std::string>& out) {
  if (w.size() <= suffix.size() || !ends_with(w, suffix)) return;
  std::string base(w.substr(0, w.size() - suffix.size()));
  base.append(tail.data(), tail.size());
  out.push_back(std::move(base));
}

/// Candidates that `w` is a plural of (plural() backwards), unchecked.
void plural_candidates(sv w, std::vector<std::string>& out) {
  unsuffix(w, "s", "", out);
  unsuffix(w, "es", "", out);
  unsuffix(w, "ies", "y", out);
  unsuffix(w, "ves", "f", out);
  unsuffix(w, "ves", "fe", out);
  unsuffix(w, "es", "is", out);
  unsuffix(w, "x", "", out);
  unsuffix(w, "aux", "al", out);
}

/// Candidates from the irregular table, both ways as irregular() reads it.
void irregular_candidates(sv w, std::vector<std::string>& out) {
  for (const Irregular& i : irregulars) {
    if (w == i.plural) out.emplace_back(i.singular);
    if (w == i.singular) out.emplace_back(i.plural);
  }
}

/// Candidates that `w` is a possessive of (possessive() backwards).
void possessive_candidates(sv w, std::vector<std::string>& out) {
  for (sv mark : {sv("'"), sv("\xE2\x80\x99")}) {
    for (sv tail : {sv("s"), sv("")}) {
      const std::size_t n = mark.size() + tail.size();
      if (w.size() <= n || !ends_with(w, tail) || w.compare(w.size() - n, mark.size(), mark) != 0) {
        continue;
      }
      const sv rest = w.substr(0, w.size() - n);
      out.emplace_back(rest);
      plural_candidates(rest, out);
    }
  }
}

/// Candidates that `w` is a verb form of (verb_form() backwards).
void verb_candidates(sv w, std::vector<std::string>& out) {
  unsuffix(w, "ed", "", out);
  unsuffix(w, "ing", "", out);
  unsuffix(w, "d", "", out);
  unsuffix(w, "ing", "e", out);
  unsuffix(w, "ied", "y", out);
  for (sv suffix : {sv("ed"), sv("ing")}) {  // a doubled consonant: committed
    if (w.size() > suffix.size() + 2 && ends_with(w, suffix)) {
      const sv stem = w.substr(0, w.size() - suffix.size());
      if (stem[stem.size() - 1] == stem[stem.size() - 2])
        out.emplace_back(stem.substr(0, stem.size() - 1));
    }
  }
}

/// Keeps the candidates `accept(w, candidate)` holds for, `w` first and
/// without repeats.
template <typename Accept>
std::vector<std::string> accepted(sv w, const std::vector<std::string>& candidates, Accept accept) {
  std::vector<std::string> kept{std::string(w)};
  for (const std::string& c : candidates) {
    if (!accept(w, sv(c))) continue;
    bool seen = false;
    for (const std::string& k : kept) seen = seen || k == c;
    if (!seen) kept.push_back(c);
  }
  return kept;
}

}  // namespace

bool names_designation(std::string_view written, std::string_view designation) {
  if (written == designation) return true;
  if (written.empty() || designation.empty()) return false;
  sv w = written, d = designation;
  for (;;) {
    sv ww = next_word(w);
    sv dw = next_word(d);
    const bool w_last = w.empty(), d_last = d.empty();
    if (w_last != d_last) return false;  // different number of words
    if (w_last) return last_word_matches(ww, dw);
    if (!inner_word_matches(ww, dw)) return false;
  }
}

std::vector<std::string> base_forms(std::string_view written) {
  std::vector<std::string> forms;
  if (written.empty()) return forms;

  // Each word's possible bases, the word itself first.
  std::vector<std::vector<std::string>> words;
  std::vector<std::string> candidates;
  sv rest = written;
  for (;;) {
    const sv word = next_word(rest);
    candidates.clear();
    plural_candidates(word, candidates);
    irregular_candidates(word, candidates);
    if (rest.empty()) {
      possessive_candidates(word, candidates);
      verb_candidates(word, candidates);
      words.push_back(accepted(word, candidates, last_word_matches));
      break;
    }
    words.push_back(accepted(word, candidates, inner_word_matches));
  }

  // Every combination, in rounds by the number of inner words changed (so
  // that "dlt nodes" gives "dlt node" before any change to "dlt"); the
  // last word varies freely.
  const std::size_t inner = words.size() - 1;
  std::size_t combinations = 1;
  for (std::size_t i = 0; i < inner && combinations <= 256; ++i) combinations *= words[i].size();
  const std::size_t most_changed = combinations <= 256 ? inner : 0;
  std::vector<std::size_t> choice(words.size(), 0);
  std::string form;
  for (std::size_t changed = 0; changed <= most_changed; ++changed) {
    std::fill(choice.begin(), choice.end(), 0);
    for (;;) {
      std::size_t n = 0;
      for (std::size_t i = 0; i < inner; ++i) n += choice[i] != 0 ? 1 : 0;
      if (n == changed) {
        form.clear();
        for (std::size_t i = 0; i < words.size(); ++i) {
          if (i != 0) form.push_back(' ');
          form += words[i][choice[i]];
        }
        if (names_designation(written, form) &&
            std::find(forms.begin(), forms.end(), form) == forms.end()) {
          forms.push_back(form);
          if (forms.size() == max_base_forms) return forms;
        }
      }
      // Next combination, the last word fastest (an odometer); in the first
      // round the inner words stay as written.
      bool advanced = false;
      for (std::size_t i = words.size(); i > 0 && !advanced;) {
        --i;
        const std::size_t limit = i == inner || changed > 0 ? words[i].size() : 1;
        if (choice[i] + 1 < limit) {
          ++choice[i];
          advanced = true;
        } else {
          choice[i] = 0;
        }
      }
      if (!advanced) break;
    }
  }
  return forms;
}

}  // namespace termgraph
