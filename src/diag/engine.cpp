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
                        const DiagnosticOptions& options, const std::vector<Profile>& profiles) {
  const auto begin = diagnostics.begin() + static_cast<std::ptrdiff_t>(first);
  const auto kept = std::remove_if(begin, diagnostics.end(), [&](Diagnostic& d) {
    if (!d.rule) return false;
    const Profile profile = d.range.file < profiles.size() ? profiles[d.range.file] : Profile::iso;
    const std::optional<Severity> severity = options.severity(d.rule->code, profile);
    if (!severity) return true;
    d.severity = *severity;
    if (options.warnings_as_errors && d.severity == Severity::warning) {
      d.severity = Severity::error;
    }
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

void DiagnosticOptions::turn_on(RuleId rule) noexcept {
  levels_[static_cast<std::size_t>(rule)] = on;
}

std::optional<Severity> DiagnosticOptions::severity(RuleId rule,
                                                    Profile file_profile) const noexcept {
  const std::uint8_t level = levels_[static_cast<std::size_t>(rule)];
  if (level == off) return std::nullopt;
  if (level != by_default && level != on) return static_cast<Severity>(level);
  const Rule& r = rules::get(rule);
  const Level by_profile = r.level(profile.value_or(file_profile));
  if (by_profile != Level::off) return static_cast<Severity>(by_profile);
  if (level == on) return r.severity;
  return std::nullopt;
}

std::string_view to_string(Profile p) noexcept {
  return p == Profile::termbase ? "termbase" : "iso";
}

}  // namespace termgraph
