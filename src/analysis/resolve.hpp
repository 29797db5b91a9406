// Internal: resolving the references of a vocabulary.
#pragma once

#include <vector>

#include "model/impl.hpp"

namespace termgraph {

/// Resolves every reference of the vocabulary to its entry (by markup
/// target id, else by number), reporting dangling-reference for targets
/// that do not exist and label-mismatch where the reference's term names
/// none of the target's designations (inflection of the last word allowed).
/// Records what it finds in Impl::resolutions and changes no reference.
/// Needs Impl::by_number, by_id and folder.
void resolve_references(Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics);

}  // namespace termgraph
