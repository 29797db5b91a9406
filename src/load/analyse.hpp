// Internal: the analysis driver, called by loading. It lives with loading
// because it runs passes of two stages (analysis/ and the lookup indexes).
#pragma once

#include "termgraph/analysis.hpp"
#include "termgraph/load.hpp"

namespace termgraph {

/// Completes a freshly loaded `result`, whose vocabulary the caller holds
/// alone: runs the analysis passes unless options.run is false, then hands
/// every diagnostic to the engine (severities, rules turned off, report
/// order, consumer).
void finish_loading(LoadResult& result, const AnalysisOptions& options);

/// The threads to use for `asked` (AnalysisOptions::threads): the
/// hardware's when 0, at least 1.
unsigned analysis_threads(unsigned asked);

}  // namespace termgraph
