// Suppression comments: found in the raw bytes of each XML file, placed in
// the innermost entry whose range holds them, matched against the findings
// of that entry before the engine settles them.
#include "load/suppress.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "diag/diagnostics.hpp"
#include "load/formats.hpp"
#include "read/markup_scan.hpp"
#include "termgraph/rules.hpp"
#include "text/chars.hpp"

namespace termgraph {

namespace {

using Impl = Vocabulary::Impl;

/// A position in a file, ordered as in reading.
struct Pos {
  std::uint32_t line = 0, column = 0;
  friend bool operator<(Pos a, Pos b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  }
  friend bool operator<=(Pos a, Pos b) { return !(b < a); }
};

Pos start_of(const SourceRange& r) {
  return {r.line, r.column};
}
/// The end of a range; a range without one holds nothing.
Pos end_of(const SourceRange& r) {
  return r.end_line ? Pos{r.end_line, r.end_column} : Pos{r.line, r.column};
}

constexpr std::string_view prefix = "termgraph:";
constexpr std::string_view usage = "write 'termgraph: ignore RULE[, RULE...]'";

/// True for the separators of a rule list: commas and XML white space.
bool separates(char c) {
  return c == ',' || is_xml_space(c);
}

/// Reads the text of a comment that starts with "termgraph:" (already
/// removed) into `s`.
void parse_directive(std::string_view text, Suppression& s) {
  text = trim_xml_spaces(text);
  std::size_t word_end = 0;
  while (word_end < text.size() && !separates(text[word_end])) ++word_end;
  const std::string_view directive = text.substr(0, word_end);
  if (directive != "ignore") {
    s.problem = directive.empty() ? "suppression comment names no directive; " + std::string(usage)
                                  : "unknown termgraph directive '" + std::string(directive) +
                                        "'; " + std::string(usage);
    return;
  }
  // The rules, up to an optional "; reason".
  std::string_view list = text.substr(word_end);
  list = list.substr(0, list.find(';'));
  for (std::size_t i = 0; i < list.size();) {
    if (separates(list[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < list.size() && !separates(list[j])) ++j;
    const std::string_view id = list.substr(i, j - i);
    s.rules.push_back({rules::find(id), std::string(id), false});
    i = j;
  }
  if (s.rules.empty()) s.problem = "suppression comment names no rule; " + std::string(usage);
}

/// The entries of `impl`, file by file, each file's sorted by start.
std::vector<EntryId> entries_by_position(const Impl& impl) {
  std::vector<EntryId> order(impl.entries.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<EntryId>(i);
  std::stable_sort(order.begin(), order.end(), [&](EntryId a, EntryId b) {
    const SourceRange& ra = impl.entries[a].range;
    const SourceRange& rb = impl.entries[b].range;
    if (ra.file != rb.file) return ra.file < rb.file;
    return start_of(ra) < start_of(rb);
  });
  return order;
}

/// Walks positions of one file in increasing order and answers, for each,
/// the entries whose range holds it, innermost last. Ranges nest (an STS
/// term-sec may hold others) or are apart.
class Nesting {
public:
  /// `entries`: ids sorted by start, all of one file.
  Nesting(const Impl& impl, std::vector<EntryId> entries)
      : impl_(impl), entries_(std::move(entries)) {}

  /// The entries holding `p`; `p` must not precede the previous call's.
  const std::vector<EntryId>& at(Pos p) {
    while (next_ < entries_.size() && start_of(range(entries_[next_])) <= p) {
      const EntryId e = entries_[next_++];
      close_before(start_of(range(e)));
      stack_.push_back(e);
    }
    close_before(p);
    // A position at or after an entry's end is outside it.
    while (!stack_.empty() && end_of(range(stack_.back())) <= p) stack_.pop_back();
    return stack_;
  }

private:
  const SourceRange& range(EntryId e) const { return impl_.entries[e].range; }
  void close_before(Pos p) {
    while (!stack_.empty() && end_of(range(stack_.back())) <= p) stack_.pop_back();
  }

  const Impl& impl_;
  std::vector<EntryId> entries_;
  std::size_t next_ = 0;
  std::vector<EntryId> stack_;
};

/// The number of single-character edits from `a` to `b`.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// The rule id closest to `id`, or empty when none is close.
std::string_view closest_rule(std::string_view id) {
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(2, id.size() / 3) + 1;
  for (const Rule* r : rules::all()) {
    const std::size_t d = edit_distance(id, r->id);
    if (d < best_distance) {
      best = r->id;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace

void read_suppressions(Impl& impl, const std::vector<Format>& formats) {
  if (impl.suppressions_read) return;
  impl.suppressions_read = true;
  const std::vector<EntryId> order = entries_by_position(impl);
  std::size_t first_of_file = 0;
  for (FileId file = 0; file < impl.contents.size(); ++file) {
    std::size_t last_of_file = first_of_file;
    while (last_of_file < order.size() && impl.entries[order[last_of_file]].range.file == file) {
      ++last_of_file;
    }
    std::vector<EntryId> entries(order.begin() + static_cast<std::ptrdiff_t>(first_of_file),
                                 order.begin() + static_cast<std::ptrdiff_t>(last_of_file));
    first_of_file = last_of_file;
    const FormatRecord* record = file < formats.size() ? format_record(formats[file]) : nullptr;
    if (!record || !record->read_xml) continue;  // CSV has no comments
    const std::string_view raw = impl.contents[file];
    LineIndex& lines = impl.lines[file];
    Nesting nesting(impl, std::move(entries));
    scan_markup(
        raw,
        [&](const Markup& m) {
          if (m.kind != Markup::Kind::comment) return;
          std::string_view body = raw.substr(m.begin + 4, m.end - m.begin - 4);
          if (body.size() >= 3 && body.compare(body.size() - 3, 3, "-->") == 0)
            body.remove_suffix(3);
          body = trim_xml_spaces(body);
          if (body.compare(0, prefix.size(), prefix) != 0) return;
          Suppression s;
          const LineColumn begin = lines.at(raw, m.begin);
          const LineColumn end = lines.at(raw, m.end);
          s.range = {file, begin.line, begin.column, end.line, end.column};
          const std::vector<EntryId>& holding = nesting.at({begin.line, begin.column});
          if (!holding.empty()) s.entry = holding.back();
          parse_directive(body.substr(prefix.size()), s);
          impl.suppressions.push_back(std::move(s));
        },
        false);
  }
}

void apply_suppressions(Impl& impl, std::vector<Diagnostic>& diagnostics, std::size_t first) {
  if (impl.suppressions.empty() || first >= diagnostics.size()) return;
  // The rules each entry's suppressions name, by rule: every finding costs
  // a lookup, however many comments an entry has.
  struct EntryRules {
    std::array<std::vector<SuppressedRule*>, rule_count> by_rule;
    std::bitset<rule_count> marked;  // every suppression of the rule marked used
  };
  std::unordered_map<EntryId, EntryRules> by_entry;
  for (Suppression& s : impl.suppressions) {
    if (s.entry == no_entry) continue;
    EntryRules& rules = by_entry[s.entry];
    for (SuppressedRule& r : s.rules) {
      if (r.rule) rules.by_rule[static_cast<std::size_t>(r.rule->code)].push_back(&r);
    }
  }
  if (by_entry.empty()) return;
  std::vector<EntryId> suppressed;
  for (const auto& kv : by_entry) suppressed.push_back(kv.first);
  std::sort(suppressed.begin(), suppressed.end());
  std::stable_sort(suppressed.begin(), suppressed.end(), [&](EntryId a, EntryId b) {
    const SourceRange& ra = impl.entries[a].range;
    const SourceRange& rb = impl.entries[b].range;
    if (ra.file != rb.file) return ra.file < rb.file;
    return start_of(ra) < start_of(rb);
  });

  // Findings in reading order, so that one walk per file finds the entries
  // holding each.
  std::vector<std::size_t> order;
  for (std::size_t i = first; i < diagnostics.size(); ++i) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return reported_before(diagnostics[a], diagnostics[b]);
  });

  // Marks the suppressions of `entry` that name d's rule; true when any does.
  auto silence = [&](EntryId entry, const Diagnostic& d) {
    auto it = by_entry.find(entry);
    if (it == by_entry.end() || !d.rule) return false;
    const std::size_t code = static_cast<std::size_t>(d.rule->code);
    std::vector<SuppressedRule*>& named = it->second.by_rule[code];
    if (named.empty()) return false;
    if (!it->second.marked[code]) {
      for (SuppressedRule* r : named) r->used = true;
      it->second.marked.set(code);
    }
    return true;
  };

  std::vector<bool> silenced(diagnostics.size(), false);
  std::size_t next = 0;  // in `suppressed`
  FileId file = 0;
  std::unique_ptr<Nesting> nesting;
  for (std::size_t i : order) {
    const Diagnostic& d = diagnostics[i];
    if (!d.rule || d.is(RuleId::unused_suppression)) continue;
    bool hit = false;
    for (EntryId e : d.entries) hit = silence(e, d) || hit;
    if (d.range.known()) {
      if (!nesting || d.range.file != file) {
        file = d.range.file;
        while (next < suppressed.size() && impl.entries[suppressed[next]].range.file < file) ++next;
        std::size_t last = next;
        while (last < suppressed.size() && impl.entries[suppressed[last]].range.file == file) {
          ++last;
        }
        nesting = std::make_unique<Nesting>(
            impl, std::vector<EntryId>(suppressed.begin() + static_cast<std::ptrdiff_t>(next),
                                       suppressed.begin() + static_cast<std::ptrdiff_t>(last)));
        next = last;
      }
      for (EntryId e : nesting->at(start_of(d.range))) {
        if (std::find(d.entries.begin(), d.entries.end(), e) == d.entries.end()) {
          hit = silence(e, d) || hit;
        }
      }
    }
    silenced[i] = hit;
  }
  std::size_t out = first;
  for (std::size_t i = first; i < diagnostics.size(); ++i) {
    if (silenced[i]) continue;
    if (out != i) diagnostics[out] = std::move(diagnostics[i]);
    ++out;
  }
  diagnostics.erase(diagnostics.begin() + static_cast<std::ptrdiff_t>(out), diagnostics.end());
}

void report_unused_suppressions(const Impl& impl, std::vector<Diagnostic>& diagnostics) {
  for (const Suppression& s : impl.suppressions) {
    auto report = [&](std::string message) {
      Diagnostic d = make_diagnostic(rules::unused_suppression, s.range, std::move(message));
      if (s.entry != no_entry) d.entries.push_back(s.entry);
      diagnostics.push_back(std::move(d));
    };
    if (!s.problem.empty()) {
      report(s.problem);
      continue;
    }
    for (const SuppressedRule& r : s.rules) {
      if (!r.rule) {
        // An id longer than any rule's is shown cut, and not compared.
        constexpr std::size_t longest = 64;
        const bool long_id = r.id.size() > longest;
        std::string message = "unknown rule '" +
                              (long_id ? r.id.substr(0, longest) + "..." : r.id) +
                              "' in a suppression";
        const std::string_view near = long_id ? std::string_view() : closest_rule(r.id);
        if (!near.empty()) message += " (did you mean '" + std::string(near) + "'?)";
        report(std::move(message));
      } else if (s.entry == no_entry) {
        report("suppression of '" + r.id +
               "' outside any entry silences nothing (put it inside the entry)");
      } else if (!r.used) {
        report("suppression of '" + r.id + "' silences nothing in entry " +
               std::string(impl.entries[s.entry].number));
      }
    }
  }
}

}  // namespace termgraph
