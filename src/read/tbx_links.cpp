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

}  // namespace

bool links_entries(sv element, sv category, sv target) noexcept {
  if (element == "ref" || category == "crossReference") return true;
  if (target.empty()) return false;
  for (sv r : relations) {
    if (category == r) return true;
  }
  return false;
}

}  // namespace termgraph::tbx_links
