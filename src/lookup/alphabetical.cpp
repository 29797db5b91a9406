// Alphabetical indexes: the designations of one language in that language's
// collation order (ICU's collator for the locale, CLDR's rules). Each
// designation's sort key is computed once; a stable sort over keys that
// start in reading order leaves equal ones in reading order.
#include "termgraph/alphabetical.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/language.hpp"

namespace termgraph {

namespace {

/// True for the ranges that match every tag.
bool any_language(std::string_view range) {
  return range.empty() || range == "*";
}

/// A new collator for the language tag `tag` (root collation for "" and
/// "*", and for what ICU cannot read as a tag).
std::unique_ptr<icu::Collator> make_collator(const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::getRoot();
  if (!any_language(tag)) {
    icu::Locale parsed = icu::Locale::forLanguageTag(tag, status);
    if (U_SUCCESS(status) && !parsed.isBogus()) locale = parsed;
  }
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(locale, status));
  if (U_FAILURE(status) || !collator) {
    status = U_ZERO_ERROR;
    collator.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
  }
  if (U_FAILURE(status) || !collator) {
    throw std::runtime_error(std::string("termgraph: ICU has no collator: ") + u_errorName(status));
  }
  return collator;
}

/// The collator of a tag, made once: one prototype per tag, kept for the
/// life of the program, and a clone of it for each index (a clone shares
/// the prototype's rules and costs little; one collator is not used by two
/// threads at once). At most `limit` tags are kept, so that a program fed
/// ranges from untrusted input does not grow without bound; past that, a
/// collator is made for each call.
std::unique_ptr<icu::Collator> collator_for(const std::string& tag) {
  constexpr std::size_t limit = 64;
  static std::mutex mutex;
  static std::vector<std::pair<std::string, std::unique_ptr<icu::Collator>>> prototypes;
  const std::lock_guard<std::mutex> lock(mutex);
  for (const auto& p : prototypes) {
    if (p.first == tag) return std::unique_ptr<icu::Collator>(p.second->clone());
  }
  std::unique_ptr<icu::Collator> made = make_collator(tag);
  if (prototypes.size() >= limit) return made;
  std::unique_ptr<icu::Collator> copy(made->clone());
  prototypes.emplace_back(tag, std::move(made));
  return copy;
}

/// `lines` (in reading order) sorted by `collator`'s sort keys of their
/// terms; equal keys keep their order.
std::vector<IndexLine> collate(std::vector<IndexLine> lines, const icu::Collator& collator) {
  // Every key in one buffer; key i is keys[offsets[i] .. offsets[i + 1]),
  // without its terminating zero byte.
  std::string keys;
  std::vector<std::size_t> offsets;
  offsets.reserve(lines.size() + 1);
  offsets.push_back(0);
  std::vector<std::uint8_t> key(64);
  for (const IndexLine& line : lines) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(line.term.data(), static_cast<std::int32_t>(line.term.size())));
    std::int32_t n = collator.getSortKey(text, key.data(), static_cast<std::int32_t>(key.size()));
    if (n > static_cast<std::int32_t>(key.size())) {
      key.resize(static_cast<std::size_t>(n));
      n = collator.getSortKey(text, key.data(), n);
    }
    // n counts the terminating zero byte; 0 means ICU failed (no memory).
    if (n <= 0) throw std::runtime_error("termgraph: ICU cannot make a collation key");
    keys.append(reinterpret_cast<const char*>(key.data()), static_cast<std::size_t>(n - 1));
    offsets.push_back(keys.size());
  }
  const auto key_of = [&keys, &offsets](std::size_t i) {
    return std::string_view(keys).substr(offsets[i], offsets[i + 1] - offsets[i]);
  };
  std::vector<std::size_t> order(lines.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // string_view compares bytes as unsigned char, as sort keys are compared.
  std::stable_sort(order.begin(), order.end(),
                   [&key_of](std::size_t a, std::size_t b) { return key_of(a) < key_of(b); });
  std::vector<IndexLine> sorted;
  sorted.reserve(lines.size());
  for (std::size_t i : order) sorted.push_back(lines[i]);
  return sorted;
}

