// Folding text for comparison: NFKC with case folding, accents (combining
// marks that are not part of a letter) removed, the spellings of one
// Arabic-script letter made one, white space collapsed. ASCII input, by far the most common case,
// takes a path that never touches ICU and gives the same result.
#include "text/fold.hpp"

#include <stdexcept>
#include <string>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

namespace termgraph {

// The normalizers are ICU singletons: immutable and safe to use from many
// threads at once. A Folder only keeps pointers to them, so concurrent
// const calls share nothing mutable.
struct Folder::State {
  const icu::Normalizer2* nfkc_casefold = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  const icu::Normalizer2* nfc = nullptr;

  State() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    nfd = icu::Normalizer2::getNFDInstance(status);
    nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || !nfkc_casefold || !nfd || !nfc) {
      throw std::runtime_error(std::string("termgraph: ICU normalization data unavailable: ") +
                               u_errorName(status));
    }
  }
};

namespace {

// White space as u_isUWhiteSpace() sees it, restricted to ASCII.
constexpr bool is_ascii_space(unsigned char c) noexcept {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

bool is_ascii(std::string_view text) noexcept {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Collapses white space runs to one space and trims; with `lower`, ASCII
// letters are lowered too.
void collapse_ascii(std::string_view text, std::string& out, bool lower) {
  out.clear();
  out.reserve(text.size());
  bool pending_space = false;
  for (unsigned char c : text) {
    if (is_ascii_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    if (lower && c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    out.push_back(static_cast<char>(c));
  }
}

// Appends code point `c` to `out` as UTF-8.
void append_utf8(std::string& out, UChar32 c) {
  if (U_IS_SURROGATE(c)) c = 0xFFFD;  // never produced from valid input
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

/// Whether the nonspacing mark `c` is an accent that comparison ignores:
/// the combining diacritics Latin, Greek and Cyrillic letters carry, the
/// harakat and other marks of Arabic script, Hebrew points. Marks that are
/// part of a letter are kept: the vowel signs and viramas of the Brahmic
/// scripts (Devanagari, Bengali, Thai ...), and the kana voicing marks
/// (U+3099, U+309A), which tell "バス" from "ハス".
bool is_ignored_mark(UChar32 c) {
  if (c == 0x3099 || c == 0x309A) return false;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  if (U_FAILURE(status)) return true;
  switch (script) {
    case USCRIPT_INHERITED:
    case USCRIPT_COMMON:
    case USCRIPT_LATIN:
    case USCRIPT_GREEK:
    case USCRIPT_CYRILLIC:
    case USCRIPT_ARABIC:
    case USCRIPT_HEBREW:
    case USCRIPT_SYRIAC:
      return true;
    default:
      return false;
  }
}

/// Arabic-script letters written two ways for one letter: tatweel (U+0640,
/// a stretch of the joining line) is dropped (-1); alef wasla, Farsi yeh,
/// alef maksura and keheh become alef, yeh and kaf, so that a Persian term
/// typed with an Arabic keyboard (and the other way round) is found. Other
/// code points are returned unchanged.
UChar32 fold_arabic_letter(UChar32 c) {
  switch (c) {
    case 0x0640:  // ARABIC TATWEEL
      return -1;
    case 0x0671:  // ARABIC LETTER ALEF WASLA
      return 0x0627;
    case 0x06CC:  // ARABIC LETTER FARSI YEH
    case 0x0649:  // ARABIC LETTER ALEF MAKSURA
      return 0x064A;
    case 0x06A9:  // ARABIC LETTER KEHEH
      return 0x0643;
    default:
      return c;
  }
}

// Writes `text` as UTF-8 into `out`, white space runs collapsed to one space
// and trimmed; `size_hint` is the expected size.
void collapse_into(const icu::UnicodeString& text, std::size_t size_hint, std::string& out) {
  out.clear();
  out.reserve(size_hint);
  bool pending_space = false;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    append_utf8(out, c);
  }
}

}  // namespace

Folder::Folder() : state_(std::make_unique<State>()) {}
Folder::~Folder() = default;
Folder::Folder(Folder&&) noexcept = default;
Folder& Folder::operator=(Folder&&) noexcept = default;

void Folder::fold_into(std::string_view text, std::string& out) const {
  if (is_ascii(text)) {
    collapse_ascii(text, out, true);
    return;
  }
  // A moved-from Folder still folds: the instances are process-wide.
  std::unique_ptr<State> local;
  const State* state = state_.get();
  if (!state) {
    local = std::make_unique<State>();
    state = local.get();
  }

  // fromUTF8 replaces ill-formed sequences by U+FFFD.
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString folded = state->nfkc_casefold->normalize(input, status);
  const icu::UnicodeString decomposed = state->nfd->normalize(folded, status);

  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK && is_ignored_mark(c)) continue;
    const UChar32 letter = fold_arabic_letter(c);
    if (letter >= 0) stripped.append(letter);
  }
  const icu::UnicodeString composed = state->nfc->normalize(stripped, status);
  // Normalisation of well-formed UTF-16 only fails when memory runs out;
  // fall back to the stripped text rather than returning nothing.
  const icu::UnicodeString& result = U_SUCCESS(status) ? composed : stripped;

  collapse_into(result, text.size(), out);
}

void Folder::compose_into(std::string_view text, std::string& out) const {
  if (is_ascii(text)) {
    collapse_ascii(text, out, false);
    return;
  }
  const icu::Normalizer2* nfc = state_ ? state_->nfc : State().nfc;
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString composed = nfc->normalize(input, status);
  collapse_into(U_SUCCESS(status) ? composed : input, text.size(), out);
}

}  // namespace termgraph
