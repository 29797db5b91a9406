// White-box tests of the XML reading toolkit (read/xml.hpp): trimming,
// scopes and their guard, offsets of nodes and attributes in the raw file,
// child iteration and flattening; and, through the loader, that readers
// built on it report at the right line and column.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/builder.hpp"
#include "read/xml.hpp"
#include "termgraph/load.hpp"
#include "test_support.hpp"

namespace {

using termgraph::XmlScope;
using termgraph::xml::Source;
using termgraph::xml::Spaces;
using termgraph::xml::trim;

/// A document parsed in place from a copy of `raw`, as the loader does.
struct Parsed {
  explicit Parsed(std::string_view raw) : buffer(new char[raw.size() + 1]) {
    std::copy(raw.begin(), raw.end(), buffer.get());
    buffer[raw.size()] = '\0';
    ok = doc.load_buffer_inplace(buffer.get(), raw.size() + 1,
                                 pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  }
  std::unique_ptr<char[]> buffer;
  pugi::xml_document doc;
  bool ok = false;
};

TEST(XmlToolkit, TrimXmlSpacesOnly) {
  EXPECT_EQ(trim(" \t\r\n a b \n"), "a b");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" \n "), "");
  // A no-break space is not XML white space.
  EXPECT_EQ(trim("\xC2\xA0x\xC2\xA0"), "\xC2\xA0x\xC2\xA0");
}

TEST(XmlToolkit, TrimUnicodeSpaces) {
  // No-break, thin (U+2009), narrow no-break (U+202F), ideographic space,
  // BOM, and XML white space, at both ends.
  EXPECT_EQ(trim("\xC2\xA0\xE2\x80\x89 3.1\xE2\x80\xAF\xE3\x80\x80\xEF\xBB\xBF\n", Spaces::unicode),
            "3.1");
  // Not a space: U+2010 HYPHEN.
  EXPECT_EQ(trim("\xE2\x80\x90x", Spaces::unicode), "\xE2\x80\x90x");
  EXPECT_TRUE(termgraph::xml::is_blank("\xC2\xA0", Spaces::unicode));
  EXPECT_FALSE(termgraph::xml::is_blank("\xC2\xA0"));
}

TEST(XmlToolkit, GuardLeavesTheScope) {
  Parsed p(
      "<r xmlns='urn:a' xmlns:t='urn:t' xml:lang='en'>"
      "<c xmlns:t='urn:u' xml:lang=' fr '/></r>");
  ASSERT_TRUE(p.ok);
  pugi::xml_node r = p.doc.document_element();
  XmlScope scope;
  XmlScope::Guard outer(scope, r);
  EXPECT_EQ(scope.uri_of("t:x"), "urn:t");
  EXPECT_EQ(scope.uri_of("x"), "urn:a");
  {
    XmlScope::Guard inner(scope, r.first_child());
    EXPECT_EQ(scope.uri_of("t:x"), "urn:u");
    EXPECT_EQ(scope.language(), "fr");
  }
  EXPECT_EQ(scope.uri_of("t:x"), "urn:t");
  EXPECT_EQ(scope.language(), "en");
  EXPECT_FALSE(scope.declared("q:x"));
}

TEST(XmlToolkit, AttributeOffsetsFromTheStartTag) {
  //                     0         1         2         3
  //                     0123456789012345678901234567890123456
  std::string_view raw = "<e a='1'\n   b = \"x&amp;y\"\tc='>'/>";
  Parsed p(raw);
  ASSERT_TRUE(p.ok);
  pugi::xml_node e = p.doc.document_element();
  Source source(raw);
  EXPECT_EQ(source.offset(e), 1u);  // the element's name
  std::vector<std::pair<std::size_t, std::size_t>> at;
  for (Source::AttributeOffsets a : source.attributes(e)) at.emplace_back(a.name, a.value);
  EXPECT_EQ(at, (std::vector<std::pair<std::size_t, std::size_t>>{{3, 6}, {12, 17}, {26, 29}}));
  Source::AttributeOffsets b = source.attribute(e, e.attribute("b"));
  EXPECT_EQ(std::make_pair(b.name, b.value), std::make_pair(std::size_t{12}, std::size_t{17}));
}

TEST(XmlToolkit, TextStartsAtItsFirstNonBlankByte) {
  std::string_view raw = "<e>\n  &#32;x</e>";
  Parsed p(raw);
  ASSERT_TRUE(p.ok);
  pugi::xml_node text = p.doc.document_element().first_child();
  Source source(raw);
  EXPECT_EQ(source.offset(text), 3u);
  EXPECT_EQ(source.first_character(text), 6u);  // the '&' of the reference
}

/// A reader made of the toolkit alone, to see what it visits.
class Probe : termgraph::xml::Reader {
public:
  using Reader::Reader;

  std::string children_of(pugi::xml_node parent) {
    std::string seen;
    children(
        parent,
        [&](pugi::xml_node child) {
          seen += "<" + std::string(child.name()) + ":" + std::string(scope_.uri_of(child.name())) +
                  ">";
        },
        [&](pugi::xml_node text) { seen += "[" + std::string(trim(text.value())) + "]"; });
    return seen;
  }

