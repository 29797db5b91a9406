// The library as a consumer uses it: moving a Vocabulary, calls that would
// point into a temporary, the entry index type and at(), Span as a range,
// find_id, and SourceRange comparisons. This file is compiled with
// -Wconversion (tests/CMakeLists.txt): the plain loops below must not warn.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "termgraph/load.hpp"

namespace termgraph {
namespace {

// -- calls that would point into a temporary do not compile -------------------

// Detection idiom: Call<V>::value is true when the call is well-formed on an
// expression of type V (V&& for an rvalue, const V& for an lvalue).
template <typename V, typename = void>
struct CanLookup : std::false_type {};
template <typename V>
struct CanLookup<V, std::void_t<decltype(std::declval<V>().lookup("block"))>> : std::true_type {};

template <typename V, typename = void>
struct CanEntries : std::false_type {};
template <typename V>
struct CanEntries<V, std::void_t<decltype(std::declval<V>().entries())>> : std::true_type {};

template <typename V, typename = void>
struct CanIndex : std::false_type {};
template <typename V>
struct CanIndex<V, std::void_t<decltype(std::declval<V>()[EntryId{0}])>> : std::true_type {};

template <typename V, typename = void>
struct CanAt : std::false_type {};
template <typename V>
struct CanAt<V, std::void_t<decltype(std::declval<V>().at(EntryId{0}))>> : std::true_type {};

template <typename V, typename = void>
struct CanFind : std::false_type {};
template <typename V>
struct CanFind<
    V, std::void_t<
           decltype(std::declval<V>().find_number("1")), decltype(std::declval<V>().find_id("x")),
           decltype(std::declval<V>().find_term("x")), decltype(std::declval<V>().complete("x")),
           decltype(std::declval<V>().closest("x"))>> : std::true_type {};

template <typename V, typename = void>
struct CanGraph : std::false_type {};
template <typename V>
struct CanGraph<V, std::void_t<decltype(std::declval<V>().cites(EntryId{0})),
                               decltype(std::declval<V>().cited_by(EntryId{0})),
                               decltype(std::declval<V>().circular_groups())>> : std::true_type {};

template <typename V, typename = void>
struct CanFiles : std::false_type {};
template <typename V>
struct CanFiles<V, std::void_t<decltype(std::declval<V>().files()),
                               decltype(std::declval<V>().source_line(FileId{0}, 1u))>>
    : std::true_type {};

// On a named vocabulary, every call works.
static_assert(CanLookup<const Vocabulary&>::value);
static_assert(CanEntries<const Vocabulary&>::value);
static_assert(CanIndex<const Vocabulary&>::value);
static_assert(CanAt<const Vocabulary&>::value);
static_assert(CanFind<const Vocabulary&>::value);
static_assert(CanGraph<const Vocabulary&>::value);
static_assert(CanFiles<const Vocabulary&>::value);
static_assert(CanLookup<Vocabulary&>::value);

// On a temporary, a call whose result points into it does not compile.
static_assert(!CanLookup<Vocabulary>::value);
static_assert(!CanLookup<Vocabulary&&>::value);
static_assert(!CanLookup<const Vocabulary&&>::value);
static_assert(!CanEntries<Vocabulary>::value);
static_assert(!CanIndex<Vocabulary>::value);
static_assert(!CanAt<Vocabulary>::value);
static_assert(!CanFind<Vocabulary>::value);
static_assert(!CanGraph<Vocabulary>::value);
static_assert(!CanFiles<Vocabulary>::value);
// `load_files(...).vocabulary.lookup("block")`: the member of a temporary
// LoadResult is an rvalue too.
static_assert(!CanLookup<decltype((std::declval<LoadResult>().vocabulary))>::value &&
              std::is_rvalue_reference_v<decltype((std::declval<LoadResult>().vocabulary))>);

// What owns its result still works on a temporary.
static_assert(std::is_same_v<decltype(std::declval<Vocabulary>().size()), EntryId>);
static_assert(std::is_same_v<decltype(std::declval<Vocabulary>().fold("x")), std::string>);
static_assert(std::is_same_v<decltype(std::declval<Vocabulary>().prerequisites(EntryId{0})),
                             std::vector<Prerequisite>>);

const char* const kVocabulary = R"(<?xml version="1.0" encoding="UTF-8"?>
<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="3.2">
    <term>block</term>
    <definition>structured data with a block header (3.4)</definition>
  </entry>
  <entry number="3.4">
    <term>block header</term>
    <definition>data that identifies a block (3.2)</definition>
  </entry>
  <entry number="3.5">
    <term>block height</term>
    <definition>number of blocks before a given block (3.2)</definition>
  </entry>
</vocabulary>
)";

// -- the lvalue calls return views that stay valid ---------------------------

TEST(Api, LookupOnANamedResult) {
  const LoadResult r = load_string(kVocabulary, "api.xml");
  ASSERT_EQ(r.errors(), 0u);
  std::vector<std::string> numbers;
  for (const TermMatch& m : r.vocabulary.lookup("block")) {
    numbers.emplace_back(r.vocabulary[m.entry].number);
    ASSERT_NE(m.designation, nullptr);
    EXPECT_EQ(m.designation->text, "block");
    ASSERT_NE(m.section, nullptr);
    EXPECT_EQ(m.section->language, "en");
  }
  EXPECT_EQ(numbers, std::vector<std::string>{"3.2"});

  // A copy shares the storage: views from it outlive the original.
  Span<Entry> entries;
  {
    const Vocabulary copy = r.vocabulary;
    entries = copy.entries();
  }
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].number, "3.4");
  EXPECT_EQ(r.vocabulary.cited_by(0).size(), 2u);
  EXPECT_EQ(r.vocabulary.files(), std::vector<std::string>{"api.xml"});
  EXPECT_EQ(r.vocabulary.source_line(0, 4), "    <term>block</term>");
}

