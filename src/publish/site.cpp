// The static HTML site of a vocabulary (site.hpp): pages of entries in ISO
// layout, indexes, findings and circular definitions, and the search index.
// Every page is built as one string and handed to the sink; nothing here
// touches the file system.
#include "termgraph/site.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include "publish/html.hpp"
#include "publish/site_assets.hpp"
#include "publish/site_svg.hpp"
#include "termgraph/alphabetical.hpp"
#include "text/language.hpp"
#include "text/numbers.hpp"

namespace termgraph {

namespace {

using html::escape;

std::string page_name(std::string_view stem, std::size_t page) {
  return std::string(stem) + "-" + std::to_string(page + 1) + ".html";
}

std::size_t pages_for(std::size_t items, std::size_t per_page) {
  return items == 0 ? 1 : (items + per_page - 1) / per_page;
}

/// "3 errors", "1 warning", "2 entries".
std::string count_of(std::size_t n, std::string_view one, std::string_view many = {}) {
  std::string s = std::to_string(n) + " ";
  if (n == 1) return s + std::string(one);
  return s + (many.empty() ? std::string(one) + "s" : std::string(many));
}

/// The value of a `lang` attribute for a tag as written: its canonical form
/// when well-formed, else empty (the language is unknown).
std::string lang_attribute(std::string_view tag) {
  if (tag.empty() || !language::well_formed(tag)) return {};
  return language::canonical(tag);
}

class SiteWriter {
public:
  SiteWriter(const Vocabulary& v, const std::vector<Diagnostic>& findings,
             const SiteOptions& options, const SiteFileSink& sink)
      : v_(v), findings_(findings), options_(options), sink_(sink) {
    per_page_ = std::max<std::size_t>(options.entries_per_page, 1);
    lines_per_page_ = std::max<std::size_t>(options.lines_per_page, 1);
    title_ = !options.title.empty() ? options.title
             : !v.title().empty()   ? std::string(v.title())
                                    : std::string("Vocabulary");
  }

  SiteSummary write() {
    plan();
    write_entry_pages();
    write_systematic();
    write_alphabetical();
    write_findings();
    write_cycles();
    write_search_index();
    write_home();
    emit("assets/site.css", site_assets::stylesheet());
    emit("assets/search.js", site_assets::search_script());
    return std::move(summary_);
  }

private:
  // -- what every page needs to know ----------------------------------------

  void plan() {
    const EntryId n = v_.size();
    choose_ranges();
    // Entries are shown in number order, as a systematic index lists them
    // (entries without a number last, in reading order).
    order_.resize(n);
    for (EntryId id = 0; id < n; ++id) order_[id] = id;
    std::stable_sort(order_.begin(), order_.end(), [&](EntryId a, EntryId b) {
      if (v_[a].numbered != v_[b].numbered) return v_[a].numbered;
      return v_[a].numbered && number_less(v_[a].number, v_[b].number);
    });
    position_.resize(n);
    for (EntryId i = 0; i < n; ++i) position_[order_[i]] = i;
    anchors_.resize(n);
    std::map<std::string, int> taken;
    for (EntryId id = 0; id < n; ++id) {
      std::string anchor = "entry-" + html::name_of(v_[id].number);
      const int seen = taken[anchor]++;
      // Two entries with one number keep distinct anchors: the second is
      // "-2" (name_of never ends a name with "-2" of its own: '-' stays,
      // but a later "entry-3.1-2" would clash, so such names are counted
      // too).
      if (seen > 0) {
        std::string unique;
        int k = seen + 1;
        do {
          unique = anchor + "--" + std::to_string(k++);
        } while (taken.count(unique) != 0);
        taken[unique] = 1;
        anchor = std::move(unique);
      }
      anchors_[id] = std::move(anchor);
    }
    summary_.entry_pages = pages_for(n, per_page_);
    hrefs_.resize(n);
    for (EntryId id = 0; id < n; ++id) {
      hrefs_[id] = page_name("entries", position_[id] / per_page_) + "#" + anchors_[id];
    }

    findings_of_.assign(n, {});
    for (std::size_t f = 0; f < findings_.size(); ++f) {
      const Diagnostic& d = findings_[f];
      std::vector<EntryId> concerned = d.entries;
      if (concerned.empty()) {
        const EntryId e = entry_at(d.range);
        if (e != no_entry) concerned.push_back(e);
      }
      for (const EntryId e : concerned) {
        if (e < n && (findings_of_[e].empty() || findings_of_[e].back() != f))
          findings_of_[e].push_back(f);
      }
      entries_of_finding_.push_back(std::move(concerned));
    }
    summary_.finding_pages = pages_for(findings_.size(), lines_per_page_);

    for (AlphabeticalIndex& index : alphabetical_indexes(v_)) {
      if (shows(index.language)) alphabetical_.push_back(std::move(index));
    }

    cycle_of_.assign(n, -1);
    const auto& groups = v_.circular_groups();
    for (std::size_t g = 0; g < groups.size(); ++g) {
      for (const EntryId m : groups[g].members) cycle_of_[m] = static_cast<int>(g);
      for (const Reference* r : groups[g].steps) cycle_steps_.insert(r);
    }
  }

