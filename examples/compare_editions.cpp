// Compare two editions of a vocabulary: what was added, removed,
// renumbered or changed (matched by concept, not by number), and which
// citations the changes left stale. Exit 1 when the editions differ.
//
//   compare_editions OLD NEW
#include <iostream>
#include <string>

#include "termgraph/diff.hpp"
#include "termgraph/load.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: compare_editions OLD NEW\n";
    return 2;
  }
  const termgraph::LoadResult old_edition = termgraph::load_files({argv[1]});
  const termgraph::LoadResult new_edition = termgraph::load_files({argv[2]});
  if (old_edition.vocabulary.empty() || new_edition.vocabulary.empty()) {
    std::cerr << "compare_editions: no entry read\n";
    return 2;
  }
  const termgraph::VocabularyDiff d =
      termgraph::diff(old_edition.vocabulary, new_edition.vocabulary);
  for (const termgraph::EntryDiff& e : d.entries) {
    std::cout << termgraph::to_string(e.change);
    for (const std::string& n : e.old_numbers) std::cout << ' ' << n;
    std::cout << " ->";
    for (const std::string& n : e.new_numbers) std::cout << ' ' << n;
    std::cout << ' ' << e.label << '\n';
    for (const termgraph::TermDiff& t : e.terms) {
      std::cout << "  term " << t.term << ": " << termgraph::to_string(t.old_status) << " -> "
                << termgraph::to_string(t.new_status) << '\n';
    }
    for (const termgraph::TextDiff& t : e.texts) {
      std::cout << "  " << termgraph::to_string(t.field) << ": ";
      for (const termgraph::WordPiece& w : t.words) {
        if (w.kind == termgraph::WordPiece::Kind::removed) std::cout << "[-" << w.text << "-]";
        if (w.kind == termgraph::WordPiece::Kind::added) std::cout << "{+" << w.text << "+}";
        if (w.kind == termgraph::WordPiece::Kind::same) std::cout << w.text;
      }
      std::cout << '\n';
    }
  }
  for (const termgraph::ReferenceDiff& r : d.references) {
    if (r.change == termgraph::ReferenceChange::stale) {
      std::cout << r.entry << " still cites " << r.target << "; it means " << r.intended << '\n';
    } else {
      std::cout << termgraph::to_string(r.change) << ' ' << r.entry << ' ' << r.target << '\n';
    }
  }
  return d.empty() ? 0 : 1;
}
