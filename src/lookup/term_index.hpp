// Internal: the term index.
#pragma once

#include <vector>

#include "model/impl.hpp"

namespace termgraph {

/// Folds every designation once and fills Impl::terms, sorted for exact and
/// prefix search.
void build_term_index(Vocabulary::Impl& impl);

}  // namespace termgraph
