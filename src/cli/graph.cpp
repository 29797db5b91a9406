// `termgraph graph`: the reference graph, the circular definitions or the
// concept system of a vocabulary, as DOT or (with Graphviz) SVG.
#include <algorithm>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "read_vocabulary.hpp"
#include "termgraph/graph.hpp"

namespace termgraph::cli {

namespace {

/// What --format svg says in a build without Graphviz.
constexpr const char* no_graphviz =
    "--format svg: this build of termgraph has no Graphviz (it was built without libgvc); "
    "`termgraph graph --format dot ... | dot -Tsvg` draws the same picture";

/// "termgraph: no entry matches 'QUERY'" and the closest terms.
void report_no_match(const Vocabulary& vocabulary, const std::string& query, std::ostream& err) {
  err << "termgraph: no entry matches '" << query << "'\n";
  std::string suggestions;
  std::vector<std::string_view> seen;
  for (const TermMatch& m : vocabulary.closest(query, 5)) {
    if (!m.designation || m.entry >= vocabulary.size()) continue;
    if (std::find(seen.begin(), seen.end(), m.designation->text) != seen.end()) continue;
    seen.push_back(m.designation->text);
    if (!suggestions.empty()) suggestions += ", ";
    suggestions +=
        std::string(m.designation->text) + " (" + std::string(vocabulary[m.entry].number) + ')';
  }
  if (!suggestions.empty()) err << "did you mean: " << suggestions << '\n';
}

}  // namespace

int run_graph(const GraphCommandOptions& options, std::ostream& out, std::ostream& err) {
  const bool svg = options.format == "svg";
  if (svg && !svg_available()) throw UsageError(no_graphviz);
  for (const std::string& query : options.entries) {
    if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
      throw UsageError("ENTRY is empty: give an entry number, a term or an id");
    }
  }

  const std::optional<LoadResult> loaded =
      read_vocabulary(options.vocab, options.diagnostics, "draw", err);
  if (!loaded) return exit_usage;
  const Vocabulary& vocabulary = loaded->vocabulary;

  GraphOptions graph;
  graph.kind = options.system   ? GraphKind::system
               : options.cycles ? GraphKind::cycles
                                : GraphKind::references;
  graph.depth = options.depth;
  graph.language = options.language;
  // Every ENTRY is looked up as refs looks its QUERY up (a number, a term,
  // an id); all their matches are drawn.
  bool unmatched = false;
  for (const std::string& query : options.entries) {
    const std::vector<TermMatch> matches = vocabulary.lookup(query, options.language);
    if (matches.empty()) {
      report_no_match(vocabulary, query, err);
      unmatched = true;
    }
    for (const TermMatch& m : matches) graph.entries.push_back(m.entry);
  }
  if (unmatched) return exit_findings;

  if (graph.kind == GraphKind::system) {
    const std::vector<ConceptRelation> relations = concept_relations(vocabulary);
    if (relations.empty()) {
      err << "termgraph: the vocabulary records no concept relations (TBX "
             "broaderConceptGeneric, subordinateConceptGeneric, broaderConceptPartitive, "
             "subordinateConceptPartitive, relatedConcept, associatedConcept ...)\n";
      return exit_findings;
    }
    const bool related =
        graph.entries.empty() ||
        std::any_of(relations.begin(), relations.end(), [&](const ConceptRelation& r) {
          return std::find(graph.entries.begin(), graph.entries.end(), r.from) !=
                     graph.entries.end() ||
                 std::find(graph.entries.begin(), graph.entries.end(), r.to) != graph.entries.end();
        });
    if (!related) {
      err << "termgraph: no concept relation of the vocabulary involves the entries given\n";
      return exit_findings;
    }
  } else if (graph.kind == GraphKind::cycles && vocabulary.circular_groups().empty()) {
    err << "termgraph: the vocabulary has no circular definitions\n";
  }

  std::ostringstream dot;
  write_dot(dot, vocabulary, graph);
  if (!svg) {
    out << dot.str();
    return exit_ok;
  }
  std::string error;
  const std::optional<std::string> picture = render_svg(dot.str(), &error);
  if (!picture) throw std::runtime_error(error);
  out << *picture;
  return exit_ok;
}

}  // namespace termgraph::cli
