// Internal: the ASCII-Latin form of folded text, so that a Latin query finds
// a Cyrillic or Greek designation and an ASCII query an accented one.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace termgraph {

/// Romanises folded text through one ICU transform, created once:
///
///   Russian-Latin/BGN; Greek-Latin/UNGEGN; Any-Latin; [:Lm:] Remove; Latin-ASCII
///
/// Cyrillic follows BGN/PCGN (ч ch, ш sh, ж zh, х kh, ц ts: what English
/// speakers type), Greek the UN romanisation of modern Greek (β v, η i),
/// every other script ICU's default romanisation (Chinese as toneless pinyin
/// syllables, kana as Hepburn, Arabic and Hebrew letter by letter); then
/// modifier letters (hard and soft signs, ayin, the katakana long-vowel
/// mark) are dropped and Latin letters lose their accents or are spelled in
/// ASCII (ß ss, æ ae, ø o, ł l, þ th). Symbols and scripts ICU does not
/// romanise are kept as written.
///
/// Safe to call concurrently on one object: each call borrows an ICU
/// transliterator from a small pool (a clone of the first, made when every
/// pooled one is in use), so threads never share one. Costly: about 120 ms
/// to construct (create one, once) and 10-300 us a call, which ICU
/// serialises process-wide (see transliterate.cpp).
class Transliterator {
public:
  Transliterator();
  ~Transliterator();
  Transliterator(const Transliterator&) = delete;
  Transliterator& operator=(const Transliterator&) = delete;

  /// The ASCII-Latin form of already folded text (Folder output), folded
  /// again so that it compares with folded queries: "блокчеин" gives
  /// "blokchein", "κομβοσ" "komvos", "strasse" stays, "reseau" stays.
  /// Empty when `folded` is all ASCII or the transform changes nothing
  /// (nothing to add to the forms already indexed).
  std::string to_latin(std::string_view folded) const;

private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace termgraph
