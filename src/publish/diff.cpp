// The difference between two editions of a vocabulary (termgraph/diff.hpp):
// entries matched by concept in five rounds, each only among the entries
// earlier rounds left unmatched, every round through an index (no pair of
// entries is compared unless an index brought them together); then the
// fields of each matched pair, word differences of the changed blocks only,
// and the references the changes break.
#include "termgraph/diff.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "model/impl.hpp"
#include "text/fold.hpp"
#include "text/numbers.hpp"
#include "text/word_break.hpp"

namespace termgraph {

std::string_view to_string(EntryChange c) noexcept {
  switch (c) {
    case EntryChange::added:
      return "added";
    case EntryChange::removed:
      return "removed";
    case EntryChange::renumbered:
      return "renumbered";
    case EntryChange::changed:
      return "changed";
    case EntryChange::split:
      return "split";
    case EntryChange::merged:
      return "merged";
  }
  return "changed";
}

std::string_view to_string(DiffField f) noexcept {
  switch (f) {
    case DiffField::terms:
      return "terms";
    case DiffField::definition:
      return "definition";
    case DiffField::notes:
      return "notes";
    case DiffField::examples:
      return "examples";
    case DiffField::source:
      return "source";
  }
  return "terms";
}

std::string_view to_string(ReferenceChange c) noexcept {
  switch (c) {
    case ReferenceChange::stale:
      return "stale";
    case ReferenceChange::target_removed:
      return "target-removed";
    case ReferenceChange::cycle_new:
      return "cycle-new";
    case ReferenceChange::cycle_gone:
      return "cycle-gone";
  }
  return "stale";
}

namespace {

using Impl = Vocabulary::Impl;

// ICU word breaks over UTF-8 in place: the pieces between boundaries (words,
// runs of spaces, punctuation), one iterator per language, made on first use.
class WordBreaker {
public:
  WordBreaker() = default;
  WordBreaker(const WordBreaker&) = delete;
  WordBreaker& operator=(const WordBreaker&) = delete;
  ~WordBreaker() {
    if (text_) utext_close(text_);
  }

  /// The pieces of `text` (views into it), in order.
  std::vector<std::string_view> pieces(std::string_view text, std::string_view language) {
    std::vector<std::string_view> out;
    if (text.empty()) return out;
    icu::BreakIterator& it = iterator(language);
    UErrorCode status = U_ZERO_ERROR;
    text_ = utext_openUTF8(text_, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) {
      out.push_back(text);
      return out;
    }
    it.setText(text_, status);
    if (U_FAILURE(status)) {
      out.push_back(text);
      return out;
    }
    int32_t start = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
      out.push_back(
          text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
    }
    return out;
  }

  /// True when `piece` holds a letter or digit (ASCII, or any non-ASCII
  /// character): a word rather than spaces or punctuation.
  static bool is_word(std::string_view piece) {
    for (unsigned char c : piece) {
      if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    }
    return false;
  }

private:
  icu::BreakIterator& iterator(std::string_view tag) {
    const std::string key(tag);
    auto found = iterators_.find(key);
    if (found != iterators_.end()) return *found->second;
    std::unique_ptr<icu::BreakIterator> it = word_iterator(tag);
    icu::BreakIterator& ref = *it;
    iterators_.emplace(key, std::move(it));
    return ref;
  }

