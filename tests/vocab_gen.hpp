// A deterministic generator of random vocabularies in the native format, for
// property-style tests: the same seed gives the same document on every
// platform (its own generator, no <random> distributions, whose results the
// standard leaves to the library).
//
// A generated vocabulary has 1 to 60 entries in 1 to 3 languages, with
// preferred, admitted and deprecated designations of every kind, parts of
// speech, definitions, notes, examples and sources, text in several scripts
// (Latin with accents, Cyrillic, Greek, CJK, a character outside the BMP),
// characters that need escaping (& < > " '), and references: markup links by
// number and by id, plain "term (3.1)" references, grouped "(3.1 and 3.2)"
// ones, dangling ones, and external ones in sources. Some sections lack a
// definition or a preferred term, so the vocabulary has findings too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace termgraph::testing {

/// splitmix64: small, fast, and the same everywhere.
class Random {
public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// A number in [lo, hi].
  std::size_t between(std::size_t lo, std::size_t hi) {
    return lo + static_cast<std::size_t>(next() % (hi - lo + 1));
  }
  /// True with probability percent / 100.
  bool chance(unsigned percent) { return next() % 100 < percent; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[between(0, v.size() - 1)];
  }

private:
  std::uint64_t state_;
};

/// What the generator makes.
struct GeneratedVocabulary {
  /// The native document.
  std::string xml;
  std::size_t entries = 0;
  std::vector<std::string> languages;
};

