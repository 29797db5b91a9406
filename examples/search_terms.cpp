// Search a vocabulary the way people type: a number as pasted, the start of
// a term, a plural, a typo, another script, an abbreviation; with --text,
// words of definitions and notes. Prints the ranked matches, best first.
//
//   search_terms VOCABULARY QUERY [--text] [--lang L]
//
// Exits 1 when nothing matches.
#include <iostream>
#include <string>

#include "termgraph/load.hpp"
#include "termgraph/search.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: search_terms VOCABULARY QUERY [--text] [--lang L]\n";
    return 2;
  }
  termgraph::SearchOptions options;  // every kind but full text, 20 at most
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--text") {
      options.kinds = termgraph::MatchKind::full_text;
    } else if (arg == "--lang" && i + 1 < argc) {
      options.languages.push_back(argv[++i]);
    }
  }

  const termgraph::LoadResult loaded = termgraph::load_files({argv[1]});
  const termgraph::Vocabulary& vocabulary = loaded.vocabulary;
  const std::vector<termgraph::SearchMatch> matches = vocabulary.search(argv[2], options);
  for (const termgraph::SearchMatch& m : matches) {
    const termgraph::Entry& entry = vocabulary[m.entry];
    std::cout << entry.number;
    // The designation that matched (none for full text: the block did).
    if (m.designation) std::cout << ' ' << m.designation->text;
    std::cout << " (" << termgraph::to_string(m.kind);
    if (m.block) std::cout << " in " << termgraph::to_string(m.block->kind);
    if (m.kind == termgraph::MatchKind::fuzzy) {
      std::cout << ", " << m.distance << (m.distance == 1 ? " edit" : " edits");
    }
    if (m.section) std::cout << ", " << m.section->language;
    std::cout << ")\n";
  }
  if (matches.empty()) {
    std::cerr << "nothing matches '" << argv[2] << "'\n";
    return 1;
  }
  return 0;
}
