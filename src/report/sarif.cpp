// The SARIF 2.1.0 log of diagnostics (OASIS SARIF v2.1.0): one run, every
// rule of the catalogue, one result per diagnostic.
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/machine.hpp"
#include "termgraph/report.hpp"
#include "termgraph/rules.hpp"
#include "termgraph/version.hpp"

#ifndef TERMGRAPH_DOCS_URL
#error "TERMGRAPH_DOCS_URL must be defined by the build (CMake variable TERMGRAPH_DOCS_URL)"
#endif

namespace termgraph {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view schema_uri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view base_id = "SRCROOT";

/// "error", "warning", "note".
std::string level_of(Severity s) {
  return std::string(to_string(s));
}

std::string level_of(Level l) {
  switch (l) {
    case Level::error:
      return "error";
    case Level::warning:
      return "warning";
    case Level::note:
      return "note";
    case Level::off:
      break;
  }
  return "none";
}

/// "dangling-reference" -> "DanglingReference": SARIF's reportingDescriptor
/// name, an identifier readable by people.
std::string camel_case(std::string_view id) {
  std::string name;
  bool upper = true;
  for (const char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return name;
}

/// `path` as a URI reference: '/'-separated segments with every byte
/// outside RFC 3986's unreserved characters and '/' percent-encoded.
std::string uri_encode(std::string_view path) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 0xFU];
    }
  }
  return out;
}

/// An absolute path as a file URI.
std::string file_uri(std::string_view absolute) {
  std::string uri = "file://";
  if (absolute.empty() || absolute.front() != '/') uri += '/';
  return uri + uri_encode(absolute);
}

class SarifBuilder {
public:
  SarifBuilder(const Vocabulary& vocabulary, const ReportOptions& options)
      : vocabulary_(vocabulary), paths_(options.base_directory) {}

  /// The absolute directory relative paths start from.
  const std::string& base_directory() const { return paths_.base(); }

  Json artifact(FileId file) {
    const report::ReportPath& name = paths_.name(vocabulary_, file);
    Json j;
    if (name.relative) {
      j["uri"] = uri_encode(name.path);
      j["uriBaseId"] = std::string(base_id);
    } else {
      j["uri"] = file_uri(name.path);
    }
    return j;
  }

  /// A region; nullopt-like empty object when the range has no line.
  static Json region(const SourceRange& range) {
    Json j = Json::object();
    if (!range.known()) return j;
    j["startLine"] = range.line;
    if (range.column > 0) j["startColumn"] = range.column;
    if (range.end_line >= range.line) {
      j["endLine"] = range.end_line;
      if (range.end_column > 0 &&
          (range.end_line > range.line || range.end_column > range.column)) {
        j["endColumn"] = range.end_column;
      }
    }
    return j;
  }

  Json physical(const SourceRange& range) {
    Json j;
    j["artifactLocation"] = artifact(range.file);
    Json r = region(range);
    if (!r.empty()) j["region"] = std::move(r);
    return j;
  }

