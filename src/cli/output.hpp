// How the commands that print diagnostics print them: the options they share
// (--no-source, --quiet, --max-findings, --color) and the text style those
// give.
#pragma once

#include <cstddef>
#include <limits>
#include <string>

#include "termgraph/report.hpp"

namespace CLI {
class App;
}

namespace termgraph::cli {

/// The diagnostics options of a command, as given.
struct OutputOptions {
  /// Leave out the source line and caret.
  bool no_source = false;
  /// Print only the summary.
  bool quiet = false;
  /// Print at most this many findings.
  std::size_t max_findings = std::numeric_limits<std::size_t>::max();
  /// "auto", "always" or "never".
  std::string color = "auto";

  /// True when an option other than the defaults was given: options that
  /// only apply to text output.
  [[nodiscard]] bool text_only_given() const { return no_source || quiet || color != "auto"; }
  [[nodiscard]] bool max_findings_given() const {
    return max_findings != std::numeric_limits<std::size_t>::max();
  }
};

/// Adds --no-source, --quiet, --max-findings and --color to `command`.
void add_output_options(CLI::App& command, OutputOptions& options);

/// Whether to colour what goes to file descriptor `fd`: `always`, `never`,
/// or for `auto` when `fd` is a terminal and NO_COLOR is unset or empty.
bool use_color(const std::string& mode, int fd);

/// The text style of `options` for output to file descriptor `fd`.
TextStyle text_style(const OutputOptions& options, int fd);

}  // namespace termgraph::cli
