// "Did you mean ...?" for misspelt commands, options and rule names.
#include "suggest.hpp"

#include <algorithm>

namespace termgraph::cli {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic-programming table: two back for the swaps.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string closest_name(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.empty()) return {};
  const std::string* best = nullptr;
  std::size_t best_distance = 0;
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    const std::size_t allowed = std::max<std::size_t>(2, c.size() / 3);
    if (d <= allowed && (!best || d < best_distance)) {
      best = &c;
      best_distance = d;
    }
  }
  if (best) return *best;
  // "dangling" for "dangling-reference": a prefix of one name only.
  const std::string* prefixed = nullptr;
  for (const std::string& c : candidates) {
    if (c.size() > word.size() && c.compare(0, word.size(), word) == 0) {
      if (prefixed) return {};
      prefixed = &c;
    }
  }
  if (prefixed) return *prefixed;
  // "--vocabulary" for "--vocab": the longest name (of 4 characters or
  // more) that the word starts with.
  const std::string* start = nullptr;
  for (const std::string& c : candidates) {
    if (c.size() >= 4 && c.size() < word.size() && word.compare(0, c.size(), c) == 0 &&
        (!start || c.size() > start->size())) {
      start = &c;
    }
  }
  return start ? *start : std::string();
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string name = closest_name(word, candidates);
  return name.empty() ? std::string() : "; did you mean '" + name + "'?";
}

}  // namespace termgraph::cli
