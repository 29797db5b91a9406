// Links an installed termgraph: loads a vocabulary from a string, looks a
// term up and checks the answer. Exits non-zero on any wrong answer.
#include <termgraph/load.hpp>
#include <termgraph/report.hpp>
#include <termgraph/version.hpp>

#include <iostream>
#include <sstream>
#include <string>

namespace {

const char* const kVocabulary = R"(<?xml version="1.0" encoding="UTF-8"?>
<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="1.1">
    <term>ledger</term>
    <definition>ordered record of transactions (1.2)</definition>
  </entry>
  <entry number="1.2">
    <term>transaction</term>
    <term status="admitted">Tx</term>
    <definition>change of state recorded in a <ref to="1.1">ledger</ref></definition>
  </entry>
</vocabulary>
)";

int failures = 0;

void expect(bool ok, const std::string& what) {
  if (!ok) {
    std::cerr << "FAIL: " << what << '\n';
    ++failures;
  }
}

}  // namespace

int main() {
  const termgraph::LoadResult loaded = termgraph::load_string(kVocabulary, "consumer.xml");
  const termgraph::Vocabulary& vocabulary = loaded.vocabulary;
  expect(vocabulary.size() == 2, "two entries");
  expect(loaded.errors() == 0, "no errors");

  // "TX" finds 1.2 through its admitted term, whatever the case.
  const auto matches = vocabulary.lookup("TX");
  expect(matches.size() == 1 && vocabulary[matches.front().entry].number == "1.2",
         "lookup TX -> 1.2");
  // 1.1 and 1.2 define each other: one circular group.
  expect(vocabulary.circular_groups().size() == 1, "one circular group");

  std::ostringstream out;
  if (!matches.empty()) termgraph::write_entry(out, vocabulary, vocabulary[matches.front().entry]);
  expect(out.str() == "1.2\ntransaction\nTx (admitted)\nchange of state recorded in a ledger (1.1)\n",
         "write_entry layout, got:\n" + out.str());

  std::cout << "termgraph " << TERMGRAPH_VERSION_STRING << ": " << (failures ? "FAILED" : "ok")
            << '\n';
  return failures == 0 ? 0 : 1;
}
