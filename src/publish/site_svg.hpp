// Internal: the pictures of the static site, drawn as inline SVG without a
// layout engine: an entry's neighbourhood in three columns (what cites it,
// the entry, what it cites) and a circular definition as a ring. Both are
// laid out in time linear in their nodes, so that a site of 100 000 entries
// gets its pictures in a fraction of a second.
#pragma once

#include <string>
#include <vector>

#include "termgraph/model.hpp"

namespace termgraph::site_svg {

/// An entry in a picture: its label ("3.30 DLT system"), the link to it,
/// and whether it is part of a circular definition.
struct Node {
  std::string label;
  std::string href;
  bool circular = false;
};

/// An entry, the entries that cite it and those it cites; each kind is the
/// strongest block of the citations behind the edge (definition first).
struct Neighbourhood {
  Node centre;
  std::vector<Node> citing;
  std::vector<BlockKind> citing_kinds;
  std::vector<Node> cited;
  std::vector<BlockKind> cited_kinds;
  bool cites_itself = false;
};

/// The shared definitions (arrow heads) the pictures of one page use; once
/// per page, before them.
void definitions(std::string& out);

/// A figure with the neighbourhood, its nodes links to the entries.
void neighbourhood(std::string& out, const Neighbourhood& n);

/// A circular definition: `ring[0]` cites `ring[1]` ... and the last cites
/// `ring[0]` (one node: an entry whose definition cites itself).
void cycle(std::string& out, const std::vector<Node>& ring);

}  // namespace termgraph::site_svg
