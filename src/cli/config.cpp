// The rule options and `.termgraph.toml` (parsed with toml++).
#include "config.hpp"

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "suggest.hpp"
#include "termgraph/rules.hpp"

namespace termgraph::cli {

namespace fs = std::filesystem;

namespace {

std::optional<RuleSetting> parse_setting(std::string_view text) {
  const std::vector<std::string>& names = setting_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (text == names[i]) return static_cast<RuleSetting>(i);
  }
  return std::nullopt;
}

std::string unknown_setting(std::string_view text) {
  return "unknown level '" + std::string(text) + "' (error, warning, note, off or on)" +
         did_you_mean(text, setting_names());
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) s += i + 1 == names.size() ? " or " : ", ";
    s += "'" + names[i] + "'";
  }
  return s;
}

bool present(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

/// The errors of one configuration file, each located; written in the
/// order of the file (toml++ gives a table's keys sorted by name).
class ConfigErrors {
public:
  ConfigErrors(std::string path, std::ostream& err) : path_(std::move(path)), err_(err) {}
  void add(const toml::source_region& where, std::string message) {
    errors_.push_back({where.begin.line, where.begin.column, std::move(message)});
  }
  /// Writes the errors, if any, and throws ReportedFailure.
  void report() {
    if (errors_.empty()) return;
    std::stable_sort(errors_.begin(), errors_.end(), [](const Error& a, const Error& b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    for (const Error& e : errors_) {
      err_ << path_ << ':' << e.line << ':' << e.column << ": error: " << e.message << '\n';
    }
    err_.flush();
    throw ReportedFailure();
  }

private:
  struct Error {
    toml::source_index line;
    toml::source_index column;
    std::string message;
  };
  std::string path_;
  std::ostream& err_;
  std::vector<Error> errors_;
};

void read_rules(const toml::table& table, Settings& settings, ConfigErrors& errors) {
  for (const auto& [key, node] : table) {
    const Rule* rule = rules::find(key.str());
    if (!rule) {
      errors.add(key.source(), "unknown rule '" + std::string(key.str()) + "'" +
                                   did_you_mean(key.str(), rule_names()));
      continue;
    }
    const auto* text = node.as_string();
    if (!text) {
      errors.add(node.source(), "the level of '" + std::string(key.str()) +
                                    "' must be a string: \"error\", \"warning\", \"note\", "
                                    "\"off\" or \"on\"");
      continue;
    }
    const std::optional<RuleSetting> setting = parse_setting(text->get());
    if (!setting) {
      errors.add(node.source(), unknown_setting(text->get()));
      continue;
    }
    settings.rules.emplace_back(rule->code, *setting);
  }
}

}  // namespace

const std::vector<std::string>& setting_names() {
  static const std::vector<std::string> names{"note", "warning", "error", "off", "on"};
  return names;
}

std::vector<std::string> rule_names() {
  std::vector<std::string> names;
  for (const Rule* rule : rules::all()) names.emplace_back(rule->id);
  return names;
}

std::string check_rule_name(const std::string& name) {
  if (rules::find(name)) return {};
  return "unknown rule '" + name + "'" + did_you_mean(name, rule_names());
}

std::string check_rule_severity(const std::string& setting) {
  const std::size_t equals = setting.find('=');
  if (equals == std::string::npos) {
    return "'" + setting + "' is not RULE=LEVEL (e.g. dangling-reference=warning)";
  }
  if (std::string problem = check_rule_name(setting.substr(0, equals)); !problem.empty()) {
    return problem;
  }
  const std::string level = setting.substr(equals + 1);
  if (!parse_setting(level)) return unknown_setting(level);
  return {};
}

std::string find_config(const std::vector<std::string>& inputs) {
  fs::path start = ".";
  for (const std::string& input : inputs) {
    if (input == "-") break;
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      start = input;
    } else {
      start = fs::path(input).parent_path();
      if (start.empty()) start = ".";
    }
    break;
  }
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  if (ec) return {};
  if (!dir.has_filename() && dir != dir.root_path()) dir = dir.parent_path();
  const fs::path cwd = fs::current_path(ec);
  for (;;) {
    const fs::path candidate = dir / config_file_name;
    std::error_code fec;
    if (fs::is_regular_file(candidate, fec)) {
      if (cwd.empty()) return candidate.string();
      return candidate.lexically_proximate(cwd).string();
    }
    if (present(dir / ".git") || present(dir / ".hg") || present(dir / ".svn")) return {};
    const fs::path parent = dir.parent_path();
    if (parent == dir || parent.empty()) return {};
    dir = parent;
  }
}

Settings read_config(const std::string& path, std::ostream& err) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw UsageError("cannot read the configuration file '" + path + "': " + std::strerror(errno));
  }
  std::ostringstream text;
  text << file.rdbuf();
  if (file.bad()) {
    throw UsageError("cannot read the configuration file '" + path + "': " + std::strerror(errno));
  }
  const std::string content = text.str();

  ConfigErrors errors(path, err);
  Settings settings;
  toml::table table;
  try {
    table = toml::parse(content, path);
  } catch (const toml::parse_error& e) {
    // "Error while parsing table header: expected ']'": after "error: ",
    // without its own "Error while".
    std::string what(e.description());
    const std::string prefix = "Error while ";
    if (what.compare(0, prefix.size(), prefix) == 0) what.erase(0, prefix.size());
    if (!what.empty())
      what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    errors.add(e.source(), "TOML syntax: " + what);
    errors.report();
  }
  static const std::vector<std::string> keys{"profile", "werror", "rules"};
  for (const auto& [key, node] : table) {
    if (key == "profile") {
      const auto* value = node.as_string();
      static const std::vector<std::string> profiles{"iso", "termbase"};
      if (value && value->get() == "iso") {
        settings.profile = Profile::iso;
      } else if (value && value->get() == "termbase") {
        settings.profile = Profile::termbase;
      } else {
        errors.add(node.source(),
                   "profile must be \"iso\" or \"termbase\"" +
                       (value ? did_you_mean(value->get(), profiles) : std::string()));
      }
    } else if (key == "werror") {
      if (const auto* value = node.as_boolean()) {
        settings.werror = value->get();
      } else {
        errors.add(node.source(), "werror must be true or false");
      }
    } else if (key == "rules") {
      if (const toml::table* rules = node.as_table()) {
        read_rules(*rules, settings, errors);
      } else {
        errors.add(node.source(), "rules must be a table: [rules] then RULE = \"LEVEL\" lines");
      }
    } else {
      errors.add(key.source(), "unknown key '" + std::string(key.str()) + "' (" +
                                   quoted_list(keys) + ")" + did_you_mean(key.str(), keys));
    }
  }
  errors.report();
  return settings;
}

