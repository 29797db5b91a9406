// Romanisation for search through one compound ICU transform (see the
// header for the chain and why each step). ICU does not document
// Transliterator::transliterate() as safe to call from several threads on
// one object, so calls never share one: each borrows an instance from a
// pool and gives it back. The pool grows to the number of threads that were
// ever transliterating at once.
//
// Measured (ICU 72, -O2, one short word): building the transform takes
// about 120 ms, a clone about 0.1 ms, a call 7 us (Latin) to 20-60 us
// (Cyrillic, Greek) and 100-300 us (Han, whose table is large). ICU's
// rule-based steps also take one process-wide lock of their own
// (RuleBasedTransliterator::handleTransliterate), so calls do not run in
// parallel however many instances there are: romanise each designation
// once, when an index is built, not per comparison.
#include "text/transliterate.hpp"

#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "text/fold.hpp"

namespace termgraph {

namespace {

// Modifier letters (\p{Lm}) are dropped before Latin-ASCII, which would
// turn the hard sign's ʺ into a double quote and ayin's ʿ into an
// apostrophe; the katakana long-vowel mark ー, which Any-Latin sometimes
// leaves, is one too.
constexpr char16_t transform_id[] =
    u"Russian-Latin/BGN; Greek-Latin/UNGEGN; Any-Latin; [\\p{Lm}] Remove; Latin-ASCII";

bool is_ascii(std::string_view text) noexcept {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

struct Transliterator::State {
  Folder folder;
  std::unique_ptr<icu::Transliterator> prototype;  // only cloned, under `mutex`
  mutable std::mutex mutex;
  mutable std::vector<std::unique_ptr<icu::Transliterator>> idle;

  State() {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    prototype.reset(icu::Transliterator::createInstance(icu::UnicodeString(transform_id),
                                                        UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status) || !prototype) {
      throw std::runtime_error(std::string("termgraph: ICU transliteration data unavailable: ") +
                               u_errorName(status));
    }
  }

  /// An instance for this call only: an idle one, else a new clone.
  std::unique_ptr<icu::Transliterator> borrow() const {
    std::lock_guard<std::mutex> lock(mutex);
    if (!idle.empty()) {
      std::unique_ptr<icu::Transliterator> t = std::move(idle.back());
      idle.pop_back();
      return t;
    }
    std::unique_ptr<icu::Transliterator> t(prototype->clone());
    if (!t) throw std::bad_alloc();
    return t;
  }

  void give_back(std::unique_ptr<icu::Transliterator> t) const {
    std::lock_guard<std::mutex> lock(mutex);
    idle.push_back(std::move(t));
  }

  /// A borrowed transliterator, given back to the pool when the call ends,
  /// however it ends.
  class Lease {
  public:
    explicit Lease(const State& pool) : pool_(pool), t_(pool.borrow()) {}
    ~Lease() {
      // push_back may fail for want of memory; the instance is then freed.
      try {
        pool_.give_back(std::move(t_));
      } catch (...) {
      }
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    const icu::Transliterator& get() const { return *t_; }

  private:
    const State& pool_;
    std::unique_ptr<icu::Transliterator> t_;
  };
};

Transliterator::Transliterator() : state_(std::make_unique<State>()) {}
Transliterator::~Transliterator() = default;

std::string Transliterator::to_latin(std::string_view folded) const {
  if (is_ascii(folded)) return {};
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(folded.data(), static_cast<int32_t>(folded.size())));
  {
    const State::Lease lease(*state_);
    lease.get().transliterate(text);
  }
  std::string latin;
  text.toUTF8String(latin);
  std::string refolded = state_->folder.fold(latin);
  if (refolded == folded) return {};
  return refolded;
}

}  // namespace termgraph
