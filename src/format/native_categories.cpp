#include "format/native_categories.hpp"

#include <iterator>

namespace termgraph::native_categories {

namespace {

constexpr Named named_elements[] = {
    {"subject-field", CategoryElement::descrip, "subjectField"},
    {"gender", CategoryElement::term_note, "grammaticalGender"},
    {"grammatical-number", CategoryElement::term_note, "grammaticalNumber"},
    {"geographical-usage", CategoryElement::term_note, "geographicalUsage"},
    {"usage-note", CategoryElement::term_note, "usageNote"},
    {"term-location", CategoryElement::term_note, "termLocation"},
    {"customer-subset", CategoryElement::admin, "customerSubset"},
    {"project-subset", CategoryElement::admin, "projectSubset"},
    {"transaction", CategoryElement::transac, "transactionType"},
    {"date", CategoryElement::date, ""},
    {"responsibility", CategoryElement::transac_note, "responsibility"},
};

constexpr CategoryElement elements[] = {
    CategoryElement::descrip,      CategoryElement::descrip_note, CategoryElement::admin,
    CategoryElement::admin_note,   CategoryElement::term_note,    CategoryElement::note,
    CategoryElement::ref,          CategoryElement::xref,         CategoryElement::transac,
    CategoryElement::transac_note, CategoryElement::date,
};

}  // namespace

const Named* named_element(std::string_view name) noexcept {
  for (const Named& n : named_elements) {
    if (n.name == name) return &n;
  }
  return nullptr;
}

const Named* named_element(CategoryElement element, std::string_view type) noexcept {
  for (const Named& n : named_elements) {
    if (n.element == element && n.type == type) return &n;
  }
  return nullptr;
}

std::optional<CategoryElement> element_named(std::string_view name) noexcept {
  for (CategoryElement e : elements) {
    if (to_string(e) == name) return e;
  }
  return std::nullopt;
}

std::string_view block_element(BlockKind kind) noexcept {
  return kind == BlockKind::cross_reference ? std::string_view("cross-reference") : to_string(kind);
}

std::optional<BlockKind> block_kind(std::string_view name) noexcept {
  for (BlockKind k : {BlockKind::definition, BlockKind::note, BlockKind::example, BlockKind::source,
                      BlockKind::cross_reference}) {
    if (block_element(k) == name) return k;
  }
  return std::nullopt;
}

CategoryElement default_element(BlockKind kind) noexcept {
  switch (kind) {
    case BlockKind::definition:
    case BlockKind::example:
      return CategoryElement::descrip;
    case BlockKind::note:
      return CategoryElement::note;
    case BlockKind::source:
      return CategoryElement::admin;
    case BlockKind::cross_reference:
      return CategoryElement::ref;
  }
  return CategoryElement::note;
}

std::string_view default_type(BlockKind kind, CategoryElement element) noexcept {
  switch (kind) {
    case BlockKind::definition:
      return "definition";
    case BlockKind::example:
      return "context";
    case BlockKind::source:
      return "source";
    case BlockKind::cross_reference:
      return "crossReference";
    case BlockKind::note:
      return element == CategoryElement::note ? std::string_view() : std::string_view("note");
  }
  return {};
}

}  // namespace termgraph::native_categories
