// `termgraph index`: alphabetical indexes, as ISO vocabularies end with
// them: every designation of a language in its collation order, with the
// number of its entry.
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "read_vocabulary.hpp"
#include "termgraph/alphabetical.hpp"

namespace termgraph::cli {

namespace {

/// The indexes `options` asks for: the one of --lang, or one per language.
/// Indexes without a line are left out.
std::vector<AlphabeticalIndex> indexes_of(const Vocabulary& vocabulary,
                                          const IndexOptions& options) {
  std::vector<AlphabeticalIndex> indexes;
  if (!options.language.empty()) {
    AlphabeticalIndex index;
    index.language = options.language;
    index.lines = alphabetical_index(vocabulary, options.language);
    if (!index.lines.empty()) indexes.push_back(std::move(index));
    return indexes;
  }
  for (AlphabeticalIndex& index : alphabetical_indexes(vocabulary)) {
    if (!index.lines.empty()) indexes.push_back(std::move(index));
  }
  return indexes;
}

/// "term  3.30", and " (deprecated)" after the number of a deprecated term.
void write_text(std::ostream& out, const Vocabulary& vocabulary,
                const std::vector<AlphabeticalIndex>& indexes, bool headings) {
  bool first = true;
  for (const AlphabeticalIndex& index : indexes) {
    if (headings) {
      if (!first) out << '\n';
      out << '[' << index.language << "]\n";
    }
    first = false;
    for (const IndexLine& line : index.lines) {
      out << line.term << "  " << vocabulary[line.entry].number;
      if (line.designation->status == Status::deprecated) out << " (deprecated)";
      out << '\n';
    }
  }
}

void write_json(std::ostream& out, const Vocabulary& vocabulary,
                const std::vector<AlphabeticalIndex>& indexes, const IndexOptions& options) {
  nlohmann::ordered_json doc;
  doc["version"] = 1;
  doc["language"] = options.language;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const AlphabeticalIndex& index : indexes) {
    nlohmann::ordered_json lines = nlohmann::ordered_json::array();
    for (const IndexLine& line : index.lines) {
      const Entry& entry = vocabulary[line.entry];
      nlohmann::ordered_json l;
      l["term"] = std::string(line.term);
      l["number"] = std::string(entry.number);
      l["numbered"] = entry.numbered;
      l["status"] = std::string(to_string(line.designation->status));
      l["kind"] = std::string(to_string(line.designation->kind));
      l["language"] = std::string(line.section->language);
      lines.push_back(std::move(l));
    }
    nlohmann::ordered_json i;
    i["language"] = index.language;
    i["lines"] = std::move(lines);
    list.push_back(std::move(i));
  }
  doc["indexes"] = std::move(list);
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

/// "termgraph: no term in language 'L'" and the languages there are.
void report_no_language(const Vocabulary& vocabulary, const std::string& language,
                        std::ostream& err) {
  err << "termgraph: no term in language '" << language << "'\n";
  std::string present;
  for (const std::string& tag : languages(vocabulary)) {
    if (!present.empty()) present += ", ";
    present += tag;
  }
  if (!present.empty()) err << "the vocabulary's languages: " << present << '\n';
}

}  // namespace

int run_index(const IndexOptions& options, std::ostream& out, std::ostream& err) {
  const std::optional<LoadResult> loaded =
      read_vocabulary(options.vocab, options.diagnostics, "index", err);
  if (!loaded) return exit_usage;
  const Vocabulary& vocabulary = loaded->vocabulary;
  const std::vector<AlphabeticalIndex> indexes = indexes_of(vocabulary, options);
  if (options.format == "json") {
    write_json(out, vocabulary, indexes, options);
  } else {
    write_text(out, vocabulary, indexes, options.language.empty());
  }
  if (indexes.empty() && !options.language.empty()) {
    report_no_language(vocabulary, options.language, err);
    return exit_findings;
  }
  return exit_ok;
}

}  // namespace termgraph::cli
