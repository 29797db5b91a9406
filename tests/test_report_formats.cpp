// The reports of findings beyond the plain text: the text summary, colour
// and limits, SARIF, GitHub annotations and GitLab Code Quality.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/report.hpp"
#include "termgraph/rules.hpp"

namespace termgraph {
namespace {

using Json = nlohmann::json;

const char* const kDocument =
    "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\">\n"  // 1
    "  <entry number=\"3.1\">\n"                           // 2
    "    <term>café token</term>\n"                        // 3
    "\t<definition>é unit of value (3.9)</definition>\n"   // 4
    "  </entry>\n"                                         // 5
    "</vocabulary>\n";                                     // 6

Diagnostic make(const Rule& rule, Severity severity, std::uint32_t line, std::uint32_t column,
                std::uint32_t end_column, std::string message) {
  Diagnostic d;
  d.rule = &rule;
  d.severity = severity;
  d.message = std::move(message);
  d.range = SourceRange{0, line, column, line, end_column};
  return d;
}

Diagnostic dangling(std::uint32_t line = 4, std::uint32_t column = 30) {
  Diagnostic d = make(rules::dangling_reference, Severity::error, line, column, column + 5,
                      "reference to entry 3.9, which does not exist");
  d.target = "3.9";
  d.entries = {0};
  return d;
}

std::string text_of(const LoadResult& result, const TextStyle& style) {
  std::ostringstream out;
  write_diagnostics(out, result, style);
  return out.str();
}

// -- text ---------------------------------------------------------------------

TEST(TextSummary, CountsPerRuleMostFrequentFirstThenTotalWithNotes) {
  LoadResult result = load_string(kDocument, "t.xml");
  const Diagnostic label = make(rules::label_mismatch, Severity::warning, 4, 14, 19,
                                "'unit' names none of the terms of entry 3.9");
  const Diagnostic note = make(rules::missing_preferred_term, Severity::note, 2, 3, 0,
                               "entry 3.1 has no preferred term in fr");
  result.diagnostics = {note, dangling(), label, label, label};
  TextStyle style;
  style.show_findings = false;
  // Ties keep the catalogue's order: missing-preferred-term comes before
  // dangling-reference in rules.md.
  EXPECT_EQ(text_of(result, style),
            "  3 label-mismatch (warning)\n"
            "  1 missing-preferred-term (note)\n"
            "  1 dangling-reference (error)\n"
            "1 error, 3 warnings, 1 note generated\n");

  result.diagnostics = {note};
  EXPECT_EQ(text_of(result, style), "  1 missing-preferred-term (note)\n1 note generated\n");

  // Counts of different widths are aligned on the right.
  result.diagnostics.assign(12, label);
  result.diagnostics.push_back(dangling());
  EXPECT_EQ(text_of(result, style),
            "  12 label-mismatch (warning)\n"
            "   1 dangling-reference (error)\n"
            "1 error, 12 warnings generated\n");
}

TEST(TextSummary, OneRuleWithTwoSeveritiesHasALineEach) {
  // A rule's severity depends on each file's profile: counted apart.
  LoadResult result = load_string(kDocument, "t.xml");
  Diagnostic as_warning = dangling();
  as_warning.severity = Severity::warning;
  result.diagnostics = {dangling(), as_warning, as_warning};
  TextStyle style;
  style.show_findings = false;
  EXPECT_EQ(text_of(result, style),
            "  2 dangling-reference (warning)\n"
            "  1 dangling-reference (error)\n"
            "1 error, 2 warnings generated\n");
}

TEST(TextWriter, MaxFindingsPrintsTheFirstAndCountsAll) {
  LoadResult result = load_string(kDocument, "t.xml");
  result.diagnostics = {dangling(4, 30), dangling(4, 31), dangling(4, 32)};
  TextStyle style;
  style.show_source = false;
  style.max_findings = 1;
  EXPECT_EQ(text_of(result, style),
            "t.xml:4:30: error: reference to entry 3.9, which does not exist "
            "[dangling-reference]\n"
            "2 more findings not shown\n"
            "  3 dangling-reference (error)\n"
            "3 errors generated\n");
  style.max_findings = 2;
  const std::string two = text_of(result, style);
  EXPECT_NE(two.find("t.xml:4:31: error"), std::string::npos);
  EXPECT_NE(two.find("\n1 more finding not shown\n"), std::string::npos);
  style.max_findings = 3;
  EXPECT_EQ(text_of(result, style).find("not shown"), std::string::npos);
}

TEST(TextWriter, ColourAsClang) {
  LoadResult result = load_string(kDocument, "t.xml");
  Diagnostic d = dangling();
  d.related.push_back({SourceRange{0, 2, 3, 0, 0}, "in entry 3.1"});
  result.diagnostics = {d};
  TextStyle style;
  style.color = true;
  EXPECT_EQ(text_of(result, style),
            "\x1b[1mt.xml:4:30:\x1b[0m \x1b[1;31merror:\x1b[0m \x1b[1mreference to entry 3.9, "
            "which does not exist [dangling-reference]\x1b[0m\n"
            "\t<definition>é unit of value (3.9)</definition>\n"
            "\t" +
                std::string(28, ' ') +
                "\x1b[1;32m^~~~~\x1b[0m\n"
                "\x1b[1mt.xml:2:3:\x1b[0m \x1b[1;36mnote:\x1b[0m \x1b[1min entry 3.1\x1b[0m\n"
                "  1 dangling-reference (error)\n"
                "1 error generated\n");
  result.diagnostics[0].severity = Severity::warning;
  style.show_source = false;
  EXPECT_NE(text_of(result, style).find("\x1b[1;35mwarning:\x1b[0m"), std::string::npos);
  style.color = false;
  EXPECT_EQ(text_of(result, style).find('\x1b'), std::string::npos);
}

/// The excerpt of `range` on `line` as the first version of the text writer
/// computed it, from every code point's offset: the reference the writer's
/// cached positions must agree with.
std::string reference_excerpt(const std::string& line, const SourceRange& range) {
  std::vector<std::size_t> cp;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0U) != 0x80U) cp.push_back(i);
  }
  cp.push_back(line.size());
  const std::size_t length = cp.size() - 1;
  const std::size_t column = range.column - 1;
  std::size_t last = std::max<std::size_t>(column + 1, range.end_column - 1);
  std::size_t first = 0, end = length;
  if (length > 160) {
    first = column > 60 ? column - 60 : 0;
    first = std::min(first, length - 160);
    end = first + 160;
  }
  std::string out = (first > 0 ? "..." : "") + line.substr(cp[first], cp[end] - cp[first]) +
                    (end < length ? "..." : "") + "\n";
  std::string caret(first > 0 ? 3 : 0, ' ');
  for (std::size_t i = first; i < column; ++i)
    caret += (i < length && line[cp[i]] == '\t') ? '\t' : ' ';
  caret += '^';
  for (std::size_t i = column + 1; i < std::min(last, std::max(end, column + 1)); ++i) caret += '~';
  return out + caret + "\n";
}

