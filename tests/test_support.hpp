// Helpers shared by the test files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "termgraph/load.hpp"

namespace termgraph::test {

/// The diagnostics of `r` with rule id `rule`, in report order.
inline std::vector<const Diagnostic*> with_rule(const LoadResult& r, std::string_view rule) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id() == rule) out.push_back(&d);
  }
  return out;
}

/// The numbers of the entries `d` concerns (Diagnostic::entries are ids).
inline std::vector<std::string> entry_numbers(const LoadResult& r, const Diagnostic& d) {
  std::vector<std::string> out;
  for (EntryId e : d.entries) out.emplace_back(r.vocabulary[e].number);
  return out;
}

}  // namespace termgraph::test
