#include "termgraph/model.hpp"

#include "termgraph/diagnostic.hpp"
#include "text/language.hpp"

namespace termgraph {

std::string_view to_string(Status s) noexcept {
  switch (s) {
    case Status::preferred:
      return "preferred";
    case Status::admitted:
      return "admitted";
    case Status::deprecated:
      return "deprecated";
  }
  return "preferred";
}

std::string_view to_string(TermKind k) noexcept {
  switch (k) {
    case TermKind::full_form:
      return "full-form";
    case TermKind::abbreviation:
      return "abbreviation";
    case TermKind::symbol:
      return "symbol";
    case TermKind::other:
      return "other";
  }
  return "other";
}

std::string_view to_string(BlockKind k) noexcept {
  switch (k) {
    case BlockKind::definition:
      return "definition";
    case BlockKind::note:
      return "note";
    case BlockKind::example:
      return "example";
    case BlockKind::source:
      return "source";
  }
  return "definition";
}

std::string_view to_string(Severity s) noexcept {
  switch (s) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

const Designation* LanguageSection::preferred() const noexcept {
  for (const Designation& d : designations) {
    if (d.status == Status::preferred) return &d;
  }
  return nullptr;
}

const LanguageSection* Entry::section(std::string_view language) const noexcept {
  for (const LanguageSection& s : languages) {
    if (s.language == language) return &s;
  }
  // The same tag written otherwise ("en-gb" for "en-GB"): compared in
  // canonical form, as everywhere (text/language.hpp).
  try {
    for (const LanguageSection& s : languages) {
      if (language::same(s.language, language)) return &s;
    }
  } catch (...) {
    // Out of memory while canonicalising: no section.
  }
  return nullptr;
}

const Designation* Entry::preferred() const noexcept {
  for (const LanguageSection& s : languages) {
    if (const Designation* d = s.preferred()) return d;
  }
  return nullptr;
}

}  // namespace termgraph
