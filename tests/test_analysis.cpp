// The analysis driver and the diagnostics engine: passes skipped, loading
// without analysis then analysing, severities overridden, rules turned off,
// a consumer of our own, the JSON writer against the CLI's output, and the
// language section of a citation.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "model/impl.hpp"
#include "termgraph/analysis.hpp"
#include "termgraph/load.hpp"
#include "termgraph/report.hpp"
#include "termgraph/rules.hpp"
#include "test_support.hpp"

using namespace termgraph;
using termgraph::test::entry_numbers;
using termgraph::test::with_rule;

namespace {

// One finding of several kinds: a circular definition (1.1, 1.2, lines 4
// and 7), a dangling reference (line 9), a label mismatch (line 11), a
// missing definition (line 12) and, read while loading, unsupported content
// (line 13).
const char* const findings = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="1.1">
    <term>ledger</term>
    <definition>ordered record of <ref to="1.2">ledger entries</ref></definition>
  </entry>
  <entry number="1.2"><term>ledger entry</term>
    <definition>item appended to a ledger (1.1)</definition></entry>
  <entry number="1.3"><term>wallet</term>
    <definition>holder of keys (1.9)</definition></entry>
  <entry number="1.4"><term>purse</term>
    <definition>store of <ref to="1.3">bricks</ref></definition></entry>
  <entry number="1.5"><term>key</term></entry>
  <entry number="1.6"><term>lock</term><definition>x</definition><colour>red</colour></entry>
</vocabulary>
)";

LoadResult load_findings(const AnalysisOptions& analysis = {}) {
  std::vector<Source> sources;
  sources.push_back({"f.xml", findings});
  LoadOptions options;
  options.analysis = analysis;
  return load_sources(std::move(sources), options);
}

/// "rule line:column severity" per diagnostic.
std::vector<std::string> summary(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    out.push_back(std::string(d.rule_id()) + " " + std::to_string(d.range.line) + ":" +
                  std::to_string(d.range.column) + " " + std::string(to_string(d.severity)));
  }
  return out;
}

const std::vector<std::string> all_findings = {
    "circular-definition 4:49 warning",  "dangling-reference 9:33 error",
    "label-mismatch 11:40 warning",      "missing-definition 12:3 warning",
    "unsupported-content 13:66 warning",
};

/// The reference "ledger (1.1)" in the definition of 1.2.
const Reference& ledger_reference(const LoadResult& r) {
  return r.vocabulary[1].languages[0].definition->references[0];
}

}  // namespace

TEST(Analysis, AllPassesByDefault) {
  LoadResult r = load_findings();
  EXPECT_EQ(summary(r.diagnostics), all_findings);
  ASSERT_EQ(passes().size(), 8u);
  EXPECT_EQ(to_string(passes()[0]), "entry-index");
  EXPECT_EQ(to_string(passes()[4]), "entry-checks");
  EXPECT_EQ(to_string(passes()[5]), "structure");
  EXPECT_EQ(to_string(passes()[6]), "text-checks");
  EXPECT_EQ(to_string(passes()[7]), "writing");
}

TEST(Analysis, SkippingThePassGraph) {
  AnalysisOptions options;
  options.skip = {Pass::graph};
  LoadResult r = load_findings(options);
  EXPECT_EQ(summary(r.diagnostics),
            (std::vector<std::string>{
                "dangling-reference 9:33 error", "label-mismatch 11:40 warning",
                "missing-definition 12:3 warning", "unsupported-content 13:66 warning"}));
  EXPECT_TRUE(r.vocabulary.circular_groups().empty());
  EXPECT_TRUE(r.vocabulary.cites(0).empty());
  // Resolution ran all the same.
  EXPECT_EQ(ledger_reference(r).target, 0u);
}

TEST(Analysis, SkippingAPassSkipsThoseThatNeedIt) {
  AnalysisOptions options;
  options.skip = {Pass::entry_index};
  LoadResult r = load_findings(options);
  // No index: no resolution, so no graph; the entry checks still run.
  EXPECT_EQ(summary(r.diagnostics),
            (std::vector<std::string>{"missing-definition 12:3 warning",
                                      "unsupported-content 13:66 warning"}));
  EXPECT_EQ(r.vocabulary.find_number("1.1"), nullptr);
  EXPECT_EQ(ledger_reference(r).target, no_entry);
  EXPECT_FALSE(r.vocabulary.find_term("ledger").empty());
}

