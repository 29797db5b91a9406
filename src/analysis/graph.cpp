// The reference graph: citations by citing and by cited entry, circular
// definitions (strongly connected components of definition references) and
// prerequisites. Every walk uses an explicit stack: reference chains can be
// as long as the input is, and the input is not trusted.
#include "analysis/graph.hpp"

#include "analysis/checks.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostics.hpp"
#include "termgraph/rules.hpp"
#include "text/numbers.hpp"

namespace termgraph {

namespace {

using Impl = Vocabulary::Impl;

constexpr std::uint32_t unset = UINT32_MAX;

// Where a block stands: its entry and language section. The builder
// records the section of every block (Impl::block_sections), so that
// blocks no section span reaches (cross-references, which only their data
// category points at) have an owner too.
struct BlockOwner {
  EntryId entry = no_entry;
  const LanguageSection* section = nullptr;
};

std::vector<BlockOwner> block_owners(const Impl& impl) {
  std::vector<BlockOwner> owner(impl.blocks.size());
  for (std::size_t b = 0; b < impl.blocks.size() && b < impl.block_sections.size(); ++b) {
    const std::uint32_t s = impl.block_sections[b];
    if (s >= impl.sections.size() || s >= impl.section_entry.size()) continue;
    owner[b] = BlockOwner{impl.section_entry[s], &impl.sections[s]};
  }
  return owner;
}

bool reads_before(const Citation& a, const Citation& b) noexcept {
  const SourceRange& x = a.reference->range;
  const SourceRange& y = b.reference->range;
  if (x.file != y.file) return x.file < y.file;
  if (x.line != y.line) return x.line < y.line;
  return x.column < y.column;
}

std::string describe(const Entry& entry) {
  std::string s(entry.number);
  if (const Designation* d = entry.preferred()) {
    s += " '";
    s += d->text;
    s += '\'';
  }
  return s;
}

// Definition edges only, as a compact adjacency (CSR) in reading order.
struct DefinitionGraph {
  std::vector<std::uint32_t> offsets;  // entries + 1
  std::vector<const Citation*> edges;

