// The writing pass: how ISO 10241-1 and the ISO/IEC Directives, Part 2, want
// definitions and notes written. A definition is a phrase that can replace
// the term in a sentence: no article first, no capital first (unless the
// word is always written so), no full stop last, and not the term itself;
// a note's label ("Note 1 to entry:") is added by the layout.
#include "analysis/writing.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/source_text.hpp"
#include "termgraph/rules.hpp"
#include "text/chars.hpp"

namespace termgraph {

namespace {

using Impl = Vocabulary::Impl;

/// A word of a text: its bytes and its case-folded form.
struct Word {
  std::size_t begin = 0, end = 0;
  std::string folded;
};

bool word_char(UChar32 cp) {
  if (cp < 0) return false;
  if (u_isalnum(cp)) return true;
  const std::int8_t type = u_charType(cp);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

UChar32 code_point_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return -1;
  auto at = static_cast<std::int32_t>(i);
  UChar32 cp;
  U8_NEXT(s.data(), at, static_cast<std::int32_t>(s.size()), cp);
  return cp;
}

void append_utf8(std::string& out, UChar32 cp) {
  char buffer[4];
  std::int32_t n = 0;
  UBool error = false;
  U8_APPEND(buffer, n, 4, cp, error);
  if (!error) out.append(buffer, static_cast<std::size_t>(n));
}

/// The next word of `text` from byte `from` on: a run of letters, digits
/// and marks, a hyphen or underscore between two of them included ("X-ray",
/// "peer-to-peer"), with its case-folded form. False when there is none.
bool next_word(std::string_view text, std::size_t from, Word& word) {
  const auto length = static_cast<std::int32_t>(text.size());
  auto i = static_cast<std::int32_t>(from);
  bool in_word = false;
  word.folded.clear();
  while (i < length) {
    std::int32_t at = i;
    UChar32 cp;
    auto byte = static_cast<unsigned char>(text[static_cast<std::size_t>(i)]);
    bool is_word;
    if (byte < 0x80) {  // ASCII, the common case, without ICU
      ++i;
      cp = byte;
      is_word = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    } else {
      U8_NEXT(text.data(), i, length, cp);
      is_word = word_char(cp);
    }
    if (!is_word && in_word && (cp == '-' || cp == '_')) {
      is_word = word_char(code_point_at(text, static_cast<std::size_t>(i)));
    }
    if (is_word) {
      if (!in_word) {
        word.begin = static_cast<std::size_t>(at);
        in_word = true;
      }
      if (cp < 0x80) {
        word.folded += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
      } else {
        append_utf8(word.folded, u_foldCase(cp, U_FOLD_CASE_DEFAULT));
      }
      word.end = static_cast<std::size_t>(i);
    } else if (in_word) {
      return true;
    }
  }
  return in_word;
}

/// Every word of a short text (a designation).
std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  Word w;
  for (std::size_t at = 0; next_word(text, at, w); at = w.end) out.push_back(w);
  return out;
}

/// The primary language subtag, lower case ("en" for "en-GB").
std::string primary_language(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

bool is_upper(UChar32 cp) {
  return cp >= 0 && (u_isupper(cp) || u_istitle(cp));
}

/// Abbreviations whose full stop ends a definition without being one.
bool is_abbreviation(std::string_view last) {
  // "e.g.", "U.S.", "z.B.": a full stop inside the word too.
  std::string_view body = last.substr(0, last.size() - 1);
  if (body.find('.') != std::string_view::npos) return true;
  // An initial ("J.").
  UChar32 first = code_point_at(body, 0);
  if (!body.empty() && static_cast<std::size_t>(U8_LENGTH(first)) == body.size() &&
      is_upper(first)) {
    return true;
  }
  std::string lower;
  for (char c : last) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  static const std::set<std::string, std::less<>> known = {
      "etc.", "al.",   "cf.",   "resp.", "approx.", "incl.", "excl.", "vs.",   "inc.",
      "ltd.", "co.",   "corp.", "no.",   "nos.",    "vol.",  "p.",    "pp.",   "ch.",
      "fig.", "ca.",   "ed.",   "eds.",  "usw.",    "bzw.",  "vgl.",  "ggf.",  "evtl.",
      "sog.", "bspw.", "etw.",  "env.",  "ex.",     "cie.",  "éd.",   "hrsg.", "st.",
      "dr.",  "mr.",   "mrs.",  "ms.",   "jr.",     "sr.",   "dept.", "ibid.", "viz."};
  return known.count(lower) != 0;
}

/// A note label at the start of a note's text: "Note 1 to entry:", "NOTE",
/// "NOTE 2", "Note:", "Note 1 à l'article :", "Anmerkung 1 zum Begriff:".
struct Label {
  std::size_t end = 0;    // where the note's own text starts
  long number = -1;       // the number it carries, or -1
  std::string_view text;  // the label as written
};

bool starts_with_folded(std::string_view text, std::size_t at, std::string_view word) {
  if (text.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = text[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return true;
}

bool find_label(std::string_view text, Label& label) {
  std::size_t i = 0;
  bool capitals = false;
  for (std::string_view word : {"anmerkung", "note"}) {
    if (starts_with_folded(text, 0, word)) {
      i = word.size();
      capitals = text.substr(0, 2) == (word == "note" ? "NO" : "AN");
      break;
    }
  }
  if (i == 0) return false;
  // The word ends there ("Notes", "Noted" are words of the text).
  UChar32 next = code_point_at(text, i);
  if (next >= 0 && word_char(next) && !(next >= '0' && next <= '9')) return false;
  bool labelled = capitals;
  auto spaces = [&] {
    while (i < text.size() && text[i] == ' ') ++i;
  };
  std::size_t before = i;
  spaces();
  if (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    long n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && n < 100000) {
      n = n * 10 + (text[i] - '0');
      ++i;
    }
    label.number = n;
    labelled = true;
    before = i;
    spaces();
  } else {
    i = before;
    spaces();
  }
  for (std::string_view phrase :
       {"to entry", "à l'article", "à l’article", "zum begriff", "zur benennung", "zum eintrag"}) {
    if (starts_with_folded(text, i, phrase)) {
      i += phrase.size();
      labelled = true;
      before = i;
      spaces();
      break;
    }
  }
  bool punctuation = false;
  for (std::string_view mark : {":", "—", "–", "-"}) {
    if (text.compare(i, mark.size(), mark) == 0) {
      i += mark.size();
      punctuation = true;
      break;
    }
  }
  if (punctuation && text.compare(i - 1, 1, "-") == 0 && !labelled) return false;
  labelled = labelled || punctuation;
  if (!labelled) return false;
  if (!punctuation) i = before;
  label.text = text.substr(0, i);
  spaces();
  label.end = i;
  return true;
}

/// A block's raw map, made when a finding first needs it.
class LazyMap {
public:
  LazyMap(SourceText& text, const TextBlock& block) : text_(text), block_(block) {}
  /// The map, or nullptr when the block does not map back.
  const RawMap* get() {
    if (!tried_) {
      tried_ = true;
      ok_ = text_.map_block(block_, map_);
    }
    return ok_ ? &map_ : nullptr;
  }

private:
  SourceText& text_;
  const TextBlock& block_;
  RawMap map_;
  bool tried_ = false, ok_ = false;
};

class WritingPass {
public:
  WritingPass(Impl& impl, std::vector<Diagnostic>& diagnostics)
      : impl_(impl), text_(impl), diagnostics_(diagnostics) {}

  void run() {
    for (const Entry& entry : impl_.entries) {
      for (const LanguageSection& section : entry.languages) {
        const std::string language = primary_language(section.language);
        if (const TextBlock* definition = section.definition) {
          check_definition(entry, section, language, *definition);
        }
        for (std::size_t n = 0; n < section.notes.size(); ++n) {
          check_note(entry, section.notes[n], n + 1);
        }
      }
    }
  }

private:
  /// The source range of bytes [from, to) of a block's text, or the block's
  /// range when they do not map back.
  SourceRange where(const TextBlock& block, const RawMap* map, std::size_t from, std::size_t to) {
    std::size_t begin = 0, end = 0;
    if (map && map->raw_range(from, to, begin, end)) {
      return text_.range(block.range.file, begin, end);
    }
    return block.range;
  }

  Diagnostic& report(const Rule& rule, EntryId entry, const SourceRange& range,
                     std::string message) {
    Diagnostic d = make_diagnostic(rule, range, std::move(message));
    d.entries.push_back(entry);
    diagnostics_.push_back(std::move(d));
    return diagnostics_.back();
  }

  void check_definition(const Entry& entry, const LanguageSection& section,
                        const std::string& language, const TextBlock& block) {
    std::string_view text = block.text;
    if (text.empty()) return;
    LazyMap m(text_, block);
    Word first;
    const bool word_first = next_word(text, 0, first) && first.begin == 0;

    // definition-starts-with-article.
    if (word_first) {
      static const std::map<std::string, std::set<std::string, std::less<>>, std::less<>> articles =
          {{"en", {"a", "an", "the"}},
           {"fr", {"le", "la", "les", "un", "une"}},
           {"de", {"der", "die", "das", "ein", "eine"}},
           {"es", {"el", "la", "los", "las", "un", "una"}}};
      auto found = articles.find(language);
      std::size_t article_end = 0;
      if (found != articles.end() && found->second.count(first.folded) &&
          text.compare(first.end, 1, " ") == 0) {
        article_end = first.end;
      } else if (language == "fr" && first.folded == "l" &&
                 (text.compare(first.end, 1, "'") == 0 ||
                  text.compare(first.end, 3, "\u2019") == 0)) {
        article_end = first.end + (text[first.end] == '\'' ? 1 : 3);
      }
      if (article_end) {
        report(rules::definition_starts_with_article, entry.id,
               where(block, m.get(), 0, article_end),
               "definition starts with the article '" + std::string(text.substr(0, article_end)) +
                   "'; a definition is a phrase that can replace the term, without an article");
      }
    }

    // definition-capitalised.
    if (language != "de" && language != "lb" && word_first) {
      std::string_view written = text.substr(first.begin, first.end - first.begin);
      if (is_upper(code_point_at(text, 0)) && !always_capitalised(written, language)) {
        std::size_t one = static_cast<std::size_t>(U8_LENGTH(code_point_at(text, 0)));
        report(rules::definition_capitalised, entry.id, where(block, m.get(), 0, one),
               "definition starts with a capital letter ('" + std::string(written) +
                   "'); write it in lower case unless the word is always capitalised");
      }
    }

    // definition-ends-with-full-stop.
    if (text.back() == '.' && !(text.size() >= 2 && text[text.size() - 2] == '.')) {
      std::size_t space = text.rfind(' ');
      std::string_view last = text.substr(space == std::string_view::npos ? 0 : space + 1);
      while (!last.empty() && (last.front() == '(' || last.front() == '"')) last.remove_prefix(1);
      if (!is_abbreviation(last)) {
        Diagnostic& d = report(rules::definition_ends_with_full_stop, entry.id,
                               where(block, m.get(), text.size() - 1, text.size()),
                               "definition ends with a full stop; a definition is a phrase, "
                               "not a sentence");
        std::size_t begin = 0, end = 0;
        if (m.get() && m.get()->raw_range(text.size() - 1, text.size(), begin, end)) {
          d.fixes.push_back(
              {"remove the final full stop", {{text_.range(block.range.file, begin, end), ""}}});
        }
      }
    }

    check_repeats_term(entry, section, language, block, m);
  }

  /// True when `word` starting a definition is written with a capital
  /// anyway: acronyms and words with inner capitals or digits ("DLT",
  /// "IPv6", "X-ray"), and proper names: words written with a capital in
  /// the middle of sentences elsewhere in the vocabulary, or first words of
  /// its designations.
  bool always_capitalised(std::string_view word, const std::string& language) {
    std::int32_t i = 0;
    const auto length = static_cast<std::int32_t>(word.size());
    UChar32 cp;
    U8_NEXT(word.data(), i, length, cp);
    if (i < length && (word[static_cast<std::size_t>(i)] == '-')) return true;  // "X-ray"
    while (i < length) {
      U8_NEXT(word.data(), i, length, cp);
      if (is_upper(cp) || u_isdigit(cp)) return true;
    }
    return proper_names(language).count(word) != 0;
  }

  const std::set<std::string, std::less<>>& proper_names(const std::string& language) {
    auto found = names_.find(language);
    if (found != names_.end()) return found->second;
    std::set<std::string, std::less<>>& names = names_[language];
    for (const Entry& entry : impl_.entries) {
      for (const LanguageSection& section : entry.languages) {
        if (primary_language(section.language) != language) continue;
        for (const Designation& d : section.designations) {
          std::vector<Word> w = words_of(d.text);
          if (!w.empty() && w.front().begin == 0 && is_upper(code_point_at(d.text, 0))) {
            names.emplace(d.text.substr(0, w.front().end));
          }
        }
        auto add = [&](const TextBlock& block) {
          std::string_view text = block.text;
          Word w;
          for (std::size_t at = 0; next_word(text, at, w); at = w.end) {
            if (w.begin == 0 || !is_upper(code_point_at(text, w.begin))) continue;
            // Not after the end of a sentence or a label.
            std::size_t j = w.begin;
            while (j > 0 && text[j - 1] == ' ') --j;
            if (j == 0) continue;
            char before = text[j - 1];
            if (before == '.' || before == '!' || before == '?' || before == ':') continue;
            names.emplace(text.substr(w.begin, w.end - w.begin));
          }
        };
        if (section.definition) add(*section.definition);
        for (const TextBlock& b : section.notes) add(b);
      }
    }
    return names;
  }

  /// The folded words of every designation of `language` that has more than
  /// one word.
  /// The designations of more than one word in `language`, as folded
  /// words, and where each run of their words stands in them: a finding
  /// looks up only the designations that hold its words, not all of them.
  struct LongDesignations {
    std::vector<std::vector<std::string>> words;
    /// A run of folded words (joined by U+001F), shorter than the whole
    /// designation -> (index into `words`, where the run starts there).
    std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, std::uint32_t>>> by_run;
  };
  /// Designations longer than this many words are not indexed (none is).
  static constexpr std::size_t most_words = 24;

  static std::string run_key(const std::vector<Word>& w, std::size_t from, std::size_t n) {
    std::string key;
    for (std::size_t k = from; k < from + n; ++k) {
      if (k > from) key += '\x1f';
      key += w[k].folded;
    }
    return key;
  }

  const LongDesignations& long_designations(const std::string& language) {
    auto found = designations_.find(language);
    if (found != designations_.end()) return found->second;
    LongDesignations& out = designations_[language];
    for (const LanguageSection& section : impl_.sections) {
      if (primary_language(section.language) != language) continue;
      for (const Designation& d : section.designations) {
        std::vector<Word> w = words_of(d.text);
        if (w.size() < 2 || w.size() > most_words) continue;
        const auto index = static_cast<std::uint32_t>(out.words.size());
        for (std::size_t n = 1; n < w.size(); ++n) {
          for (std::size_t j = 0; j + n <= w.size(); ++j) {
            out.by_run[run_key(w, j, n)].emplace_back(index, static_cast<std::uint32_t>(j));
          }
        }
        std::vector<std::string> folded;
        for (Word& x : w) folded.push_back(std::move(x.folded));
        out.words.push_back(std::move(folded));
      }
    }
    return out;
  }

  void check_repeats_term(const Entry& entry, const LanguageSection& section,
                          const std::string& language, const TextBlock& block, LazyMap& m) {
    std::string_view text = block.text;
    // The definition in ASCII lower case, made on first need: a quick "no"
    // for the terms whose first word it holds nowhere.
    const bool ascii = termgraph::text::is_ascii(text);
    std::string lower;
    for (const Designation& term : section.designations) {
      if (term.status != Status::preferred || term.kind == TermKind::symbol ||
          term.kind == TermKind::abbreviation) {
        continue;
      }
      std::vector<Word> tw = words_of(term.text);
      if (tw.empty()) continue;
      if (ascii && termgraph::text::is_ascii(tw[0].folded)) {
        if (lower.empty()) {
          lower.assign(text);
          for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
        if (lower.find(tw[0].folded) == std::string::npos) continue;
      }
      const std::size_t n = tw.size();
      // The last n words of the definition, as a ring.
      std::vector<Word> ring(n);
      std::size_t seen = 0;
      Word w;
      for (std::size_t at = 0; next_word(text, at, w); at = w.end) {
        ring[seen % n] = w;
        ++seen;
        if (seen < n) continue;
        auto nth = [&](std::size_t k) -> const Word& { return ring[(seen - n + k) % n]; };
        bool same = true;
        for (std::size_t k = 0; k < n && same; ++k) {
          same = nth(k).folded == tw[k].folded;
          // Written as one phrase: the same separators as in the term.
          if (same && k > 0) {
            same = text.substr(nth(k - 1).end, nth(k).begin - nth(k - 1).end) ==
                   term.text.substr(tw[k - 1].end, tw[k].begin - tw[k - 1].end);
          }
        }
        if (!same) continue;
        const std::size_t begin = nth(0).begin, end = nth(n - 1).end;
        // Not inside a reference: that cites another entry.
        bool cited =
            std::any_of(block.references.begin(), block.references.end(),
                        [&](const Reference& r) { return begin < r.end && cited_from(r) < end; });
        if (cited || inside_longer_designation(text, begin, n, language)) continue;
        std::string message =
            begin == 0
                ? "definition starts with the term it defines ('" + std::string(term.text) +
                      "'); define the concept with other words"
                : "definition repeats the term it defines ('" + std::string(term.text) + "')";
        report(rules::definition_repeats_term, entry.id, where(block, m.get(), begin, end),
               message);
        return;  // one finding per definition
      }
    }
  }

  /// Where a reference starts in its block's text: for one in plain text,
  /// where resolution found the cited term to start ("ledger records" in
  /// "collection of ledger records (3.44)"), else as read.
  std::uint32_t cited_from(const Reference& r) const {
    std::size_t index = impl_.reference_index(r);
    if (index < impl_.resolutions.size() && impl_.resolutions[index].target != no_entry) {
      return std::min(r.begin, impl_.resolutions[index].begin);
    }
    return r.begin;
  }

  /// True when words [i, i + n) of a definition are part of a longer
  /// designation of the vocabulary written around them ("ledger" in
  /// "distributed ledger").
  bool inside_longer_designation(std::string_view text, std::size_t begin, std::size_t n,
                                 const std::string& language) {
    // The words around the occurrence (designations are short).
    constexpr std::size_t reach = 400;
    std::size_t from = begin > reach ? begin - reach : 0;
    while (from > 0 && from < begin && text[from - 1] != ' ') ++from;  // a whole word first
    std::vector<Word> words;
    std::size_t i = SIZE_MAX;
    Word w;
    for (std::size_t at = from; next_word(text, at, w) && w.begin < begin + 2 * reach; at = w.end) {
      if (w.begin == begin) i = words.size();
      words.push_back(w);
    }
    if (i == SIZE_MAX) return false;
    const LongDesignations& all = long_designations(language);
    if (i + n > words.size()) return false;
    auto holding = all.by_run.find(run_key(words, i, n));
    if (holding == all.by_run.end()) return false;
    for (const auto& [index, j] : holding->second) {
      const std::vector<std::string>& d = all.words[index];
      // The term's words are d[j, j + n); the designation starts at i - j.
      if (j > i || i - j + d.size() > words.size()) continue;
      bool match = true;
      for (std::size_t k = 0; k < d.size() && match; ++k) {
        match = words[i - j + k].folded == d[k];
      }
      if (match) return true;
    }
    return false;
  }

  void check_note(const Entry& entry, const TextBlock& note, std::size_t position) {
    Label label;
    if (!find_label(note.text, label)) return;
    LazyMap lazy(text_, note);
    const RawMap* m = lazy.get();
    std::string message =
        "note carries its own label '" + std::string(label.text) + "', which the layout adds";
    if (label.number >= 0 && static_cast<std::size_t>(label.number) != position) {
      message += "; its number " + std::to_string(label.number) +
                 " disagrees with its place (note " + std::to_string(position) +
                 " of its language section)";
    }
    Diagnostic& d =
        report(rules::note_label, entry.id, where(note, m, 0, label.text.size()), message);
    // The fix removes the label and the space after it, when the note has
    // text of its own and nothing but characters stands between.
    if (!m || label.end >= note.text.size()) return;
    const RawMap& map = *m;
    std::uint32_t first = map.unit_of[0], rest = map.unit_of[label.end];
    if (first == RawMap::no_unit || rest == RawMap::no_unit || rest <= first) return;
    // The label's units and the white space after it, next to each other
    // in the raw text (no markup among them).
    for (std::uint32_t k = first + 1; k < rest; ++k) {
      if (map.units[k].after_markup || map.units[k].begin != map.units[k - 1].end) return;
    }
    std::size_t begin = map.units[first].begin, end = map.units[rest - 1].end;
    d.fixes.push_back({"remove the label", {{text_.range(note.range.file, begin, end), ""}}});
  }

  Impl& impl_;
  SourceText text_;
  std::vector<Diagnostic>& diagnostics_;
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> names_;
  std::map<std::string, LongDesignations, std::less<>> designations_;
};

}  // namespace

void check_writing(Impl& impl, std::vector<Diagnostic>& diagnostics) {
  WritingPass(impl, diagnostics).run();
}

}  // namespace termgraph
