// Vocabulary::search: one query, every way it can name an entry. Each kind
// of match is one function that adds candidates; search() ranks them, keeps
// each entry's best and cuts at the limit. The term index (term_index.cpp)
// serves exact, folded, inflected, abbreviated and prefix matches; the fuzzy,
// transliteration and full-text indexes are built on first use.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lookup/full_text.hpp"
#include "lookup/search_indexes.hpp"
#include "lookup/term_index.hpp"
#include "text/inflection.hpp"
#include "text/language.hpp"
#include "text/numbers.hpp"

namespace termgraph {

namespace {

using Impl = Vocabulary::Impl;

std::string_view trim(std::string_view s) noexcept {
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Orders term index items by key only: for equal_range / lower_bound.
struct KeyLess {
  bool operator()(const TermIndexItem& a, std::string_view b) const noexcept { return a.key < b; }
  bool operator()(std::string_view a, const TermIndexItem& b) const noexcept { return a < b.key; }
};

// The sections a search is restricted to: those that serve one of the
// ranges (language::serves: canonical, "fr" matches "fr-FR" sections, and a
// "fr" section serves a "fr-FR" request, an "fr-CA" section never does).
// All when no range is given. A vocabulary holds few distinct tags, so each
// tag's answer is remembered.
class Languages {
public:
  explicit Languages(const std::vector<std::string>& ranges) : ranges_(ranges) {}

  bool all() const noexcept { return ranges_.empty(); }

  bool operator()(std::string_view tag) {
    if (ranges_.empty()) return true;
    for (const auto& known : seen_) {
      if (known.first == tag) return known.second;
    }
    bool match = false;
    for (const std::string& range : ranges_) {
      match = match || language::serves(range, tag);
    }
    seen_.emplace_back(tag, match);
    return match;
  }

private:
  const std::vector<std::string>& ranges_;
  std::vector<std::pair<std::string_view, bool>> seen_;
};

// A candidate result, with what ranks it within its kind.
struct Candidate {
  SearchMatch match;
  unsigned status = 0;     // 0 preferred, 1 admitted, 2 deprecated
  double secondary = 0;    // lower is better: length, edits, -score
  std::uint32_t item = 0;  // tie-break within an entry: the designation index
};

bool better(const Candidate& a, const Candidate& b) noexcept {
  if (a.match.kind != b.match.kind) return a.match.kind < b.match.kind;
  if (a.status != b.status) return a.status < b.status;
  if (a.secondary != b.secondary) return a.secondary < b.secondary;
  if (a.match.entry != b.match.entry) return a.match.entry < b.match.entry;
  return a.item < b.item;
}

// One search: the query in its forms, the options, and the candidates found.
class Search {
public:
  Search(const Impl& impl, std::string_view query, const SearchOptions& options)
      : impl_(impl), options_(options), query_(trim(query)), in_language_(options.languages) {
    impl.folder.fold_into(query_, folded_);
    impl.folder.compose_into(query_, composed_);
  }

  std::vector<SearchMatch> run() {
    if (query_.empty()) return {};
    const MatchKinds kinds = options_.kinds;
    if (kinds.contains(MatchKind::number)) add_number();
    if (!folded_.empty()) {
      if (kinds.contains(MatchKind::exact) || kinds.contains(MatchKind::folded)) add_terms();
      if (kinds.contains(MatchKind::inflected)) add_inflected();
      if (kinds.contains(MatchKind::abbreviation)) add_abbreviated();
      if (kinds.contains(MatchKind::transliterated)) add_transliterated();
      if (kinds.contains(MatchKind::prefix)) add_prefixed();
      // A query that is a designation is spelt right: no typo to correct.
      if (kinds.contains(MatchKind::fuzzy) && !names_a_designation()) add_fuzzy();
    }
    if (kinds.contains(MatchKind::id)) add_id();
    if (kinds.contains(MatchKind::full_text)) add_full_text();
    return ranked();
  }

private:
  // -- numbers and ids ------------------------------------------------------

  // "3.66", "(3.66)", "[3.66]", "3.66." and "3.66:" as people paste them.
  void add_number() {
    std::string_view text = query_;
    if (text.size() >= 2 && ((text.front() == '(' && text.back() == ')') ||
                             (text.front() == '[' && text.back() == ']'))) {
      text = trim(text.substr(1, text.size() - 2));
    }
    while (!text.empty() && (text.back() == '.' || text.back() == ':')) text.remove_suffix(1);
    std::string key;
    if (!normalize_number(text, key)) return;
    const auto it = impl_.by_number.find(std::string_view(key));
    if (it != impl_.by_number.end()) add_entry(it->second, MatchKind::number);
  }

  void add_id() {
    const auto it = impl_.by_id.find(query_);
    if (it != impl_.by_id.end()) add_entry(it->second, MatchKind::id);
  }

  // An entry found by number or id, shown in the asked language when it has
  // one, else in its main one.
  void add_entry(EntryId id, MatchKind kind) {
    const Entry& entry = impl_.entries[id];
    Candidate c;
    c.match.entry = id;
    c.match.kind = kind;
    c.match.section = shown_section(entry, c.match.fallback);
    if (c.match.section) {
      c.match.designation = c.match.section->preferred();
      if (!c.match.designation && !c.match.section->designations.empty()) {
        c.match.designation = &c.match.section->designations[0];
      }
    }
    candidates_.push_back(c);
  }

  const LanguageSection* shown_section(const Entry& entry, bool& fallback) {
    fallback = false;
    if (entry.languages.empty()) return nullptr;
    if (!in_language_.all()) {
      for (const LanguageSection& s : entry.languages) {
        if (in_language_(s.language)) return &s;
      }
      fallback = true;
    }
    return main_section(entry);
  }

  // The entry's main section: in its file's first declared language, else
  // the one holding the preferred term, else the first.
  const LanguageSection* main_section(const Entry& entry) const {
    const FileId file = entry.range.file;
    if (file < impl_.declared_languages.size() && !impl_.declared_languages[file].empty()) {
      const std::string_view main = impl_.declared_languages[file].front();
      for (const LanguageSection& s : entry.languages) {
        if (language::same(main, s.language)) return &s;
      }
    }
    for (const LanguageSection& s : entry.languages) {
      if (s.preferred()) return &s;
    }
    return &entry.languages.front();
  }

  // -- designations -----------------------------------------------------------

  // Adds every item of the term index whose key is `key`, as `kind` (the key
  // table: one hash, a probe or two).
  void add_key(std::string_view key, MatchKind kind) {
    const auto range = find_key(impl_, key);
    for (std::uint32_t i = range.first; i < range.second; ++i) add_item(impl_.terms[i], kind, 0);
  }

  void add_item(const TermIndexItem& item, MatchKind kind, double secondary) {
    const LanguageSection& section = impl_.sections[item.section];
    if (!in_language_(section.language)) return;
    Candidate c;
    c.match.entry = item.entry;
    c.match.kind = kind;
    c.match.section = &section;
    c.match.designation = &impl_.designations[item.designation];
    c.status = static_cast<unsigned>(c.match.designation->status);
    c.secondary = secondary;
    c.item = item.designation;
    candidates_.push_back(c);
  }

  // Equal folded keys: exact when the designation as written (NFC) is the
  // query as written, else folded.
  void add_terms() {
    const auto range = find_key(impl_, folded_);
    std::string written;
    for (std::uint32_t i = range.first; i < range.second; ++i) {
      const TermIndexItem& item = impl_.terms[i];
      impl_.folder.compose_into(impl_.designations[item.designation].text, written);
      const MatchKind kind = written == composed_ ? MatchKind::exact : MatchKind::folded;
      if (options_.kinds.contains(kind)) add_item(item, kind, 0);
    }
  }

  // Designations the query is an inflected form of, by the rules the label
  // check of references uses (text/inflection.hpp): "blocks", "DLT nodes".
  void add_inflected() {
    for (const std::string& base : base_forms(folded_)) {
      if (base != folded_) add_key(base, MatchKind::inflected);
    }
  }

  // Designations in another script or with letters ASCII lacks, compared in
  // ASCII Latin (spaces left out): a Latin query finds "блокчейн" by
  // "blokchein"; a Cyrillic or Greek query finds Latin designations by its
  // own transliteration.
  void add_transliterated() {
    std::string latin;
    if (is_ascii(folded_)) {
      latin = folded_;
    } else {
      latin = transliterator(impl_).to_latin(folded_);
      if (latin.empty()) return;
      add_key(latin, MatchKind::transliterated);
    }
    const std::string key = without_spaces(latin);
    const LatinIndex& index = latin_index(impl_);
    const auto range = std::equal_range(
        index.items.begin(), index.items.end(), LatinIndex::Item{key, 0, 0},
        [](const LatinIndex::Item& a, const LatinIndex::Item& b) { return a.key < b.key; });
    for (auto it = range.first; it != range.second; ++it) {
      for (std::uint32_t i = it->first; i < it->last; ++i) {
        add_item(impl_.terms[i], MatchKind::transliterated, 0);
      }
    }
  }

  // True when an exact or folded match was found.
  bool names_a_designation() const noexcept {
    return std::any_of(candidates_.begin(), candidates_.end(), [](const Candidate& c) {
      return c.match.kind == MatchKind::exact || c.match.kind == MatchKind::folded;
    });
  }

  // Designations at the fewest edits from the query within the bound
  // (lookup/fuzzy_index.hpp, built on first use): those one edit away when
  // there are any, else those two away, and so on, as a speller offers its
  // nearest words. For an ASCII query, transliterations count too
  // ("blokchain" for "блокчейн", which transliterates as "blokchein"). Equal
  // keys are exact, folded or transliterated matches, not fuzzy ones. Asking
  // for one edit first keeps the usual query (a typo) to the index's small
  // neighbourhood.
  void add_fuzzy() {
    const unsigned bound = options_.max_edits < 0 ? default_max_edits(folded_)
                                                  : static_cast<unsigned>(options_.max_edits);
    const std::size_t before = candidates_.size();
    const LatinIndex* latin = nullptr;
    std::string latin_key;
    if (is_ascii(folded_) && bound > 0) {
      latin = &latin_index(impl_);
      if (latin->items.empty()) latin = nullptr;
      if (latin) latin_key = without_spaces(folded_);
    }
    std::vector<FuzzyIndex::Hit> hits;
    for (unsigned edits = 1; edits <= bound && candidates_.size() == before; ++edits) {
      // Up to two edits, each round asks the index for exactly its own; a
      // larger bound scans once.
      const unsigned asked = edits <= FuzzyIndex::indexed_edits ? edits : bound;
      const FuzzyLookup& lookup = fuzzy_lookup(impl_);
      hits.clear();
      lookup.index.find(folded_, asked, hits);
      const double length = static_cast<double>(folded_.size());
      for (const FuzzyIndex::Hit& hit : hits) {
        if (hit.distance == 0 || (asked == edits && hit.distance != edits)) continue;
        const double difference =
            std::abs(static_cast<double>(lookup.key(impl_, hit.key).size()) - length);
        for (std::uint32_t i = lookup.first[hit.key]; i < lookup.first[hit.key + 1]; ++i) {
          add_fuzzy_item(impl_.terms[i], hit.distance, difference);
        }
      }
      if (latin) {
        hits.clear();
        latin->fuzzy.find(latin_key, asked, hits);
        for (const FuzzyIndex::Hit& hit : hits) {
          if (hit.distance == 0 || (asked == edits && hit.distance != edits)) continue;
          const LatinIndex::Item& item = latin->items[hit.key];
          const double difference = std::abs(static_cast<double>(item.key.size()) -
                                             static_cast<double>(latin_key.size()));
          for (std::uint32_t i = item.first; i < item.last; ++i) {
            add_fuzzy_item(impl_.terms[i], hit.distance, difference);
          }
        }
      }
      if (asked != edits) break;  // the scan answered every bound at once
    }
  }

  // Ranked by edits, then by difference in length.
  void add_fuzzy_item(const TermIndexItem& item, std::uint32_t distance, double difference) {
    const std::size_t before = candidates_.size();
    add_item(item, MatchKind::fuzzy, distance * 1000.0 + difference);
    if (candidates_.size() > before) candidates_.back().match.distance = distance;
  }

  static bool is_ascii(std::string_view s) noexcept {
    for (char c : s) {
      if ((c & 0x80) != 0) return false;
    }
    return true;
  }

  // The query with one abbreviation of the vocabulary replaced by its
  // expansion, or one expansion by its abbreviation, word for word.
  void add_abbreviated() {
    for (const std::string& form : abbreviation_forms(impl_, folded_)) {
      add_key(form, MatchKind::abbreviation);
    }
  }

  // Designations whose words start with the query's words, in order: "dlt
  // sys" names "dlt system", "dis led tech" names "distributed ledger
  // technology". Shorter designations rank first.
  void add_prefixed() {
    std::vector<std::string_view> words = split_words(folded_);
    if (words.empty()) return;
    const auto& terms = impl_.terms;
    std::vector<std::string_view> key_words;
    for (auto it = std::lower_bound(terms.begin(), terms.end(), words.front(), KeyLess{});
         it != terms.end() && starts_with(it->key, words.front()); ++it) {
      if (it->key == folded_) continue;  // an equal key is an exact or folded match
      key_words = split_words(it->key);
      if (key_words.size() < words.size()) continue;
      bool all = true;
      for (std::size_t i = 0; all && i < words.size(); ++i) {
        all = starts_with(key_words[i], words[i]);
      }
      if (all) add_item(*it, MatchKind::prefix, static_cast<double>(it->key.size()));
    }
  }

  static std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    while (!s.empty()) {
      const std::size_t space = s.find(' ');
      if (space != 0) words.push_back(s.substr(0, space));
      if (space == std::string_view::npos) break;
      s.remove_prefix(space + 1);
    }
    return words;
  }

  // -- text -------------------------------------------------------------------

  // Entries whose definitions, notes or examples hold every word of the
  // query (lookup/full_text.hpp: ICU word breaks, inflection, BM25F).
  void add_full_text() {
    std::vector<TextHit> hits;
    const std::size_t limit = options_.limit == 0 ? SIZE_MAX : options_.limit;
    full_text_index(impl_).search(impl_, query_, options_.languages, limit, hits);
    for (const TextHit& hit : hits) {
      Candidate c;
      c.match.entry = hit.entry;
      c.match.kind = MatchKind::full_text;
      c.match.section = hit.section;
      c.match.block = hit.block;
      c.match.score = hit.score;
      c.secondary = -hit.score;
      candidates_.push_back(c);
    }
  }

  // -- ranking ----------------------------------------------------------------

  std::vector<SearchMatch> ranked() {
    std::sort(candidates_.begin(), candidates_.end(), [](const Candidate& a, const Candidate& b) {
      if (a.match.entry != b.match.entry) return a.match.entry < b.match.entry;
      return better(a, b);
    });
    candidates_.erase(std::unique(candidates_.begin(), candidates_.end(),
                                  [](const Candidate& a, const Candidate& b) {
                                    return a.match.entry == b.match.entry;
                                  }),
                      candidates_.end());
    std::sort(candidates_.begin(), candidates_.end(), better);
    if (options_.limit != 0 && candidates_.size() > options_.limit) {
      candidates_.resize(options_.limit);
    }
    std::vector<SearchMatch> result;
    result.reserve(candidates_.size());
    for (const Candidate& c : candidates_) result.push_back(c.match);
    return result;
  }

  const Impl& impl_;
  const SearchOptions& options_;
  std::string_view query_;
  std::string folded_;
  std::string composed_;
  Languages in_language_;
  std::vector<Candidate> candidates_;
};

}  // namespace

std::string_view to_string(MatchKind kind) noexcept {
  switch (kind) {
    case MatchKind::number:
      return "number";
    case MatchKind::exact:
      return "exact";
    case MatchKind::folded:
      return "folded";
    case MatchKind::id:
      return "id";
    case MatchKind::inflected:
      return "inflected";
    case MatchKind::abbreviation:
      return "abbreviation";
    case MatchKind::transliterated:
      return "transliterated";
    case MatchKind::prefix:
      return "prefix";
    case MatchKind::fuzzy:
      return "fuzzy";
    case MatchKind::full_text:
      return "full-text";
  }
  return "unknown";
}

std::vector<SearchMatch> Vocabulary::search(std::string_view query,
                                            const SearchOptions& options) const& {
  if (!impl_ || options.kinds.empty()) return {};
  return Search(*impl_, query, options).run();
}

}  // namespace termgraph