Settings command_line_settings(const RuleOptions& options) {
  Settings settings;
  if (options.profile == "iso") settings.profile = Profile::iso;
  if (options.profile == "termbase") settings.profile = Profile::termbase;
  settings.werror = options.werror;
  auto rule = [](const std::string& name, const char* option) {
    if (const Rule* r = rules::find(name)) return r->code;
    throw UsageError(std::string(option) + ": " + check_rule_name(name));
  };
  // A rule named by several options: --disable wins over --severity, which
  // wins over --enable.
  for (const std::string& name : options.enable) {
    settings.rules.emplace_back(rule(name, "--enable"), RuleSetting::on);
  }
  for (const std::string& setting : options.severity) {
    if (std::string problem = check_rule_severity(setting); !problem.empty()) {
      throw UsageError("--severity: " + problem);
    }
    const std::size_t equals = setting.find('=');
    settings.rules.emplace_back(rule(setting.substr(0, equals), "--severity"),
                                *parse_setting(std::string_view(setting).substr(equals + 1)));
  }
  for (const std::string& name : options.disable) {
    settings.rules.emplace_back(rule(name, "--disable"), RuleSetting::off);
  }
  return settings;
}

void apply(const Settings& settings, DiagnosticOptions& diagnostics) {
  if (settings.profile) diagnostics.profile = settings.profile;
  if (settings.werror) diagnostics.warnings_as_errors = *settings.werror;
  for (const auto& [rule, setting] : settings.rules) {
    switch (setting) {
      case RuleSetting::off:
        diagnostics.turn_off(rule);
        break;
      case RuleSetting::on:
        diagnostics.turn_on(rule);
        break;
      default:
        diagnostics.set_severity(rule, static_cast<Severity>(setting));
        break;
    }
  }
}

DiagnosticOptions diagnostic_options(const RuleOptions& options,
                                     const std::vector<std::string>& inputs, std::ostream& err) {
  DiagnosticOptions diagnostics;
  const std::string path = options.config.empty() ? find_config(inputs) : options.config;
  if (!path.empty()) apply(read_config(path, err), diagnostics);
  apply(command_line_settings(options), diagnostics);
  return diagnostics;
}

}  // namespace termgraph::cli
