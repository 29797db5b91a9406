// `termgraph --generate bash|zsh|man`: completion scripts and the manual
// page, walked from the CLI11 definition of the command line, so that they
// list exactly the commands and options the parser accepts.
#include "generate.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <ostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "config.hpp"
#include "termgraph/version.hpp"

namespace termgraph::cli {

namespace {

/// What the value of an option or argument is completed with.
enum class Values { none, choices, files, rules, rule_settings, commands };

struct OptionInfo {
  std::vector<std::string> names;  // "-o", "--output"; a positional: its name
  std::string value;               // what --help shows ("FILE", "TEXT:{text,json}"); empty: a flag
  std::string description;
  Values values = Values::none;
  std::vector<std::string> choices;
  bool repeatable = false;
  bool positional = false;
  bool required = false;
};

struct CommandInfo {
  std::string name;
  std::string description;
  std::string footer;
  std::vector<OptionInfo> options;      // with -h/--help
  std::vector<OptionInfo> positionals;  // in order
};

std::vector<std::string> split_choices(const std::string& type) {
  std::vector<std::string> choices;
  const std::size_t open = type.find('{');
  const std::size_t close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return choices;
  std::string item;
  for (std::size_t i = open + 1; i <= close; ++i) {
    if (type[i] == ',' || i == close) {
      if (!item.empty()) choices.push_back(item);
      item.clear();
    } else if (type[i] != ' ') {
      item += type[i];
    }
  }
  return choices;
}

OptionInfo option_info(const CLI::Option& option) {
  OptionInfo info;
  info.description = option.get_description();
  info.positional = option.get_positional();
  info.required = option.get_required();
  info.repeatable = option.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll ||
                    option.get_expected_max() > 1;
  if (info.positional) {
    info.names.push_back(option.get_name());
  } else {
    for (const std::string& n : option.get_snames()) info.names.push_back("-" + n);
    for (const std::string& n : option.get_lnames()) info.names.push_back("--" + n);
  }
  if (option.get_type_size_max() > 0) info.value = option.get_type_name();
  const std::string name = info.positional ? info.names.front() : info.value;
  info.choices = split_choices(info.value);
  if (!info.choices.empty()) {
    info.values = Values::choices;
  } else if (name == "RULE") {
    info.values = Values::rules;
  } else if (name == "RULE=LEVEL") {
    info.values = Values::rule_settings;
  } else if (name == "FILE" || name == "PATH" || name == "INPUT") {
    info.values = Values::files;
  } else if (name == "COMMAND") {
    info.values = Values::commands;
  }
  return info;
}

CommandInfo command_info(const CLI::App& app) {
  CommandInfo info;
  info.name = app.get_name();
  info.description = app.get_description();
  info.footer = app.get_footer();
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) continue;  // hidden
    OptionInfo o = option_info(*option);
    if (o.positional) {
      info.positionals.push_back(std::move(o));
    } else {
      info.options.push_back(std::move(o));
    }
  }
  return info;
}

std::vector<CommandInfo> commands_of(const CLI::App& app) {
  std::vector<CommandInfo> commands;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    commands.push_back(command_info(*sub));
  }
  return commands;
}

std::string joined(const std::vector<std::string>& words, const char* separator = " ") {
  std::string s;
  for (const std::string& w : words) {
    if (!s.empty()) s += separator;
    s += w;
  }
  return s;
}

std::vector<std::string> command_names(const std::vector<CommandInfo>& commands) {
  std::vector<std::string> names;
  for (const CommandInfo& c : commands) names.push_back(c.name);
  return names;
}

// -- bash -------------------------------------------------------------------

/// The words of an option's or argument's value, as a compgen action.
std::string bash_compgen(const OptionInfo& o, const std::vector<CommandInfo>& commands) {
  switch (o.values) {
    case Values::choices:
      return "compgen -W \"" + joined(o.choices) + "\" -- \"$cur\"";
    case Values::rules:
      return "compgen -W \"$rules\" -- \"$cur\"";
    case Values::rule_settings:
      return "compgen -W \"$rules\" -S = -- \"$cur\"";
    case Values::files:
      return "compgen -f -- \"$cur\"";
    case Values::commands:
      return "compgen -W \"" + joined(command_names(commands)) + "\" -- \"$cur\"";
    case Values::none:
      break;
  }
  return {};
}

