// termgraph: pictures of a vocabulary. The reference graph (what cites
// what), its circular definitions, and the concept system a termbase
// records (ISO 704's generic, partitive and associative relations), written
// as Graphviz DOT, and DOT laid out as SVG where the library was built with
// Graphviz. No Graphviz type appears here: a program that draws nothing, or
// pipes the DOT to `dot` itself, needs no Graphviz at all.
#pragma once

#include "termgraph/export.hpp"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/model.hpp"
#include "termgraph/vocabulary.hpp"

namespace termgraph {

/// What write_dot() draws.
enum class GraphKind : std::uint8_t {
  /// The reference graph: one node per entry, one edge per citation
  /// (Vocabulary::cites), styled by the kind of block that cites.
  references,
  /// The circular definitions only (Vocabulary::circular_groups): one
  /// cluster per group, the edges of its cycle highlighted.
  cycles,
  /// The concept system: the concept relations of concept_relations(),
  /// drawn as ISO 704 draws them (trees, rakes, double-headed arrows).
  system,
};

/// How write_dot() draws.
struct GraphOptions {
  /// What to draw.
  GraphKind kind = GraphKind::references;
  /// The entries to draw the neighbourhood of; empty: the whole vocabulary.
  /// references: neighbourhood(); system: the same walk over concept
  /// relations; cycles: the groups that hold one of them.
  std::vector<EntryId> entries;
  /// How many steps the neighbourhood of `entries` reaches (0: the entries
  /// alone).
  unsigned depth = 1;
  /// The language range nodes are labelled in (listed_term(), report.hpp):
  /// the preferred term in that language where the entry has a section in
  /// it, else its first preferred term. Empty: the first preferred term.
  std::string language;
};

/// The entries within `depth` steps of `seeds` in the reference graph,
/// following citations both ways (what an entry cites and what cites it),
/// breadth first; the seeds themselves included (ids out of range are
/// ignored). Sorted by EntryId (reading order), each once.
[[nodiscard]] TERMGRAPH_API std::vector<EntryId> neighbourhood(const Vocabulary& vocabulary,
                                                               const std::vector<EntryId>& seeds,
                                                               unsigned depth);

/// The three kinds of concept relation of ISO 704.
enum class RelationKind : std::uint8_t {
  /// Genus and species: `from` is the superordinate (generic) concept, `to`
  /// a subordinate one.
  generic,
  /// Whole and part: `from` is the comprehensive concept, `to` a partitive
  /// one.
  partitive,
  /// Any other relation between concepts (relatedConcept,
  /// associatedConcept, sequentially, spatially or temporally related,
  /// antonyms, coordinate concepts): `from` and `to` as normalised by
  /// concept_relations().
  associative,
};

/// "generic", "partitive" or "associative".
[[nodiscard]] TERMGRAPH_API std::string_view to_string(RelationKind k) noexcept;

/// One relation between two concepts (entries), in a normalised direction.
struct ConceptRelation {
  /// Generic, partitive or associative.
  RelationKind kind = RelationKind::associative;
  /// The superordinate concept, the whole; for an associative relation, the
  /// entry read first (for relatedConceptBroader/Narrower, the broader
  /// concept).
  EntryId from = no_entry;
  /// The subordinate concept, the part; for an associative relation, the
  /// other entry (for relatedConceptBroader/Narrower, the narrower concept).
  EntryId to = no_entry;
  /// What an associative relation is, in short: empty for relatedConcept
  /// and associatedConcept, else "broader", "sequential", "spatial",
  /// "temporal", "antonym" or "coordinate". Empty for generic and
  /// partitive relations.
  std::string_view label;
  /// The first data category that states it (its `type` is the TBX name,
  /// e.g. "broaderConceptGeneric"), at entry, language or term level.
  const DataCategory* category = nullptr;
};

/// Every concept relation the vocabulary records: the data categories
/// whose type is a TBX concept relation (broaderConceptGeneric,
/// subordinateConceptPartitive, relatedConcept ...; see docs/design.md,
/// "Pictures") and whose cross-reference block resolves to another entry.
/// Directions are normalised (broaderConceptGeneric on A targeting B: B is
/// the superordinate of A), and a relation stated from both sides (or twice)
/// is listed once. Ordered by kind, then `from`, then `to`.
[[nodiscard]] TERMGRAPH_API std::vector<ConceptRelation> concept_relations(
    const Vocabulary& vocabulary);

/// Writes the graph `options` asks for as Graphviz DOT: a `digraph` whose
/// node ids are "e" followed by the EntryId, labelled "NUMBER\nTERM". Every
/// string from the input is quoted and escaped (quotes, backslashes, line
/// breaks), so no term can break the DOT. The output is the same for the
/// same vocabulary and options.
///
/// references and cycles: one edge per citation between two drawn entries
/// (a reference made twice gives two edges); definition solid, note dashed,
/// example dotted, source grey with a hollow arrowhead, cross-reference blue
/// with a circle. system: generic relations as a tree (the superordinate
/// above a junction point, its subordinates hanging from it), partitive
/// relations as a rake (the whole above a horizontal comb, a part under each
/// tooth), associative ones as double-headed arrows.
TERMGRAPH_API void write_dot(std::ostream& out, const Vocabulary& vocabulary,
                             const GraphOptions& options = {});

/// `text` as a DOT quoted string, quotes included: `"` and `\` escaped,
/// a line break written `\n` (a new line of a label), other control
/// characters as spaces.
[[nodiscard]] TERMGRAPH_API std::string dot_quote(std::string_view text);

/// True when this build of termgraph can lay graphs out (it was built with
/// Graphviz's library); render_svg() fails otherwise.
[[nodiscard]] TERMGRAPH_API bool svg_available() noexcept;

/// Lays out the DOT graph `dot` with Graphviz's `dot` layout and renders it
/// as SVG. On failure (a build without Graphviz, DOT that does not parse,
/// a layout that fails), nullopt, and `*error` (when given) says why.
/// Graphviz is not thread-safe: calls are serialised.
[[nodiscard]] TERMGRAPH_API std::optional<std::string> render_svg(std::string_view dot,
                                                                  std::string* error = nullptr);

}  // namespace termgraph
