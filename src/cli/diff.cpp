// `termgraph diff OLD... -- NEW...`: what changed between two editions of a
// vocabulary (termgraph/diff.hpp), as text, JSON, Markdown or HTML.
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <future>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "read_vocabulary.hpp"
#include "termgraph/diff.hpp"
#include "termgraph/report.hpp"

namespace termgraph::cli {

const char* const diff_separator = "\x1ftermgraph-diff-separator\x1f";

void mark_diff_separator(int argc, char** argv) {
  // The command is the first word that is not an option (main.cpp's
  // check_command_name() reads it the same way).
  int i = 1;
  for (; i < argc; ++i) {
    const char* word = argv[i];
    if (std::strcmp(word, "--generate") == 0) {
      ++i;
      continue;
    }
    if (word[0] != '-' || word[1] == '\0') break;
  }
  if (i >= argc || std::strcmp(argv[i], "diff") != 0) return;
  for (++i; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) argv[i] = const_cast<char*>(diff_separator);
  }
}

namespace {

nlohmann::ordered_json numbers_json(const std::vector<std::string>& numbers, bool list) {
  if (list) return numbers;
  if (numbers.empty()) return nullptr;
  return numbers.front();
}

void write_json(std::ostream& out, const VocabularyDiff& d) {
  nlohmann::ordered_json doc;
  doc["version"] = 1;
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const EntryDiff& e : d.entries) {
    nlohmann::ordered_json j;
    j["change"] = std::string(to_string(e.change));
    j["old"] =
        numbers_json(e.old_numbers, e.change == EntryChange::merged || e.old_numbers.size() > 1);
    j["new"] =
        numbers_json(e.new_numbers, e.change == EntryChange::split || e.new_numbers.size() > 1);
    j["term"] = e.label;
    nlohmann::ordered_json fields = nlohmann::ordered_json::array();
    for (DiffField f : e.fields) fields.push_back(std::string(to_string(f)));
    j["fields"] = std::move(fields);
    nlohmann::ordered_json details = nlohmann::ordered_json::array();
    for (const TermDiff& t : e.terms) {
      nlohmann::ordered_json x;
      x["field"] = "terms";
      x["language"] = t.language;
      x["change"] = t.kind == TermDiff::Kind::added     ? "added"
                    : t.kind == TermDiff::Kind::removed ? "removed"
                                                        : "status";
      x["term"] = t.term;
      x["old_status"] = t.kind == TermDiff::Kind::added
                            ? nlohmann::ordered_json(nullptr)
                            : nlohmann::ordered_json(std::string(to_string(t.old_status)));
      x["new_status"] = t.kind == TermDiff::Kind::removed
                            ? nlohmann::ordered_json(nullptr)
                            : nlohmann::ordered_json(std::string(to_string(t.new_status)));
      details.push_back(std::move(x));
    }
    for (const TextDiff& t : e.texts) {
      nlohmann::ordered_json x;
      x["field"] = std::string(to_string(t.field));
      x["language"] = t.language;
      x["index"] = t.index;
      x["old"] =
          t.old_text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(t.old_text);
      x["new"] =
          t.new_text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(t.new_text);
      nlohmann::ordered_json words = nlohmann::ordered_json::array();
      for (const WordPiece& w : t.words) {
        nlohmann::ordered_json p;
        p["op"] = w.kind == WordPiece::Kind::same      ? "same"
                  : w.kind == WordPiece::Kind::removed ? "removed"
                                                       : "added";
        p["text"] = w.text;
        words.push_back(std::move(p));
      }
      x["words"] = std::move(words);
      details.push_back(std::move(x));
    }
    j["details"] = std::move(details);
    entries.push_back(std::move(j));
  }
  doc["entries"] = std::move(entries);
  nlohmann::ordered_json references = nlohmann::ordered_json::array();
  for (const ReferenceDiff& r : d.references) {
    nlohmann::ordered_json j;
    j["change"] = std::string(to_string(r.change));
    if (r.change == ReferenceChange::stale || r.change == ReferenceChange::target_removed) {
      j["entry"] = r.entry;
      j["target"] = r.target;
      if (r.change == ReferenceChange::stale) j["intended"] = r.intended;
      j["text"] = r.text;
    } else {
      j["entries"] = r.entries;
    }
    references.push_back(std::move(j));
  }
  doc["references"] = std::move(references);
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

/// As read_vocabulary() judges a load: throws UsageError for an input that
/// cannot be read, prints what kept inputs from being read, and returns
/// false (after saying so) when no entry was read.
bool usable(const LoadResult& result, const OutputOptions& diagnostics, const char* side,
            std::ostream& err) {
  report_unread(result, diagnostics, err);
  if (result.vocabulary.size() != 0) return true;
  err << "termgraph: error: no term entries were read from the " << side
      << " edition; nothing to compare\n";
  return false;
}

}  // namespace

int run_diff(const DiffCommandOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<std::string> old_paths, new_paths;
  int separators = 0;
  for (const std::string& p : options.paths) {
    if (p == diff_separator) {
      ++separators;
    } else {
      (separators == 0 ? old_paths : new_paths).push_back(p);
    }
  }
  if (separators == 0) {
    throw UsageError(
        "diff needs two editions: OLD... -- NEW... (the old edition's files or directories, "
        "then --, then the new edition's)");
  }
  if (separators > 1) throw UsageError("diff takes one -- between OLD... and NEW..., not several");
  if (old_paths.empty()) throw UsageError("OLD is missing: give the old edition's files before --");
  if (new_paths.empty()) throw UsageError("NEW is missing: give the new edition's files after --");

  const auto has_stdin = [](const std::vector<std::string>& paths) {
    return std::find(paths.begin(), paths.end(), "-") != paths.end();
  };
  if (has_stdin(old_paths) && has_stdin(new_paths)) {
    throw UsageError("standard input (-) can be one side of diff, not both");
  }

  // The two editions are read at once, each on its own thread; what kept
  // an input from being read is printed afterwards, old edition first.
  const auto load_side = [](const std::vector<std::string>& paths) {
    LoadOptions load_options;
    load_options.dash_is_stdin = true;
    return load_files(paths, load_options);
  };
  std::future<LoadResult> new_loading = std::async(std::launch::async, load_side, new_paths);
  LoadResult old_result = load_side(old_paths);
  LoadResult new_result = new_loading.get();
  OutputOptions diagnostics;
  diagnostics.color = options.color;
  if (!usable(old_result, diagnostics, "old", err) ||
      !usable(new_result, diagnostics, "new", err)) {
    return exit_usage;
  }

  DiffOptions diff_options;
  diff_options.similarity = options.similarity;
  const VocabularyDiff d = diff(old_result.vocabulary, new_result.vocabulary, diff_options);
  if (options.format == "json") {
    write_json(out, d);
  } else if (options.format == "markdown") {
    write_diff_markdown(out, d);
  } else if (options.format == "html") {
    write_diff_html(
        out, d,
        options.title.empty() ? std::string("Changes between two editions") : options.title);
  } else {
    DiffTextStyle style;
    style.color = use_color(options.color, STDOUT_FILENO);
    write_diff_text(out, d, style);
  }
  return d.empty() ? exit_ok : exit_findings;
}

}  // namespace termgraph::cli