TEST(TextWriter, ManyFindingsOnOneLongLineShowTheirOwnWindow) {
  // One line of several thousand code points, with multi-byte characters
  // and tabs, and findings all along it (and one past its end), in report
  // order and out of it.
  std::string line = "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\">";
  for (int i = 0; line.size() < 20000; ++i) {
    line += (i % 7 == 0) ? "\t" : (i % 3 == 0) ? "é" : (i % 5 == 0) ? "日本" : "ab";
  }
  const LoadResult loaded = load_string(line, "long.xml");
  std::size_t length = 0;
  for (char c : line) length += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;

  std::vector<std::uint32_t> columns;
  for (std::uint32_t c = 1; c <= length; c += 97) columns.push_back(c);
  columns.push_back(static_cast<std::uint32_t>(length));
  columns.push_back(static_cast<std::uint32_t>(length + 1));
  columns.push_back(5);  // out of order: back to the start

  LoadResult result = loaded;
  result.diagnostics.clear();
  std::string expected;
  for (std::uint32_t c : columns) {
    Diagnostic d = make(rules::label_mismatch, Severity::warning, 1, c, c + 3, "m");
    result.diagnostics.push_back(d);
    expected += "long.xml:1:" + std::to_string(c) + ": warning: m [label-mismatch]\n" +
                reference_excerpt(line, d.range);
  }
  const std::string got = text_of(result, TextStyle{});
  ASSERT_GT(got.size(), expected.size());
  EXPECT_EQ(got.substr(0, expected.size()), expected);
}

