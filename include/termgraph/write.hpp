// termgraph: writing a vocabulary in one of the formats termgraph reads.
#pragma once

#include "termgraph/export.hpp"

#include <ostream>
#include <string>

#include "termgraph/format.hpp"
#include "termgraph/vocabulary.hpp"

namespace termgraph {

/// Options for write_vocabulary().
struct WriteOptions {
  /// Spaces per level of indentation.
  int indent = 2;
  /// Title written where the format has one (native `title`, STS
  /// `title-wrap`, TBX `titleStmt`); empty: none.
  std::string title;
};

/// True for the formats write_vocabulary() can write (FormatInfo::can_write:
/// native, sts, tbx).
TERMGRAPH_API bool can_write(Format format) noexcept;

/// Writes every entry of `vocabulary` in `format` (native, NISO STS terms
/// clause, or TBX v3 TBX-Basic in the DCA style): well-formed, indented and
/// deterministic; inline references are written as the format's markup.
/// Returns false, writing nothing, for a format that cannot be written.
TERMGRAPH_API bool write_vocabulary(std::ostream& out, const Vocabulary& vocabulary, Format format,
                                    const WriteOptions& options = {});

}  // namespace termgraph
