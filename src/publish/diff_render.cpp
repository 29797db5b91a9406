// Writing a VocabularyDiff (termgraph/diff.hpp) for people: text with
// inline word differences, Markdown for a pull-request comment, and a
// standalone HTML page in the style of the HTML site (its stylesheet, its
// escaping).
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "publish/html.hpp"
#include "publish/site_assets.hpp"
#include "termgraph/diff.hpp"

namespace termgraph {

namespace {

std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
  std::string s;
  for (const std::string& i : items) {
    if (!s.empty()) s += sep;
    s += i;
  }
  return s;
}

std::string numbers_of(const std::vector<std::string>& numbers) {
  return numbers.empty() ? std::string("-") : join(numbers);
}

/// "3.30 → 3.32", "3.4 → 3.4, 3.5", "+ 3.31", "- 3.8", "3.5".
std::string heading_of(const EntryDiff& e) {
  switch (e.change) {
    case EntryChange::added:
      return numbers_of(e.new_numbers);
    case EntryChange::removed:
      return numbers_of(e.old_numbers);
    case EntryChange::changed:
      return numbers_of(e.new_numbers);
    default:
      return numbers_of(e.old_numbers) + " \xE2\x86\x92 " + numbers_of(e.new_numbers);
  }
}

std::string fields_of(const EntryDiff& e) {
  std::string s;
  for (DiffField f : e.fields) {
    if (!s.empty()) s += ", ";
    s += to_string(f);
  }
  return s;
}

std::string block_name(const TextDiff& t) {
  std::string s(to_string(t.field));
  if (t.field != DiffField::definition) s += " " + std::to_string(t.index + 1);
  return s;
}

std::string term_line(const TermDiff& t) {
  switch (t.kind) {
    case TermDiff::Kind::added:
      return "+ '" + t.term + "' (" + std::string(to_string(t.new_status)) + ")";
    case TermDiff::Kind::removed:
      return "- '" + t.term + "' (" + std::string(to_string(t.old_status)) + ")";
    case TermDiff::Kind::status:
      return "'" + t.term + "' " + std::string(to_string(t.old_status)) + " \xE2\x86\x92 " +
             std::string(to_string(t.new_status));
  }
  return {};
}

std::string reference_line(const ReferenceDiff& r) {
  // "3.9 cites 'trench (3.30)'", "3.9 cites 'trench' (3.30)" (a link), or
  // "3.9 cites (3.30)" when that is all.
  std::string cites = r.entry + " cites ";
  if (r.text.empty() || r.text == "(" + r.target + ")") {
    cites += "(" + r.target + ")";
  } else if (r.text.find(r.target) != std::string::npos) {
    cites += "'" + r.text + "'";
  } else {
    cites += "'" + r.text + "' (" + r.target + ")";
  }
  switch (r.change) {
    case ReferenceChange::stale:
      return cites + ": " + r.target + " is now another concept; the one meant is " + r.intended;
    case ReferenceChange::target_removed:
      return cites + ": that entry was removed";
    case ReferenceChange::cycle_new:
      return "new circular definition: " + join(r.entries, " \xE2\x86\x92 ");
    case ReferenceChange::cycle_gone:
      return "circular definition gone: " + join(r.entries, " \xE2\x86\x92 ");
  }
  return {};
}

/// "3 renumbered, 1 added, ..." in EntryChange order, then the references.
std::string summary_of(const VocabularyDiff& d) {
  std::size_t counts[6] = {0, 0, 0, 0, 0, 0};
  for (const EntryDiff& e : d.entries) ++counts[static_cast<int>(e.change)];
  std::size_t refs[4] = {0, 0, 0, 0};
  for (const ReferenceDiff& r : d.references) ++refs[static_cast<int>(r.change)];
  std::string s;
  for (int c = 0; c < 6; ++c) {
    if (counts[c] == 0) continue;
    if (!s.empty()) s += ", ";
    s += std::to_string(counts[c]) + " " + std::string(to_string(static_cast<EntryChange>(c)));
  }
  for (int c = 0; c < 4; ++c) {
    if (refs[c] == 0) continue;
    if (!s.empty()) s += ", ";
    s += std::to_string(refs[c]) + " " + std::string(to_string(static_cast<ReferenceChange>(c))) +
         (c < 2 ? " reference" : "") + (refs[c] > 1 && c < 2 ? "s" : "");
  }
  return s.empty() ? std::string("no changes") : s;
}

// Markdown: text escaped so that it stays text (no emphasis, links, tables
// or HTML).
std::string md(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '|':
        out += "\\|";
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '~':
      case '#':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

void write_diff_text(std::ostream& out, const VocabularyDiff& d, const DiffTextStyle& style) {
  const char* bold = style.color ? "\x1b[1m" : "";
  const char* red = style.color ? "\x1b[31m" : "";
  const char* green = style.color ? "\x1b[32m" : "";
  const char* reset = style.color ? "\x1b[0m" : "";
  for (const EntryDiff& e : d.entries) {
    out << bold << to_string(e.change) << ' ' << heading_of(e) << reset;
    if (!e.label.empty()) out << " '" << e.label << "'";
    if (!e.fields.empty()) out << ": " << fields_of(e);
    out << '\n';
    for (const TermDiff& t : e.terms) {
      const char* colour = t.kind == TermDiff::Kind::added     ? green
                           : t.kind == TermDiff::Kind::removed ? red
                                                               : "";
      out << "  terms [" << t.language << "]: " << colour << term_line(t) << (*colour ? reset : "")
          << '\n';
    }
    for (const TextDiff& t : e.texts) {
      out << "  " << block_name(t) << " [" << t.language << "]: ";
      for (const WordPiece& w : t.words) {
        switch (w.kind) {
          case WordPiece::Kind::same:
            out << w.text;
            break;
          case WordPiece::Kind::removed:
            out << red << (style.color ? "" : "[-") << w.text << (style.color ? "" : "-]") << reset;
            break;
          case WordPiece::Kind::added:
            out << green << (style.color ? "" : "{+") << w.text << (style.color ? "" : "+}")
                << reset;
            break;
        }
      }
      out << '\n';
    }
  }
  for (const ReferenceDiff& r : d.references) {
    out << bold << to_string(r.change) << reset << ": " << reference_line(r) << '\n';
  }
  out << summary_of(d) << '\n';
}

void write_diff_markdown(std::ostream& out, const VocabularyDiff& d) {
  out << "### Vocabulary changes\n\n" << md(summary_of(d)) << "\n";
  if (!d.entries.empty()) {
    out << "\n| change | old | new | term | fields |\n|---|---|---|---|---|\n";
    for (const EntryDiff& e : d.entries) {
      out << "| " << to_string(e.change) << " | " << md(numbers_of(e.old_numbers)) << " | "
          << md(numbers_of(e.new_numbers)) << " | " << md(e.label) << " | " << fields_of(e)
          << " |\n";
    }
    for (const EntryDiff& e : d.entries) {
      if (e.terms.empty() && e.texts.empty()) continue;
      out << "\n#### " << to_string(e.change) << ' ' << md(heading_of(e));
      if (!e.label.empty()) out << " " << md(e.label);
      out << "\n\n";
      for (const TermDiff& t : e.terms) {
        out << "- terms \\[" << md(t.language) << "\\]: " << md(term_line(t)) << '\n';
      }
      for (const TextDiff& t : e.texts) {
        out << "- " << block_name(t) << " \\[" << md(t.language) << "\\]: ";
        for (const WordPiece& w : t.words) {
          // Emphasis markers must touch the text: spaces stay outside.
          const std::string_view text = w.text;
          const std::size_t b = text.find_first_not_of(' ');
          if (w.kind == WordPiece::Kind::same || b == std::string_view::npos) {
            out << md(text);
            continue;
          }
          const std::size_t e2 = text.find_last_not_of(' ');
          const char* mark = w.kind == WordPiece::Kind::removed ? "~~" : "**";
          out << std::string(b, ' ') << mark << md(text.substr(b, e2 + 1 - b)) << mark
              << std::string(text.size() - e2 - 1, ' ');
        }
        out << '\n';
      }
    }
  }
  if (!d.references.empty()) {
    out << "\n#### References\n\n";
    for (const ReferenceDiff& r : d.references) {
      out << "- **" << to_string(r.change) << "**: " << md(reference_line(r)) << '\n';
    }
  }
}

void write_diff_html(std::ostream& out, const VocabularyDiff& d, std::string_view title) {
  using html::escape;
  std::string s;
  s += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  escape(s, title);
  s += "</title>\n<style>\n";
  s += site_assets::stylesheet();
  s += "del { background: #fdd; color: #8b0000; }\nins { background: #dfd; color: #064006; "
       "text-decoration: none; }\n@media (prefers-color-scheme: dark) { del { background: #5a1d1d; "
       "color: #ffb4b4; } ins { background: #1d4a26; color: #b4ffc0; } }\n"
       "table.changes { border-collapse: collapse; } table.changes td, table.changes th { "
       "border-bottom: 1px solid var(--line); padding: .2em .6em; text-align: left; }\n";
  s += "</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the content</a>\n";
  s += "<header class=\"site\">\n<p class=\"site-title\">";
  escape(s, title);
  s += "</p>\n</header>\n<main id=\"main\">\n<h1>";
  escape(s, title);
  s += "</h1>\n<p class=\"summary\">";
  escape(s, summary_of(d));
  s += "</p>\n";
  if (!d.entries.empty()) {
    s += "<table class=\"changes\">\n<thead><tr><th>change</th><th>old</th><th>new</th>"
         "<th>term</th><th>fields</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < d.entries.size(); ++i) {
      const EntryDiff& e = d.entries[i];
      s += "<tr><td><a href=\"#change-" + std::to_string(i + 1) + "\">";
      escape(s, to_string(e.change));
      s += "</a></td><td>";
      escape(s, numbers_of(e.old_numbers));
      s += "</td><td>";
      escape(s, numbers_of(e.new_numbers));
      s += "</td><td>";
      escape(s, e.label);
      s += "</td><td>";
      escape(s, fields_of(e));
      s += "</td></tr>\n";
    }
    s += "</tbody>\n</table>\n";
    for (std::size_t i = 0; i < d.entries.size(); ++i) {
      const EntryDiff& e = d.entries[i];
      s += "<article class=\"entry\" id=\"change-" + std::to_string(i + 1) + "\">\n<h2>";
      s += "<span class=\"status\">";
      escape(s, to_string(e.change));
      s += "</span> <span class=\"number\">";
      escape(s, heading_of(e));
      s += "</span> ";
      escape(s, e.label);
      s += "</h2>\n";
      if (!e.terms.empty()) {
        s += "<ul class=\"terms\">\n";
        for (const TermDiff& t : e.terms) {
          s += "<li><span class=\"language-tag\">";
          escape(s, t.language);
          s += "</span> ";
          const bool add = t.kind == TermDiff::Kind::added, del = t.kind == TermDiff::Kind::removed;
          if (add) s += "<ins>";
          if (del) s += "<del>";
          escape(s, term_line(t));
          if (add) s += "</ins>";
          if (del) s += "</del>";
          s += "</li>\n";
        }
        s += "</ul>\n";
      }
      for (const TextDiff& t : e.texts) {
        s += "<p class=\"definition\"><span class=\"label\">";
        escape(s, block_name(t));
        s += "</span> <span class=\"language-tag\">";
        escape(s, t.language);
        s += "</span> ";
        for (const WordPiece& w : t.words) {
          const char* open = w.kind == WordPiece::Kind::removed ? "<del>"
                             : w.kind == WordPiece::Kind::added ? "<ins>"
                                                                : "";
          const char* close = w.kind == WordPiece::Kind::removed ? "</del>"
                              : w.kind == WordPiece::Kind::added ? "</ins>"
                                                                 : "";
          s += open;
          escape(s, w.text);
          s += close;
        }
        s += "</p>\n";
      }
      s += "</article>\n";
    }
  }
  if (!d.references.empty()) {
    s += "<h2>References</h2>\n<ul class=\"references\">\n";
    for (const ReferenceDiff& r : d.references) {
      s += "<li><span class=\"label\">";
      escape(s, to_string(r.change));
      s += "</span>: ";
      escape(s, reference_line(r));
      s += "</li>\n";
    }
    s += "</ul>\n";
  }
  s += "</main>\n</body>\n</html>\n";
  out << s;
}

}  // namespace termgraph
