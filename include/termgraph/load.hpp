// termgraph: reading term files into a Vocabulary.
#pragma once

#include "termgraph/export.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/analysis.hpp"
#include "termgraph/diagnostic.hpp"
#include "termgraph/format.hpp"
#include "termgraph/vocabulary.hpp"

namespace termgraph {

/// The outcome of loading: the vocabulary (everything that could be read)
/// and every diagnostic, sorted by file, line and column. Converts to true
/// when there are no errors.
struct TERMGRAPH_API LoadResult {
  /// Every entry that could be read, from all inputs.
  Vocabulary vocabulary;
  /// Every finding, sorted by file, line and column.
  std::vector<Diagnostic> diagnostics;
  /// The format detected for each file, indexed like vocabulary.files().
  std::vector<Format> formats;

  /// The number of diagnostics of severity `s`.
  std::size_t count(Severity s) const noexcept;
  /// The number of errors.
  std::size_t errors() const noexcept { return count(Severity::error); }
  /// The number of warnings.
  std::size_t warnings() const noexcept { return count(Severity::warning); }
  /// True when loading found no error (warnings and notes allowed).
  explicit operator bool() const noexcept { return errors() == 0; }
};

/// One input held in memory.
struct Source {
  /// Shown in diagnostics; its extension counts in format detection, as a
  /// file's does (a `.csv` name is read as CSV).
  std::string path;
  /// The bytes of the input (UTF-8, or an encoding a byte order mark or XML
  /// declaration names).
  std::string content;
  /// True when `path` names the file on disk that `content` stands for (an
  /// editor's buffer of it): readers may then look beside it, as the TBX
  /// reader does for the XCS file a termbase names.
  bool on_disk = false;
};

/// How to load.
struct LoadOptions {
  /// Read every input as this format instead of detecting it from the root
  /// element (Format::unknown: detect).
  Format format = Format::unknown;
  /// Which analysis passes run after loading (all by default), and how
  /// diagnostics are reported.
  AnalysisOptions analysis;
  /// load_files() reads a path "-" from standard input (once; shown as
  /// `<stdin>`, its format detected from the content), as command-line
  /// tools do. Off: "-" is a file name like any other.
  bool dash_is_stdin = false;
};

/// Loads all files as one vocabulary: references may cross files.
/// Directories are searched recursively for the files whose extension is one
/// of a readable format's (FormatInfo::extensions), sorted.
/// A file that cannot be read gives an unreadable-input diagnostic; loading
/// goes on with the others. An input that yields no entries (a directory
/// without a term file, a file with none) gives an empty-input error.
TERMGRAPH_API LoadResult load_files(const std::vector<std::string>& paths,
                                    const LoadOptions& options = {});

/// Loads in-memory sources as one vocabulary.
TERMGRAPH_API LoadResult load_sources(std::vector<Source> sources, const LoadOptions& options = {});

/// Loads one in-memory document; `path` is shown in diagnostics.
TERMGRAPH_API LoadResult load_string(std::string_view content, std::string path = "<string>",
                                     const LoadOptions& options = {});

/// One input read into a model of its own by prepare_input(), to be loaded
/// with other inputs by load_prepared() as often as needed without being
/// read again: what an editor does when one file of a workspace changes
/// (`termgraph lsp`). Immutable; copies share it.
class TERMGRAPH_API PreparedInput {
public:
  /// An empty handle (load_prepared() refuses it).
  PreparedInput() = default;
  /// The input's path, as its Source named it.
  [[nodiscard]] const std::string& path() const noexcept;
  /// The format it was read as (Format::unknown: it could not be read).
  [[nodiscard]] Format format() const noexcept;
  /// The index among load_prepared()'s inputs it was read for.
  [[nodiscard]] std::size_t position() const noexcept;
  /// True when it holds an input.
  explicit operator bool() const noexcept { return part_ != nullptr; }

  /// Internal: what was read.
  struct Part;

private:
  explicit PreparedInput(std::shared_ptr<const Part> part) : part_(std::move(part)) {}
  std::shared_ptr<const Part> part_;
  friend TERMGRAPH_API PreparedInput prepare_input(Source, std::size_t, const LoadOptions&);
  friend TERMGRAPH_API LoadResult load_prepared(const std::vector<PreparedInput>&,
                                                const LoadOptions&);
};

/// Reads `source` (detecting its format unless options.format forces one)
/// for index `position` among the inputs of a later load_prepared(); no
/// analysis runs. A prepared input given to load_prepared() at another index
/// is read again there, from the bytes it keeps.
[[nodiscard]] TERMGRAPH_API PreparedInput prepare_input(Source source, std::size_t position,
                                                        const LoadOptions& options = {});

/// Loads prepared inputs as one vocabulary, as load_sources() loads their
/// sources: the same vocabulary and diagnostics, without reading again the
/// inputs prepared for their index (the model appends copies of their lists;
/// their strings are shared). Then the analysis of options.analysis runs.
/// Throws std::invalid_argument for an empty PreparedInput.
TERMGRAPH_API LoadResult load_prepared(const std::vector<PreparedInput>& inputs,
                                       const LoadOptions& options = {});

}  // namespace termgraph
