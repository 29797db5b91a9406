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

/// The matching entries, each once (its best match), in the order lookup()
/// ranks them.
std::vector<TermMatch> matching_entries(const Vocabulary& vocabulary,
                                        const LookupOptions& options) {
  std::vector<TermMatch> matches;
  for (const TermMatch& m : vocabulary.lookup(options.query, options.language)) {
    const bool seen = std::any_of(matches.begin(), matches.end(),
                                  [&m](const TermMatch& k) { return k.entry == m.entry; });
    if (!seen) matches.push_back(m);
  }
  return matches;
}

/// The tag entries are named in: none without --lang; with it, the tag of
/// the section the library matched the range to ("en" -> "en-GB"): a range
/// may name a tag only by its prefix.
std::string_view naming_language(const LookupOptions& options, const TermMatch& match) {
  if (options.language.empty() || !match.section) return options.language;
  return match.section->language;
}

/// "termgraph: no entry matches 'QUERY'" and the closest terms.
void report_no_match(const Vocabulary& vocabulary, const std::string& query, std::ostream& err) {
  err << "termgraph: no entry matches '" << query << "'\n";
  std::vector<std::string> seen;
  std::string suggestions;
  for (const TermMatch& m : vocabulary.closest(query, 5)) {
    if (!m.designation) continue;
    std::string term(m.designation->text);
    if (std::find(seen.begin(), seen.end(), term) != seen.end()) continue;
    seen.push_back(term);
    if (!suggestions.empty()) suggestions += ", ";
    suggestions += term;
    if (m.entry < vocabulary.size() && vocabulary[m.entry].numbered) {
      suggestions += " (";
      suggestions += vocabulary[m.entry].number;
      suggestions += ')';
    }
  }
  if (!suggestions.empty()) err << "did you mean: " << suggestions << '\n';
}

/// The term an entry is listed under: its preferred term in `language` when
/// it has one, else its first preferred term, else its first designation.
std::string_view term_of(const Entry& entry, std::string_view language) {
  if (!language.empty()) {
    if (const LanguageSection* s = entry.section(language)) {
      if (const Designation* d = s->preferred()) return d->text;
    }
  }
  if (const Designation* d = entry.preferred()) return d->text;
  for (const LanguageSection& s : entry.languages) {
    if (!s.designations.empty()) return s.designations.front().text;
  }
  return {};
}

void write_heading(std::ostream& out, const Entry& entry, std::string_view language) {
  out << entry.number;
  const std::string_view term = term_of(entry, language);
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
  return handle(vocabulary, matching_entries(vocabulary, options));
}

/// Prints each match with `print`, separated by blank lines; with none,
/// says so and suggests near terms.
template <typename Print>
int print_matches(const LookupOptions& options, std::ostream& out, std::ostream& err, Print print) {
  return with_matches(options, err,
                      [&](const Vocabulary& vocabulary, const std::vector<TermMatch>& matches) {
                        if (matches.empty()) {
                          report_no_match(vocabulary, options.query, err);
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

int run_lookup(const LookupOptions& options, std::ostream& out, std::ostream& err) {
  if (options.format == "json") {
    // One report holding every match; none: an empty list, and status 1.
    return with_matches(
        options, err, [&](const Vocabulary& vocabulary, const std::vector<TermMatch>& matches) {
          out << lookup_json(vocabulary, matches, options.query, options.language) << '\n';
          if (!matches.empty()) return int{exit_ok};
          report_no_match(vocabulary, options.query, err);
          return int{exit_findings};
        });
  }
  return print_matches(options, out, err, [&](const Vocabulary& vocabulary, const TermMatch& m) {
    write_entry(out, vocabulary, vocabulary[m.entry], options.language);
  });
}

int run_refs(const LookupOptions& options, std::ostream& out, std::ostream& err) {
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
