// Links termgraph built with add_subdirectory(): loads a vocabulary from a
// string, looks a term and a number up and checks the answers. Exits
// non-zero on any wrong answer.
#include <termgraph/load.hpp>
#include <termgraph/rules.hpp>

#include <iostream>
#include <string>

namespace {

const char* const kVocabulary = R"(<?xml version="1.0" encoding="UTF-8"?>
<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="7.1">
    <term>café</term>
    <definition>place that serves coffee (7.2)</definition>
  </entry>
  <entry number="7.2">
    <term>coffee</term>
    <definition>drink made from roasted beans (7.9)</definition>
  </entry>
</vocabulary>
)";

int failures = 0;

void expect(bool ok, const char* what) {
  if (!ok) {
    std::cerr << "FAIL: " << what << '\n';
    ++failures;
  }
}

}  // namespace

int main() {
  const termgraph::LoadResult loaded = termgraph::load_string(kVocabulary, "consumer.xml");
  const termgraph::Vocabulary& vocabulary = loaded.vocabulary;

  // Accents and case are ignored: "CAFE" finds "café".
  const auto matches = vocabulary.lookup("CAFE");
  expect(matches.size() == 1 && vocabulary[matches.front().entry].number == "7.1",
         "lookup CAFE -> 7.1");
  const termgraph::Entry* coffee = vocabulary.find_number("7.2");
  expect(coffee && coffee->preferred() && coffee->preferred()->text == "coffee", "7.2 is coffee");

  // 7.9 does not exist: one dangling reference, at line 9.
  expect(loaded.errors() == 1, "one error");
  expect(!loaded.diagnostics.empty() &&
             loaded.diagnostics.front().is(termgraph::RuleId::dangling_reference) &&
             loaded.diagnostics.front().target == "7.9" &&
             loaded.diagnostics.front().range.line == 9,
         "dangling reference to 7.9 on line 9");

  std::cout << (failures ? "FAILED" : "ok") << '\n';
  return failures == 0 ? 0 : 1;
}
