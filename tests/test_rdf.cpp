// The RDF writers (SKOS in Turtle, JSON-LD): the exact Turtle of a small
// vocabulary, labels by status and language, language tags, escaping,
// concept IRIs (percent-encoded, duplicates kept apart, the base IRI),
// references and TBX concept relations as skos:related, broader and
// narrower, and JSON-LD holding the same triples.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/write.hpp"
#include "test_support.hpp"
#include "write/rdf.hpp"

using namespace termgraph;
using termgraph::test::all_messages;

namespace {

std::string write(const Vocabulary& v, Format f, const WriteOptions& o = {}) {
  std::ostringstream out;
  EXPECT_TRUE(write_vocabulary(out, v, f, o));
  return out.str();
}

/// The statements about `iri` in Turtle written by write_skos(): the lines
/// of its block after the subject, without indentation and the final " ;"
/// or " ."; the first is the type ("a skos:Concept").
std::vector<std::string> statements(const std::string& turtle, const std::string& iri) {
  std::vector<std::string> out;
  const std::string start = "\n<" + iri + "> ";
  std::size_t at = turtle.find(start);
  if (at == std::string::npos) return out;
  at += start.size();
  while (true) {
    const std::size_t end = turtle.find('\n', at);
    std::string line = turtle.substr(at, end - at);
    const std::size_t first = line.find_first_not_of(' ');
    line = line.substr(first == std::string::npos ? line.size() : first);
    const bool last = line.size() >= 2 && line.compare(line.size() - 2, 2, " .") == 0;
    if (line.size() >= 2) line.resize(line.size() - 2);
    out.push_back(line);
    if (last || end == std::string::npos) break;
    at = end + 1;
  }
  return out;
}

const char* const blocks = R"(<?xml version="1.0" encoding="UTF-8"?>
<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <title>Blocks "and" chains</title>
  <entry number="3.2">
    <term status="preferred">block</term>
    <term status="preferred">data block</term>
    <term status="admitted">blk</term>
    <term status="deprecated">chunk</term>
    <definition>unit of data stored with the <ref to="3.4">block header</ref> that describes it</definition>
    <note>Written \ as "block".</note>
    <example>A block of 1 MB.</example>
    <source>ISO 22739:2020, 3.2</source>
    <lang xml:lang="fr-CA"><term status="preferred">bloc</term><term status="preferred">pavé</term><definition>unité de données</definition></lang>
  </entry>
  <entry number="3.4"><term>block header</term><definition>metadata of a block (3.2)</definition></entry>
</vocabulary>
)";

TEST(Rdf, TurtleExactOutput) {
  LoadResult in = load_string(blocks, "blocks.xml");
  ASSERT_TRUE(in) << all_messages(in);
  EXPECT_EQ(write(in.vocabulary, Format::skos),
            R"ttl(@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .

<urn:termgraph:vocabulary:> a skos:ConceptScheme ;
  dct:title "Blocks \"and\" chains" .

<urn:termgraph:vocabulary:3.2> a skos:Concept ;
  skos:inScheme <urn:termgraph:vocabulary:> ;
  skos:notation "3.2" ;
  skos:prefLabel "block"@en ;
  skos:prefLabel "bloc"@fr-CA ;
  skos:altLabel "data block"@en ;
  skos:altLabel "pavé"@fr-CA ;
  skos:altLabel "blk"@en ;
  skos:hiddenLabel "chunk"@en ;
  skos:definition "unit of data stored with the block header that describes it"@en ;
  skos:definition "unité de données"@fr-CA ;
  skos:note "Written \\ as \"block\"."@en ;
  skos:example "A block of 1 MB."@en ;
  dct:source "ISO 22739:2020, 3.2"@en ;
  skos:related <urn:termgraph:vocabulary:3.4> .

<urn:termgraph:vocabulary:3.4> a skos:Concept ;
  skos:inScheme <urn:termgraph:vocabulary:> ;
  skos:notation "3.4" ;
  skos:prefLabel "block header"@en ;
  skos:definition "metadata of a block (3.2)"@en ;
  skos:related <urn:termgraph:vocabulary:3.2> .
)ttl");
}

