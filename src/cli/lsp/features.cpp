// What `termgraph lsp` answers about an analysed vocabulary (features.hpp).
#include "features.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_set>

namespace termgraph::cli::lsp {

namespace {

bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

/// Whether `number` stands at `at` of `text` as a whole number: not part of
/// a longer number ("3.3" in "3.30", "13.3") or word ("c3.3").
bool number_token_at(std::string_view text, std::size_t at, std::string_view number) {
  if (text.compare(at, number.size(), number) != 0) return false;
  if (at > 0 && (is_alnum(text[at - 1]) || text[at - 1] == '.')) return false;
  const std::size_t after = at + number.size();
  if (after < text.size()) {
    if (is_alnum(text[after])) return false;
    if ((text[after] == '.' || text[after] == '-') && after + 1 < text.size() &&
        is_alnum(text[after + 1])) {
      return false;
    }
  }
  return true;
}

/// The offsets of `number` as a whole number in bytes [begin, end) of `text`.
std::vector<std::size_t> number_tokens(std::string_view text, std::size_t begin, std::size_t end,
                                       std::string_view number) {
  std::vector<std::size_t> found;
  if (number.empty()) return found;
  end = std::min(end, text.size());
  for (std::size_t at = text.find(number, begin); at != std::string_view::npos && at < end;
       at = text.find(number, at + 1)) {
    if (at + number.size() <= end && number_token_at(text, at, number)) found.push_back(at);
  }
  return found;
}

/// An entry number as a rename may give it: letters and digits in groups
/// joined by '.' or '-', with a digit somewhere ("3.30", "A.2", "3.1-2").
bool is_entry_number(std::string_view s) {
  if (s.empty() || !is_alnum(s.front()) || !is_alnum(s.back())) return false;
  bool digit = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
    if (is_alnum(c)) continue;
    if ((c == '.' || c == '-') && is_alnum(s[i + 1])) continue;
    return false;
  }
  return digit;
}

/// `s` with the characters Markdown gives a meaning escaped.
std::string md(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_{}[]<>#|~").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Widens bytes [begin, end) of `raw`, where a reference's range puts it
/// (the number, for a plain-text reference), to the whole reference as
/// its text reads ("DLT system (3.30)"): the text before and after that
/// part is matched in the raw bytes outwards, a space of the text matching
/// any run of white space. Left as it is where the bytes differ.
void widen_to_text(std::string_view raw, std::string_view text, std::size_t& begin,
                   std::size_t& end) {
  const std::string_view part = raw.substr(begin, end - begin);
  const std::size_t k = part.empty() ? std::string_view::npos : text.rfind(part);
  if (k == std::string_view::npos) return;
  // Before: text[0, k) ends at `begin`.
  std::size_t b = begin;
  bool ok = true;
  for (std::size_t i = k; i > 0 && ok; --i) {
    const char c = text[i - 1];
    if (c == ' ') {
      if (b == 0 || !is_space(raw[b - 1])) ok = false;
      while (b > 0 && is_space(raw[b - 1])) --b;
    } else if (b > 0 && raw[b - 1] == c) {
      --b;
    } else {
      ok = false;
    }
  }
  if (ok) begin = b;
  // After: text[k + part.size(), end of text) starts at `end`.
  std::size_t e = end;
  ok = true;
  for (std::size_t i = k + part.size(); i < text.size() && ok; ++i) {
    const char c = text[i];
    if (c == ' ') {
      if (e >= raw.size() || !is_space(raw[e])) ok = false;
      while (e < raw.size() && is_space(raw[e])) ++e;
    } else if (e < raw.size() && raw[e] == c) {
      ++e;
    } else {
      ok = false;
    }
  }
  if (ok) end = e;
}

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::error:
      return 1;
    case Severity::warning:
      return 2;
    default:
      return 3;
  }
}

