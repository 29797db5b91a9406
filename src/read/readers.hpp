// Internal: the readers. Each walks one parsed document and fills the
// Builder; none knows about resolution, cycles or indexes.
#pragma once

#include <pugixml.hpp>

#include "model/builder.hpp"
#include "termgraph/load.hpp"

namespace termgraph {

/// The format of a parsed document, from its root element and namespace.
Format detect_format(const pugi::xml_document& doc);

/// Our native format (docs/format.md).
void read_native(const pugi::xml_document& doc, Builder& builder);

/// NISO/ISO STS terms clauses: `term-sec` with `tbx:` markup.
void read_sts(const pugi::xml_document& doc, Builder& builder);

/// TBX v3 (`tbx`, DCA and DCT styles) and TBX 2008 (`martif`) documents.
/// `document_path` is the file the document was read from, empty when it
/// did not come from a file: a martif document's XCS is read only from a
/// plain file name in that file's directory.
void read_tbx(const pugi::xml_document& doc, Builder& builder, std::string_view document_path);

}  // namespace termgraph
