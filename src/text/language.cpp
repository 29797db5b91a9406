// Language tags: canonical forms through ICU, basic filtering (RFC 4647).
#include "text/language.hpp"

#include "text/chars.hpp"

#include <unicode/uloc.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace termgraph::language {

namespace {

std::string ascii_fallback(std::string_view tag) {
  std::string out = ascii_lower(tag);
  for (char& c : out) {
    if (c == '_') c = '-';
  }
  return out;
}

bool ascii_iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

std::string canonical(std::string_view tag) {
  // Trim ASCII white space; language tags are short.
  while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
  while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
  if (tag.empty() || tag.size() > 100) return ascii_fallback(tag);
  std::string input = ascii_fallback(tag);
  char locale[ULOC_FULLNAME_CAPACITY + 1];
  UErrorCode status = U_ZERO_ERROR;
  int32_t parsed = 0;
  uloc_forLanguageTag(input.c_str(), locale, ULOC_FULLNAME_CAPACITY, &parsed, &status);
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING ||
      parsed != static_cast<int32_t>(input.size())) {
    return input;
  }
  char out[ULOC_FULLNAME_CAPACITY + 1];
  status = U_ZERO_ERROR;
  int32_t n = uloc_toLanguageTag(locale, out, ULOC_FULLNAME_CAPACITY, /*strict=*/false, &status);
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING || n <= 0) return input;
  std::string result(out, static_cast<std::size_t>(n));
  // ICU writes "und" for what it could not name; keep the tag as written.
  if (result == "und" && input != "und") return input;
  // ICU also turns ISO 639-2 codes into ISO 639-1 ones ("eng" -> "en"),
  // which BCP 47 does not: a three-letter primary subtag is kept, so that
  // "en" never matches "eng".
  const std::string_view primary = std::string_view(input).substr(0, input.find('-'));
  const std::size_t made = std::min(result.find('-'), result.size());
  if (primary.size() == 3 && made == 2) result.replace(0, made, primary);
  return result;
}

namespace {

/// How much of `tag` (ASCII letters, digits and '-' only) ICU's BCP 47
/// parser reads; -1 when it fails.
int parsed_length(const std::string& tag) {
  char locale[ULOC_FULLNAME_CAPACITY + 1];
  UErrorCode status = U_ZERO_ERROR;
  int32_t parsed = 0;
  uloc_forLanguageTag(tag.c_str(), locale, ULOC_FULLNAME_CAPACITY, &parsed, &status);
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return -1;
  return parsed;
}

/// The problem of a tag made of letters, digits and '-' only.
std::string syntax_problem(const std::string& tag) {
  // ULOC_FULLNAME_CAPACITY bounds what ICU reads; no real tag comes near.
  if (tag.size() > 100) return "it is longer than any language tag";
  const int parsed = parsed_length(tag);
  if (parsed < 0) return "ICU cannot read it";
  if (static_cast<std::size_t>(parsed) < tag.size()) {
    if (parsed == 0) return "it does not start with a language subtag";
    return "it breaks off after '" + tag.substr(0, static_cast<std::size_t>(parsed)) +
           "' (empty, repeated or misplaced subtag)";
  }
  // ICU reads a primary language subtag of 2 to 8 letters; BCP 47 assigns
  // only 2 and 3 (ISO 639), and "x" / "i" start private-use and
  // grandfathered tags, which ICU checked.
  const std::size_t primary = std::min(tag.find('-'), tag.size());
  if (primary > 3) {
    return "its language subtag '" + tag.substr(0, primary) +
           "' is not a language code (ISO 639: 2 or 3 letters, such as 'en' or 'fra')";
  }
  return {};
}

}  // namespace

std::string ill_formed(std::string_view tag) {
  if (tag.empty()) return "it is empty";
  std::string written(tag);
  bool other = false, underscore = false;
  for (char c : written) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c == '_') {
      underscore = true;
    } else if (!alnum && c != '-') {
      other = true;
    }
  }
  if (!other && !underscore) return syntax_problem(written);
  if (!other) {
    // "en_GB": the POSIX locale spelling.
    std::string dashed = written;
    for (char& c : dashed) {
      if (c == '_') c = '-';
    }
    if (syntax_problem(dashed).empty()) {
      return "subtags are separated by '-', not '_' (did you mean '" + canonical(dashed) + "'?)";
    }
    return "subtags are separated by '-', not '_'";
  }
  return "a language tag has only ASCII letters, digits and '-'";
}

bool same(std::string_view a, std::string_view b) {
  if (ascii_iequal(a, b)) return true;
  return canonical(a) == canonical(b);
}

bool matches(std::string_view range, std::string_view tag) {
  if (range.empty() || range == "*") return true;
  std::string r = canonical(range);
  std::string t = canonical(tag);
  if (t.size() < r.size()) return false;
  if (!ascii_iequal(std::string_view(t).substr(0, r.size()), r)) return false;
  return t.size() == r.size() || t[r.size()] == '-';
}

bool serves(std::string_view range, std::string_view tag) {
  return matches(range, tag) || (!tag.empty() && matches(tag, range));
}

}  // namespace termgraph::language
