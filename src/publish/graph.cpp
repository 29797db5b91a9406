// Pictures of a vocabulary as Graphviz DOT (termgraph/graph.hpp): the
// reference graph, its circular definitions, and the concept system.
// Every walk is a loop over an explicit queue: the input decides how deep a
// graph goes, never the call stack.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "termgraph/graph.hpp"
#include "termgraph/report.hpp"

namespace termgraph {

namespace {

using sv = std::string_view;

/// How a TBX concept relation reads: its kind, whether the entry that
/// states it is the upper end (the superordinate concept, the whole, the
/// broader concept), and the label of an associative relation.
struct RelationType {
  sv type;
  RelationKind kind;
  /// True: the stating entry is `from`; false: its target is.
  bool stated_by_upper;
  /// True for relations that have no direction (from and to are then the
  /// two entries in reading order).
  bool symmetric;
  sv label;
};

constexpr RelationType relation_types[] = {
    {"broaderConceptGeneric", RelationKind::generic, false, false, {}},
    {"superordinateConceptGeneric", RelationKind::generic, false, false, {}},
    {"subordinateConceptGeneric", RelationKind::generic, true, false, {}},
    {"narrowerConceptGeneric", RelationKind::generic, true, false, {}},
    {"broaderConceptPartitive", RelationKind::partitive, false, false, {}},
    {"superordinateConceptPartitive", RelationKind::partitive, false, false, {}},
    {"subordinateConceptPartitive", RelationKind::partitive, true, false, {}},
    {"narrowerConceptPartitive", RelationKind::partitive, true, false, {}},
    {"relatedConcept", RelationKind::associative, true, true, {}},
    {"associatedConcept", RelationKind::associative, true, true, {}},
    {"relatedConceptBroader", RelationKind::associative, false, false, "broader"},
    {"relatedConceptNarrower", RelationKind::associative, true, false, "broader"},
    {"sequentiallyRelatedConcept", RelationKind::associative, true, true, "sequential"},
    {"spatiallyRelatedConcept", RelationKind::associative, true, true, "spatial"},
    {"temporallyRelatedConcept", RelationKind::associative, true, true, "temporal"},
    {"antonymConcept", RelationKind::associative, true, true, "antonym"},
    {"coordinateConceptGeneric", RelationKind::associative, true, true, "coordinate"},
    {"coordinateConceptPartitive", RelationKind::associative, true, true, "coordinate"},
};

const RelationType* relation_type(sv type) noexcept {
  for (const RelationType& r : relation_types) {
    if (r.type == type) return &r;
  }
  return nullptr;
}

/// The DOT attributes of an edge whose citing block is of kind `kind`
/// (the legend of docs/cli.md, "termgraph graph").
sv edge_style(BlockKind kind) noexcept {
  switch (kind) {
    case BlockKind::definition:
      return "style=solid";
    case BlockKind::note:
      return "style=dashed";
    case BlockKind::example:
      return "style=dotted";
    case BlockKind::source:
      return "style=bold, color=\"gray50\", arrowhead=empty";
    case BlockKind::cross_reference:
      return "style=solid, color=\"#1f5fa8\", arrowhead=odot";
  }
  return "style=solid";
}

/// "e12": the node id of entry 12.
std::string node_id(EntryId id) {
  return "e" + std::to_string(id);
}

/// "NUMBER\nTERM", the term in `language` (listed_term()).
std::string node_label(const Entry& entry, sv language) {
  std::string label(entry.number);
  const sv term = listed_term(entry, language);
  if (!term.empty()) {
    if (!label.empty()) label += '\n';
    label += term;
  }
  return label;
}

void write_node(std::ostream& out, const Vocabulary& vocabulary, EntryId id,
                const GraphOptions& options, sv indent = "  ") {
  out << indent << node_id(id)
      << " [label=" << dot_quote(node_label(vocabulary[id], options.language)) << "];\n";
}

/// The data categories of an entry at every level, groups' details
/// included, in source order (a loop over an explicit stack: details can
/// hold groups of their own).
std::vector<const DataCategory*> all_categories(const Entry& entry) {
  std::vector<Span<DataCategory>> spans;
  spans.push_back(entry.categories);
  for (const LanguageSection& section : entry.languages) {
    spans.push_back(section.categories);
    for (const Designation& d : section.designations) spans.push_back(d.categories);
  }
  std::vector<const DataCategory*> out;
  for (const Span<DataCategory>& span : spans) {
    // (span position, index) pairs: depth first, in source order.
    std::vector<std::pair<Span<DataCategory>, std::size_t>> stack{{span, 0}};
    while (!stack.empty()) {
      auto& [current, next] = stack.back();
      if (next == current.size()) {
        stack.pop_back();
        continue;
      }
      const DataCategory& category = current[next++];
      out.push_back(&category);
      if (!category.details.empty()) stack.emplace_back(category.details, 0);
    }
  }
  return out;
}

/// Every entry of `shown` marked, for a membership test by id.
std::vector<bool> marks(const Vocabulary& vocabulary, const std::vector<EntryId>& shown) {
  std::vector<bool> marked(vocabulary.size(), false);
  for (EntryId id : shown) marked[id] = true;
  return marked;
}

/// The entries within `depth` steps of `seeds` over an undirected graph
/// given as adjacency lists in CSR form (`offsets` has size() + 1 items).
std::vector<EntryId> walk(std::size_t size, const std::vector<EntryId>& seeds, unsigned depth,
                          const std::vector<std::size_t>& offsets,
                          const std::vector<EntryId>& targets) {
  constexpr unsigned unseen = ~0u;
  std::vector<unsigned> distance(size, unseen);
  std::vector<EntryId> queue;
  for (EntryId id : seeds) {
    if (id < size && distance[id] == unseen) {
      distance[id] = 0;
      queue.push_back(id);
    }
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const EntryId id = queue[head];
    if (distance[id] >= depth) continue;
    for (std::size_t i = offsets[id]; i < offsets[id + 1]; ++i) {
      const EntryId next = targets[i];
      if (next < size && distance[next] == unseen) {
        distance[next] = distance[id] + 1;
        queue.push_back(next);
      }
    }
  }
  std::sort(queue.begin(), queue.end());
  return queue;
}

/// The header every picture starts with; `rankdir` is "LR" or "TB".
void write_header(std::ostream& out, sv comment, sv rankdir) {
  out << "// " << comment << " (termgraph graph; docs/cli.md)\n"
      << "digraph termgraph {\n"
      << "  graph [rankdir=" << rankdir << "];\n"
      << "  node [shape=box, style=rounded];\n";
}

void write_references(std::ostream& out, const Vocabulary& vocabulary,
                      const GraphOptions& options) {
  std::vector<EntryId> shown;
  if (options.entries.empty()) {
    shown.reserve(vocabulary.size());
    for (EntryId id = 0; id < vocabulary.size(); ++id) shown.push_back(id);
  } else {
    shown = neighbourhood(vocabulary, options.entries, options.depth);
  }
  const std::vector<bool> marked = marks(vocabulary, shown);
  write_header(out,
               "edges: definition solid, note dashed, example dotted, source grey bold, "
               "cross-reference blue with a circle",
               "LR");
  for (EntryId id : shown) write_node(out, vocabulary, id, options);
  for (EntryId id : shown) {
    for (const Citation& c : vocabulary.cites(id)) {
      if (c.to >= vocabulary.size() || !marked[c.to]) continue;
      out << "  " << node_id(c.from) << " -> " << node_id(c.to) << " [" << edge_style(c.kind)
          << "];\n";
    }
  }
  out << "}\n";
}

void write_cycles(std::ostream& out, const Vocabulary& vocabulary, const GraphOptions& options) {
  std::vector<bool> wanted(vocabulary.size(), options.entries.empty());
  for (EntryId id : options.entries) {
    if (id < vocabulary.size()) wanted[id] = true;
  }
  std::vector<const CircularGroup*> groups;
  for (const CircularGroup& g : vocabulary.circular_groups()) {
    if (std::any_of(g.members.begin(), g.members.end(),
                    [&](EntryId m) { return m < vocabulary.size() && wanted[m]; })) {
      groups.push_back(&g);
    }
  }
  std::vector<EntryId> shown;
  std::vector<const Reference*> steps;
  for (const CircularGroup* g : groups) {
    for (EntryId m : g->members) {
      if (m < vocabulary.size()) shown.push_back(m);
    }
    steps.insert(steps.end(), g->steps.begin(), g->steps.end());
  }
  std::sort(shown.begin(), shown.end());
  shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
  std::sort(steps.begin(), steps.end());
  const std::vector<bool> marked = marks(vocabulary, shown);

  write_header(out,
               "circular definitions: one cluster per group, the edges of its cycle red; "
               "edges: definition solid, note dashed, example dotted, source grey bold, "
               "cross-reference blue with a circle",
               "LR");
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const CircularGroup& g = *groups[i];
    std::string path;
    for (EntryId m : g.path) {
      if (m >= vocabulary.size()) continue;
      if (!path.empty()) path += " \xE2\x86\x92 ";  // →
      path += vocabulary[m].number;
    }
    out << "  subgraph cluster_" << i << " {\n"
        << "    graph [label=" << dot_quote("circular definition: " + path)
        << ", style=dashed, color=\"#b22222\"];\n";
    for (EntryId m : g.members) {
      if (m < vocabulary.size()) write_node(out, vocabulary, m, options, "    ");
    }
    out << "  }\n";
  }
  for (EntryId id : shown) {
    for (const Citation& c : vocabulary.cites(id)) {
      if (c.to >= vocabulary.size() || !marked[c.to]) continue;
      out << "  " << node_id(c.from) << " -> " << node_id(c.to) << " [" << edge_style(c.kind);
      if (std::binary_search(steps.begin(), steps.end(), c.reference)) {
        out << ", color=\"#b22222\", penwidth=2";
      }
      out << "];\n";
    }
  }
  out << "}\n";
}

void write_system(std::ostream& out, const Vocabulary& vocabulary, const GraphOptions& options) {
  std::vector<ConceptRelation> relations = concept_relations(vocabulary);
  if (!options.entries.empty()) {
    // The walk of neighbourhood(), over the relations (both ways).
    std::vector<std::size_t> offsets(vocabulary.size() + 1, 0);
    for (const ConceptRelation& r : relations) {
      ++offsets[r.from + 1];
      ++offsets[r.to + 1];
    }
    for (std::size_t i = 1; i < offsets.size(); ++i) offsets[i] += offsets[i - 1];
    std::vector<EntryId> targets(offsets.back());
    std::vector<std::size_t> fill(offsets.begin(), offsets.end() - 1);
    for (const ConceptRelation& r : relations) {
      targets[fill[r.from]++] = r.to;
      targets[fill[r.to]++] = r.from;
    }
    const std::vector<EntryId> near =
        walk(vocabulary.size(), options.entries, options.depth, offsets, targets);
    const std::vector<bool> marked = marks(vocabulary, near);
    relations.erase(
        std::remove_if(relations.begin(), relations.end(),
                       [&](const ConceptRelation& r) { return !marked[r.from] || !marked[r.to]; }),
        relations.end());
  }
  std::vector<EntryId> shown;
  for (const ConceptRelation& r : relations) {
    shown.push_back(r.from);
    shown.push_back(r.to);
  }
  std::sort(shown.begin(), shown.end());
  shown.erase(std::unique(shown.begin(), shown.end()), shown.end());

  write_header(out,
               "concept system (ISO 704): generic relations as trees, partitive relations as "
               "rakes, associative relations as double-headed arrows",
               "TB");
  for (EntryId id : shown) write_node(out, vocabulary, id, options);

  // Relations come sorted by kind, then by `from`: each run of one kind and
  // one `from` is one tree or one rake.
  std::size_t i = 0;
  while (i < relations.size()) {
    const ConceptRelation& first = relations[i];
    std::size_t end = i;
    while (end < relations.size() && relations[end].kind == first.kind &&
           relations[end].from == first.from) {
      ++end;
    }
    const std::string upper = node_id(first.from);
    if (first.kind == RelationKind::generic) {
      // A tree: the superordinate concept above a junction point, each
      // subordinate concept on a branch of its own.
      const std::string junction = "g" + std::to_string(first.from);
      out << "  " << junction << " [shape=point, width=0.08, label=\"\"];\n"
          << "  " << upper << " -> " << junction << " [dir=none];\n";
      for (std::size_t k = i; k < end; ++k) {
        out << "  " << junction << " -> " << node_id(relations[k].to) << " [dir=none];\n";
      }
    } else if (first.kind == RelationKind::partitive) {
      // A rake: the whole above the middle of a horizontal comb (points of
      // one rank joined by thick flat edges), a part under each tooth.
      const std::size_t teeth = end - i;
      const std::string comb = "p" + std::to_string(first.from) + "_";
      out << "  subgraph {\n    rank=same;\n";
      for (std::size_t k = 0; k < teeth; ++k) {
        out << "    " << comb << k << " [shape=point, width=0.05, label=\"\"];\n";
      }
      out << "  }\n";
      for (std::size_t k = 0; k + 1 < teeth; ++k) {
        out << "  " << comb << k << " -> " << comb << k + 1 << " [dir=none, penwidth=3];\n";
      }
      out << "  " << upper << " -> " << comb << (teeth - 1) / 2 << " [dir=none, penwidth=3];\n";
      for (std::size_t k = 0; k < teeth; ++k) {
        out << "  " << comb << k << " -> " << node_id(relations[i + k].to)
            << " [dir=none, penwidth=3];\n";
      }
    } else {
      for (std::size_t k = i; k < end; ++k) {
        const ConceptRelation& r = relations[k];
        out << "  " << node_id(r.from) << " -> " << node_id(r.to)
            << " [dir=both, arrowhead=normal, arrowtail=normal, constraint=false";
        if (!r.label.empty()) out << ", label=" << dot_quote(r.label);
        out << "];\n";
      }
    }
    i = end;
  }
  out << "}\n";
}

}  // namespace

