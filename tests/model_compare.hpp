// Test helper: compares two vocabularies field by field, ignoring source
// positions and file names, and describes the first differences in words
// (for EXPECT messages). An empty result means the models are equal.
#pragma once

#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>

#include "termgraph/vocabulary.hpp"

namespace termgraph::testing {

struct CompareOptions {
  /// Compare entry ids and reference target ids. Off for round trips
  /// through a format that adds or rewrites ids (STS adds sec_N/term_N,
  /// TBX names concepts term_N): references are then compared by the entry
  /// they resolve to, and a markup reference's number only when it is
  /// written in its text (otherwise it came from the link target, an id).
  bool ids = true;
  /// With `ids` off: compare a reference's target id where the first
  /// vocabulary has one (formats that keep link targets as written: STS,
  /// native); off for TBX, whose links name concept ids.
  bool target_ids = true;
  /// Compare the data categories at every level, category by category:
  /// element, type, value, target, grouped, known, the kind and text of the
  /// block it stands for, and its details. Off for formats that cannot hold
  /// them.
  bool categories = false;
  /// Compare whether each designation's status and kind were stated
  /// (Designation::status_stated, kind_stated). Off for writers that state
  /// them always.
  bool stated = false;
  /// How many differences to describe before stopping.
  std::size_t max_differences = 10;
};

class ModelComparer {
public:
  ModelComparer(const Vocabulary& a, const Vocabulary& b, CompareOptions options)
      : a_(a), b_(b), o_(options) {}

  std::string run() {
    if (a_.size() != b_.size()) {
      diff("vocabulary", "entry count", std::to_string(a_.size()), std::to_string(b_.size()));
    }
    std::size_t n = a_.size() < b_.size() ? a_.size() : b_.size();
    for (std::size_t i = 0; i < n && !full(); ++i)
      entry(a_[static_cast<EntryId>(i)], b_[static_cast<EntryId>(i)]);
    return out_.str();
  }

private:
  bool full() const { return count_ >= o_.max_differences; }

  void diff(const std::string& where, std::string_view what, std::string_view x,
            std::string_view y) {
    if (full()) return;
    ++count_;
    out_ << where << ": " << what << " differs: '" << x << "' vs '" << y << "'\n";
  }

  template <typename T>
  void check(const std::string& where, std::string_view what, const T& x, const T& y) {
    if (x == y) return;
    std::ostringstream sx, sy;
    sx << x;
    sy << y;
    diff(where, what, sx.str(), sy.str());
  }

  static std::string bool_text(bool b) { return b ? "true" : "false"; }

  void entry(const Entry& x, const Entry& y) {
    const std::string where = "entry " + std::to_string(x.id) + " (" + std::string(x.number) + ")";
    check(where, "number", x.number, y.number);
    check(where, "numbered", bool_text(x.numbered), bool_text(y.numbered));
    if (o_.ids) {
      check(where, "id count", x.ids.size(), y.ids.size());
      for (std::size_t i = 0; i < x.ids.size() && i < y.ids.size(); ++i) {
        check(where, "id " + std::to_string(i), x.ids[i], y.ids[i]);
      }
    }
    if (o_.categories) categories(where + " entry", x.categories, y.categories);
    check(where, "language count", x.languages.size(), y.languages.size());
    for (std::size_t i = 0; i < x.languages.size() && i < y.languages.size(); ++i) {
      section(where + " [" + std::string(x.languages[i].language) + "]", x.languages[i],
              y.languages[i]);
    }
  }