  /// The entry whose source range holds `range`: the last entry of the same
  /// file that starts at or before it, when it does not end before it
  /// (entries are in reading order, so the files' entries are sorted by
  /// where they start); else no_entry.
  EntryId entry_at(const SourceRange& range) const {
    if (!range.known()) return no_entry;
    const Span<Entry> entries = v_.entries();
    auto starts_after = [](const SourceRange& place, const Entry& e) {
      if (place.file != e.range.file) return place.file < e.range.file;
      if (place.line != e.range.line) return place.line < e.range.line;
      return place.column < e.range.column;
    };
    const Entry* after = std::upper_bound(entries.begin(), entries.end(), range, starts_after);
    if (after == entries.begin()) return no_entry;
    const Entry& e = *(after - 1);
    const SourceRange& r = e.range;
    if (r.file != range.file || !r.known()) return no_entry;
    const bool ends_after = r.end_line == 0 || r.end_line > range.line ||
                            (r.end_line == range.line && r.end_column >= range.column);
    return ends_after ? e.id : no_entry;
  }

  bool shows(std::string_view tag) const {
    if (options_.languages.empty()) return true;
    for (const std::string& range : ranges_) {
      if (language::matches(range, tag)) return true;
    }
    return false;
  }

  /// The ranges of SiteOptions::languages as they apply: each shortened
  /// subtag by subtag until it matches a section (RFC 4647 lookup, as
  /// alphabetical_index() does: "fr-FR" shows a vocabulary's "fr"); one that
  /// never does is left out.
  void choose_ranges() {
    for (std::string range : options_.languages) {
      while (!range.empty()) {
        bool found = range == "*";
        for (EntryId id = 0; id < v_.size() && !found; ++id) {
          for (const LanguageSection& s : v_[id].languages) {
            if (language::matches(range, s.language)) {
              found = true;
              break;
            }
          }
        }
        if (found) {
          ranges_.push_back(range);
          break;
        }
        const std::size_t dash = range.rfind('-');
        range.resize(dash == std::string::npos ? 0 : dash);
        // A single-letter subtag left last goes with the one after it.
        const std::size_t before = range.rfind('-');
        if (before != std::string::npos && range.size() - before == 2) range.resize(before);
      }
    }
  }

  /// The designation an entry is named by: the first preferred one of a
  /// shown section, else the first designation of one, else nullptr.
  const Designation* name_of(EntryId id, const LanguageSection** in = nullptr) const {
    const Designation* fallback = nullptr;
    const LanguageSection* fallback_section = nullptr;
    for (const LanguageSection& s : v_[id].languages) {
      if (!shows(s.language)) continue;
      if (const Designation* p = s.preferred()) {
        if (in) *in = &s;
        return p;
      }
      if (!fallback && !s.designations.empty()) {
        fallback = &s.designations[0];
        fallback_section = &s;
      }
    }
    if (in) *in = fallback_section;
    return fallback;
  }

  const std::string& href(EntryId id) const { return hrefs_[id]; }

  std::string finding_href(std::size_t f) const {
    return page_name("findings", f / lines_per_page_) + "#finding-" + std::to_string(f + 1);
  }

  /// "3.30 DLT system", the term in its language.
  void append_label(std::string& out, EntryId id) const {
    out += "<span class=\"number\">";
    escape(out, v_[id].number);
    out += "</span>";
    const LanguageSection* section = nullptr;
    if (const Designation* d = name_of(id, &section)) {
      out += " <span lang=\"";
      out += lang_attribute(section->language);
      out += "\">";
      escape(out, d->text);
      out += "</span>";
    }
  }

  void append_link(std::string& out, EntryId id) const {
    out += "<a href=\"";
    out += href(id);
    out += "\">";
    append_label(out, id);
    out += "</a>";
  }

  std::string plain_label(EntryId id) const {
    std::string s(v_[id].number);
    if (const Designation* d = name_of(id)) {
      s += ' ';
      s += d->text;
    }
    return s;
  }

  // -- pages ------------------------------------------------------------------

  void emit(std::string path, std::string_view content) {
    summary_.largest_file = std::max(summary_.largest_file, content.size());
    sink_(path, content);
    summary_.files.push_back(std::move(path));
  }

