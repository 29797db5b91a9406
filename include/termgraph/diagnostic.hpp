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

/// Sets of default severities. A profile says which rules apply and how
/// serious their findings are for a kind of document: `iso` for terms
/// clauses and vocabularies written after ISO 10241-1 and the ISO/IEC
/// Directives, Part 2 (every language section defined, writing rules on),
/// `termbase` for translation termbases (definitions optional, homographs
/// of different concepts allowed, writing rules off). Each file gets the
/// profile of its format (default_profile()) unless one is chosen.
enum class Profile : std::uint8_t { iso, termbase };

/// "iso" or "termbase".
TERMGRAPH_API std::string_view to_string(Profile p) noexcept;

/// A rule's default in one profile: a severity, or off (not reported unless
/// turned on).
enum class Level : std::uint8_t { note, warning, error, off };

/// The rule catalogue, the one place every rule is spelt: X(name, id, level
/// under the iso profile, level under the termbase profile, summary) per
/// rule, in the order of docs/rules.md, which gives each rule's rationale
/// under a heading named by its id. RuleId, the rules:: constants and
/// rules::all() are generated from it.
#define TERMGRAPH_RULE_TABLE(X)                                                                    \
  X(xml_syntax, "xml-syntax", error, error, "the input is not well-formed XML")                    \
  X(csv_syntax, "csv-syntax", error, error, "the input is not well-formed CSV (RFC 4180)")         \
  X(invalid_encoding, "invalid-encoding", error, error,                                            \
    "the bytes are not valid in the input's encoding")                                             \
  X(invalid_character, "invalid-character", error, error,                                          \
    "a character XML forbids, written out or as a character reference")                            \
  X(unknown_format, "unknown-format", error, error,                                                \
    "the input is in none of the term formats termgraph reads")                                    \
  X(unreadable_input, "unreadable-input", error, error,                                            \
    "an input file or directory cannot be read")                                                   \
  X(empty_input, "empty-input", error, error, "an input yields no term entries")                   \
  X(tbx_structure, "tbx-structure", error, error,                                                  \
    "a TBX document breaks the structure of TBX or of its dialect")                                \
  X(invalid_value, "invalid-value", warning, warning,                                              \
    "a value outside the values its data category or XCS allows")                                  \
  X(unsupported_content, "unsupported-content", warning, warning,                                  \
    "content the model does not cover, left out of the vocabulary")                                \
  X(unknown_data_category, "unknown-data-category", note, note,                                    \
    "a TBX data category the reader does not know by name, kept as written")                       \
  X(duplicate_number, "duplicate-number", error, error, "two entries carry the same number")       \
  X(numbering_order, "numbering-order", warning, off,                                              \
    "entry numbers out of sequence, or a gap in the sequence")                                     \
  X(duplicate_term, "duplicate-term", warning, off,                                                \
    "two entries have the same preferred term in one language")                                    \
  X(missing_preferred_term, "missing-preferred-term", warning, note,                               \
    "a language section of an entry has no preferred term")                                        \
  X(missing_definition, "missing-definition", warning, off,                                        \
    "an entry has no definition in any language")                                                  \
  X(missing_definition_in_language, "missing-definition-in-language", warning, off,                \
    "a language section has no definition while another language has one")                         \
  X(missing_language, "missing-language", warning, off,                                            \
    "an entry has no section in a language the vocabulary declares")                               \
  X(invalid_language_tag, "invalid-language-tag", warning, warning,                                \
    "a language tag that is not well-formed BCP 47")                                               \
  X(empty_element, "empty-element", warning, warning,                                              \
    "a term, definition, note, example or source with no text")                                    \
  X(whitespace, "whitespace", warning, warning, "a term with leading, trailing or doubled spaces") \
  X(not_nfc, "not-nfc", warning, warning, "text that is not in Unicode normalisation form C")      \
  X(definition_starts_with_article, "definition-starts-with-article", warning, off,                \
    "a definition that starts with an article")                                                    \
  X(definition_ends_with_full_stop, "definition-ends-with-full-stop", warning, off,                \
    "a definition that ends with a full stop")                                                     \
  X(definition_capitalised, "definition-capitalised", warning, off,                                \
    "a definition that starts with a capital letter")                                              \
  X(definition_repeats_term, "definition-repeats-term", warning, off,                              \
    "a definition that repeats the term it defines")                                               \
  X(note_label, "note-label", warning, off,                                                        \
    "a note that carries its own label, or a misnumbered one")                                     \
  X(dangling_reference, "dangling-reference", error, error,                                        \
    "a reference cites an entry number that does not exist")                                       \
  X(unnumbered_reference, "unnumbered-reference", warning, warning,                                \
    "an entailed term with no target that resolves")                                               \
  X(reference_number_mismatch, "reference-number-mismatch", warning, warning,                      \
    "a reference whose markup target and written number disagree")                                 \
  X(label_mismatch, "label-mismatch", warning, warning,                                            \
    "a reference's text names none of the cited entry's terms")                                    \
  X(deprecated_term_cited, "deprecated-term-cited", warning, warning,                              \
    "a reference cites an entry by one of its deprecated terms")                                   \
  X(self_reference, "self-reference", warning, warning, "an entry cites itself")                   \
  X(circular_definition, "circular-definition", warning, warning,                                  \
    "definitions that cite each other in a cycle")                                                 \
  X(unreferenced_entry, "unreferenced-entry", off, off, "an entry that no other entry cites")      \
  X(unused_suppression, "unused-suppression", warning, warning,                                    \
    "a suppression comment that silences nothing")                                                 \
  X(lossy_conversion, "lossy-conversion", warning, warning,                                        \
    "a data category the output format cannot hold, left out by convert")

