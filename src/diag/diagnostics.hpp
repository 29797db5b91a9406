// Internal: making diagnostics.
#pragma once

#include <string>

#include "termgraph/diagnostic.hpp"

namespace termgraph {

/// A diagnostic of `rule` at `range` with the rule's default severity.
Diagnostic make_diagnostic(const Rule& rule, const SourceRange& range, std::string message);

}  // namespace termgraph