  std::map<std::string, std::unique_ptr<icu::BreakIterator>> iterators_;
  UText* text_ = nullptr;
};

// The word difference of two texts: the pieces of each, common ends
// trimmed, the longest common subsequence of the middles by dynamic
// programming (iterative; a middle larger than `max_cells` is replaced
// whole), adjacent pieces of one kind joined, each changed run written
// removed first.
std::vector<WordPiece> word_diff(std::string_view a, std::string_view b, std::string_view lang,
                                 WordBreaker& breaker) {
  constexpr std::size_t max_cells = 4'000'000;
  const std::vector<std::string_view> x = breaker.pieces(a, lang), y = breaker.pieces(b, lang);
  std::size_t head = 0;
  while (head < x.size() && head < y.size() && x[head] == y[head]) ++head;
  std::size_t tail = 0;
  while (tail < x.size() - head && tail < y.size() - head &&
         x[x.size() - 1 - tail] == y[y.size() - 1 - tail]) {
    ++tail;
  }
  const std::size_t n = x.size() - head - tail, m = y.size() - head - tail;
  // ops: 0 same, 1 removed (x), 2 added (y), in order.
  std::vector<std::pair<int, std::string_view>> ops;
  for (std::size_t i = 0; i < head; ++i) ops.emplace_back(0, x[i]);
  if (n * m <= max_cells && n > 0 && m > 0) {
    // lcs[i][j]: the longest common subsequence of x[head+i..] and y[head+j..].
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        at(i, j) = x[head + i] == y[head + j] ? at(i + 1, j + 1) + 1
                                              : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    std::size_t i = 0, j = 0;
    std::vector<std::string_view> removed, added;
    auto flush = [&] {
      for (std::string_view s : removed) ops.emplace_back(1, s);
      for (std::string_view s : added) ops.emplace_back(2, s);
      removed.clear();
      added.clear();
    };
    while (i < n || j < m) {
      if (i < n && j < m && x[head + i] == y[head + j]) {
        flush();
        ops.emplace_back(0, x[head + i]);
        ++i;
        ++j;
      } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
        added.push_back(y[head + j++]);
      } else {
        removed.push_back(x[head + i++]);
      }
    }
    flush();
  } else {
    for (std::size_t i = 0; i < n; ++i) ops.emplace_back(1, x[head + i]);
    for (std::size_t j = 0; j < m; ++j) ops.emplace_back(2, y[head + j]);
  }
  for (std::size_t i = x.size() - tail; i < x.size(); ++i) ops.emplace_back(0, x[i]);

  // A lone space between two changed runs reads better inside them:
  // "[-a b-]{+c d+}" rather than "[-a-]{+c+} [-b-]{+d+}".
  std::vector<WordPiece> out;
  auto push = [&](WordPiece::Kind kind, std::string_view text) {
    if (!out.empty() && out.back().kind == kind) {
      out.back().text += text;
    } else {
      out.push_back(WordPiece{kind, std::string(text)});
    }
  };
  for (std::size_t k = 0; k < ops.size(); ++k) {
    const auto& [op, text] = ops[k];
    if (op == 0 && k > 0 && k + 1 < ops.size() && ops[k - 1].first != 0 && ops[k + 1].first != 0 &&
        !WordBreaker::is_word(text)) {
      // Move the shared separator into both runs.
      push(WordPiece::Kind::removed, text);
      // The added text is collected separately below.
      out.push_back(WordPiece{WordPiece::Kind::added, std::string(text)});
      continue;
    }
    push(op == 0   ? WordPiece::Kind::same
         : op == 1 ? WordPiece::Kind::removed
                   : WordPiece::Kind::added,
         text);
  }
  // Regroup each run of changed pieces as all removed, then all added.
  std::vector<WordPiece> grouped;
  for (std::size_t k = 0; k < out.size();) {
    if (out[k].kind == WordPiece::Kind::same) {
      grouped.push_back(std::move(out[k++]));
      continue;
    }
    WordPiece removed{WordPiece::Kind::removed, {}}, added{WordPiece::Kind::added, {}};
    for (; k < out.size() && out[k].kind != WordPiece::Kind::same; ++k) {
      (out[k].kind == WordPiece::Kind::removed ? removed : added).text += out[k].text;
    }
    if (!removed.text.empty()) grouped.push_back(std::move(removed));
    if (!added.text.empty()) grouped.push_back(std::move(added));
  }
  return grouped;
}

// One edition, with what matching needs of it.
struct Side {
  const Vocabulary& v;
  const Impl& impl;
  /// Every designation's folded key, by designation index.
  std::vector<std::string_view> keys;
  std::vector<std::string> owned_keys;  // when the term index was not built
  /// (key, designation index), sorted by key: who holds a term.
  std::vector<std::pair<std::string_view, std::uint32_t>> by_key;
  /// Normalised numbers, by entry.
  std::vector<std::string> numbers;
  /// Matched entry of the other edition, or no_entry.
  std::vector<EntryId> match;

