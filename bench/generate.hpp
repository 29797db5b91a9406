// A generator of synthetic vocabularies in the native format, shaped like a
// real terms clause: numbered entries with preferred, admitted and deprecated
// terms, definitions that cite other entries (markup and plain-text
// references), notes, examples, sources and a second language now and then.
#pragma once

#include <cstddef>
#include <string>

namespace termgraph_bench {

/// The preferred term of entry `i` (0-based); unique for every `i`.
std::string term(std::size_t i);

/// The number of entry `i`: "3.<i + 1>".
std::string number(std::size_t i);

/// A native vocabulary of `n` entries. Deterministic: the same `n` gives
/// the same bytes.
std::string generate_native(std::size_t n);

}  // namespace termgraph_bench