  /// The start of a page up to its main content, whose language is `lang`.
  std::string open_page(std::string_view heading, std::string_view main_lang = "en") const {
    std::string out;
    out.reserve(1 << 16);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    escape(out, heading);
    out += " \xE2\x80\x94 ";
    escape(out, title_);
    out += "</title>\n<link rel=\"stylesheet\" href=\"assets/site.css\">\n";
    // search.js defines what keys.js calls: both deferred, run in this order.
    out += "<script src=\"assets/search.js\" defer></script>\n";
    out += "<script src=\"search/keys.js\" defer></script>\n</head>\n<body>\n";
    out += "<a class=\"skip\" href=\"#main\">Skip to the content</a>\n";
    out += "<header class=\"site\">\n<p class=\"site-title\"><a href=\"index.html\">";
    escape(out, title_);
    out += "</a></p>\n";
    out += "<form class=\"search\" role=\"search\" action=\"index.html\">\n";
    out += "<label for=\"search\">Search the terms</label>\n";
    out +=
        "<input id=\"search\" name=\"q\" type=\"search\" autocomplete=\"off\" "
        "spellcheck=\"false\" aria-controls=\"search-results\" "
        "placeholder=\"term or entry number\">\n";
    out += "<ol id=\"search-results\" class=\"search-results\" aria-live=\"polite\"></ol>\n";
    out += "</form>\n<nav aria-label=\"Site\">\n<ul>\n";
    out += "<li><a href=\"index.html\">Contents</a></li>\n";
    out += "<li><a href=\"" + page_name("entries", 0) + "\">Entries</a></li>\n";
    out += "<li><a href=\"" + page_name("systematic", 0) + "\">Systematic index</a></li>\n";
    for (const AlphabeticalIndex& index : alphabetical_) {
      const std::string& tag = index.language;
      out += "<li><a href=\"" + page_name("alphabetical-" + html::name_of(tag), 0) +
             "\">Alphabetical index (<span lang=\"" + lang_attribute(tag) + "\">";
      escape(out, tag);
      out += "</span>)</a></li>\n";
    }
    out += "<li><a href=\"" + page_name("findings", 0) + "\">Findings</a></li>\n";
    out += "<li><a href=\"cycles.html\">Circular definitions</a></li>\n";
    out += "</ul>\n</nav>\n</header>\n<main id=\"main\" lang=\"";
    out += main_lang;
    out += "\">\n<h1>";
    escape(out, heading);
    out += "</h1>\n";
    return out;
  }

  static void close_page(std::string& out) {
    out += "</main>\n<footer>\n<p>Generated by termgraph.</p>\n</footer>\n</body>\n</html>\n";
  }

  /// Links to the previous and next page of a paged list, and to the list
  /// of all pages on the contents page.
  static void page_links(std::string& out, std::string_view stem, std::size_t page,
                         std::size_t pages, std::string_view contents_anchor) {
    if (pages <= 1) return;
    out += "<nav class=\"pages\" aria-label=\"Pages\">\n<ul>\n";
    if (page > 0) {
      out +=
          "<li><a rel=\"prev\" href=\"" + page_name(stem, page - 1) + "\">Previous page</a></li>\n";
    }
    out += "<li>Page " + std::to_string(page + 1) + " of " + std::to_string(pages) + "</li>\n";
    if (page + 1 < pages) {
      out += "<li><a rel=\"next\" href=\"" + page_name(stem, page + 1) + "\">Next page</a></li>\n";
    }
    out += "<li><a href=\"index.html#" + std::string(contents_anchor) + "\">All pages</a></li>\n";
    out += "</ul>\n</nav>\n";
  }

  // -- entries ----------------------------------------------------------------

  void write_entry_pages() {
    const std::size_t pages = summary_.entry_pages;
    // Pages are built side by side, a batch at a time, and handed to the
    // sink in order on this thread.
    unsigned threads =
        options_.threads != 0 ? options_.threads : std::thread::hardware_concurrency();
    threads = std::max(1u, std::min(threads, 8u));
    const std::size_t batch = std::max<std::size_t>(threads * 2, 1);
    std::vector<std::string> built(batch);
    for (std::size_t start = 0; start < pages; start += batch) {
      const std::size_t count = std::min(batch, pages - start);
      std::atomic<std::size_t> next{0};
      auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++) built[i] = entry_page(start + i, pages);
      };
      std::vector<std::thread> helpers;
      for (unsigned t = 1; t < threads && t < count; ++t) helpers.emplace_back(work);
      work();
      for (std::thread& h : helpers) h.join();
      for (std::size_t i = 0; i < count; ++i) {
        emit(page_name("entries", start + i), built[i]);
        std::string().swap(built[i]);
      }
    }
  }

  std::string entry_page(std::size_t page, std::size_t pages) const {
    const std::size_t first = page * per_page_;
    const std::size_t last = std::min<std::size_t>(v_.size(), (page + 1) * per_page_);
    std::string heading = "Entries";
    if (first < last) {
      heading += " ";
      heading += v_[order_[first]].number;
      heading += " to ";
      heading += v_[order_[last - 1]].number;
    }
    std::string out = open_page(heading);
    page_links(out, "entries", page, pages, "entries");
    if (options_.pictures) {
      site_svg::definitions(out);
      out +=
          "<p class=\"legend\">Under each entry, a picture of what cites it (left) and what "
          "it cites (right). Lines: solid, from a definition; dashed, from a note; dotted, "
          "from an example; dash-dot, from a source or a cross-reference. Entries of a "
          "circular definition are outlined in red.</p>\n";
    }
    for (std::size_t i = first; i < last; ++i) append_entry(out, order_[i]);
    page_links(out, "entries", page, pages, "entries");
    close_page(out);
    return out;
  }

