// Internal: the XML namespace URIs of the formats termgraph reads and
// writes; spelt once, in namespaces.cpp.
#pragma once

#include <string_view>

namespace termgraph::xml_namespace {

/// The native format (docs/format.md).
extern const std::string_view native;

/// TBX v3 (ISO 30042:2019): the namespace of a `tbx` document's structure.
extern const std::string_view tbx3;

/// The TBX namespace the STS writer declares for its `tbx:` prefix.
extern const std::string_view sts_tbx;

/// True when `uri` is one of the TBX namespaces ISO and NISO STS files put
/// their `tbx:` terms markup in (TBX 2008 as ed-1, its v1 variant, TBX v3).
bool is_sts_tbx(std::string_view uri);

}  // namespace termgraph::xml_namespace
