#include "read/tbx_links.hpp"

namespace termgraph::tbx_links {

namespace {

using sv = std::string_view;

/// Relations between concepts or terms that TBX carries with a target (ISO
/// 12620 names as TBX uses them), and `see`.
constexpr sv relations[] = {
    "see",
    "relatedConcept",
    "relatedConceptBroader",
    "relatedConceptNarrower",
    "associatedConcept",
    "broaderConceptGeneric",
    "broaderConceptPartitive",
    "subordinateConceptGeneric",
    "subordinateConceptPartitive",
    "superordinateConceptGeneric",
    "superordinateConceptPartitive",
    "coordinateConceptGeneric",
    "coordinateConceptPartitive",
    "sequentiallyRelatedConcept",
    "spatiallyRelatedConcept",
    "temporallyRelatedConcept",
    "antonymConcept",
    "antonymTerm",
    "relatedTerm",
    "homograph",
    "falseFriend",
};

bool name_char_end(char c) noexcept {
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// The offset just past the '>' that ends the tag whose name starts at
/// `i` (quotes respected), or npos.
std::size_t tag_end(sv raw, std::size_t i) noexcept {
  char quote = 0;
  for (; i < raw.size(); ++i) {
    const char c = raw[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return sv::npos;
}

}  // namespace

bool links_entries(sv element, sv category, sv target) noexcept {
  if (element == "ref" || category == "crossReference") return true;
  if (target.empty()) return false;
  for (sv r : relations) {
    if (category == r) return true;
  }
  return false;
}

std::size_t element_end(sv raw, std::size_t name_offset, sv qname) noexcept {
  if (name_offset == 0 || name_offset > raw.size() || raw[name_offset - 1] != '<' ||
      qname.empty()) {
    return name_offset;
  }
  std::size_t i = tag_end(raw, name_offset);
  if (i == sv::npos) return name_offset;
  if (raw[i - 2] == '/') return i;  // <ref ... />
  std::size_t depth = 1;
  while (i < raw.size()) {
    const std::size_t lt = raw.find('<', i);
    if (lt == sv::npos) break;
    if (raw.compare(lt, 4, "<!--") == 0) {
      const std::size_t e = raw.find("-->", lt + 4);
      if (e == sv::npos) break;
      i = e + 3;
      continue;
    }
    if (raw.compare(lt, 9, "<![CDATA[") == 0) {
      const std::size_t e = raw.find("]]>", lt + 9);
      if (e == sv::npos) break;
      i = e + 3;
      continue;
    }
    const bool closing = lt + 1 < raw.size() && raw[lt + 1] == '/';
    const std::size_t name = lt + (closing ? 2 : 1);
    const bool same = raw.compare(name, qname.size(), qname) == 0 &&
                      name + qname.size() < raw.size() && name_char_end(raw[name + qname.size()]);
    const std::size_t end = tag_end(raw, name);
    if (end == sv::npos) break;
    if (same && closing) {
      if (--depth == 0) return end;
    } else if (same && raw[end - 2] != '/') {
      ++depth;
    }
    i = end;
  }
  return name_offset;
}

}  // namespace termgraph::tbx_links
