// The fuzzy index: deletion neighbourhoods of key prefixes, hashed into one
// sorted array with a directory, verified by a banded edit distance.
//
// Why it is exact. Let q and k be within e <= indexed_edits edits (optimal
// string alignment). Deleting at most e code points from each gives one
// common string s: an insertion or deletion is one deletion on one side, a
// substitution or a transposition one deletion on each. What is left of the
// first P = prefix_length code points of q is a prefix of s of at least
// P - e >= L = indexed_length code points (or all of s when q is shorter
// than P), and the same holds for k. Cut to L code points, both are the
// same prefix of s: the query's variant with its own deletions meets the
// key's variant with its deletions. Hash collisions only add candidates,
// which the distance then rejects.
#include "lookup/fuzzy_index.hpp"

#include <algorithm>
#include <bitset>
#include <cstdint>

namespace termgraph {

namespace {

constexpr unsigned L = FuzzyIndex::indexed_length;
constexpr unsigned P = FuzzyIndex::prefix_length;

// A bit for the code point's class: the code point itself for ASCII (low
// six bits), a multiplicative hash otherwise.
std::uint64_t letter_bit(char32_t c) noexcept {
  const std::uint32_t v = static_cast<std::uint32_t>(c);
  const unsigned bit = v < 0x80 ? (v & 63u) : ((v * 0x9E3779B1u) >> 26);
  return std::uint64_t{1} << bit;
}

unsigned popcount(std::uint64_t x) noexcept {
  return static_cast<unsigned>(std::bitset<64>(x).count());
}

// The 32-bit hash of `c[0..n)` without positions `skip1` and `skip2`, cut
// to its first L code points.
std::uint32_t variant_hash(const char32_t* c, std::size_t n, std::size_t skip1,
                           std::size_t skip2) noexcept {
  std::uint64_t h = 0x243F6A8885A308D3ULL;
  unsigned taken = 0;
  for (std::size_t i = 0; i < n && taken < L; ++i) {
    if (i == skip1 || i == skip2) continue;
    h = (h ^ static_cast<std::uint32_t>(c[i])) * 0x9E3779B97F4A7C15ULL;
    ++taken;
  }
  h ^= taken;
  // SplitMix64's finaliser spreads every input bit over the top 32.
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
  h ^= h >> 31;
  return static_cast<std::uint32_t>(h >> 32);
}

// Appends the hashes of the variants of `c[0..n)` (n <= P) with at most
// `edits` deletions. Deleting a code point at or past L changes nothing
// once the variant is cut to L, so only deletions that matter are made.
void variant_hashes(const char32_t* c, std::size_t n, unsigned edits,
                    std::vector<std::uint32_t>& out) {
  constexpr std::size_t none = SIZE_MAX;
  out.push_back(variant_hash(c, n, none, none));
  if (edits >= 1) {
    for (std::size_t i = 0; i < std::min<std::size_t>(n, L); ++i) {
      out.push_back(variant_hash(c, n, i, none));
    }
  }
  if (edits >= 2) {
    const std::size_t j_end = std::min<std::size_t>(n, L + 1);
    for (std::size_t j = 1; j < j_end; ++j) {
      for (std::size_t i = 0; i < j; ++i) out.push_back(variant_hash(c, n, i, j));
    }
  }
}

// Asks for the cache line at `p` ahead of its use.
inline void prefetch(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

void sort_unique(std::vector<std::uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Per-thread scratch space of find(): the index is shared between threads
// and never written by a query.
struct Range {
  std::uint32_t hash, begin, end;
};
struct Scratch {
  std::vector<char32_t> query, key;
  std::vector<std::uint32_t> hashes, candidates;
  std::vector<Range> ranges;
  std::vector<std::size_t> rows;
};

}  // namespace

void decode_code_points(std::string_view s, std::vector<char32_t>& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    char32_t c = 0;
    std::size_t n = 1;
    if (b < 0x80) {
      c = b;
    } else if ((b >> 5) == 0x6) {
      c = b & 0x1F;
      n = 2;
    } else if ((b >> 4) == 0xE) {
      c = b & 0x0F;
      n = 3;
    } else if ((b >> 3) == 0x1E) {
      c = b & 0x07;
      n = 4;
    } else {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    if (i + n > s.size()) {
      out.push_back(0xFFFD);
      break;
    }
    for (std::size_t k = 1; k < n; ++k) {
      c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(c);
    i += n;
  }
}

std::size_t count_code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::size_t bounded_osa_distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b,
                                 std::size_t bound, std::vector<std::size_t>& rows) {
  const std::size_t n = a.size(), m = b.size();
  const std::size_t over = bound + 1;
  if ((n > m ? n - m : m - n) > bound) return over;
  if (n == 0 || m == 0) return std::max(n, m);
  // Only cells with |i - j| <= bound can hold a value within the bound;
  // the cell just outside the band on each side is set to `over` so that
  // the recurrence never reads a stale value.
  const std::size_t width = m + 1;
  if (rows.size() < 3 * width) rows.resize(3 * width);
  std::size_t* before = rows.data();   // row i - 2
  std::size_t* prev = before + width;  // row i - 1
  std::size_t* cur = prev + width;     // row i
  const std::size_t hi0 = std::min(m, bound);
  for (std::size_t j = 0; j <= hi0; ++j) prev[j] = j;
  if (hi0 < m) prev[hi0 + 1] = over;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > bound ? i - bound : 1;
    const std::size_t hi = std::min(m, i + bound);
    std::size_t row_min = over;
    if (lo == 1) {
      cur[0] = std::min(i, over);
      row_min = cur[0];
    } else {
      cur[lo - 1] = over;
    }
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      cur[j] = std::min(d, over);
      row_min = std::min(row_min, cur[j]);
    }
    if (hi < m) cur[hi + 1] = over;
    if (row_min > bound) return over;
    std::size_t* recycled = before;
    before = prev;
    prev = cur;
    cur = recycled;
  }
  return std::min(prev[m], over);
}

unsigned default_max_edits(std::string_view folded_query) noexcept {
  const std::size_t n = count_code_points(folded_query);
  return n < 3 ? 0 : n <= 5 ? 1 : 2;
}

void FuzzyIndex::build(const std::vector<std::string_view>& keys) {
  keys_ = keys;
  facts_.clear();
  facts_.reserve(keys.size());
  postings_.clear();
  std::vector<char32_t> code_points;
  std::vector<std::uint32_t> hashes;
  for (std::size_t id = 0; id < keys.size(); ++id) {
    decode_code_points(keys[id], code_points);
    std::uint64_t letters = 0;
    for (char32_t c : code_points) letters |= letter_bit(c);
    facts_.push_back(KeyFacts{letters, static_cast<std::uint32_t>(code_points.size())});
    hashes.clear();
    variant_hashes(code_points.data(), std::min<std::size_t>(code_points.size(), P), indexed_edits,
                   hashes);
    sort_unique(hashes);
    for (std::uint32_t h : hashes) {
      postings_.push_back(std::uint64_t{h} << 32 | static_cast<std::uint32_t>(id));
    }
  }
  std::sort(postings_.begin(), postings_.end());
  postings_.shrink_to_fit();
  // About sixteen postings per directory slot: a directory small enough to
  // stay in cache, slots short enough for a binary search in a few lines.
  directory_bits_ = 0;
  while (directory_bits_ < 24 && (std::size_t{16} << directory_bits_) < postings_.size()) {
    ++directory_bits_;
  }
  directory_.assign((std::size_t{1} << directory_bits_) + 1, 0);
  std::size_t p = 0;
  for (std::size_t slot = 0; slot < (std::size_t{1} << directory_bits_); ++slot) {
    while (p < postings_.size() &&
           (directory_bits_ == 0 ? 0 : (postings_[p] >> (64 - directory_bits_))) < slot) {
      ++p;
    }
    directory_[slot] = static_cast<std::uint32_t>(p);
  }
  directory_.back() = static_cast<std::uint32_t>(postings_.size());
}

void FuzzyIndex::scan_all(const KeyFacts& query, unsigned bound,
                          std::vector<std::uint32_t>& out) const {
  for (std::size_t id = 0; id < facts_.size(); ++id) {
    const KeyFacts& k = facts_[id];
    const std::uint32_t difference =
        k.length > query.length ? k.length - query.length : query.length - k.length;
    if (difference <= bound) out.push_back(static_cast<std::uint32_t>(id));
  }
}

void FuzzyIndex::find(std::string_view query, unsigned max_edits, std::vector<Hit>& out) const {
  thread_local Scratch s;
  decode_code_points(query, s.query);
  KeyFacts q{0, static_cast<std::uint32_t>(s.query.size())};
  for (char32_t c : s.query) q.letters |= letter_bit(c);

  s.candidates.clear();
  if (max_edits > indexed_edits) {
    scan_all(q, max_edits, s.candidates);
  } else if (!postings_.empty()) {
    s.hashes.clear();
    // A repeated variant only repeats candidates, which are merged below.
    variant_hashes(s.query.data(), std::min<std::size_t>(s.query.size(), P), max_edits, s.hashes);
    // The probes hit memory at random: each pass below starts every load
    // of the next one before using any, so that the misses overlap instead
    // of following one another.
    for (std::uint32_t h : s.hashes) prefetch(&directory_[slot_of(h)]);
    s.ranges.clear();
    for (std::uint32_t h : s.hashes) {
      const std::size_t slot = slot_of(h);
      const std::uint32_t begin = directory_[slot], end = directory_[slot + 1];
      if (begin == end) continue;
      prefetch(&postings_[begin]);
      s.ranges.push_back(Range{h, begin, end});
    }
    for (const Range& r : s.ranges) {
      const auto end = postings_.begin() + r.end;
      for (auto it =
               std::lower_bound(postings_.begin() + r.begin, end, std::uint64_t{r.hash} << 32);
           it != end && static_cast<std::uint32_t>(*it >> 32) == r.hash; ++it) {
        const auto id = static_cast<std::uint32_t>(*it);
        prefetch(&facts_[id]);
        s.candidates.push_back(id);
      }
    }
    // Cheap bounds before the distance: each edit changes the length by at
    // most one, and removes at most one letter class absent from the other
    // side.
    std::size_t kept = 0;
    for (std::uint32_t id : s.candidates) {
      const KeyFacts& k = facts_[id];
      const std::uint32_t difference =
          k.length > q.length ? k.length - q.length : q.length - k.length;
      if (difference > max_edits) continue;
      if (popcount(q.letters & ~k.letters) > max_edits) continue;
      if (popcount(k.letters & ~q.letters) > max_edits) continue;
      prefetch(keys_[id].data());
      s.candidates[kept++] = id;
    }
    s.candidates.resize(kept);
    sort_unique(s.candidates);
  }

  const std::size_t first_hit = out.size();
  for (std::uint32_t id : s.candidates) {
    decode_code_points(keys_[id], s.key);
    const std::size_t d = bounded_osa_distance(s.query, s.key, max_edits, s.rows);
    if (d <= max_edits) out.push_back(Hit{id, static_cast<std::uint32_t>(d)});
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first_hit), out.end(),
            [](const Hit& a, const Hit& b) {
              return a.distance != b.distance ? a.distance < b.distance : a.key < b.key;
            });
}

std::size_t FuzzyIndex::memory_bytes() const noexcept {
  return sizeof(*this) + keys_.capacity() * sizeof(std::string_view) +
         facts_.capacity() * sizeof(KeyFacts) + postings_.capacity() * sizeof(std::uint64_t) +
         directory_.capacity() * sizeof(std::uint32_t);
}

}  // namespace termgraph
