// --fix: for every file with a finding that has a fix, the fixed bytes from
// the library (fix_file), written in place atomically or shown as a diff.
#include "fix.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "baseline.hpp"
#include "commands.hpp"
#include "termgraph/fix.hpp"
#include "termgraph/report.hpp"

namespace termgraph::cli {

namespace {

/// The file's bytes now, or false with the reason in `error`.
bool read_bytes(const std::string& path, std::string& bytes, std::string& error) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    error = "not a regular file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return false;
  }
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) {
    error = std::strerror(errno);
    return false;
  }
  bytes = s.str();
  return true;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

FixOutcome fix_files(const LoadResult& result, bool dry_run, std::ostream& out, std::ostream& err) {
  FixOutcome outcome;
  const std::vector<std::string>& files = result.vocabulary.files();
  std::vector<bool> has_fix(files.size(), false);
  for (const Diagnostic& d : result.diagnostics) {
    if (d.fixes.empty()) continue;
    for (const Edit& e : d.fixes.front().edits) {
      if (e.range.file < files.size()) has_fix[e.range.file] = true;
    }
  }
  for (FileId f = 0; f < files.size(); ++f) {
    if (!has_fix[f]) continue;
    const std::string& path = files[f];
    std::string original, error;
    if (!read_bytes(path, original, error)) {
      err << "termgraph: " << path << ": not fixed: cannot read it again: " << error << '\n';
      outcome.failed = true;
      continue;
    }
    const FixedFile fixed = fix_file(result.vocabulary, f, original, result.diagnostics);
    if (!fixed.refusal.empty()) {
      err << "termgraph: " << path << ": not fixed: " << fixed.refusal << '\n';
      continue;
    }
    for (const SkippedFix& s : fixed.skipped) {
      err << format_location(result.vocabulary, s.range) << ": fix of [" << s.rule
          << "] not applied (" << s.message << "): " << s.reason << '\n';
    }
    if (!fixed.changed()) continue;
    if (dry_run) {
      out << unified_diff(original, fixed, "a/" + path, "b/" + path);
    } else {
      try {
        write_file_atomically(path, fixed.fixed);
      } catch (const UsageError& e) {
        err << "termgraph: error: " << e.what() << '\n';
        outcome.failed = true;
        continue;
      }
    }
    ++outcome.files;
    outcome.fixes += fixed.applied;
  }
  if (outcome.fixes > 0) {
    err << "termgraph: " << (dry_run ? "would fix " : "fixed ")
        << plural(outcome.fixes, "finding", "findings") << " in "
        << plural(outcome.files, "file", "files") << '\n';
  }
  return outcome;
}

}  // namespace termgraph::cli
