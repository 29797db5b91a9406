#include "generate.hpp"

#include <cstdint>

namespace termgraph_bench {

namespace {

constexpr const char* syllables[] = {"ka", "lo",  "mi",  "re",  "tu", "sen", "dor", "vi",
                                     "na", "pel", "qua", "ris", "to", "bam", "cel", "fu"};
constexpr const char* heads[] = {"record", "ledger", "node",  "block",    "token",
                                 "system", "chain",  "value", "contract", "platform"};

// A small, fast, deterministic pseudo-random sequence (SplitMix64).
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
};

// Writes `i` in bijective base 16 with syllables as digits: every i gets its
// own word.
std::string word(std::size_t i) {
  std::string w;
  std::size_t v = i + 1;
  while (v > 0) {
    --v;
    w.insert(0, syllables[v % 16]);
    v /= 16;
  }
  return w;
}

// Another entry than `i`: four times in five an earlier one.
std::size_t pick(Random& random, std::size_t i, std::size_t n) {
  std::size_t t = (i > 0 && random.below(5) != 0) ? random.below(i) : random.below(n);
  return t == i ? (i + 1) % n : t;
}

void reference(std::string& out, std::size_t target, bool markup) {
  if (markup) {
    out += "<ref to=\"" + number(target) + "\">" + term(target) + "</ref>";
  } else {
    out += term(target) + " (" + number(target) + ")";
  }
}

// The syllables of word() in Cyrillic, and what ICU transliterates each to.
constexpr const char* cyrillic_syllables[] = {
    "\u043a\u0430", "\u043b\u043e",       "\u043c\u0438",       "\u0440\u0435",
    "\u0442\u0443", "\u0441\u0435\u043d", "\u0434\u043e\u0440", "\u0432\u0438",
    "\u043d\u0430", "\u043f\u0435\u043b", "\u043a\u0432\u0430", "\u0440\u0438\u0441",
    "\u0442\u043e", "\u0431\u0430\u043c", "\u0446\u0435\u043b", "\u0444\u0443"};
// ICU's Russian-Latin/BGN: ц is "ts".
constexpr const char* latin_syllables[] = {"ka", "lo",  "mi",  "re",  "tu", "sen", "dor",  "vi",
                                           "na", "pel", "kva", "ris", "to", "bam", "tsel", "fu"};
// Russian head words whose transliteration is plain ASCII.
constexpr const char* russian_heads[] = {
    "\u0431\u043b\u043e\u043a",                          // блок
    "\u0443\u0437\u0435\u043b",                          // узел
    "\u0442\u043e\u043a\u0435\u043d",                    // токен
    "\u0441\u0438\u0441\u0442\u0435\u043c\u0430",        // система
    "\u043a\u043e\u043d\u0442\u0440\u0430\u043a\u0442",  // контракт
};
constexpr const char* russian_heads_latin[] = {"blok", "uzel", "token", "sistema", "kontrakt"};

// word(i) spelt with `digits` as its syllables.
std::string spelt(std::size_t i, const char* const* digits) {
  std::string w;
  std::size_t v = i + 1;
  while (v > 0) {
    --v;
    w.insert(0, digits[v % 16]);
    v /= 16;
  }
  return w;
}

std::string upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

}  // namespace

std::string abbreviation(std::size_t i) {
  return upper(word(i));
}

std::string russian_latin(std::size_t i) {
  return spelt(i, latin_syllables) + " " + russian_heads_latin[i % 5];
}

std::string generate_multilingual(std::size_t n) {
  Random random{n + 1};
  std::string out;
  out.reserve(n * 400);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">\n";
  for (std::size_t i = 0; i < n; ++i) {
    out += "  <entry number=\"" + number(i) + "\">\n";
    out += "    <term>" + term(i) + "</term>\n";
    if (i % 8 == 0) out += "    <term type=\"abbreviation\">" + abbreviation(i) + "</term>\n";
    if (i % 8 == 4) {
      out += "    <term status=\"admitted\">" + abbreviation(i - 4) + " system</term>\n";
    }
    out += "    <definition>kind of ";
    reference(out, n > 1 ? pick(random, i, n) : 0, i % 2 == 0);
    out += " that keeps " + std::string(heads[random.below(10)]) + " records for ";
    out += word(random.below(n)) + " parties</definition>\n";
    if (i % 3 == 1) {
      out += "    <note>compare with " + term(random.below(n)) + " in shared ledgers</note>\n";
    }
    if (i % 10 == 0) {
      out += "    <lang xml:lang=\"ru\"><term>" + spelt(i, cyrillic_syllables) + " " +
             russian_heads[i % 5] + "</term></lang>\n";
    }
    out += "  </entry>\n";
  }
  out += "</vocabulary>\n";
  return out;
}

std::string term(std::size_t i) {
  return word(i) + " " + heads[i % (sizeof heads / sizeof heads[0])];
}

std::string number(std::size_t i) {
  return "3." + std::to_string(i + 1);
}

std::string generate_native(std::size_t n) {
  Random random{n};
  std::string out;
  out.reserve(n * 420);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">\n";
  out += "  <title>Synthetic vocabulary of " + std::to_string(n) + " entries</title>\n";
  for (std::size_t i = 0; i < n; ++i) {
    out += "  <entry number=\"" + number(i) + "\">\n";
    out += "    <term>" + term(i) + "</term>\n";
    if (i % 5 == 0) out += "    <term status=\"admitted\">" + word(i) + "</term>\n";
    if (i % 17 == 0) {
      out += "    <term status=\"deprecated\">old " + term(i) + "</term>\n";
    }
    // The definition cites one or two other entries, mostly earlier ones
    // (as an alphabetical vocabulary does), sometimes later ones.
    out += "    <definition>kind of ";
    if (n > 1) {
      reference(out, pick(random, i, n), i % 2 == 0);
      if (i % 3 == 0) {
        out += " that keeps ";
        reference(out, pick(random, i, n), i % 4 == 1);
      }
    } else {
      out += "thing";
    }
    out += " with some distinguishing characteristics</definition>\n";
    if (i % 3 == 1 && n > 1) {
      out += "    <note>not to be confused with ";
      reference(out, (i + n - 1) % n, false);
      out += "</note>\n";
    }
    if (i % 7 == 3) out += "    <example>one " + term(i) + " per day</example>\n";
    if (i % 4 == 0) {
      out +=
          "    <source>ISO 99999:2020, 3." + std::to_string(i % 97 + 1) + ", modified</source>\n";
    }
    if (i % 10 == 0) {
      out += "    <lang xml:lang=\"fr\"><term>" + word(i) + " \u00e9l\u00e9ment</term>";
      out += "<definition>sorte de chose d\u00e9crite</definition></lang>\n";
    }
    out += "  </entry>\n";
  }
  out += "</vocabulary>\n";
  return out;
}

}  // namespace termgraph_bench
