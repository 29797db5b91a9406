// `termgraph search`: every way a query names entries, ranked, one line each.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "read_vocabulary.hpp"
#include "termgraph/report.hpp"

namespace termgraph::cli {

namespace {

using Json = nlohmann::ordered_json;

/// The term an entry is listed under in `section`'s language: that
/// section's preferred term, else its first designation, else the entry's
/// preferred term.
std::string_view heading_term(const Entry& entry, const LanguageSection* section) {
  if (section) {
    if (const Designation* d = section->preferred()) return d->text;
    if (!section->designations.empty()) return section->designations.front().text;
  }
  if (const Designation* d = entry.preferred()) return d->text;
  return {};
}

/// The entry's number, or its first id when it has no number.
std::string_view label(const Entry& entry) {
  if (!entry.numbered && !entry.ids.empty()) return entry.ids.front();
  return entry.number;
}

/// With --show: "  fr: système DLT; de: DLT-System", the term of each
/// other section in those languages ("all": every other section).
void write_shown(std::ostream& out, const Entry& entry, const LanguageSection* matched,
                 const LookupOptions& options) {
  if (options.show.empty()) return;
  const std::vector<std::string> ranges = show_ranges(options.show);
  bool first = true;
  const auto show = [&](const LanguageSection& s) {
    if (&s == matched || s.designations.empty()) return;
    out << (first ? "  " : "; ") << s.language << ": " << heading_term(entry, &s);
    first = false;
  };
  if (ranges.empty()) {
    for (const LanguageSection& s : entry.languages) show(s);
    return;
  }
  std::vector<const LanguageSection*> shown;
  for (const std::string& range : ranges) {
    const LanguageSection* s = entry.section(range);
    if (!s || std::find(shown.begin(), shown.end(), s) != shown.end()) continue;
    shown.push_back(s);
    show(*s);
  }
}

/// "3.30  DLT system  (prefix, en)": the entry, its term, and how it
/// matched: the designation matched when it is not the term shown, its
/// status when not preferred, the block of a full-text match, the language,
/// the number of edits of a fuzzy match; then the terms --show asks for;
/// then the file when the user named
/// several.
void write_line(std::ostream& out, const Vocabulary& vocabulary, const SearchMatch& m,
                const LookupOptions& options) {
  const Entry& entry = vocabulary[m.entry];
  const std::string_view term = heading_term(entry, m.section);
  out << label(entry);
  if (!term.empty()) out << "  " << term;
  out << "  (" << to_string(m.kind);
  if (m.designation && m.designation->text != term) out << " \"" << m.designation->text << '"';
  if (m.designation && m.designation->status != Status::preferred) {
    out << ", " << to_string(m.designation->status);
  }
  if (m.designation && m.designation->kind != TermKind::full_form) {
    out << ", " << to_string(m.designation->kind);
  }
  if (m.block) out << " in " << to_string(m.block->kind);
  if (m.kind == MatchKind::fuzzy) {
    out << ", " << m.distance << (m.distance == 1 ? " edit" : " edits");
  }
  if (m.section) out << ", " << m.section->language;
  if (m.fallback) out << "; no " << options.language << " section";
  out << ')';
  write_shown(out, entry, m.section, options);
  if (!options.vocab.empty() && vocabulary.files().size() > 1 &&
      entry.range.file < vocabulary.files().size()) {
    out << "  " << vocabulary.files()[entry.range.file];
  }
  out << '\n';
}

Json match_json(const Vocabulary& vocabulary, const SearchMatch& m) {
  const Entry& entry = vocabulary[m.entry];
  Json j;
  j["number"] = entry.numbered ? Json(std::string(entry.number)) : Json(nullptr);
  Json ids = Json::array();
  for (std::string_view id : entry.ids) ids.push_back(std::string(id));
  j["ids"] = std::move(ids);
  j["term"] = std::string(heading_term(entry, m.section));
  j["kind"] = std::string(to_string(m.kind));
  j["language"] = m.section ? Json(std::string(m.section->language)) : Json(nullptr);
  j["fallback"] = m.fallback;
  if (m.designation) {
    j["designation"] = {{"text", std::string(m.designation->text)},
                        {"status", std::string(to_string(m.designation->status))},
                        {"type", std::string(to_string(m.designation->kind))}};
  } else {
    j["designation"] = nullptr;
  }
  j["block"] = m.block ? Json(std::string(to_string(m.block->kind))) : Json(nullptr);
  j["distance"] = m.distance;
  j["score"] = m.score;
  j["file"] = entry.range.file < vocabulary.files().size()
                  ? Json(vocabulary.files()[entry.range.file])
                  : Json(nullptr);
  j["line"] = entry.range.line;
  j["column"] = entry.range.column;
  return j;
}

}  // namespace

int run_search(const LookupOptions& options, std::ostream& out, std::ostream& err) {
  if (!options.show.empty()) (void)show_ranges(options.show);  // a usage error before loading
  const std::optional<LoadResult> loaded =
      read_vocabulary(options.vocab, options.diagnostics, "search", err);
  if (!loaded) return exit_usage;
  const Vocabulary& vocabulary = loaded->vocabulary;
  SearchOptions search;
  if (!options.language.empty()) search.languages.push_back(options.language);
  search.kinds = options.full_text ? MatchKinds(MatchKind::full_text) : MatchKinds::terms();
  search.limit = options.limit;
  const std::vector<SearchMatch> matches = vocabulary.search(options.query, search);
  if (options.format == "json") {
    Json report;
    report["version"] = 1;
    report["query"] = options.query;
    report["language"] = options.language.empty() ? Json(nullptr) : Json(options.language);
    report["text"] = options.full_text;
    Json list = Json::array();
    for (const SearchMatch& m : matches) list.push_back(match_json(vocabulary, m));
    report["matches"] = std::move(list);
    out << report.dump(2) << '\n';
  } else {
    for (const SearchMatch& m : matches) write_line(out, vocabulary, m, options);
  }
  if (matches.empty()) {
    err << "termgraph: nothing matches '" << options.query << "'\n";
    return exit_findings;
  }
  return exit_ok;
}

}  // namespace termgraph::cli