TEST(Rdf, BaseIriAndTitleOption) {
  LoadResult in = load_string(blocks, "blocks.xml");
  ASSERT_TRUE(in) << all_messages(in);
  WriteOptions o;
  o.base_iri = "https://example.org/iso22739/";
  o.title = "Given";
  const std::string ttl = write(in.vocabulary, Format::skos, o);
  EXPECT_EQ(statements(ttl, "https://example.org/iso22739/"),
            (std::vector<std::string>{"a skos:ConceptScheme", "dct:title \"Given\""}));
  const std::vector<std::string> s = statements(ttl, "https://example.org/iso22739/3.4");
  ASSERT_EQ(s.size(), 6u) << ttl;
  EXPECT_EQ(s[1], "skos:inScheme <https://example.org/iso22739/>");
  EXPECT_EQ(s[5], "skos:related <https://example.org/iso22739/3.2>");
  EXPECT_EQ(ttl.find("urn:termgraph"), std::string::npos);
}

TEST(Rdf, InvalidBaseIriWritesNothing) {
  LoadResult in = load_string(blocks, "blocks.xml");
  ASSERT_TRUE(in) << all_messages(in);
  for (const char* bad :
       {"example.org/terms/", "https://example.org/a b/", "1http://x/", "urn:", ":x",
        "https://example.org/<x>", "https://example.org/%zz", "https://example.org/\xff"}) {
    WriteOptions o;
    o.base_iri = bad;
    EXPECT_FALSE(is_absolute_iri(bad)) << bad;
    for (Format f : {Format::skos, Format::jsonld}) {
      std::ostringstream out;
      EXPECT_FALSE(write_vocabulary(out, in.vocabulary, f, o)) << bad;
      EXPECT_EQ(out.str(), "");
    }
    // Formats without IRIs ignore it.
    std::ostringstream native;
    EXPECT_TRUE(write_vocabulary(native, in.vocabulary, Format::native, o));
  }
  for (const char* good :
       {"https://example.org/terms/", "urn:x:y:", "http://example.org/t#",
        "tag:example.org,2024:v/", "https://example.org/%C3%A9/", "https://example.org/é/"}) {
    EXPECT_TRUE(is_absolute_iri(good)) << good;
  }
}

TEST(Rdf, ConceptIrisArePercentEncodedAndUnique) {
  // Entries without a number (CSV keys that are no entry numbers) use their
  // key; a number two entries share gets "--2" on the second.
  const char* csv =
      "Entry,Language,Term\r\n"
      "a b/c#1,en,spaced\r\n"
      "x~y,en,tilde\r\n";
  LoadResult in = load_string(csv, "keys.csv");
  ASSERT_TRUE(in) << all_messages(in);
  const std::string ttl = write(in.vocabulary, Format::skos);
  EXPECT_NE(ttl.find("\n<urn:termgraph:vocabulary:a%20b%2Fc%231> a skos:Concept ;\n"),
            std::string::npos)
      << ttl;
  EXPECT_NE(ttl.find("\n<urn:termgraph:vocabulary:x~y> a skos:Concept ;\n"), std::string::npos);
  // No notation for an entry without a number.
  EXPECT_EQ(ttl.find("skos:notation"), std::string::npos);

  const char* duplicates = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="1.1"><term>first</term></entry>
  <entry number="1.1"><term>second</term></entry>
  <entry id="1.1--2"><term>third</term></entry>
</vocabulary>)";
  LoadResult dup = load_string(duplicates, "dup.xml");
  ASSERT_EQ(dup.vocabulary.size(), 3u);
  const std::string out = write(dup.vocabulary, Format::skos);
  // The third entry (no number: its key is "1.1--2") keeps the name it
  // has; the second gets the next free one.
  EXPECT_EQ(statements(out, "urn:termgraph:vocabulary:1.1"),
            (std::vector<std::string>{"a skos:Concept", "skos:inScheme <urn:termgraph:vocabulary:>",
                                      "skos:notation \"1.1\"", "skos:prefLabel \"first\"@en"}));
  EXPECT_EQ(statements(out, "urn:termgraph:vocabulary:1.1--3"),
            (std::vector<std::string>{"a skos:Concept", "skos:inScheme <urn:termgraph:vocabulary:>",
                                      "skos:notation \"1.1\"", "skos:prefLabel \"second\"@en"}));
  EXPECT_EQ(statements(out, "urn:termgraph:vocabulary:1.1--2"),
            (std::vector<std::string>{"a skos:Concept", "skos:inScheme <urn:termgraph:vocabulary:>",
                                      "skos:prefLabel \"third\"@en"}));
}

