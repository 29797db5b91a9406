// Helpers shared by the test files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "termgraph/load.hpp"

namespace termgraph::test {

/// The diagnostics of `r` with rule id `rule`, in report order.
inline std::vector<const Diagnostic*> with_rule(const LoadResult& r, std::string_view rule) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id() == rule) out.push_back(&d);
  }
  return out;
}

/// The diagnostics of `r` as text for a failure message, one a line:
/// "line:column [rule] message", led by the file name when `r` read more
/// than one file. Cut after about 4000 characters (a hostile input can
/// give millions).
inline std::string all_messages(const LoadResult& r) {
  const std::vector<std::string>& files = r.vocabulary.files();
  std::string out;
  for (const Diagnostic& d : r.diagnostics) {
    if (out.size() > 4000) {
      out += "...\n";
      break;
    }
    if (files.size() > 1 && d.range.file < files.size()) out += files[d.range.file] + ":";
    out += std::to_string(d.range.line) + ":" + std::to_string(d.range.column) + " [" +
           std::string(d.rule_id()) + "] " + d.message + "\n";
  }
  return out;
}

/// The entry whose number (or fallback id) is `key`, or nullptr.
inline const Entry* entry(const Vocabulary& v, std::string_view key) {
  for (const Entry& e : v.entries()) {
    if (e.number == key) return &e;
  }
  return nullptr;
}

/// The numbers of the entries `d` concerns (Diagnostic::entries are ids).
inline std::vector<std::string> entry_numbers(const LoadResult& r, const Diagnostic& d) {
  std::vector<std::string> out;
  for (EntryId e : d.entries) out.emplace_back(r.vocabulary[e].number);
  return out;
}

}  // namespace termgraph::test
