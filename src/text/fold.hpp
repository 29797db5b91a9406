// Internal: the one place where text is folded for comparison. ICU objects
// are created once per Folder; fold_into() reuses the caller's buffer.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace termgraph {

class Folder {
public:
  Folder();
  ~Folder();
  Folder(Folder&&) noexcept;
  Folder& operator=(Folder&&) noexcept;

  /// Folds `text` for case-, accent- and width-insensitive comparison:
  /// NFKC with case folding; accents removed (the combining marks of Latin,
  /// Greek, Cyrillic, Arabic-script harakat, Hebrew points; not the vowel
  /// signs of Brahmic scripts nor the kana voicing marks); Arabic tatweel
  /// dropped and alef wasla, Farsi yeh, alef maksura and keheh read as
  /// alef, yeh, yeh and kaf; white space runs collapsed to one space and
  /// trimmed. Invalid UTF-8 is replaced by
  /// U+FFFD. Writes the result into `out` (replacing its content).
  void fold_into(std::string_view text, std::string& out) const;

  /// Writes `text` in Unicode NFC with white space runs collapsed to one
  /// space and trimmed, nothing else changed: the form two spellings of one
  /// designation are "exactly" equal in (an NFD-encoded "réseau" equals an
  /// NFC one). Invalid UTF-8 is replaced by U+FFFD.
  void compose_into(std::string_view text, std::string& out) const;

  std::string fold(std::string_view text) const {
    std::string out;
    fold_into(text, out);
    return out;
  }

private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace termgraph
