// termgraph: the rule catalogue. Every rule is defined here, once; its
// rationale is in docs/rules.md.
#pragma once

#include "termgraph/export.hpp"

#include "termgraph/diagnostic.hpp"

namespace termgraph::rules {

/// The input is not well-formed XML (the parser's line and column).
extern TERMGRAPH_API const Rule xml_syntax;
/// Bytes that are not valid in the input's encoding (invalid UTF-8, an
/// unpaired UTF-16 surrogate), or an encoding declaration the bytes
/// contradict. Invalid sequences are read as U+FFFD.
extern TERMGRAPH_API const Rule invalid_encoding;
/// The root element is not a format termgraph reads.
extern TERMGRAPH_API const Rule unknown_format;
/// The input file or directory cannot be read.
extern TERMGRAPH_API const Rule unreadable_input;
/// Two entries carry the same number.
extern TERMGRAPH_API const Rule duplicate_number;
/// Two entries have the same preferred term in the same language.
extern TERMGRAPH_API const Rule duplicate_term;
/// A language section has designations but no definition.
extern TERMGRAPH_API const Rule missing_definition;
/// A language section has no preferred designation.
extern TERMGRAPH_API const Rule missing_preferred_term;
/// A reference names an entry that does not exist.
extern TERMGRAPH_API const Rule dangling_reference;
/// A reference's text does not name a designation of the entry it cites.
extern TERMGRAPH_API const Rule label_mismatch;
/// An entry's definition cites the entry itself.
extern TERMGRAPH_API const Rule self_reference;
/// Entries whose definitions cite each other in a cycle.
extern TERMGRAPH_API const Rule circular_definition;
/// Content the reader does not understand, kept out of the model.
extern TERMGRAPH_API const Rule unsupported_content;
/// A TBX document breaks the structure of TBX or of the dialect it declares
/// (an element out of place or order, a missing type or id).
extern TERMGRAPH_API const Rule tbx_structure;
/// A value its data category (or the document's XCS) does not allow, such
/// as an unknown administrative status or an undeclared language.
extern TERMGRAPH_API const Rule invalid_value;

/// Every rule, in the order of docs/rules.md.
TERMGRAPH_API Span<const Rule*> all();

/// The rule with `id`, or nullptr.
TERMGRAPH_API const Rule* find(std::string_view id) noexcept;

}  // namespace termgraph::rules