  void section(const std::string& where, const LanguageSection& x, const LanguageSection& y) {
    check(where, "language", x.language, y.language);
    check(where, "designation count", x.designations.size(), y.designations.size());
    for (std::size_t i = 0; i < x.designations.size() && i < y.designations.size(); ++i) {
      const Designation& p = x.designations[i];
      const Designation& q = y.designations[i];
      const std::string w = where + " term " + std::to_string(i);
      check(w, "text", p.text, q.text);
      check(w, "status", to_string(p.status), to_string(q.status));
      check(w, "kind", to_string(p.kind), to_string(q.kind));
      check(w, "part of speech", p.part_of_speech, q.part_of_speech);
      if (o_.stated) {
        check(w, "status stated", bool_text(p.status_stated), bool_text(q.status_stated));
        check(w, "kind stated", bool_text(p.kind_stated), bool_text(q.kind_stated));
      }
      if (o_.categories) categories(w, p.categories, q.categories);
    }
    if (o_.categories) categories(where, x.categories, y.categories);
    check(where, "has definition", bool_text(x.definition != nullptr),
          bool_text(y.definition != nullptr));
    if (x.definition && y.definition) block(where + " definition", *x.definition, *y.definition);
    blocks(where + " note", x.notes, y.notes);
    blocks(where + " example", x.examples, y.examples);
    blocks(where + " source", x.sources, y.sources);
  }

  /// Categories and their details (groups nest one deep in every format;
  /// deeper ones are compared all the same, the depth is the model's).
  void categories(const std::string& where, Span<DataCategory> x, Span<DataCategory> y) {
    check(where, "category count", x.size(), y.size());
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
      const DataCategory& p = x[i];
      const DataCategory& q = y[i];
      const std::string w = where + " category " + std::to_string(i) + " (" +
                            std::string(to_string(p.element)) + " " + std::string(p.type) + ")";
      check(w, "element", to_string(p.element), to_string(q.element));
      check(w, "type", p.type, q.type);
      check(w, "value", p.value, q.value);
      check(w, "target", p.target, q.target);
      check(w, "grouped", bool_text(p.grouped), bool_text(q.grouped));
      check(w, "known", bool_text(p.known), bool_text(q.known));
      check(w, "has block", bool_text(p.block != nullptr), bool_text(q.block != nullptr));
      if (p.block && q.block) block(w + " block", *p.block, *q.block);
      categories(w + " detail", p.details, q.details);
    }
  }

  void blocks(const std::string& where, Span<TextBlock> x, Span<TextBlock> y) {
    check(where, "count", x.size(), y.size());
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
      block(where + " " + std::to_string(i), x[i], y[i]);
    }
  }

  void block(const std::string& where, const TextBlock& x, const TextBlock& y) {
    check(where, "kind", to_string(x.kind), to_string(y.kind));
    check(where, "text", x.text, y.text);
    check(where, "reference count", x.references.size(), y.references.size());
    for (std::size_t i = 0; i < x.references.size() && i < y.references.size(); ++i) {
      reference(where + " reference " + std::to_string(i), x.references[i], y.references[i]);
    }
  }

  void reference(const std::string& where, const Reference& x, const Reference& y) {
    check(where, "text", x.text, y.text);
    check(where, "term", x.term, y.term);
    if (o_.ids || !x.markup || x.text.find(x.number) != std::string_view::npos) {
      check(where, "number", x.number, y.number);
    }
    if (o_.ids || (o_.target_ids && !x.target_id.empty())) {
      check(where, "target id", x.target_id, y.target_id);
    }
    check(where, "markup", bool_text(x.markup), bool_text(y.markup));
    check(where, "external", bool_text(x.external), bool_text(y.external));
    check(where, "grouped", bool_text(x.grouped), bool_text(y.grouped));
    check(where, "begin", x.begin, y.begin);
    check(where, "end", x.end, y.end);
    check(where, "resolved to", target_number(a_, x), target_number(b_, y));
  }

  static std::string target_number(const Vocabulary& v, const Reference& r) {
    if (r.target == no_entry) return "(unresolved)";
    return std::string(v[r.target].number);
  }

  const Vocabulary& a_;
  const Vocabulary& b_;
  CompareOptions o_;
  std::ostringstream out_;
  std::size_t count_ = 0;
};

/// The first differences between `a` and `b` (at most
/// options.max_differences), one per line; empty when they are equal.
inline std::string compare_models(const Vocabulary& a, const Vocabulary& b,
                                  CompareOptions options = {}) {
  return ModelComparer(a, b, options).run();
}

}  // namespace termgraph::testing
