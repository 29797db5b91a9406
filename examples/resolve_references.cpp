// Print an entry's definition, then, for every reference in it, the
// definition of the entry it cites: what a reader needs at hand to
// understand the definition.
//
//   resolve_references VOCABULARY [TERM]
//
// TERM defaults to "block".
#include <iostream>
#include <string>

#include "termgraph/load.hpp"

namespace {

void print_definition(const termgraph::Entry& entry) {
  const termgraph::Designation* term = entry.preferred();
  std::cout << entry.number << ' ' << (term ? term->text : std::string_view("?")) << ": ";
  // The definition in the first language that has one.
  for (const termgraph::LanguageSection& section : entry.languages) {
    if (section.definition) {
      std::cout << section.definition->text << '\n';
      return;
    }
  }
  std::cout << "(no definition)\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: resolve_references VOCABULARY [TERM]\n";
    return 2;
  }
  const std::string query = argc > 2 ? argv[2] : "block";
  const termgraph::LoadResult loaded = termgraph::load_files({argv[1]});
  const termgraph::Vocabulary& vocabulary = loaded.vocabulary;

  const std::vector<termgraph::TermMatch> matches = vocabulary.lookup(query);
  if (matches.empty() || !matches.front().section || !matches.front().section->definition) {
    std::cerr << "no defined entry matches '" << query << "'\n";
    return 1;
  }
  const termgraph::Entry& entry = vocabulary[matches.front().entry];
  print_definition(entry);

  // Every reference of the definition, in order, resolved by the loader.
  for (const termgraph::Reference& ref : matches.front().section->definition->references) {
    std::cout << "  " << ref.text << " -> ";
    if (ref.external) {
      std::cout << "another document\n";
    } else if (ref.target == termgraph::no_entry) {
      std::cout << "not in this vocabulary\n";
    } else {
      print_definition(vocabulary[ref.target]);
    }
  }
  return 0;
}