TEST(Analysis, LoadingWithoutAnalysisThenAnalysing) {
  AnalysisOptions off;
  off.run = false;
  LoadResult r = load_findings(off);
  // The frozen model and what loading found, nothing more.
  ASSERT_EQ(r.vocabulary.size(), 6u);
  EXPECT_EQ(summary(r.diagnostics), std::vector<std::string>{"unsupported-content 13:66 warning"});
  EXPECT_EQ(r.vocabulary.find_number("1.1"), nullptr);
  EXPECT_TRUE(r.vocabulary.circular_groups().empty());
  // The reference as read: the number, the words before it, unresolved.
  EXPECT_EQ(ledger_reference(r).target, no_entry);
  EXPECT_EQ(ledger_reference(r).term, "item appended to a ledger");
  EXPECT_EQ(ledger_reference(r).text, "(1.1)");
  EXPECT_EQ(ledger_reference(r).begin, 26u);

  ASSERT_TRUE(analyse(r));
  EXPECT_EQ(summary(r.diagnostics), all_findings);
  EXPECT_EQ(r.diagnostics.size(), load_findings().diagnostics.size());
  ASSERT_NE(r.vocabulary.find_number("1.1"), nullptr);
  ASSERT_EQ(r.vocabulary.circular_groups().size(), 1u);
  // What resolution found: the entry, the term narrowed to its name.
  EXPECT_EQ(ledger_reference(r).target, 0u);
  EXPECT_EQ(ledger_reference(r).term, "ledger");
  EXPECT_EQ(ledger_reference(r).text, "ledger (1.1)");
  EXPECT_EQ(ledger_reference(r).begin, 19u);

  // Once only.
  EXPECT_FALSE(analyse(r));
  EXPECT_EQ(r.diagnostics.size(), all_findings.size());
}

// White box: resolution writes its record beside the model; the references
// as read are what the reader gave, before and after.
TEST(Analysis, ResolutionRecordsBesideTheFrozenModel) {
  LoadResult r = load_findings();
  const Vocabulary::Impl& impl = VocabularyAccess::impl(r.vocabulary);
  const Reference& shown = ledger_reference(r);
  const std::size_t i = impl.reference_index(shown);
  ASSERT_LT(i, impl.references.size());
  ASSERT_EQ(impl.resolutions.size(), impl.references.size());
  const Reference& as_read = impl.references[i];
  EXPECT_EQ(as_read.target, no_entry);
  EXPECT_EQ(as_read.term, "item appended to a ledger");
  EXPECT_EQ(as_read.text, "(1.1)");
  EXPECT_EQ(impl.resolutions[i].target, 0u);
  EXPECT_EQ(impl.resolutions[i].term, "ledger");
  EXPECT_EQ(shown.term, "ledger");
  EXPECT_EQ(shown.range.line, as_read.range.line);
  EXPECT_EQ(shown.range.column, as_read.range.column);
}

TEST(Analysis, AVocabularySharedWithACopyIsNotAnalysed) {
  AnalysisOptions off;
  off.run = false;
  LoadResult r = load_findings(off);
  const Vocabulary copy = r.vocabulary;
  EXPECT_FALSE(analyse(r));
  EXPECT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(copy.find_number("1.1"), nullptr);
}

TEST(Diagnostics, SeverityOverridden) {
  AnalysisOptions options;
  options.diagnostics.set_severity(RuleId::label_mismatch, Severity::error);
  options.diagnostics.set_severity(RuleId::missing_definition, Severity::note);
  // Loading's own findings too.
  options.diagnostics.set_severity(RuleId::unsupported_content, Severity::error);
  LoadResult r = load_findings(options);
  EXPECT_EQ(
      summary(r.diagnostics),
      (std::vector<std::string>{"circular-definition 4:49 warning", "dangling-reference 9:33 error",
                                "label-mismatch 11:40 error", "missing-definition 12:3 note",
                                "unsupported-content 13:66 error"}));
  EXPECT_EQ(r.errors(), 3u);
  EXPECT_EQ(r.warnings(), 1u);
  EXPECT_EQ(options.diagnostics.severity(RuleId::label_mismatch), Severity::error);
  EXPECT_EQ(options.diagnostics.severity(RuleId::self_reference), Severity::warning);
}

