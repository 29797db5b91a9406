// The namespace URIs of the formats: the one place they are spelt.
#include "format/namespaces.hpp"

#include <string_view>

namespace termgraph::xml_namespace {

const std::string_view native = "urn:termgraph:vocabulary:1";
const std::string_view tbx3 = "urn:iso:std:iso:30042:ed-2";
const std::string_view sts_tbx = "urn:iso:std:iso:30042:ed-1";

namespace {

const std::string_view sts_tbx_v1 = "urn:iso:std:iso:30042:ed-1:v1:en";

}  // namespace

bool is_sts_tbx(std::string_view uri) {
  return uri == sts_tbx || uri == sts_tbx_v1 || uri == tbx3;
}

}  // namespace termgraph::xml_namespace