// -- GitHub ---------------------------------------------------------------------

TEST(GithubWriter, OneAnnotationPerFindingEscapedAsGithubReadsThem) {
  LoadResult result = load_string(kDocument, "dir/a:b,c%.xml");
  Diagnostic warning =
      make(rules::label_mismatch, Severity::warning, 4, 30, 35, "50% of\r\nlines: a,b");
  Diagnostic note = make(rules::missing_preferred_term, Severity::note, 2, 3, 0, "n");
  note.range.end_line = 5;  // over several lines: no columns
  note.range.end_column = 11;
  Diagnostic error = dangling();
  error.related.push_back({SourceRange{0, 2, 3, 0, 0}, "in entry 3.1"});
  result.diagnostics = {note, error, warning};
  std::ostringstream out;
  GithubDiagnosticWriter writer(out);
  report_diagnostics(result, writer);
  EXPECT_EQ(out.str(),
            "::notice file=dir/a%3Ab%2Cc%25.xml,line=2,endLine=5,title=missing-preferred-term::n\n"
            "::error file=dir/a%3Ab%2Cc%25.xml,line=4,col=30,endLine=4,endColumn=34,"
            "title=dangling-reference::reference to entry 3.9, which does not exist"
            "%0Adir/a:b,c%25.xml:2:3: note: in entry 3.1\n"
            "::warning file=dir/a%3Ab%2Cc%25.xml,line=4,col=30,endLine=4,endColumn=34,"
            "title=label-mismatch::50%25 of%0D%0Alines: a,b\n"
            "1 error, 1 warning, 1 note generated\n");
}

TEST(GithubWriter, MaxFindingsAndFilesOutsideTheBase) {
  LoadResult result = load_string(kDocument, "/elsewhere/t.xml");
  result.diagnostics = {dangling(), dangling()};
  std::ostringstream out;
  ReportOptions options;
  options.base_directory = "/work";
  options.max_findings = 1;
  GithubDiagnosticWriter writer(out, options);
  report_diagnostics(result, writer);
  EXPECT_EQ(out.str(),
            "::error file=/elsewhere/t.xml,line=4,col=30,endLine=4,endColumn=34,"
            "title=dangling-reference::reference to entry 3.9, which does not exist\n"
            "1 more finding not shown\n"
            "2 errors generated\n");
}

// -- GitLab ---------------------------------------------------------------------

Json gitlab_of(const LoadResult& result, std::string_view only = {}) {
  std::ostringstream out;
  ReportOptions options;
  options.base_directory = "/base";
  GitlabDiagnosticWriter writer(out, options);
  report_diagnostics(result, writer);
  Json report = Json::parse(out.str());
  if (only.empty()) return report;
  Json kept = Json::array();
  for (const Json& issue : report) {
    if (issue["check_name"] == std::string(only)) kept.push_back(issue);
  }
  return kept;
}

TEST(GitlabWriter, CodeQualityFields) {
  LoadResult result = load_string(kDocument, "/base/terms/t.xml");
  Diagnostic unreadable =
      make(rules::unreadable_input, Severity::error, 0, 0, 0, "cannot read 'x.xml'");
  result.diagnostics = {dangling(), make(rules::label_mismatch, Severity::warning, 4, 14, 19, "w"),
                        make(rules::missing_preferred_term, Severity::note, 2, 3, 0, "n"),
                        unreadable};
  const Json report = gitlab_of(result);
  ASSERT_TRUE(report.is_array());
  ASSERT_EQ(report.size(), 4u);
  EXPECT_EQ(report[0]["description"], "reference to entry 3.9, which does not exist");
  EXPECT_EQ(report[0]["check_name"], "dangling-reference");
  EXPECT_EQ(report[0]["severity"], "major");
  EXPECT_EQ(report[0]["location"]["path"], "terms/t.xml");
  EXPECT_EQ(report[0]["location"]["lines"]["begin"], 4);
  EXPECT_EQ(report[1]["severity"], "minor");
  EXPECT_EQ(report[2]["severity"], "info");
  EXPECT_EQ(report[3]["severity"], "blocker");
  EXPECT_EQ(report[3]["location"]["lines"]["begin"], 1);  // no position
  std::set<std::string> fingerprints;
  for (const Json& issue : report) {
    const std::string f = issue["fingerprint"];
    EXPECT_EQ(f.size(), 16u);
    fingerprints.insert(f);
  }
  EXPECT_EQ(fingerprints.size(), 4u);
}