  explicit Side(const Vocabulary& vocabulary)
      : v(vocabulary), impl(VocabularyAccess::impl(vocabulary)) {
    const std::size_t nd = impl.designations.size();
    keys.assign(nd, std::string_view());
    if (impl.terms.size() == nd) {
      for (const TermIndexItem& t : impl.terms) keys[t.designation] = t.key;
    } else {
      owned_keys.resize(nd);
      for (std::size_t d = 0; d < nd; ++d) {
        impl.folder.fold_into(impl.designations[d].text, owned_keys[d]);
        keys[d] = owned_keys[d];
      }
    }
    by_key.reserve(nd);
    for (std::size_t d = 0; d < nd; ++d)
      by_key.emplace_back(keys[d], static_cast<std::uint32_t>(d));
    std::sort(by_key.begin(), by_key.end());
    numbers.resize(v.size());
    for (EntryId e = 0; e < v.size(); ++e) {
      if (!normalize_number(v[e].number, numbers[e])) numbers[e] = std::string(v[e].number);
    }
    match.assign(v.size(), no_entry);
  }

  std::uint32_t index_of(const Designation& d) const noexcept {
    return static_cast<std::uint32_t>(&d - impl.designations.data());
  }
  std::string_view key(const Designation& d) const noexcept { return keys[index_of(d)]; }
  std::vector<EntryId> owner;  // entry of each designation

  void fill_owners() {
    owner.assign(impl.designations.size(), no_entry);
    for (EntryId e = 0; e < v.size(); ++e) {
      for (const LanguageSection& s : v[e].languages) {
        for (const Designation& d : s.designations) owner[index_of(d)] = e;
      }
    }
  }

  /// True when entry `e` has a designation with key `key` in a section of
  /// language `lang`.
  bool holds(EntryId e, std::string_view lang, std::string_view k) const {
    for (const LanguageSection& s : v[e].languages) {
      if (!same_language(s.language, lang)) continue;
      for (const Designation& d : s.designations) {
        if (key(d) == k) return true;
      }
    }
    return false;
  }

  static bool same_language(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      char x = a[i], y = b[i];
      if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
      if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
      if (x == '_') x = '-';
      if (y == '_') y = '-';
      if (x != y) return false;
    }
    return true;
  }