namespace detail {

inline std::string escape_xml(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// Words of each language the generator knows. Plain words only: no
/// parentheses and no digits, so that only the planted references read as
/// references.
inline const std::vector<std::string>& words(std::string_view language) {
  static const std::vector<std::string> en = {
      "ledger", "record", "node",  "chain",   "token", "asset",  "key",   "wallet",
      "block",  "hash",   "value", "system",  "party", "signed", "state", "store",
      "R&D",    "a<b",    "x>y",   "\"raw\"", "it's",  "naïve",  "café",  "𝑥-axis"};
  static const std::vector<std::string> fr = {
      "registre", "enregistrement", "nœud",   "chaîne",  "jeton",   "actif", "clé", "portefeuille",
      "bloc",     "état",           "donnée", "système", "«grand»", "l'été", "A&B", "c<d"};
  static const std::vector<std::string> ru = {"реестр", "запись",  "узел",    "цепь", "токен",
                                              "актив",  "ключ",    "кошелёк", "блок", "хеш",
                                              "данные", "система", "ёлка",    "<тег>"};
  static const std::vector<std::string> el = {"μητρώο", "εγγραφή",   "κόμβος", "αλυσίδα",
                                              "κλειδί", "συναλλαγή", "τιμή",   "σύστημα"};
  static const std::vector<std::string> ja = {"台帳", "記録", "ノード", "鎖",       "トークン",
                                              "資産", "鍵",   "財布",   "ブロック", "値"};
  if (language == "fr") return fr;
  if (language == "ru") return ru;
  if (language == "el") return el;
  if (language == "ja") return ja;
  return en;
}

inline const char* language_word_separator(std::string_view language) {
  return language == "ja" ? "" : " ";
}

}  // namespace detail

/// A random native vocabulary for `seed` (any value; tests use 1..50).
inline GeneratedVocabulary generate_vocabulary(std::uint64_t seed) {
  using detail::escape_xml;
  Random rng(seed * 0x2545F4914F6CDD1DULL + 17);
  GeneratedVocabulary g;

  static const std::vector<std::string> pool = {"en", "fr", "ru", "el", "ja"};
  std::vector<std::string> languages{rng.chance(80) ? "en" : rng.pick(pool)};
  const std::size_t nlang = rng.between(1, 3);
  while (languages.size() < nlang) {
    const std::string& l = rng.pick(pool);
    bool seen = false;
    for (const std::string& have : languages) seen = seen || have == l;
    if (!seen) languages.push_back(l);
  }
  g.languages = languages;

  // Entry numbers: section.item, some with a third level, all distinct.
  const std::size_t n = rng.between(1, 60);
  g.entries = n;
  const std::size_t clause = rng.between(2, 9);
  std::vector<std::string> numbers;
  std::vector<std::string> ids(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::string number = std::to_string(clause) + "." + std::to_string(i + 1);
    if (rng.chance(15)) number += "." + std::to_string(rng.between(1, 4));
    numbers.push_back(number);
    if (rng.chance(30)) ids[i] = "e" + std::to_string(seed) + "-" + std::to_string(i + 1);
  }

  auto phrase = [&](const std::string& language, std::size_t lo, std::size_t hi) {
    const std::vector<std::string>& w = detail::words(language);
    std::string s;
    const std::size_t count = rng.between(lo, hi);
    for (std::size_t k = 0; k < count; ++k) {
      if (k > 0) s += detail::language_word_separator(language);
      s += rng.pick(w);
    }
    return s;
  };

  // Terms per entry and language, decided first so that references can
  // name them.
  std::vector<std::vector<std::string>> preferred(n, std::vector<std::string>(languages.size()));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t l = 0; l < languages.size(); ++l) {
      preferred[i][l] = phrase(languages[l], 1, 3);
    }
  }

  // A text block's content (already escaped), with references to other
  // entries of the vocabulary, or to none.
  auto block = [&](std::size_t self, std::size_t l, bool allow_refs) {
    const std::string& language = languages[l];
    std::string out = escape_xml(phrase(language, 2, 6), false);
    if (!allow_refs) return out;
    const std::size_t nrefs = rng.between(0, 3);
    for (std::size_t r = 0; r < nrefs; ++r) {
      const std::size_t target = rng.between(0, n - 1);
      const std::string term = escape_xml(preferred[target][l], false);
      const unsigned kind = static_cast<unsigned>(rng.between(0, 10));
      out += ' ';
      switch (kind) {
        case 0:
        case 1:  // markup link by number
          out += "<ref to=\"" + numbers[target] + "\">" + term + "</ref>";
          break;
        case 2:  // markup link by id, or by number when the entry has none
          out += "<ref to=\"" + (ids[target].empty() ? numbers[target] : ids[target]) + "\">" +
                 term + "</ref>";
          break;
        case 3:  // link followed by its number
          out += "<ref to=\"" + numbers[target] + "\">" + term + "</ref> (" + numbers[target] + ")";
          break;
        case 4:
        case 5:  // plain reference
          out += term + " (" + numbers[target] + ")";
          break;
        case 6: {  // grouped plain reference
          const std::size_t other = rng.between(0, n - 1);
          out += term + " (" + numbers[target] + (rng.chance(50) ? " and " : ", ") +
                 numbers[other] + ")";
          break;
        }
        case 7:  // dangling plain reference
          out += term + " (" + std::to_string(clause) + "." + std::to_string(n + 1 + r) + ")";
          break;
        case 8:  // dangling markup link
          out += "<ref to=\"" + std::to_string(clause) + "." + std::to_string(n + 10 + r) + "\">" +
                 term + "</ref>";
          break;
        case 9:  // a clause of another document: external
          out += term + " (ISO " + std::to_string(rng.between(1000, 9999)) + "-2:2000, " +
                 std::to_string(rng.between(1, 9)) + "." + std::to_string(rng.between(1, 20)) + ")";
          break;
        default:  // a reference to the entry itself
          out += escape_xml(preferred[self][l], false) + " (" + numbers[self] + ")";
          break;
      }
      if (rng.chance(50)) out += ' ' + escape_xml(phrase(language, 1, 3), false);
    }
    return out;
  };

  static const std::vector<std::string> statuses = {"admitted", "deprecated"};
  static const std::vector<std::string> kinds = {"full-form", "abbreviation", "symbol", "other"};
  static const std::vector<std::string> parts = {"noun", "verb", "adjective"};

  std::string& x = g.xml;
  x += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"" + languages[0] + "\">\n";
  for (std::size_t i = 0; i < n; ++i) {
    x += "  <entry number=\"" + numbers[i] + "\"";
    if (!ids[i].empty()) x += " id=\"" + ids[i] + "\"";
    x += ">\n";
    for (std::size_t l = 0; l < languages.size(); ++l) {
      const std::string indent = l == 0 ? "    " : "      ";
      if (l > 0) x += "    <lang xml:lang=\"" + languages[l] + "\">\n";
      // Designations: the preferred term (rarely missing), then others.
      if (!rng.chance(5)) {
        x += indent + "<term";
        if (rng.chance(40)) x += " status=\"preferred\"";
        if (rng.chance(30)) x += " pos=\"" + rng.pick(parts) + "\"";
        x += ">" + escape_xml(preferred[i][l], false) + "</term>\n";
      }
      const std::size_t others = rng.between(0, 2);
      for (std::size_t k = 0; k < others; ++k) {
        x += indent + "<term status=\"" + rng.pick(statuses) + "\"";
        const std::string& kind = rng.pick(kinds);
        if (kind != "full-form" || rng.chance(20)) x += " type=\"" + kind + "\"";
        if (rng.chance(20)) x += " pos=\"" + escape_xml(rng.pick(parts), true) + "\"";
        x += ">" + escape_xml(phrase(languages[l], 1, 2), false) + "</term>\n";
      }
      if (!rng.chance(7)) x += indent + "<definition>" + block(i, l, true) + "</definition>\n";
      for (std::size_t k = rng.between(0, 2); k > 0; --k) {
        x += indent + "<note>" + block(i, l, true) + "</note>\n";
      }
      for (std::size_t k = rng.between(0, 1); k > 0; --k) {
        x += indent + "<example>" + block(i, l, rng.chance(50)) + "</example>\n";
      }
      if (rng.chance(30)) {
        x += indent + "<source>ISO " + std::to_string(rng.between(1000, 99999)) + ":" +
             std::to_string(rng.between(1990, 2024)) + ", " + std::to_string(rng.between(1, 9)) +
             "." + std::to_string(rng.between(1, 99)) +
             (rng.chance(50) ? ", modified — " + escape_xml(phrase(languages[l], 1, 3), false)
                             : std::string()) +
             "</source>\n";
      }
      if (l > 0) x += "    </lang>\n";
    }
    x += "  </entry>\n";
  }
  x += "</vocabulary>\n";
  return g;
}

}  // namespace termgraph::testing
