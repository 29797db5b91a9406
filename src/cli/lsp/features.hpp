// What `termgraph lsp` answers about an analysed vocabulary: diagnostics,
// definition, hover, completion, references, rename, document symbols and
// code actions, as LSP JSON. Built once per analysis: it indexes where
// every reference and every entry number stands in the bytes of its file.
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "protocol.hpp"
#include "termgraph/load.hpp"
#include "workspace.hpp"

namespace termgraph::cli::lsp {

using json = nlohmann::json;

/// A request that cannot be answered: the error response's code and message.
struct RpcError : std::runtime_error {
  RpcError(int code, const std::string& message) : std::runtime_error(message), code(code) {}
  int code;
};

class Features {
public:
  /// `workspace` and its analysis `result` must outlive this.
  Features(const Workspace& workspace, const LoadResult& result, Encoding encoding);

  /// The publishDiagnostics params of every file of the vocabulary, by URI.
  std::map<std::string, json> diagnostics() const;

  // Each takes the document and a byte offset in it.
  json definition(const Document& doc, std::size_t offset) const;
  json hover(const Document& doc, std::size_t offset) const;
  json completion(const Document& doc, std::size_t offset) const;
  json references(const Document& doc, std::size_t offset, bool declaration) const;
  json prepare_rename(const Document& doc, std::size_t offset) const;
  /// Throws RpcError when `new_number` is not a number or is taken.
  json rename(const Document& doc, std::size_t offset, const std::string& new_number) const;
  json symbols(const Document& doc) const;
  /// Quick fixes of the findings in bytes [begin, end] of `doc`.
  json code_actions(const Document& doc, std::size_t begin, std::size_t end) const;

private:
  /// A reference where it stands: bytes [begin, end) of its file.
  struct RefSpan {
    FileId file;
    std::size_t begin, end;
    const Reference* reference;
    EntryId citing;
  };
  /// Where an entry stands, its head (before its first term or text) and
  /// the number in it ([number_begin, number_end), equal when not found).
  struct EntrySpan {
    FileId file;
    std::size_t begin, end, head_end, number_begin, number_end;
  };

  FileId file_of(const Document& doc) const;
  const Document* doc(FileId file) const { return workspace_.document(file); }
  json position(const Document& d, std::size_t offset) const;
  json range(const Document& d, std::size_t begin, std::size_t end) const;
  json range(const SourceRange& r) const;
  json location(const SourceRange& r) const;
  const RefSpan* reference_at(FileId file, std::size_t offset) const;
  /// The entry whose number stands at `offset`, or no_entry.
  EntryId number_at(FileId file, std::size_t offset) const;
  /// The entry a position names: the target of a reference there, or the
  /// entry whose number is there.
  EntryId entry_at(FileId file, std::size_t offset, std::size_t* begin, std::size_t* end) const;
  std::string entry_markdown(EntryId id) const;
  std::string label(EntryId id) const;
  json edits(const std::vector<Edit>& edits) const;

  const Workspace& workspace_;
  const LoadResult& result_;
  const Vocabulary& vocabulary_;
  Encoding encoding_;
  std::vector<std::vector<RefSpan>> refs_;  // per file, by begin
  std::vector<EntrySpan> entries_;          // by EntryId
};

}  // namespace termgraph::cli::lsp
