// "Did you mean ...?": the closest of a set of names to a misspelt one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace termgraph::cli {

/// The number of single-character insertions, deletions, substitutions and
/// swaps of two neighbours that turn `a` into `b` (optimal string alignment).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`: by edit distance when it is small for
/// the candidate's length (at most a third of it, and at least 2 allowed),
/// else the only candidate `word` is a prefix of, else the longest candidate
/// (of 4 characters or more) that is a prefix of `word`; empty when none is
/// close.
std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);

/// "; did you mean 'NAME'?" for the closest candidate, or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace termgraph::cli
