// Resolution: maps each reference to an entry (markup target first, then
// the number written in the text) and checks what it says about that entry:
// the number written against the markup target, the term written against
// the target's designations in the citing language (an inflected last word
// and elliptical coordination allowed), and whether that term is deprecated.
#include "analysis/resolve.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <iterator>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "diag/diagnostics.hpp"
#include "format/ids.hpp"
#include "termgraph/rules.hpp"
#include "text/chars.hpp"
#include "text/inflection.hpp"
#include "text/reference_scan.hpp"

namespace termgraph {

namespace {

using namespace text;

using Impl = Vocabulary::Impl;

/// How many references a coordination ("X (1), Y (2) or Z (3)") may chain
/// before ellipsis is no longer looked for: bounds the work per reference.
constexpr std::size_t max_coordination = 16;

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

/// The words of folded text `s` (single spaces between words).
void split_words(sv s, std::vector<sv>& words) {
  words.clear();
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == sv::npos) j = s.size();
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j + 1;
  }
}

std::size_t word_count(sv folded) {
  if (folded.empty()) return 0;
  return static_cast<std::size_t>(std::count(folded.begin(), folded.end(), ' ')) + 1;
}

/// Words `from` .. `from + n` of `words` joined with single spaces, as a
/// view into the folded text they were split from.
sv joined(const std::vector<sv>& words, std::size_t from, std::size_t n) {
  if (n == 0) return {};
  const char* b = words[from].data();
  const char* e = words[from + n - 1].data() + words[from + n - 1].size();
  return sv(b, static_cast<std::size_t>(e - b));
}

