// Validate term files in CI: print every finding the way compilers do and
// exit 1 when there are errors (warnings alone pass).
//
//   validate PATH...
#include <iostream>
#include <string>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/report.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: validate PATH...\n";
    return 2;
  }
  const std::vector<std::string> paths(argv + 1, argv + argc);
  // All files form one vocabulary: references may cross files.
  const termgraph::LoadResult result = termgraph::load_files(paths);
  termgraph::write_diagnostics(std::cout, result);
  std::cout << result.vocabulary.size() << " entries checked\n";
  return result ? 0 : 1;  // LoadResult converts to true when there are no errors
}
