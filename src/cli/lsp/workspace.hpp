// The files `termgraph lsp` serves, as one vocabulary: every term file of
// the workspace folders (the files `termgraph check FOLDER` reads, in its
// order) and any file opened outside them, each with the text the editor
// holds or, when not open, the text on disk. A change reads again only the
// file that changed (PreparedInput); the vocabulary is then loaded from the
// prepared files and analysed as check analyses it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "protocol.hpp"
#include "termgraph/load.hpp"

namespace termgraph::cli::lsp {

/// One file of the vocabulary.
struct Document {
  std::string path;
  std::string uri;
  Text text;
  /// The editor's version while open.
  std::optional<std::int64_t> version;
  bool open = false;
  /// Read for the current text (valid when `prepared`).
  PreparedInput prepared;
};

class Workspace {
public:
  /// `jobs`: threads for analysis (0: the hardware's).
  explicit Workspace(unsigned jobs) : jobs_(jobs) {}

  /// The workspace folders (absolute paths), scanned for term files, and
  /// the configuration file given by the client (empty: `.termgraph.toml`
  /// found from the first folder as check finds it). Problems of the
  /// configuration go to `log`.
  void set_folders(std::vector<std::string> folders, std::string config, std::ostream& log);
  /// Reads the configuration again (after it changed on disk).
  void reload_config(std::ostream& log);
  /// Whether `path` is the configuration file in use (or would be found).
  bool is_config(const std::string& path) const;

  /// The editor opened `path` with `text`.
  void open(const std::string& path, std::string text, std::int64_t version);
  /// The editor's text of an open file changed; false when it is not open.
  Document* open_document(const std::string& path);
  /// Marks an open document's text as changed (after edits to its Text).
  void changed(Document& doc, std::int64_t version);
  /// The editor closed `path`: the file on disk stands for it again (or it
  /// leaves the vocabulary when it is gone or outside the folders).
  void close(const std::string& path);
  /// The file changed on disk (created, changed or deleted): read again
  /// unless open.
  void disk_changed(const std::string& path);

  /// The document of `path`, or nullptr.
  const Document* find(const std::string& path) const;
  /// The document of the model's file `file` (the current vocabulary).
  const Document* document(FileId file) const;

  /// Whether a change is not analysed yet.
  bool dirty() const { return dirty_; }
  /// Loads and analyses the vocabulary when dirty.
  const LoadResult& analyse();
  /// The last analysis (analyse() first).
  const LoadResult& result() const { return result_; }

  /// The files of the vocabulary, in the order they are loaded.
  const std::vector<std::string>& paths() const { return order_; }

private:
  bool in_folders(const std::string& path) const;
  /// Reads `path` from disk into its document; false when it cannot be
  /// read (then the document is dropped unless open).
  bool read_from_disk(const std::string& path);
  void rebuild_order();

  unsigned jobs_;
  std::vector<std::string> folders_;
  std::string config_given_;
  std::string config_path_;  // the file in use; empty: none
  DiagnosticOptions diagnostic_options_;
  std::map<std::string, Document> documents_;
  std::vector<std::string> order_;  // as check reads them
  bool dirty_ = true;
  LoadResult result_;
  std::vector<const Document*> by_file_;  // the model's FileId → document
};

}  // namespace termgraph::cli::lsp