void write_bash(const CommandInfo& top, const std::vector<CommandInfo>& commands,
                std::ostream& out) {
  out << "# bash completion for termgraph. Generated from the command definitions by\n"
         "# `termgraph --generate bash`: do not edit.\n"
         "_termgraph() {\n"
         "    local cur prev command i\n"
         "    COMPREPLY=()\n"
         "    cur=${COMP_WORDS[COMP_CWORD]}\n"
         "    prev=${COMP_WORDS[COMP_CWORD-1]}\n"
         "    local rules=\""
      << joined(rule_names())
      << "\"\n"
         "    local levels=\""
      << joined(setting_names())
      << "\"\n"
         "    command=\n"
         "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "        case ${COMP_WORDS[i]} in\n"
         "            --generate) ((i++)) ;;\n"
         "            -*) ;;\n"
         "            *) command=${COMP_WORDS[i]}; break ;;\n"
         "        esac\n"
         "    done\n"
         "    # RULE=LEVEL: the line is split at '=' (COMP_WORDBREAKS).\n"
         "    if [[ $prev == = && ${COMP_WORDS[COMP_CWORD-3]} == --severity ]]; then\n"
         "        COMPREPLY=($(compgen -W \"$levels\" -- \"$cur\"))\n"
         "        return\n"
         "    fi\n"
         "    if [[ $cur == = && ${COMP_WORDS[COMP_CWORD-2]} == --severity ]]; then\n"
         "        COMPREPLY=($levels)\n"
         "        return\n"
         "    fi\n"
         "    case $command in\n";
  std::vector<std::string> top_options;
  for (const OptionInfo& o : top.options) {
    for (const std::string& n : o.names) top_options.push_back(n);
  }
  out << "        \"\")\n"
         "            if [[ $cur == -* ]]; then\n"
         "                COMPREPLY=($(compgen -W \""
      << joined(top_options)
      << "\" -- \"$cur\"))\n"
         "            else\n"
         "                COMPREPLY=($(compgen -W \""
      << joined(command_names(commands))
      << "\" -- \"$cur\"))\n"
         "            fi\n"
         "            ;;\n";
  for (const CommandInfo& c : commands) {
    out << "        " << c.name << ")\n            case $prev in\n";
    std::vector<std::string> names;
    for (const OptionInfo& o : c.options) {
      for (const std::string& n : o.names) names.push_back(n);
      if (o.value.empty()) continue;
      out << "                " << joined(o.names, "|") << ")\n";
      const std::string action = bash_compgen(o, commands);
      if (!action.empty()) {
        if (o.values == Values::files)
          out << "                    compopt -o filenames 2>/dev/null\n";
        if (o.values == Values::rule_settings)
          out << "                    compopt -o nospace 2>/dev/null\n";
        out << "                    COMPREPLY=($(" << action << "))\n";
      }
      out << "                    return ;;\n";
    }
    out << "            esac\n"
           "            if [[ $cur == -* ]]; then\n"
           "                COMPREPLY=($(compgen -W \""
        << joined(names)
        << "\" -- \"$cur\"))\n"
           "                return\n"
           "            fi\n";
    if (!c.positionals.empty()) {
      const OptionInfo& p = c.positionals.front();
      const std::string action = bash_compgen(p, commands);
      out << "            # " << p.names.front() << "\n";
      if (!action.empty()) {
        if (p.values == Values::files) out << "            compopt -o filenames 2>/dev/null\n";
        out << "            COMPREPLY=($(" << action << "))\n";
      }
    }
    out << "            ;;\n";
  }
  out << "    esac\n"
         "}\n"
         "complete -F _termgraph termgraph\n";
}

// -- zsh --------------------------------------------------------------------

/// Text inside a single-quoted zsh word.
std::string zsh_quoted(const std::string& s) {
  std::string r;
  for (char c : s) {
    if (c == '\'') {
      r += "'\\''";
    } else {
      r += c;
    }
  }
  return r;
}

/// A description inside `[...]` of an _arguments spec, or after the `:` of
/// a _describe item.
std::string zsh_description(const std::string& s) {
  std::string r;
  for (char c : s) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') r += '\\';
    if (c == '\n') c = ' ';
    r += c;
  }
  return zsh_quoted(r);
}

std::string zsh_action(const OptionInfo& o, const std::vector<CommandInfo>& commands) {
  switch (o.values) {
    case Values::choices:
      return "(" + joined(o.choices) + ")";
    case Values::rules:
      return "_termgraph_rule_ids";
    case Values::rule_settings:
      return "_termgraph_rule_settings";
    case Values::files:
      return "_files";
    case Values::commands:
      return "(" + joined(command_names(commands)) + ")";
    case Values::none:
      break;
  }
  return " ";
}

