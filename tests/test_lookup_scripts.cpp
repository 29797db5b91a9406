// Lookups in any language and script: Arabic script with and without
// harakat, tatweel and the Persian letter forms; Cyrillic, Greek, Chinese,
// Japanese and Korean; and scripts whose combining marks are letters
// (Devanagari vowel signs, kana voicing marks), which folding must keep.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "termgraph/load.hpp"

namespace {

using termgraph::TermMatch;
using termgraph::Vocabulary;

const char* const doc = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="1">
    <term>book</term>
    <definition>written work bound in one volume</definition>
    <lang xml:lang="ar"><term>كِتَاب</term></lang>
    <lang xml:lang="ru"><term>Книга</term></lang>
    <lang xml:lang="el"><term>βιβλίο</term></lang>
    <lang xml:lang="zh"><term>书籍</term></lang>
    <lang xml:lang="ja"><term>本</term></lang>
    <lang xml:lang="ko"><term>책</term></lang>
  </entry>
  <entry number="2">
    <term>library</term>
    <definition>collection of books</definition>
    <lang xml:lang="fa"><term>کتابخانه</term></lang>
    <lang xml:lang="ar"><term>مكتبة</term></lang>
  </entry>
  <entry number="3">
    <term>security</term>
    <definition>freedom from danger</definition>
    <lang xml:lang="ar"><term>أمن</term></lang>
  </entry>
  <entry number="4">
    <term>science</term>
    <definition>knowledge gained by study</definition>
    <lang xml:lang="ar"><term>علم</term></lang>
    <lang xml:lang="fa"><term>دانش</term></lang>
  </entry>
  <entry number="5">
    <term>word</term>
    <definition>unit of language</definition>
    <lang xml:lang="el"><term>λόγος</term></lang>
    <lang xml:lang="ru"><term>ёлка</term></lang>
  </entry>
  <entry number="6">
    <term>bus</term>
    <definition>vehicle carrying passengers on a route</definition>
    <lang xml:lang="ja"><term>バス</term></lang>
  </entry>
  <entry number="7">
    <term>lotus</term>
    <definition>water plant</definition>
    <lang xml:lang="ja"><term>ハス</term></lang>
  </entry>
  <entry number="8">
    <term>total</term>
    <definition>whole amount</definition>
    <lang xml:lang="hi"><term>कुल</term></lang>
  </entry>
  <entry number="9">
    <term>tomorrow</term>
    <definition>the day after today</definition>
    <lang xml:lang="hi"><term>कल</term></lang>
  </entry>
  <entry number="10">
    <term>blockchain</term>
    <definition>ledger of blocks linked in order</definition>
    <lang xml:lang="zh"><term>区块链</term></lang>
    <lang xml:lang="ko"><term>블록체인</term></lang>
    <lang xml:lang="ja"><term>ブロックチェーン</term></lang>
  </entry>
</vocabulary>
)";

class LookupScripts : public ::testing::Test {
protected:
  static const termgraph::LoadResult& loaded() {
    static const termgraph::LoadResult result = termgraph::load_string(doc);
    return result;
  }
  static const Vocabulary& v() { return loaded().vocabulary; }

  /// "number/tag" of each entry `query` finds (in `language`).
  static std::vector<std::string> found(std::string_view query, std::string_view language = {}) {
    std::vector<std::string> out;
    for (const TermMatch& m : v().lookup(query, language)) {
      std::string s(v()[m.entry].number);
      s += '/';
      if (m.section) s += m.section->language;
      out.push_back(s);
    }
    return out;
  }
  using List = std::vector<std::string>;
};

TEST_F(LookupScripts, LoadsEveryScript) {
  ASSERT_EQ(v().size(), 10u);
  EXPECT_EQ(loaded().errors(), 0u);
}

