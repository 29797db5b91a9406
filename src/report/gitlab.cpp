// The GitLab Code Quality report (a subset of the Code Climate issue
// format): a JSON array with one object per diagnostic.
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <utility>

#include "report/machine.hpp"
#include "termgraph/report.hpp"

namespace termgraph {

namespace {

using Json = nlohmann::ordered_json;

/// info, minor, major; blocker for errors that keep a file, or the rest of
/// it, from being checked.
std::string severity_of(const Diagnostic& d) {
  switch (d.severity) {
    case Severity::note:
      return "info";
    case Severity::warning:
      return "minor";
    case Severity::error:
      break;
  }
  const bool blocks = d.is(RuleId::unreadable_input) || d.is(RuleId::unknown_format) ||
                      d.is(RuleId::empty_input) || d.is(RuleId::xml_syntax) ||
                      d.is(RuleId::csv_syntax);
  return blocks ? "blocker" : "major";
}

}  // namespace

GitlabDiagnosticWriter::GitlabDiagnosticWriter(std::ostream& out, ReportOptions options)
    : out_(out), options_(std::move(options)) {}

void GitlabDiagnosticWriter::begin(const Vocabulary& vocabulary) {
  vocabulary_ = &vocabulary;
  diagnostics_.clear();
}

void GitlabDiagnosticWriter::handle(const Diagnostic& diagnostic) {
  diagnostics_.push_back(diagnostic);
}

void GitlabDiagnosticWriter::end() {
  static const Vocabulary none;
  const Vocabulary& vocabulary = vocabulary_ ? *vocabulary_ : none;
  report::PathNamer paths(options_.base_directory);
  report::Fingerprints fingerprints;
  Json report = Json::array();
  for (const Diagnostic& d : diagnostics_) {
    const std::string& path = paths.name(vocabulary, d.range.file).path;
    Json issue;
    issue["type"] = "issue";
    issue["description"] = d.message;
    issue["check_name"] = std::string(d.rule_id());
    issue["fingerprint"] = fingerprints.next(vocabulary, d, path);
    issue["severity"] = severity_of(d);
    Json location;
    location["path"] = path;
    location["lines"] = {{"begin", d.range.known() ? d.range.line : 1U}};
    issue["location"] = std::move(location);
    report.push_back(std::move(issue));
  }
  // Invalid UTF-8 in an input's text must not make the report fail.
  out_ << report.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  diagnostics_.clear();
}

}  // namespace termgraph
