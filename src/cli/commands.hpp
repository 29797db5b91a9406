// The termgraph tool's commands, apart from argument parsing (main.cpp).
#pragma once

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "termgraph/load.hpp"

namespace termgraph::cli {

/// Exit codes of the tool.
enum Exit : int { exit_ok = 0, exit_findings = 1, exit_usage = 2 };

/// A problem with how the tool was called or with its inputs; main() prints
/// "termgraph: error: <what>" and exits with exit_usage.
class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// The paths of the bundled vocabulary: $TERMGRAPH_VOCAB, else
/// <exe dir>/<installed terms dir>, else the source tree's terms/. Throws
/// UsageError when none exists.
std::vector<std::string> bundled_vocabulary();

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";  // "text" or "json"
  bool show_source = true;
};

/// `termgraph check`: 0 without errors, 1 with errors, 2 when an input
/// cannot be read.
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

struct LookupOptions {
  /// Vocabulary files or directories; the bundled vocabulary when empty.
  std::vector<std::string> vocab;
  std::string language;
  std::string query;
};

/// `termgraph lookup`: prints every matching entry; 1 when none matches.
int run_lookup(const LookupOptions& options, std::ostream& out, std::ostream& err);

/// `termgraph refs`: what an entry cites, what cites it, and what to read
/// first; 1 when no entry matches.
int run_refs(const LookupOptions& options, std::ostream& out, std::ostream& err);

struct ConvertOptions {
  std::vector<std::string> paths;
  /// The output format: "native", "sts" or "tbx".
  std::string to;
  /// Read every input as this format ("native", "sts", "tbx", "tbx2008");
  /// empty: detect each file's format.
  std::string from;
  /// The output file (written through OUTPUT.tmp, then renamed); empty or
  /// "-": standard output.
  std::string output;
  /// Title written where the output format has one; empty: none.
  std::string title;
};

/// The format named `name` ("native", "sts", "tbx", "tbx2008"), or
/// Format::unknown.
Format parse_format_name(const std::string& name);

/// `termgraph convert`: diagnostics of loading on `err`, the vocabulary in
/// the target format on `out` or in the output file. 0 when written without
/// errors, 1 when written but loading found errors, 2 (nothing written) when
/// an input cannot be read; throws UsageError when the output cannot be
/// written.
int run_convert(const ConvertOptions& options, std::ostream& out, std::ostream& err);

}  // namespace termgraph::cli
