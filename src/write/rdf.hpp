// Internal: the RDF writers (docs/formats.md, "SKOS and JSON-LD"): the
// vocabulary as one SKOS concept scheme, in Turtle or in JSON-LD. Both
// write the same triples.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "termgraph/vocabulary.hpp"
#include "termgraph/write.hpp"

namespace termgraph {

/// Writes the vocabulary as SKOS in Turtle: the concept scheme
/// (WriteOptions::base_iri, else default_base_iri), then one skos:Concept
/// per entry in reading order, each predicate on a line of its own, in a
/// fixed order of predicates. Deterministic: the same vocabulary and
/// options give the same bytes.
void write_skos(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options);

/// Writes the triples write_skos() writes as one JSON-LD document: a fixed
/// `@context` (SKOS and DCMI terms), then `@graph` with the concept scheme
/// and one node per entry, in reading order.
void write_jsonld(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options);

namespace rdf_detail {

/// `s` as a Turtle string literal (STRING_LITERAL_QUOTE): `"` and `\`
/// escaped, line breaks and tabs as `\n` `\r` `\t`, other control
/// characters as `\uXXXX`, non-ASCII as UTF-8 (an ill-formed sequence as
/// U+FFFD).
std::string turtle_string(std::string_view s);

/// `s` percent-encoded for an IRI's last segment: every byte but RFC
/// 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`) as `%XX`.
std::string percent_encode(std::string_view s);

/// True when `tag` matches Turtle's LANGTAG (after the '@'):
/// `[a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`.
bool turtle_language_tag(std::string_view tag);

}  // namespace rdf_detail

}  // namespace termgraph
