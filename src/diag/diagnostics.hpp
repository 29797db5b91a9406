// Internal: making diagnostics, and the engine that settles them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "termgraph/diagnostic.hpp"

namespace termgraph {

/// A diagnostic of `rule` at `range` with the rule's default severity.
Diagnostic make_diagnostic(const Rule& rule, const SourceRange& range, std::string message);

/// Report order: by file, line and column.
bool reported_before(const Diagnostic& a, const Diagnostic& b) noexcept;

/// The engine: for the diagnostics from `first` on, drops those of rules
/// turned off in `options`, gives the others the severity `options` resolves
/// for their rule under the profile of their file (`profiles`, indexed by
/// FileId; iso beyond it), and sorts them in report order (ties keep their
/// order).
void settle_diagnostics(std::vector<Diagnostic>& diagnostics, std::size_t first,
                        const DiagnosticOptions& options, const std::vector<Profile>& profiles);

}  // namespace termgraph
