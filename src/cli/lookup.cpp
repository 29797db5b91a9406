// `termgraph lookup` and `termgraph refs`.
#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "read_vocabulary.hpp"
#include "termgraph/report.hpp"

namespace termgraph::cli {

namespace {

/// How good a kind of match is for lookup, which prints the entries of the
/// best tier only: a number, then terms (exact or folded: homographs of
/// several entries are all printed), then an id, then an inflected form, an
/// abbreviation, a transliteration, then word prefixes. Fuzzy matches are
/// never printed, only suggested.
int tier(MatchKind kind) {
  switch (kind) {
    case MatchKind::number:
      return 0;
    case MatchKind::exact:
    case MatchKind::folded:
      return 1;
    case MatchKind::id:
      return 2;
    case MatchKind::inflected:
      return 3;
    case MatchKind::abbreviation:
      return 4;
    case MatchKind::transliterated:
      return 5;
    case MatchKind::prefix:
      return 6;
    default:
      return 7;
  }
}

/// The entries lookup prints: those of the best tier of Vocabulary::search.
/// Prefix matches are printed when they name one entry only and no
/// designation is a few edits away ("Block" in French starts "blockchain"
/// only, but "bloc" is one edit away: the user may have meant either). Else
/// `near` receives the prefix matches, then the fuzzy ones, as suggestions,
/// and nothing is printed; with neither, `near` stays empty and the closest
/// designations are suggested.
std::vector<TermMatch> matching_entries(const Vocabulary& vocabulary, const LookupOptions& options,
                                        std::vector<TermMatch>& near) {
  SearchOptions search;
  if (!options.language.empty()) search.languages.push_back(options.language);
  search.limit = 0;
  // The kinds of the first three tiers first: they need no index beyond the
  // term index, and when they find anything, the other kinds cannot reach
  // the best tier. Only then are the inflected, abbreviated, transliterated
  // and prefix matches looked for (which build the transliteration of the
  // vocabulary on first use).
  search.kinds = MatchKinds(MatchKind::number)
                     .with(MatchKind::exact)
                     .with(MatchKind::folded)
                     .with(MatchKind::id);
  std::vector<SearchMatch> found = vocabulary.search(options.query, search);
  if (found.empty()) {
    search.kinds = MatchKinds::terms().without(MatchKind::fuzzy);
    found = vocabulary.search(options.query, search);
  }
  std::vector<TermMatch> matches;
  if (found.empty()) return matches;
  const int best = tier(found.front().kind);
  for (const SearchMatch& m : found) {
    if (tier(m.kind) != best) break;
    matches.push_back(TermMatch{m.entry, m.section, m.designation});
  }
  if (best != tier(MatchKind::prefix)) return matches;
  SearchOptions typos = search;
  typos.kinds = MatchKind::fuzzy;
  typos.limit = 5;
  const std::vector<SearchMatch> fuzzy = vocabulary.search(options.query, typos);
  if (matches.size() == 1 && fuzzy.empty()) return matches;
  near = std::move(matches);
  for (const SearchMatch& m : fuzzy) near.push_back(TermMatch{m.entry, m.section, m.designation});
  if (near.size() > 5) near.resize(5);
  return {};
}

/// The tag entries are named in: none without --lang; with it, the tag of
/// the section the library matched the range to ("en" -> "en-GB"): a range
/// may name a tag only by its prefix.
std::string_view naming_language(const LookupOptions& options, const TermMatch& match) {
  if (options.language.empty() || !match.section) return options.language;
  return match.section->language;
}

/// "termgraph: no entry matches 'QUERY'" and the terms it may have meant:
/// `near` (the designations the query starts), else the closest ones.
void report_no_match(const Vocabulary& vocabulary, const std::string& query,
                     const std::vector<TermMatch>& near, std::ostream& err) {
  err << "termgraph: no entry matches '" << query << "'\n";
  std::vector<std::string> seen;
  std::string suggestions;
  for (const TermMatch& m : near.empty() ? vocabulary.closest(query, 5) : near) {
    if (!m.designation) continue;
    std::string term(m.designation->text);
    if (std::find(seen.begin(), seen.end(), term) != seen.end()) continue;
    seen.push_back(term);
    if (!suggestions.empty()) suggestions += ", ";
    suggestions += term;
    if (m.entry < vocabulary.size()) {
      // The entry's number, else an id to look it up by (QUERY takes both).
      const Entry& entry = vocabulary[m.entry];
      if (entry.numbered && !entry.number.empty()) {
        suggestions += " (" + std::string(entry.number) + ')';
      } else if (!entry.ids.empty() || !entry.number.empty()) {
        suggestions += " (id " + std::string(entry.ids.empty() ? entry.number : entry.ids[0]) + ')';
      }
    }
  }
  if (!suggestions.empty()) err << "did you mean: " << suggestions << '\n';
}

/// The sections `lookup` prints: --show's ranges ("all": every section),
/// else --lang's; an entry without any of them is shown in its main
/// language, and says so.
EntryTextOptions shown_sections(const LookupOptions& options) {
  EntryTextOptions text;
  text.fallback = true;
  if (options.show.empty()) {
    if (!options.language.empty()) text.languages.push_back(options.language);
    return text;
  }
  text.languages = show_ranges(options.show);
  return text;
}

void write_heading(std::ostream& out, const Entry& entry, std::string_view language) {
  out << entry.number;
  const std::string_view term = listed_term(entry, language);
  if (!term.empty()) out << ' ' << term;
}

/// One line per cited (or citing) entry and block kind, in reading order.
void write_citations(std::ostream& out, const Vocabulary& vocabulary, Span<Citation> citations,
                     bool outgoing, std::string_view language) {
  std::vector<std::pair<EntryId, BlockKind>> seen;
  for (const Citation& c : citations) {
    const EntryId other = outgoing ? c.to : c.from;
    if (other >= vocabulary.size()) continue;
    const std::pair<EntryId, BlockKind> key{other, c.kind};
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    out << "  ";
    write_heading(out, vocabulary[other], language);
    out << " (" << to_string(c.kind) << ")\n";
  }
  if (seen.empty()) out << "  (none)\n";
}

/// Loads the vocabulary, finds the entries `options` asks for and passes
/// them to `handle(vocabulary, matches)`, whose status it returns. When
/// nothing was read, there is no lookup to make: the reasons are printed,
/// each once, and the status is exit_usage.
template <typename Handle>
int with_matches(const LookupOptions& options, std::ostream& err, Handle handle) {
  const std::optional<LoadResult> loaded =
      read_vocabulary(options.vocab, options.diagnostics, "look up", err);
  if (!loaded) return exit_usage;
  const Vocabulary& vocabulary = loaded->vocabulary;
  std::vector<TermMatch> near;
  const std::vector<TermMatch> matches = matching_entries(vocabulary, options, near);
  return handle(vocabulary, matches, near);
}

/// Prints each match with `print`, separated by blank lines; with none,
/// says so and suggests near terms.
template <typename Print>
int print_matches(const LookupOptions& options, std::ostream& out, std::ostream& err, Print print) {
  return with_matches(options, err,
                      [&](const Vocabulary& vocabulary, const std::vector<TermMatch>& matches,
                          const std::vector<TermMatch>& near) {
                        if (matches.empty()) {
                          report_no_match(vocabulary, options.query, near, err);
                          return int{exit_findings};
                        }
                        bool first = true;
                        for (const TermMatch& match : matches) {
                          if (!first) out << '\n';
                          first = false;
                          print(vocabulary, match);
                        }
                        return int{exit_ok};
                      });
}

}  // namespace

std::vector<std::string> show_ranges(const std::string& show) {
  std::vector<std::string> ranges;
  if (show == "all") return ranges;
  std::string_view rest = show;
  while (true) {
    const std::size_t comma = rest.find(',');
    std::string_view range = rest.substr(0, comma);
    while (!range.empty() && range.front() == ' ') range.remove_prefix(1);
    while (!range.empty() && range.back() == ' ') range.remove_suffix(1);
    if (range.empty()) throw UsageError("--show: empty language range in '" + show + "'");
    if (range == "all") throw UsageError("--show: 'all' cannot be combined with language ranges");
    ranges.emplace_back(range);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return ranges;
}

int run_lookup(const LookupOptions& options, std::ostream& out, std::ostream& err) {
  const EntryTextOptions text = shown_sections(options);
  if (options.format == "json") {
    // One report holding every match; none: an empty list, and status 1.
    return with_matches(options, err,
                        [&](const Vocabulary& vocabulary, const std::vector<TermMatch>& matches,
                            const std::vector<TermMatch>& near) {
                          out << lookup_json(vocabulary, matches, options.query, options.language,
                                             text.languages)
                              << '\n';
                          if (!matches.empty()) return int{exit_ok};
                          report_no_match(vocabulary, options.query, near, err);
                          return int{exit_findings};
                        });
  }
  return print_matches(options, out, err, [&](const Vocabulary& vocabulary, const TermMatch& m) {
    const Entry& entry = vocabulary[m.entry];
    // Read from several files the user named, an entry says which, as
    // compilers do (the bundled vocabulary's files are not the user's).
    if (!options.vocab.empty() && vocabulary.files().size() > 1) {
      out << format_location(vocabulary, entry.range) << '\n';
    }
    write_entry(out, vocabulary, entry, text);
  });
}

int run_refs(const LookupOptions& options, std::ostream& out, std::ostream& err) {
  if (options.format == "json") {
    // One report holding every match; none: an empty list, and status 1.
    return with_matches(options, err,
                        [&](const Vocabulary& vocabulary, const std::vector<TermMatch>& matches,
                            const std::vector<TermMatch>& near) {
                          out << refs_json(vocabulary, matches, options.query, options.language)
                              << '\n';
                          if (!matches.empty()) return int{exit_ok};
                          report_no_match(vocabulary, options.query, near, err);
                          return int{exit_findings};
                        });
  }
  return print_matches(options, out, err, [&](const Vocabulary& vocabulary, const TermMatch& m) {
    const EntryId id = m.entry;
    const std::string_view language = naming_language(options, m);
    write_heading(out, vocabulary[id], language);
    out << "\ncites:\n";
    write_citations(out, vocabulary, vocabulary.cites(id), true, language);
    out << "cited by:\n";
    write_citations(out, vocabulary, vocabulary.cited_by(id), false, language);
    out << "prerequisites (read first):\n";
    const std::vector<Prerequisite> prerequisites = vocabulary.prerequisites(id);
    for (const Prerequisite& p : prerequisites) {
      if (p.entry >= vocabulary.size()) continue;
      out << "  ";
      write_heading(out, vocabulary[p.entry], language);
      if (p.cycle) out << " (cycle)";
      out << '\n';
    }
    if (prerequisites.empty()) out << "  (none)\n";
  });
}

}  // namespace termgraph::cli
