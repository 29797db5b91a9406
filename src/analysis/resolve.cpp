// Resolution: maps each reference to an entry (markup id first, then the
// number) and checks that the cited term names one of the target's
// designations, allowing an inflected last word.
#include "analysis/resolve.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostics.hpp"
#include "format/ids.hpp"
#include "termgraph/rules.hpp"
#include "text/chars.hpp"
#include "text/inflection.hpp"

namespace termgraph {

namespace {

using namespace text;

using Impl = Vocabulary::Impl;

/// Word starts of `s`, split at white space (folded text: single ASCII
/// spaces; raw text: any space character).
void word_starts(sv s, std::vector<std::size_t>& starts) {
  starts.clear();
  std::size_t i = 0;
  while (i < s.size()) {
    i = skip_spaces(s, i, s.size());
    if (i >= s.size()) break;
    starts.push_back(i);
    while (i < s.size() && !space_at(s, i)) ++i;
  }
}

std::size_t word_count(sv folded) {
  if (folded.empty()) return 0;
  return static_cast<std::size_t>(std::count(folded.begin(), folded.end(), ' ')) + 1;
}

class Resolver {
public:
  Resolver(const Impl& impl, std::vector<Resolution>& found, std::vector<Diagnostic>& diagnostics)
      : impl_(impl),
        found_(found),
        diagnostics_(diagnostics),
        folded_(impl.designations.size()),
        have_folded_(impl.designations.size(), false) {
    // The term index holds the folded form of every designation already.
    for (const TermIndexItem& item : impl.terms) {
      if (item.designation < folded_.size()) {
        folded_[item.designation] = item.key;
        have_folded_[item.designation] = true;
      }
    }
  }

  void run() {
    // The section (and so the entry) of every reference, and its block.
    const std::size_t n = impl_.references.size();
    std::vector<std::uint32_t> section_of(n, UINT32_MAX);
    std::vector<const TextBlock*> block_of(n, nullptr);
    for (std::size_t s = 0; s < impl_.sections.size(); ++s) {
      const LanguageSection& sec = impl_.sections[s];
      auto mark = [&](const TextBlock& block) {
        for (const Reference& r : block.references) {
          const std::size_t i = impl_.reference_index(r);
          if (i < n) {
            section_of[i] = static_cast<std::uint32_t>(s);
            block_of[i] = &block;
          }
        }
      };
      if (sec.definition) mark(*sec.definition);
      for (const TextBlock& b : sec.notes) mark(b);
      for (const TextBlock& b : sec.examples) mark(b);
      for (const TextBlock& b : sec.sources) mark(b);
    }
    found_.clear();
    found_.reserve(n);
    for (const Reference& r : impl_.references) {
      found_.push_back(Resolution{no_entry, r.begin, r.text, r.term});
    }
    for (std::size_t i = 0; i < n; ++i) {
      resolve(impl_.references[i], found_[i], section_of[i], block_of[i]);
    }
  }

private:
  EntryId find_number(sv number) {
    if (normalize_number(number, key_)) {
      auto it = impl_.by_number.find(sv(key_));
      if (it != impl_.by_number.end()) return it->second;
      return no_entry;
    }
    // Not shaped like a number: perhaps an id given as a markup target.
    auto it = impl_.by_id.find(number);
    return it == impl_.by_id.end() ? no_entry : it->second;
  }

  /// What a markup target cites, for reports: the number in an STS id
  /// ("term_3.30" -> "3.30"), else the id itself.
  sv cited_number(sv target_id) {
    sv rest = ids::after_prefix(target_id);
    if (!rest.empty() && normalize_number(rest, key_)) return rest;
    return target_id;
  }

  EntryId find_target(const Reference& r) {
    if (!r.target_id.empty()) {
      auto it = impl_.by_id.find(r.target_id);
      if (it != impl_.by_id.end()) return it->second;
      // STS ids are "term_3.30" / "sec_3.30": the number after the prefix.
      sv rest = ids::after_prefix(r.target_id);
      if (!rest.empty()) {
        EntryId e = find_number(rest);
        if (e != no_entry) return e;
      }
    }
    if (!r.number.empty()) return find_number(r.number);
    return no_entry;
  }

  sv folded(std::size_t designation) {
    if (!have_folded_[designation]) {
      extra_.emplace_back();
      impl_.folder.fold_into(impl_.designations[designation].text, extra_.back());
      folded_[designation] = extra_.back();
      have_folded_[designation] = true;
    }
    return folded_[designation];
  }

  std::size_t index_of(const Designation& d) const {
    return static_cast<std::size_t>(&d - impl_.designations.data());
  }

