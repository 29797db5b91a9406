// The files `termgraph lsp` serves and their vocabulary (workspace.hpp).
#include "workspace.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "../commands.hpp"
#include "../config.hpp"
#include "termgraph/format.hpp"

namespace termgraph::cli::lsp {

namespace fs = std::filesystem;

namespace {

/// Whether `path` has the extension of a format termgraph reads (the files
/// `termgraph check DIR` picks from a directory).
bool term_extension(const std::string& path) {
  const std::string name = fs::path(path).filename().string();
  for (const FormatInfo& f : formats()) {
    if (!f.can_read) continue;
    for (std::string_view ext : f.extensions) {
      if (name.size() > ext.size() &&
          name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
        return true;
      }
    }
  }
  return false;
}

/// The term files under `folder`, as check's directory scan finds them:
/// recursively, symbolic links to directories not followed.
std::vector<std::string> scan(const std::string& folder) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code fec;
    if (it->is_regular_file(fec) && term_extension(it->path().string())) {
      found.push_back(it->path().generic_string());
    }
  }
  return found;
}

bool read_file(const std::string& path, std::string& content) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  content = s.str();
  return true;
}

/// True when `path` is `folder` or inside it.
bool within(const std::string& path, const std::string& folder) {
  if (path.size() <= folder.size() || path.compare(0, folder.size(), folder) != 0) return false;
  return folder.back() == '/' || path[folder.size()] == '/';
}

}  // namespace

void Workspace::set_folders(std::vector<std::string> folders, std::string config,
                            std::ostream& log) {
  folders_ = std::move(folders);
  config_given_ = std::move(config);
  for (const std::string& folder : folders_) {
    for (const std::string& path : scan(folder)) {
      if (!documents_.count(path)) read_from_disk(path);
    }
  }
  reload_config(log);
  rebuild_order();
}

void Workspace::reload_config(std::ostream& log) {
  RuleOptions rules;
  rules.config = config_given_;
  std::vector<std::string> inputs = folders_;
  if (inputs.empty() && !order_.empty()) inputs.push_back(order_.front());
  config_path_ = config_given_.empty() ? find_config(inputs) : config_given_;
  try {
    diagnostic_options_ = diagnostic_options(rules, inputs, log);
  } catch (const ReportedFailure&) {
    log << "termgraph lsp: the configuration '" << config_path_
        << "' has errors; the default rules apply\n";
    diagnostic_options_ = DiagnosticOptions{};
  } catch (const std::exception& e) {
    log << "termgraph lsp: " << e.what() << "; the default rules apply\n";
    diagnostic_options_ = DiagnosticOptions{};
  }
  dirty_ = true;
}

bool Workspace::is_config(const std::string& path) const {
  if (!config_path_.empty() && fs::path(path) == fs::path(config_path_)) return true;
  return config_given_.empty() && fs::path(path).filename() == config_file_name;
}

bool Workspace::in_folders(const std::string& path) const {
  return std::any_of(folders_.begin(), folders_.end(),
                     [&](const std::string& f) { return within(path, f); });
}

bool Workspace::read_from_disk(const std::string& path) {
  std::string content;
  if (!read_file(path, content)) {
    documents_.erase(path);
    return false;
  }
  Document& doc = documents_[path];
  if (doc.prepared && doc.text.str() == content) return true;  // nothing new
  doc.path = path;
  doc.uri = path_to_uri(path);
  doc.text = Text(std::move(content));
  doc.prepared = PreparedInput();
  return true;
}

void Workspace::rebuild_order() {
  std::vector<std::pair<std::size_t, std::string>> keyed;
  for (const auto& [path, doc] : documents_) {
    std::size_t folder = folders_.size();
    for (std::size_t i = 0; i < folders_.size(); ++i) {
      if (within(path, folders_[i])) {
        folder = i;
        break;
      }
    }
    keyed.emplace_back(folder, path);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::string> order;
  for (auto& k : keyed) order.push_back(std::move(k.second));
  if (order != order_) dirty_ = true;
  order_ = std::move(order);
}

void Workspace::open(const std::string& path, std::string text, std::int64_t version) {
  Document& doc = documents_[path];
  doc.path = path;
  doc.uri = path_to_uri(path);
  if (!doc.prepared || doc.text.str() != text) {
    doc.text = Text(std::move(text));
    doc.prepared = PreparedInput();
  }
  doc.open = true;
  doc.version = version;
  dirty_ = true;
  rebuild_order();
}

Document* Workspace::open_document(const std::string& path) {
  auto it = documents_.find(path);
  return it != documents_.end() && it->second.open ? &it->second : nullptr;
}

void Workspace::changed(Document& doc, std::int64_t version) {
  doc.version = version;
  doc.prepared = PreparedInput();
  dirty_ = true;
}

void Workspace::close(const std::string& path) {
  auto it = documents_.find(path);
  if (it == documents_.end()) return;
  it->second.open = false;
  it->second.version.reset();
  // The file on disk stands for it again; one that is gone, or that is not
  // a term file of a folder, leaves the vocabulary.
  if (!in_folders(path) || !term_extension(path) || !read_from_disk(path)) documents_.erase(path);
  dirty_ = true;
  rebuild_order();
}

void Workspace::disk_changed(const std::string& path) {
  auto it = documents_.find(path);
  if (it != documents_.end() && it->second.open) return;  // the editor's text wins
  if (it != documents_.end() || (in_folders(path) && term_extension(path))) {
    if (!read_from_disk(path)) documents_.erase(path);
    dirty_ = true;
  }
  rebuild_order();
}

const Document* Workspace::find(const std::string& path) const {
  auto it = documents_.find(path);
  return it == documents_.end() ? nullptr : &it->second;
}

const Document* Workspace::document(FileId file) const {
  return file < by_file_.size() ? by_file_[file] : nullptr;
}

const LoadResult& Workspace::analyse() {
  if (!dirty_) return result_;
  LoadOptions options;
  options.analysis.diagnostics = diagnostic_options_;
  options.analysis.threads = jobs_;
  std::vector<PreparedInput> inputs;
  inputs.reserve(order_.size());
  by_file_.clear();
  for (std::size_t i = 0; i < order_.size(); ++i) {
    Document& doc = documents_.at(order_[i]);
    // Only a file whose text changed (or that moved in the order) is read
    // again.
    if (!doc.prepared || doc.prepared.position() != i) {
      std::error_code ec;
      const bool on_disk = fs::is_regular_file(doc.path, ec);
      doc.prepared = prepare_input({doc.path, doc.text.str(), on_disk}, i, options);
    }
    inputs.push_back(doc.prepared);
    by_file_.push_back(&doc);
  }
  result_ = inputs.empty() ? LoadResult{} : load_prepared(inputs, options);
  dirty_ = false;
  return result_;
}

}  // namespace termgraph::cli::lsp