std::string_view to_string(RelationKind k) noexcept {
  switch (k) {
    case RelationKind::generic:
      return "generic";
    case RelationKind::partitive:
      return "partitive";
    case RelationKind::associative:
      return "associative";
  }
  return "associative";
}

std::string dot_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;  // CR LF: one break
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') {
      out += ' ';
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

std::vector<EntryId> neighbourhood(const Vocabulary& vocabulary, const std::vector<EntryId>& seeds,
                                   unsigned depth) {
  // Both directions of every citation, as CSR adjacency lists.
  const std::size_t size = vocabulary.size();
  std::vector<std::size_t> offsets(size + 1, 0);
  for (EntryId id = 0; id < size; ++id) {
    offsets[id + 1] = offsets[id] + vocabulary.cites(id).size() + vocabulary.cited_by(id).size();
  }
  std::vector<EntryId> targets;
  targets.reserve(offsets.back());
  for (EntryId id = 0; id < size; ++id) {
    for (const Citation& c : vocabulary.cites(id)) targets.push_back(c.to);
    for (const Citation& c : vocabulary.cited_by(id)) targets.push_back(c.from);
  }
  return walk(size, seeds, depth, offsets, targets);
}

std::vector<ConceptRelation> concept_relations(const Vocabulary& vocabulary) {
  std::vector<ConceptRelation> relations;
  for (const Entry& entry : vocabulary.entries()) {
    for (const DataCategory* category : all_categories(entry)) {
      const RelationType* type = relation_type(category->type);
      if (!type || !category->block || category->block->kind != BlockKind::cross_reference ||
          category->block->references.empty()) {
        continue;
      }
      const EntryId target = category->block->references[0].target;
      if (target >= vocabulary.size() || target == entry.id) continue;
      ConceptRelation r;
      r.kind = type->kind;
      r.label = type->label;
      r.category = category;
      if (type->symmetric) {
        r.from = std::min(entry.id, target);
        r.to = std::max(entry.id, target);
      } else {
        r.from = type->stated_by_upper ? entry.id : target;
        r.to = type->stated_by_upper ? target : entry.id;
      }
      relations.push_back(r);
    }
  }
  const auto key = [](const ConceptRelation& r) {
    return std::make_tuple(r.kind, r.from, r.to, r.label);
  };
  std::stable_sort(
      relations.begin(), relations.end(),
      [&](const ConceptRelation& a, const ConceptRelation& b) { return key(a) < key(b); });
  relations.erase(std::unique(relations.begin(), relations.end(),
                              [&](const ConceptRelation& a, const ConceptRelation& b) {
                                return key(a) == key(b);
                              }),
                  relations.end());
  return relations;
}

void write_dot(std::ostream& out, const Vocabulary& vocabulary, const GraphOptions& options) {
  switch (options.kind) {
    case GraphKind::references:
      write_references(out, vocabulary, options);
      return;
    case GraphKind::cycles:
      write_cycles(out, vocabulary, options);
      return;
    case GraphKind::system:
      write_system(out, vocabulary, options);
      return;
  }
}

}  // namespace termgraph
