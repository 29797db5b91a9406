// Internal: the readers. Each walks one parsed document and fills the
// Builder; none knows about resolution, cycles or indexes.
#pragma once

#include <pugixml.hpp>

#include "builder.hpp"
#include "termgraph/load.hpp"

namespace termgraph {

/// The format of a parsed document, from its root element and namespace.
Format detect_format(const pugi::xml_document& doc);

/// Our native format (docs/format.md).
void read_native(const pugi::xml_document& doc, Builder& builder);

/// NISO/ISO STS terms clauses: `term-sec` with `tbx:` markup.
void read_sts(const pugi::xml_document& doc, Builder& builder);

}  // namespace termgraph
