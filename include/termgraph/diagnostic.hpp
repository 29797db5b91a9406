// termgraph: diagnostics and the rules that produce them.
#pragma once

#include "termgraph/export.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "termgraph/model.hpp"

namespace termgraph {

/// How serious a finding is. Errors make `termgraph check` exit 1.
enum class Severity : std::uint8_t { note, warning, error };

/// "note", "warning" or "error".
TERMGRAPH_API std::string_view to_string(Severity s) noexcept;

/// A check termgraph makes. Each rule is defined once (see rules.hpp) and
/// documented in docs/rules.md.
struct Rule {
  std::string_view id;
  Severity severity;
  std::string_view summary;
};

/// A secondary place that explains a diagnostic (a step of a cycle, the
/// first definition of a duplicate ...).
struct RelatedLocation {
  SourceRange range;
  std::string message;
};

/// One finding, with where it is and what it concerns.
struct Diagnostic {
  const Rule* rule = nullptr;
  Severity severity = Severity::error;
  /// Lower-case, no trailing full stop.
  std::string message;
  SourceRange range;
  std::vector<RelatedLocation> related;
  /// Numbers of the entries involved; for circular-definition the whole
  /// group, sorted.
  std::vector<std::string> entries;
  /// The cited number, for dangling-reference.
  std::string target;

  std::string_view rule_id() const noexcept { return rule ? rule->id : std::string_view(); }
};

}  // namespace termgraph
