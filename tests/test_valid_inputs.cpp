// No false alarms on valid files: every valid file of the corpus of real
// files (PROVENANCE.md: the *_good, DCA/DCT and STS files) gets no error
// under its format's profile, and every invalid one (*_bad, poorly_formed)
// is still reported by the rules its defects break. A generated termbase
// shaped like a Microsoft terminology export (TBX 2008, thousands of entries,
// an English definition and a term in one other language, homographs) gets
// no error and none of the findings a termbase does not call for.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/load.hpp"
#include "test_support.hpp"

using namespace termgraph;
namespace fs = std::filesystem;

namespace {

using termgraph::test::all_messages;
using termgraph::test::with_rule;

const std::string corpus_dir = std::string(TERMGRAPH_CORPUS_DIR);

/// The rules each invalid corpus file must be reported by (its header
/// comment or PROVENANCE.md lists its defects), and how many of each.
const std::map<std::string, std::map<std::string, std::size_t>> invalid_files = {
    // Header text outside <p>, <admin> in <text>, <admin> without type,
    // <term> not first, a second <term>, a second <descrip> in a group.
    {"core_structure_bad.tbx", {{"tbx-structure", 6}}},
    // <admin type="source"> and <xref> are not TBX-Min; a usageStatus value
    // outside the picklist.
    {"min_bad.tbx", {{"tbx-structure", 2}, {"invalid-value", 1}}},
    // A langSet language its XCS does not declare.
    {"martif2008_bad.tbx", {{"invalid-value", 1}}},
    // Not well-formed: a <term> never closed.
    {"poorly_formed_xml.tbx", {{"xml-syntax", 1}}},
};

bool invalid_by_name(const std::string& name) {
  return name.find("_bad") != std::string::npos || name.find("poorly_formed") != std::string::npos;
}

/// Every term file of the corpus (the XCS and DTD files beside them are
/// not term files), sorted.
std::vector<fs::path> corpus_files() {
  std::vector<fs::path> out;
  for (const char* sub : {"sts", "tbx"}) {
    std::error_code ec;
    for (const fs::directory_entry& f : fs::directory_iterator(corpus_dir + "/" + sub, ec)) {
      const std::string ext = f.path().extension().string();
      if (ext == ".xml" || ext == ".tbx") out.push_back(f.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::map<std::string, std::size_t> errors_by_rule(const LoadResult& r) {
  std::map<std::string, std::size_t> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.severity == Severity::error) ++out[std::string(d.rule_id())];
  }
  return out;
}

/// A TBX 2008 document shaped like a Microsoft terminology export: one line,
/// `entries` termEntry elements, each with an en-US definition and term
/// and an Uyghur term without definition; every fifth English term is one
/// of a few words, so that several entries share it (homographs of
/// different concepts).
std::string microsoft_style_export(std::size_t entries) {
  const char* const homographs[] = {"file", "key", "record", "share", "drive", "table"};
  std::string s =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE martif SYSTEM "
      "\"TBXcoreStructV02.dtd\"><martif type=\"TBX\" xml:lang=\"en-US\"><martifHeader>"
      "<fileDesc><sourceDesc><p>Generated terminology export</p></sourceDesc></fileDesc>"
      "</martifHeader><text><body>";
  for (std::size_t i = 0; i < entries; ++i) {
    const std::string n = std::to_string(i);
    const std::string term = i % 5 == 0 ? homographs[(i / 5) % 6] : "term " + n;
    s += "<termEntry id=\"" + std::to_string(5000 + i) +
         "_1\"><langSet xml:lang=\"en-US\"><descripGrp><descrip type=\"definition\">meaning " + n +
         " of the word, as the product uses it</descrip></descripGrp><ntig><termGrp><term>" + term +
         "</term><termNote type=\"partOfSpeech\">Noun</termNote></termGrp></ntig></langSet>"
         "<langSet xml:lang=\"ug-CN\"><ntig><termGrp><term>\xd8\xa6\xd8\xa7\xd8\xaa\xd8\xa7\xd9"
         "\x84\xd8\xba\xdb\x87 " +
         n + "</term></termGrp></ntig></langSet></termEntry>";
  }
  return s + "</body></text></martif>";
}

}  // namespace

TEST(ValidInputs, EveryCorpusFileGetsNoErrorUnlessItIsMeantToBeInvalid) {
  if (!fs::is_directory(corpus_dir)) GTEST_SKIP() << "corpus not found at " << corpus_dir;
  std::size_t valid = 0, invalid = 0;
  for (const fs::path& path : corpus_files()) {
    const std::string name = path.filename().string();
    SCOPED_TRACE(name);
    LoadResult r = load_files({path.string()});
    ASSERT_EQ(r.formats.size(), 1u);
    EXPECT_NE(r.formats[0], Format::unknown);
    const auto expected = invalid_files.find(name);
    if (expected != invalid_files.end()) {
      ++invalid;
      for (const auto& [rule, count] : expected->second) {
        EXPECT_EQ(with_rule(r, rule).size(), count) << rule << "\n" << all_messages(r);
      }
      // Nothing else is an error.
      for (const auto& [rule, count] : errors_by_rule(r)) {
        EXPECT_TRUE(expected->second.count(rule)) << rule << "\n" << all_messages(r);
      }
      continue;
    }
    if (invalid_by_name(name)) {
      // An invalid file added to the corpus later: it must be reported.
      ++invalid;
      EXPECT_FALSE(r.diagnostics.empty()) << "an invalid file gets no finding";
      continue;
    }
    ++valid;
    EXPECT_GE(r.vocabulary.size(), 1u);
    if (name == "isosts-tbx-examples.xml") {
      // The examples are excerpts: most references cite entries of the
      // standards they come from. Those are its only errors, and each cites
      // a number no entry of the file carries, in its number or its id.
      std::set<std::string> numbers;
      for (const Entry& e : r.vocabulary.entries()) {
        numbers.emplace(e.number);
        for (std::string_view id : e.ids) numbers.emplace(id);
      }
      const auto dangling = with_rule(r, "dangling-reference");
      EXPECT_EQ(dangling.size(), 54u);
      for (const Diagnostic* d : dangling) {
        EXPECT_FALSE(d->target.empty());
        EXPECT_EQ(numbers.count(d->target), 0u) << d->target;
        for (const std::string& n : numbers) {
          const bool id_ends_with_target =
              n.size() > d->target.size() &&
              n.compare(n.size() - d->target.size(), d->target.size(), d->target) == 0 &&
              (n[n.size() - d->target.size() - 1] == '_' ||
               n[n.size() - d->target.size() - 1] == '-');
          EXPECT_FALSE(id_ends_with_target) << d->target << " is in the id " << n;
        }
      }
      EXPECT_EQ(errors_by_rule(r), (std::map<std::string, std::size_t>{{"dangling-reference", 54}}))
          << all_messages(r);
      continue;
    }
    EXPECT_EQ(r.errors(), 0u) << all_messages(r);
  }
  // The corpus may grow, not shrink.
  EXPECT_GE(valid, 12u);
  EXPECT_GE(invalid, 4u);
}

TEST(ValidInputs, MicrosoftStyleExportGetsNoErrorUnderTheTermbaseProfile) {
  const std::size_t n = 3000;
  const std::string content = microsoft_style_export(n);
  LoadResult r = load_string(content, "export.tbx");
  ASSERT_EQ(r.formats.size(), 1u);
  EXPECT_EQ(r.formats[0], Format::tbx2008);
  ASSERT_EQ(r.vocabulary.size(), n);
  // The language sections as read: English with a definition, Uyghur
  // without; homographs in different entries.
  const Entry& first = r.vocabulary.entries()[0];
  ASSERT_EQ(first.languages.size(), 2u);
  EXPECT_EQ(first.languages[0].language, "en-US");
  ASSERT_NE(first.languages[0].definition, nullptr);
  EXPECT_EQ(first.languages[1].definition, nullptr);
  EXPECT_EQ(first.languages[0].designations[0].text, "file");
  EXPECT_EQ(r.vocabulary.entries()[30].languages[0].designations[0].text, "file");

  EXPECT_EQ(r.errors(), 0u) << all_messages(r);
  EXPECT_TRUE(r);
  for (std::string_view rule : {"duplicate-term", "missing-definition",
                                "missing-definition-in-language", "missing-language"}) {
    EXPECT_TRUE(with_rule(r, rule).empty()) << rule << "\n" << all_messages(r);
  }
  // A section with a term and no definition gives at most a note.
  for (const Diagnostic& d : r.diagnostics) {
    if (d.is(RuleId::missing_preferred_term)) {
      EXPECT_EQ(d.severity, Severity::note);
    }
  }

  // The same file under the iso profile: the findings a terms clause would
  // get are there, so their absence above is the profile's doing.
  LoadOptions iso;
  iso.analysis.diagnostics.profile = Profile::iso;
  LoadResult strict = load_string(content, "export.tbx", iso);
  EXPECT_EQ(with_rule(strict, "missing-definition-in-language").size(), n);
  EXPECT_FALSE(with_rule(strict, "duplicate-term").empty());
}
