// A generator of synthetic vocabularies in the native format, shaped like a
// real terms clause: numbered entries with preferred, admitted and deprecated
// terms, definitions that cite other entries (markup and plain-text
// references), notes, examples, sources and a second language now and then.
#pragma once

#include <cstddef>
#include <string>

namespace termgraph_bench {

/// The preferred term of entry `i` (0-based); unique for every `i`.
std::string term(std::size_t i);

/// The number of entry `i`: "3.<i + 1>".
std::string number(std::size_t i);

/// A native vocabulary of `n` entries. Deterministic: the same `n` gives
/// the same bytes.
std::string generate_native(std::size_t n);

/// A native vocabulary of `n` entries for the search benchmarks: English
/// terms (every 8th entry with an abbreviation, "KALO" for "kalo record",
/// which every entry 4 later cites in an admitted term "KALO system"),
/// definitions citing other entries, and a Russian section every 10th entry
/// (Cyrillic spellings of the words, whose ICU Latin transliteration is
/// russian_latin(i)). Deterministic.
std::string generate_multilingual(std::size_t n);

/// The abbreviation of entry `i` of generate_multilingual (`i` a multiple
/// of 8).
std::string abbreviation(std::size_t i);

/// The Latin transliteration of the Russian term of entry `i` of
/// generate_multilingual (`i` a multiple of 10), as ICU's Any-Latin and
/// Latin-ASCII give it, folded: "kalo blok".
std::string russian_latin(std::size_t i);

}  // namespace termgraph_bench
