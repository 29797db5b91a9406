// The full-text index: words of definitions, notes and examples, segmented
// by ICU, folded once at build; a query segments and folds only itself.
// full_text.hpp describes the words, the inflection and the ranking.
#include "lookup/full_text.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "model/arena.hpp"
#include "text/inflection.hpp"
#include "text/language.hpp"
#include "text/word_break.hpp"

namespace termgraph {

using Impl = Vocabulary::Impl;

// The break iterators: one per language of the index (indexed like
// languages_), made once by build(), and ICU's root rules. They are
// prototypes: search() clones one (under clone_mutex_) and never touches
// them otherwise; build() is the only one to set their text.
struct FullTextIndex::Iterators {
  std::unique_ptr<icu::BreakIterator> root;
  std::vector<std::unique_ptr<icu::BreakIterator>> by_language;
};

namespace {

bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_apostrophe_at(std::string_view w, std::size_t i, std::size_t& size) noexcept {
  if (w[i] == '\'') {
    size = 1;
    return true;
  }
  if (w.compare(i, 3, "\xE2\x80\x99") == 0) {  // U+2019
    size = 3;
    return true;
  }
  return false;
}

// A folded word less its elided French or Italian article or pronoun
// ("l'entite" -> "entite", "qu'aujourd'hui" -> "aujourd'hui",
// "dell'entita" -> "entita"): the part before the first apostrophe is one or
// two ASCII letters, ends in "qu", or is at most five letters ending in "ll";
// the part after begins with a vowel or h. English contractions and
// possessives ("don't", "we're", "node's") stay whole.
std::string_view drop_elision(std::string_view w) noexcept {
  for (;;) {
    std::size_t i = 0;
    while (i < w.size() && w[i] >= 'a' && w[i] <= 'z') ++i;
    std::size_t mark = 0;
    if (i == 0 || i == w.size() || !is_apostrophe_at(w, i, mark)) return w;
    const std::string_view before = w.substr(0, i), after = w.substr(i + mark);
    const bool elided = before.size() <= 2 || ends_with(before, "qu") ||
                        (before.size() <= 5 && ends_with(before, "ll"));
    if (!elided || after.empty()) return w;
    const char c = after.front();
    if (!(c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'h')) {
      return w;
    }
    w = after;
  }
}

// Cuts text into folded words with one break iterator, which it borrows.
// The UText is opened over the caller's UTF-8 in place (no copy) and reused.
class Segmenter {
public:
  Segmenter(icu::BreakIterator& it, const Folder& folder) : it_(&it), folder_(folder) {}
  ~Segmenter() { utext_close(&text_); }
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  void use(icu::BreakIterator& it) noexcept { it_ = &it; }

  // Calls emit(word) for each folded word of `text`, in order; the view is
  // valid during the call only.
  template <typename Emit>
  void run(std::string_view text, Emit&& emit) {
    if (text.empty()) return;
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&text_, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return;
    it_->setText(&text_, status);
    if (U_FAILURE(status)) return;
    int32_t start = it_->first();
    for (int32_t end = it_->next(); end != icu::BreakIterator::DONE;
         start = end, end = it_->next()) {
      // Letters, numbers, kana, ideographs: not spaces nor punctuation.
      if (it_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
      folder_.fold_into(
          text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)),
          folded_);
      // Folding may make spaces (NFKC of some ligatures): each part is a word.
      std::string_view rest = folded_;
      while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        const std::string_view part = drop_elision(rest.substr(0, space));
        rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
        if (!part.empty()) emit(part);
      }
    }
  }

private:
  icu::BreakIterator* it_;
  const Folder& folder_;
  UText text_ = UTEXT_INITIALIZER;
  std::string folded_;
};

double weight(BlockKind kind) noexcept {
  switch (kind) {
    case BlockKind::definition:
      return FullTextIndex::definition_weight;
    case BlockKind::note:
      return FullTextIndex::note_weight;
    case BlockKind::example:
      return FullTextIndex::example_weight;
    default:
      return 0;
  }
}

}  // namespace

FullTextIndex::FullTextIndex() = default;
FullTextIndex::~FullTextIndex() = default;

