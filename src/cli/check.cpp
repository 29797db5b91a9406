// `termgraph check`: load files, report every diagnostic as text or JSON
// (the library's writers, report.hpp).
#include <algorithm>
#include <ostream>
#include <string>

#include "commands.hpp"
#include "termgraph/report.hpp"

namespace termgraph::cli {

namespace {

bool unreadable(const LoadResult& result) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& d) { return d.is(RuleId::unreadable_input); });
}

}  // namespace

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& /*err*/) {
  const LoadResult result = load_files(options.paths);
  if (options.format == "json") {
    JsonDiagnosticWriter writer(out);
    report_diagnostics(result, writer);
  } else {
    TextStyle style;
    style.show_source = options.show_source;
    TextDiagnosticWriter writer(out, style);
    report_diagnostics(result, writer);
  }
  out.flush();
  if (unreadable(result)) return exit_usage;
  return result.errors() > 0 ? exit_findings : exit_ok;
}

}  // namespace termgraph::cli