TEST_F(LookupScripts, ArabicWithAndWithoutHarakat) {
  // As written (with kasra and fatha), without them, and in the other
  // direction: a query with harakat finds a term written without.
  EXPECT_EQ(found("كِتَاب"), List{"1/ar"});
  EXPECT_EQ(found("كتاب"), List{"1/ar"});
  EXPECT_EQ(found("مَكْتَبَة"), List{"2/ar"});
  // Hamza on alef is a mark: "امن" finds "أمن", and so does "أَمْن".
  EXPECT_EQ(found("امن"), List{"3/ar"});
  EXPECT_EQ(found("أَمْن"), List{"3/ar"});
  // Tatweel stretches a word without changing it.
  EXPECT_EQ(found("عـلـم"), List{"4/ar"});
  EXPECT_EQ(found("علم", "ar"), List{"4/ar"});
  // Presentation forms (text copied out of a PDF) are the letters.
  EXPECT_EQ(found("\uFEDB\uFE98\uFE8E\uFE8F"), List{"1/ar"});
  EXPECT_TRUE(found("علم", "fa").empty());
}

TEST_F(LookupScripts, PersianWithArabicLetterForms) {
  // Keheh (U+06A9) typed as Arabic kaf (U+0643), and back.
  EXPECT_EQ(found("كتابخانه"), List{"2/fa"});
  EXPECT_EQ(found("کتابخانه"), List{"2/fa"});
  // ZWNJ, which Persian writes inside words, is ignored.
  EXPECT_EQ(found("کتاب\u200Cخانه"), List{"2/fa"});
  EXPECT_EQ(found("دانش"), List{"4/fa"});
}

TEST_F(LookupScripts, CyrillicAndGreekIgnoreCaseAndAccents) {
  EXPECT_EQ(found("КНИГА"), List{"1/ru"});
  EXPECT_EQ(found("книга"), List{"1/ru"});
  EXPECT_EQ(found("елка"), List{"5/ru"});
  EXPECT_EQ(found("βιβλιο"), List{"1/el"});
  EXPECT_EQ(found("ΒΙΒΛΊΟ"), List{"1/el"});
  // Final sigma and capital sigma fold alike.
  EXPECT_EQ(found("ΛΟΓΟΣ"), List{"5/el"});
  EXPECT_EQ(found("λογοσ"), List{"5/el"});
}

TEST_F(LookupScripts, ChineseJapaneseKorean) {
  EXPECT_EQ(found("书籍"), List{"1/zh"});
  EXPECT_EQ(found("区块链"), List{"10/zh"});
  EXPECT_EQ(found("本", "ja"), List{"1/ja"});
  EXPECT_EQ(found("책"), List{"1/ko"});
  // Korean written as conjoining jamo (NFD) finds the syllables.
  EXPECT_EQ(found("\u1107\u1173\u11AF\u1105\u1169\u11A8\u110E\u1166\u110B\u1175\u11AB"),
            List{"10/ko"});
  // Half-width katakana find the full-width term.
  EXPECT_EQ(found("ﾌﾞﾛｯｸﾁｪｰﾝ"), List{"10/ja"});
  EXPECT_EQ(found("ﾊﾞｽ"), List{"6/ja"});
}

TEST_F(LookupScripts, MarksThatAreLettersAreKept) {
  // The voicing mark tells バス (bus) from ハス (lotus).
  EXPECT_EQ(found("バス"), List{"6/ja"});
  EXPECT_EQ(found("ハス"), List{"7/ja"});
  // The vowel sign u (U+0941) tells कुल (total) from कल (tomorrow).
  EXPECT_EQ(found("कुल"), List{"8/hi"});
  EXPECT_EQ(found("कल"), List{"9/hi"});
}

TEST(FoldScripts, FoldsAccentsNotLetters) {
  const Vocabulary empty;
  EXPECT_EQ(empty.fold("كِتَابٌ"), "كتاب");
  EXPECT_EQ(empty.fold("عـــلم"), "علم");
  EXPECT_EQ(empty.fold("ٱلكتاب"), "الكتاب");
  EXPECT_EQ(empty.fold("کی"), "كي");
  EXPECT_EQ(empty.fold("على"), "علي");
  EXPECT_EQ(empty.fold("שָׁלוֹם"), "שלום");
  EXPECT_EQ(empty.fold("Ёлка"), "елка");
  EXPECT_EQ(empty.fold("バス"), "バス");
  EXPECT_EQ(empty.fold("ﾊﾞｽ"), "バス");
  EXPECT_EQ(empty.fold("कुल"), "कुल");
  EXPECT_EQ(empty.fold("ที่"), "ที่");
  EXPECT_EQ(empty.fold("Ἀθῆναι"), "αθηναι");
}

}  // namespace
