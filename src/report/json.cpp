// The JSON report of diagnostics (docs/cli.md, "version": 1). Entries are
// written as their numbers.
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <string>

#include "termgraph/report.hpp"

namespace termgraph {

namespace {

using Json = nlohmann::ordered_json;

std::string file_of(const Vocabulary& vocabulary, FileId file) {
  const auto& files = vocabulary.files();
  return file < files.size() ? files[file] : std::string();
}

Json location(const Vocabulary& vocabulary, const SourceRange& range) {
  Json j;
  j["file"] = file_of(vocabulary, range.file);
  j["line"] = range.line;
  j["column"] = range.column;
  return j;
}

Json diagnostic_json(const Vocabulary& vocabulary, const Diagnostic& d) {
  Json j;
  j["rule"] = std::string(d.rule_id());
  j["severity"] = std::string(to_string(d.severity));
  Json where = location(vocabulary, d.range);
  j["file"] = where["file"];
  j["line"] = where["line"];
  j["column"] = where["column"];
  j["message"] = d.message;
  Json entries = Json::array();
  for (EntryId e : d.entries) {
    entries.push_back(e < vocabulary.size() ? std::string(vocabulary[e].number) : std::string());
  }
  j["entries"] = std::move(entries);
  j["target"] = d.target;
  Json related = Json::array();
  for (const RelatedLocation& r : d.related) {
    Json rj = location(vocabulary, r.range);
    rj["message"] = r.message;
    related.push_back(std::move(rj));
  }
  j["related"] = std::move(related);
  return j;
}

}  // namespace

JsonDiagnosticWriter::JsonDiagnosticWriter(std::ostream& out) : out_(out) {}

void JsonDiagnosticWriter::begin(const Vocabulary& vocabulary) {
  vocabulary_ = &vocabulary;
  diagnostics_.clear();
}

void JsonDiagnosticWriter::handle(const Diagnostic& diagnostic) {
  diagnostics_.push_back(diagnostic);
}

void JsonDiagnosticWriter::end() {
  static const Vocabulary none;
  const Vocabulary& vocabulary = vocabulary_ ? *vocabulary_ : none;
  Json diagnostics = Json::array();
  std::size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : diagnostics_) {
    diagnostics.push_back(diagnostic_json(vocabulary, d));
    if (d.severity == Severity::error) ++errors;
    if (d.severity == Severity::warning) ++warnings;
  }
  Json report;
  report["version"] = 1;
  report["entries"] = vocabulary.size();
  report["files"] = vocabulary.files();
  report["diagnostics"] = std::move(diagnostics);
  report["errors"] = errors;
  report["warnings"] = warnings;
  // Invalid UTF-8 in an input's text must not make the report fail.
  out_ << report.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  diagnostics_.clear();
}

std::string diagnostics_json(const LoadResult& result) {
  std::ostringstream out;
  JsonDiagnosticWriter writer(out);
  report_diagnostics(result, writer);
  std::string text = std::move(out).str();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace termgraph
