// Built by tests/packaging/pkg_config.cmake with nothing but the flags of
// `pkg-config --cflags --libs termgraph`: loads a vocabulary from a string
// and prints what a lookup finds.
#include <termgraph/load.hpp>

#include <iostream>

int main() {
  const termgraph::LoadResult loaded = termgraph::load_string(
      R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="2.1"><term>Café</term><definition>place that serves coffee</definition></entry>
</vocabulary>)",
      "pkg-config.xml");
  const termgraph::Vocabulary& vocabulary = loaded.vocabulary;
  for (const termgraph::TermMatch& m : vocabulary.lookup("CAFE")) {
    std::cout << vocabulary[m.entry].number << ' ' << m.designation->text << '\n';
  }
  return loaded.errors() == 0 && vocabulary.size() == 1 ? 0 : 1;
}