  Json result(const Diagnostic& d) {
    Json j;
    if (d.rule) {
      j["ruleId"] = std::string(d.rule->id);
      j["ruleIndex"] = static_cast<std::size_t>(d.rule->code);
    }
    j["level"] = level_of(d.severity);
    j["message"] = {{"text", d.message}};
    Json location;
    location["physicalLocation"] = physical(d.range);
    j["locations"] = Json::array({std::move(location)});
    if (!d.related.empty()) {
      Json related = Json::array();
      for (std::size_t i = 0; i < d.related.size(); ++i) {
        Json r;
        r["id"] = i;
        r["physicalLocation"] = physical(d.related[i].range);
        r["message"] = {{"text", d.related[i].message}};
        related.push_back(std::move(r));
      }
      j["relatedLocations"] = std::move(related);
    }
    const std::string& path = paths_.name(vocabulary_, d.range.file).path;
    j["partialFingerprints"] = {{"termgraphFinding/v1", fingerprints_.next(vocabulary_, d, path)}};
    if (!d.fixes.empty()) j["fixes"] = fixes(d);
    Json properties = Json::object();
    if (!d.entries.empty()) {
      Json entries = Json::array();
      for (EntryId e : d.entries) {
        entries.push_back(e < vocabulary_.size() ? std::string(vocabulary_[e].number)
                                                 : std::string());
      }
      properties["entries"] = std::move(entries);
    }
    if (!d.target.empty()) properties["target"] = d.target;
    if (!properties.empty()) j["properties"] = std::move(properties);
    return j;
  }

private:
  /// The fixes of `d`: per fix, one artifactChange per file it edits (in
  /// the order the files first appear), each with its replacements.
  Json fixes(const Diagnostic& d) {
    Json list = Json::array();
    for (const Fix& fix : d.fixes) {
      Json changes = Json::array();
      std::vector<FileId> files;
      for (const Edit& edit : fix.edits) {
        std::size_t k = 0;
        while (k < files.size() && files[k] != edit.range.file) ++k;
        if (k == files.size()) {
          files.push_back(edit.range.file);
          Json change;
          change["artifactLocation"] = artifact(edit.range.file);
          change["replacements"] = Json::array();
          changes.push_back(std::move(change));
        }
        Json replacement;
        Json deleted;
        deleted["startLine"] = edit.range.line;
        deleted["startColumn"] = edit.range.column;
        deleted["endLine"] = edit.range.end_line;
        deleted["endColumn"] = edit.range.end_column;
        replacement["deletedRegion"] = std::move(deleted);
        if (!edit.replacement.empty()) {
          replacement["insertedContent"] = {{"text", edit.replacement}};
        }
        changes[k]["replacements"].push_back(std::move(replacement));
      }
      Json j;
      j["description"] = {{"text", fix.message}};
      j["artifactChanges"] = std::move(changes);
      list.push_back(std::move(j));
    }
    return list;
  }

  const Vocabulary& vocabulary_;
  report::PathNamer paths_;
  report::Fingerprints fingerprints_;
};

Json rule_descriptor(const Rule& rule, std::string_view docs) {
  Json j;
  j["id"] = std::string(rule.id);
  j["name"] = camel_case(rule.id);
  j["shortDescription"] = {{"text", std::string(rule.summary)}};
  j["helpUri"] = std::string(docs) + std::string(rule.anchor);
  Json configuration;
  configuration["enabled"] = rule.iso != Level::off || rule.termbase != Level::off;
  configuration["level"] = level_of(rule.severity);
  j["defaultConfiguration"] = std::move(configuration);
  j["properties"] = {
      {"profiles", {{"iso", level_of(rule.iso)}, {"termbase", level_of(rule.termbase)}}}};
  return j;
}

}  // namespace

std::string_view default_docs_uri() noexcept {
  return TERMGRAPH_DOCS_URL;
}

SarifDiagnosticWriter::SarifDiagnosticWriter(std::ostream& out, ReportOptions options)
    : out_(out), options_(std::move(options)) {}

void SarifDiagnosticWriter::begin(const Vocabulary& vocabulary) {
  vocabulary_ = &vocabulary;
  diagnostics_.clear();
}

void SarifDiagnosticWriter::handle(const Diagnostic& diagnostic) {
  diagnostics_.push_back(diagnostic);
}

void SarifDiagnosticWriter::end() {
  static const Vocabulary none;
  const Vocabulary& vocabulary = vocabulary_ ? *vocabulary_ : none;
  std::string docs =
      options_.docs_uri.empty() ? std::string(default_docs_uri()) : options_.docs_uri;
  if (!docs.empty() && docs.back() != '/') docs += '/';

  Json rules_json = Json::array();
  for (const Rule* rule : rules::all()) rules_json.push_back(rule_descriptor(*rule, docs));
  Json driver;
  driver["name"] = "termgraph";
  driver["version"] = TERMGRAPH_VERSION_STRING;
  driver["semanticVersion"] = TERMGRAPH_VERSION_STRING;
  driver["informationUri"] = docs + "cli.md";
  driver["rules"] = std::move(rules_json);

  SarifBuilder builder(vocabulary, options_);
  Json results = Json::array();
  for (const Diagnostic& d : diagnostics_) results.push_back(builder.result(d));

  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  std::string base_uri = file_uri(builder.base_directory());
  if (base_uri.back() != '/') base_uri += '/';
  run["originalUriBaseIds"] = {{std::string(base_id), {{"uri", base_uri}}}};
  run["results"] = std::move(results);
  run["columnKind"] = "unicodeCodePoints";

  Json log;
  log["$schema"] = std::string(schema_uri);
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  // Invalid UTF-8 in an input's text must not make the log fail.
  out_ << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  diagnostics_.clear();
}

}  // namespace termgraph