  void append_entry(std::string& out, EntryId id) const {
    const Entry& e = v_[id];
    const std::string& anchor = anchors_[id];
    out += "<article class=\"entry";
    if (cycle_of_[id] >= 0) out += " circular";
    if (!findings_of_[id].empty()) out += " has-findings";
    out += "\" id=\"" + anchor + "\" aria-labelledby=\"h-" + anchor + "\">\n<h2 id=\"h-" + anchor +
           "\">";
    append_label(out, id);
    out += "</h2>\n";
    if (cycle_of_[id] >= 0) {
      out += "<p class=\"badge cycle\"><a href=\"cycles.html#cycle-" +
             std::to_string(cycle_of_[id] + 1) + "\">Circular definition " +
             std::to_string(cycle_of_[id] + 1) + "</a></p>\n";
    }
    if (const std::string_view field = e.subject_field(); !field.empty()) {
      out += "<p class=\"domain\">&lt;";
      escape(out, field);
      out += "&gt;</p>\n";
    }
    std::size_t shown = 0;
    for (const LanguageSection& s : e.languages) shown += shows(s.language) ? 1 : 0;
    for (const LanguageSection& s : e.languages) {
      if (!shows(s.language)) continue;
      append_section(out, s, shown > 1);
    }
    append_categories(out, e.categories, "Entry data");

    // What cites this entry, each citing entry once.
    const Span<Citation> cited_by = v_.cited_by(id);
    if (!cited_by.empty()) {
      out += "<p class=\"cited-by\"><span class=\"label\">Cited by:</span> ";
      EntryId previous = no_entry;
      bool first = true;
      for (const Citation& c : cited_by) {
        if (c.from == previous) continue;
        previous = c.from;
        if (!first) out += ", ";
        first = false;
        append_link(out, c.from);
      }
      out += "</p>\n";
    }
    if (!findings_of_[id].empty()) {
      out += "<div class=\"entry-findings\">\n<p class=\"label\">Findings:</p>\n<ul>\n";
      for (const std::size_t f : findings_of_[id]) {
        const Diagnostic& d = findings_[f];
        out += "<li class=\"";
        out += to_string(d.severity);
        out += "\"><a href=\"" + finding_href(f) + "\">";
        out += to_string(d.severity);
        out += ": ";
        escape(out, d.message);
        out += " [";
        escape(out, d.rule_id());
        out += "]</a></li>\n";
      }
      out += "</ul>\n</div>\n";
    }
    if (options_.pictures) append_neighbourhood(out, id);
    out += "</article>\n";
  }

  void append_section(std::string& out, const LanguageSection& s, bool tagged) const {
    const std::string lang = lang_attribute(s.language);
    out += "<section class=\"language\" lang=\"" + lang + "\"";
    if (tagged) {
      out += " aria-label=\"";
      escape(out, s.language);
      out += "\"";
    }
    out += ">\n";
    if (tagged) {
      out += "<p class=\"language-tag\" lang=\"en\">";
      escape(out, s.language.empty() ? std::string_view("no language") : s.language);
      out += "</p>\n";
    }
    for (const Designation& d : s.designations) {
      out += "<p class=\"term ";
      out += to_string(d.status);
      out += "\">";
      if (d.status == Status::deprecated) {
        out += "<span class=\"status\" lang=\"en\">DEPRECATED:</span> ";
      } else if (d.status == Status::admitted && d.status_stated) {
        out += "<span class=\"status\" lang=\"en\">admitted:</span> ";
      }
      out += d.status == Status::preferred ? "<strong>" : "<span>";
      escape(out, d.text);
      out += d.status == Status::preferred ? "</strong>" : "</span>";
      if (d.kind != TermKind::full_form && d.kind_stated) {
        out += " <span class=\"kind\" lang=\"en\">(";
        out += to_string(d.kind);
        out += ")</span>";
      }
      if (!d.part_of_speech.empty()) {
        out += " <span class=\"pos\" lang=\"en\">";
        escape(out, d.part_of_speech);
        out += "</span>";
      }
      out += "</p>\n";
      append_categories(out, d.categories, "Term data");
    }
    if (s.definition) {
      out += "<p class=\"definition\">";
      append_text(out, *s.definition);
      out += "</p>\n";
    }
    const std::size_t examples = s.examples.size();
    for (std::size_t i = 0; i < examples; ++i) {
      out += "<p class=\"example\"><span class=\"label\" lang=\"en\">EXAMPLE";
      if (examples > 1) out += " " + std::to_string(i + 1);
      out += "</span> ";
      append_text(out, s.examples[i]);
      out += "</p>\n";
    }
    const std::size_t notes = s.notes.size();
    for (std::size_t i = 0; i < notes; ++i) {
      out += "<p class=\"note\"><span class=\"label\" lang=\"en\">Note " + std::to_string(i + 1) +
             " to entry:</span> ";
      append_text(out, s.notes[i]);
      out += "</p>\n";
    }
    for (const TextBlock& source : s.sources) {
      out += "<p class=\"source\">[<span class=\"label\" lang=\"en\">SOURCE:</span> ";
      append_text(out, source);
      out += "]</p>\n";
    }
    append_categories(out, s.categories, "Language data");
    out += "</section>\n";
  }

