// The analysis driver: one declared order of passes over the frozen model,
// each skippable; then the consumer's view of the references is assembled
// from the resolution record, and the diagnostics go through the engine.
#include "load/analyse.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <exception>
#include <iterator>
#include <memory>
#include <mutex>
#include <thread>
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

/// What a pass may use besides the model.
struct PassContext {
  /// The diagnostics of reading.
  const std::vector<Diagnostic>& loading;
  /// The threads the pass may use (AnalysisOptions::threads, resolved).
  unsigned threads;
};

/// One pass: what it is, what must have run before it, and its work.
struct PassStep {
  Pass pass;
  std::string_view name;
  /// A pass this one reads the records of, or itself when none.
  Pass needs;
  /// Reads the model (and what `context` gives), adds its findings to
  /// `found`.
  void (*run)(Impl& impl, const PassContext& context, std::vector<Diagnostic>& found);
};

using Found = std::vector<Diagnostic>;

/// The passes in the order they run.
const PassStep pipeline[] = {
    {Pass::entry_index, "entry-index", Pass::entry_index,
     [](Impl& impl, const PassContext&, Found& found) { build_entry_indexes(impl, found); }},
    {Pass::term_index, "term-index", Pass::term_index,
     [](Impl& impl, const PassContext&, Found&) { build_term_index(impl); }},
    {Pass::resolution, "resolution", Pass::entry_index,
     [](Impl& impl, const PassContext& context, Found& found) {
       resolve_references(impl, found, context.threads);
     }},
    {Pass::graph, "graph", Pass::resolution,
     [](Impl& impl, const PassContext&, Found& found) { build_graph(impl, found); }},
    {Pass::entry_checks, "entry-checks", Pass::term_index,
     [](Impl& impl, const PassContext&, Found& found) { check_entries(impl, found); }},
    {Pass::structure, "structure", Pass::structure,
     [](Impl& impl, const PassContext&, Found& found) { check_structure(impl, found); }},
    {Pass::text_checks, "text-checks", Pass::text_checks,
     [](Impl& impl, const PassContext& context, Found& found) {
       check_text(impl, context.loading, found);
     }},
    {Pass::writing, "writing", Pass::writing,
     [](Impl& impl, const PassContext&, Found& found) { check_writing(impl, found); }},
};

/// Whether `pass` runs on the second thread (when there is one): the
/// passes that write nothing another pass reads. The others (the indexes,
/// resolution and the graph, each reading what the one before wrote) run on
/// the calling thread in pipeline order.
bool runs_beside(Pass pass) {
  return pass == Pass::structure || pass == Pass::text_checks || pass == Pass::entry_checks ||
         pass == Pass::writing;
}

/// The pass of the calling thread whose records a pass of the second
/// thread reads, and so waits for; the pass itself when none.
Pass waits_for(Pass pass) {
  switch (pass) {
    case Pass::entry_checks:
      return Pass::term_index;  // equal folded keys, adjacent in the term index
    case Pass::writing:
      return Pass::resolution;  // where each reference's target is written
    default:
      return pass;  // the frozen model only
  }
}

void run_passes(Impl& impl, std::vector<Diagnostic>& diagnostics, const std::vector<Pass>& skip,
                unsigned threads) {
  // Which passes run: not skipped, and what they read was made.
  std::vector<const PassStep*> steps;
  std::vector<Pass> done;
  for (const PassStep& step : pipeline) {
    const bool skipped = std::find(skip.begin(), skip.end(), step.pass) != skip.end();
    const bool ready =
        step.needs == step.pass || std::find(done.begin(), done.end(), step.needs) != done.end();
    if (skipped || !ready) continue;
    steps.push_back(&step);
    done.push_back(step.pass);
  }
  // Each pass reports into a list of its own; the lists are joined in the
  // pipeline's order, so that the findings are those of one thread.
  std::vector<std::vector<Diagnostic>> found(steps.size());
  const PassContext context{diagnostics, threads};
  // A second thread where there is enough work to share: for a small
  // vocabulary, starting it costs more than the passes it would take.
  constexpr std::size_t enough_entries = 1000;
  if (threads > 1 && impl.entries.size() >= enough_entries) {
    // The calling thread tells which of its passes are over (or that it
    // failed); the second thread waits for those it reads.
    std::mutex mutex;
    std::condition_variable over;
    std::vector<Pass> finished;  // guarded by `mutex`
    bool failed = false;         // guarded by `mutex`
    auto finish = [&](Pass pass, bool failure) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        finished.push_back(pass);
        failed = failed || failure;
      }
      over.notify_all();
    };
    // False when the calling thread failed before `pass` was over.
    auto wait = [&](Pass pass) {
      const bool runs = std::any_of(steps.begin(), steps.end(),
                                    [pass](const PassStep* s) { return s->pass == pass; });
      std::unique_lock<std::mutex> lock(mutex);
      over.wait(lock, [&] {
        return failed || !runs ||
               std::find(finished.begin(), finished.end(), pass) != finished.end();
      });
      return !failed || std::find(finished.begin(), finished.end(), pass) != finished.end();
    };
    std::exception_ptr failure;
    std::thread beside([&] {
      try {
        for (std::size_t i = 0; i < steps.size(); ++i) {
          if (!runs_beside(steps[i]->pass)) continue;
          const Pass before = waits_for(steps[i]->pass);
          if (before != steps[i]->pass && !wait(before)) return;
          steps[i]->run(impl, context, found[i]);
        }
      } catch (...) {
        failure = std::current_exception();  // out of memory: rethrown below
      }
    });
    try {
      for (std::size_t i = 0; i < steps.size(); ++i) {
        if (runs_beside(steps[i]->pass)) continue;
        steps[i]->run(impl, context, found[i]);
        finish(steps[i]->pass, false);
      }
    } catch (...) {
      finish(Pass::entry_index, true);
      beside.join();
      throw;
    }
    beside.join();
    if (failure) std::rethrow_exception(failure);
  } else {
    for (std::size_t i = 0; i < steps.size(); ++i) steps[i]->run(impl, context, found[i]);
  }
  std::size_t total = diagnostics.size();
  for (const auto& list : found) total += list.size();
  diagnostics.reserve(total);
  for (auto& list : found) {
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(list.begin()),
                       std::make_move_iterator(list.end()));
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

unsigned analysis_threads(unsigned asked) {
  return asked != 0 ? asked : std::max(1U, std::thread::hardware_concurrency());
}

void finish_loading(LoadResult& result, const AnalysisOptions& options) {
  const unsigned threads = analysis_threads(options.threads);
  if (options.run) {
    Impl& impl = own_impl(result.vocabulary);
    run_passes(impl, result.diagnostics, options.skip, threads);
    assemble_reference_view(impl);
  }
  deliver(result, 0, options.diagnostics, complete(options));
}

bool analyse(LoadResult& result, const AnalysisOptions& options) {
  const Impl& impl = VocabularyAccess::impl(result.vocabulary);
  if (impl.analysed || !VocabularyAccess::sole_owner(result.vocabulary)) return false;
  const std::size_t first = result.diagnostics.size();
  Impl& own = own_impl(result.vocabulary);
  run_passes(own, result.diagnostics, options.skip, analysis_threads(options.threads));
  assemble_reference_view(own);
  deliver(result, first, options.diagnostics, options.skip.empty());
  return true;
}

}  // namespace termgraph