// -- moving -------------------------------------------------------------------

void expect_empty(const Vocabulary& v) {
  EXPECT_EQ(v.size(), 0u);
  EXPECT_TRUE(v.empty());
  EXPECT_TRUE(v.entries().empty());
  EXPECT_TRUE(v.files().empty());
  EXPECT_EQ(v.find_number("3.2"), nullptr);
  EXPECT_EQ(v.find_id("term_3.2"), nullptr);
  EXPECT_TRUE(v.lookup("block").empty());
  EXPECT_TRUE(v.complete("bl").empty());
  EXPECT_TRUE(v.closest("blok").empty());
  EXPECT_TRUE(v.cites(0).empty());
  EXPECT_TRUE(v.cited_by(0).empty());
  EXPECT_TRUE(v.circular_groups().empty());
  EXPECT_TRUE(v.prerequisites(0).empty());
  EXPECT_EQ(v.source_line(0, 1), "");
  EXPECT_THROW((void)v.at(0), std::out_of_range);
}

TEST(Api, MovedFromVocabularyIsEmpty) {
  LoadResult r = load_string(kVocabulary, "api.xml");
  ASSERT_EQ(r.vocabulary.size(), 3u);

  Vocabulary moved(std::move(r.vocabulary));
  EXPECT_EQ(moved.size(), 3u);
  EXPECT_EQ(moved.find_number("3.4")->number, "3.4");
  expect_empty(r.vocabulary);  // NOLINT(bugprone-use-after-move): that is the test

  Vocabulary assigned;
  assigned = std::move(moved);
  EXPECT_EQ(assigned.size(), 3u);
  EXPECT_EQ(assigned.lookup("block height").front().entry, 2u);
  expect_empty(moved);  // NOLINT(bugprone-use-after-move)

  // A moved-from vocabulary can be assigned again.
  moved = assigned;
  EXPECT_EQ(moved.size(), 3u);
  EXPECT_EQ(assigned.size(), 3u);
}

TEST(Api, MoveIsNoexcept) {
  static_assert(std::is_nothrow_move_constructible_v<Vocabulary>);
  static_assert(std::is_nothrow_move_assignable_v<Vocabulary>);
  static_assert(std::is_nothrow_copy_constructible_v<Vocabulary>);
  expect_empty(Vocabulary());
}

// -- one index type and at() -------------------------------------------------

TEST(Api, EntryIdIndexesEverything) {
  const LoadResult r = load_string(kVocabulary, "api.xml");
  const Vocabulary& v = r.vocabulary;
  static_assert(std::is_same_v<Vocabulary::size_type, EntryId>);
  static_assert(std::is_same_v<decltype(v.size()), EntryId>);
  // Under -Wconversion, with no cast.
  std::vector<std::string> numbers;
  for (EntryId i = 0; i < v.size(); ++i) {
    EXPECT_EQ(v[i].id, i);
    EXPECT_EQ(&v.at(i), &v[i]);
    numbers.emplace_back(v[i].number);
    (void)v.cites(i);
  }
  EXPECT_EQ(numbers, (std::vector<std::string>{"3.2", "3.4", "3.5"}));
  EXPECT_THROW((void)v.at(3), std::out_of_range);
  EXPECT_THROW((void)v.at(no_entry), std::out_of_range);
  try {
    (void)v.at(7);
    ADD_FAILURE() << "at(7) did not throw";
  } catch (const std::out_of_range& e) {
    EXPECT_STREQ(e.what(), "termgraph::Vocabulary::at: entry 7 of a vocabulary of 3");
  }
}

// -- Span ---------------------------------------------------------------------

static_assert(std::is_same_v<Span<Entry>::element_type, const Entry>);
static_assert(std::is_same_v<Span<Entry>::value_type, Entry>);
static_assert(std::is_same_v<Span<Entry>::size_type, std::size_t>);
static_assert(std::is_same_v<Span<Entry>::difference_type, std::ptrdiff_t>);
static_assert(std::is_same_v<Span<Entry>::pointer, const Entry*>);
static_assert(std::is_same_v<Span<Entry>::reference, const Entry&>);
static_assert(std::is_same_v<Span<Entry>::const_reference, const Entry&>);
static_assert(std::is_same_v<Span<Entry>::iterator, const Entry*>);
static_assert(std::is_same_v<Span<Entry>::const_iterator, const Entry*>);
static_assert(std::is_same_v<Span<Entry>::reverse_iterator, std::reverse_iterator<const Entry*>>);
static_assert(std::is_same_v<std::iterator_traits<Span<Entry>::iterator>::iterator_category,
                             std::random_access_iterator_tag>);
