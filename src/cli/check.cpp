// `termgraph check`: load files, report every diagnostic as text, JSON,
// SARIF, GitHub annotations or a GitLab Code Quality report (the library's
// writers, report.hpp).
#include <unistd.h>

#include <algorithm>
#include <ostream>
#include <string>

#include "baseline.hpp"
#include "commands.hpp"
#include "config.hpp"
#include "fix.hpp"
#include "termgraph/report.hpp"

namespace termgraph::cli {

namespace {

bool unreadable(const LoadResult& result) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& d) { return d.is(RuleId::unreadable_input); });
}

}  // namespace

void report_findings(const LoadResult& result, const std::string& format,
                     const OutputOptions& output, std::ostream& out) {
  ReportOptions report;
  report.max_findings = output.max_findings;
  if (format == "json") {
    JsonDiagnosticWriter writer(out);
    report_diagnostics(result, writer);
  } else if (format == "sarif") {
    SarifDiagnosticWriter writer(out, report);
    report_diagnostics(result, writer);
  } else if (format == "github") {
    GithubDiagnosticWriter writer(out, report);
    report_diagnostics(result, writer);
  } else if (format == "gitlab") {
    GitlabDiagnosticWriter writer(out, report);
    report_diagnostics(result, writer);
  } else {
    TextDiagnosticWriter writer(out, text_style(output, STDOUT_FILENO));
    report_diagnostics(result, writer);
  }
}

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  bool check_failed = false;  // a file to fix could not be read or written
  LoadOptions load_options;
  load_options.dash_is_stdin = true;
  load_options.analysis.diagnostics = diagnostic_options(options.rules, options.paths, err);
  load_options.analysis.threads = options.jobs;
  const bool text = options.format == "text";
  if (!text && options.output.text_only_given()) {
    throw UsageError("--no-source, --quiet and --color apply to the text format only");
  }
  if (!text && options.format != "github" && options.output.max_findings_given()) {
    throw UsageError("--max-findings applies to the text and github formats only");
  }
  // A baseline that cannot be used stops the command before anything runs.
  Baseline baseline;
  if (!options.baseline.empty()) baseline = read_baseline(options.baseline);
  LoadResult result = load_files(options.paths, load_options);
  if (options.fix && !unreadable(result)) {
    const FixOutcome fixed = fix_files(result, options.dry_run, out, err);
    if (options.dry_run) {
      out.flush();
      if (fixed.failed) return exit_usage;
      return result.errors() > 0 ? exit_findings : exit_ok;
    }
    // What remains: the files as they are now.
    if (fixed.files > 0) result = load_files(options.paths, load_options);
    check_failed = fixed.failed;
  }
  if (!options.write_baseline.empty()) {
    if (unreadable(result)) {
      // What could not be read is named; a baseline of part of the inputs
      // would hide nothing of the rest.
      TextStyle style;
      style.show_source = false;
      for (const Diagnostic& d : result.diagnostics) {
        if (d.is(RuleId::unreadable_input)) write_diagnostic(err, d, result.vocabulary, style);
      }
      throw UsageError("an input cannot be read; baseline '" + options.write_baseline +
                       "' not written");
    }
    write_file_atomically(options.write_baseline, baseline_json(result));
    err << "termgraph: recorded " << result.diagnostics.size() << " finding"
        << (result.diagnostics.size() == 1 ? "" : "s") << " in baseline '" << options.write_baseline
        << "'\n";
    return check_failed ? exit_usage : exit_ok;
  }
  std::size_t hidden = 0;
  if (!options.baseline.empty()) hidden = apply_baseline(result, std::move(baseline));
  report_findings(result, options.format, options.output, out);
  out.flush();
  if (!options.baseline.empty()) {
    err << "termgraph: " << hidden << " finding" << (hidden == 1 ? "" : "s")
        << " hidden by baseline '" << options.baseline << "'\n";
  }
  if (unreadable(result) || check_failed) return exit_usage;
  return result.errors() > 0 ? exit_findings : exit_ok;
}

}  // namespace termgraph::cli
