// Internal: resolving the references of a vocabulary.
#pragma once

#include <vector>

#include "model/impl.hpp"

namespace termgraph {

/// Resolves every reference of the vocabulary to its entry (by markup
/// target, else by the number written in its text), reporting
/// dangling-reference for targets that do not exist, unnumbered-reference
/// for marked-up references with no target that resolves,
/// reference-number-mismatch where the markup target and the written number
/// disagree, label-mismatch where the reference's term names none of the
/// target's designations in the citing language (inflection of the last word
/// and elliptical coordination allowed) and deprecated-term-cited where it
/// names only a deprecated one. Records what it finds in Impl::resolutions
/// and changes no reference. Needs Impl::by_number, by_id and folder; uses
/// Impl::terms when the term index is built. With `threads` above 1, a
/// large vocabulary's references are resolved in two halves at once; the
/// records and findings are the same.
void resolve_references(Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics,
                        unsigned threads = 1);

}  // namespace termgraph
