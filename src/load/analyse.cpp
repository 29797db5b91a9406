// The analysis driver: one declared order of passes over the frozen model,
// each skippable; then the consumer's view of the references is assembled
// from the resolution record, and the diagnostics go through the engine.
#include "load/analyse.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <memory>
#include <vector>

#include "analysis/checks.hpp"
#include "analysis/graph.hpp"
#include "analysis/resolve.hpp"
#include "analysis/structure.hpp"
#include "analysis/text_checks.hpp"
#include "analysis/writing.hpp"
#include "diag/diagnostics.hpp"
#include "load/suppress.hpp"
#include "lookup/term_index.hpp"
#include "model/impl.hpp"
#include "termgraph/format.hpp"

namespace termgraph {

namespace {

using Impl = Vocabulary::Impl;

/// One pass: what it is, what must have run before it, and its work.
struct PassStep {
  Pass pass;
  std::string_view name;
  /// A pass this one reads the records of, or itself when none.
  Pass needs;
  void (*run)(Impl& impl, std::vector<Diagnostic>& diagnostics);
};

/// The passes in the order they run.
const PassStep pipeline[] = {
    {Pass::entry_index, "entry-index", Pass::entry_index, &build_entry_indexes},
    {Pass::term_index, "term-index", Pass::term_index,
     [](Impl& impl, std::vector<Diagnostic>&) { build_term_index(impl); }},
    {Pass::resolution, "resolution", Pass::entry_index, &resolve_references},
    {Pass::graph, "graph", Pass::resolution, &build_graph},
    {Pass::entry_checks, "entry-checks", Pass::term_index,
     [](Impl& impl, std::vector<Diagnostic>& diagnostics) { check_entries(impl, diagnostics); }},
    {Pass::structure, "structure", Pass::structure,
     [](Impl& impl, std::vector<Diagnostic>& diagnostics) { check_structure(impl, diagnostics); }},
    {Pass::text_checks, "text-checks", Pass::text_checks, &check_text},
    {Pass::writing, "writing", Pass::writing, &check_writing},
};

void run_passes(Impl& impl, std::vector<Diagnostic>& diagnostics, const std::vector<Pass>& skip) {
  std::vector<Pass> done;
  for (const PassStep& step : pipeline) {
    const bool skipped = std::find(skip.begin(), skip.end(), step.pass) != skip.end();
    const bool ready =
        step.needs == step.pass || std::find(done.begin(), done.end(), step.needs) != done.end();
    if (skipped || !ready) continue;
    step.run(impl, diagnostics);
    done.push_back(step.pass);
  }
  impl.analysed = true;
}

/// The references as consumers see them: as read, with what resolution
/// recorded. Element by element: the blocks' spans point into the view.
void assemble_reference_view(Impl& impl) {
  std::copy(impl.references.begin(), impl.references.end(), impl.reference_view.begin());
  if (impl.resolutions.size() != impl.references.size()) return;
  for (std::size_t i = 0; i < impl.references.size(); ++i) {
    Reference& shown = impl.reference_view[i];
    const Resolution& found = impl.resolutions[i];
    shown.target = found.target;
    shown.begin = found.begin;
    shown.text = found.text;
    shown.term = found.term;
  }
}

Impl& own_impl(const Vocabulary& vocabulary) {
  // The library created this Impl non-const (load_inputs); the caller
  // checked that no one else holds it.
  return const_cast<Impl&>(VocabularyAccess::impl(vocabulary));
}

/// True when every pass ran: only then does a suppression that silenced
/// nothing truly silence nothing.
bool complete(const AnalysisOptions& options) {
  return options.run && options.skip.empty();
}

/// Applies the suppression comments and then the engine to the diagnostics
/// from `first` on, puts them in report order among the others and hands
/// them to the consumer. With `analysed`, the analysis is complete: the
/// suppressions that silenced nothing are reported.
void deliver(LoadResult& result, std::size_t first, const DiagnosticOptions& options,
             bool analysed) {
  std::vector<Diagnostic>& all = result.diagnostics;
  if (VocabularyAccess::sole_owner(result.vocabulary)) {
    Impl& impl = own_impl(result.vocabulary);
    read_suppressions(impl, result.formats);
    apply_suppressions(impl, all, first);
    if (analysed) report_unused_suppressions(impl, all);
  }
  std::vector<Profile> profiles;
  profiles.reserve(result.formats.size());
  for (Format f : result.formats) profiles.push_back(default_profile(f));
  settle_diagnostics(all, first, options, profiles);
  if (DiagnosticConsumer* consumer = options.consumer) {
    consumer->begin(result.vocabulary);
    for (std::size_t i = first; i < all.size(); ++i) consumer->handle(all[i]);
    consumer->end();
  }
  std::inplace_merge(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(first), all.end(),
                     reported_before);
}

}  // namespace

std::string_view to_string(Pass pass) noexcept {
  for (const PassStep& step : pipeline) {
    if (step.pass == pass) return step.name;
  }
  return {};
}

Span<Pass> passes() noexcept {
  // The pipeline's order, as a list of its own.
  static const std::array<Pass, std::size(pipeline)> order = [] {
    std::array<Pass, std::size(pipeline)> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = pipeline[i].pass;
    return out;
  }();
  return {order.data(), order.size()};
}

void finish_loading(LoadResult& result, const AnalysisOptions& options) {
  if (options.run) {
    Impl& impl = own_impl(result.vocabulary);
    run_passes(impl, result.diagnostics, options.skip);
    assemble_reference_view(impl);
  }
  deliver(result, 0, options.diagnostics, complete(options));
}

bool analyse(LoadResult& result, const AnalysisOptions& options) {
  const Impl& impl = VocabularyAccess::impl(result.vocabulary);
  if (impl.analysed || !VocabularyAccess::sole_owner(result.vocabulary)) return false;
  const std::size_t first = result.diagnostics.size();
  Impl& own = own_impl(result.vocabulary);
  run_passes(own, result.diagnostics, options.skip);
  assemble_reference_view(own);
  deliver(result, first, options.diagnostics, options.skip.empty());
  return true;
}

}  // namespace termgraph
