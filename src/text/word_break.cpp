// ICU's word break iterator for a language (word_break.hpp).
#include "text/word_break.hpp"

#include <stdexcept>
#include <string>

#include <unicode/locid.h>
#include <unicode/uloc.h>

namespace termgraph {

std::unique_ptr<icu::BreakIterator> word_iterator(std::string_view tag) {
  std::string locale_id;
  if (!tag.empty()) {
    const std::string input(tag);
    char id[ULOC_FULLNAME_CAPACITY] = {};
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(input.c_str(), id, ULOC_FULLNAME_CAPACITY, &parsed, &status);
    if (U_SUCCESS(status) && status != U_STRING_NOT_TERMINATED_WARNING &&
        static_cast<std::size_t>(parsed) == input.size()) {
      locale_id = id;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale(locale_id.c_str()), status));
  if (U_FAILURE(status) || !it) {
    throw std::runtime_error(std::string("termgraph: ICU word break rules unavailable: ") +
                             u_errorName(status));
  }
  return it;
}

}  // namespace termgraph
