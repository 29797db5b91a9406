// `termgraph check --fix` and `--fix --dry-run`: the fixes of the findings
// applied to the files (library: termgraph/fix.hpp), or shown as a diff.
#pragma once

#include <cstddef>
#include <ostream>

#include "termgraph/load.hpp"

namespace termgraph::cli {

/// What fixing did.
struct FixOutcome {
  /// Files written (or, with dry_run, that would be).
  std::size_t files = 0;
  /// Fixes applied (or that would be).
  std::size_t fixes = 0;
  /// A file could not be read or written.
  bool failed = false;
};

/// Applies the fixes of the findings of `result` to the files they are in:
/// each file read again, its fixed bytes written atomically (temporary file
/// in the same directory, renamed; permissions kept). With `dry_run`,
/// nothing is written: the unified diff of every change goes to `out`.
/// What was done and what was left out (with why) goes to `err`.
FixOutcome fix_files(const LoadResult& result, bool dry_run, std::ostream& out, std::ostream& err);

}  // namespace termgraph::cli
