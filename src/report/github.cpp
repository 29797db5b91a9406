// GitHub Actions workflow commands: one annotation per diagnostic
// (docs/cli.md, "GitHub annotations").
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "report/machine.hpp"
#include "termgraph/report.hpp"

namespace termgraph {

namespace {

/// GitHub's escaping of a command's data ('%', CR and LF) and, for a
/// property value, also ':' and ','.
std::string escape(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else if (property && c == ':') {
      out += "%3A";
    } else if (property && c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string escape_data(std::string_view s) {
  return escape(s, false);
}
std::string escape_property(std::string_view s) {
  return escape(s, true);
}

std::string_view command_of(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      break;
  }
  return "notice";
}

std::string count_phrase(std::size_t n, std::string_view singular) {
  std::string s = std::to_string(n) + ' ' + std::string(singular);
  if (n != 1) s += 's';
  return s;
}

}  // namespace

GithubDiagnosticWriter::GithubDiagnosticWriter(std::ostream& out, ReportOptions options)
    : out_(out), options_(std::move(options)) {}

void GithubDiagnosticWriter::begin(const Vocabulary& vocabulary) {
  vocabulary_ = &vocabulary;
  counts_[0] = counts_[1] = counts_[2] = 0;
  report::PathNamer namer(options_.base_directory);
  paths_.clear();
  for (FileId f = 0; f < vocabulary.files().size(); ++f) {
    paths_.push_back(namer.name(vocabulary, f).path);
  }
}

void GithubDiagnosticWriter::handle(const Diagnostic& d) {
  static const Vocabulary none;
  const Vocabulary& vocabulary = vocabulary_ ? *vocabulary_ : none;
  const std::size_t total = counts_[0] + counts_[1] + counts_[2];
  const auto severity = static_cast<std::size_t>(d.severity);
  if (severity < 3) ++counts_[severity];
  if (total >= options_.max_findings) return;

  std::string_view path;
  if (d.range.file < paths_.size()) path = paths_[d.range.file];
  std::string properties = "file=" + escape_property(path);
  const SourceRange& r = d.range;
  if (r.known()) {
    properties += ",line=" + std::to_string(r.line);
    // GitHub takes columns only on a one-line range; its end column is the
    // last column marked (ours is the one after it).
    const bool one_line = r.end_line == 0 || r.end_line == r.line;
    if (r.column > 0 && one_line) properties += ",col=" + std::to_string(r.column);
    if (r.end_line > r.line) properties += ",endLine=" + std::to_string(r.end_line);
    if (one_line && r.end_line == r.line && r.column > 0 && r.end_column > r.column + 1) {
      properties += ",endLine=" + std::to_string(r.end_line);
      properties += ",endColumn=" + std::to_string(r.end_column - 1);
    }
  }
  if (!d.rule_id().empty()) properties += ",title=" + escape_property(d.rule_id());

  // The message, then the related locations as the text report's notes.
  std::string message = d.message;
  for (const RelatedLocation& related : d.related) {
    message += '\n';
    message += format_location(vocabulary, related.range);
    message += ": note: ";
    message += related.message;
  }
  out_ << "::" << command_of(d.severity) << ' ' << properties << "::" << escape_data(message)
       << '\n';
}

void GithubDiagnosticWriter::end() {
  const std::size_t total = counts_[0] + counts_[1] + counts_[2];
  if (total > options_.max_findings) {
    const std::size_t hidden = total - options_.max_findings;
    out_ << hidden << " more finding" << (hidden == 1 ? "" : "s") << " not shown\n";
  }
  std::string summary;
  const auto add = [&summary](std::size_t n, std::string_view what) {
    if (n == 0) return;
    if (!summary.empty()) summary += ", ";
    summary += count_phrase(n, what);
  };
  add(counts_[static_cast<std::size_t>(Severity::error)], "error");
  add(counts_[static_cast<std::size_t>(Severity::warning)], "warning");
  add(counts_[static_cast<std::size_t>(Severity::note)], "note");
  if (!summary.empty()) out_ << summary << " generated\n";
}

}  // namespace termgraph