/// Names the rules in code; compare diagnostics by it (Diagnostic::is()).
enum class RuleId : std::uint8_t {
#define TERMGRAPH_RULE_ENUM(name, id, iso, termbase, summary) name,
  TERMGRAPH_RULE_TABLE(TERMGRAPH_RULE_ENUM)
#undef TERMGRAPH_RULE_ENUM
};

/// How many rules there are.
inline constexpr std::size_t rule_count = 0
#define TERMGRAPH_RULE_COUNT(name, id, iso, termbase, summary) +1
    TERMGRAPH_RULE_TABLE(TERMGRAPH_RULE_COUNT)
#undef TERMGRAPH_RULE_COUNT
    ;

/// A check termgraph makes (one row of TERMGRAPH_RULE_TABLE).
struct Rule {
  /// The rule in code.
  RuleId code = RuleId::xml_syntax;
  /// The id printed in reports ("dangling-reference").
  std::string_view id;
  /// The severity of its findings when it is on: its level under the iso
  /// profile, else under the termbase profile, else warning.
  Severity severity = Severity::error;
  /// The default under the iso profile.
  Level iso = Level::error;
  /// The default under the termbase profile.
  Level termbase = Level::error;
  /// One line: what the rule finds.
  std::string_view summary;
  /// Where the rule is documented: "rules.md#" followed by the id.
  std::string_view anchor;

  /// The default under `profile`.
  [[nodiscard]] constexpr Level level(Profile profile) const noexcept {
    return profile == Profile::iso ? iso : termbase;
  }
};

/// One change to an input file: the text at `range` (start inclusive, end
/// exclusive; start == end inserts) becomes `replacement`.
struct Edit {
  /// What to replace, in the file range.file; the end must be known.
  SourceRange range;
  /// The new text (UTF-8).
  std::string replacement;
};

/// A mechanical correction of a finding (`termgraph check --fix`).
struct Fix {
  /// What the fix does ("remove the final full stop").
  std::string message;
  /// The edits, in reading order, not overlapping.
  std::vector<Edit> edits;
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
  /// Corrections that settle the finding (rules that have one).
  std::vector<Fix> fixes;

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

/// How diagnostics are reported: the profile, a severity per rule (the
/// profile's default unless set), rules turned on or off, warnings as
/// errors, and an optional consumer.
struct TERMGRAPH_API DiagnosticOptions {
  /// Reports diagnostics of `rule` with `severity` (turns it on).
  void set_severity(RuleId rule, Severity severity) noexcept;
  /// Drops every diagnostic of `rule`.
  void turn_off(RuleId rule) noexcept;
  /// Reports `rule` even where its profile turns it off: with the
  /// profile's severity where it has one, else with Rule::severity.
  void turn_on(RuleId rule) noexcept;
  /// The severity diagnostics of `rule` get in a file read under
  /// `profile` (or under `this->profile` when that is set), or nullopt when
  /// it is off there.
  [[nodiscard]] std::optional<Severity> severity(RuleId rule,
                                                 Profile profile = Profile::iso) const noexcept;

  /// The profile of every file; nullopt: each file's format's
  /// (default_profile()).
  std::optional<Profile> profile;
  /// Report warnings as errors.
  bool warnings_as_errors = false;

  /// Receives every diagnostic kept, in report order, when the step that
  /// found it (loading, analysis) is complete; may be null. Not owned.
  DiagnosticConsumer* consumer = nullptr;

private:
  enum : std::uint8_t { by_default = 0xFD, on = 0xFE, off = 0xFF };
  std::array<std::uint8_t, rule_count> levels_ = make_defaults();
  static constexpr std::array<std::uint8_t, rule_count> make_defaults() noexcept {
    std::array<std::uint8_t, rule_count> a{};
    for (std::uint8_t& x : a) x = by_default;
    return a;
  }
};

}  // namespace termgraph
