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
    case BlockKind::cross_reference:
      return "cross-reference";
  }
  return "definition";
}

std::string_view to_string(CategoryLevel l) noexcept {
  switch (l) {
    case CategoryLevel::entry:
      return "entry";
    case CategoryLevel::language:
      return "language";
    case CategoryLevel::term:
      return "term";
  }
  return "entry";
}

std::string_view to_string(CategoryElement e) noexcept {
  switch (e) {
    case CategoryElement::descrip:
      return "descrip";
    case CategoryElement::descrip_note:
      return "descripNote";
    case CategoryElement::admin:
      return "admin";
    case CategoryElement::admin_note:
      return "adminNote";
    case CategoryElement::term_note:
      return "termNote";
    case CategoryElement::note:
      return "note";
    case CategoryElement::ref:
      return "ref";
    case CategoryElement::xref:
      return "xref";
    case CategoryElement::transac:
      return "transac";
    case CategoryElement::transac_note:
      return "transacNote";
    case CategoryElement::date:
      return "date";
  }
  return "note";
}

const DataCategory* DataCategory::detail(CategoryElement e, std::string_view t) const noexcept {
  for (const DataCategory& d : details) {
    if (d.element == e && (t.empty() || d.type == t)) return &d;
  }
  return nullptr;
}

std::string_view category_value(Span<DataCategory> categories, std::string_view type) noexcept {
  for (const DataCategory& c : categories) {
    if (c.type == type) return c.value;
  }
  return {};
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