TEST(Diagnostics, RulesTurnedOff) {
  AnalysisOptions options;
  options.diagnostics.turn_off(RuleId::dangling_reference);
  options.diagnostics.turn_off(RuleId::unsupported_content);
  LoadResult r = load_findings(options);
  EXPECT_EQ(summary(r.diagnostics), (std::vector<std::string>{"circular-definition 4:49 warning",
                                                              "label-mismatch 11:40 warning",
                                                              "missing-definition 12:3 warning"}));
  EXPECT_EQ(options.diagnostics.severity(RuleId::dangling_reference), std::nullopt);
  // Turned off, not unresolved: the reference is still recorded as dangling.
  EXPECT_EQ(r.vocabulary[2].languages[0].definition->references[0].target, no_entry);
}

namespace {

/// Keeps what it receives.
class Collector : public DiagnosticConsumer {
public:
  void begin(const Vocabulary& vocabulary) override {
    ++begun;
    files = vocabulary.files().size();
  }
  void handle(const Diagnostic& d) override {
    received.push_back(std::string(d.rule_id()) + " " + std::to_string(d.range.line) + ":" +
                       std::to_string(d.range.column) + " " + std::string(to_string(d.severity)));
  }
  void end() override { ++ended; }

  std::vector<std::string> received;
  int begun = 0;
  int ended = 0;
  std::size_t files = 0;
};

}  // namespace

TEST(Diagnostics, ACustomConsumerReceivesEveryDiagnostic) {
  Collector collector;
  AnalysisOptions options;
  options.diagnostics.consumer = &collector;
  options.diagnostics.turn_off(RuleId::circular_definition);
  LoadResult r = load_findings(options);
  EXPECT_EQ(collector.received, summary(r.diagnostics));
  EXPECT_EQ(collector.received.size(), 4u);
  EXPECT_EQ(collector.begun, 1);
  EXPECT_EQ(collector.ended, 1);
  EXPECT_EQ(collector.files, 1u);

  // Replayed from a result.
  Collector again;
  report_diagnostics(r, again);
  EXPECT_EQ(again.received, collector.received);
}

TEST(Diagnostics, AConsumerReceivesEachDiagnosticOnceWhenAnalysisComesLater) {
  Collector collector;
  AnalysisOptions off;
  off.run = false;
  off.diagnostics.consumer = &collector;
  LoadResult r = load_findings(off);
  EXPECT_EQ(collector.received, std::vector<std::string>{"unsupported-content 13:66 warning"});

  AnalysisOptions later;
  later.diagnostics.consumer = &collector;
  ASSERT_TRUE(analyse(r, later));
  EXPECT_EQ(collector.begun, 2);
  EXPECT_EQ(collector.ended, 2);
  EXPECT_EQ(collector.received,
            (std::vector<std::string>{
                "unsupported-content 13:66 warning", "circular-definition 4:49 warning",
                "dangling-reference 9:33 error", "label-mismatch 11:40 warning",
                "missing-definition 12:3 warning"}));
}

TEST(Diagnostics, EntriesAreIds) {
  LoadResult r = load_findings();
  const auto circular = with_rule(r, "circular-definition");
  ASSERT_EQ(circular.size(), 1u);
  EXPECT_EQ(circular[0]->entries, (std::vector<EntryId>{0, 1}));
  EXPECT_TRUE(circular[0]->is(RuleId::circular_definition));
  EXPECT_FALSE(circular[0]->is(RuleId::self_reference));
  const auto unsupported = with_rule(r, "unsupported-content");
  ASSERT_EQ(unsupported.size(), 1u);
  EXPECT_EQ(entry_numbers(r, *unsupported[0]), std::vector<std::string>{"1.6"});
}

