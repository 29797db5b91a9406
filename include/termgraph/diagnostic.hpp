// termgraph: diagnostics, the rules that produce them, how their severity is
// chosen and who receives them.
#pragma once

#include "termgraph/export.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/model.hpp"

namespace termgraph {

class Vocabulary;

/// How serious a finding is. Errors make `termgraph check` exit 1.
enum class Severity : std::uint8_t { note, warning, error };

/// "note", "warning" or "error".
TERMGRAPH_API std::string_view to_string(Severity s) noexcept;

/// The rule catalogue, the one place every rule is spelt: X(name, id,
/// default severity, summary) per rule, in the order of docs/rules.md, which
/// gives each rule's rationale under a heading named by its id. RuleId,
/// the rules:: constants and rules::all() are generated from it.
#define TERMGRAPH_RULE_TABLE(X)                                                               \
  X(xml_syntax, "xml-syntax", error, "the input is not well-formed XML")                      \
  X(csv_syntax, "csv-syntax", error, "the input is not well-formed CSV (RFC 4180)")           \
  X(invalid_encoding, "invalid-encoding", error,                                              \
    "the bytes are not valid in the input's encoding")                                        \
  X(unknown_format, "unknown-format", error,                                                  \
    "the root element is not a term format termgraph reads")                                  \
  X(unreadable_input, "unreadable-input", error, "an input file or directory cannot be read") \
  X(duplicate_number, "duplicate-number", error, "two entries carry the same number")         \
  X(duplicate_term, "duplicate-term", warning,                                                \
    "two entries have the same preferred term in one language")                               \
  X(missing_definition, "missing-definition", error,                                          \
    "a language section of an entry has no definition")                                       \
  X(missing_preferred_term, "missing-preferred-term", error,                                  \
    "a language section of an entry has no preferred term")                                   \
  X(dangling_reference, "dangling-reference", error,                                          \
    "a reference cites an entry number that does not exist")                                  \
  X(label_mismatch, "label-mismatch", warning,                                                \
    "a reference's text names none of the cited entry's terms")                               \
  X(self_reference, "self-reference", warning, "an entry cites itself")                       \
  X(circular_definition, "circular-definition", warning,                                      \
    "definitions that cite each other in a cycle")                                            \
  X(unsupported_content, "unsupported-content", warning,                                      \
    "content the model does not cover, left out of the vocabulary")                           \
  X(tbx_structure, "tbx-structure", error,                                                    \
    "a TBX document breaks the structure of TBX or of its dialect")                           \
  X(invalid_value, "invalid-value", warning,                                                  \
    "a value outside the values its data category or XCS allows")

/// Names the rules in code; compare diagnostics by it (Diagnostic::is()).
enum class RuleId : std::uint8_t {
#define TERMGRAPH_RULE_ENUM(name, id, severity, summary) name,
  TERMGRAPH_RULE_TABLE(TERMGRAPH_RULE_ENUM)
#undef TERMGRAPH_RULE_ENUM
};

/// How many rules there are.
inline constexpr std::size_t rule_count = 0
#define TERMGRAPH_RULE_COUNT(name, id, severity, summary) +1
    TERMGRAPH_RULE_TABLE(TERMGRAPH_RULE_COUNT)
#undef TERMGRAPH_RULE_COUNT
    ;

/// A check termgraph makes (one row of TERMGRAPH_RULE_TABLE).
struct Rule {
  /// The rule in code.
  RuleId code = RuleId::xml_syntax;
  /// The id printed in reports ("dangling-reference").
  std::string_view id;
  /// The severity unless DiagnosticOptions says otherwise.
  Severity severity = Severity::error;
  /// One line: what the rule finds.
  std::string_view summary;
  /// Where the rule is documented: "rules.md#" followed by the id.
  std::string_view anchor;
};

/// A secondary place that explains a diagnostic (a step of a cycle, the
/// first definition of a duplicate ...).
struct RelatedLocation {
  /// Where.
  SourceRange range;
  /// What is there ("entry 1.3 first defined here").
  std::string message;
};

/// One finding, with where it is and what it concerns.
struct Diagnostic {
  /// The rule, from the catalogue (rules.hpp); compare with is(), not by
  /// address.
  const Rule* rule = nullptr;
  /// The rule's severity as DiagnosticOptions resolved it.
  Severity severity = Severity::error;
  /// Lower-case, no trailing full stop.
  std::string message;
  /// Where: what a user would change.
  SourceRange range;
  /// Other places that explain it, printed as notes.
  std::vector<RelatedLocation> related;
  /// The entries involved (ids into the vocabulary); for circular-definition
  /// the whole group, in the natural order of their numbers.
  std::vector<EntryId> entries;
  /// The cited number, for dangling-reference.
  std::string target;

  /// The rule's id ("dangling-reference"), or empty without a rule.
  std::string_view rule_id() const noexcept { return rule ? rule->id : std::string_view(); }
  /// True when the diagnostic is of rule `code`.
  bool is(RuleId code) const noexcept { return rule && rule->code == code; }
};

/// Receives diagnostics (as clang's DiagnosticConsumer): the text and JSON
/// writers of report.hpp are consumers, and so can a caller's own class be.
/// Each delivery is begin(), handle() per diagnostic in report order, end().
class TERMGRAPH_API DiagnosticConsumer {
public:
  virtual ~DiagnosticConsumer();
  /// A delivery starts; `vocabulary` names the files and holds the entries
  /// that diagnostics refer to, and outlives the delivery.
  virtual void begin(const Vocabulary& vocabulary);
  /// One diagnostic.
  virtual void handle(const Diagnostic& diagnostic) = 0;
  /// The delivery is complete.
  virtual void end();
};

/// How diagnostics are reported: a severity per rule (the rule's default
/// unless set), rules turned off, and an optional consumer.
struct TERMGRAPH_API DiagnosticOptions {
  /// Reports diagnostics of `rule` with `severity`.
  void set_severity(RuleId rule, Severity severity) noexcept;
  /// Drops every diagnostic of `rule`.
  void turn_off(RuleId rule) noexcept;
  /// The severity diagnostics of `rule` get, or nullopt when it is off.
  [[nodiscard]] std::optional<Severity> severity(RuleId rule) const noexcept;

  /// Receives every diagnostic kept, in report order, when the step that
  /// found it (loading, analysis) is complete; may be null. Not owned.
  DiagnosticConsumer* consumer = nullptr;

private:
  enum : std::uint8_t { by_default = 0xFE, off = 0xFF };
  std::array<std::uint8_t, rule_count> levels_ = make_defaults();
  static constexpr std::array<std::uint8_t, rule_count> make_defaults() noexcept {
    std::array<std::uint8_t, rule_count> a{};
    for (std::uint8_t& x : a) x = by_default;
    return a;
  }
};

}  // namespace termgraph
