// termgraph: applying the fixes of diagnostics (Diagnostic::fixes) to the
// bytes of an input file, and showing them as a unified diff. What
// `termgraph check --fix` and `--fix --dry-run` do, for any program.
#pragma once

#include "termgraph/export.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/diagnostic.hpp"
#include "termgraph/vocabulary.hpp"

namespace termgraph {

/// One edit in bytes: bytes [begin, end) of the original file become
/// `replacement` (begin == end inserts).
struct ByteEdit {
  /// The first byte replaced.
  std::size_t begin = 0;
  /// Just past the last byte replaced.
  std::size_t end = 0;
  /// The new bytes.
  std::string replacement;
};

/// A fix that was left out, and why.
struct SkippedFix {
  /// Where the finding is.
  SourceRange range;
  /// The finding's rule id.
  std::string_view rule;
  /// What the fix would have done (Fix::message).
  std::string message;
  /// Why it was left out ("overlaps a fix applied before it" ...).
  std::string reason;
};

/// The fixes of one file applied to its bytes (fix_file()).
struct FixedFile {
  /// The file, in Vocabulary::files().
  FileId file = 0;
  /// Non-empty when no fix could be applied to the file at all: the bytes
  /// are not those the vocabulary was read from as UTF-8 (the file is in
  /// another encoding, had invalid bytes replaced, or changed since).
  /// `fixed` is then the original unchanged.
  std::string refusal;
  /// The file's bytes with every applied edit; byte-identical to the
  /// original outside the edits.
  std::string fixed;
  /// The applied edits, in offset order, in bytes of the original.
  std::vector<ByteEdit> edits;
  /// The number of fixes applied.
  std::size_t applied = 0;
  /// The fixes left out (overlapping an earlier one, positions outside the
  /// file ...).
  std::vector<SkippedFix> skipped;

  /// True when `fixed` differs from the original.
  [[nodiscard]] bool changed() const noexcept { return !edits.empty(); }
};

/// Applies to `original`, the bytes of file `file` of `vocabulary` as they
/// are now (on disk), the fixes of the findings of `diagnostics` in that
/// file: the first fix of each finding that has one (several are
/// alternatives), in the order of their positions. Positions (line, column
/// in code points, end exclusive) are mapped to bytes with the file's line
/// index. A fix whose edits overlap an edit applied before it, or name a
/// position the file does not have, is skipped (FixedFile::skipped); every
/// byte outside the applied edits stays as it is. A UTF-8 byte order mark
/// is kept. Nothing is applied (FixedFile::refusal) when `original` is not
/// the UTF-8 text the vocabulary was read from.
[[nodiscard]] TERMGRAPH_API FixedFile fix_file(const Vocabulary& vocabulary, FileId file,
                                               std::string_view original,
                                               const std::vector<Diagnostic>& diagnostics);

/// A unified diff (as `diff -u`) from `original` to `fixed.fixed`: headers
/// `--- OLD_LABEL` and `+++ NEW_LABEL`, then hunks `@@ -l,n +l,n @@` with
/// `context` lines of context around the edited lines; "\ No newline at
/// end of file" after a last line without one. Empty when nothing changed.
[[nodiscard]] TERMGRAPH_API std::string unified_diff(std::string_view original,
                                                     const FixedFile& fixed,
                                                     std::string_view old_label,
                                                     std::string_view new_label,
                                                     unsigned context = 3);

}  // namespace termgraph
