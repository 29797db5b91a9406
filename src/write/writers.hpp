// Internal: the format writers. Each walks the model once, in reading order,
// and writes one format; the format table (load/formats.cpp) says which goes
// with which format, and write_vocabulary() dispatches through it.
#pragma once

#include <ostream>

#include "termgraph/vocabulary.hpp"
#include "termgraph/write.hpp"

namespace termgraph {

/// Our native format (docs/format.md).
void write_native(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options);
/// A NISO STS document with one terms clause.
void write_sts(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options);
/// TBX v3, TBX-Basic in the DCA style.
void write_tbx(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options);
/// TBX 2008 (`martif`), valid against the core structure DTD.
void write_tbx2008(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options);

}  // namespace termgraph