void FullTextIndex::build(const Impl& impl) {
  chars_.clear();
  word_offsets_.clear();
  posting_offsets_.clear();
  postings_.clear();
  slot_block_.clear();
  slot_section_.clear();
  slot_weight_.clear();
  languages_.clear();
  section_length_.assign(impl.sections.size(), 0.0f);
  section_language_.assign(impl.sections.size(), 0);
  average_length_ = 0;
  documents_ = 0;

  auto iterators = std::make_unique<Iterators>();
  iterators->root = word_iterator({});

  // Languages: the tag as written -> index of its canonical form.
  std::unordered_map<std::string_view, std::uint32_t, StringHash, std::equal_to<>> by_tag;
  std::unordered_map<std::string, std::uint32_t> by_canonical;
  const auto language_of = [&](std::string_view tag) {
    auto it = by_tag.find(tag);
    if (it != by_tag.end()) return it->second;
    std::string canonical = language::canonical(tag);
    auto c = by_canonical.find(canonical);
    std::uint32_t index = 0;
    if (c != by_canonical.end()) {
      index = c->second;
    } else {
      index = static_cast<std::uint32_t>(languages_.size());
      iterators->by_language.push_back(word_iterator(canonical));
      by_canonical.emplace(canonical, index);
      languages_.push_back(std::move(canonical));
    }
    by_tag.emplace(tag, index);
    return index;
  };

  // Words get a first-seen id now and their sorted rank at the end.
  StringArena words;
  std::unordered_map<std::string_view, std::uint32_t, StringHash, std::equal_to<>> ids;
  std::vector<std::string_view> seen;
  struct Raw {
    std::uint32_t word, slot, tf;
  };
  std::vector<Raw> raw;
  std::vector<std::uint32_t> block_words, blocks;
  double total_length = 0;

  Segmenter segmenter(*iterators->root, impl.folder);
  for (const Entry& entry : impl.entries) {
    for (const LanguageSection& section : entry.languages) {
      const auto s = static_cast<std::uint32_t>(&section - impl.sections.data());
      const std::uint32_t language = language_of(section.language);
      section_language_[s] = language;
      segmenter.use(*iterators->by_language[language]);

      blocks.clear();
      if (section.definition) {
        blocks.push_back(static_cast<std::uint32_t>(section.definition - impl.blocks.data()));
      }
      for (const TextBlock& n : section.notes) {
        blocks.push_back(static_cast<std::uint32_t>(&n - impl.blocks.data()));
      }
      for (const TextBlock& e : section.examples) {
        blocks.push_back(static_cast<std::uint32_t>(&e - impl.blocks.data()));
      }
      std::sort(blocks.begin(), blocks.end());

      double length = 0;
      for (const std::uint32_t b : blocks) {
        const TextBlock& block = impl.blocks[b];
        block_words.clear();
        segmenter.run(block.text, [&](std::string_view w) {
          auto it = ids.find(w);
          if (it == ids.end()) {
            it = ids.emplace(words.store(w), static_cast<std::uint32_t>(seen.size())).first;
            seen.push_back(it->first);
          }
          block_words.push_back(it->second);
        });
        if (block_words.empty()) continue;
        const auto slot = static_cast<std::uint32_t>(slot_block_.size());
        slot_block_.push_back(b);
        slot_section_.push_back(s);
        slot_weight_.push_back(static_cast<float>(weight(block.kind)));
        length += weight(block.kind) * static_cast<double>(block_words.size());
        std::sort(block_words.begin(), block_words.end());
        for (std::size_t i = 0; i < block_words.size();) {
          std::size_t j = i + 1;
          while (j < block_words.size() && block_words[j] == block_words[i]) ++j;
          raw.push_back(Raw{block_words[i], slot, static_cast<std::uint32_t>(j - i)});
          i = j;
        }
      }
      if (length > 0) {
        section_length_[s] = static_cast<float>(length);
        total_length += length;
        ++documents_;
      }
    }
  }
  // Leave no prototype pointing at a block's text (setText takes a shallow
  // clone of the UText: it points at the literal).
  {
    UText empty = UTEXT_INITIALIZER;
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&empty, "", 0, &status);
    for (auto& it : iterators->by_language) it->setText(&empty, status);
    utext_close(&empty);
  }

  // The words in byte order; word ids become ranks in it.
  std::vector<std::uint32_t> order(seen.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&seen](std::uint32_t a, std::uint32_t b) { return seen[a] < seen[b]; });
  std::vector<std::uint32_t> rank(seen.size());
  std::size_t bytes = 0;
  for (std::uint32_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = r;
    bytes += seen[order[r]].size();
  }
  chars_.reserve(bytes);
  word_offsets_.reserve(order.size() + 1);
  for (const std::uint32_t w : order) {
    word_offsets_.push_back(static_cast<std::uint32_t>(chars_.size()));
    chars_.append(seen[w]);
  }
  word_offsets_.push_back(static_cast<std::uint32_t>(chars_.size()));

  // Postings grouped by word (a counting sort: stable, so each list stays
  // in slot order).
  posting_offsets_.assign(order.size() + 1, 0);
  for (const Raw& r : raw) ++posting_offsets_[rank[r.word] + 1];
  for (std::size_t i = 1; i < posting_offsets_.size(); ++i) {
    posting_offsets_[i] += posting_offsets_[i - 1];
  }
  postings_.resize(raw.size());
  std::vector<std::uint32_t> next(posting_offsets_.begin(), posting_offsets_.end() - 1);
  for (const Raw& r : raw) postings_[next[rank[r.word]]++] = Posting{r.slot, r.tf};

  average_length_ = documents_ > 0 ? total_length / documents_ : 0;
  iterators_ = std::move(iterators);
}

