// Which rules report and how seriously: the rule options of the command line
// and the configuration file `.termgraph.toml` (docs/cli.md#configuration).
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "termgraph/diagnostic.hpp"

namespace termgraph::cli {

/// The name of the configuration file.
inline constexpr const char* config_file_name = ".termgraph.toml";

/// What a setting does to a rule: a severity, `off`, or `on` (the profile's
/// severity, as --enable).
enum class RuleSetting : std::uint8_t { note, warning, error, off, on };

/// Settings of a configuration file or of the command line, applied in
/// this order: the file's, then the command line's.
struct Settings {
  std::optional<Profile> profile;
  std::optional<bool> werror;
  /// In the order applied; a later setting of a rule wins.
  std::vector<std::pair<RuleId, RuleSetting>> rules;
};

/// The names of the RuleSetting values, in their order: "note",
/// "warning", "error", "off", "on".
const std::vector<std::string>& setting_names();

/// The rule ids of the catalogue, in its order.
std::vector<std::string> rule_names();

/// "" when `name` is a rule id, else "unknown rule 'NAME'" with a
/// suggestion (for the validators of --enable, --disable).
std::string check_rule_name(const std::string& name);

/// "" when `setting` is `RULE=LEVEL` with a known rule and level, else what
/// is wrong (for the validator of --severity).
std::string check_rule_severity(const std::string& setting);

/// The configuration file for `inputs`: `.termgraph.toml` in the directory
/// of the first input (the input itself when it is a directory; the current
/// directory when the first input is `-` or there is none), else in its
/// parent, and so on up to the root of the file system, stopping after a
/// directory that holds `.git`, `.hg` or `.svn` (the root of a checkout).
/// Empty when there is none.
std::string find_config(const std::vector<std::string>& inputs);

/// Reads the configuration file `path`. Every error in it is written to
/// `err` as `PATH:LINE:COLUMN: error: MESSAGE`, then ReportedFailure is
/// thrown; a file that cannot be read throws UsageError.
Settings read_config(const std::string& path, std::ostream& err);

/// The settings `options` give on the command line (rule names already
/// validated by the parser; throws UsageError when one is not).
Settings command_line_settings(const RuleOptions& options);

/// Applies `settings` to `diagnostics`.
void apply(const Settings& settings, DiagnosticOptions& diagnostics);

/// The diagnostic options of a command: the configuration file
/// (RuleOptions::config, else find_config(inputs), else none), then the
/// command line over it.
DiagnosticOptions diagnostic_options(const RuleOptions& options,
                                     const std::vector<std::string>& inputs, std::ostream& err);

}  // namespace termgraph::cli
