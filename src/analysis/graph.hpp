// Internal: the reference graph, circular definitions, prerequisites.
#pragma once

#include <vector>

#include "model/impl.hpp"

namespace termgraph {

/// Builds Impl::out_edges / in_edges from the resolved references, finds
/// the circular definitions (strongly connected components of definition
/// references, self-citing definitions included) without recursion, and
/// reports self-reference, circular-definition and unreferenced-entry
/// (entries no other entry cites) diagnostics in a deterministic order.
void build_graph(Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics);

/// Every entry the definition of `id` depends on, transitively, dependencies
/// first; cycles broken deterministically and marked. Iterative.
std::vector<Prerequisite> prerequisites(const Vocabulary::Impl& impl, EntryId id);

}  // namespace termgraph
