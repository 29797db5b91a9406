// Entries as JSON: the whole entry, as `termgraph lookup --format json`
// prints it, and an entry's place in the reference graph, as `termgraph
// refs --format json` prints it (docs/cli.md, "version": 1).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "termgraph/report.hpp"
#include "text/language.hpp"

namespace termgraph {

namespace {

using Json = nlohmann::ordered_json;

std::string str(std::string_view s) {
  return std::string(s);
}

/// "line" and "column" of `range` into `j` (0 when unknown).
void add_position(Json& j, const SourceRange& range) {
  j["line"] = range.line;
  j["column"] = range.column;
}

Json reference_json(const Vocabulary& vocabulary, const Reference& r) {
  Json j;
  j["text"] = str(r.text);
  j["term"] = str(r.term);
  j["number"] = str(r.number);
  j["target_id"] = str(r.target_id);
  j["markup"] = r.markup;
  j["grouped"] = r.grouped;
  j["external"] = r.external;
  // The entry it resolves to, by its number; null when unresolved.
  if (r.target != no_entry && r.target < vocabulary.size()) {
    j["target"] = str(vocabulary[r.target].number);
  } else {
    j["target"] = nullptr;
  }
  add_position(j, r.range);
  return j;
}

Json block_json(const Vocabulary& vocabulary, const TextBlock& b) {
  Json j;
  j["kind"] = str(to_string(b.kind));
  j["text"] = str(b.text);
  Json references = Json::array();
  for (const Reference& r : b.references) references.push_back(reference_json(vocabulary, r));
  j["references"] = std::move(references);
  add_position(j, b.range);
  return j;
}

Json blocks_json(const Vocabulary& vocabulary, Span<TextBlock> blocks) {
  Json j = Json::array();
  for (const TextBlock& b : blocks) j.push_back(block_json(vocabulary, b));
  return j;
}

// Details are one level deep (the model holds no groups within groups):
// no recursion the input controls.
Json category_json(const Vocabulary& vocabulary, const DataCategory& c, CategoryLevel level,
                   bool with_details) {
  Json j;
  j["level"] = str(to_string(level));
  j["element"] = str(to_string(c.element));
  j["type"] = str(c.type);
  j["value"] = str(c.value);
  j["target"] = str(c.target);
  j["block"] = c.block ? block_json(vocabulary, *c.block) : Json(nullptr);
  j["grouped"] = c.grouped;
  j["known"] = c.known;
  Json details = Json::array();
  if (with_details) {
    for (const DataCategory& d : c.details) {
      details.push_back(category_json(vocabulary, d, level, false));
    }
  }
  j["details"] = std::move(details);
  add_position(j, c.range);
  return j;
}

Json categories_json(const Vocabulary& vocabulary, Span<DataCategory> categories,
                     CategoryLevel level) {
  Json j = Json::array();
  for (const DataCategory& c : categories) j.push_back(category_json(vocabulary, c, level, true));
  return j;
}

Json designation_json(const Vocabulary& vocabulary, const Designation& d) {
  Json j;
  j["text"] = str(d.text);
  j["status"] = str(to_string(d.status));
  j["status_stated"] = d.status_stated;
  j["kind"] = str(to_string(d.kind));
  j["kind_stated"] = d.kind_stated;
  j["part_of_speech"] = str(d.part_of_speech.empty() ? category_value(d.categories, "partOfSpeech")
                                                     : d.part_of_speech);
  j["grammatical_gender"] = str(d.grammatical_gender());
  j["grammatical_number"] = str(d.grammatical_number());
  j["geographical_usage"] = str(d.geographical_usage());
  j["usage_note"] = str(d.usage_note());
  j["categories"] = categories_json(vocabulary, d.categories, CategoryLevel::term);
  add_position(j, d.range);
  return j;
}

Json section_json(const Vocabulary& vocabulary, const Entry& entry, const LanguageSection& s) {
  Json j;
  j["language"] = str(s.language);
  // The section's own subject field, else the entry's.
  std::string_view subject = category_value(s.categories, "subjectField");
  if (subject.empty()) subject = entry.subject_field();
  j["subject_field"] = str(subject);
  Json designations = Json::array();
  for (const Designation& d : s.designations)
    designations.push_back(designation_json(vocabulary, d));
  j["designations"] = std::move(designations);
  j["definition"] = s.definition ? block_json(vocabulary, *s.definition) : Json(nullptr);
  j["examples"] = blocks_json(vocabulary, s.examples);
  j["notes"] = blocks_json(vocabulary, s.notes);
  j["sources"] = blocks_json(vocabulary, s.sources);
  j["categories"] = categories_json(vocabulary, s.categories, CategoryLevel::language);
  add_position(j, s.range);
  return j;
}

std::string file_of(const Vocabulary& vocabulary, FileId file) {
  const auto& files = vocabulary.files();
  return file < files.size() ? files[file] : std::string();
}

/// True when one of `ranges` matches `tag`; an empty list matches every tag.
bool shown(const std::vector<std::string_view>& ranges, std::string_view tag) {
  return ranges.empty() || std::any_of(ranges.begin(), ranges.end(), [tag](std::string_view r) {
           return language::matches(r, tag);
         });
}

Json entry_object(const Vocabulary& vocabulary, const Entry& entry,
                  const std::vector<std::string_view>& ranges) {
  Json j;
  j["number"] = str(entry.number);
  j["numbered"] = entry.numbered;
  Json ids = Json::array();
  for (std::string_view id : entry.ids) ids.push_back(str(id));
  j["ids"] = std::move(ids);
  j["file"] = file_of(vocabulary, entry.range.file);
  add_position(j, entry.range);
  j["subject_field"] = str(entry.subject_field());
  j["categories"] = categories_json(vocabulary, entry.categories, CategoryLevel::entry);
  Json languages = Json::array();
  for (const LanguageSection& s : entry.languages) {
    if (shown(ranges, s.language)) {
      languages.push_back(section_json(vocabulary, entry, s));
    }
  }
  j["languages"] = std::move(languages);
  return j;
}

// Invalid UTF-8 in an input's text must not make the output fail.
std::string dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

/// `language` as a list of ranges: empty (every section) when it is empty.
std::vector<std::string_view> one_range(std::string_view language) {
  if (language.empty()) return {};
  return {language};
}

/// "number" and "term" of entry `id`.
Json named_entry(const Vocabulary& vocabulary, EntryId id, std::string_view language) {
  Json j;
  j["number"] = str(vocabulary[id].number);
  j["term"] = str(listed_term(vocabulary[id], language));
  return j;
}

/// Each other entry and block kind once, in reading order.
Json citations_json(const Vocabulary& vocabulary, Span<Citation> citations, bool outgoing,
                    std::string_view language) {
  std::vector<std::pair<EntryId, BlockKind>> seen;
  Json list = Json::array();
  for (const Citation& c : citations) {
    const EntryId other = outgoing ? c.to : c.from;
    if (other >= vocabulary.size()) continue;
    const std::pair<EntryId, BlockKind> key{other, c.kind};
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    Json j = named_entry(vocabulary, other, language);
    j["kind"] = str(to_string(c.kind));
    list.push_back(std::move(j));
  }
  return list;
}

Json refs_object(const Vocabulary& vocabulary, const TermMatch& match, std::string_view language) {
  const EntryId id = match.entry;
  const Entry& entry = vocabulary[id];
  // Named in the tag of the section the range matched ("en" -> "en-GB").
  const std::string_view naming =
      language.empty() || !match.section ? language : match.section->language;
  Json j = named_entry(vocabulary, id, naming);
  j["numbered"] = entry.numbered;
  Json ids = Json::array();
  for (std::string_view i : entry.ids) ids.push_back(str(i));
  j["ids"] = std::move(ids);
  j["file"] = file_of(vocabulary, entry.range.file);
  add_position(j, entry.range);
  j["cites"] = citations_json(vocabulary, vocabulary.cites(id), true, naming);
  j["cited_by"] = citations_json(vocabulary, vocabulary.cited_by(id), false, naming);
  Json prerequisites = Json::array();
  for (const Prerequisite& p : vocabulary.prerequisites(id)) {
    if (p.entry >= vocabulary.size()) continue;
    Json k = named_entry(vocabulary, p.entry, naming);
    k["cycle"] = p.cycle;
    prerequisites.push_back(std::move(k));
  }
  j["prerequisites"] = std::move(prerequisites);
  return j;
}

}  // namespace

std::string entry_json(const Vocabulary& vocabulary, const Entry& entry,
                       std::string_view language) {
  return dump(entry_object(vocabulary, entry, one_range(language)), -1);
}

std::string lookup_json(const Vocabulary& vocabulary, const std::vector<TermMatch>& matches,
                        std::string_view query, std::string_view language) {
  return lookup_json(vocabulary, matches, query, language,
                     std::vector<std::string>(1, std::string(language)));
}

std::string lookup_json(const Vocabulary& vocabulary, const std::vector<TermMatch>& matches,
                        std::string_view query, std::string_view language,
                        const std::vector<std::string>& shown_ranges) {
  std::vector<std::string_view> ranges(shown_ranges.begin(), shown_ranges.end());
  // An empty range matches every tag: the list is "every section".
  if (std::any_of(ranges.begin(), ranges.end(), [](std::string_view r) { return r.empty(); })) {
    ranges.clear();
  }
  Json report;
  report["version"] = 1;
  report["query"] = str(query);
  report["language"] = str(language);
  Json entries = Json::array();
  for (const TermMatch& m : matches) {
    if (m.entry >= vocabulary.size()) continue;
    Json j = entry_object(vocabulary, vocabulary[m.entry], ranges);
    Json matched;
    matched["language"] = m.section ? str(m.section->language) : std::string();
    matched["term"] = m.designation ? str(m.designation->text) : std::string();
    j["matched"] = std::move(matched);
    entries.push_back(std::move(j));
  }
  report["entries"] = std::move(entries);
  return dump(report, 2);
}

std::string refs_json(const Vocabulary& vocabulary, const std::vector<TermMatch>& matches,
                      std::string_view query, std::string_view language) {
  Json report;
  report["version"] = 1;
  report["query"] = str(query);
  report["language"] = str(language);
  Json entries = Json::array();
  for (const TermMatch& m : matches) {
    if (m.entry < vocabulary.size()) entries.push_back(refs_object(vocabulary, m, language));
  }
  report["entries"] = std::move(entries);
  return dump(report, 2);
}

}  // namespace termgraph