/// Every text block of an entry, once: those of its sections and those
/// only a data category holds (cross-references).
template <class Visit>
void for_each_block(const Entry& e, Visit visit) {
  std::unordered_set<const TextBlock*> seen;
  auto block = [&](const TextBlock* b) {
    if (b && seen.insert(b).second) visit(*b);
  };
  auto categories = [&](Span<DataCategory> cats) {
    for (const DataCategory& c : cats) {
      block(c.block);
      for (const DataCategory& d : c.details) block(d.block);
    }
  };
  categories(e.categories);
  for (const LanguageSection& s : e.languages) {
    block(s.definition);
    for (const TextBlock& b : s.notes) block(&b);
    for (const TextBlock& b : s.examples) block(&b);
    for (const TextBlock& b : s.sources) block(&b);
    categories(s.categories);
    for (const Designation& d : s.designations) categories(d.categories);
  }
}

}  // namespace

Features::Features(const Workspace& workspace, const LoadResult& result, Encoding encoding)
    : workspace_(workspace),
      result_(result),
      vocabulary_(result.vocabulary),
      encoding_(encoding),
      refs_(vocabulary_.files().size()) {
  entries_.reserve(vocabulary_.size());
  for (const Entry& e : vocabulary_.entries()) {
    const FileId f = e.range.file;
    const Document* d = doc(f);
    EntrySpan span{f, 0, 0, 0, 0, 0};
    if (d && e.range.known()) {
      const Text& t = d->text;
      span.begin = t.model_offset(e.range.line, e.range.column);
      span.end =
          e.range.end_line ? t.model_offset(e.range.end_line, e.range.end_column) : span.begin;
      span.end = std::max(span.end, span.begin);
      // The head: up to the first term or text block of the entry.
      std::size_t head_end = span.end;
      auto before = [&](const SourceRange& r) {
        if (r.known() && r.file == f) {
          head_end = std::min(head_end, std::max(span.begin, t.model_offset(r.line, r.column)));
        }
      };
      for (const LanguageSection& s : e.languages) {
        for (const Designation& des : s.designations) before(des.range);
        if (s.definition) before(s.definition->range);
        for (const TextBlock& b : s.notes) before(b.range);
      }
      span.head_end = head_end;
      // The number where it is written as such: element text, an attribute
      // value, a CSV cell; not inside an id ("sec_3.30").
      const std::vector<std::size_t> found = number_tokens(t.str(), span.begin, head_end, e.number);
      std::size_t at = std::string::npos;
      for (std::size_t o : found) {
        const char before_char = o > 0 ? t.str()[o - 1] : '\n';
        if (std::string_view(">\"', \t\n(").find(before_char) != std::string_view::npos) {
          at = o;
          break;
        }
      }
      if (at == std::string::npos && !found.empty()) at = found.front();
      if (at != std::string::npos) {
        span.number_begin = at;
        span.number_end = at + e.number.size();
      } else {
        span.number_begin = span.number_end = span.begin;
      }
    }
    entries_.push_back(span);
    for_each_block(e, [&](const TextBlock& b) {
      for (const Reference& r : b.references) {
        const Document* rd = doc(r.range.file);
        if (!rd || !r.range.known()) continue;
        std::size_t begin = rd->text.model_offset(r.range.line, r.range.column);
        std::size_t end = r.range.end_line
                              ? rd->text.model_offset(r.range.end_line, r.range.end_column)
                              : begin + r.text.size();
        end = std::max(end, begin);
        widen_to_text(rd->text.str(), r.text, begin, end);
        refs_[r.range.file].push_back({r.range.file, begin, end, &r, e.id});
      }
    });
  }
  for (auto& list : refs_) {
    std::sort(list.begin(), list.end(), [](const RefSpan& a, const RefSpan& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
  }
}

FileId Features::file_of(const Document& d) const {
  for (FileId f = 0; f < vocabulary_.files().size(); ++f) {
    if (doc(f) == &d) return f;
  }
  throw RpcError(invalid_params, "'" + d.path + "' is not part of the vocabulary");
}

json Features::position(const Document& d, std::size_t offset) const {
  const Position p = d.text.position(offset, encoding_);
  return {{"line", p.line}, {"character", p.character}};
}

json Features::range(const Document& d, std::size_t begin, std::size_t end) const {
  return {{"start", position(d, begin)}, {"end", position(d, end)}};
}

json Features::range(const SourceRange& r) const {
  const Document* d = doc(r.file);
  if (!d || !r.known()) {
    return {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}};
  }
  const std::size_t begin = d->text.model_offset(r.line, r.column);
  const std::size_t end = r.end_line ? d->text.model_offset(r.end_line, r.end_column) : begin;
  return range(*d, begin, std::max(begin, end));
}

json Features::location(const SourceRange& r) const {
  const Document* d = doc(r.file);
  return {{"uri", d ? d->uri : std::string()}, {"range", range(r)}};
}

std::map<std::string, json> Features::diagnostics() const {
  std::map<std::string, json> out;
  for (FileId f = 0; f < vocabulary_.files().size(); ++f) {
    if (const Document* d = doc(f)) {
      json params = {{"uri", d->uri}, {"diagnostics", json::array()}};
      if (d->version) params["version"] = *d->version;
      out[d->uri] = std::move(params);
    }
  }
  for (const Diagnostic& diag : result_.diagnostics) {
    const Document* d = doc(diag.range.file);
    if (!d) continue;
    json item = {{"range", range(diag.range)},
                 {"severity", lsp_severity(diag.severity)},
                 {"code", std::string(diag.rule_id())},
                 {"source", "termgraph"},
                 {"message", diag.message}};
    if (!diag.related.empty()) {
      json related = json::array();
      for (const RelatedLocation& r : diag.related) {
        if (!doc(r.range.file)) continue;
        related.push_back({{"location", location(r.range)}, {"message", r.message}});
      }
      item["relatedInformation"] = std::move(related);
    }
    out[d->uri]["diagnostics"].push_back(std::move(item));
  }
  return out;
}

const Features::RefSpan* Features::reference_at(FileId file, std::size_t offset) const {
  if (file >= refs_.size()) return nullptr;
  const RefSpan* best = nullptr;
  for (const RefSpan& r : refs_[file]) {
    if (r.begin > offset) break;
    if (offset <= r.end && (!best || r.end - r.begin < best->end - best->begin)) best = &r;
  }
  return best;
}

EntryId Features::number_at(FileId file, std::size_t offset) const {
  for (EntryId id = 0; id < entries_.size(); ++id) {
    const EntrySpan& s = entries_[id];
    if (s.file == file && s.number_end > s.number_begin && s.number_begin <= offset &&
        offset <= s.number_end) {
      return id;
    }
  }
  return no_entry;
}

EntryId Features::entry_at(FileId file, std::size_t offset, std::size_t* begin,
                           std::size_t* end) const {
  const EntryId own = number_at(file, offset);
  if (own != no_entry) {
    *begin = entries_[own].number_begin;
    *end = entries_[own].number_end;
    return own;
  }
  if (const RefSpan* r = reference_at(file, offset)) {
    *begin = r->begin;
    *end = r->end;
    return r->reference->target;
  }
  return no_entry;
}

std::string Features::label(EntryId id) const {
  const Entry& e = vocabulary_[id];
  std::string s(e.number);
  if (const Designation* p = e.preferred()) s += " " + std::string(p->text);
  return s;
}

json Features::definition(const Document& d, std::size_t offset) const {
  const RefSpan* r = reference_at(file_of(d), offset);
  if (!r || r->reference->target == no_entry) return nullptr;
  return location(vocabulary_[r->reference->target].range);
}

std::string Features::entry_markdown(EntryId id) const {
  const Entry& e = vocabulary_[id];
  std::string out = "**" + md(e.number) + "**  \n";
  const bool several = e.languages.size() > 1;
  for (const LanguageSection& s : e.languages) {
    if (several) out += "\n*[" + md(s.language) + "]*  \n";
    for (const Designation& des : s.designations) {
      switch (des.status) {
        case Status::preferred:
          out += "**" + md(des.text) + "**  \n";
          break;
        case Status::admitted:
          out += md(des.text) + " *(admitted)*  \n";
          break;
        case Status::deprecated:
          out += "DEPRECATED: " + md(des.text) + "  \n";
          break;
      }
    }
    if (s.definition) out += "\n" + md(s.definition->text) + "\n";
    for (const TextBlock& b : s.examples) out += "\nEXAMPLE " + md(b.text) + "\n";
    std::size_t n = 0;
    for (const TextBlock& b : s.notes) {
      out += "\nNote " + std::to_string(++n) + " to entry: " + md(b.text) + "\n";
    }
    for (const TextBlock& b : s.sources) out += "\n[SOURCE: " + md(b.text) + "]\n";
  }
  std::string refs;
  std::set<std::string> listed;
  for_each_block(e, [&](const TextBlock& b) {
    for (const Reference& r : b.references) {
      if (r.external) continue;
      std::string line = r.target != no_entry
                             ? md(label(r.target))
                             : md(r.number.empty() ? r.text : r.number) + " *(unresolved)*";
      if (listed.insert(line).second) refs += "- " + line + "\n";
    }
  });
  if (!refs.empty()) out += "\nReferences:\n\n" + refs;
  const Document* d = doc(e.range.file);
  if (d) out += "\n*" + md(d->path.substr(d->path.find_last_of('/') + 1)) + "*\n";
  return out;
}

json Features::hover(const Document& d, std::size_t offset) const {
  std::size_t begin = 0, end = 0;
  const EntryId id = entry_at(file_of(d), offset, &begin, &end);
  if (id == no_entry) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", entry_markdown(id)}}},
          {"range", range(d, begin, end)}};
}

