// `termgraph check`: load files, report every diagnostic as text or JSON.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "commands.hpp"
#include "termgraph/report.hpp"
#include "termgraph/rules.hpp"

namespace termgraph::cli {

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

bool unreadable(const LoadResult& result) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& d) { return d.rule == &rules::unreadable_input; });
}

}  // namespace

std::string check_json(const LoadResult& result) {
  const Vocabulary& vocabulary = result.vocabulary;
  Json diagnostics = Json::array();
  for (const Diagnostic& d : result.diagnostics) {
    Json j;
    j["rule"] = std::string(d.rule_id());
    j["severity"] = std::string(to_string(d.severity));
    Json where = location(vocabulary, d.range);
    j["file"] = where["file"];
    j["line"] = where["line"];
    j["column"] = where["column"];
    j["message"] = d.message;
    j["entries"] = d.entries;
    j["target"] = d.target;
    Json related = Json::array();
    for (const RelatedLocation& r : d.related) {
      Json rj = location(vocabulary, r.range);
      rj["message"] = r.message;
      related.push_back(std::move(rj));
    }
    j["related"] = std::move(related);
    diagnostics.push_back(std::move(j));
  }
  Json report;
  report["version"] = 1;
  report["entries"] = vocabulary.size();
  report["files"] = vocabulary.files();
  report["diagnostics"] = std::move(diagnostics);
  report["errors"] = result.errors();
  report["warnings"] = result.warnings();
  // Invalid UTF-8 in an input's text must not make the report fail.
  return report.dump(2, ' ', false, Json::error_handler_t::replace);
}

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& /*err*/) {
  const LoadResult result = load_files(options.paths);
  if (options.format == "json") {
    out << check_json(result) << '\n';
  } else {
    TextStyle style;
    style.show_source = options.show_source;
    write_diagnostics(out, result, style);
  }
  out.flush();
  if (unreadable(result)) return exit_usage;
  return result.errors() > 0 ? exit_findings : exit_ok;
}

}  // namespace termgraph::cli
