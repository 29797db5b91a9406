// The bash and zsh completion scripts and the manual page, generated from
// the command definitions (main.cpp's make_app()).
#pragma once

#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace termgraph::cli {

/// Writes `what` ("bash", "zsh" or "man") for the commands and options of
/// `app`: every visible command, option and argument, with the values an
/// option takes where they are known (its choices, rule ids, files).
void generate(const CLI::App& app, const std::string& what, std::ostream& out);

}  // namespace termgraph::cli
