// Internal: the format table. One record per format says everything
// termgraph knows about it: its public description (FormatInfo), how it is
// recognised, which reader reads it and which writer writes it (null: none). Detection,
// reading, writing, the tool's --from/--to choices and help, the directory
// scan and the table in docs/formats.md all come from here; adding a format
// is one record (and its reader and writer).
#pragma once

#include <ostream>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "model/builder.hpp"
#include "read/readers.hpp"
#include "termgraph/format.hpp"
#include "termgraph/vocabulary.hpp"
#include "termgraph/write.hpp"

namespace termgraph {

struct FormatRecord {
  // -- the public description (FormatInfo; can_read and can_write follow
  // from the reader and writer below) ----------------------------------------
  Format format;
  std::string_view name;
  std::string_view summary;
  Span<std::string_view> extensions;
  std::string_view carries;
  /// The profile its files are checked under unless one is chosen.
  Profile profile = Profile::iso;

  // -- XML formats: one parse (pugixml, in place) shared by all ------------
  /// Claims a document by its root element (tried for every format first).
  bool (*claims_root)(const XmlRoot& root) = nullptr;
  /// Claims a document by its content (tried, in table order, when no
  /// format claimed the root).
  bool (*claims_content)(const XmlRoot& root) = nullptr;
  /// Reads a parsed document. `document_path` is the file it was read
  /// from, empty when it did not come from a file; `chunks`: the document
  /// is the skeleton of a file read chunk by chunk (read/chunked.hpp), else
  /// null.
  void (*read_xml)(const pugi::xml_document& doc, Builder& builder, std::string_view document_path,
                   ChunkedDocument* chunks) = nullptr;
  /// How the unknown-format message names the roots this format has
  /// ("native 'vocabulary'"); empty: not named.
  std::string_view root_hint;

  // -- text formats: read from the raw UTF-8 text, not parsed as XML -------
  /// Claims an input from its raw text; `by_extension` is true when the
  /// file name has one of the format's extensions. Tried before XML.
  bool (*claims_text)(std::string_view raw, bool by_extension) = nullptr;
  /// Reads the raw text (builder.raw()).
  void (*read_text)(std::string_view raw, Builder& builder) = nullptr;

  // -- writing ---------------------------------------------------------------
  void (*write)(std::ostream& out, const Vocabulary& vocabulary,
                const WriteOptions& options) = nullptr;
  /// The writer names things by IRIs under WriteOptions::base_iri (RDF):
  /// write_vocabulary() refuses a base that is not an absolute IRI.
  bool uses_base_iri = false;
};

/// Every record, in the order of formats().
Span<FormatRecord> format_table() noexcept;

/// The record of `format`, or nullptr for Format::unknown.
const FormatRecord* format_record(Format format) noexcept;

/// The text format that claims an input (its path and raw UTF-8 text), or
/// nullptr: then the input is parsed as XML.
const FormatRecord* detect_text_format(std::string_view path, std::string_view raw);

/// The format of a parsed XML document: first the formats that claim its
/// root element, then those that claim its content, each in table order.
Format detect_xml_format(const XmlRoot& root);

/// The format that claims `root` by the root element alone (the first
/// step of detect_xml_format()), or Format::unknown.
Format detect_xml_root_format(const XmlRoot& root);

/// The roots of every XML format, as the unknown-format message names them:
/// "native 'vocabulary', NISO STS with 'term-sec', TBX 'tbx' or 'martif'".
std::string known_roots();

/// True when `path` has the extension of a format termgraph reads (the
/// files a directory scan picks).
bool has_term_extension(std::string_view path);

}  // namespace termgraph
