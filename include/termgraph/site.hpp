// termgraph: a vocabulary as a static HTML site (a glossary in ISO layout,
// indexes, the findings of check, circular definitions as pictures, search
// as you type), to be opened from the file system without a server.
#pragma once

#include "termgraph/export.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/diagnostic.hpp"
#include "termgraph/vocabulary.hpp"

namespace termgraph {

/// How write_site() builds the site.
struct SiteOptions {
  /// The language ranges whose sections are shown and indexed (BCP 47
  /// ranges matched as alphabetical_index() matches them: "en" shows "en"
  /// and "en-GB"; "fr-FR" on a vocabulary in "fr" shows "fr"); empty: every
  /// language.
  std::vector<std::string> languages;
  /// The site's title; empty: the vocabulary's own (Vocabulary::title()),
  /// else "Vocabulary".
  std::string title;
  /// Entries per page of entries (in reading order); at least 1.
  std::size_t entries_per_page = 200;
  /// Lines per page of an index (alphabetical, systematic) and findings
  /// per page of findings; at least 1.
  std::size_t lines_per_page = 2000;
  /// Draw each entry's neighbourhood (what it cites, what cites it) as an
  /// inline SVG picture under the entry.
  bool pictures = true;
  /// Threads that build pages of entries at once; 0: as many as there are
  /// cores. The files reach the sink in order, on the calling thread, and
  /// are the same whatever the number.
  unsigned threads = 0;
};

/// What write_site() wrote.
struct SiteSummary {
  /// Paths of the files written, relative to the site's directory, in the
  /// order written.
  std::vector<std::string> files;
  /// The largest file's size in bytes.
  std::size_t largest_file = 0;
  /// Pages of entries.
  std::size_t entry_pages = 0;
  /// Pages of findings.
  std::size_t finding_pages = 0;
};

/// Receives each file of the site: its path relative to the site's
/// directory ("index.html", "search/a.js") and its whole content.
using SiteFileSink = std::function<void(std::string_view path, std::string_view content)>;

/// Builds the static site of `vocabulary` and hands every file to `sink`.
/// `findings` are the diagnostics to show (LoadResult::diagnostics): each is
/// listed on the findings pages and linked from the entries it concerns.
///
/// The site: `index.html` (contents and search), `entries-N.html` (every
/// entry in ISO layout with a stable anchor, `#entry-<number>`: resolved
/// references are links, dangling ones marked, "cited by" back-links, the
/// entry's findings, its neighbourhood as SVG), `systematic-N.html` (entries
/// in number order), `alphabetical-<lang>-N.html` (one index per language,
/// in that language's collation order), `findings-N.html`, `cycles.html`
/// (every circular definition, drawn), `search/*.js` (the prebuilt search
/// index, terms folded as Vocabulary::fold folds them, split by first
/// letter), `assets/site.css` and `assets/search.js`. Every text that comes
/// from the input is escaped; the output depends only on the inputs (same
/// vocabulary and findings, same bytes).
TERMGRAPH_API SiteSummary write_site(const Vocabulary& vocabulary,
                                     const std::vector<Diagnostic>& findings,
                                     const SiteOptions& options, const SiteFileSink& sink);

}  // namespace termgraph
