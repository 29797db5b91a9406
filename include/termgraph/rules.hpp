// termgraph: the rule catalogue, generated from TERMGRAPH_RULE_TABLE
// (diagnostic.hpp); each rule's rationale is in docs/rules.md.
#pragma once

#include "termgraph/export.hpp"

#include "termgraph/diagnostic.hpp"

namespace termgraph::rules {

namespace detail {
/// The severity of a rule when on: `iso`, else `termbase`, else warning.
constexpr Severity on_severity(Level iso, Level termbase) noexcept {
  if (iso != Level::off) return static_cast<Severity>(iso);
  if (termbase != Level::off) return static_cast<Severity>(termbase);
  return Severity::warning;
}
}  // namespace detail

// One constant per rule: rules::xml_syntax, rules::dangling_reference ...
#define TERMGRAPH_RULE_CONSTANT(name, rule_id, rule_iso, rule_termbase, rule_summary)    \
  inline constexpr Rule name{RuleId::name,                                               \
                             rule_id,                                                    \
                             detail::on_severity(Level::rule_iso, Level::rule_termbase), \
                             Level::rule_iso,                                            \
                             Level::rule_termbase,                                       \
                             rule_summary,                                               \
                             "rules.md#" rule_id};
TERMGRAPH_RULE_TABLE(TERMGRAPH_RULE_CONSTANT)
#undef TERMGRAPH_RULE_CONSTANT

/// Every rule, in the order of docs/rules.md (indexed by RuleId).
TERMGRAPH_API Span<const Rule*> all();

/// The rule with `id` ("dangling-reference"), or nullptr.
TERMGRAPH_API const Rule* find(std::string_view id) noexcept;

/// The rule named by `code`.
TERMGRAPH_API const Rule& get(RuleId code) noexcept;

}  // namespace termgraph::rules
