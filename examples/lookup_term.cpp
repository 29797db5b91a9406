// Look up a term (or an entry number) and print its entry as ISO prints it.
//
//   lookup_term VOCABULARY [TERM]
//
// VOCABULARY is a file or a directory of term files; TERM defaults to
// "blockchain". Exits 1 when nothing matches.
#include <iostream>
#include <string>

#include "termgraph/load.hpp"
#include "termgraph/report.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: lookup_term VOCABULARY [TERM]\n";
    return 2;
  }
  const std::string query = argc > 2 ? argv[2] : "blockchain";

  // Loading never throws on bad input: problems are diagnostics.
  const termgraph::LoadResult loaded = termgraph::load_files({argv[1]});
  const termgraph::Vocabulary& vocabulary = loaded.vocabulary;
  std::cout << "loaded " << vocabulary.size() << " entries from " << vocabulary.files().size()
            << " files\n\n";

  // A number ("3.30") or a term, compared without regard to case, accents
  // or width; preferred terms rank first.
  const std::vector<termgraph::TermMatch> matches = vocabulary.lookup(query);
  if (matches.empty()) {
    std::cerr << "no entry matches '" << query << "'\n";
    return 1;
  }
  const termgraph::Entry& entry = vocabulary[matches.front().entry];
  termgraph::write_entry(std::cout, vocabulary, entry);
  return 0;
}