  void resolve(const Reference& r, Resolution& found, std::uint32_t section,
               const TextBlock* block) {
    if (r.external) return;
    if (r.target_id.empty() && r.number.empty()) return;  // nothing to resolve
    const EntryId citing =
        section < impl_.section_entry.size() ? impl_.section_entry[section] : no_entry;
    found.target = find_target(r);
    if (found.target == no_entry) {
      const sv target = r.number.empty() ? cited_number(r.target_id) : r.number;
      Diagnostic d = make_diagnostic(
          rules::dangling_reference, r.range,
          "reference to " + std::string(target) + ", which is not an entry of this vocabulary");
      if (citing != no_entry) d.entries.push_back(citing);
      d.target = std::string(target);
      diagnostics_.push_back(std::move(d));
      return;
    }
    if (r.grouped || r.term.empty()) return;
    check_label(r, found, citing, section, block);
  }

  /// label-mismatch: the reference's term must name a designation of the
  /// target, in any language. A markup term must name it as a whole; the
  /// term window of a plain-text reference must end with it.
  void check_label(const Reference& r, Resolution& found, EntryId citing, std::uint32_t section,
                   const TextBlock* block) {
    const Entry& target = impl_.entries[found.target];
    impl_.folder.fold_into(r.term, term_);
    if (term_.empty()) return;
    std::size_t designations = 0;
    if (r.markup) {
      for (const LanguageSection& sec : target.languages) {
        for (const Designation& d : sec.designations) {
          ++designations;
          if (names_designation(term_, folded(index_of(d)))) return;
        }
      }
    } else {
      word_starts(term_, folded_words_);
      const std::size_t n = folded_words_.size();
      for (const LanguageSection& sec : target.languages) {
        for (const Designation& d : sec.designations) {
          ++designations;
          sv key = folded(index_of(d));
          const std::size_t k = word_count(key);
          if (k == 0 || k > n) continue;
          if (names_designation(sv(term_).substr(folded_words_[n - k]), key)) {
            narrow(r, found, k, block);
            return;
          }
        }
      }
    }
    if (designations == 0) return;  // nothing to compare with

    // The designation to show: the preferred term in the citing section's
    // language, else the entry's first preferred term, else its first term.
    const Designation* shown = nullptr;
    if (section < impl_.sections.size()) {
      if (const LanguageSection* same = target.section(impl_.sections[section].language)) {
        shown = same->preferred();
      }
    }
    if (!shown) shown = target.preferred();
    bool preferred = shown != nullptr;
    if (!shown) {
      for (const LanguageSection& sec : target.languages) {
        if (!sec.designations.empty()) {
          shown = &sec.designations.front();
          break;
        }
      }
    }
    sv written = r.term;
    if (!r.markup) written = last_words(r.term, word_count(folded(index_of(*shown))));

    Diagnostic d = make_diagnostic(
        rules::label_mismatch, r.range,
        "'" + std::string(written) + "' does not name entry " + std::string(target.number) + " (" +
            (preferred ? "preferred term" : "term") + " '" + std::string(shown->text) + "')");
    d.related.push_back({shown->range, std::string(preferred ? "preferred term" : "term") +
                                           " of entry " + std::string(target.number)});
    if (citing != no_entry) d.entries.push_back(citing);
    diagnostics_.push_back(std::move(d));
  }

  /// The last `k` words of raw text `s` (all of it when it has fewer).
  sv last_words(sv s, std::size_t k) {
    word_starts(s, raw_words_);
    if (k == 0 || k >= raw_words_.size()) return s;
    return s.substr(raw_words_[raw_words_.size() - k]);
  }

  /// A plain-text reference whose window ends with a designation of `k`
  /// words: its term is those words, and its text runs from them to the
  /// closing parenthesis ("DLT system (3.30)"). Recorded in `found`; the
  /// reference keeps its window.
  void narrow(const Reference& r, Resolution& found, std::size_t k, const TextBlock* block) {
    word_starts(r.term, raw_words_);
    if (raw_words_.size() != folded_words_.size()) return;  // folding merged words
    sv term = r.term.substr(raw_words_[raw_words_.size() - k]);
    found.term = term;
    if (!block) return;
    const sv text = block->text;
    if (term.data() < text.data() || term.data() > text.data() + text.size()) return;
    const auto begin = static_cast<std::uint32_t>(term.data() - text.data());
    if (begin >= r.begin || r.end > text.size()) return;
    found.begin = begin;
    found.text = text.substr(begin, r.end - begin);
  }

  const Impl& impl_;
  std::vector<Resolution>& found_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<sv> folded_;
  std::vector<bool> have_folded_;
  std::deque<std::string> extra_;  // folded designations missing from the index
  std::string key_, term_;
  std::vector<std::size_t> folded_words_, raw_words_;
};

}  // namespace

void resolve_references(Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics) {
  Resolver(impl, impl.resolutions, diagnostics).run();
}

}  // namespace termgraph
