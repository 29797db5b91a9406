// Helpers shared by the test files.
#pragma once

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

}  // namespace termgraph::test
