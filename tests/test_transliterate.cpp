// Romanisation for search (text/transliterate.hpp): the values asserted are
// what ICU's transforms give, folded as the Folder folds.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "text/fold.hpp"
#include "text/transliterate.hpp"

namespace {

using termgraph::Folder;
using termgraph::Transliterator;

/// The designation as the index holds it (folded), then romanised.
std::string latin(const Transliterator& t, const Folder& f, const char* text) {
  return t.to_latin(f.fold(text));
}

struct Case {
  const char* text;
  const char* latin;
};

TEST(Transliterate, CyrillicFollowsBgnPcgn) {
  const Transliterator t;
  const Folder f;
  // Folding takes the breve off й, so блокчейн is indexed as блокчеин (and
  // -ый comes out as -yi, not BGN's -yy).
  for (const Case& c :
       {Case{"блокчейн", "blokchein"}, Case{"реестр", "reyestr"}, Case{"узел", "uzel"},
        Case{"Распределённый реестр", "raspredelennyi reyestr"}, Case{"объект", "obyekt"},
        Case{"щука", "shchuka"}, Case{"хеш-функция", "khesh-funktsiya"},
        // Ukrainian, through the same table: ї loses its dots in folding.
        Case{"мережа", "merezha"}, Case{"вузол", "vuzol"}, Case{"Київ", "kiiv"}}) {
    EXPECT_EQ(latin(t, f, c.text), c.latin) << c.text;
  }
}

TEST(Transliterate, GreekFollowsModernPronunciation) {
  const Transliterator t;
  const Folder f;
  // Folding turns final ς into σ; the transform still gives s.
  for (const Case& c : {Case{"δίκτυο", "diktyo"}, Case{"κόμβος", "komvos"},
                        Case{"Κόμβος δικτύου", "komvos diktyou"}, Case{"ψυχή", "psychi"}}) {
    EXPECT_EQ(latin(t, f, c.text), c.latin) << c.text;
  }
}

TEST(Transliterate, OtherScripts) {
  const Transliterator t;
  const Folder f;
  for (const Case& c : {Case{"区块链", "qu kuai lian"}, Case{"节点", "jie dian"},
                        Case{"ブロックチェーン", "burokkuchen"}, Case{"ネットワーク", "nettowaku"},
                        Case{"شبكة", "shbkt"}, Case{"עקדה", "qdh"}}) {
    EXPECT_EQ(latin(t, f, c.text), c.latin) << c.text;
  }
}

TEST(Transliterate, SpecialLatinLettersSpelledInAscii) {
  const Transliterator t;
  const Folder f;
  for (const Case& c :
       {Case{"Æble", "aeble"}, Case{"øre", "ore"}, Case{"Łódź", "lodz"}, Case{"œuvre", "oeuvre"},
        Case{"þorn", "thorn"}, Case{"Smørrebrød", "smorrebrod"}}) {
    EXPECT_EQ(latin(t, f, c.text), c.latin) << c.text;
  }
}

TEST(Transliterate, NothingToAddForAsciiOrUnchangedText) {
  const Transliterator t;
  const Folder f;
  // Folding alone already makes these ASCII: ß is case-folded to ss, the
  // accents of é and å are removed.
  EXPECT_EQ(f.fold("Straße"), "strasse");
  EXPECT_EQ(latin(t, f, "Straße"), "");
  EXPECT_EQ(f.fold("réseau"), "reseau");
  EXPECT_EQ(latin(t, f, "réseau"), "");
  EXPECT_EQ(latin(t, f, "åre"), "");
  EXPECT_EQ(t.to_latin(""), "");
  EXPECT_EQ(t.to_latin("block"), "");
  // A symbol no transform changes: nothing to add.
  EXPECT_EQ(t.to_latin("\xE2\x82\xAC"), "");  // €
}

TEST(Transliterate, UnfoldedAndDecomposedInput) {
  const Transliterator t;
  const Folder f;
  // Text that was not folded still comes out ASCII and folded.
  EXPECT_EQ(t.to_latin("réseau"), "reseau");
  EXPECT_EQ(t.to_latin("Réseau"), "reseau");
  // NFD: e + U+0301, й as и + U+0306.
  EXPECT_EQ(t.to_latin("re\xCC\x81seau"), "reseau");
  const char* nfd = "\xD0\xB1\xD0\xBB\xD0\xBE\xD0\xBA\xD1\x87\xD0\xB5\xD0\xB8\xCC\x86\xD0\xBD";
  EXPECT_EQ(f.fold(nfd), f.fold("блокчейн"));
  EXPECT_EQ(latin(t, f, nfd), "blokchein");
}

TEST(Transliterate, MixedScripts) {
  const Transliterator t;
  const Folder f;
  EXPECT_EQ(latin(t, f, "blockchain узел κόμβος"), "blockchain uzel komvos");
  EXPECT_EQ(latin(t, f, "DLT-узел"), "dlt-uzel");
  EXPECT_EQ(latin(t, f, "Straße узел"), "strasse uzel");
}

TEST(Transliterate, ConcurrentCallsOnOneObject) {
  const Transliterator t;
  const Folder f;
  const std::vector<std::string> words = {f.fold("блокчейн"), f.fold("κόμβος"), f.fold("区块链"),
                                          f.fold("Łódź"), f.fold("реестр узел")};
  std::vector<std::string> expected;
  for (const std::string& w : words) expected.push_back(t.to_latin(w));
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < mismatches.size(); ++k) {
    threads.emplace_back([&, k] {
      for (int round = 0; round < 200; ++round) {
        for (std::size_t i = 0; i < words.size(); ++i) {
          if (t.to_latin(words[i]) != expected[i]) ++mismatches[k];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
  EXPECT_EQ(expected[0], "blokchein");
}

}  // namespace
