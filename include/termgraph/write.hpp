// termgraph: writing a vocabulary in one of the formats termgraph reads.
#pragma once

#include "termgraph/export.hpp"

#include <ostream>
#include <string>
#include <vector>

#include "termgraph/diagnostic.hpp"
#include "termgraph/format.hpp"
#include "termgraph/vocabulary.hpp"

namespace termgraph {

/// How TBX v3 writes data categories (ISO 30042:2019): DCA, as the type of
/// a generic element (`<descrip type="subjectField">`), or DCT, as an
/// element of its own in its dialect's namespace (`<min:subjectField>`).
enum class TbxStyle : unsigned char { dca, dct };

/// Options for write_vocabulary().
struct WriteOptions {
  /// Spaces per level of indentation.
  int indent = 2;
  /// Title written where the format has one (native `title`, STS
  /// `title-wrap`, TBX `titleStmt`); empty: the inputs' own
  /// (Vocabulary::title()), if any.
  std::string title;
  /// The style of TBX output (DCA by default); other formats ignore it.
  TbxStyle tbx_style = TbxStyle::dca;
  /// Where a writer reports what its format cannot hold: one
  /// `lossy-conversion` diagnostic per data category name it leaves out (or
  /// writes at another level), located at the first such category, with
  /// the rule's default severity. nullptr: not reported.
  std::vector<Diagnostic>* lost = nullptr;
};

/// True for the formats write_vocabulary() can write (those whose
/// FormatInfo::can_write is set, see formats()).
TERMGRAPH_API bool can_write(Format format) noexcept;

/// Writes every entry of `vocabulary` in `format` (docs/formats.md says what
/// each format holds): deterministic, and for XML formats well-formed and
/// indented; inline references are written as the format's markup where it
/// has one.
/// Returns false, writing nothing, for a format that cannot be written.
TERMGRAPH_API bool write_vocabulary(std::ostream& out, const Vocabulary& vocabulary, Format format,
                                    const WriteOptions& options = {});

}  // namespace termgraph