/// The _arguments specs of a command's options and arguments, one per line.
void write_zsh_specs(const CommandInfo& c, const std::vector<CommandInfo>& commands,
                     const std::string& indent, std::ostream& out) {
  for (const OptionInfo& o : c.options) {
    const std::string exclusion = o.repeatable ? "*" : "(" + joined(o.names) + ")";
    for (const std::string& n : o.names) {
      out << indent << "'" << exclusion << n;
      if (!o.value.empty()) out << (n.size() == 2 ? "+" : "=");
      out << "[" << zsh_description(o.description) << "]";
      if (!o.value.empty()) {
        std::string message = o.value.substr(0, o.value.find(':'));
        out << ":" << zsh_description(message) << ":" << zsh_quoted(zsh_action(o, commands));
      }
      out << "' \\\n";
    }
  }
  for (const OptionInfo& p : c.positionals) {
    out << indent << "'" << (p.repeatable ? "*" : "") << ":" << zsh_description(p.names.front())
        << ":" << zsh_quoted(zsh_action(p, commands)) << "' \\\n";
  }
}

void write_zsh(const CommandInfo& top, const std::vector<CommandInfo>& commands,
               std::ostream& out) {
  out << "#compdef termgraph\n"
         "# zsh completion for termgraph. Generated from the command definitions by\n"
         "# `termgraph --generate zsh`: do not edit.\n\n"
         "_termgraph_rules=("
      << joined(rule_names())
      << ")\n\n"
         "_termgraph_rule_ids() {\n"
         "  compadd -a _termgraph_rules\n"
         "}\n\n"
         "_termgraph_rule_settings() {\n"
         "  if compset -P '*='; then\n"
         "    _values level "
      << joined(setting_names())
      << "\n"
         "  else\n"
         "    compadd -S = -- $_termgraph_rules\n"
         "  fi\n"
         "}\n\n"
         "_termgraph() {\n"
         "  local curcontext=$curcontext state line ret=1\n"
         "  local -a commands\n"
         "  commands=(\n";
  for (const CommandInfo& c : commands) {
    out << "    '" << c.name << ":" << zsh_description(c.description) << "'\n";
  }
  out << "  )\n"
         "  _arguments -C \\\n";
  write_zsh_specs(top, commands, "    ", out);
  out << "    '1: :->command' \\\n"
         "    '*:: :->argument' && ret=0\n"
         "  case $state in\n"
         "    command)\n"
         "      _describe -t commands 'termgraph command' commands && ret=0\n"
         "      ;;\n"
         "    argument)\n"
         "      curcontext=${curcontext%:*:*}:termgraph-$words[1]:\n"
         "      case $words[1] in\n";
  for (const CommandInfo& c : commands) {
    out << "        " << c.name << ")\n          _arguments \\\n";
    write_zsh_specs(c, commands, "            ", out);
    out << "            && ret=0\n          ;;\n";
  }
  out << "      esac\n"
         "      ;;\n"
         "  esac\n"
         "  return ret\n"
         "}\n\n"
         "_termgraph \"$@\"\n";
}

// -- man --------------------------------------------------------------------

/// Text for roff: backslashes escaped, no line starting with a control
/// character.
std::string roff(const std::string& s) {
  std::string r;
  bool line_start = true;
  for (char c : s) {
    if (line_start && (c == '.' || c == '\'')) r += "\\&";
    if (c == '\\') {
      r += "\\e";
    } else if (c == '-') {
      r += "\\-";
    } else {
      r += c;
    }
    line_start = c == '\n';
  }
  return r;
}

/// Paragraphs of a footer: lines joined, blank lines kept as breaks.
std::string roff_paragraph(const std::string& text) {
  std::string joined_text;
  for (char c : text) joined_text += c == '\n' ? ' ' : c;
  while (!joined_text.empty() && joined_text.back() == ' ') joined_text.pop_back();
  return roff(joined_text);
}

/// The value of an option as the manual shows it: its choices
/// ("text|json"), else its type ("FILE").
std::string shown_value(const OptionInfo& o) {
  return o.choices.empty() ? o.value : joined(o.choices, "|");
}

bool is_help(const OptionInfo& o) {
  return std::find(o.names.begin(), o.names.end(), "--help") != o.names.end();
}

std::string synopsis_of(const CommandInfo& c) {
  std::string s = ".B termgraph " + roff(c.name) + "\n";
  for (const OptionInfo& o : c.options) {
    if (is_help(o)) continue;
    std::string item = "\\fB" + roff(o.names.back()) + "\\fR";
    if (!o.value.empty()) item += " \\fI" + roff(shown_value(o)) + "\\fR";
    s += (o.required ? item : "[" + item + "]") + (o.repeatable ? "...\n" : "\n");
  }
  for (const OptionInfo& p : c.positionals) {
    std::string item = "\\fI" + roff(p.names.front()) + "\\fR" + (p.repeatable ? "..." : "");
    s += (p.required ? item : "[" + item + "]") + "\n";
  }
  return s;
}

