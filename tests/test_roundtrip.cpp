// Round trips, property style: whatever termgraph reads, it writes in each
// format it can write, and reading that back gives the same model and the
// same findings.
//
// - Every file of terms/, tests/data/native/ and the corpus (sts/, and the
//   good files of tbx/) -> native -> read: equal to the original model;
//   STS inputs -> native -> STS and TBX inputs -> native -> TBX: equal on
//   everything the formats hold.
// - 50 generated vocabularies (vocab_gen.hpp) -> native, STS, TBX -> read:
//   equal; the native output is a fixed point (writing what was read back
//   gives the same bytes); findings (rule, entries, target) equal.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "model_compare.hpp"
#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "termgraph/write.hpp"
#include "test_support.hpp"
#include "vocab_gen.hpp"

using namespace termgraph;
using termgraph::testing::compare_models;
using termgraph::testing::CompareOptions;

namespace fs = std::filesystem;

namespace {

/// Findings are compared across formats, so every file is checked under
/// one profile (each format has its own by default).
const LoadOptions& one_profile() {
  static const LoadOptions options = [] {
    LoadOptions o;
    o.analysis.diagnostics.profile = Profile::iso;
    return o;
  }();
  return options;
}

std::string write(const Vocabulary& v, Format f) {
  std::ostringstream out;
  EXPECT_TRUE(write_vocabulary(out, v, f)) << to_string(f);
  return out.str();
}

/// `v` written in `f` and read back (the format detected, not forced).
LoadResult reload(const Vocabulary& v, Format f) {
  LoadResult r = load_string(write(v, f), "roundtrip." + std::string(to_string(f)), one_profile());
  EXPECT_EQ(r.formats.size(), 1u);
  if (!r.formats.empty()) {
    EXPECT_EQ(r.formats[0], f) << "the output of the " << to_string(f)
                               << " writer is not detected as " << to_string(f);
  }
  return r;
}

/// Findings that come from how an input was written rather than from its
/// content: a writer writes the model only, so they do not survive.
bool about_syntax(const Diagnostic& d) {
  return d.is(RuleId::unsupported_content) || d.is(RuleId::xml_syntax) ||
         d.is(RuleId::unknown_format);
}

/// TBX requires a term in every language section; a section of the model
/// without designations is written all the same (dropping it would lose its
/// definition), and the TBX reader says that it breaks the structure.
bool about_tbx_structure(const Diagnostic& d) {
  return d.is(RuleId::tbx_structure);
}

/// The entries of the tbx-structure findings of `r`, sorted.
std::vector<std::string> tbx_structure_entries(const LoadResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (!about_tbx_structure(d)) continue;
    for (const std::string& e : termgraph::test::entry_numbers(r, d)) out.push_back(e);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The entries of `v` with a language section without designations (once
/// per such section), sorted: those TBX cannot hold as they are.
std::vector<std::string> entries_with_termless_sections(const Vocabulary& v) {
  std::vector<std::string> out;
  for (const Entry& e : v.entries()) {
    for (const LanguageSection& s : e.languages) {
      if (s.designations.empty()) out.emplace_back(e.number);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// "rule [entries] -> target" for every finding about content, sorted.
/// With `merged`, the findings of rules that look at each file on its own
/// (numbering-order) are left out: several files were written as one.
std::vector<std::string> findings(const LoadResult& r, bool merged = false) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (about_syntax(d) || about_tbx_structure(d)) continue;
    if (merged && d.is(RuleId::numbering_order)) continue;
    std::string s(d.rule_id());
    s += " [";
    for (const std::string& e : termgraph::test::entry_numbers(r, d)) s += e + " ";
    s += "] -> " + d.target;
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The diagnostics of reading a writer's output that say the reader did
/// not understand it: there must be none.
std::string syntax_findings(const LoadResult& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics) {
    if (!about_syntax(d)) continue;
    out += std::to_string(d.range.line) + ":" + std::to_string(d.range.column) + " [" +
           std::string(d.rule_id()) + "] " + d.message + "\n";
  }
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += x + "\n";
  return s;
}

/// The files directly in `dir` whose name ends in one of `extensions`,
/// sorted; `keep` filters by file name.
template <typename Keep>
std::vector<std::string> files_in(const fs::path& dir, std::vector<std::string> extensions,
                                  Keep keep) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string ext = p.extension().string();
    if (std::find(extensions.begin(), extensions.end(), ext) == extensions.end()) continue;
    if (!keep(p.filename().string())) continue;
    out.push_back(p.string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> files_in(const fs::path& dir, std::vector<std::string> extensions) {
  return files_in(dir, std::move(extensions), [](const std::string&) { return true; });
}

/// The original of `paths` -> native -> read: equal (entry ids included for
/// native inputs), same findings, nothing the
/// reader did not understand. With `also`, the native copy is written in
/// `also` and read back too, and compared with the original on everything
/// but ids.
void native_round_trip(const std::vector<std::string>& paths, Format also = Format::unknown) {
  const LoadResult original = load_files(paths, one_profile());
  ASSERT_GT(original.vocabulary.size(), 0u) << "no entry read";
  const LoadResult native = reload(original.vocabulary, Format::native);
  EXPECT_EQ(syntax_findings(native), "");
  // A native entry has one id; STS and TBX entries may have several
  // (sec_3.2 and term_3.2): native keeps them when the input is native.
  CompareOptions options;
  options.ids = std::all_of(original.formats.begin(), original.formats.end(),
                            [](Format f) { return f == Format::native; });
  // Native holds every data category and what was stated.
  options.categories = true;
  options.stated = true;
  EXPECT_EQ(compare_models(original.vocabulary, native.vocabulary, options), "");
  const bool merged = original.vocabulary.files().size() > 1;
  EXPECT_EQ(joined(findings(original, merged)), joined(findings(native, merged)));
  if (also == Format::unknown) return;
  const LoadResult back = reload(native.vocabulary, also);
  EXPECT_EQ(syntax_findings(back), "");
  EXPECT_EQ(joined(tbx_structure_entries(back)),
            also == Format::tbx ? joined(entries_with_termless_sections(original.vocabulary))
                                : std::string());
  CompareOptions without_ids;
  without_ids.ids = false;
  without_ids.target_ids = false;
  EXPECT_EQ(compare_models(original.vocabulary, back.vocabulary, without_ids), "")
      << "native -> " << to_string(also);
  EXPECT_EQ(joined(findings(original, merged)), joined(findings(back, merged)));
}

fs::path corpus() {
  return fs::path(TERMGRAPH_CORPUS_DIR);
}

}  // namespace

// -- files ------------------------------------------------------------------

TEST(RoundTrip, BundledTermsFileByFile) {
  const std::vector<std::string> files = files_in(TERMGRAPH_TERMS_DIR, {".xml"});
  ASSERT_EQ(files.size(), 2u);  // the native and the STS part
  for (const std::string& f : files) {
    SCOPED_TRACE(f);
    const LoadResult r = load_files({f}, one_profile());
    native_round_trip({f}, r.formats.at(0) == Format::sts ? Format::sts : Format::unknown);
  }
}

TEST(RoundTrip, BundledTermsAsOneVocabulary) {
  // References cross the two files; in one native file they still resolve.
  native_round_trip({TERMGRAPH_TERMS_DIR});
}

TEST(RoundTrip, NativeTestData) {
  const std::vector<std::string> files =
      files_in(fs::path(TERMGRAPH_TEST_DATA) / "native", {".xml"});
  ASSERT_FALSE(files.empty());
  for (const std::string& f : files) {
    SCOPED_TRACE(f);
    native_round_trip({f});
  }
}

TEST(RoundTrip, StsTestData) {
  const std::vector<std::string> files = files_in(fs::path(TERMGRAPH_TEST_DATA) / "sts", {".xml"});
  ASSERT_FALSE(files.empty());
  for (const std::string& f : files) {
    SCOPED_TRACE(f);
    native_round_trip({f}, Format::sts);
  }
}

TEST(RoundTrip, CorpusSts) {
  const fs::path dir = corpus() / "sts";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "corpus not found at " << dir.string();
  const std::vector<std::string> files = files_in(dir, {".xml"});
  ASSERT_FALSE(files.empty());
  for (const std::string& f : files) {
    SCOPED_TRACE(f);
    native_round_trip({f}, Format::sts);
  }
}

TEST(RoundTrip, CorpusTbxGoodFiles) {
  const fs::path dir = corpus() / "tbx";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "corpus not found at " << dir.string();
  // The *_good files; *_bad and poorly_formed_xml are wrong on purpose.
  const std::vector<std::string> files = files_in(dir, {".tbx"}, [](const std::string& name) {
    return name.find("_good") != std::string::npos;
  });
  ASSERT_EQ(files.size(), 3u);
  for (const std::string& f : files) {
    SCOPED_TRACE(f);
    native_round_trip({f}, Format::tbx);
  }
}

// -- generated vocabularies -------------------------------------------------

TEST(RoundTrip, GeneratorCoversWhatItPromises) {
  // The generator is only worth its round trips if it makes what it says:
  // counted over the 50 seeds the other tests use.
  std::size_t smallest = SIZE_MAX, largest = 0;
  std::set<std::size_t> language_counts;
  std::set<std::string> statuses, kinds, rule_ids;
  std::size_t markup = 0, plain = 0, grouped = 0, dangling = 0, external = 0, by_id = 0;
  std::size_t non_ascii = 0, escaped = 0, notes = 0, examples = 0, sources = 0;
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const termgraph::testing::GeneratedVocabulary g = termgraph::testing::generate_vocabulary(seed);
    EXPECT_EQ(g.xml, termgraph::testing::generate_vocabulary(seed).xml) << "not deterministic";
    const LoadResult r = load_string(g.xml, "generated.xml");
    EXPECT_EQ(syntax_findings(r), "") << "seed " << seed;
    ASSERT_EQ(r.vocabulary.size(), g.entries) << "seed " << seed;
    smallest = std::min(smallest, g.entries);
    largest = std::max(largest, g.entries);
    language_counts.insert(g.languages.size());
    for (const Diagnostic& d : r.diagnostics) {
      rule_ids.insert(std::string(d.rule_id()));
      if (d.is(RuleId::dangling_reference)) ++dangling;
    }
    for (const Entry& e : r.vocabulary.entries()) {
      for (const LanguageSection& s : e.languages) {
        for (const Designation& d : s.designations) {
          statuses.insert(std::string(to_string(d.status)));
          kinds.insert(std::string(to_string(d.kind)));
          auto high = [](char c) { return static_cast<unsigned char>(c) >= 0x80; };
          if (std::any_of(d.text.begin(), d.text.end(), high)) ++non_ascii;
          if (d.text.find_first_of("&<>\"") != std::string_view::npos) ++escaped;
        }
        notes += s.notes.size();
        examples += s.examples.size();
        sources += s.sources.size();
        auto count = [&](const TextBlock& b) {
          for (const Reference& ref : b.references) {
            ++(ref.markup ? markup : plain);
            grouped += ref.grouped;
            external += ref.external;
            by_id += !ref.target_id.empty();
          }
        };
        if (s.definition) count(*s.definition);
        for (const TextBlock& b : s.notes) count(b);
      }
    }
  }
  EXPECT_LE(smallest, 10u);
  EXPECT_GE(largest, 50u);
  EXPECT_EQ(language_counts, (std::set<std::size_t>{1, 2, 3}));
  EXPECT_EQ(statuses, (std::set<std::string>{"preferred", "admitted", "deprecated"}));
  EXPECT_EQ(kinds, (std::set<std::string>{"full-form", "abbreviation", "symbol", "other"}));
  for (const char* rule : {"dangling-reference", "circular-definition", "self-reference",
                           "missing-definition", "missing-preferred-term", "label-mismatch"}) {
    EXPECT_EQ(rule_ids.count(rule), 1u) << rule;
  }
  EXPECT_GT(markup, 100u);
  EXPECT_GT(plain, 100u);
  EXPECT_GT(grouped, 50u);
  EXPECT_GT(dangling, 50u);
  EXPECT_GT(external, 50u);
  EXPECT_GT(by_id, 20u);
  EXPECT_GT(non_ascii, 100u);
  EXPECT_GT(escaped, 20u);
  EXPECT_GT(notes, 100u);
  EXPECT_GT(examples, 50u);
  EXPECT_GT(sources, 50u);
}

TEST(RoundTrip, GeneratedThroughNative) {
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const LoadResult original =
        load_string(termgraph::testing::generate_vocabulary(seed).xml, "gen.xml", one_profile());
    const std::string first = write(original.vocabulary, Format::native);
    const LoadResult back = load_string(first, "roundtrip.native", one_profile());
    EXPECT_EQ(syntax_findings(back), "");
    CompareOptions all;
    all.categories = true;
    all.stated = true;
    EXPECT_EQ(compare_models(original.vocabulary, back.vocabulary, all), "");
    EXPECT_EQ(joined(findings(original)), joined(findings(back)));
    // A fixed point: what was read back is written byte for byte the same.
    EXPECT_EQ(write(back.vocabulary, Format::native), first);
  }
}

TEST(RoundTrip, GeneratedThroughStsAndTbx) {
  // STS and TBX name entries term_N: an id of the native format does not
  // survive, so references are compared by the entry they resolve to.
  CompareOptions without_ids;
  without_ids.ids = false;
  without_ids.target_ids = false;
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const LoadResult original =
        load_string(termgraph::testing::generate_vocabulary(seed).xml, "gen.xml", one_profile());
    const std::vector<std::string> expected = findings(original);
    for (Format f : {Format::sts, Format::tbx}) {
      SCOPED_TRACE(std::string(to_string(f)));
      const LoadResult back = reload(original.vocabulary, f);
      EXPECT_EQ(syntax_findings(back), "");
      EXPECT_EQ(compare_models(original.vocabulary, back.vocabulary, without_ids), "");
      EXPECT_EQ(joined(expected), joined(findings(back)));
      EXPECT_EQ(joined(tbx_structure_entries(back)),
                f == Format::tbx ? joined(entries_with_termless_sections(original.vocabulary))
                                 : std::string());
      // And a fixed point in that format too.
      EXPECT_EQ(write(back.vocabulary, f), write(original.vocabulary, f));
    }
    // Through every format in turn.
    const LoadResult sts = reload(original.vocabulary, Format::sts);
    const LoadResult tbx = reload(sts.vocabulary, Format::tbx);
    const LoadResult native = reload(tbx.vocabulary, Format::native);
    EXPECT_EQ(compare_models(original.vocabulary, native.vocabulary, without_ids), "")
        << "native -> sts -> tbx -> native";
    EXPECT_EQ(joined(expected), joined(findings(native)));
  }
}