  /// The data categories that are not shown as blocks of their own: links
  /// to other entries (TBX cross-references, concept relations) and the
  /// rest as a list of names and values.
  void append_categories(std::string& out, Span<DataCategory> categories,
                         std::string_view label) const {
    bool open = false;
    for (const DataCategory& c : categories) {
      if (c.block && c.block->kind != BlockKind::cross_reference) continue;  // shown as a block
      if (c.type == "subjectField" && label == "Entry data") continue;       // shown as domain
      if (!open) {
        out += "<dl class=\"categories\" aria-label=\"";
        out += label;
        out += "\">\n";
        open = true;
      }
      out += "<dt lang=\"en\">";
      escape(out, c.type.empty() ? to_string(c.element) : c.type);
      out += "</dt>\n<dd>";
      if (c.block) {
        append_text(out, *c.block);
      } else {
        escape(out, c.value);
        if (!c.target.empty() && c.value != c.target) {
          out += " <span class=\"target\">(";
          escape(out, c.target);
          out += ")</span>";
        }
      }
      for (const DataCategory& detail : c.details) {
        out += "; <span class=\"detail\" lang=\"en\">";
        escape(out, detail.type.empty() ? to_string(detail.element) : detail.type);
        out += "</span>: ";
        escape(out, detail.value);
      }
      out += "</dd>\n";
    }
    if (open) out += "</dl>\n";
  }

  /// A block's text with its references: links to the cited entries,
  /// dangling ones marked, steps of circular definitions highlighted.
  void append_text(std::string& out, const TextBlock& block) const {
    const std::string_view text = block.text;
    std::size_t at = 0;
    for (const Reference& r : block.references) {
      if (r.begin < at || r.end > text.size() || r.begin > r.end) continue;
      escape(out, text.substr(at, r.begin - at));
      const std::string_view shown = text.substr(r.begin, r.end - r.begin);
      if (r.target != no_entry && r.target < v_.size()) {
        out += "<a class=\"ref";
        if (cycle_steps_.count(&r) != 0) out += " cycle-step";
        out += "\" href=\"" + href(r.target) + "\">";
        escape(out, shown);
        out += "</a>";
      } else if (r.external) {
        out += "<cite class=\"external\">";
        escape(out, shown);
        out += "</cite>";
      } else {
        out += "<span class=\"dangling\" title=\"cites ";
        escape(out, r.number.empty() ? r.target_id : r.number);
        out += ", which is not an entry of this vocabulary\">";
        escape(out, shown);
        out += "<span class=\"visually-hidden\"> (dangling reference)</span></span>";
      }
      at = r.end;
    }
    escape(out, text.substr(at));
  }

  void append_neighbourhood(std::string& out, EntryId id) const {
    site_svg::Neighbourhood n;
    n.centre = {plain_label(id), href(id), cycle_of_[id] >= 0};
    std::vector<EntryId> citing;
    std::vector<EntryId> cited;
    auto add = [&](std::vector<site_svg::Node>& column, std::vector<BlockKind>& kinds,
                   std::vector<EntryId>& ids, EntryId other, BlockKind kind) {
      // One node per entry; the strongest link shown (definition first).
      const auto at = std::find(ids.begin(), ids.end(), other);
      if (at != ids.end()) {
        BlockKind& k = kinds[static_cast<std::size_t>(at - ids.begin())];
        k = std::min(k, kind);
        return;
      }
      ids.push_back(other);
      column.push_back({plain_label(other), href(other), cycle_of_[other] >= 0});
      kinds.push_back(kind);
    };
    for (const Citation& c : v_.cited_by(id)) {
      if (c.from != id) add(n.citing, n.citing_kinds, citing, c.from, c.kind);
    }
    for (const Citation& c : v_.cites(id)) {
      if (c.to == id) {
        n.cites_itself = true;
      } else {
        add(n.cited, n.cited_kinds, cited, c.to, c.kind);
      }
    }
    if (n.citing.empty() && n.cited.empty() && !n.cites_itself) return;
    site_svg::neighbourhood(out, n);
  }

  // -- systematic index ---------------------------------------------------------

  void write_systematic() {
    const std::vector<EntryId>& order = order_;
    const std::size_t pages = pages_for(order.size(), lines_per_page_);
    systematic_pages_ = pages;
    for (std::size_t page = 0; page < pages; ++page) {
      std::string out = open_page("Systematic index");
      page_links(out, "systematic", page, pages, "systematic");
      out += "<ol class=\"index systematic\">\n";
      const std::size_t end = std::min(order.size(), (page + 1) * lines_per_page_);
      for (std::size_t i = page * lines_per_page_; i < end; ++i) {
        out += "<li>";
        append_link(out, order[i]);
        out += "</li>\n";
      }
      out += "</ol>\n";
      page_links(out, "systematic", page, pages, "systematic");
      close_page(out);
      emit(page_name("systematic", page), out);
    }
  }

