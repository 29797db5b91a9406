// Internal: the CSV writer (docs/formats.md, CSV).
#pragma once

#include <ostream>

#include "termgraph/vocabulary.hpp"
#include "termgraph/write.hpp"

namespace termgraph {

/// Writes every entry as CSV (RFC 4180, UTF-8, CRLF): a header row, then
/// one row per designation (a section without designations: one row without
/// a term; an entry without sections: one row with only its number). The
/// definition, notes, examples and sources of a section are on its first
/// row; several notes (examples, sources) are one line each in their cell.
void write_csv(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options);

}  // namespace termgraph
