// Loading the vocabulary that lookup, refs and index read: --vocab, else the
// bundled one.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "output.hpp"
#include "termgraph/load.hpp"

namespace termgraph::cli {

/// Whether `d` says that (part of) an input was not read: not XML, not of a
/// format termgraph reads, no entries in it.
bool not_read(const Diagnostic& d);

/// Judges a loaded vocabulary as read_vocabulary() does: throws UsageError
/// for an input that cannot be read, and prints on `err` what kept inputs
/// from being read. Returns true when such a reason was printed.
bool report_unread(const LoadResult& result, const OutputOptions& diagnostics, std::ostream& err);

/// Loads the files or directories `vocab` names, or the bundled vocabulary
/// when it is empty ("-" reads standard input). Findings in the vocabulary
/// do not stop the command that reads it; an input that cannot be read
/// does: a path that does not exist throws UsageError. What kept an input
/// from being read (malformed, of no known format, no entries) is printed
/// on `err` as `check` prints it, in the style of `diagnostics`, and the
/// command goes on with what was read.
///
/// When no entry was read at all, there is nothing to work on: nullopt once
/// the reasons were printed (the command's status is then exit_usage), or
/// UsageError("no term entries were read; nothing to <purpose>") when no
/// reason was.
std::optional<LoadResult> read_vocabulary(const std::vector<std::string>& vocab,
                                          const OutputOptions& diagnostics,
                                          const std::string& purpose, std::ostream& err);

}  // namespace termgraph::cli
