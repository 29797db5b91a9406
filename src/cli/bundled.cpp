// Finding the bundled vocabulary.
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "commands.hpp"

namespace termgraph::cli {

namespace fs = std::filesystem;

namespace {

bool path_exists(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

/// The directory of the running executable, or empty when unknown.
fs::path exe_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path();
}

}  // namespace

std::vector<std::string> bundled_vocabulary() {
  if (const char* env = std::getenv("TERMGRAPH_VOCAB"); env && *env) {
    if (!path_exists(env)) {
      throw UsageError("TERMGRAPH_VOCAB names '" + std::string(env) + "', which does not exist");
    }
    return {env};
  }
  std::string looked;
  if (fs::path dir = exe_dir(); !dir.empty()) {
    fs::path installed = (dir / TERMGRAPH_INSTALLED_TERMS_DIR).lexically_normal();
    if (path_exists(installed)) return {installed.string()};
    looked = installed.string();
  }
  const fs::path source_tree = TERMGRAPH_SOURCE_TERMS_DIR;
  if (path_exists(source_tree)) return {source_tree.string()};
  if (!looked.empty()) looked += ", ";
  looked += source_tree.string();
  throw UsageError("no bundled vocabulary found (looked in " + looked +
                   "); give one with --vocab PATH or set TERMGRAPH_VOCAB");
}

}  // namespace termgraph::cli
