// `termgraph check --baseline FILE` and `--write-baseline FILE`: findings
// accepted as known, recorded by rule, file, entries and message (no line,
// so that edits above a finding do not revive it).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "termgraph/load.hpp"

namespace termgraph::cli {

/// What identifies a finding in a baseline.
struct BaselineKey {
  std::string rule;
  std::string file;
  std::vector<std::string> entries;
  std::string message;

  friend bool operator<(const BaselineKey& a, const BaselineKey& b) {
    return std::tie(a.rule, a.file, a.entries, a.message) <
           std::tie(b.rule, b.file, b.entries, b.message);
  }
};

/// A baseline: how many findings of each key it accepts.
using Baseline = std::map<BaselineKey, std::size_t>;

/// The key of `d` among the findings of `result`.
BaselineKey baseline_key(const LoadResult& result, const Diagnostic& d);

/// The baseline file's text for the findings of `result` (JSON, version 1).
std::string baseline_json(const LoadResult& result);

/// Reads a baseline file; throws UsageError naming the file and what is
/// wrong when it cannot be read or is not a baseline.
Baseline read_baseline(const std::string& path);

/// Removes from result.diagnostics the findings the baseline accepts, each
/// key as many times as the baseline holds it; returns how many were
/// removed.
std::size_t apply_baseline(LoadResult& result, Baseline baseline);

/// Writes `content` to `path` atomically: a temporary file in the same
/// directory, renamed over `path` when complete; an existing file's
/// permissions are kept. Throws UsageError with the system's reason.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace termgraph::cli
