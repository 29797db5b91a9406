// The static HTML site (site.hpp): which files, anchors and links, references
// and back-links, dangling references and circular definitions marked,
// paging in number order, languages, findings, the search index, escaping of
// hostile text and byte-for-byte determinism. tests/browser/check_site.py
// opens real sites in Chromium.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/site.hpp"

using namespace termgraph;

namespace {

using Files = std::map<std::string, std::string>;

Files site_of(const LoadResult& r, const SiteOptions& options = {}) {
  Files files;
  const SiteSummary summary = write_site(
      r.vocabulary, r.diagnostics, options, [&](std::string_view path, std::string_view content) {
        EXPECT_TRUE(files.emplace(std::string(path), std::string(content)).second)
            << "written twice: " << path;
      });
  EXPECT_EQ(summary.files.size(), files.size());
  return files;
}

LoadResult load(const std::string& body, const std::string& extra_root = "") {
  return load_string(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\"" +
          extra_root + ">\n" + body + "</vocabulary>\n",
      "vocab.xml");
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

const char* const linked = R"(<title>Sample</title>
  <entry number="1.1">
    <term>ledger</term>
    <definition>record kept by a node (1.2) and a dangling one (1.9)</definition>
    <lang xml:lang="fr"><term>registre</term><definition>enregistrement</definition></lang>
  </entry>
  <entry number="1.2">
    <term>node</term>
    <term status="deprecated">peer</term>
    <definition>participant of a network</definition>
    <example>A server.</example>
    <note>Nodes keep a copy of the ledger (1.1).</note>
    <source>termgraph sample</source>
  </entry>
  <entry number="1.3">
    <term>block</term>
    <definition>unit described by a block header (1.4)</definition>
  </entry>
  <entry number="1.4">
    <term>block header</term>
    <definition>part of a block (1.3) that describes it</definition>
  </entry>
)";

TEST(Site, WritesEveryPageAndAsset) {
  const Files files = site_of(load(linked));
  for (const char* name :
       {"index.html", "entries-1.html", "systematic-1.html", "alphabetical-en-1.html",
        "alphabetical-fr-1.html", "findings-1.html", "cycles.html", "search/keys.js",
        "search/le.js", "search/re.js", "assets/site.css", "assets/search.js"}) {
    EXPECT_EQ(files.count(name), 1u) << name;
  }
  EXPECT_NE(files.at("index.html").find("<title>Contents \xE2\x80\x94 Sample</title>"),
            std::string::npos);
}

TEST(Site, EntriesInIsoLayoutWithLinksAndBackLinks) {
  const std::string page = site_of(load(linked)).at("entries-1.html");
  // An anchor per entry, headed by its number and preferred term.
  EXPECT_NE(page.find("<article class=\"entry\" id=\"entry-1.2\" aria-labelledby=\"h-entry-1.2\">"),
            std::string::npos);
  // Resolved references are links; the dangling one is marked.
  EXPECT_NE(page.find("record kept by a <a class=\"ref\" href=\"entries-1.html#entry-1.2\">node "
                      "(1.2)</a> and a "),
            std::string::npos);
  EXPECT_NE(
      page.find(
          "<span class=\"dangling\" title=\"cites 1.9, which is not an entry of this "
          "vocabulary\">(1.9)<span class=\"visually-hidden\"> (dangling reference)</span></span>"),
      std::string::npos);
  // ISO layout: deprecated term, example before note, note numbered, source.
  EXPECT_NE(page.find("<p class=\"term deprecated\"><span class=\"status\" "
                      "lang=\"en\">DEPRECATED:</span> <span>peer</span>"),
            std::string::npos);
  const std::size_t example = page.find("<p class=\"example\">");
  const std::size_t note = page.find("Note 1 to entry:");
  ASSERT_NE(example, std::string::npos);
  EXPECT_LT(example, note);
  EXPECT_NE(page.find("[<span class=\"label\" lang=\"en\">SOURCE:</span> termgraph sample]"),
            std::string::npos);
  // Each language in its own section with its lang attribute.
  EXPECT_NE(page.find("<section class=\"language\" lang=\"fr\" aria-label=\"fr\">"),
            std::string::npos);
  // 1.2 is cited by 1.1 (definition), 1.1 by 1.2 (note).
  const std::size_t article = page.find("id=\"entry-1.2\"");
  const std::size_t cited_by = page.find("Cited by:", article);
  ASSERT_NE(cited_by, std::string::npos);
  EXPECT_LT(cited_by, page.find("id=\"entry-1.3\""));
  EXPECT_NE(
      page.find("<a href=\"entries-1.html#entry-1.1\"><span class=\"number\">1.1</span>", cited_by),
      std::string::npos);
  // The neighbourhood picture: the note's edge is drawn dashed (class note).
  EXPECT_NE(page.find("<line class=\"edge note\""), std::string::npos);
  EXPECT_NE(page.find("<line class=\"edge definition\""), std::string::npos);
}

TEST(Site, CircularDefinitionsHighlightedAndDrawn) {
  const Files files = site_of(load(linked));
  const std::string& page = files.at("entries-1.html");
  EXPECT_NE(page.find("<article class=\"entry circular has-findings\" id=\"entry-1.3\""),
            std::string::npos);
  EXPECT_NE(page.find("<article class=\"entry circular has-findings\" id=\"entry-1.4\""),
            std::string::npos);
  EXPECT_EQ(count(page, "class=\"ref cycle-step\""), 2u);
  EXPECT_NE(page.find("<a href=\"cycles.html#cycle-1\">Circular definition 1</a>"),
            std::string::npos);
  const std::string& cycles = files.at("cycles.html");
  EXPECT_NE(cycles.find("<h2 id=\"h-cycle-1\">Circular definition 1: 1.3 \xE2\x86\x92 1.4 "
                        "\xE2\x86\x92 1.3</h2>"),
            std::string::npos);
  EXPECT_NE(cycles.find("<svg class=\"ring\""), std::string::npos);
  EXPECT_EQ(count(cycles, "class=\"edge definition cycle-step\""), 2u);
}

TEST(Site, FindingsPageLinkedBothWays) {
  const LoadResult r = load(linked);
  const Files files = site_of(r);
  const std::string& findings = files.at("findings-1.html");
  // The dangling reference: first finding of the file, concerning 1.1.
  std::size_t index = 0;
  for (; index < r.diagnostics.size(); ++index) {
    if (r.diagnostics[index].rule_id() == "dangling-reference") break;
  }
  ASSERT_LT(index, r.diagnostics.size());
  const std::string id = "finding-" + std::to_string(index + 1);
  const std::size_t item = findings.find("<li id=\"" + id + "\" class=\"error\">");
  ASSERT_NE(item, std::string::npos);
  EXPECT_NE(findings.find("<code class=\"where\">vocab.xml:6:", item), std::string::npos);
  EXPECT_NE(findings.find("[dangling-reference]", item), std::string::npos);
  EXPECT_NE(findings.find("Concerns:</span> <a href=\"entries-1.html#entry-1.1\">", item),
            std::string::npos);
  EXPECT_NE(files.at("entries-1.html").find("<a href=\"findings-1.html#" + id + "\">error: "),
            std::string::npos);
}

TEST(Site, PagesFollowNumberOrder) {
  std::string body;
  for (const char* number : {"2.10", "2.9", "2.1", "10.1", "2.2"}) {
    body += std::string("<entry number=\"") + number + "\"><term>t" + number +
            "</term><definition>d</definition></entry>\n";
  }
  SiteOptions options;
  options.entries_per_page = 2;
  const Files files = site_of(load(body), options);
  EXPECT_NE(files.at("entries-1.html").find("<h1>Entries 2.1 to 2.2</h1>"), std::string::npos);
  EXPECT_NE(files.at("entries-2.html").find("<h1>Entries 2.9 to 2.10</h1>"), std::string::npos);
  EXPECT_NE(files.at("entries-3.html").find("<h1>Entries 10.1 to 10.1</h1>"), std::string::npos);
  EXPECT_EQ(files.count("entries-4.html"), 0u);
  const std::string& systematic = files.at("systematic-1.html");
  EXPECT_LT(systematic.find("entry-2.9\""), systematic.find("entry-2.10\""));
  EXPECT_LT(systematic.find("entry-2.10\""), systematic.find("entry-10.1\""));
  EXPECT_NE(files.at("entries-2.html").find("<a rel=\"next\" href=\"entries-3.html\">"),
            std::string::npos);
}

TEST(Site, DuplicateNumbersKeepDistinctAnchors) {
  const Files files = site_of(load(R"(<entry number="1.1"><term>one</term></entry>
<entry number="1.1"><term>other</term></entry>
)"));
  const std::string& page = files.at("entries-1.html");
  EXPECT_EQ(count(page, "id=\"entry-1.1\""), 1u);
  EXPECT_EQ(count(page, "id=\"entry-1.1--2\""), 1u);
}

TEST(Site, LanguagesChosen) {
  SiteOptions options;
  options.languages = {"fr"};
  const Files files = site_of(load(linked), options);
  EXPECT_EQ(files.count("alphabetical-en-1.html"), 0u);
  EXPECT_EQ(files.count("alphabetical-fr-1.html"), 1u);
  const std::string& page = files.at("entries-1.html");
  EXPECT_EQ(page.find("<section class=\"language\" lang=\"en\""), std::string::npos);
  EXPECT_NE(page.find("<section class=\"language\" lang=\"fr\""), std::string::npos);
  // Entries without a French section are still there, by number.
  EXPECT_NE(page.find("id=\"entry-1.2\""), std::string::npos);
  // A range shortened until it matches, as the alphabetical index does.
  options.languages = {"fr-FR"};
  EXPECT_EQ(site_of(load(linked), options), files);
  options.languages = {"de"};
  EXPECT_EQ(site_of(load(linked), options).count("alphabetical-fr-1.html"), 0u);
}

TEST(Site, SearchIndexHoldsFoldedTermsByFirstLetterOfEachWord) {
  const Files files = site_of(load(R"(<entry number="4.1"><term>Réseau Privé</term></entry>
)"));
  // Folded as lookups fold (accents and case gone), filed under the first
  // two letters of each word.
  for (const char* shard : {"search/re.js", "search/pr.js"}) {
    ASSERT_EQ(files.count(shard), 1u) << shard;
    EXPECT_NE(files.at(shard).find("[\"reseau prive\",\"Réseau Privé\",\"en\",\"4.1\","
                                   "\"entries-1.html#entry-4.1\",0]"),
              std::string::npos)
        << files.at(shard);
  }
  // The number, under its first four characters.
  EXPECT_NE(files.at("search/4.1.js").find("[\"4.1\",\"Réseau Privé\",\"en\",\"4.1\""),
            std::string::npos);
  EXPECT_EQ(files.at("search/keys.js"), "termgraphSearchKeys([\"4.1\",\"pr\",\"re\"]);\n");
}

TEST(Site, EscapesEverythingFromTheInput) {
  const Files files = site_of(load(R"(<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>
<entry number="1.1">
  <term>&lt;script&gt;alert(1)&lt;/script&gt;</term>
  <definition>"quoted" &amp; 'single' &lt;img src=x onerror=alert(1)&gt; (1.2)</definition>
</entry>
<entry number="1.2"><term>&lt;/textarea&gt;</term><definition>d</definition></entry>
)"));
  for (const auto& [path, content] : files) {
    if (path == "assets/search.js") continue;  // the one script of ours
    EXPECT_EQ(content.find("<script>"), std::string::npos) << path;
    EXPECT_EQ(content.find("<img"), std::string::npos) << path;
    EXPECT_EQ(content.find("</textarea>"), std::string::npos) << path;
  }
  const std::string& page = files.at("entries-1.html");
  EXPECT_NE(page.find("<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>"), std::string::npos);
  EXPECT_NE(page.find("&quot;quoted&quot; &amp; &#39;single&#39; &lt;img src=x "
                      "onerror=alert(1)&gt; "),
            std::string::npos);
  EXPECT_NE(page.find("<title>Entries 1.1 to 1.2 \xE2\x80\x94 &lt;/title&gt;&lt;script&gt;"),
            std::string::npos);
  // In the search index, '<' is written \u003c: no "</script>" in a script.
  EXPECT_NE(files.at("search/x60s.js").find("\\u003cscript>alert(1)\\u003c/script>"),
            std::string::npos)
      << files.at("search/x60s.js");
}

TEST(Site, SameInputSameBytes) {
  const LoadResult r = load(linked);
  EXPECT_EQ(site_of(r), site_of(r));
  EXPECT_EQ(site_of(r), site_of(load(linked)));
  // Pages built on several threads: the same files, in the same order.
  SiteOptions one;
  one.threads = 1;
  one.entries_per_page = 1;
  SiteOptions three = one;
  three.threads = 3;
  std::vector<std::string> order_one, order_three;
  const Files a = site_of(r, one);
  write_site(r.vocabulary, r.diagnostics, one,
             [&](std::string_view path, std::string_view) { order_one.emplace_back(path); });
  write_site(r.vocabulary, r.diagnostics, three,
             [&](std::string_view path, std::string_view) { order_three.emplace_back(path); });
  EXPECT_EQ(a, site_of(r, three));
  EXPECT_EQ(order_one, order_three);
  EXPECT_EQ(a.count("entries-4.html"), 1u);
}

TEST(Site, PagedIndexesAndFindings) {
  std::string body;
  for (int i = 1; i <= 7; ++i) {
    body += "<entry number=\"5." + std::to_string(i) + "\"><term>term " + std::to_string(i) +
            "</term><definition>cites (9." + std::to_string(i) + ")</definition></entry>\n";
  }
  SiteOptions options;
  options.lines_per_page = 3;
  const Files files = site_of(load(body), options);
  for (const char* name : {"systematic-3.html", "alphabetical-en-3.html", "findings-3.html"}) {
    EXPECT_EQ(files.count(name), 1u) << name;
  }
  EXPECT_EQ(files.count("systematic-4.html"), 0u);
  EXPECT_NE(files.at("findings-2.html").find("<ol class=\"findings\" start=\"4\">"),
            std::string::npos);
  // The contents page lists every page of each.
  EXPECT_NE(files.at("index.html").find("<a href=\"findings-3.html\">Page 3</a>"),
            std::string::npos);
}

}  // namespace
