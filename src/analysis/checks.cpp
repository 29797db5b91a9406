#include "analysis/checks.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "diag/diagnostics.hpp"
#include "termgraph/rules.hpp"

namespace termgraph {

namespace {
std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

/// The subject fields of a language section as duplicate-term compares
/// them: those stated in the section, else the entry's; each folded, in
/// sorted order, joined by U+001F. Empty when neither states one.
std::string subject_key(const Vocabulary::Impl& v, const Entry& entry,
                        const LanguageSection& section) {
  std::vector<std::string> fields;
  const auto collect = [&](Span<DataCategory> categories) {
    for (const DataCategory& c : categories) {
      if (c.type == "subjectField" && !c.value.empty()) fields.push_back(v.folder.fold(c.value));
    }
  };
  collect(section.categories);
  if (fields.empty()) collect(entry.categories);
  std::sort(fields.begin(), fields.end());
  std::string key;
  for (const std::string& f : fields) {
    if (!key.empty()) key += '\x1f';
    key += f;
  }
  return key;
}
}  // namespace

void build_entry_indexes(Vocabulary::Impl& v, std::vector<Diagnostic>& diagnostics) {
  v.by_number.reserve(v.entries.size());
  v.by_id.reserve(v.ids.size());
  std::string key;
  for (const Entry& e : v.entries) {
    for (std::string_view id : e.ids) v.by_id.emplace(id, e.id);
    if (!e.numbered) {
      v.by_id.emplace(e.number, e.id);
      continue;
    }
    normalize_number(e.number, key);
    std::string_view stored = key == e.number ? e.number : v.arena.store(key);
    auto [it, inserted] = v.by_number.emplace(stored, e.id);
    if (!inserted) {
      const Entry& first = v.entries[it->second];
      Diagnostic d = make_diagnostic(
          rules::duplicate_number, e.range,
          "entry number " + std::string(e.number) + " is already used by an earlier entry");
      d.related.push_back(
          {first.range, "entry " + std::string(first.number) + " first defined here"});
      d.entries = {first.id, e.id};
      diagnostics.push_back(std::move(d));
    }
  }
  // Designation ids, where no entry is known by the same id.
  for (std::size_t i = 0; i < v.term_ids.size(); ++i) {
    const Vocabulary::Impl::TermId& t = v.term_ids[i];
    if (t.entry == no_entry || v.by_id.count(t.id) != 0) continue;
    v.by_term_id.emplace(t.id, static_cast<std::uint32_t>(i));
  }
}

void check_entries(const Vocabulary::Impl& v, std::vector<Diagnostic>& diagnostics) {
  // duplicate-term: the same preferred term (folded) in the same language
  // in two entries with the same subject fields (homographs of different
  // subject fields are told apart, as ISO 10241-1 tells homonyms apart by
  // their domain). The term index holds every folded key; walk it in key
  // order so that equal keys are adjacent.
  struct Seen {
    EntryId entry;
    std::uint32_t designation;
  };
  std::unordered_map<std::string, Seen> first_by_key;
  for (std::size_t i = 0; i < v.terms.size();) {
    std::size_t j = i;
    while (j < v.terms.size() && v.terms[j].key == v.terms[i].key) ++j;
    if (j - i > 1) {
      // Among these equal keys: preferred designations, grouped by language.
      first_by_key.clear();
      std::vector<std::size_t> order;
      for (std::size_t k = i; k < j; ++k) order.push_back(k);
      std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return v.terms[a].designation < v.terms[b].designation;
      });
      for (std::size_t k : order) {
        const TermIndexItem& item = v.terms[k];
        const Designation& d = v.designations[item.designation];
        if (d.status != Status::preferred) continue;
        const LanguageSection& sec = v.sections[item.section];
        std::string key(sec.language);
        key += '\x1e';
        key += subject_key(v, v.entries[item.entry], sec);
        auto [it, inserted] =
            first_by_key.emplace(std::move(key), Seen{item.entry, item.designation});
        if (inserted || it->second.entry == item.entry) continue;
        const Entry& first = v.entries[it->second.entry];
        const Entry& second = v.entries[item.entry];
        Diagnostic diag = make_diagnostic(
            rules::duplicate_term, d.range,
            "preferred term " + quoted(d.text) + " (" + std::string(sec.language) + ") of entry " +
                std::string(second.number) + " is also the preferred term of entry " +
                std::string(first.number));
        diag.related.push_back({v.designations[it->second.designation].range,
                                "entry " + std::string(first.number) + " has it here"});
        diag.entries = {first.id, second.id};
        diagnostics.push_back(std::move(diag));
      }
    }
    i = j;
  }

  // empty-element. An empty element counts as absent for every other rule,
  // but the rule about its own absence gives way to empty-element where it
  // stands (one finding per problem): a section whose term elements are
  // empty gets no missing-preferred-term, one whose definition element is
  // empty no missing-definition-in-language, and an entry whose only
  // definitions are empty no missing-definition. ISO's empty term, the mark
  // for "no term in this language", is no empty element: the section has
  // no term (missing-preferred-term, as it would have in any format the
  // vocabulary is converted to).
  std::vector<bool> empty_term_in(v.sections.size(), false);
  for (const EmptyTerm& t : v.empty_terms) {
    if (t.no_term_mark || t.section >= v.sections.size() || t.entry >= v.entries.size()) {
      continue;
    }
    empty_term_in[t.section] = true;
    Diagnostic d = make_diagnostic(rules::empty_element, t.range,
                                   "empty term in language '" +
                                       std::string(v.sections[t.section].language) + "' of entry " +
                                       std::string(v.entries[t.entry].number) + "; it is left out");
    d.entries = {t.entry};
    diagnostics.push_back(std::move(d));
  }
  auto empty_block = [&](const Entry& e, const LanguageSection& sec, const TextBlock& b) {
    if (!b.text.empty()) return;
    Diagnostic d =
        make_diagnostic(rules::empty_element, b.range,
                        "empty " + std::string(to_string(b.kind)) + " in language '" +
                            std::string(sec.language) + "' of entry " + std::string(e.number));
    d.entries = {e.id};
    diagnostics.push_back(std::move(d));
  };
  auto empty_definition = [](const LanguageSection& sec) {
    return sec.definition != nullptr && sec.definition->text.empty();
  };

  for (const Entry& e : v.entries) {
    for (const LanguageSection& sec : e.languages) {
      if (sec.definition) empty_block(e, sec, *sec.definition);
      for (const TextBlock& b : sec.notes) empty_block(e, sec, b);
      for (const TextBlock& b : sec.examples) empty_block(e, sec, b);
      for (const TextBlock& b : sec.sources) empty_block(e, sec, b);
    }
    if (e.languages.empty()) {
      Diagnostic d = make_diagnostic(rules::missing_preferred_term, e.range,
                                     "entry " + std::string(e.number) + " has no terms");
      d.entries = {e.id};
      diagnostics.push_back(std::move(d));
      Diagnostic m = make_diagnostic(rules::missing_definition, e.range,
                                     "entry " + std::string(e.number) + " has no definition");
      m.entries = {e.id};
      diagnostics.push_back(std::move(m));
      continue;
    }
    const bool defined_somewhere =
        std::any_of(e.languages.begin(), e.languages.end(), [](const LanguageSection& sec) {
          return sec.definition != nullptr && !sec.definition->text.empty();
        });
    if (!defined_somewhere &&
        std::none_of(e.languages.begin(), e.languages.end(), empty_definition)) {
      // One language: point at its (empty) definition or section, as before;
      // several: at the entry.
      const LanguageSection& only = e.languages[0];
      const bool one = e.languages.size() == 1;
      Diagnostic d = make_diagnostic(
          rules::missing_definition,
          !one              ? e.range
          : only.definition ? only.definition->range
                            : only.range,
          "entry " + std::string(e.number) +
              (one ? " has no definition in language '" + std::string(only.language) + "'"
                   : std::string(" has no definition in any language")));
      d.entries = {e.id};
      diagnostics.push_back(std::move(d));
    }
    for (const LanguageSection& sec : e.languages) {
      const std::size_t index = static_cast<std::size_t>(&sec - v.sections.data());
      if (sec.preferred() == nullptr && !empty_term_in[index]) {
        Diagnostic d = make_diagnostic(rules::missing_preferred_term, sec.range,
                                       "entry " + std::string(e.number) +
                                           " has no preferred term in language '" +
                                           std::string(sec.language) + "'");
        d.entries = {e.id};
        diagnostics.push_back(std::move(d));
      }
      if (defined_somewhere && sec.definition == nullptr) {
        Diagnostic d =
            make_diagnostic(rules::missing_definition_in_language, sec.range,
                            "entry " + std::string(e.number) + " has no definition in language '" +
                                std::string(sec.language) + "' while another language has one");
        d.entries = {e.id};
        diagnostics.push_back(std::move(d));
      }
    }
  }
}

}  // namespace termgraph