  /// The entries holding a designation with key `k` in language `lang`, in
  /// reading order, once each; of the first `max_holders` designations with
  /// that key only (a term shared by more entries is no evidence of a split
  /// or a merge, and a bound keeps the search linear).
  static constexpr std::size_t max_holders = 64;
  std::vector<EntryId> holders(std::string_view lang, std::string_view k) const {
    std::vector<EntryId> out;
    auto it = std::lower_bound(by_key.begin(), by_key.end(), std::make_pair(k, std::uint32_t{0}));
    for (std::size_t seen = 0; it != by_key.end() && it->first == k && seen < max_holders;
         ++it, ++seen) {
      const EntryId e = owner[it->second];
      if (e == no_entry) continue;
      bool in_lang = false;
      for (const LanguageSection& s : v[e].languages) {
        if (!same_language(s.language, lang)) continue;
        for (const Designation& d : s.designations) {
          if (index_of(d) == it->second) in_lang = true;
        }
      }
      if (in_lang && std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

std::string lower_tag(std::string_view tag) {
  std::string s(tag);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '_') c = '-';
  }
  return s;
}

/// The sorted (language, key) pairs of an entry's designations.
std::vector<std::pair<std::string, std::string_view>> term_set(const Side& side, EntryId e) {
  std::vector<std::pair<std::string, std::string_view>> out;
  for (const LanguageSection& s : side.v[e].languages) {
    const std::string lang = lower_tag(s.language);
    for (const Designation& d : s.designations) out.emplace_back(lang, side.key(d));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// True when entries `a` of `x` and `b` of `y` have the same terms
/// (term_set()), without building the sets when they are written alike.
bool same_term_sets(const Side& x, EntryId a, const Side& y, EntryId b) {
  const Entry& ea = x.v[a];
  const Entry& eb = y.v[b];
  bool alike = ea.languages.size() == eb.languages.size();
  for (std::size_t i = 0; alike && i < ea.languages.size(); ++i) {
    const LanguageSection& sa = ea.languages[i];
    const LanguageSection& sb = eb.languages[i];
    alike = Side::same_language(sa.language, sb.language) &&
            sa.designations.size() == sb.designations.size();
    for (std::size_t k = 0; alike && k < sa.designations.size(); ++k) {
      alike = x.key(sa.designations[k]) == y.key(sb.designations[k]);
    }
  }
  return alike || term_set(x, a) == term_set(y, b);
}

std::string label_of(const Entry& e) {
  const Designation* d = e.preferred();
  if (!d && !e.languages.empty() && !e.languages[0].designations.empty()) {
    d = &e.languages[0].designations[0];
  }
  return d ? std::string(d->text) : std::string();
}

const LanguageSection* find_section(const Entry& e, std::string_view lang) {
  for (const LanguageSection& s : e.languages) {
    if (Side::same_language(s.language, lang)) return &s;
  }
  return nullptr;
}

// Compares the fields of one matched pair; fills fields, terms and texts.
void compare_fields(const Entry& a, const Entry& b, WordBreaker& breaker, EntryDiff& out) {
  bool changed[5] = {false, false, false, false, false};
  std::vector<std::string_view> languages;
  for (const LanguageSection& s : a.languages) languages.push_back(s.language);
  for (const LanguageSection& s : b.languages) {
    if (!find_section(a, s.language)) languages.push_back(s.language);
  }
  for (std::string_view lang : languages) {
    const LanguageSection* sa = find_section(a, lang);
    const LanguageSection* sb = find_section(b, lang);
    const std::string tag(sb ? sb->language : sa->language);
    // Terms, by their text as written.
    const Span<Designation> da = sa ? sa->designations : Span<Designation>();
    const Span<Designation> db = sb ? sb->designations : Span<Designation>();
    bool same_terms = da.size() == db.size();
    for (std::size_t i = 0; same_terms && i < da.size(); ++i) {
      same_terms = da[i].text == db[i].text && da[i].status == db[i].status;
    }
    // Otherwise: the designations of the new section by text (first of
    // repeats).
    std::unordered_map<std::string_view, const Designation*> by_text;
    if (!same_terms) {
      by_text.reserve(db.size());
      for (const Designation& e : db) by_text.emplace(e.text, &e);
    }
    std::unordered_set<std::string_view> old_texts;
    for (const Designation& d : same_terms ? Span<Designation>() : da) {
      old_texts.insert(d.text);
      auto found = by_text.find(d.text);
      const Designation* m = found == by_text.end() ? nullptr : found->second;
      if (!m) {
        out.terms.push_back(
            {TermDiff::Kind::removed, tag, std::string(d.text), d.status, d.status});
        changed[0] = true;
      } else if (m->status != d.status) {
        out.terms.push_back(
            {TermDiff::Kind::status, tag, std::string(d.text), d.status, m->status});
        changed[0] = true;
      }
    }
    for (const Designation& e : same_terms ? Span<Designation>() : db) {
      if (old_texts.count(e.text) == 0) {
        out.terms.push_back({TermDiff::Kind::added, tag, std::string(e.text), e.status, e.status});
        changed[0] = true;
      }
    }
    // Blocks.
    auto compare_block = [&](DiffField field, std::size_t index, std::string_view x,
                             std::string_view y) {
      if (x == y) return;
      changed[static_cast<int>(field)] = true;
      TextDiff t;
      t.field = field;
      t.language = tag;
      t.index = index;
      t.old_text = std::string(x);
      t.new_text = std::string(y);
      t.words = word_diff(x, y, tag, breaker);
      out.texts.push_back(std::move(t));
    };
    const std::string_view def_a = sa && sa->definition ? sa->definition->text : std::string_view();
    const std::string_view def_b = sb && sb->definition ? sb->definition->text : std::string_view();
    compare_block(DiffField::definition, 0, def_a, def_b);
    auto compare_list = [&](DiffField field, Span<TextBlock> x, Span<TextBlock> y) {
      for (std::size_t i = 0; i < std::max(x.size(), y.size()); ++i) {
        compare_block(field, i, i < x.size() ? x[i].text : std::string_view(),
                      i < y.size() ? y[i].text : std::string_view());
      }
    };
    compare_list(DiffField::notes, sa ? sa->notes : Span<TextBlock>(),
                 sb ? sb->notes : Span<TextBlock>());
    compare_list(DiffField::examples, sa ? sa->examples : Span<TextBlock>(),
                 sb ? sb->examples : Span<TextBlock>());
    compare_list(DiffField::source, sa ? sa->sources : Span<TextBlock>(),
                 sb ? sb->sources : Span<TextBlock>());
  }
  for (int f = 0; f < 5; ++f) {
    if (changed[f]) out.fields.push_back(static_cast<DiffField>(f));
  }
}

// The folded words of an entry's definitions, each prefixed by its
// section's language, sorted, once each.
std::vector<std::string> definition_words(const Side& side, EntryId e, WordBreaker& breaker) {
  std::vector<std::string> out;
  std::string folded;
  for (const LanguageSection& s : side.v[e].languages) {
    if (!s.definition) continue;
    const std::string lang = lower_tag(s.language);
    for (std::string_view piece : breaker.pieces(s.definition->text, s.language)) {
      if (!WordBreaker::is_word(piece)) continue;
      side.impl.folder.fold_into(piece, folded);
      out.push_back(lang + '\x1f' + folded);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double dice(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t shared = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++shared;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

// Round 5: similar definitions among the unmatched entries. Candidates come
// from an inverted index of the unmatched new entries' definition words;
// each old entry looks only at the postings of its rarest words.
void match_by_definition(Side& oldv, Side& newv, double threshold, WordBreaker& breaker) {
  constexpr std::size_t rare_words = 8;    // postings read per old entry
  constexpr std::size_t max_posting = 64;  // a word in more entries is no evidence
  std::vector<EntryId> new_open;
  for (EntryId e = 0; e < newv.v.size(); ++e) {
    if (newv.match[e] == no_entry) new_open.push_back(e);
  }
  if (new_open.empty()) return;
  std::unordered_map<std::string, std::vector<std::uint32_t>> postings;  // word -> new_open index
  std::vector<std::vector<std::string>> new_words(new_open.size());
  for (std::uint32_t k = 0; k < new_open.size(); ++k) {
    new_words[k] = definition_words(newv, new_open[k], breaker);
    for (const std::string& w : new_words[k]) postings[w].push_back(k);
  }
  std::vector<bool> taken(new_open.size(), false);
  for (EntryId e = 0; e < oldv.v.size(); ++e) {
    if (oldv.match[e] != no_entry) continue;
    const std::vector<std::string> words = definition_words(oldv, e, breaker);
    std::vector<std::pair<std::size_t, const std::vector<std::uint32_t>*>> lists;
    for (const std::string& w : words) {
      auto it = postings.find(w);
      if (it != postings.end() && it->second.size() <= max_posting) {
        lists.emplace_back(it->second.size(), &it->second);
      }
    }
    std::sort(lists.begin(), lists.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    if (lists.size() > rare_words) lists.resize(rare_words);
    std::vector<std::uint32_t> candidates;
    for (const auto& l : lists)
      candidates.insert(candidates.end(), l.second->begin(), l.second->end());
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    double best = threshold;
    std::uint32_t best_k = UINT32_MAX;
    for (std::uint32_t k : candidates) {
      if (taken[k]) continue;
      const double s = dice(words, new_words[k]);
      if (s >= best && (best_k == UINT32_MAX || s > best)) {
        best = s;
        best_k = k;
      }
    }
    if (best_k != UINT32_MAX) {
      taken[best_k] = true;
      oldv.match[e] = new_open[best_k];
      newv.match[new_open[best_k]] = e;
    }
  }
}

void pair(Side& a, Side& b, EntryId x, EntryId y) {
  a.match[x] = y;
  b.match[y] = x;
}

std::string number_of(const Vocabulary& v, EntryId e) {
  return std::string(v[e].number);
}

}  // namespace

VocabularyDiff diff(const Vocabulary& old_vocabulary, const Vocabulary& new_vocabulary,
                    const DiffOptions& options) {
  Side oldv(old_vocabulary), newv(new_vocabulary);
  oldv.fill_owners();
  newv.fill_owners();
  WordBreaker breaker;

  // New entries by normalised number (first of duplicates).
  std::unordered_map<std::string_view, EntryId> new_by_number;
  new_by_number.reserve(newv.numbers.size());
  for (EntryId e = 0; e < newv.v.size(); ++e) new_by_number.emplace(newv.numbers[e], e);

  // Round 1: same number and the same terms (in every language, status aside).
  for (EntryId e = 0; e < oldv.v.size(); ++e) {
    auto it = new_by_number.find(oldv.numbers[e]);
    if (it == new_by_number.end() || newv.match[it->second] != no_entry) continue;
    if (same_term_sets(oldv, e, newv, it->second)) pair(oldv, newv, e, it->second);
  }
  // Round 2: the same preferred term in a language both have.
  {
    // Each key's entries in reading order, and the first that may still be
    // unmatched (entries only ever become matched): each list is read once.
    struct Holders {
      std::vector<EntryId> entries;
      std::size_t next = 0;
    };
    std::unordered_map<std::string, Holders> preferred;
    for (EntryId e = 0; e < newv.v.size(); ++e) {
      if (newv.match[e] != no_entry) continue;
      for (const LanguageSection& s : newv.v[e].languages) {
        if (const Designation* d = s.preferred()) {
          preferred[lower_tag(s.language) + '\x1f' + std::string(newv.key(*d))].entries.push_back(
              e);
        }
      }
    }
    for (EntryId e = 0; e < oldv.v.size() && !preferred.empty(); ++e) {
      if (oldv.match[e] != no_entry) continue;
      for (const LanguageSection& s : oldv.v[e].languages) {
        const Designation* d = s.preferred();
        if (!d) continue;
        auto it = preferred.find(lower_tag(s.language) + '\x1f' + std::string(oldv.key(*d)));
        if (it == preferred.end()) continue;
        Holders& h = it->second;
        while (h.next < h.entries.size() && newv.match[h.entries[h.next]] != no_entry) ++h.next;
        const EntryId chosen = h.next < h.entries.size() ? h.entries[h.next] : no_entry;
        if (chosen != no_entry) {
          pair(oldv, newv, e, chosen);
          break;
        }
      }
    }
  }
  // Round 3: the same number and at least one shared term.
  for (EntryId e = 0; e < oldv.v.size(); ++e) {
    if (oldv.match[e] != no_entry) continue;
    auto it = new_by_number.find(oldv.numbers[e]);
    if (it == new_by_number.end() || newv.match[it->second] != no_entry) continue;
    const auto a = term_set(oldv, e), b = term_set(newv, it->second);
    std::vector<std::pair<std::string, std::string_view>> shared;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
    if (!shared.empty()) pair(oldv, newv, e, it->second);
  }
  // Round 4: a term in common, whatever its status (a renumbered entry
  // whose preferred term was replaced and kept as deprecated).
  for (EntryId e = 0; e < oldv.v.size(); ++e) {
    if (oldv.match[e] != no_entry) continue;
    for (const LanguageSection& s : oldv.v[e].languages) {
      for (const Designation& d : s.designations) {
        for (EntryId c : newv.holders(s.language, oldv.key(d))) {
          if (newv.match[c] != no_entry) continue;
          pair(oldv, newv, e, c);
          break;
        }
        if (oldv.match[e] != no_entry) break;
      }
      if (oldv.match[e] != no_entry) break;
    }
  }
  // Round 5: similar definitions.
  match_by_definition(oldv, newv, options.similarity, breaker);

  // Splits: an unmatched new entry holding a term of a matched old entry
  // whose new counterpart no longer holds it. Merges the other way round.
  std::vector<EntryId> split_from(newv.v.size(), no_entry);
  std::vector<EntryId> merged_into(oldv.v.size(), no_entry);
  for (EntryId n = 0; n < newv.v.size(); ++n) {
    if (newv.match[n] != no_entry) continue;
    for (const LanguageSection& s : newv.v[n].languages) {
      for (const Designation& d : s.designations) {
        for (EntryId o : oldv.holders(s.language, newv.key(d))) {
          const EntryId kept = oldv.match[o];
          if (kept == no_entry || kept == n || newv.holds(kept, s.language, newv.key(d))) continue;
          split_from[n] = o;
          break;
        }
        if (split_from[n] != no_entry) break;
      }
      if (split_from[n] != no_entry) break;
    }
  }
  for (EntryId o = 0; o < oldv.v.size(); ++o) {
    if (oldv.match[o] != no_entry) continue;
    for (const LanguageSection& s : oldv.v[o].languages) {
      for (const Designation& d : s.designations) {
        for (EntryId n : newv.holders(s.language, oldv.key(d))) {
          const EntryId kept = newv.match[n];
          if (kept == no_entry || kept == o || oldv.holds(kept, s.language, oldv.key(d))) continue;
          merged_into[o] = n;
          break;
        }
        if (merged_into[o] != no_entry) break;
      }
      if (merged_into[o] != no_entry) break;
    }
  }

  VocabularyDiff result;
  // Records, keyed for their order: (old position, 0 | 1 for added, new id).
  struct Keyed {
    bool first;  // an added entry before every old one
    std::uint64_t old_pos;
    int added;
    EntryId new_id;
    EntryDiff diff;
  };
  std::vector<Keyed> records;
  std::map<EntryId, std::vector<EntryId>> splits;  // old -> extra new entries
  std::map<EntryId, std::vector<EntryId>> merges;  // new -> extra old entries
  for (EntryId n = 0; n < newv.v.size(); ++n) {
    if (split_from[n] != no_entry) splits[split_from[n]].push_back(n);
  }
  for (EntryId o = 0; o < oldv.v.size(); ++o) {
    if (merged_into[o] != no_entry) merges[merged_into[o]].push_back(o);
  }

  auto fill_numbers = [&](EntryDiff& d) {
    std::sort(d.old_entries.begin(), d.old_entries.end());
    std::sort(d.new_entries.begin(), d.new_entries.end());
    for (EntryId e : d.old_entries) d.old_numbers.push_back(number_of(oldv.v, e));
    for (EntryId e : d.new_entries) d.new_numbers.push_back(number_of(newv.v, e));
  };

  for (EntryId o = 0; o < oldv.v.size(); ++o) {
    const EntryId n = oldv.match[o];
    if (n == no_entry) {
      if (merged_into[o] != no_entry) continue;  // in its merge record
      EntryDiff d;
      d.change = EntryChange::removed;
      d.old_entries = {o};
      d.label = label_of(oldv.v[o]);
      fill_numbers(d);
      records.push_back({false, o, 0, no_entry, std::move(d)});
      continue;
    }
    EntryDiff d;
    d.old_entries = {o};
    d.new_entries = {n};
    d.label = label_of(newv.v[n]);
    compare_fields(oldv.v[o], newv.v[n], breaker, d);
    auto split = splits.find(o);
    auto merge = merges.find(n);
    if (split != splits.end()) {
      d.change = EntryChange::split;
      d.new_entries.insert(d.new_entries.end(), split->second.begin(), split->second.end());
      // Split and merged at once: the merged entries are listed too.
      if (merge != merges.end()) {
        d.old_entries.insert(d.old_entries.end(), merge->second.begin(), merge->second.end());
      }
    } else if (merge != merges.end()) {
      d.change = EntryChange::merged;
      d.old_entries.insert(d.old_entries.end(), merge->second.begin(), merge->second.end());
    } else if (oldv.numbers[o] != newv.numbers[n]) {
      d.change = EntryChange::renumbered;
    } else if (!d.fields.empty()) {
      d.change = EntryChange::changed;
    } else {
      continue;
    }
    fill_numbers(d);
    const std::uint64_t pos = *std::min_element(d.old_entries.begin(), d.old_entries.end());
    records.push_back({false, pos, 0, no_entry, std::move(d)});
  }
  {
    std::uint64_t anchor = 0;  // just after the old entry preceding in the new edition
    bool has_anchor = false;
    for (EntryId n = 0; n < newv.v.size(); ++n) {
      if (newv.match[n] != no_entry) {
        anchor = newv.match[n];
        has_anchor = true;
        continue;
      }
      if (split_from[n] != no_entry) continue;
      EntryDiff d;
      d.change = EntryChange::added;
      d.new_entries = {n};
      d.label = label_of(newv.v[n]);
      fill_numbers(d);
      // Before every old entry when nothing precedes it.
      records.push_back({!has_anchor, anchor, 1, n, std::move(d)});
    }
  }
  std::stable_sort(records.begin(), records.end(), [](const Keyed& a, const Keyed& b) {
    if (a.first != b.first) return a.first;
    if (a.old_pos != b.old_pos) return a.old_pos < b.old_pos;
    if (a.added != b.added) return a.added < b.added;
    return a.new_id < b.new_id;
  });
  for (Keyed& k : records) result.entries.push_back(std::move(k.diff));

  std::size_t matched = 0;
  for (EntryId o = 0; o < oldv.v.size(); ++o) matched += oldv.match[o] != no_entry;
  result.matched = matched;

  // The new edition's concept for an old entry: its match, or the entry it
  // was merged into.
  auto concept_of = [&](EntryId o) {
    return oldv.match[o] != no_entry ? oldv.match[o] : merged_into[o];
  };

  // References: every citation of the new edition that writes a number.
  std::unordered_set<std::string> seen;
  std::vector<EntryId> cited_before;  // what the old entry cited by number, sorted
  for (EntryId n = 0; n < newv.v.size(); ++n) {
    const EntryId o = newv.match[n];
    cited_before.clear();
    if (o != no_entry) {
      for (const Citation& c : oldv.v.cites(o)) {
        cited_before.push_back(c.to);
        if (!c.reference || c.reference->number.empty()) continue;
        if (const Entry* t = oldv.v.find_number(c.reference->number)) {
          cited_before.push_back(t->id);
        }
      }
      std::sort(cited_before.begin(), cited_before.end());
    }
    for (const LanguageSection& s : newv.v[n].languages) {
      auto visit = [&](const TextBlock& block) {
        for (const Reference& r : block.references) {
          // By the number written, else by the id a markup link names.
          if (r.external || (r.number.empty() && r.target_id.empty())) continue;
          const bool by_number = !r.number.empty();
          const Entry* was = by_number ? oldv.v.find_number(r.number) : oldv.v.find_id(r.target_id);
          if (!was) continue;
          const Entry* now = by_number ? newv.v.find_number(r.number) : newv.v.find_id(r.target_id);
          const EntryId meant = concept_of(was->id);
          ReferenceDiff rd;
          if (meant == no_entry) {
            if (o == no_entry && now) continue;  // a new entry may mean the new holder
            rd.change = ReferenceChange::target_removed;
          } else {
            if (now && now->id == meant) continue;
            if (o == no_entry) continue;
            // Only a citation the old entry wrote too is left stale.
            if (!std::binary_search(cited_before.begin(), cited_before.end(), was->id)) continue;
            rd.change = ReferenceChange::stale;
            rd.intended = number_of(newv.v, meant);
          }
          rd.entry = number_of(newv.v, n);
          rd.target = std::string(by_number ? r.number : r.target_id);
          rd.text = std::string(r.text);
          const std::string key =
              std::string(to_string(rd.change)) + '\x1f' + rd.entry + '\x1f' + rd.target;
          if (seen.insert(key).second) result.references.push_back(std::move(rd));
        }
      };
      if (s.definition) visit(*s.definition);
      for (const TextBlock& b : s.notes) visit(b);
      for (const TextBlock& b : s.examples) visit(b);
      for (const TextBlock& b : s.sources) visit(b);
    }
  }

  // Cycles: a group is the same when its members, carried to the new
  // edition, are the members of a group there.
  {
    std::map<std::vector<EntryId>, bool> new_groups;
    for (const CircularGroup& g : newv.v.circular_groups()) {
      std::vector<EntryId> m = g.members;
      std::sort(m.begin(), m.end());
      new_groups.emplace(std::move(m), false);
    }
    std::vector<ReferenceDiff> gone;
    for (const CircularGroup& g : oldv.v.circular_groups()) {
      std::vector<EntryId> m;
      bool whole = true;
      for (EntryId e : g.members) {
        const EntryId c = concept_of(e);
        if (c == no_entry) whole = false;
        m.push_back(c);
      }
      std::sort(m.begin(), m.end());
      m.erase(std::unique(m.begin(), m.end()), m.end());
      auto it = whole ? new_groups.find(m) : new_groups.end();
      if (it != new_groups.end()) {
        it->second = true;
        continue;
      }
      ReferenceDiff rd;
      rd.change = ReferenceChange::cycle_gone;
      for (EntryId e : g.members) rd.entries.push_back(number_of(oldv.v, e));
      gone.push_back(std::move(rd));
    }
    for (const CircularGroup& g : newv.v.circular_groups()) {
      std::vector<EntryId> m = g.members;
      std::sort(m.begin(), m.end());
      if (new_groups[m]) continue;
      ReferenceDiff rd;
      rd.change = ReferenceChange::cycle_new;
      for (EntryId e : g.members) rd.entries.push_back(number_of(newv.v, e));
      result.references.push_back(std::move(rd));
    }
    for (ReferenceDiff& rd : gone) result.references.push_back(std::move(rd));
  }
  return result;
}

}  // namespace termgraph
