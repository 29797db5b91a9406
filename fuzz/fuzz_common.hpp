// Shared checks for the libFuzzer harnesses: invariants every LoadResult
// must satisfy, whatever the input. A violation aborts (the fuzzer reports
// it as a crash, with the input that caused it).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "termgraph/load.hpp"
#include "termgraph/report.hpp"
#include "termgraph/rules.hpp"

namespace termgraph_fuzz {

/// Aborts with a message when `ok` is false.
inline void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "termgraph fuzz invariant violated: %s\n", what);
    std::abort();
  }
}

inline bool known_rule(const termgraph::Rule* rule) {
  if (rule == nullptr) return false;
  for (const termgraph::Rule* r : termgraph::rules::all()) {
    if (r == rule) return true;
  }
  return false;
}

inline void check_range(const termgraph::LoadResult& r, const termgraph::SourceRange& range) {
  if (!range.known()) return;
  require(range.file < r.vocabulary.files().size(), "range names a file that does not exist");
  require(range.column >= 1, "known range with column 0");
  if (range.end_line != 0) {
    require(range.end_line > range.line ||
                (range.end_line == range.line && range.end_column >= range.column),
            "range ends before it starts");
  }
}

/// Structural invariants of a load result, then the text report (which reads
/// source lines at every diagnostic's position).
inline void check_result(const termgraph::LoadResult& r) {
  const termgraph::Vocabulary& v = r.vocabulary;
  require(r.formats.size() == v.files().size(), "one format per file");
  for (const termgraph::Diagnostic& d : r.diagnostics) {
    require(known_rule(d.rule), "diagnostic without a catalogued rule");
    require(!d.message.empty(), "diagnostic without a message");
    check_range(r, d.range);
    for (const termgraph::RelatedLocation& rel : d.related) check_range(r, rel.range);
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const termgraph::Entry& e = v[static_cast<termgraph::EntryId>(i)];
    require(e.id == i, "entry id is not its index");
    check_range(r, e.range);
    for (const termgraph::LanguageSection& s : e.languages) {
      check_range(r, s.range);
      for (const termgraph::Designation& d : s.designations) check_range(r, d.range);
      auto check_block = [&](const termgraph::TextBlock& b) {
        check_range(r, b.range);
        for (const termgraph::Reference& ref : b.references) {
          require(ref.begin <= ref.end && ref.end <= b.text.size(), "reference outside its block");
          require(ref.target == termgraph::no_entry || ref.target < v.size(),
                  "reference target out of range");
          check_range(r, ref.range);
        }
      };
      if (s.definition) check_block(*s.definition);
      for (const termgraph::TextBlock& b : s.notes) check_block(b);
      for (const termgraph::TextBlock& b : s.examples) check_block(b);
      for (const termgraph::TextBlock& b : s.sources) check_block(b);
    }
  }
  std::ostringstream report;
  termgraph::write_diagnostics(report, r);
}

}  // namespace termgraph_fuzz