TEST(Diagnostics, OneRuleTable) {
  ASSERT_EQ(rules::all().size(), rule_count);
  for (std::size_t i = 0; i < rules::all().size(); ++i) {
    const Rule& rule = *rules::all()[i];
    EXPECT_EQ(static_cast<std::size_t>(rule.code), i);
    EXPECT_EQ(&rules::get(rule.code), &rule);
    EXPECT_EQ(rule.anchor, "rules.md#" + std::string(rule.id));
  }
  EXPECT_EQ(rules::get(RuleId::label_mismatch).id, "label-mismatch");
  EXPECT_EQ(rules::get(RuleId::label_mismatch).severity, Severity::warning);
}

// The library's JSON writer against what `termgraph check --format json
// findings.xml malformed.xml clean.xml` printed (run in tests/cli/data):
// byte for byte.
TEST(Diagnostics, JsonWriterEqualsTheCliOutput) {
  const std::string data = std::string(TERMGRAPH_TEST_DATA) + "/../cli/data/";
  const auto read = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  std::vector<Source> sources;
  for (const char* name : {"findings.xml", "malformed.xml", "clean.xml"}) {
    sources.push_back({name, read(data + name)});
    ASSERT_FALSE(sources.back().content.empty()) << name;
  }
  const LoadResult r = load_sources(std::move(sources));
  const std::string expected =
      read(std::string(TERMGRAPH_TEST_DATA) + "/report/check-findings-malformed-clean.json");
  ASSERT_FALSE(expected.empty());

  std::ostringstream written;
  JsonDiagnosticWriter writer(written);
  report_diagnostics(r, writer);
  EXPECT_EQ(written.str(), expected);
  EXPECT_EQ(diagnostics_json(r) + "\n", expected);
}

TEST(Citations, NameTheCitingLanguageSection) {
  LoadResult r = load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="1"><term>block</term><definition>unit of data</definition>
    <lang xml:lang="fr"><term>bloc</term><definition>unité de données</definition></lang>
  </entry>
  <entry number="2"><term>chain</term>
    <definition>sequence of <ref to="1">blocks</ref></definition>
    <lang xml:lang="fr"><term>chaîne</term>
      <definition>suite de <ref to="1">blocs</ref></definition>
      <note>voir <ref to="1">bloc</ref></note></lang>
  </entry>
</vocabulary>
)",
                             "c.xml");
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 2u);
  const Span<Citation> cites = v.cites(1);
  ASSERT_EQ(cites.size(), 3u);
  ASSERT_NE(cites[0].section, nullptr);
  EXPECT_EQ(cites[0].section->language, "en");
  EXPECT_EQ(cites[0].section, &v[1].languages[0]);
  EXPECT_EQ(cites[0].kind, BlockKind::definition);
  ASSERT_NE(cites[1].section, nullptr);
  EXPECT_EQ(cites[1].section->language, "fr");
  EXPECT_EQ(cites[1].kind, BlockKind::definition);
  EXPECT_EQ(cites[1].reference->range.line, 8u);
  ASSERT_NE(cites[2].section, nullptr);
  EXPECT_EQ(cites[2].section->language, "fr");
  EXPECT_EQ(cites[2].kind, BlockKind::note);
  EXPECT_EQ(cites[2].reference->range.line, 9u);
  // The same citations, from the cited side.
  const Span<Citation> cited_by = v.cited_by(0);
  ASSERT_EQ(cited_by.size(), 3u);
  EXPECT_EQ(cited_by[1].section->language, "fr");
}

// -- profiles ----------------------------------------------------------------

namespace {

// The same two entries as a TBX v3 termbase: 1 has an English definition
// and a French term only; 2 has no definition; both have the preferred term
// "node" (homographs of different concepts).
const char* const termbase = R"(<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Core" style="dca" xml:lang="en">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="en">
        <descrip type="definition">point where lines of a network meet</descrip>
        <termSec><term>node</term></termSec>
      </langSec>
      <langSec xml:lang="fr"><termSec><term>nœud</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="c2">
      <langSec xml:lang="en"><termSec><term>node</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
)";