bool ascii_iequal(sv a, sv b) noexcept {
  const auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

/// The primary language subtag: "en" of "en-GB".
sv primary_subtag(sv tag) noexcept {
  return tag.substr(0, tag.find_first_of("-_"));
}

/// A section whose designations belong to no one language (symbols):
/// no tag, "zxx" (no linguistic content), "und", "mul".
bool language_neutral(sv tag) noexcept {
  const sv p = primary_subtag(tag);
  return p.empty() || ascii_iequal(p, "zxx") || ascii_iequal(p, "und") || ascii_iequal(p, "mul");
}

/// Where each reference stands (indexed like Impl::references): the section
/// (and so the entry) and the block it is written in; every block counts,
/// cross-references included (their data category is all that points at
/// them). Read by every resolver of one pass.
struct ReferencePlaces {
  std::vector<std::uint32_t> section_of;
  std::vector<const TextBlock*> block_of;

  explicit ReferencePlaces(const Impl& impl)
      : section_of(impl.references.size(), UINT32_MAX), block_of(impl.references.size(), nullptr) {
    const std::size_t n = impl.references.size();
    for (std::size_t b = 0; b < impl.blocks.size(); ++b) {
      const TextBlock& block = impl.blocks[b];
      const std::uint32_t s = b < impl.block_sections.size() ? impl.block_sections[b] : UINT32_MAX;
      for (const Reference& r : block.references) {
        const std::size_t i = impl.reference_index(r);
        if (i < n) {
          section_of[i] = s;
          block_of[i] = &block;
        }
      }
    }
  }
};

/// Resolves references, a range of them at a time. Resolvers of disjoint
/// ranges that do not split a block may run at once: each writes only its
/// own references' records and reports into its own list.
class Resolver {
public:
  Resolver(const Impl& impl, const ReferencePlaces& places, std::vector<Resolution>& found,
           std::vector<Diagnostic>& diagnostics)
      : impl_(impl),
        found_(found),
        diagnostics_(diagnostics),
        folded_(impl.designations.size()),
        have_folded_(impl.designations.size(), false),
        section_of_(places.section_of),
        block_of_(places.block_of) {
    // The term index holds the folded form of every designation already.
    for (const TermIndexItem& item : impl.terms) {
      if (item.designation < folded_.size()) {
        folded_[item.designation] = item.key;
        have_folded_[item.designation] = true;
      }
    }
  }

  /// Resolves references [begin, end); `found` holds a record for every
  /// reference already (as read: no target).
  void resolve_range(std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) resolve(i);
  }

private:
  EntryId find_number(sv number) {
    if (normalize_number(number, key_)) {
      auto it = impl_.by_number.find(sv(key_));
      if (it != impl_.by_number.end()) return it->second;
      return no_entry;
    }
    // Not shaped like a number: perhaps an id given as a markup target.
    return entry_by_target_id(number);
  }

  /// The entry an id names: an entry's id, else a designation's id (TBX
  /// termSec, tig or term), which cites that designation's entry.
  EntryId entry_or_term_id(sv id) const {
    auto it = impl_.by_id.find(id);
    if (it != impl_.by_id.end()) return it->second;
    auto term = impl_.by_term_id.find(id);
    if (term != impl_.by_term_id.end()) return impl_.term_ids[term->second].entry;
    return no_entry;
  }

  /// The entry a markup target id names (entry_or_term_id), also in
  /// MultiTerm's "entry:term" form ("c118:c118-en-t1"), where the entry part
  /// wins and the term part is used when the entry part names nothing. XML
  /// ids never hold a colon, so the form cannot hide a real id.
  EntryId entry_by_target_id(sv id) const {
    const EntryId direct = entry_or_term_id(id);
    if (direct != no_entry) return direct;
    const std::size_t colon = id.find(':');
    if (colon == sv::npos || colon == 0 || colon + 1 >= id.size()) return no_entry;
    const sv entry = id.substr(0, colon);
    const EntryId by_entry = entry_or_term_id(entry);
    if (by_entry != no_entry) return by_entry;
    const EntryId by_term = entry_or_term_id(id.substr(colon + 1));
    if (by_term != no_entry) return by_term;
    // MultiTerm numbers its concepts and writes "c" before the number: a
    // termbase exported with the bare numbers as ids (termEntry id="118")
    // is linked as "c118".
    if (entry.size() > 1 && entry[0] == 'c' &&
        entry.find_first_not_of("0123456789", 1) == sv::npos) {
      return entry_or_term_id(entry.substr(1));
    }
    return no_entry;
  }

  /// What a markup target cites, for reports: the number in an STS id
  /// ("term_3.30" -> "3.30"), the entry part of a MultiTerm link
  /// ("c118:c118-en-t1" -> "c118"), else the id itself.
  sv cited_number(sv target_id) {
    sv rest = ids::after_prefix(target_id);
    if (!rest.empty() && normalize_number(rest, key_)) return rest;
    const std::size_t colon = target_id.find(':');
    if (colon != sv::npos && colon > 0 && colon + 1 < target_id.size() &&
        target_id.find('/') == sv::npos) {
      return target_id.substr(0, colon);
    }
    return target_id;
  }

  /// True when `a` and `b` are the same entry number (normalised: trimmed,
  /// non-breaking hyphens read as '-'), or the same text when either is no
  /// number.
  bool same_number(sv a, sv b) {
    std::string x, y;
    if (normalize_number(a, x) && normalize_number(b, y)) return x == y;
    return a == b;
  }

  /// The number written in the text of reference `i` (empty when none).
  sv written_number(std::size_t i) const {
    return i < impl_.written_numbers.size() ? impl_.written_numbers[i] : impl_.references[i].number;
  }

  /// What the markup of a reference names: the entry (or no_entry), and the
  /// entry number it names (the entry's, else the number of an STS-style
  /// id or of a numeric target; empty for an id that names no entry).
  struct MarkupTarget {
    bool given = false;
    EntryId entry = no_entry;
    sv number;
    sv as_written;  // the target as the markup writes it
  };

  MarkupTarget markup_target(const Reference& r, sv written) {
    MarkupTarget t;
    if (!r.target_id.empty()) {
      t.given = true;
      t.as_written = r.target_id;
      const EntryId by_id = entry_by_target_id(r.target_id);
      if (by_id != no_entry) {
        t.entry = by_id;
      } else {
        // STS ids are "term_3.30" / "sec_3.30": the number after the prefix.
        sv rest = ids::after_prefix(r.target_id);
        if (!rest.empty() && normalize_number(rest, key_)) {
          t.number = rest;
          t.entry = find_number(rest);
        }
      }
    } else if (r.markup && !r.number.empty() && r.number != written) {
      // A numeric target (native `to="1.2"`, STS `target="1.2"`): the
      // builder gives it as the reference's number.
      t.given = true;
      t.as_written = r.number;
      t.number = r.number;
      t.entry = find_number(r.number);
    }
    if (t.entry != no_entry) t.number = impl_.entries[t.entry].number;
    return t;
  }

  EntryId citing_entry(std::size_t i) const {
    const std::uint32_t section = section_of_[i];
    return section < impl_.section_entry.size() ? impl_.section_entry[section] : no_entry;
  }

  void resolve(std::size_t i) {
    const Reference& r = impl_.references[i];
    Resolution& found = found_[i];
    if (r.external) return;
    const EntryId citing = citing_entry(i);
    const sv written = written_number(i);
    if (r.target_id.empty() && r.number.empty() && written.empty()) {
      if (r.markup) report_no_target(r, citing);
      return;
    }
    const MarkupTarget markup = markup_target(r, written);
    const EntryId by_text = written.empty() ? no_entry : find_number(written);
    found.target = markup.entry != no_entry ? markup.entry : by_text;
    if (found.target == no_entry) {
      const sv target = r.number.empty() ? cited_number(r.target_id) : r.number;
      // A termbase's cross-reference links by id to an entry or a term.
      const bool cross = block_of_[i] && block_of_[i]->kind == BlockKind::cross_reference;
      Diagnostic d = make_diagnostic(
          rules::dangling_reference, r.range,
          std::string(cross ? "cross-reference to " : "reference to ") + std::string(target) +
              (cross ? ", which is neither an entry nor a term of this vocabulary"
                     : ", which is not an entry of this vocabulary"));
      if (citing != no_entry) d.entries.push_back(citing);
      d.target = std::string(target);
      diagnostics_.push_back(std::move(d));
      return;
    }
    if (markup.given && !markup.number.empty() && !written.empty() &&
        !same_number(markup.number, written) && !in_group(i, markup.number)) {
      report_number_mismatch(r, markup, written, by_text, citing);
    } else if (markup.given && markup.entry == no_entry && markup.number.empty()) {
      report_unresolved_id(r, written, citing);
    }
    if (r.grouped || r.term.empty()) return;
    check_label(i, found, citing);
  }

  /// True when reference `i` opens a group of numbers ("(3.5, 3.6)") and
  /// one of them is `number`: a markup target may name any of the group.
  bool in_group(std::size_t i, sv number) {
    if (!impl_.references[i].grouped) return false;
    for (std::size_t j = i + 1; j < impl_.references.size() && block_of_[j] == block_of_[i]; ++j) {
      const Reference& g = impl_.references[j];
      if (!g.grouped || g.markup) break;
      if (same_number(written_number(j), number)) return true;
    }
    return false;
  }

  /// unnumbered-reference: markup that names no target and a text that
  /// gives no number: nothing says which entry is cited.
  /// A term that names a designation of the citing entry itself (a note
  /// recalling the entry's term in another language) needs no number and
  /// is not reported. Where the term is a designation of another entry,
  /// the message names it.
  void report_no_target(const Reference& r, EntryId citing) {
    const sv written = r.term.empty() ? r.text : r.term;
    impl_.folder.fold_into(written, term_);
    if (citing != no_entry && !term_.empty()) {
      for (const LanguageSection& sec : impl_.entries[citing].languages) {
        for (const Designation& d : sec.designations) {
          if (names_designation(term_, folded(index_of(d)))) return;
        }
      }
    }
    std::string message = "marked-up reference '" + std::string(written) +
                          "' names no entry: its markup has no target and its text no entry "
                          "number";
    Diagnostic d = make_diagnostic(rules::unnumbered_reference, r.range, std::string());
    if (citing != no_entry) d.entries.push_back(citing);
    if (const TermIndexItem* item = entry_named_by(term_)) {
      const Entry& named = impl_.entries[item->entry];
      message += "; '" + std::string(written) + "' names the term '" +
                 std::string(impl_.designations[item->designation].text) + "' of entry " +
                 std::string(named.number);
      d.related.push_back({impl_.designations[item->designation].range,
                           "term of entry " + std::string(named.number)});
    }
    d.message = std::move(message);
    diagnostics_.push_back(std::move(d));
  }

  /// A designation of the term index that folded `term` names (exactly,
  /// else inflected), or nullptr. An inflected form sorts near its base
  /// ("block" < "block header" < "blocks"; "entities" < "entity"): the
  /// neighbours on either side are tried, a bounded number of them.
  const TermIndexItem* entry_named_by(sv term) const {
    if (term.empty() || impl_.terms.empty()) return nullptr;
    constexpr std::ptrdiff_t reach = 32;
    const auto begin = impl_.terms.begin();
    const auto end = impl_.terms.end();
    const auto at = std::lower_bound(
        begin, end, term, [](const TermIndexItem& item, sv key) { return item.key < key; });
    if (at != end && at->key == term) return &*at;
    const auto from = at - std::min(reach, at - begin);
    const auto to = at + std::min(reach, end - at);
    for (auto it = at; it != from;) {
      --it;
      if (names_designation(term, it->key)) return &*it;
    }
    for (auto it = at; it != to; ++it) {
      if (names_designation(term, it->key)) return &*it;
    }
    return nullptr;
  }

  /// unnumbered-reference: the markup's target id names no entry (and no
  /// number); the reference resolves only by the number in its text.
  void report_unresolved_id(const Reference& r, sv written, EntryId citing) {
    Diagnostic d =
        make_diagnostic(rules::unnumbered_reference, r.range,
                        "the target '" + std::string(r.target_id) + "' of marked-up reference '" +
                            std::string(r.term.empty() ? r.text : r.term) +
                            "' names no entry; the reference is resolved by the number " +
                            std::string(written) + " in its text");
    if (citing != no_entry) d.entries.push_back(citing);
    diagnostics_.push_back(std::move(d));
  }

  /// reference-number-mismatch: the markup target and the number written
  /// in the text name different entries. The markup wins where it names an
  /// entry, else the number in the text.
  void report_number_mismatch(const Reference& r, const MarkupTarget& markup, sv written,
                              EntryId by_text, EntryId citing) {
    std::string message = "the markup target '" + std::string(markup.as_written) + "' cites ";
    message += markup.entry != no_entry ? "entry " + std::string(markup.number)
                                        : std::string(markup.number) + ", which is not an entry,";
    message += " but the text cites " + std::string(written);
    if (by_text == no_entry) message += ", which is not an entry";
    message += markup.entry != no_entry ? "; the markup target is used"
                                        : "; the number in the text is used";
    Diagnostic d = make_diagnostic(rules::reference_number_mismatch, r.range, std::move(message));
    if (citing != no_entry) d.entries.push_back(citing);
    for (EntryId e : {markup.entry, by_text}) {
      if (e == no_entry) continue;
      const Entry& cited = impl_.entries[e];
      d.entries.push_back(e);
      d.related.push_back({cited.range, "entry " + std::string(cited.number)});
    }
    diagnostics_.push_back(std::move(d));
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

  /// The sections of `target` whose designations a reference written in
  /// `language` is compared with: those in that language (the same tag,
  /// else the same primary subtag: "en" and "en-GB"), and language-neutral
  /// ones (symbols). Empty when the entry has no section in that language;
  /// every section when the citing language is unknown.
  void comparable_sections(const Entry& target, sv language,
                           std::vector<const LanguageSection*>& out) {
    out.clear();
    if (language.empty()) {
      for (const LanguageSection& s : target.languages) out.push_back(&s);
      return;
    }
    for (const LanguageSection& s : target.languages) {
      if (s.language == language) out.push_back(&s);
    }
    if (out.empty()) {
      for (const LanguageSection& s : target.languages) {
        if (ascii_iequal(primary_subtag(s.language), primary_subtag(language))) out.push_back(&s);
      }
    }
    if (out.empty()) {
      if (const LanguageSection* same = target.section(language)) out.push_back(same);  // iw/he
    }
    if (out.empty()) return;
    for (const LanguageSection& s : target.languages) {
      if (language_neutral(s.language) && std::find(out.begin(), out.end(), &s) == out.end()) {
        out.push_back(&s);
      }
    }
  }

  /// What the term of a reference names among some designations: the best
  /// designation found (one that is not deprecated wins) and, for plain
  /// text, how many words at the end of the window it takes.
  struct Named {
    const Designation* designation = nullptr;
    std::size_t words = 0;
    bool current() const { return designation && designation->status != Status::deprecated; }
    /// Keeps `d` if it is better than what is kept.
    void offer(const Designation& d, std::size_t k) {
      if (current()) return;
      if (designation && d.status == Status::deprecated) return;
      designation = &d;
      words = k;
    }
  };

  /// The term of reference `r` (folded in term_, its words in
  /// folded_words_) against the designations of `sections`.
  Named match_directly(const Reference& r, const std::vector<const LanguageSection*>& sections) {
    Named named;
    const std::size_t n = folded_words_.size();
    for (const LanguageSection* sec : sections) {
      for (const Designation& d : sec->designations) {
        sv key = folded(index_of(d));
        if (r.markup) {
          if (names_designation(term_, key)) named.offer(d, 0);
        } else {
          const std::size_t k = word_count(key);
          if (k == 0 || k > n) continue;
          if (names_designation(sv(term_).substr(folded_words_[n - k]), key)) named.offer(d, k);
        }
        if (named.current()) return named;
      }
    }
    return named;
  }

  /// label-mismatch and deprecated-term-cited: the reference's term must
  /// name a designation of the target in the citing block's language (a
  /// markup term as a whole; the window of a plain-text reference must end
  /// with it), directly or through elliptical coordination. Nothing is
  /// reported when the target has no section in that language.
  void check_label(std::size_t i, Resolution& found, EntryId citing) {
    const Reference& r = impl_.references[i];
    const std::uint32_t section = section_of_[i];
    const TextBlock* block = block_of_[i];
    const Entry& target = impl_.entries[found.target];
    impl_.folder.fold_into(r.term, term_);
    if (term_.empty()) return;
    word_starts(term_, folded_words_);

    const sv language = section < impl_.sections.size() ? impl_.sections[section].language : sv();
    comparable_sections(target, language, sections_);
    if (sections_.empty()) {
      // No section in the citing language: nothing to compare with, but a
      // term of another language still narrows a plain-text window.
      if (!r.markup) {
        all_sections_.clear();
        for (const LanguageSection& s : target.languages) all_sections_.push_back(&s);
        const Named any = match_directly(r, all_sections_);
        if (any.designation) narrow(r, found, any.words, block);
      }
      return;
    }

    Named named = match_directly(r, sections_);
    if (!named.current()) match_elliptically(i, named);
    if (named.designation) {
      word_starts(term_, folded_words_);  // narrow() compares with the window's words
      if (!r.markup && named.words > 0) narrow(r, found, named.words, block);
      if (!named.current()) report_deprecated(r, target, *named.designation, citing);
      return;
    }

    std::size_t designations = 0;
    for (const LanguageSection* sec : sections_) designations += sec->designations.size();
    if (designations == 0) return;  // nothing to compare with

    // The designation to show: the preferred term in the citing language,
    // else its first term.
    const Designation* shown = nullptr;
    for (const LanguageSection* sec : sections_) {
      if ((shown = sec->preferred()) != nullptr) break;
    }
    const bool preferred = shown != nullptr;
    if (!shown) {
      for (const LanguageSection* sec : sections_) {
        if (!sec->designations.empty()) {
          shown = &sec->designations.front();
          break;
        }
      }
    }
    // What to quote: a markup term as a whole; of a plain-text window, as
    // many words as the term shown has, not reaching back over the
    // conjunction that joins it to the reference before.
    sv written = r.term;
    if (!r.markup) {
      sv own;
      if (i == 0 || !coordinated(i - 1, i, own)) own = r.term;
      written = last_words(own, word_count(folded(index_of(*shown))));
    }

    Diagnostic d = make_diagnostic(
        rules::label_mismatch, r.range,
        "'" + std::string(written) + "' does not name entry " + std::string(target.number) + " (" +
            (preferred ? "preferred term" : "term") + " '" + std::string(shown->text) + "')");
    d.related.push_back({shown->range, std::string(preferred ? "preferred term" : "term") +
                                           " of entry " + std::string(target.number)});
    if (citing != no_entry) d.entries.push_back(citing);
    diagnostics_.push_back(std::move(d));
  }

  /// deprecated-term-cited: the term names only a deprecated designation
  /// of the target (in the citing language).
  void report_deprecated(const Reference& r, const Entry& target, const Designation& deprecated,
                         EntryId citing) {
    const Designation* better = nullptr;
    for (const LanguageSection* sec : sections_) {
      if ((better = sec->preferred()) != nullptr) break;
    }
    if (!better) {
      for (const LanguageSection* sec : sections_) {
        for (const Designation& d : sec->designations) {
          if (d.status != Status::deprecated) {
            better = &d;
            break;
          }
        }
        if (better) break;
      }
    }
    std::string message = "'" + std::string(deprecated.text) + "' is a deprecated term of entry " +
                          std::string(target.number);
    if (better) {
      message += "; cite it as '" + std::string(better->text) + "'";
    }
    Diagnostic d = make_diagnostic(rules::deprecated_term_cited, r.range, std::move(message));
    d.related.push_back(
        {deprecated.range, "deprecated term of entry " + std::string(target.number)});
    if (better) {
      d.related.push_back({better->range, std::string(to_string(better->status)) +
                                              " term of entry " + std::string(target.number)});
    }
    if (citing != no_entry) d.entries.push_back(citing);
    d.entries.push_back(target.id);
    diagnostics_.push_back(std::move(d));
  }

  // -- elliptical coordination ---------------------------------------------------

  /// Offset of `part` (a view into `text`) within it.
  static std::size_t offset_in(sv text, sv part) {
    return static_cast<std::size_t>(part.data() - text.data());
  }

  /// True when references `a` and `b = a + 1` stand in one coordination:
  /// same block, and nothing between the end of `a` and the words of `b`
  /// but white space, one comma and one conjunction, at least one of the two
  /// ("X (3.1) or Y (3.2)", "X (3.1), Y (3.2)", "X (3.1), and Y (3.2)").
  /// Sets `own` to the words of `b` after the conjunction.
  bool coordinated(std::size_t a, std::size_t b, sv& own) const {
    if (b >= impl_.references.size() || block_of_[a] == nullptr || block_of_[a] != block_of_[b]) {
      return false;
    }
    const Reference& ra = impl_.references[a];
    const Reference& rb = impl_.references[b];
    if (ra.external || rb.external || ra.grouped || rb.grouped || rb.term.empty()) return false;
    const sv text = block_of_[a]->text;
    const std::size_t term_begin = offset_in(text, rb.term);
    const std::size_t term_end = term_begin + rb.term.size();
    if (ra.end > term_begin || term_end > text.size()) return false;
    std::size_t i = skip_spaces(text, ra.end, term_end);
    bool joined = false;
    if (i < term_end && text[i] == ',') {
      joined = true;
      i = skip_spaces(text, i + 1, term_end);
    }
    std::size_t e = i;
    while (e < term_end && !space_at(text, e)) ++e;
    if (e < term_end && is_conjunction(text.substr(i, e - i))) {
      joined = true;
      i = skip_spaces(text, e, term_end);
    }
    if (!joined || i < term_begin || i >= term_end) return false;
    own = text.substr(i, term_end - i);
    return true;
  }

  /// Folds `raw` into `buffer` and splits it into `words`.
  void fold_words(sv raw, std::string& buffer, std::vector<sv>& words) const {
    impl_.folder.fold_into(raw, buffer);
    split_words(buffer, words);
  }

  /// Elliptical coordination, where the words two terms share are written
  /// once: before the first term ("date and time expression (3.1.3.1) or
  /// representation (3.1.3.2)": 3.1.3.2 is "date and time representation")
  /// or after the last ("public (3.1) and private key (3.2)": 3.1 is
  /// "public key"), also along a list ("X, Y or Z"). The words a designation
  /// has beyond those written for reference `i` must be written, in the same
  /// order, at the start of the first term of the coordination (as
  /// resolution narrowed it to its designation; followed there by at least
  /// one word of its own) or at the end of the last term (after at least one
  /// word of its own). Offers what it finds to `named`.
  void match_elliptically(std::size_t i, Named& named) {
    const Reference& r = impl_.references[i];
    // The words written for this reference: after the conjunction that
    // joins it to the one before, else all of its term.
    sv own_raw = r.term;
    sv joined_own;
    std::size_t first = i;
    if (i > 0 && coordinated(i - 1, i, joined_own)) {
      own_raw = joined_own;
      sv skip;
      for (std::size_t steps = 0; first > 0 && steps < max_coordination; ++steps) {
        if (!coordinated(first - 1, first, skip)) break;
        --first;
      }
    }
    std::size_t last = i;
    sv last_own;
    for (std::size_t steps = 0; steps < max_coordination; ++steps) {
      sv o;
      if (!coordinated(last, last + 1, o)) break;
      ++last;
      last_own = o;
    }
    if (first == i && last == i) return;
    fold_words(own_raw, own_buffer_, own_words_);
    if (own_words_.empty()) return;
    const std::size_t m = own_words_.size();
    const sv own = joined(own_words_, 0, m);

    if (first != i) {
      // Shared words before the first term: that term as resolution
      // narrowed it to its designation, else as written.
      fold_words(found_[first].term, head_buffer_, head_words_);
    }
    if (last != i) fold_words(last_own, tail_buffer_, tail_words_);

    for (const LanguageSection* sec : sections_) {
      for (const Designation& d : sec->designations) {
        split_words(folded(index_of(d)), key_words_);
        const std::size_t k = key_words_.size();
        if (k < 2) continue;
        if (first != i && k > m && shares_head(k - m) &&
            names_designation(own, joined(key_words_, k - m, m))) {
          named.offer(d, m);
        }
        if (last != i) offer_shared_tail(m, named, d);
        if (named.current()) return;
      }
    }
  }

  /// The first `p` words of key_words_ start head_words_, which has at
  /// least one more word.
  bool shares_head(std::size_t p) const {
    if (p == 0 || head_words_.size() <= p) return false;
    return std::equal(key_words_.begin(), key_words_.begin() + static_cast<std::ptrdiff_t>(p),
                      head_words_.begin());
  }

  /// key_words_ is X + S, X the last words of own_words_ (this reference's
  /// own words, `m` of them) and S the last words of tail_words_ (the last
  /// term of the coordination, after at least one word of its own; its last
  /// word may be inflected). Offers `d` to `named` with |X| words.
  void offer_shared_tail(std::size_t m, Named& named, const Designation& d) const {
    const std::size_t k = key_words_.size();
    for (std::size_t s = 1; s < k; ++s) {
      const std::size_t x = k - s;
      if (x > m || tail_words_.size() <= s) continue;
      if (!std::equal(key_words_.begin(), key_words_.begin() + static_cast<std::ptrdiff_t>(x),
                      own_words_.begin() + static_cast<std::ptrdiff_t>(m - x))) {
        continue;
      }
      if (!names_designation(joined(tail_words_, tail_words_.size() - s, s),
                             joined(key_words_, x, s))) {
        continue;
      }
      named.offer(d, x);
      return;
    }
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
  /// reference keeps its window. folded_words_ holds the window's words.
  void narrow(const Reference& r, Resolution& found, std::size_t k, const TextBlock* block) {
    word_starts(r.term, raw_words_);
    if (raw_words_.size() != folded_words_.size()) return;  // folding merged words
    if (k == 0 || k > raw_words_.size()) return;
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
  const std::vector<std::uint32_t>& section_of_;
  const std::vector<const TextBlock*>& block_of_;
  std::vector<const LanguageSection*> sections_, all_sections_;
  std::string key_, term_;
  std::vector<std::size_t> folded_words_, raw_words_;
  std::string own_buffer_, head_buffer_, tail_buffer_;
  std::vector<sv> own_words_, head_words_, tail_words_, key_words_;
};

}  // namespace

void resolve_references(Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics,
                        unsigned threads) {
  const ReferencePlaces places(impl);
  std::vector<Resolution>& found = impl.resolutions;
  found.clear();
  found.reserve(impl.references.size());
  for (const Reference& r : impl.references) {
    found.push_back(Resolution{no_entry, r.begin, r.text, r.term});
  }
  const std::size_t n = impl.references.size();
  // Two halves at once where there is enough to share, split between two
  // blocks (a reference may read the records of those before it in its
  // block); the second half's findings follow the first's, as they would
  // on one thread.
  constexpr std::size_t enough = 4096;
  std::size_t split = n / 2;
  while (split > 0 && split < n && places.block_of[split] == places.block_of[split - 1]) ++split;
  if (threads < 2 || n < enough || split == 0 || split >= n) {
    Resolver(impl, places, found, diagnostics).resolve_range(0, n);
    return;
  }
  std::vector<Diagnostic> second;
  std::exception_ptr failure;
  std::thread beside([&] {
    try {
      Resolver(impl, places, found, second).resolve_range(split, n);
    } catch (...) {
      failure = std::current_exception();  // out of memory: rethrown below
    }
  });
  try {
    Resolver(impl, places, found, diagnostics).resolve_range(0, split);
  } catch (...) {
    beside.join();
    throw;
  }
  beside.join();
  if (failure) std::rethrow_exception(failure);
  diagnostics.insert(diagnostics.end(), std::make_move_iterator(second.begin()),
                     std::make_move_iterator(second.end()));
}

}  // namespace termgraph
