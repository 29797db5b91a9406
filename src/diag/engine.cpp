// The diagnostics engine: making diagnostics, the severity each rule gets,
// rules turned off, report order; and the consumer interface.
#include <algorithm>
#include <iterator>

#include "diag/diagnostics.hpp"
#include "termgraph/rules.hpp"

namespace termgraph {

Diagnostic make_diagnostic(const Rule& rule, const SourceRange& range, std::string message) {
  Diagnostic d;
  d.rule = &rule;
  d.severity = rule.severity;
  d.message = std::move(message);
  d.range = range;
  return d;
}

bool reported_before(const Diagnostic& a, const Diagnostic& b) noexcept {
  if (a.range.file != b.range.file) return a.range.file < b.range.file;
  if (a.range.line != b.range.line) return a.range.line < b.range.line;
  return a.range.column < b.range.column;
}

void settle_diagnostics(std::vector<Diagnostic>& diagnostics, std::size_t first,
                        const DiagnosticOptions& options) {
  const auto begin = diagnostics.begin() + static_cast<std::ptrdiff_t>(first);
  const auto kept = std::remove_if(begin, diagnostics.end(), [&options](Diagnostic& d) {
    if (!d.rule) return false;
    const std::optional<Severity> severity = options.severity(d.rule->code);
    if (!severity) return true;
    d.severity = *severity;
    return false;
  });
  diagnostics.erase(kept, diagnostics.end());
  std::stable_sort(begin, diagnostics.end(), reported_before);
}

DiagnosticConsumer::~DiagnosticConsumer() = default;
void DiagnosticConsumer::begin(const Vocabulary& /*vocabulary*/) {}
void DiagnosticConsumer::end() {}

void DiagnosticOptions::set_severity(RuleId rule, Severity severity) noexcept {
  levels_[static_cast<std::size_t>(rule)] = static_cast<std::uint8_t>(severity);
}

void DiagnosticOptions::turn_off(RuleId rule) noexcept {
  levels_[static_cast<std::size_t>(rule)] = off;
}

std::optional<Severity> DiagnosticOptions::severity(RuleId rule) const noexcept {
  const std::uint8_t level = levels_[static_cast<std::size_t>(rule)];
  if (level == off) return std::nullopt;
  if (level == by_default) return rules::get(rule).severity;
  return static_cast<Severity>(level);
}

}  // namespace termgraph