std::vector<std::string> rules_of(const LoadResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) {
    out.push_back(std::string(d.rule_id()) + " " + std::string(to_string(d.severity)));
  }
  return out;
}

}  // namespace

TEST(Profiles, EachFormatHasOne) {
  EXPECT_EQ(default_profile(Format::native), Profile::iso);
  EXPECT_EQ(default_profile(Format::sts), Profile::iso);
  EXPECT_EQ(default_profile(Format::tbx), Profile::termbase);
  EXPECT_EQ(default_profile(Format::tbx2008), Profile::termbase);
  EXPECT_EQ(default_profile(Format::csv), Profile::termbase);
  EXPECT_EQ(default_profile(Format::unknown), Profile::iso);
  EXPECT_EQ(to_string(Profile::iso), "iso");
  EXPECT_EQ(to_string(Profile::termbase), "termbase");
  for (const FormatInfo& f : formats()) EXPECT_EQ(f.profile, default_profile(f.format));
}

TEST(Profiles, ATermbaseUnderItsOwnProfileHasNoQualityFindings) {
  const LoadResult r = load_string(termbase, "t.tbx");
  ASSERT_EQ(r.formats.at(0), Format::tbx);
  EXPECT_EQ(rules_of(r), std::vector<std::string>{}) << test::all_messages(r);
}

TEST(Profiles, TheIsoProfileChosenForEveryFile) {
  LoadOptions options;
  options.analysis.diagnostics.profile = Profile::iso;
  const LoadResult r = load_string(termbase, "t.tbx", options);
  EXPECT_EQ(rules_of(r),
            (std::vector<std::string>{"missing-definition-in-language warning",
                                      "missing-definition warning", "duplicate-term warning"}))
      << test::all_messages(r);
}

TEST(Profiles, EachFileUnderItsFormatsProfileInOneVocabulary) {
  // A native file (iso) beside the termbase: its entry without a definition
  // is reported, the termbase's is not.
  std::vector<Source> sources;
  sources.push_back({"t.tbx", termbase});
  sources.push_back({"n.xml", R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="9"><term>edge</term></entry>
</vocabulary>
)"});
  const LoadResult r = load_sources(std::move(sources));
  ASSERT_EQ(r.diagnostics.size(), 1u) << test::all_messages(r);
  EXPECT_TRUE(r.diagnostics[0].is(RuleId::missing_definition));
  EXPECT_EQ(r.diagnostics[0].range.file, 1u);
  EXPECT_EQ(r.diagnostics[0].range.line, 2u);
}

TEST(Profiles, TurnOnWarningsAsErrorsAndOverrides) {
  DiagnosticOptions o;
  // Off under termbase, warning under iso: turned on, it takes the iso level.
  EXPECT_EQ(o.severity(RuleId::duplicate_term, Profile::termbase), std::nullopt);
  o.turn_on(RuleId::duplicate_term);
  EXPECT_EQ(o.severity(RuleId::duplicate_term, Profile::termbase), Severity::warning);
  // Off in both: turned on, Rule::severity.
  EXPECT_EQ(o.severity(RuleId::unreferenced_entry, Profile::iso), std::nullopt);
  o.turn_on(RuleId::unreferenced_entry);
  EXPECT_EQ(o.severity(RuleId::unreferenced_entry, Profile::iso), Severity::warning);
  // A chosen profile wins over the file's.
  o.profile = Profile::termbase;
  EXPECT_EQ(o.severity(RuleId::missing_definition, Profile::iso), std::nullopt);
  o.set_severity(RuleId::missing_definition, Severity::error);
  EXPECT_EQ(o.severity(RuleId::missing_definition, Profile::iso), Severity::error);

  LoadOptions options;
  options.analysis.diagnostics.profile = Profile::iso;
  options.analysis.diagnostics.warnings_as_errors = true;
  options.analysis.diagnostics.set_severity(RuleId::missing_definition, Severity::note);
  const LoadResult r = load_string(termbase, "t.tbx", options);
  EXPECT_EQ(rules_of(r),
            (std::vector<std::string>{"missing-definition-in-language error",
                                      "missing-definition note", "duplicate-term error"}));
  EXPECT_EQ(r.errors(), 2u);
}
