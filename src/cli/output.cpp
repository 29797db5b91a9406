// The options of the commands that print diagnostics.
#include "output.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>

namespace termgraph::cli {

void add_output_options(CLI::App& command, OutputOptions& options) {
  command.add_flag("--no-source", options.no_source,
                   "Text: leave out the source line and caret under each finding");
  command.add_flag("-q,--quiet", options.quiet,
                   "Text: print only the summary (counts per rule and the total)");
  command
      .add_option("--max-findings", options.max_findings,
                  "Print at most N findings, then how many more there are (text and github "
                  "formats); the summary counts them all")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber);
  command
      .add_option("--color", options.color,
                  "Text: colour the findings (auto: when writing to a terminal and NO_COLOR is "
                  "not set)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

bool use_color(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(fd) == 1;
}

TextStyle text_style(const OutputOptions& options, int fd) {
  TextStyle style;
  style.show_source = !options.no_source;
  style.show_findings = !options.quiet;
  style.max_findings = options.max_findings;
  style.color = use_color(options.color, fd);
  return style;
}

}  // namespace termgraph::cli