TEST(Rdf, LanguageTagsCanonicalOrPlain) {
  // A tag in another case is written canonical; one that is not BCP 47
  // ("english") or missing gives plain literals.
  const char* csv =
      "Entry,Language,Term,Status,Definition\r\n"
      "1,EN-gb,colour,preferred,a hue\r\n"
      "1,english,color,preferred,\r\n"
      "1,en-GB,hue,preferred,\r\n"
      "1,english,tint,preferred,\r\n";
  LoadResult in = load_string(csv, "tags.csv");
  ASSERT_EQ(in.vocabulary.size(), 1u) << all_messages(in);
  const std::string ttl = write(in.vocabulary, Format::skos);
  EXPECT_EQ(statements(ttl, "urn:termgraph:vocabulary:1"),
            (std::vector<std::string>{"a skos:Concept", "skos:inScheme <urn:termgraph:vocabulary:>",
                                      "skos:notation \"1\"", "skos:prefLabel \"colour\"@en-GB",
                                      "skos:prefLabel \"color\"", "skos:altLabel \"hue\"@en-GB",
                                      "skos:altLabel \"tint\"", "skos:definition \"a hue\"@en-GB"}))
      << ttl;
}

TEST(Rdf, EntriesWithoutDefinitionsOrSections) {
  const char* native = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="1"><term>bare</term></entry>
  <entry number="2"/>
</vocabulary>)";
  LoadResult in = load_string(native, "bare.xml");
  ASSERT_EQ(in.vocabulary.size(), 2u);
  const std::string ttl = write(in.vocabulary, Format::skos);
  EXPECT_EQ(statements(ttl, "urn:termgraph:vocabulary:1"),
            (std::vector<std::string>{"a skos:Concept", "skos:inScheme <urn:termgraph:vocabulary:>",
                                      "skos:notation \"1\"", "skos:prefLabel \"bare\"@en"}));
  // An entry without a term: a concept all the same.
  EXPECT_EQ(statements(ttl, "urn:termgraph:vocabulary:2"),
            (std::vector<std::string>{"a skos:Concept", "skos:inScheme <urn:termgraph:vocabulary:>",
                                      "skos:notation \"2\""}));
  // No title: the scheme is only typed.
  EXPECT_EQ(statements(ttl, "urn:termgraph:vocabulary:"),
            std::vector<std::string>{"a skos:ConceptScheme"});
}

