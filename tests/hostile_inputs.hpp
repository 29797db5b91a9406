// Large hostile inputs, generated in memory: the tests check what termgraph
// reads from them (test_hostile.cpp, test_load_sts.cpp), the benchmarks
// how long it takes (bench/bench_hostile.cpp, scripts/bench-limits.sh).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace termgraph::hostile {

/// The root start tag of a native vocabulary in English, with its newline.
inline const char* const head =
    "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">\n";

/// A native document whose DTD declares the "billion laughs" entities
/// (lol9 expands to 10^9 "lol") and whose one definition, on line 15, uses
/// &lol9; and cites the missing entry 9.9 at column 59.
inline std::string billion_laughs() {
  std::string dtd = "<!DOCTYPE vocabulary [\n  <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    std::string prev = i == 1 ? "lol" : "lol" + std::to_string(i - 1);
    dtd += "  <!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&" + prev + ";";
    dtd += "\">\n";
  }
  dtd += "]>\n";
  return "<?xml version=\"1.0\"?>\n" + dtd + head +
         "<entry number=\"1\"><term>lol</term><definition>&lol9; and (9.9)</definition>"
         "</entry>\n</vocabulary>\n";
}

/// The column at which the text of the definition in text_node() starts
/// (in bytes, on line 2).
inline std::size_t text_node_start() {
  return std::string("<entry number=\"1\"><term>big</term><definition>").size();
}

/// One entry whose definition is `words` times "word " then "(9.9)", all
/// on line 2.
inline std::string text_node(std::size_t words) {
  std::string doc = std::string(head) + "<entry number=\"1\"><term>big</term><definition>";
  doc.reserve(doc.size() + words * 5 + 200);
  for (std::size_t i = 0; i < words; ++i) doc += "word ";
  doc += "(9.9)</definition></entry>\n</vocabulary>\n";
  return doc;
}

/// One entry whose definition holds "core (9.9)" inside `depth` nested
/// <b> elements.
inline std::string nested_definition(std::size_t depth) {
  std::string doc = std::string(head) + "<entry number=\"1\"><term>deep</term><definition>";
  doc.reserve(doc.size() + depth * 7 + 200);
  for (std::size_t i = 0; i < depth; ++i) doc += "<b>";
  doc += "core (9.9)";
  for (std::size_t i = 0; i < depth; ++i) doc += "</b>";
  doc += "</definition></entry>\n</vocabulary>\n";
  return doc;
}

/// `depth` nested <a> elements, closed; an unknown format.
inline std::string nested_elements(std::size_t depth) {
  std::string bare;
  bare.reserve(depth * 7);
  for (std::size_t i = 0; i < depth; ++i) bare += "<a>";
  for (std::size_t i = 0; i < depth; ++i) bare += "</a>";
  return bare;
}

/// One entry with `n` attributes a0="v" ... on its start tag and a
/// definition citing the missing entry 9.9.
inline std::string many_attributes(std::size_t n) {
  std::string doc = std::string(head) + "<entry number=\"1\"";
  doc.reserve(doc.size() + n * 16 + 200);
  for (std::size_t i = 0; i < n; ++i) doc += " a" + std::to_string(i) + "=\"v\"";
  doc += "><term>t</term><definition>d (9.9)</definition></entry>\n</vocabulary>\n";
  return doc;
}

/// An unknown root element declaring `n` namespace prefixes.
inline std::string many_namespaces(std::size_t n) {
  std::string root = "<root";
  for (std::size_t i = 0; i < n; ++i) root += " xmlns:p" + std::to_string(i) + "=\"u\"";
  root += "><p1:x/></root>";
  return root;
}

/// Entries 1.1 .. 1.n; entry 1.i's definition cites the entries `cites(i)`
/// gives, each as "tK (1.K)".
template <typename Cites>
std::string graph(std::size_t n, Cites cites) {
  std::string doc = head;
  doc.reserve(n * 80);
  std::vector<std::size_t> targets;
  for (std::size_t i = 1; i <= n; ++i) {
    std::string num = "1." + std::to_string(i);
    doc += "<entry number=\"" + num + "\"><term>t" + num + "</term><definition>d";
    targets.clear();
    cites(i, targets);
    for (std::size_t k : targets) {
      std::string kn = "1." + std::to_string(k);
      doc += " t" + kn + " (" + kn + ")";
    }
    doc += "</definition></entry>\n";
  }
  doc += "</vocabulary>\n";
  return doc;
}

/// 1.1 cites 1.2 ... cites 1.n.
inline std::string chain(std::size_t n) {
  return graph(n, [n](std::size_t i, std::vector<std::size_t>& out) {
    if (i < n) out.push_back(i + 1);
  });
}

/// 1.1 cites 1.2 ... cites 1.n cites 1.1.
inline std::string cycle(std::size_t n) {
  return graph(
      n, [n](std::size_t i, std::vector<std::size_t>& out) { out.push_back(i == n ? 1 : i + 1); });
}

/// Every entry cites every other.
inline std::string complete_graph(std::size_t n) {
  return graph(n, [n](std::size_t i, std::vector<std::size_t>& out) {
    for (std::size_t k = 1; k <= n; ++k) {
      if (k != i) out.push_back(k);
    }
  });
}

/// A NISO STS document on one line: `n` term-secs sec_5.1 .. sec_5.n, each
/// with a note, a definition that cites the next one (the last the first),
/// and a grammaticalGender the reader reports as unsupported content.
inline std::string one_line_sts(int n) {
  std::string doc = "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\"><body>";
  for (int i = 1; i <= n; ++i) {
    std::string k = std::to_string(i), next = std::to_string(i % n + 1);
    doc += "<term-sec id=\"sec_5." + k + "\"><label>5." + k + "</label><tbx:termEntry>" +
           "<tbx:langSet xml:lang=\"en\"><tbx:note>see part " + next + " (5." + next +
           ")</tbx:note><tbx:definition>piece made of a <tbx:entailedTerm target=\"sec_5." + next +
           "\">part " + next + " (5." + next + ")</tbx:entailedTerm></tbx:definition>" +
           "<tbx:tig><tbx:partOfSpeech value=\"noun\"/><tbx:term>part " + k +
           "</tbx:term><tbx:grammaticalGender value=\"neuter\"/></tbx:tig>" +
           "</tbx:langSet></tbx:termEntry></term-sec>";
  }
  doc += "</body></standard>";
  return doc;
}

}  // namespace termgraph::hostile
