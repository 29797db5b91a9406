// The rule catalogue: each rule's id, default severity and summary, defined
// here once. docs/rules.md documents each with its rationale, in this order.
#include "termgraph/rules.hpp"

#include "diag/diagnostics.hpp"

#include <iterator>

namespace termgraph::rules {

const Rule xml_syntax{"xml-syntax", Severity::error, "the input is not well-formed XML"};
const Rule invalid_encoding{"invalid-encoding", Severity::error,
                            "the bytes are not valid in the input's encoding"};
const Rule unknown_format{"unknown-format", Severity::error,
                          "the root element is not a term format termgraph reads"};
const Rule unreadable_input{"unreadable-input", Severity::error,
                            "an input file or directory cannot be read"};
const Rule duplicate_number{"duplicate-number", Severity::error,
                            "two entries carry the same number"};
const Rule duplicate_term{"duplicate-term", Severity::warning,
                          "two entries have the same preferred term in one language"};
const Rule missing_definition{"missing-definition", Severity::error,
                              "a language section of an entry has no definition"};
const Rule missing_preferred_term{"missing-preferred-term", Severity::error,
                                  "a language section of an entry has no preferred term"};
const Rule dangling_reference{"dangling-reference", Severity::error,
                              "a reference cites an entry number that does not exist"};
const Rule label_mismatch{"label-mismatch", Severity::warning,
                          "a reference's text names none of the cited entry's terms"};
const Rule self_reference{"self-reference", Severity::warning, "an entry cites itself"};
const Rule circular_definition{"circular-definition", Severity::warning,
                               "definitions that cite each other in a cycle"};
const Rule unsupported_content{"unsupported-content", Severity::warning,
                               "content the model does not cover, left out of the vocabulary"};
const Rule tbx_structure{"tbx-structure", Severity::error,
                         "a TBX document breaks the structure of TBX or of its dialect"};
const Rule invalid_value{"invalid-value", Severity::warning,
                         "a value outside the values its data category or XCS allows"};

namespace {
const Rule* const catalogue[] = {
    &xml_syntax,          &invalid_encoding, &unknown_format,     &unreadable_input,
    &duplicate_number,    &duplicate_term,   &missing_definition, &missing_preferred_term,
    &dangling_reference,  &label_mismatch,   &self_reference,     &circular_definition,
    &unsupported_content, &tbx_structure,    &invalid_value,
};
}  // namespace

Span<const Rule*> all() {
  return {catalogue, std::size(catalogue)};
}

const Rule* find(std::string_view id) noexcept {
  for (const Rule* r : catalogue) {
    if (r->id == id) return r;
  }
  return nullptr;
}

}  // namespace termgraph::rules

namespace termgraph {

Diagnostic make_diagnostic(const Rule& rule, const SourceRange& range, std::string message) {
  Diagnostic d;
  d.rule = &rule;
  d.severity = rule.severity;
  d.message = std::move(message);
  d.range = range;
  return d;
}

}  // namespace termgraph
