// The rule catalogue's lookups; the rules themselves are the rows of
// TERMGRAPH_RULE_TABLE (diagnostic.hpp).
#include "termgraph/rules.hpp"

#include <iterator>

namespace termgraph::rules {

namespace {
const Rule* const catalogue[] = {
#define TERMGRAPH_RULE_ADDRESS(name, id, iso, termbase, summary) &name,
    TERMGRAPH_RULE_TABLE(TERMGRAPH_RULE_ADDRESS)
#undef TERMGRAPH_RULE_ADDRESS
};
static_assert(std::size(catalogue) == rule_count);
}  // namespace

Span<const Rule*> all() {
  return {catalogue, std::size(catalogue)};
}

const Rule* find(std::string_view id) noexcept {
  for (const Rule* r : catalogue) {
    if (r->id == id) return r;
  }
  return nullptr;
}

const Rule& get(RuleId code) noexcept {
  return *catalogue[static_cast<std::size_t>(code)];
}

}  // namespace termgraph::rules