static_assert(std::is_same_v<Span<const Rule*>::value_type, const Rule*>);

TEST(Api, SpanIsARange) {
  const LoadResult r = load_string(kVocabulary, "api.xml");
  const Span<Entry> entries = r.vocabulary.entries();
  EXPECT_EQ(std::distance(entries.begin(), entries.end()), 3);
  EXPECT_EQ(entries.cbegin(), entries.begin());
  EXPECT_EQ(entries.cend(), entries.end());
  EXPECT_EQ(entries.data(), &entries.front());
  EXPECT_EQ(entries.rbegin()->number, "3.5");
  EXPECT_EQ(std::prev(entries.rend())->number, "3.2");
  EXPECT_EQ(entries.back().number, "3.5");
  EXPECT_EQ(entries.at(1).number, "3.4");
  EXPECT_THROW((void)entries.at(3), std::out_of_range);

  const auto height = std::find_if(entries.begin(), entries.end(), [](const Entry& e) {
    return e.preferred() && e.preferred()->text == "block height";
  });
  ASSERT_NE(height, entries.end());
  EXPECT_EQ(height->number, "3.5");

  // Standard containers take it as a range of value_type.
  const std::vector<Span<Entry>::value_type> copied(entries.begin(), entries.end());
  ASSERT_EQ(copied.size(), 3u);
  EXPECT_EQ(copied[2].number, "3.5");

  constexpr Span<int> none;
  static_assert(none.empty() && none.size() == 0 && none.begin() == none.end());
}

// -- find_id -----------------------------------------------------------------

TEST(Api, FindIdFindsEntriesKnownOnlyByAnId) {
  // A TBX export whose entries carry no number, only a database id.
  const LoadResult r = load_string(R"(<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>export</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="62_3160">
        <langSec xml:lang="en">
          <termSec><term>ledger</term></termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="term_3.30">
        <langSec xml:lang="en">
          <termSec><term>DLT system</term></termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
)",
                                   "export.tbx");
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 2u);

  const Entry* ledger = v.find_id("62_3160");
  ASSERT_NE(ledger, nullptr);
  EXPECT_EQ(ledger->id, 0u);
  EXPECT_FALSE(ledger->numbered);
  EXPECT_EQ(ledger->range.line, 6u);
  EXPECT_EQ(ledger->preferred()->text, "ledger");
  EXPECT_EQ(v.find_id("  62_3160\n"), ledger);  // white space around it is trimmed

  // An entry with a number is found by its id as well as by its number.
  const Entry* dlt = v.find_id("term_3.30");
  ASSERT_NE(dlt, nullptr);
  EXPECT_EQ(dlt->number, "3.30");
  EXPECT_EQ(v.find_number("3.30"), dlt);

  EXPECT_EQ(v.find_id("62_316"), nullptr);
  EXPECT_EQ(v.find_id("3.30"), nullptr);  // a number is not an id
  EXPECT_EQ(v.find_id(""), nullptr);
  EXPECT_EQ(v.find_id(" "), nullptr);
}

// -- SourceRange comparisons --------------------------------------------------

TEST(Api, SourceRangesCompareInReadingOrder) {
  constexpr SourceRange a{0, 3, 5, 3, 9};
  static_assert(a == SourceRange{0, 3, 5, 3, 9});
  static_assert(a != SourceRange{0, 3, 5, 3, 10});
  static_assert(a < SourceRange{1, 1, 1, 0, 0});  // file first
  static_assert(a < SourceRange{0, 4, 1, 0, 0});  // then line
  static_assert(a < SourceRange{0, 3, 6, 0, 0});  // then column
  static_assert(a < SourceRange{0, 3, 5, 4, 1});  // then the end
  static_assert(a < SourceRange{0, 3, 5, 3, 10});
  static_assert(!(a < a) && a <= a && a >= a && !(a > a));
  static_assert(SourceRange{0, 3, 6, 0, 0} > a && SourceRange{0, 3, 6, 0, 0} >= a);

  std::vector<SourceRange> ranges = {{1, 1, 1, 0, 0}, {0, 7, 2, 0, 0}, a, {0, 3, 5, 0, 0}};
  std::sort(ranges.begin(), ranges.end());
  EXPECT_EQ(ranges,
            (std::vector<SourceRange>{{0, 3, 5, 0, 0}, a, {0, 7, 2, 0, 0}, {1, 1, 1, 0, 0}}));

  // The ranges the loader gives are in reading order too.
  const LoadResult r = load_string(kVocabulary, "api.xml");
  const Span<Entry> entries = r.vocabulary.entries();
  EXPECT_TRUE(std::is_sorted(entries.begin(), entries.end(),
                             [](const Entry& x, const Entry& y) { return x.range < y.range; }));
  EXPECT_EQ(entries[0].range, entries[0].range);
  EXPECT_NE(entries[0].range, entries[1].range);
}

}  // namespace
}  // namespace termgraph
