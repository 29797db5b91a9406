// Internal: the XML readers and their detection. Each reader walks one
// parsed document and fills the Builder; none knows about resolution, cycles
// or indexes. The format table (load/formats.cpp) says which goes with which
// format.
#pragma once

#include <pugixml.hpp>
#include <string_view>

#include "model/builder.hpp"
#include "read/chunked.hpp"

namespace termgraph {

/// The root element of a parsed document, as detection sees it.
struct XmlRoot {
  pugi::xml_node node;
  /// Its local name ("vocabulary", "tbx" ...).
  std::string_view local;
  /// The namespace URI its name is in (empty: none).
  std::string_view uri;
};

/// The root element of `doc` (a null node and empty names when it has none).
XmlRoot xml_root(const pugi::xml_document& doc);

// Detection, first by the root element alone (each format in turn), then,
// when no format claims the root, by a scan of the content.

/// Native: `vocabulary` in the native namespace.
bool claims_native_root(const XmlRoot& root);
/// NISO/ISO STS: a root STS documents (or fragments of them) have.
bool claims_sts_root(const XmlRoot& root);
/// TBX v3: `tbx` in the TBX v3 namespace or in none.
bool claims_tbx_root(const XmlRoot& root);
/// TBX 2008: `martif`.
bool claims_tbx2008_root(const XmlRoot& root);
/// STS by content: any other root that holds a terms clause or TBX markup,
/// unless the root itself names a TBX document (in a namespace we do not
/// read).
bool claims_sts_content(const XmlRoot& root);

// Each reader takes `chunks` when the document is the skeleton of a file
// read chunk by chunk (read/chunked.hpp), else null.

/// Our native format (docs/format.md).
void read_native(const pugi::xml_document& doc, Builder& builder, ChunkedDocument* chunks);

/// NISO/ISO STS terms clauses: `term-sec` with `tbx:` markup.
void read_sts(const pugi::xml_document& doc, Builder& builder, ChunkedDocument* chunks);

/// TBX v3 (`tbx`, DCA and DCT styles) and TBX 2008 (`martif`) documents.
/// `document_path` is the file the document was read from, empty when it
/// did not come from a file: a martif document's XCS is read only from a
/// plain file name in that file's directory.
void read_tbx(const pugi::xml_document& doc, Builder& builder, std::string_view document_path,
              ChunkedDocument* chunks);

}  // namespace termgraph