  // -- alphabetical indexes -----------------------------------------------------

  void write_alphabetical() {
    for (const AlphabeticalIndex& index : alphabetical_) {
      const std::string stem = "alphabetical-" + html::name_of(index.language);
      const std::string lang = lang_attribute(index.language);
      const std::size_t pages = pages_for(index.lines.size(), lines_per_page_);
      for (std::size_t page = 0; page < pages; ++page) {
        std::string out = open_page("Alphabetical index (" + index.language + ")", lang);
        page_links(out, stem, page, pages, "alphabetical");
        out += "<ul class=\"index alphabetical\">\n";
        const std::size_t end = std::min(index.lines.size(), (page + 1) * lines_per_page_);
        for (std::size_t i = page * lines_per_page_; i < end; ++i) {
          const IndexLine& line = index.lines[i];
          out += "<li class=\"";
          out += to_string(line.designation->status);
          out += "\"><span class=\"term\">";
          escape(out, line.term);
          out += "</span> <a href=\"" + href(line.entry) + "\">";
          escape(out, v_[line.entry].number);
          out += "</a></li>\n";
        }
        out += "</ul>\n";
        page_links(out, stem, page, pages, "alphabetical");
        close_page(out);
        emit(page_name(stem, page), out);
      }
    }
  }

  // -- findings -----------------------------------------------------------------

  void write_findings() {
    const std::size_t pages = summary_.finding_pages;
    for (std::size_t page = 0; page < pages; ++page) {
      std::string out = open_page("Findings");
      if (findings_.empty()) out += "<p>termgraph check found nothing to report.</p>\n";
      page_links(out, "findings", page, pages, "findings");
      const std::size_t begin = page * lines_per_page_;
      const std::size_t end = std::min(findings_.size(), begin + lines_per_page_);
      if (begin < end)
        out += "<ol class=\"findings\" start=\"" + std::to_string(begin + 1) + "\">\n";
      for (std::size_t f = begin; f < end; ++f) {
        const Diagnostic& d = findings_[f];
        out += "<li id=\"finding-" + std::to_string(f + 1) + "\" class=\"";
        out += to_string(d.severity);
        out += "\">\n<p><span class=\"severity\">";
        out += to_string(d.severity);
        out += "</span> <code class=\"where\">";
        append_place(out, d.range);
        out += "</code> ";
        escape(out, d.message);
        out += " <code class=\"rule\">[";
        escape(out, d.rule_id());
        out += "]</code></p>\n";
        if (!entries_of_finding_[f].empty()) {
          out += "<p class=\"concerns\"><span class=\"label\">Concerns:</span> ";
          for (std::size_t i = 0; i < entries_of_finding_[f].size(); ++i) {
            if (i > 0) out += ", ";
            append_link(out, entries_of_finding_[f][i]);
          }
          out += "</p>\n";
        }
        if (!d.related.empty()) {
          out += "<ul class=\"related\">\n";
          for (const RelatedLocation& r : d.related) {
            out += "<li><code class=\"where\">";
            append_place(out, r.range);
            out += "</code> ";
            escape(out, r.message);
            out += "</li>\n";
          }
          out += "</ul>\n";
        }
        out += "</li>\n";
      }
      if (begin < end) out += "</ol>\n";
      page_links(out, "findings", page, pages, "findings");
      close_page(out);
      emit(page_name("findings", page), out);
    }
  }

  void append_place(std::string& out, const SourceRange& r) const {
    const auto& files = v_.files();
    escape(out, r.file < files.size() ? std::string_view(files[r.file]) : std::string_view("?"));
    if (r.known()) out += ":" + std::to_string(r.line) + ":" + std::to_string(r.column);
  }

  // -- circular definitions -------------------------------------------------------