std::size_t FullTextIndex::find_word(std::string_view w) const noexcept {
  std::size_t lo = 0, hi = word_count();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (word(mid) < w) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < word_count() && word(lo) == w ? lo : std::string_view::npos;
}

// The ids of the indexed words `q` matches: itself, its regular inflections
// and its base forms (names_designation in either direction), sorted.
void FullTextIndex::matching_words(std::string_view q, std::vector<std::uint32_t>& ids,
                                   std::string& scratch) const {
  ids.clear();
  const std::size_t exact = find_word(q);
  if (exact != std::string_view::npos) ids.push_back(static_cast<std::uint32_t>(exact));

  // Inflections of q start with q, or with q less the ending they replace
  // (entity -> entities, leaf -> leaves, analysis -> analyses, signal ->
  // signaux, use -> using), and add a few bytes at most.
  constexpr std::size_t max_added = 8;
  const auto scan = [&](std::string_view stem) {
    std::size_t lo = 0, hi = word_count();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (word(mid) < stem) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (std::size_t id = lo; id < word_count(); ++id) {
      const std::string_view w = word(id);
      if (!starts_with(w, stem)) break;
      if (w.size() <= stem.size() + max_added && w != q && names_designation(w, q)) {
        ids.push_back(static_cast<std::uint32_t>(id));
      }
    }
  };
  scan(q);
  if (ends_with(q, "y") || ends_with(q, "f") || ends_with(q, "e")) scan(q.substr(0, q.size() - 1));
  if (ends_with(q, "fe") || ends_with(q, "is") || ends_with(q, "al")) {
    scan(q.substr(0, q.size() - 2));
  }

  // Base forms: q less an ending of up to seven bytes ("es’s" is six), with
  // what the rules put back (entities -> entity, leaves -> leaf, leaves ->
  // knife's "fe", analyses -> analysis, signaux -> signal, using -> use).
  constexpr std::string_view restored[] = {"", "y", "f", "fe", "is", "al", "e"};
  for (std::size_t k = 1; k <= 7 && k < q.size(); ++k) {
    if ((static_cast<unsigned char>(q[q.size() - k]) & 0xC0) == 0x80) continue;  // mid code point
    const std::string_view base = q.substr(0, q.size() - k);
    for (const std::string_view r : restored) {
      scratch.assign(base);
      scratch.append(r);
      if (scratch == q) continue;
      const std::size_t id = find_word(scratch);
      if (id != std::string_view::npos && names_designation(q, scratch)) {
        ids.push_back(static_cast<std::uint32_t>(id));
      }
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

std::vector<std::string> FullTextIndex::words(const Impl& impl, std::string_view text,
                                              std::string_view language) const {
  std::unique_ptr<icu::BreakIterator> it =
      word_iterator(language.empty() ? std::string() : language::canonical(language));
  std::vector<std::string> out;
  Segmenter segmenter(*it, impl.folder);
  segmenter.run(text, [&out](std::string_view w) { out.emplace_back(w); });
  return out;
}

void FullTextIndex::search(const Impl& impl, std::string_view query,
                           const std::vector<std::string>& languages, std::size_t limit,
                           std::vector<TextHit>& out) const {
  out.clear();
  if (limit == 0 || word_count() == 0 || !iterators_ || documents_ == 0) return;

  // The query's words, cut by the rules of the first language asked for.
  std::unique_ptr<icu::BreakIterator> it;
  {
    const icu::BreakIterator* prototype = iterators_->root.get();
    if (!languages.empty() && !languages.front().empty() && languages.front() != "*") {
      for (std::size_t i = 0; i < languages_.size(); ++i) {
        if (language::serves(languages.front(), languages_[i])) {
          prototype = iterators_->by_language[i].get();
          break;
        }
      }
    }
    std::lock_guard<std::mutex> lock(clone_mutex_);
    it.reset(prototype->clone());
  }
  if (!it) return;
  std::vector<std::string> query_words;
  {
    Segmenter segmenter(*it, impl.folder);
    segmenter.run(query, [&query_words](std::string_view w) {
      if (std::find(query_words.begin(), query_words.end(), w) == query_words.end()) {
        query_words.emplace_back(w);
      }
    });
  }
  if (query_words.empty()) return;

  // The languages asked for, by index into languages_.
  std::vector<char> allowed(languages_.size(), languages.empty() ? 1 : 0);
  for (std::size_t i = 0; i < languages_.size() && !languages.empty(); ++i) {
    for (const std::string& range : languages) {
      if (language::serves(range, languages_[i])) {
        allowed[i] = 1;
        break;
      }
    }
  }

  // Each query word's postings: all its matched forms, merged in slot order.
  struct Term {
    std::vector<Posting> merged;  // when several forms matched
    const Posting* begin = nullptr;
    const Posting* end = nullptr;
    const Posting* cursor = nullptr;
    double idf = 0;
  };
  std::vector<Term> terms(query_words.size());
  std::vector<std::uint32_t> ids;
  std::string scratch;
  for (std::size_t t = 0; t < query_words.size(); ++t) {
    matching_words(query_words[t], ids, scratch);
    if (ids.empty()) return;  // every word must occur
    Term& term = terms[t];
    if (ids.size() == 1) {
      term.begin = postings_.data() + posting_offsets_[ids[0]];
      term.end = postings_.data() + posting_offsets_[ids[0] + 1];
    } else {
      for (const std::uint32_t id : ids) {
        term.merged.insert(term.merged.end(), postings_.begin() + posting_offsets_[id],
                           postings_.begin() + posting_offsets_[id + 1]);
      }
      std::sort(term.merged.begin(), term.merged.end(),
                [](const Posting& a, const Posting& b) { return a.slot < b.slot; });
      std::size_t kept = 0;
      for (std::size_t i = 0; i < term.merged.size(); ++i) {
        if (kept > 0 && term.merged[kept - 1].slot == term.merged[i].slot) {
          term.merged[kept - 1].tf += term.merged[i].tf;
        } else {
          term.merged[kept++] = term.merged[i];
        }
      }
      term.merged.resize(kept);
      term.begin = term.merged.data();
      term.end = term.merged.data() + kept;
    }
    term.cursor = term.begin;
    std::size_t df = 0;
    std::uint32_t last = UINT32_MAX;
    for (const Posting* p = term.begin; p != term.end; ++p) {
      const std::uint32_t s = slot_section_[p->slot];
      if (s != last) ++df;
      last = s;
    }
    const double n = documents_, d = static_cast<double>(df);
    term.idf = std::log(1.0 + (n - d + 0.5) / (d + 0.5));
  }
  // The rarest word drives the walk; the others are searched forward.
  std::stable_sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) {
    return (a.end - a.begin) < (b.end - b.begin);
  });

  const auto section_of = [this](const Posting& p) { return slot_section_[p.slot]; };
  std::vector<std::pair<std::uint32_t, double>> contributions;  // slot, idf * weight * tf
  Term& driver = terms.front();
  for (const Posting* p = driver.begin; p != driver.end;) {
    const std::uint32_t s = section_of(*p);
    const Posting* run_end = p;
    while (run_end != driver.end && section_of(*run_end) == s) ++run_end;
    const Posting* run_begin = p;
    p = run_end;
    if (!allowed[section_language_[s]]) continue;

    bool all = true, exhausted = false;
    for (std::size_t t = 1; t < terms.size() && all; ++t) {
      Term& term = terms[t];
      term.cursor = std::lower_bound(term.cursor, term.end, s,
                                     [this](const Posting& q, std::uint32_t section) {
                                       return slot_section_[q.slot] < section;
                                     });
      if (term.cursor == term.end) exhausted = true;
      all = !exhausted && section_of(*term.cursor) == s;
    }
    if (exhausted) break;
    if (!all) continue;

    // BM25F over the section's blocks.
    const double norm =
        k1 * (1.0 - b + b * static_cast<double>(section_length_[s]) / average_length_);
    double score = 0;
    contributions.clear();
    for (std::size_t t = 0; t < terms.size(); ++t) {
      const Term& term = terms[t];
      const Posting* q = t == 0 ? run_begin : term.cursor;
      const Posting* q_end = t == 0 ? run_end : term.end;
      double tf = 0;
      for (; q != q_end && section_of(*q) == s; ++q) {
        const double w = static_cast<double>(slot_weight_[q->slot]) * q->tf;
        tf += w;
        auto c = std::find_if(contributions.begin(), contributions.end(),
                              [q](const auto& x) { return x.first == q->slot; });
        if (c == contributions.end()) {
          contributions.emplace_back(q->slot, term.idf * w);
        } else {
          c->second += term.idf * w;
        }
      }
      score += term.idf * tf * (k1 + 1.0) / (tf + norm);
    }
    std::uint32_t best_slot = contributions.front().first;
    double best = contributions.front().second;
    for (const auto& c : contributions) {
      if (c.second > best || (c.second == best && c.first < best_slot)) {
        best_slot = c.first;
        best = c.second;
      }
    }
    const EntryId entry = impl.section_entry[s];
    const TextHit hit{entry, &impl.sections[s], &impl.blocks[slot_block_[best_slot]], score};
    if (!out.empty() && out.back().entry == entry) {
      if (score > out.back().score) out.back() = hit;  // the entry's best section
    } else {
      out.push_back(hit);
    }
  }

  const auto better = [](const TextHit& x, const TextHit& y) {
    return x.score != y.score ? x.score > y.score : x.entry < y.entry;
  };
  if (out.size() > limit) {
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(limit), out.end(),
                      better);
    out.resize(limit);
  } else {
    std::sort(out.begin(), out.end(), better);
  }
}

std::size_t FullTextIndex::memory_bytes() const noexcept {
  std::size_t n = sizeof(*this) + chars_.capacity();
  n += word_offsets_.capacity() * sizeof(std::uint32_t);
  n += posting_offsets_.capacity() * sizeof(std::uint32_t);
  n += postings_.capacity() * sizeof(Posting);
  n += slot_block_.capacity() * sizeof(std::uint32_t);
  n += slot_section_.capacity() * sizeof(std::uint32_t);
  n += slot_weight_.capacity() * sizeof(float);
  n += section_length_.capacity() * sizeof(float);
  n += section_language_.capacity() * sizeof(std::uint32_t);
  for (const std::string& l : languages_) n += sizeof(l) + l.capacity();
  return n;
}

const FullTextIndex& full_text_index(const Impl& impl) {
  std::call_once(impl.full_text_once, [&impl] {
    auto index = std::make_shared<FullTextIndex>();
    index->build(impl);
    impl.full_text = std::move(index);
  });
  return *impl.full_text;
}

}  // namespace termgraph