json Features::completion(const Document& d, std::size_t offset) const {
  const std::string& text = d.text.str();
  offset = std::min(offset, text.size());
  std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = line_start == std::string::npos || offset == 0 ? 0 : line_start + 1;
  const std::string_view line(text.data() + line_start, offset - line_start);
  json items = json::array();
  // Inside parentheses: an entry number being typed.
  const std::size_t open = line.rfind('(');
  if (open != std::string_view::npos && line.find(')', open) == std::string_view::npos) {
    std::string_view typed = line.substr(open + 1);
    while (!typed.empty() && typed.front() == ' ') typed.remove_prefix(1);
    if (typed.find_first_not_of(
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.") ==
        std::string_view::npos) {
      const std::size_t typed_begin = offset - typed.size();
      for (const Entry& e : vocabulary_.entries()) {
        if (!e.numbered || e.number.compare(0, typed.size(), typed) != 0) continue;
        const Designation* p = e.preferred();
        items.push_back(
            {{"label", std::string(e.number)},
             {"kind", 18},
             {"detail", p ? std::string(p->text) : std::string()},
             {"sortText", std::to_string(100000000 + e.id)},
             {"textEdit",
              {{"range", range(d, typed_begin, offset)}, {"newText", std::string(e.number)}}}});
        if (items.size() >= 200) break;
      }
      return {{"isIncomplete", items.size() >= 200}, {"items", items}};
    }
  }
  // A word being typed (with the words before it, for terms of several
  // words): terms that start with it, folded, then close to it.
  std::size_t word_begin = line.size();
  while (word_begin > 0) {
    const unsigned char c = static_cast<unsigned char>(line[word_begin - 1]);
    if (c == ' ' || c == '\t' || c == '>' || c == '(' || c == '"' || c == ',' || c == ';' ||
        c == '<') {
      break;
    }
    --word_begin;
  }
  if (word_begin == line.size()) return {{"isIncomplete", false}, {"items", items}};
  // Up to two words before it, when they form a term's beginning.
  std::vector<std::size_t> starts{word_begin};
  for (std::size_t s = word_begin, words = 0; words < 2 && s > 0 && line[s - 1] == ' '; ++words) {
    std::size_t b = s - 1;
    while (b > 0 && line[b - 1] != ' ' && line[b - 1] != '>' && line[b - 1] != '(') --b;
    if (b == s - 1) break;
    starts.push_back(b);
    s = b;
  }
  std::vector<TermMatch> matches;
  std::size_t typed_begin = word_begin;
  for (auto it = starts.rbegin(); it != starts.rend() && matches.empty(); ++it) {
    matches = vocabulary_.complete(line.substr(*it), 30);
    typed_begin = *it;
  }
  if (matches.empty()) {
    matches = vocabulary_.closest(line.substr(word_begin), 10);
    typed_begin = word_begin;
  }
  std::set<std::pair<EntryId, const Designation*>> seen;
  std::size_t rank = 0;
  for (const TermMatch& m : matches) {
    if (!m.designation || !seen.insert({m.entry, m.designation}).second) continue;
    const Entry& e = vocabulary_[m.entry];
    const std::string term(m.designation->text);
    items.push_back({{"label", term},
                     {"kind", 18},
                     {"detail", std::string(e.number)},
                     {"filterText", std::string(line.substr(typed_begin))},
                     {"sortText", std::to_string(100000 + rank++)},
                     {"textEdit",
                      {{"range", range(d, line_start + typed_begin, offset)},
                       {"newText", term + " (" + std::string(e.number) + ")"}}}});
  }
  return {{"isIncomplete", false}, {"items", items}};
}

json Features::references(const Document& d, std::size_t offset, bool declaration) const {
  std::size_t begin = 0, end = 0;
  const EntryId id = entry_at(file_of(d), offset, &begin, &end);
  if (id == no_entry) return nullptr;
  json out = json::array();
  if (declaration) out.push_back(location(vocabulary_[id].range));
  for (const Citation& c : vocabulary_.cited_by(id)) out.push_back(location(c.reference->range));
  return out;
}

json Features::prepare_rename(const Document& d, std::size_t offset) const {
  const FileId f = file_of(d);
  const EntryId own = number_at(f, offset);
  if (own != no_entry) {
    const EntrySpan& s = entries_[own];
    return {{"range", range(d, s.number_begin, s.number_end)},
            {"placeholder", std::string(vocabulary_[own].number)}};
  }
  const RefSpan* r = reference_at(f, offset);
  if (!r || r->reference->target == no_entry) return nullptr;
  const Entry& target = vocabulary_[r->reference->target];
  const std::vector<std::size_t> at = number_tokens(d.text.str(), r->begin, r->end, target.number);
  if (at.empty()) return nullptr;
  return {{"range", range(d, at.front(), at.front() + target.number.size())},
          {"placeholder", std::string(target.number)}};
}

json Features::rename(const Document& d, std::size_t offset, const std::string& new_number) const {
  std::size_t begin = 0, end = 0;
  const EntryId id = entry_at(file_of(d), offset, &begin, &end);
  if (id == no_entry) throw RpcError(request_failed, "no entry number or reference here");
  const Entry& entry = vocabulary_[id];
  if (!is_entry_number(new_number)) {
    throw RpcError(invalid_params, "'" + new_number +
                                       "' is not an entry number (letters and digits in groups "
                                       "joined by '.' or '-', such as 3.32)");
  }
  if (new_number == entry.number) return {{"changes", json::object()}};
  if (const Entry* taken = vocabulary_.find_number(new_number)) {
    const Document* td = doc(taken->range.file);
    throw RpcError(request_failed,
                   "entry number " + new_number + " is taken by entry " + label(taken->id) +
                       (td ? " (" + td->path + ":" + std::to_string(taken->range.line) + ")" : ""));
  }
  // Byte edits per file: the number as a whole number in the entry's head
  // (its label or number attribute, and ids made of it) and in every
  // reference to it (the text and, for markup, the start tag's target).
  std::map<FileId, std::set<std::size_t>> at;
  const EntrySpan& head = entries_[id];
  if (const Document* hd = doc(head.file)) {
    const std::string& text = hd->text.str();
    for (std::size_t o : number_tokens(text, head.begin, head.head_end, entry.number)) {
      at[head.file].insert(o);
    }
    // CSV: every row of the entry repeats the number in a cell of its own.
    if (head.file < result_.formats.size() && result_.formats[head.file] == Format::csv) {
      for (std::size_t o : number_tokens(text, head.begin, head.end, entry.number)) {
        const std::size_t after = o + entry.number.size();
        const bool cell_start = o == head.begin || text[o - 1] == ',' || text[o - 1] == '\n';
        const bool cell_end = after >= text.size() || text[after] == ',' || text[after] == '\r' ||
                              text[after] == '\n';
        if (cell_start && cell_end) at[head.file].insert(o);
      }
    }
  }
  for (const auto& list : refs_) {
    for (const RefSpan& r : list) {
      if (r.reference->target != id) continue;
      const Document* rd = doc(r.file);
      const std::string& text = rd->text.str();
      std::size_t from = r.begin;
      if (r.reference->markup && (from >= text.size() || text[from] != '<')) {
        // The start tag of the markup (its target attribute) before the text.
        const std::size_t lt = text.rfind('<', from == 0 ? 0 : from - 1);
        if (lt != std::string::npos && lt + 1 < text.size() && text[lt + 1] != '/' &&
            text.find('>', lt) < from + 1) {
          from = lt;
        }
      }
      for (std::size_t o : number_tokens(text, from, r.end, entry.number)) at[r.file].insert(o);
    }
  }
  json changes = json::object();
  for (const auto& [file, offsets] : at) {
    const Document* fd = doc(file);
    json list = json::array();
    for (std::size_t o : offsets) {
      list.push_back({{"range", range(*fd, o, o + entry.number.size())}, {"newText", new_number}});
    }
    changes[fd->uri] = std::move(list);
  }
  return {{"changes", changes}};
}

json Features::symbols(const Document& d) const {
  const FileId f = file_of(d);
  json out = json::array();
  for (const Entry& e : vocabulary_.entries()) {
    if (e.range.file != f) continue;
    const EntrySpan& s = entries_[e.id];
    const bool number = s.number_end > s.number_begin;
    json sym = {{"name", label(e.id)},
                {"kind", 14},
                {"range", range(d, s.begin, s.end)},
                {"selectionRange",
                 number ? range(d, s.number_begin, s.number_end) : range(d, s.begin, s.begin)}};
    if (const Designation* p = e.preferred()) sym["detail"] = std::string(p->text);
    out.push_back(std::move(sym));
  }
  return out;
}

json Features::edits(const std::vector<Edit>& list) const {
  json changes = json::object();
  for (const Edit& e : list) {
    const Document* d = doc(e.range.file);
    if (!d) continue;
    changes[d->uri].push_back({{"range", range(e.range)}, {"newText", e.replacement}});
  }
  return {{"changes", changes}};
}

json Features::code_actions(const Document& d, std::size_t begin, std::size_t end) const {
  const FileId f = file_of(d);
  json out = json::array();
  for (const Diagnostic& diag : result_.diagnostics) {
    if (diag.range.file != f || diag.fixes.empty() || !diag.range.known()) continue;
    const std::size_t db = d.text.model_offset(diag.range.line, diag.range.column);
    const std::size_t de =
        diag.range.end_line ? d.text.model_offset(diag.range.end_line, diag.range.end_column) : db;
    if (de < begin || db > end) continue;
    json diagnostic = {{"range", range(diag.range)},
                       {"severity", lsp_severity(diag.severity)},
                       {"code", std::string(diag.rule_id())},
                       {"source", "termgraph"},
                       {"message", diag.message}};
    for (const Fix& fix : diag.fixes) {
      out.push_back({{"title", fix.message},
                     {"kind", "quickfix"},
                     {"diagnostics", json::array({diagnostic})},
                     {"isPreferred", &fix == &diag.fixes.front()},
                     {"edit", edits(fix.edits)}});
    }
  }
  return out;
}

}  // namespace termgraph::cli::lsp