  std::string flattened(pugi::xml_node element, std::string& events) {
    termgraph::TextBuilder text;
    XmlScope::Guard entered(scope_, element);
    flatten(
        element, text,
        [&](pugi::xml_node e) { events += "+" + std::string(scope_.uri_of(e.name())); },
        [&](pugi::xml_node e) { events += "-" + std::string(scope_.uri_of(e.name())); });
    text.finish();
    return std::string(text.text());
  }
};

/// A probe over `raw`, its document parsed as the loader parses it.
struct Probed {
  explicit Probed(std::string_view raw)
      : builder(impl, diagnostics), parsed(added(builder, raw)), probe(builder) {}
  static std::string_view added(termgraph::Builder& builder, std::string_view raw) {
    builder.add_file("probe.xml", std::string(raw));
    return builder.raw();
  }
  pugi::xml_node root() const { return parsed.doc.document_element(); }

  termgraph::Vocabulary::Impl impl;
  std::vector<termgraph::Diagnostic> diagnostics;
  termgraph::Builder builder;
  Parsed parsed;
  Probe probe;
};

TEST(XmlToolkit, ChildrenEnterEachElementAndSkipBlankText) {
  Probed p(
      "<r xmlns:p='urn:p'>  <!-- c --> a <p:x xmlns:p='urn:q'/>\n<p:y/><?pi?>"
      "<![CDATA[ b ]]></r>");
  ASSERT_TRUE(p.parsed.ok);
  // The root is not entered here: each child sees its own declarations.
  EXPECT_EQ(p.probe.children_of(p.root()), "[a]<p:x:urn:q><p:y:>[b]");
}

TEST(XmlToolkit, FlattenEntersEveryElementOnce) {
  Probed p("<r xmlns:p='urn:p'>one <p:i>two <p:b xmlns:p='urn:q'>three</p:b></p:i> four</r>");
  ASSERT_TRUE(p.parsed.ok);
  std::string events;
  EXPECT_EQ(p.probe.flattened(p.root(), events), "one two three four");
  EXPECT_EQ(events, "+urn:p+urn:q-urn:q-urn:p");
}

/// Where the diagnostics of `rule` are, as "line:column".
std::vector<std::string> located(const termgraph::LoadResult& r, std::string_view rule) {
  std::vector<std::string> out;
  for (const termgraph::Diagnostic* d : termgraph::test::with_rule(r, rule)) {
    out.push_back(std::to_string(d->range.line) + ":" + std::to_string(d->range.column));
  }
  return out;
}

TEST(XmlToolkit, NativeUnknownAttributeIsLocatedAtItsName) {
  std::string doc =
      "<?xml version=\"1.0\"?>\n"
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\">\n"
      "  <entry number=\"1\"\n"
      "         colour=\"red\"><term>t</term></entry>\n"
      "  <entry number=\"x2\"><term>u</term></entry>\n"
      "</vocabulary>\n";
  termgraph::LoadResult r = termgraph::load_string(doc, "a.xml");
  // The name of colour; the value of number="x2".
  EXPECT_EQ(located(r, "unsupported-content"), (std::vector<std::string>{"4:10", "5:18"}));
}

TEST(XmlToolkit, NativeSectionsOfOneLanguageAreOne) {
  // language::same: case and '_' for '-' do not make another language.
  std::string doc =
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en-GB\">\n"
      "<entry number=\"1\"><term>colour</term><definition>d</definition>\n"
      "<lang xml:lang=\"EN-gb\"><term>color</term></lang>\n"
      "<lang xml:lang=\"en_GB\"><term>c3</term></lang>\n"
      "<lang xml:lang=\"fr\"><term>couleur</term><definition>d</definition></lang>\n"
      "</entry></vocabulary>\n";
  termgraph::LoadResult r = termgraph::load_string(doc, "a.xml");
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const termgraph::Entry& e = r.vocabulary[0];
  ASSERT_EQ(e.languages.size(), 2u);
  EXPECT_EQ(e.languages[0].language, "en-GB");  // as first written
  EXPECT_EQ(e.languages[0].designations.size(), 3u);
  EXPECT_EQ(e.languages[1].language, "fr");
}

TEST(XmlToolkit, TbxStrayTextLocated) {
  std::string tbx =
      "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\" style=\"dca\" "
      "xml:lang=\"en\">\n"
      "<tbxHeader><fileDesc><sourceDesc><p>s</p></sourceDesc></fileDesc></tbxHeader>\n"
      "<text><body>\n"
      "  stray\n"
      "<conceptEntry id=\"term_1\"><langSec xml:lang=\"en\"><termSec><term>t</term>"
      "</termSec></langSec></conceptEntry>\n"
      "</body></text></tbx>\n";
  termgraph::LoadResult r = termgraph::load_string(tbx, "a.tbx");
  // At the first non-blank byte.
  EXPECT_EQ(located(r, "tbx-structure"), (std::vector<std::string>{"4:3"}));
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].number, "1");
}

}  // namespace