  explicit DefinitionGraph(const Impl& impl) : offsets(impl.entries.size() + 1, 0) {
    const std::size_t n = impl.entries.size();
    for (std::size_t v = 0; v < n; ++v) {
      offsets[v] = static_cast<std::uint32_t>(edges.size());
      for (std::uint32_t k = impl.out_offsets[v]; k < impl.out_offsets[v + 1]; ++k) {
        if (impl.out_edges[k].kind == BlockKind::definition) edges.push_back(&impl.out_edges[k]);
      }
    }
    offsets[n] = static_cast<std::uint32_t>(edges.size());
  }
};

// Tarjan's strongly connected components, iteratively: every node is a
// root in turn, so the whole forest is covered. Fills `component` with the
// index of the circular group of each node (unset when it is in none) and
// returns the groups' members, each sorted.
std::vector<std::vector<EntryId>> circular_components(const DefinitionGraph& g, std::size_t n,
                                                      std::vector<std::uint32_t>& component) {
  std::vector<std::vector<EntryId>> groups;
  std::vector<std::uint32_t> index(n, unset), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<EntryId> stack;
  struct Frame {
    EntryId node;
    std::uint32_t next;  // next edge to look at
  };
  std::vector<Frame> calls;
  component.assign(n, unset);
  std::uint32_t counter = 0;

  const auto visit = [&](EntryId v) {
    index[v] = low[v] = counter++;
    stack.push_back(v);
    on_stack[v] = true;
    calls.push_back(Frame{v, g.offsets[v]});
  };

  for (EntryId root = 0; root < n; ++root) {
    if (index[root] != unset) continue;
    visit(root);
    while (!calls.empty()) {
      const EntryId v = calls.back().node;
      if (calls.back().next < g.offsets[v + 1]) {
        const EntryId w = g.edges[calls.back().next++]->to;
        if (index[w] == unset) {
          visit(w);
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      calls.pop_back();
      if (!calls.empty()) {
        const EntryId parent = calls.back().node;
        low[parent] = std::min(low[parent], low[v]);
      }
      if (low[v] != index[v]) continue;
      // v is the root of a component: pop it.
      std::vector<EntryId> members;
      EntryId w;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = false;
        members.push_back(w);
      } while (w != v);
      bool circular = members.size() >= 2;
      if (!circular) {
        for (std::uint32_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
          circular = circular || g.edges[k]->to == v;
        }
      }
      if (!circular) continue;
      std::sort(members.begin(), members.end());
      for (EntryId m : members) component[m] = static_cast<std::uint32_t>(groups.size());
      groups.push_back(std::move(members));
    }
  }
  return groups;
}

// The shortest cycle through the group's first member, by breadth-first
// search inside the group; edges are tried in reading order, so among
// cycles of equal length the one found first in reading order wins. In a
// group of two or more, self-citations are left out (they are reported as
// self-reference; the cycle shown is the one that involves others).
void find_cycle(const DefinitionGraph& g, const std::vector<std::uint32_t>& component,
                std::uint32_t group_index, CircularGroup& group,
                std::vector<const Citation*>& via) {
  const EntryId start = group.members.front();
  const bool singleton = group.members.size() == 1;
  std::vector<EntryId> queue{start};
  const Citation* closing = nullptr;
  for (std::size_t head = 0; head < queue.size() && !closing; ++head) {
    const EntryId u = queue[head];
    for (std::uint32_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      const Citation* c = g.edges[k];
      const EntryId w = c->to;
      if (component[w] != group_index) continue;
      if (w == u && !singleton) continue;
      if (w == start) {
        closing = c;
        break;
      }
      if (via[w]) continue;
      via[w] = c;
      queue.push_back(w);
    }
  }
  // Walk back from the closing edge to the start.
  std::vector<const Citation*> steps;
  for (const Citation* c = closing; c;) {
    steps.push_back(c);
    c = c->from == start ? nullptr : via[c->from];
  }
  std::reverse(steps.begin(), steps.end());
  group.path.clear();
  group.steps.clear();
  group.path.push_back(start);
  for (const Citation* c : steps) {
    group.path.push_back(c->to);
    group.steps.push_back(c->reference);
  }
  for (EntryId v : queue) via[v] = nullptr;
}

// unreferenced-entry: entries that no other entry cites, in any kind of
// block (a citation of itself does not count). Off by default; the
// engine drops the findings unless the rule is turned on.
void report_unreferenced(const Impl& impl, std::vector<Diagnostic>& diagnostics) {
  const std::size_t n = impl.entries.size();
  if (impl.in_offsets.size() != n + 1) return;
  for (std::size_t v = 0; v < n; ++v) {
    bool cited = false;
    for (std::uint32_t k = impl.in_offsets[v]; k < impl.in_offsets[v + 1] && !cited; ++k) {
      cited = impl.in_edges[k].from != v;
    }
    if (cited) continue;
    const Entry& e = impl.entries[v];
    Diagnostic d = make_diagnostic(rules::unreferenced_entry, e.range,
                                   "entry " + describe(e) + " is not cited by any other entry");
    d.entries.push_back(e.id);
    diagnostics.push_back(std::move(d));
  }
}

}  // namespace

void build_graph(Impl& impl, std::vector<Diagnostic>& diagnostics) {
  const std::size_t n = impl.entries.size();
  const std::vector<BlockOwner> owner = block_owners(impl);

  // Each resolved reference (as the resolution pass recorded it) with its
  // citing entry, section and block kind, in the order of Impl::references.
  std::vector<Citation> citations;
  citations.reserve(impl.references.size());
  for (std::size_t b = 0; b < impl.blocks.size(); ++b) {
    const TextBlock& block = impl.blocks[b];
    const EntryId from = owner[b].entry;
    if (from == no_entry) continue;
    for (const Reference& r : block.references) {
      const std::size_t i = impl.reference_index(r);
      const EntryId to = i < impl.resolutions.size() ? impl.resolutions[i].target : no_entry;
      if (to == no_entry || to >= n) continue;
      citations.push_back(Citation{from, to, block.kind, &r, owner[b].section});
    }
  }

  // Counting sort by citing entry (stable), then reading order inside each
  // entry: the builder may store an entry's blocks grouped by kind.
  impl.out_offsets.assign(n + 1, 0);
  for (const Citation& c : citations) ++impl.out_offsets[c.from + 1];
  for (std::size_t v = 0; v < n; ++v) impl.out_offsets[v + 1] += impl.out_offsets[v];
  impl.out_edges.assign(citations.size(), Citation{});
  {
    std::vector<std::uint32_t> fill(impl.out_offsets.begin(), impl.out_offsets.end() - 1);
    for (const Citation& c : citations) impl.out_edges[fill[c.from]++] = c;
  }
  for (std::size_t v = 0; v < n; ++v) {
    const auto first = impl.out_edges.begin() + impl.out_offsets[v];
    const auto last = impl.out_edges.begin() + impl.out_offsets[v + 1];
    if (!std::is_sorted(first, last, reads_before)) std::stable_sort(first, last, reads_before);
  }

  // Counting sort by cited entry, stable over out_edges: each group lists
  // its citing entries in reading order.
  impl.in_offsets.assign(n + 1, 0);
  for (const Citation& c : impl.out_edges) ++impl.in_offsets[c.to + 1];
  for (std::size_t v = 0; v < n; ++v) impl.in_offsets[v + 1] += impl.in_offsets[v];
  impl.in_edges.assign(impl.out_edges.size(), Citation{});
  {
    std::vector<std::uint32_t> fill(impl.in_offsets.begin(), impl.in_offsets.end() - 1);
    for (const Citation& c : impl.out_edges) impl.in_edges[fill[c.to]++] = c;
  }

  // Self-references, in any kind of block.
  for (const Citation& c : impl.out_edges) {
    if (c.from != c.to) continue;
    const Entry& e = impl.entries[c.from];
    Diagnostic d =
        make_diagnostic(rules::self_reference, c.reference->range,
                        describe(e) + " cites itself in its " + std::string(to_string(c.kind)));
    d.entries.push_back(e.id);
    diagnostics.push_back(std::move(d));
  }

  // Circular definitions.
  const DefinitionGraph g(impl);
  std::vector<std::uint32_t> component;
  std::vector<std::vector<EntryId>> groups = circular_components(g, n, component);
  std::vector<std::uint32_t> order(groups.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&groups](std::uint32_t a, std::uint32_t b) {
    return groups[a].front() < groups[b].front();
  });