TEST(GitlabWriter, FingerprintsStayWhenLinesAboveMoveAndTellTwinsApart) {
  const std::string before =
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\">\n"
      "  <entry number=\"1.1\"><term>a</term><definition>cites (1.8) and (1.8)</definition>"
      "</entry>\n"
      "  <entry number=\"1.2\"><term>b</term><definition>cites (1.9)</definition></entry>\n"
      "</vocabulary>\n";
  std::string after = before;
  after.insert(after.find("  <entry"), "  <!-- a comment\n       of three lines -->\n\n");
  const LoadResult first = load_string(before, "/base/v.xml");
  const LoadResult second = load_string(after, "/base/v.xml");
  const Json a = gitlab_of(first, "dangling-reference");
  const Json b = gitlab_of(second, "dangling-reference");
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  std::set<std::string> distinct;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i]["check_name"], "dangling-reference");
    EXPECT_EQ(b[i]["location"]["lines"]["begin"].get<int>(),
              a[i]["location"]["lines"]["begin"].get<int>() + 3);
    EXPECT_EQ(a[i]["fingerprint"], b[i]["fingerprint"]) << i;
    distinct.insert(a[i]["fingerprint"].get<std::string>());
  }
  // The two identical references of entry 1.1 get fingerprints of their own.
  EXPECT_EQ(distinct.size(), 3u);
  // Another path: another fingerprint.
  const Json c = gitlab_of(load_string(before, "/base/w.xml"), "dangling-reference");
  EXPECT_NE(c[0]["fingerprint"], a[0]["fingerprint"]);
}

// -- SARIF ------------------------------------------------------------------------

Json sarif_of(const LoadResult& result, const ReportOptions& options) {
  std::ostringstream out;
  SarifDiagnosticWriter writer(out, options);
  report_diagnostics(result, writer);
  // The schema test (tests/cli/check_reports.py) validates this log.
  if (const char* sample = std::getenv("TERMGRAPH_SARIF_SAMPLE")) {
    std::ofstream(sample, std::ios::binary) << out.str();
  }
  return Json::parse(out.str());
}