  void write_cycles() {
    const auto& groups = v_.circular_groups();
    std::string out = open_page("Circular definitions");
    if (groups.empty()) {
      out +=
          "<p>No definition depends on itself: the vocabulary has no circular "
          "definition.</p>\n";
    } else {
      out += "<p>" + count_of(groups.size(), "group") +
             " of entries whose definitions cite each other. Each picture follows one "
             "cycle; the list under it says which reference makes each step.</p>\n";
      site_svg::definitions(out);
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const CircularGroup& group = groups[g];
      const std::string id = "cycle-" + std::to_string(g + 1);
      out += "<section class=\"cycle\" id=\"" + id + "\" aria-labelledby=\"h-" + id +
             "\">\n<h2 id=\"h-" + id + "\">Circular definition " + std::to_string(g + 1) + ": ";
      for (std::size_t i = 0; i < group.path.size(); ++i) {
        if (i > 0) out += " \xE2\x86\x92 ";
        escape(out, v_[group.path[i]].number);
      }
      out += "</h2>\n";
      std::vector<site_svg::Node> ring;
      for (std::size_t i = 0; i + 1 < group.path.size(); ++i) {
        ring.push_back({plain_label(group.path[i]), href(group.path[i]), true});
      }
      site_svg::cycle(out, ring);
      out += "<ol class=\"steps\">\n";
      for (std::size_t i = 0; i < group.steps.size(); ++i) {
        out += "<li>The definition of ";
        append_link(out, group.path[i]);
        out += " cites ";
        append_link(out, group.path[i + 1]);
        if (const Reference* r = group.steps[i]) {
          out += " as \xE2\x80\x9C";
          escape(out, r->text);
          out += "\xE2\x80\x9D";
        }
        out += "</li>\n";
      }
      out += "</ol>\n";
      if (group.members.size() + 1 > group.path.size()) {
        out += "<p>Members of the group: ";
        for (std::size_t i = 0; i < group.members.size(); ++i) {
          if (i > 0) out += ", ";
          append_link(out, group.members[i]);
        }
        out += "</p>\n";
      }
      out += "</section>\n";
    }
    close_page(out);
    emit("cycles.html", out);
  }

  // -- search index ---------------------------------------------------------------

