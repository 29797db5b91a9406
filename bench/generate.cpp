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

}  // namespace

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