TEST(SarifWriter, RulesResultsRelatedLocationsAndFixes) {
  LoadResult result = load_string(kDocument, "/base/my terms/t.xml");
  Diagnostic cycle = make(rules::circular_definition, Severity::warning, 4, 14, 19,
                          "circular definition: 3.1 → 3.1");
  cycle.related.push_back({SourceRange{0, 4, 14, 4, 19}, "3.1 cites 3.1"});
  cycle.related.push_back({SourceRange{0, 2, 3, 0, 0}, "3.1 is here"});
  Diagnostic fixable = make(rules::whitespace, Severity::warning, 3, 10, 20, "doubled space");
  Fix fix;
  fix.message = "collapse the spaces";
  fix.edits.push_back({SourceRange{0, 3, 15, 3, 17}, " "});
  fix.edits.push_back({SourceRange{0, 3, 18, 3, 19}, ""});
  fixable.fixes.push_back(fix);
  result.diagnostics = {dangling(), cycle, fixable};
  ReportOptions options;
  options.base_directory = "/base";
  options.docs_uri = "https://example.org/termgraph/docs";  // no final '/'
  const Json log = sarif_of(result, options);

  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const Json& run = log["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["originalUriBaseIds"]["SRCROOT"]["uri"], "file:///base/");
  const Json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "termgraph");
  EXPECT_EQ(driver["informationUri"], "https://example.org/termgraph/docs/cli.md");
  ASSERT_EQ(driver["rules"].size(), rule_count);
  for (std::size_t i = 0; i < rule_count; ++i) {
    const Rule& rule = *rules::all()[i];
    const Json& r = driver["rules"][i];
    EXPECT_EQ(r["id"], std::string(rule.id));
    EXPECT_EQ(r["shortDescription"]["text"], std::string(rule.summary));
    EXPECT_EQ(r["helpUri"], "https://example.org/termgraph/docs/rules.md#" + std::string(rule.id));
  }
  const Json& dangling_rule = driver["rules"][static_cast<std::size_t>(RuleId::dangling_reference)];
  EXPECT_EQ(dangling_rule["name"], "DanglingReference");
  EXPECT_EQ(dangling_rule["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(dangling_rule["defaultConfiguration"]["enabled"], true);
  EXPECT_EQ(driver["rules"][static_cast<std::size_t>(RuleId::unreferenced_entry)]
                  ["defaultConfiguration"]["enabled"],
            false);

  const Json& results = run["results"];
  ASSERT_EQ(results.size(), 3u);
  const Json& first = results[0];
  EXPECT_EQ(first["ruleId"], "dangling-reference");
  EXPECT_EQ(first["ruleIndex"], static_cast<std::size_t>(RuleId::dangling_reference));
  EXPECT_EQ(first["level"], "error");
  EXPECT_EQ(first["message"]["text"], "reference to entry 3.9, which does not exist");
  const Json& where = first["locations"][0]["physicalLocation"];
  EXPECT_EQ(where["artifactLocation"]["uri"], "my%20terms/t.xml");
  EXPECT_EQ(where["artifactLocation"]["uriBaseId"], "SRCROOT");
  EXPECT_EQ(where["region"], Json::parse(R"({"startLine":4,"startColumn":30,"endLine":4,)"
                                         R"("endColumn":35})"));
  EXPECT_EQ(first["properties"]["target"], "3.9");
  EXPECT_EQ(first["properties"]["entries"], Json::parse(R"(["3.1"])"));
  EXPECT_EQ(first["partialFingerprints"]["termgraphFinding/v1"].get<std::string>().size(), 16u);

  const Json& related = results[1]["relatedLocations"];
  ASSERT_EQ(related.size(), 2u);
  EXPECT_EQ(related[0]["id"], 0);
  EXPECT_EQ(related[0]["message"]["text"], "3.1 cites 3.1");
  EXPECT_EQ(related[0]["physicalLocation"]["region"]["startColumn"], 14);
  EXPECT_EQ(related[1]["physicalLocation"]["region"],
            Json::parse(R"({"startLine":2,"startColumn":3})"));

  const Json& fixes = results[2]["fixes"];
  ASSERT_EQ(fixes.size(), 1u);
  EXPECT_EQ(fixes[0]["description"]["text"], "collapse the spaces");
  ASSERT_EQ(fixes[0]["artifactChanges"].size(), 1u);
  const Json& change = fixes[0]["artifactChanges"][0];
  EXPECT_EQ(change["artifactLocation"]["uri"], "my%20terms/t.xml");
  ASSERT_EQ(change["replacements"].size(), 2u);
  EXPECT_EQ(change["replacements"][0]["deletedRegion"],
            Json::parse(R"({"startLine":3,"startColumn":15,"endLine":3,"endColumn":17})"));
  EXPECT_EQ(change["replacements"][0]["insertedContent"]["text"], " ");
  EXPECT_FALSE(change["replacements"][1].contains("insertedContent"));  // a deletion
  EXPECT_FALSE(results[0].contains("fixes"));
}

TEST(SarifWriter, FileOutsideTheBaseIsAnAbsoluteUri) {
  LoadResult result = load_string(kDocument, "/other/ä.xml");
  result.diagnostics = {dangling()};
  ReportOptions options;
  options.base_directory = "/base";
  const Json log = sarif_of(result, options);
  const Json& artifact =
      log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(artifact["uri"], "file:///other/%C3%A4.xml");
  EXPECT_FALSE(artifact.contains("uriBaseId"));
  // The default documentation base is absolute.
  const std::string help = log["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"];
  EXPECT_NE(help.find("://"), std::string::npos);
  EXPECT_NE(help.find("rules.md#xml-syntax"), std::string::npos);
}

}  // namespace
}  // namespace termgraph