  /// The shard a folded word goes in: its first two code points (four
  /// when it starts with a digit, as entry numbers do), each written as
  /// itself when it is an ASCII letter, digit, '.' or '-', else as 'x' and
  /// two digits (the code point modulo 61). assets/search.js computes the
  /// same, and loads every shard whose name starts with the query's.
  static std::string shard_of(std::string_view word) {
    std::string key;
    const char32_t first = html::first_code_point(word);
    const std::size_t points = first >= '0' && first <= '9' ? 4 : 2;
    for (std::size_t i = 0; i < points && !word.empty(); ++i) {
      std::size_t length = 1;
      const char32_t c = html::first_code_point(word, &length);
      word.remove_prefix(length);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
        key += static_cast<char>(c);
      } else {
        const unsigned long bucket = static_cast<unsigned long>(c % 61);
        key += 'x';
        key += static_cast<char>('0' + bucket / 10);
        key += static_cast<char>('0' + bucket % 10);
      }
    }
    return key;
  }

  void write_search_index() {
    // shard -> records; a designation is written once in each shard one of
    // its words (after a space, a hyphen or a slash) starts in.
    std::map<std::string, std::string> shards;
    std::string folded;
    std::vector<std::string> keys_of_term;
    auto add = [&](const std::string& key, EntryId id, std::string_view text, std::string_view tag,
                   int status) {
      std::string& shard = shards[key];
      shard += shard.empty() ? "\n[" : ",\n[";
      html::json_string(shard, folded);
      shard += ',';
      html::json_string(shard, text);
      shard += ',';
      html::json_string(shard, lang_attribute(tag));
      shard += ',';
      html::json_string(shard, v_[id].number);
      shard += ',';
      html::json_string(shard, href(id));
      shard += ',';
      shard += std::to_string(status);
      shard += ']';
    };
    for (EntryId id = 0; id < v_.size(); ++id) {
      const Entry& e = v_[id];
      // The entry number, shown with the entry's name (status 3).
      folded = v_.fold(e.number);
      if (!folded.empty()) {
        const LanguageSection* section = nullptr;
        const Designation* name = name_of(id, &section);
        add(shard_of(folded), id, name ? name->text : std::string_view(),
            section ? section->language : std::string_view(), 3);
      }
      for (const LanguageSection& s : e.languages) {
        if (!shows(s.language)) continue;
        for (const Designation& d : s.designations) {
          folded = v_.fold(d.text);
          if (folded.empty()) continue;
          keys_of_term.clear();
          for (std::size_t at = 0; at < folded.size();) {
            std::string key = shard_of(std::string_view(folded).substr(at));
            if (std::find(keys_of_term.begin(), keys_of_term.end(), key) == keys_of_term.end())
              keys_of_term.push_back(std::move(key));
            const std::size_t next = folded.find_first_of(" -/", at);
            if (next == std::string::npos) break;
            at = next + 1;
          }
          for (const std::string& key : keys_of_term) {
            add(key, id, d.text, s.language, static_cast<int>(d.status));
          }
        }
      }
    }
    std::string keys = "termgraphSearchKeys([";
    bool first = true;
    for (const auto& [key, records] : shards) {
      keys += first ? "" : ",";
      first = false;
      html::json_string(keys, key);
      emit("search/" + key + ".js", "termgraphSearchShard(\"" + key + "\",[" + records + "\n]);\n");
    }
    keys += "]);\n";
    emit("search/keys.js", keys);
  }

  // -- contents -------------------------------------------------------------------

  void write_home() {
    std::string out = open_page("Contents");
    std::size_t errors = 0, warnings = 0, notes = 0;
    for (const Diagnostic& d : findings_) {
      (d.severity == Severity::error     ? errors
       : d.severity == Severity::warning ? warnings
                                         : notes)++;
    }
    out += "<p class=\"summary\">" + count_of(v_.size(), "entry", "entries") + ", " +
           count_of(alphabetical_.size(), "language") + ".</p>\n";
    out +=
        "<p class=\"how\">Type a term or an entry number in the search box: case, accents and "
        "width do not matter.</p>\n";

    out += "<section aria-labelledby=\"entries\">\n<h2 id=\"entries\">Entries</h2>\n<ul>\n";
    for (std::size_t page = 0; page < summary_.entry_pages; ++page) {
      const std::size_t first = page * per_page_;
      const std::size_t last = std::min<std::size_t>(v_.size(), (page + 1) * per_page_);
      out += "<li><a href=\"" + page_name("entries", page) + "\">";
      if (first < last) {
        escape(out, v_[order_[first]].number);
        out += " to ";
        escape(out, v_[order_[last - 1]].number);
      } else {
        out += "No entries";
      }
      out += "</a></li>\n";
    }
    out += "</ul>\n</section>\n";

    out +=
        "<section aria-labelledby=\"systematic\">\n<h2 id=\"systematic\">Systematic "
        "index</h2>\n<ul>\n";
    for (std::size_t page = 0; page < systematic_pages_; ++page) {
      out += "<li><a href=\"" + page_name("systematic", page) + "\">Page " +
             std::to_string(page + 1) + "</a></li>\n";
    }
    out += "</ul>\n</section>\n";

    out +=
        "<section aria-labelledby=\"alphabetical\">\n<h2 id=\"alphabetical\">Alphabetical "
        "indexes</h2>\n";
    if (alphabetical_.empty()) out += "<p>No designation in the languages shown.</p>\n";
    for (const AlphabeticalIndex& index : alphabetical_) {
      const std::string stem = "alphabetical-" + html::name_of(index.language);
      const std::size_t pages = pages_for(index.lines.size(), lines_per_page_);
      out += "<h3><span lang=\"" + lang_attribute(index.language) + "\">";
      escape(out, index.language);
      out += "</span> (" + count_of(index.lines.size(), "term") + ")</h3>\n<ul>\n";
      for (std::size_t page = 0; page < pages; ++page) {
        out += "<li><a href=\"" + page_name(stem, page) + "\">";
        const std::size_t begin = page * lines_per_page_;
        const std::size_t end = std::min(index.lines.size(), begin + lines_per_page_);
        if (begin < end) {
          out += "<span lang=\"" + lang_attribute(index.language) + "\">";
          escape(out, index.lines[begin].term);
          out += " \xE2\x80\x93 ";
          escape(out, index.lines[end - 1].term);
          out += "</span>";
        } else {
          out += "Page " + std::to_string(page + 1);
        }
        out += "</a></li>\n";
      }
      out += "</ul>\n";
    }
    out += "</section>\n";

    out += "<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">Findings</h2>\n<p>";
    out += count_of(errors, "error") + ", " + count_of(warnings, "warning") + ", " +
           count_of(notes, "note") + ".</p>\n<ul>\n";
    for (std::size_t page = 0; page < summary_.finding_pages; ++page) {
      out += "<li><a href=\"" + page_name("findings", page) + "\">Page " +
             std::to_string(page + 1) + "</a></li>\n";
    }
    out += "</ul>\n</section>\n";

    out +=
        "<section aria-labelledby=\"cycles\">\n<h2 id=\"cycles\">Circular definitions</h2>\n"
        "<p><a href=\"cycles.html\">" +
        count_of(v_.circular_groups().size(), "circular definition") + "</a></p>\n</section>\n";
    close_page(out);
    emit("index.html", out);
  }

  const Vocabulary& v_;
  const std::vector<Diagnostic>& findings_;
  const SiteOptions& options_;
  const SiteFileSink& sink_;
  std::size_t per_page_ = 200;
  std::size_t lines_per_page_ = 2000;
  std::string title_;
  std::vector<std::string> ranges_;
  SiteSummary summary_;
  /// Entries in the order the pages show them, and each entry's place in
  /// it.
  std::vector<EntryId> order_;
  std::vector<std::size_t> position_;
  std::vector<std::string> anchors_;
  /// The link to each entry: its page and anchor.
  std::vector<std::string> hrefs_;
  std::vector<std::vector<std::size_t>> findings_of_;
  std::vector<std::vector<EntryId>> entries_of_finding_;
  std::vector<int> cycle_of_;
  std::unordered_set<const Reference*> cycle_steps_;
  std::vector<AlphabeticalIndex> alphabetical_;
  std::size_t systematic_pages_ = 1;
};

}  // namespace

SiteSummary write_site(const Vocabulary& vocabulary, const std::vector<Diagnostic>& findings,
                       const SiteOptions& options, const SiteFileSink& sink) {
  return SiteWriter(vocabulary, findings, options, sink).write();
}

}  // namespace termgraph