TEST(Rdf, TurtleEscaping) {
  using rdf_detail::turtle_string;
  EXPECT_EQ(turtle_string("plain"), "\"plain\"");
  EXPECT_EQ(turtle_string("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
  EXPECT_EQ(turtle_string("l1\nl2\r\tx"), "\"l1\\nl2\\r\\tx\"");
  EXPECT_EQ(turtle_string(std::string("\x01\x1f\x7f", 3)), "\"\\u0001\\u001F\\u007F\"");
  EXPECT_EQ(turtle_string("unité 区块 \xF0\x9F\x94\x97"), "\"unité 区块 \xF0\x9F\x94\x97\"");
  // Ill-formed UTF-8 (a lone continuation byte, a surrogate, a truncated
  // sequence) becomes U+FFFD.
  EXPECT_EQ(turtle_string("a\x80z"), "\"a\xEF\xBF\xBDz\"");
  EXPECT_EQ(turtle_string("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(turtle_string("\xE2\x82"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");

  EXPECT_EQ(rdf_detail::percent_encode("3.30"), "3.30");
  EXPECT_EQ(rdf_detail::percent_encode("102-01-01"), "102-01-01");
  EXPECT_EQ(rdf_detail::percent_encode("a/b?c é"), "a%2Fb%3Fc%20%C3%A9");

  EXPECT_TRUE(rdf_detail::turtle_language_tag("en"));
  EXPECT_TRUE(rdf_detail::turtle_language_tag("zh-Hant-TW"));
  EXPECT_TRUE(rdf_detail::turtle_language_tag("de-CH-1996"));
  EXPECT_FALSE(rdf_detail::turtle_language_tag(""));
  EXPECT_FALSE(rdf_detail::turtle_language_tag("en-"));
  EXPECT_FALSE(rdf_detail::turtle_language_tag("en_GB"));
  EXPECT_FALSE(rdf_detail::turtle_language_tag("419"));
}

/// A TBX v3 termbase with concept relations: oak's broader concept is
/// tree (whose definition names oak too), tree's subordinate concept is
/// oak, oak is related to acorn, and acorn's definition links to oak.
const char* const trees = R"(<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><titleStmt><title>Trees</title></titleStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <descrip type="broaderConceptGeneric" target="c2">tree</descrip>
        <descrip type="relatedConcept" target="c3">acorn</descrip>
        <langSec xml:lang="en">
          <descrip type="definition">deciduous <ref type="crossReference" target="c2">tree</ref> of the genus Quercus</descrip>
          <termSec><term>oak</term></termSec>
        </langSec>
        <langSec xml:lang="de">
          <termSec><term>Eiche</term></termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c2">
        <descrip type="subordinateConceptGeneric" target="c1">oak</descrip>
        <langSec xml:lang="en">
          <termSec><term>tree</term></termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c3">
        <langSec xml:lang="en">
          <descrip type="definition">nut of the <ref type="crossReference" target="c1">oak</ref></descrip>
          <termSec><term>acorn</term></termSec>
          <termSec><term>oak nut</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
)";

TEST(Rdf, TbxConceptRelations) {
  LoadResult in = load_string(trees, "trees.tbx");
  ASSERT_EQ(in.vocabulary.size(), 3u) << all_messages(in);
  const std::string ttl = write(in.vocabulary, Format::skos);
  EXPECT_EQ(statements(ttl, "urn:termgraph:vocabulary:"),
            (std::vector<std::string>{"a skos:ConceptScheme", "dct:title \"Trees\""}));
  // The definition's link to tree is not also skos:related (SKOS keeps
  // related and broader apart).
  EXPECT_EQ(statements(ttl, "urn:termgraph:vocabulary:c1"),
            (std::vector<std::string>{"a skos:Concept", "skos:inScheme <urn:termgraph:vocabulary:>",
                                      "skos:prefLabel \"oak\"@en", "skos:prefLabel \"Eiche\"@de",
                                      "skos:definition \"deciduous tree of the genus Quercus\"@en",
                                      "skos:broader <urn:termgraph:vocabulary:c2>",
                                      "skos:related <urn:termgraph:vocabulary:c3>"}))
      << ttl;
  EXPECT_EQ(statements(ttl, "urn:termgraph:vocabulary:c2"),
            (std::vector<std::string>{"a skos:Concept", "skos:inScheme <urn:termgraph:vocabulary:>",
                                      "skos:prefLabel \"tree\"@en",
                                      "skos:narrower <urn:termgraph:vocabulary:c1>"}));
  EXPECT_EQ(
      statements(ttl, "urn:termgraph:vocabulary:c3"),
      (std::vector<std::string>{"a skos:Concept", "skos:inScheme <urn:termgraph:vocabulary:>",
                                "skos:prefLabel \"acorn\"@en", "skos:hiddenLabel \"oak nut\"@en",
                                "skos:definition \"nut of the oak\"@en",
                                "skos:related <urn:termgraph:vocabulary:c1>"}));
}

using Triple = std::tuple<std::string, std::string, std::string>;

/// The triples of the JSON-LD document write_jsonld() writes, read with its
/// own context: subject, predicate (prefixed name), object (an IRI in <>,
/// or the Turtle form of a literal).
std::set<Triple> jsonld_triples(const nlohmann::json& doc) {
  std::set<Triple> out;
  const nlohmann::json& context = doc.at("@context");
  for (const nlohmann::json& node : doc.at("@graph")) {
    const std::string subject = node.at("@id").get<std::string>();
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (it.key() == "@id") continue;
      if (it.key() == "@type") {
        out.insert({subject, "a", context.at(it.value().get<std::string>()).get<std::string>()});
        continue;
      }
      const nlohmann::json& definition = context.at(it.key());
      const bool iri = definition.is_object();
      const std::string predicate =
          iri ? definition.at("@id").get<std::string>() : definition.get<std::string>();
      const nlohmann::json values =
          it.value().is_array() ? it.value() : nlohmann::json::array({it.value()});
      for (const nlohmann::json& v : values) {
        if (iri) {
          out.insert({subject, predicate, "<" + v.get<std::string>() + ">"});
        } else {
          std::string object = rdf_detail::turtle_string(v.at("@value").get<std::string>());
          if (v.contains("@language")) object += "@" + v.at("@language").get<std::string>();
          out.insert({subject, predicate, object});
        }
      }
    }
  }
  return out;
}

/// The triples of Turtle written by write_skos() (one statement a line).
std::set<Triple> turtle_triples(const std::string& turtle) {
  std::set<Triple> out;
  std::istringstream in(turtle);
  std::string line, subject;
  while (std::getline(in, line)) {
    if (line.empty() || line.rfind("@prefix", 0) == 0) continue;
    if (line[0] == '<') {
      const std::size_t close = line.find("> a ");
      subject = line.substr(1, close - 1);
      line = line.substr(close + 2);
    }
    const std::size_t first = line.find_first_not_of(' ');
    line = line.substr(first);
    line.resize(line.size() - 2);  // " ;" or " ."
    const std::size_t space = line.find(' ');
    out.insert({subject, line.substr(0, space), line.substr(space + 1)});
  }
  return out;
}

TEST(Rdf, JsonLdHoldsTheSameTriples) {
  for (const auto& [text, path] : {std::pair<const char*, const char*>{blocks, "blocks.xml"},
                                   std::pair<const char*, const char*>{trees, "trees.tbx"}}) {
    LoadResult in = load_string(text, path);
    ASSERT_FALSE(in.vocabulary.empty()) << all_messages(in);
    const std::string ttl = write(in.vocabulary, Format::skos);
    const std::string jsonld = write(in.vocabulary, Format::jsonld);
    const nlohmann::json doc = nlohmann::json::parse(jsonld);
    const std::set<Triple> from_json = jsonld_triples(doc);
    EXPECT_EQ(from_json, turtle_triples(ttl)) << path;
    EXPECT_GT(from_json.size(), 10u);
    // Deterministic.
    EXPECT_EQ(write(in.vocabulary, Format::jsonld), jsonld);
    EXPECT_EQ(write(in.vocabulary, Format::skos), ttl);
  }
}

TEST(Rdf, JsonLdShape) {
  LoadResult in = load_string(blocks, "blocks.xml");
  ASSERT_TRUE(in) << all_messages(in);
  const nlohmann::json doc = nlohmann::json::parse(write(in.vocabulary, Format::jsonld));
  EXPECT_EQ(doc.at("@context").at("skos"), "http://www.w3.org/2004/02/skos/core#");
  EXPECT_EQ(doc.at("@context").at("dct"), "http://purl.org/dc/terms/");
  EXPECT_EQ(doc.at("@context").at("related"),
            nlohmann::json::parse(R"({"@id": "skos:related", "@type": "@id"})"));
  ASSERT_EQ(doc.at("@graph").size(), 3u);
  EXPECT_EQ(doc.at("@graph")[0], nlohmann::json::parse(R"({"@id": "urn:termgraph:vocabulary:",
                                      "@type": "ConceptScheme",
                                      "title": {"@value": "Blocks \"and\" chains"}})"));
  EXPECT_EQ(doc.at("@graph")[2], nlohmann::json::parse(R"json({
    "@id": "urn:termgraph:vocabulary:3.4",
    "@type": "Concept",
    "inScheme": "urn:termgraph:vocabulary:",
    "notation": {"@value": "3.4"},
    "prefLabel": [{"@value": "block header", "@language": "en"}],
    "definition": [{"@value": "metadata of a block (3.2)", "@language": "en"}],
    "related": ["urn:termgraph:vocabulary:3.2"]})json"));
  EXPECT_EQ(doc.at("@graph")[1].at("prefLabel"), nlohmann::json::parse(R"([
    {"@value": "block", "@language": "en"}, {"@value": "bloc", "@language": "fr-CA"}])"));
}

TEST(Rdf, FormatTable) {
  const FormatInfo* skos = format_info(Format::skos);
  ASSERT_NE(skos, nullptr);
  EXPECT_EQ(skos->name, "skos");
  EXPECT_FALSE(skos->can_read);
  EXPECT_TRUE(skos->can_write);
  ASSERT_EQ(skos->extensions.size(), 1u);
  EXPECT_EQ(skos->extensions[0], ".ttl");
  const FormatInfo* jsonld = format_info(Format::jsonld);
  ASSERT_NE(jsonld, nullptr);
  EXPECT_EQ(format_named("jsonld"), Format::jsonld);
  EXPECT_FALSE(jsonld->can_read);
  EXPECT_TRUE(can_write(Format::jsonld));
  EXPECT_EQ(jsonld->extensions[0], ".jsonld");
}

}  // namespace