void write_option_items(const std::vector<OptionInfo>& options, std::ostream& out) {
  for (const OptionInfo& o : options) {
    out << ".TP\n";
    if (o.positional) {
      out << "\\fI" << roff(o.names.front()) << "\\fR\n";
    } else {
      for (std::size_t i = 0; i < o.names.size(); ++i) {
        if (i > 0) out << ", ";
        out << "\\fB" << roff(o.names[i]) << "\\fR";
        if (!o.value.empty()) out << " \\fI" << roff(shown_value(o)) << "\\fR";
      }
      out << "\n";
    }
    out << roff(o.description);
    if (o.repeatable && !o.positional) out << " (may be repeated)";
    out << "\n";
  }
}

void write_man(const CommandInfo& top, const std::vector<CommandInfo>& commands,
               std::ostream& out) {
  std::string summary = top.description.substr(0, top.description.find(" ("));
  if (!summary.empty())
    summary[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(summary[0])));
  out << ".\\\" Generated from the command definitions by `termgraph --generate man`: do not "
         "edit.\n"
         ".TH TERMGRAPH 1 \"\" \"termgraph " TERMGRAPH_VERSION_STRING
         "\" \"User Commands\"\n"
         ".SH NAME\n"
         "termgraph \\- "
      << roff(summary)
      << "\n"
         ".SH SYNOPSIS\n";
  for (const CommandInfo& c : commands) out << synopsis_of(c) << ".br\n";
  out << ".B termgraph\n";
  for (std::size_t i = 0; i < top.options.size(); ++i) {
    out << (i > 0 ? "| " : "") << "\\fB" << roff(top.options[i].names.back()) << "\\fR\n";
  }
  out << ".SH DESCRIPTION\n" << roff(top.description) << "\n";
  out << ".SH OPTIONS\n";
  write_option_items(top.options, out);
  out << ".SH COMMANDS\n";
  for (const CommandInfo& c : commands) {
    out << ".SS \"termgraph " << roff(c.name) << "\"\n" << roff(c.description) << "\n";
    write_option_items(c.positionals, out);
    write_option_items(c.options, out);
    // A command's own footer (CLI11 gives each command the program's too).
    std::string footer = c.footer;
    if (footer.size() >= top.footer.size() &&
        footer.compare(footer.size() - top.footer.size(), std::string::npos, top.footer) == 0) {
      footer.erase(footer.size() - top.footer.size());
    }
    if (footer.find_first_not_of(" \n") != std::string::npos) {
      out << ".PP\n" << roff_paragraph(footer) << "\n";
    }
  }
  out << ".SH CONFIGURATION\n"
         "check and convert read their rule settings from the file \\fB"
      << roff(config_file_name)
      << "\\fR given by \\fB\\-\\-config\\fR, else from the one found in the directory of the "
         "first input or above it, up to the root of the file system or of the checkout "
         "(a directory holding .git, .hg or .svn). The options of the command line win over "
         "the file:\n"
         ".PP\n.nf\n.RS\n"
         "profile = \"iso\"\n"
         "werror = true\n"
         "[rules]\n"
         "dangling\\-reference = \"warning\"\n"
         "unreferenced\\-entry = \"warning\"\n"
         "circular\\-definition = \"off\"\n"
         ".RE\n.fi\n"
         ".SH EXIT STATUS\n"
      << roff_paragraph(top.footer)
      << "\n"
         ".SH ENVIRONMENT\n"
         ".TP\n"
         ".B TERMGRAPH_VOCAB\n"
         "The vocabulary lookup, refs, search, index and graph read without \\fB\\-\\-vocab\\fR.\n"
         ".SH SEE ALSO\n"
         "docs/cli.md and docs/rules.md of the termgraph sources.\n";
}

}  // namespace

void generate(const CLI::App& app, const std::string& what, std::ostream& out) {
  CommandInfo top = command_info(app);
  const std::vector<CommandInfo> commands = commands_of(app);
  if (what == "bash") {
    write_bash(top, commands, out);
  } else if (what == "zsh") {
    write_zsh(top, commands, out);
  } else if (what == "man") {
    write_man(top, commands, out);
  } else {
    throw UsageError("--generate: unknown kind '" + what + "' (bash, zsh or man)");
  }
}

}  // namespace termgraph::cli
