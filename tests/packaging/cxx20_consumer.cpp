// A C++20 consumer: termgraph::Span is a borrowed, contiguous range and a
// view, std::span converts from it and std::ranges algorithms take it.
// (Range adaptors such as std::views::transform work too, but not with
// every compiler and standard library pair: clang 14 with libstdc++ 12
// rejects them even on a std::vector, so this program does not use them.)
// Exits non-zero on any wrong answer.
#include <termgraph/load.hpp>

#include <algorithm>
#include <iostream>
#include <iterator>
#include <ranges>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

using termgraph::Entry;
using termgraph::Span;

static_assert(std::ranges::contiguous_range<Span<Entry>>);
static_assert(std::ranges::sized_range<Span<Entry>>);
static_assert(std::ranges::borrowed_range<Span<Entry>>);
static_assert(std::ranges::view<Span<Entry>>);
static_assert(std::is_convertible_v<Span<Entry>, std::span<const Entry>>);

int main() {
  const termgraph::LoadResult loaded = termgraph::load_string(
      R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="1.1"><term>ledger</term><definition>record of transactions</definition></entry>
  <entry number="1.2"><term>transaction</term><definition>change of a ledger (1.1)</definition></entry>
</vocabulary>)",
      "cxx20.xml");
  const termgraph::Vocabulary& vocabulary = loaded.vocabulary;
  int failures = 0;
  const auto expect = [&failures](bool ok, std::string_view what) {
    if (!ok) {
      std::cerr << "FAIL: " << what << '\n';
      ++failures;
    }
  };

  const std::span<const Entry> entries = vocabulary.entries();
  expect(entries.size() == 2 && entries[1].number == "1.2", "std::span of the entries");

  // A temporary Span is borrowed: the iterator found in it does not dangle.
  const auto found = std::ranges::find(vocabulary.entries(), "1.2", &Entry::number);
  static_assert(std::is_same_v<decltype(found), const Entry* const>);
  expect(found != entries.data() + entries.size() && found->id == 1, "ranges::find 1.2");

  std::vector<std::string_view> names;
  std::ranges::transform(vocabulary.entries(), std::back_inserter(names),
                         [](const Entry& e) { return e.preferred()->text; });
  expect(names == std::vector<std::string_view>{"ledger", "transaction"}, "ranges::transform");
  expect(
      std::ranges::count_if(vocabulary.entries(), [](const Entry& e) { return e.numbered; }) == 2,
      "ranges::count_if");

  const auto citing = vocabulary.cited_by(0);
  expect(std::ranges::distance(citing) == 1 && citing.front().from == 1, "1.2 cites 1.1");

  std::cout << "C++20 consumer: " << (failures ? "FAILED" : "ok") << '\n';
  return failures == 0 ? 0 : 1;
}
