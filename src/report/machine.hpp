// Internal: what the machine-readable reports (SARIF, GitHub, GitLab) share:
// how they name files, and the fingerprint that identifies a finding across
// runs whatever its line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "termgraph/load.hpp"

namespace termgraph::report {

/// A file as a report names it.
struct ReportPath {
  /// Relative to the base directory ('/'-separated) when the file lies
  /// below it, else absolute.
  std::string path;
  /// True when `path` is relative to the base directory.
  bool relative = false;
};

/// Names the files of one report relative to a base directory (the current
/// one when empty), each computed once.
class PathNamer {
public:
  explicit PathNamer(const std::string& base_directory);
  /// The name of file `file` of `vocabulary` (the file as given when it is
  /// not a vocabulary file, e.g. after an unreadable-input).
  const ReportPath& name(const Vocabulary& vocabulary, FileId file);
  /// The base directory, absolute, '/'-separated.
  [[nodiscard]] const std::string& base() const { return base_; }

private:
  std::string base_;
  std::unordered_map<FileId, ReportPath> names_;
};

/// The fingerprints of the findings of one report: a hash of the rule id,
/// the numbers of the entries concerned, the message and the path, never
/// the line or column, so that a finding keeps its fingerprint when lines
/// above it move. The n-th finding with the same hash gets n mixed in, so
/// that identical findings get distinct fingerprints.
class Fingerprints {
public:
  /// 16 lower-case hex digits.
  std::string next(const Vocabulary& vocabulary, const Diagnostic& d, std::string_view path);

private:
  std::unordered_map<std::string, std::size_t> seen_;
};

/// FNV-1a, 64 bits (stable across platforms and runs, unlike std::hash).
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ULL);

}  // namespace termgraph::report
