// termgraph: the formats termgraph reads and writes, described by one table
// (every list of formats, in the library, the tool and docs/formats.md,
// comes from it).
#pragma once

#include "termgraph/export.hpp"

#include <cstdint>
#include <string_view>

#include "termgraph/diagnostic.hpp"
#include "termgraph/model.hpp"

namespace termgraph {

/// The formats termgraph knows; Format::unknown: none (not detected, or not
/// given).
enum class Format : std::uint8_t {
  unknown,  ///< none: not detected, or not given
  native,   ///< termgraph's own XML format
  sts,      ///< NISO/ISO STS terms clauses
  tbx,      ///< TBX v3
  tbx2008,  ///< TBX 2008 (`martif`)
  csv,      ///< CSV, one row per designation
  skos,     ///< SKOS in Turtle (written only)
  jsonld,   ///< SKOS as JSON-LD (written only)
};

/// What one format is and what termgraph can do with it.
struct FormatInfo {
  /// The format described.
  Format format = Format::unknown;
  /// The short name used by `--from` / `--to` and to_string(): "native" ...
  std::string_view name;
  /// One line: what the format is ("TBX v3 (ISO 30042:2019) ...").
  std::string_view summary;
  /// File name extensions, lower case with the dot (".xml"); directories
  /// are searched for files with the extensions of every format.
  Span<std::string_view> extensions;
  /// True when load_files() and the other loaders read the format.
  bool can_read = false;
  /// True when write_vocabulary() writes the format.
  bool can_write = false;
  /// What of the model the format holds when written, and what it loses.
  std::string_view carries;
  /// The profile its files are checked under unless one is chosen: iso for
  /// native and STS, termbase for TBX and CSV.
  Profile profile = Profile::iso;
};

/// Every format, in a fixed order (that of the `--from` / `--to` choices
/// and of the table in docs/formats.md).
TERMGRAPH_API Span<FormatInfo> formats();

/// The description of `format`, or nullptr for Format::unknown.
[[nodiscard]] TERMGRAPH_API const FormatInfo* format_info(Format format) noexcept;

/// The format whose name() is `name` ("native", "sts", "tbx", "tbx2008",
/// "csv", "skos", "jsonld"), or Format::unknown.
[[nodiscard]] TERMGRAPH_API Format format_named(std::string_view name) noexcept;

/// The profile files of `format` are checked under unless one is chosen
/// (iso for Format::unknown).
[[nodiscard]] TERMGRAPH_API Profile default_profile(Format format) noexcept;

/// The format's name ("native", "sts", "tbx", "tbx2008", "csv", "skos",
/// "jsonld") or "unknown".
TERMGRAPH_API std::string_view to_string(Format f) noexcept;

}  // namespace termgraph
