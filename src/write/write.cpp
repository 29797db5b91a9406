// Writing a vocabulary: what the format writers share. Each writer walks the
// model once, in reading order, and emits its format (XML through
// XmlWriter); none walks an input document. write_vocabulary() dispatches
// through the format table (load/formats.cpp).
#include "termgraph/write.hpp"

#include "write/detail.hpp"

#include "format/ids.hpp"
#include "text/language.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace termgraph {

namespace write_detail {

std::string default_language(const Vocabulary& vocabulary) {
  // The language most entries start with; ties go to the one met first.
  std::vector<std::pair<std::string_view, std::size_t>> counts;
  for (const Entry& e : vocabulary.entries()) {
    if (e.languages.empty()) continue;
    std::string_view lang = e.languages.front().language;
    auto it = std::find_if(counts.begin(), counts.end(),
                           [lang](const auto& c) { return c.first == lang; });
    if (it == counts.end()) {
      counts.emplace_back(lang, 1);
    } else {
      ++it->second;
    }
  }
  std::string_view best = "en";
  std::size_t most = 0;
  for (const auto& c : counts) {
    if (c.second > most) {
      best = c.first;
      most = c.second;
    }
  }
  return std::string(best);
}

std::vector<std::string_view> declared_languages(const Vocabulary& vocabulary) {
  std::vector<std::string_view> out;
  for (FileId f = 0; f < vocabulary.files().size(); ++f) {
    for (std::string_view tag : vocabulary.declared_languages(f)) {
      bool again = false;
      for (std::string_view seen : out) again = again || language::same(seen, tag);
      if (!again) out.push_back(tag);
    }
  }
  return out;
}

std::string_view title(const Vocabulary& vocabulary, const WriteOptions& options) {
  return options.title.empty() ? vocabulary.title() : std::string_view(options.title);
}

std::vector<std::string> entry_ids(const Vocabulary& vocabulary) {
  std::vector<std::string> out(vocabulary.size());
  ids::UniqueIds used;
  // First the ids the sources gave, so that a generated one never takes
  // an id an entry was read with.
  for (const Entry& e : vocabulary.entries()) {
    for (std::string_view id : e.ids) {
      std::string candidate(id);
      if (!ids::is_xml_id(candidate)) continue;
      if (e.numbered && ids::number_in_id(candidate) != e.number) continue;
      if (used.take(candidate)) {
        out[e.id] = std::move(candidate);
        break;
      }
    }
    if (out[e.id].empty() && !e.numbered && ids::is_xml_id(e.number)) {
      std::string key(e.number);
      if (used.take(key)) out[e.id] = std::move(key);
    }
  }
  for (const Entry& e : vocabulary.entries()) {
    if (!out[e.id].empty()) continue;
    out[e.id] = used.add(e.numbered ? ids::term_id(ids::xml_id(e.number, ""))
                                    : ids::xml_id(e.number, "c-"));
  }
  return out;
}

std::vector<const Reference*> links_of(const TextBlock& block) {
  // Markup references in text order; one that overlaps the previous one (a
  // link nested in another, which no format here can write) is left as
  // plain text inside the outer link.
  std::vector<const Reference*> out;
  std::size_t end = 0;
  for (const Reference& r : block.references) {
    if (!r.markup || r.begin > r.end || r.end > block.text.size()) continue;
    if (!out.empty() && r.begin < end) continue;
    out.push_back(&r);
    end = r.end;
  }
  return out;
}

/// True when `part` is a view into `whole`: a reference's number taken from
/// its block's text rather than from a link target.
bool within(std::string_view part, std::string_view whole) {
  // std::less: a total order even for pointers into different objects.
  std::less<const char*> before;
  const char* p = part.data();
  return !before(p, whole.data()) && !before(whole.data() + whole.size(), p + part.size());
}

}  // namespace write_detail

}  // namespace termgraph