/// The language tags of a vocabulary's sections as written, each once, in
/// order of first appearance, with their canonical forms: a vocabulary holds
/// few distinct tags and many sections, so each is canonicalised once.
struct Tags {
  std::vector<std::string_view> written;
  std::vector<std::string> canonical;

  explicit Tags(const Vocabulary& vocabulary) {
    for (const Entry& entry : vocabulary.entries()) {
      for (const LanguageSection& section : entry.languages) {
        if (index_of(section.language) == written.size()) {
          written.push_back(section.language);
          canonical.push_back(language::canonical(section.language));
        }
      }
    }
  }

  /// The position of the tag written `tag` in `written` (size() when absent).
  std::size_t index_of(std::string_view tag) const {
    return static_cast<std::size_t>(std::find(written.begin(), written.end(), tag) -
                                    written.begin());
  }
};

/// The designations (with text) of the sections whose written tag is one
/// that `chosen` marks, in reading order.
std::vector<IndexLine> lines_of(const Vocabulary& vocabulary, const Tags& tags,
                                const std::vector<bool>& chosen) {
  std::vector<IndexLine> lines;
  for (const Entry& entry : vocabulary.entries()) {
    for (const LanguageSection& section : entry.languages) {
      if (!chosen[tags.index_of(section.language)]) continue;
      for (const Designation& d : section.designations) {
        if (d.text.empty()) continue;
        lines.push_back(IndexLine{d.text, entry.id, &section, &d});
      }
    }
  }
  return lines;
}

/// `range` one step shorter, as RFC 4647's lookup shortens it: its last
/// subtag removed, and a single-letter subtag left at the end removed with
/// it ("de-CH-u-co" -> "de-CH"); empty after the primary language subtag.
std::string shortened(std::string range) {
  std::size_t dash = range.rfind('-');
  if (dash == std::string::npos) return {};
  range.erase(dash);
  dash = range.rfind('-');
  if (dash != std::string::npos && range.size() - dash == 2) range.erase(dash);
  return range;
}

}  // namespace

std::vector<IndexLine> alphabetical_index(const Vocabulary& vocabulary, std::string_view language) {
  const Tags tags(vocabulary);
  const bool every = any_language(language);
  const std::string range = every ? std::string(language) : language::canonical(language);
  std::vector<bool> chosen(tags.written.size(), false);
  bool direct = true;
  for (std::string tried = range; every || !tried.empty();
       tried = shortened(std::move(tried)), direct = false) {
    bool any = false;
    for (std::size_t i = 0; i < tags.written.size(); ++i) {
      chosen[i] = language::matches(tried, tags.written[i]);
      any = any || chosen[i];
    }
    if (any || every) break;
  }
  // Matched directly by sections of one tag: that tag's collation, the more
  // specific ("fr" on fr-CA sections sorts as fr-CA).
  std::string collation = range;
  if (direct) {
    const std::string* only = nullptr;
    bool one = true;
    for (std::size_t i = 0; i < tags.written.size(); ++i) {
      if (!chosen[i]) continue;
      if (only && *only != tags.canonical[i]) one = false;
      only = &tags.canonical[i];
    }
    if (one && only) collation = *only;
  }
  std::vector<IndexLine> lines = lines_of(vocabulary, tags, chosen);
  if (lines.empty()) return lines;
  return collate(std::move(lines), *collator_for(collation));
}

std::vector<AlphabeticalIndex> alphabetical_indexes(const Vocabulary& vocabulary) {
  const Tags tags(vocabulary);
  std::vector<AlphabeticalIndex> indexes;
  for (const std::string& tag : languages(vocabulary)) {
    std::vector<bool> chosen(tags.written.size());
    for (std::size_t i = 0; i < tags.written.size(); ++i) chosen[i] = tags.canonical[i] == tag;
    AlphabeticalIndex index;
    index.language = tag;
    index.lines = lines_of(vocabulary, tags, chosen);
    if (!index.lines.empty()) index.lines = collate(std::move(index.lines), *collator_for(tag));
    indexes.push_back(std::move(index));
  }
  return indexes;
}

std::vector<std::string> languages(const Vocabulary& vocabulary) {
  const Tags tags(vocabulary);
  std::vector<std::string> out;
  for (const std::string& tag : tags.canonical) {
    if (std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(tag);
  }
  return out;
}

}  // namespace termgraph