  impl.circular.clear();
  impl.circular.reserve(groups.size());
  std::vector<const Citation*> via(n, nullptr);
  for (std::uint32_t gi : order) {
    CircularGroup group;
    group.members = std::move(groups[gi]);
    find_cycle(g, component, gi, group, via);
    if (group.steps.empty()) continue;  // unreachable: every group holds a cycle

    std::string message = "circular definition: ";
    for (std::size_t i = 0; i < group.path.size(); ++i) {
      if (i) message += " \xE2\x86\x92 ";  // U+2192 RIGHTWARDS ARROW
      message += impl.entries[group.path[i]].number;
    }
    Diagnostic d =
        make_diagnostic(rules::circular_definition, group.steps.front()->range, std::move(message));
    d.related.reserve(group.steps.size());
    for (std::size_t i = 0; i < group.steps.size(); ++i) {
      const Entry& from = impl.entries[group.path[i]];
      const Entry& to = impl.entries[group.path[i + 1]];
      d.related.push_back(RelatedLocation{
          group.steps[i]->range, describe(from) + " cites " + describe(to) + " in its definition"});
    }
    d.entries = group.members;
    std::sort(d.entries.begin(), d.entries.end(), [&impl](EntryId a, EntryId b) {
      return number_less(impl.entries[a].number, impl.entries[b].number);
    });
    diagnostics.push_back(std::move(d));
    impl.circular.push_back(std::move(group));
  }

  report_unreferenced(impl, diagnostics);
}

std::vector<Prerequisite> prerequisites(const Impl& impl, EntryId id) {
  std::vector<Prerequisite> result;
  const std::size_t n = impl.entries.size();
  if (id >= n || impl.out_offsets.size() != n + 1) return result;

  enum : std::uint8_t { unseen, open, done };
  std::vector<std::uint8_t> state(n, unseen);
  struct Frame {
    EntryId node;
    std::uint32_t next;  // next out-edge to look at
    bool cycle;          // an edge back into the open path was skipped here
  };
  std::vector<Frame> stack;
  stack.push_back(Frame{id, impl.out_offsets[id], false});
  state[id] = open;
  while (!stack.empty()) {
    Frame& top = stack.back();
    const std::uint32_t end = impl.out_offsets[top.node + 1];
    bool descended = false;
    while (top.next < end) {
      const Citation& c = impl.out_edges[top.next++];
      if (c.kind != BlockKind::definition || c.to == top.node) continue;
      if (state[c.to] == unseen) {
        state[c.to] = open;
        stack.push_back(Frame{c.to, impl.out_offsets[c.to], false});  // invalidates `top`
        descended = true;
        break;
      }
      if (state[c.to] == open) top.cycle = true;
    }
    if (descended) continue;
    const Frame finished = stack.back();
    stack.pop_back();
    state[finished.node] = done;
    if (finished.node != id) result.push_back(Prerequisite{finished.node, finished.cycle});
  }
  return result;
}

}  // namespace termgraph
