// `termgraph lsp`: the server's loop. A reader thread takes messages off
// standard input; this thread answers them in order, and analyses the
// vocabulary again when no message is waiting (a burst of keystrokes is one
// analysis) or when a request needs the answer of the latest text.
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "../commands.hpp"
#include "../config.hpp"
#include "features.hpp"
#include "protocol.hpp"
#include "termgraph/format.hpp"
#include "termgraph/version.hpp"
#include "workspace.hpp"

namespace termgraph::cli {

namespace {

using namespace lsp;
namespace fs = std::filesystem;

/// Messages read by the reader thread, for the server's thread.
class Inbox {
public:
  void push(Frame f) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      frames_.push_back(std::move(f));
    }
    ready_.notify_one();
  }
  Frame pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return !frames_.empty(); });
    Frame f = std::move(frames_.front());
    frames_.pop_front();
    return f;
  }
  bool empty() {
    std::lock_guard<std::mutex> lock(mutex_);
    return frames_.empty();
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Frame> frames_;
};

class Server {
public:
  Server(const LspOptions& options, std::ostream& out, std::ostream& err)
      : options_(options), out_(out), err_(err), workspace_(options.jobs) {
    if (!options.log.empty()) {
      log_.open(options.log, std::ios::binary | std::ios::trunc);
      if (!log_) throw UsageError("cannot write the log '" + options.log + "'");
    }
  }

  /// Runs until `exit` or the end of the input; returns the exit status.
  int run(std::istream& in) {
    // Reading must not flush the output: a stream tied to `out_` (std::cin
    // is tied to std::cout) would flush it from the reader thread while this
    // thread writes, duplicating and cutting messages.
    in.tie(nullptr);
    // The reader shares the inbox: it may outlive this server, blocked
    // reading, when `exit` ends the process.
    std::thread reader([inbox = inbox_, &in] {
      for (;;) {
        Frame f = read_frame(in);
        const bool end = f.end;
        inbox->push(std::move(f));
        if (end) break;
      }
    });
    reader.detach();  // it may be blocked reading when `exit` comes
    for (;;) {
      Frame f = inbox_->pop();
      if (f.end) return shutdown_ ? 0 : 1;
      if (!f.problem.empty()) {
        err_ << "termgraph lsp: skipped " << f.problem << '\n';
        continue;
      }
      if (log_) log_ << "--> " << f.body << '\n';
      handle(f.body);
      if (exit_) return shutdown_ ? 0 : 1;
      if (initialized_ && workspace_.dirty() && inbox_->empty()) publish();
    }
  }

private:
  void send(const json& message) {
    const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
    if (log_) log_ << "<-- " << body << '\n';
    write_frame(out_, body);
  }
  void respond(const json& id, json result) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  }
  void fail(const json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }
  void notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  void handle(const std::string& body) {
    json message = json::parse(body, nullptr, false);
    if (message.is_discarded()) {
      fail(nullptr, parse_error, "the message is not JSON");
      return;
    }
    json id = nullptr;
    const bool has_id = message.is_object() && message.contains("id");
    if (has_id && (message["id"].is_number_integer() || message["id"].is_string())) {
      id = message["id"];
    }
    if (!message.is_object() || !message.contains("method") || !message["method"].is_string() ||
        (message.contains("jsonrpc") && message["jsonrpc"] != "2.0") || (has_id && id.is_null()) ||
        (message.contains("params") && !message["params"].is_object() &&
         !message["params"].is_array())) {
      if (message.is_object() && !message.contains("method") &&
          (message.contains("result") || message.contains("error"))) {
        return;  // a response to a request of ours (none expects an answer)
      }
      fail(id, invalid_request, "not a JSON-RPC request or notification");
      return;
    }
    const std::string method = message["method"];
    const json params = message.value("params", json::object());
    if (!has_id) {
      notification(method, params);
      return;
    }
    try {
      request(id, method, params);
    } catch (const RpcError& e) {
      fail(id, e.code, e.what());
    } catch (const json::exception& e) {
      fail(id, invalid_params, std::string("invalid params: ") + e.what());
    } catch (const std::exception& e) {
      fail(id, internal_error, e.what());
    }
  }

  void request(const json& id, const std::string& method, const json& params) {
    if (shutdown_) throw RpcError(invalid_request, "the server is shut down");
    if (method == "initialize") {
      if (initialize_seen_) throw RpcError(invalid_request, "initialize was sent already");
      respond(id, initialize(params));
      return;
    }
    if (!initialize_seen_) throw RpcError(server_not_initialized, "initialize first");
    if (method == "shutdown") {
      shutdown_ = true;
      respond(id, nullptr);
      return;
    }
    if (!params.is_object()) throw RpcError(invalid_params, "params must be an object");
    if (method == "textDocument/definition") {
      respond(id, with_position(params, [&](const Features& f, const Document& d, std::size_t o) {
                return f.definition(d, o);
              }));
    } else if (method == "textDocument/hover") {
      respond(id, with_position(params, [&](const Features& f, const Document& d, std::size_t o) {
                return f.hover(d, o);
              }));
    } else if (method == "textDocument/completion") {
      respond(id, with_position(params, [&](const Features& f, const Document& d, std::size_t o) {
                return f.completion(d, o);
              }));
    } else if (method == "textDocument/references") {
      const bool declaration =
          params.contains("context") && params["context"].value("includeDeclaration", false);
      respond(id, with_position(params, [&](const Features& f, const Document& d, std::size_t o) {
                return f.references(d, o, declaration);
              }));
    } else if (method == "textDocument/prepareRename") {
      respond(id, with_position(params, [&](const Features& f, const Document& d, std::size_t o) {
                return f.prepare_rename(d, o);
              }));
    } else if (method == "textDocument/rename") {
      if (!params.contains("newName") || !params["newName"].is_string()) {
        throw RpcError(invalid_params, "rename needs newName");
      }
      const std::string name = params["newName"];
      respond(id, with_position(params, [&](const Features& f, const Document& d, std::size_t o) {
                return f.rename(d, o, name);
              }));
    } else if (method == "textDocument/documentSymbol") {
      const Document& d = document(params);
      respond(id, features().symbols(d));
    } else if (method == "textDocument/codeAction") {
      const Document& d = document(params);
      const Features& f = features();
      const json& r = params.at("range");
      const std::size_t begin = *d.text.offset(position_of(r.at("start")), encoding_);
      const std::size_t end = *d.text.offset(position_of(r.at("end")), encoding_);
      respond(id, f.code_actions(d, begin, end));
    } else {
      throw RpcError(method_not_found, "no method '" + method + "'");
    }
  }

  void notification(const std::string& method, const json& params) {
    if (method == "exit") {
      exit_ = true;
      return;
    }
    if (!initialize_seen_ || shutdown_) return;
    if (!params.is_object()) return;
    try {
      if (method == "initialized") {
        initialized_ = true;
        if (watch_files_) register_watchers();
        publish();
      } else if (method == "textDocument/didOpen") {
        const json& doc = params.at("textDocument");
        const std::optional<std::string> path = uri_to_path(doc.at("uri").get<std::string>());
        if (!path) return;
        workspace_.open(*path, doc.at("text").get<std::string>(), doc.value("version", 0));
      } else if (method == "textDocument/didChange") {
        did_change(params);
      } else if (method == "textDocument/didClose") {
        if (auto path = uri_to_path(params.at("textDocument").at("uri").get<std::string>())) {
          workspace_.close(*path);
        }
      } else if (method == "workspace/didChangeWatchedFiles") {
        for (const json& change : params.at("changes")) {
          const auto path = uri_to_path(change.at("uri").get<std::string>());
          if (!path) continue;
          if (workspace_.is_config(*path)) {
            workspace_.reload_config(err_);
          } else {
            workspace_.disk_changed(*path);
          }
        }
      }
      // didSave, $/cancelRequest, $/setTrace and others: nothing to do.
    } catch (const json::exception& e) {
      err_ << "termgraph lsp: ignored " << method << ": " << e.what() << '\n';
    }
  }

  void did_change(const json& params) {
    const json& id = params.at("textDocument");
    const auto path = uri_to_path(id.at("uri").get<std::string>());
    Document* doc = path ? workspace_.open_document(*path) : nullptr;
    if (!doc) {
      err_ << "termgraph lsp: a change to a document that is not open was ignored\n";
      return;
    }
    for (const json& change : params.at("contentChanges")) {
      const std::string text = change.at("text");
      if (change.contains("range")) {
        const json& r = change["range"];
        const std::size_t begin = *doc->text.offset(position_of(r.at("start")), encoding_);
        const std::size_t end = *doc->text.offset(position_of(r.at("end")), encoding_);
        doc->text.replace(begin, std::max(begin, end), text);
      } else {
        doc->text = Text(text);
      }
    }
    workspace_.changed(*doc, id.value("version", doc->version.value_or(0)));
  }

  json initialize(const json& params) {
    initialize_seen_ = true;
    // utf-8 when the client offers it (no conversion), else utf-16, the
    // protocol's default.
    encoding_ = Encoding::utf16;
    if (params.contains("capabilities")) {
      const json& caps = params["capabilities"];
      if (caps.contains("general") && caps["general"].contains("positionEncodings")) {
        for (const json& e : caps["general"]["positionEncodings"]) {
          if (e == "utf-8") encoding_ = Encoding::utf8;
        }
      }
    }
    if (params.contains("capabilities")) {
      const json& caps = params["capabilities"];
      watch_files_ = caps.contains("workspace") && caps["workspace"].is_object() &&
                     caps["workspace"].contains("didChangeWatchedFiles") &&
                     caps["workspace"]["didChangeWatchedFiles"].is_object() &&
                     caps["workspace"]["didChangeWatchedFiles"].value("dynamicRegistration", false);
    }
    std::vector<std::string> folders;
    auto add_folder = [&](const json& uri) {
      if (!uri.is_string()) return;
      if (auto path = uri_to_path(uri.get<std::string>())) {
        while (path->size() > 1 && path->back() == '/') path->pop_back();
        folders.push_back(*path);
      }
    };
    if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array()) {
      for (const json& f : params["workspaceFolders"]) {
        if (f.is_object()) add_folder(f.value("uri", json()));
      }
    }
    if (folders.empty() && params.contains("rootUri")) add_folder(params["rootUri"]);
    if (folders.empty() && params.contains("rootPath") && params["rootPath"].is_string()) {
      folders.push_back(params["rootPath"].get<std::string>());
    }
    std::string config;
    if (params.contains("initializationOptions") && params["initializationOptions"].is_object()) {
      config = params["initializationOptions"].value("config", std::string());
    }
    workspace_.set_folders(std::move(folders), std::move(config), err_);
    return {{"capabilities",
             {{"positionEncoding", encoding_ == Encoding::utf8 ? "utf-8" : "utf-16"},
              {"textDocumentSync",
               {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
              {"definitionProvider", true},
              {"hoverProvider", true},
              {"referencesProvider", true},
              {"documentSymbolProvider", true},
              {"completionProvider", {{"triggerCharacters", {"(", "."}}}},
              {"renameProvider", {{"prepareProvider", true}}},
              {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
              {"workspace", {{"workspaceFolders", {{"supported", true}}}}}}},
            {"serverInfo", {{"name", "termgraph"}, {"version", TERMGRAPH_VERSION_STRING}}}};
  }

  /// Asks the client to tell of term files and configuration files that
  /// change on disk (workspace/didChangeWatchedFiles).
  void register_watchers() {
    json watchers = json::array();
    for (const FormatInfo& f : formats()) {
      if (!f.can_read) continue;
      for (std::string_view ext : f.extensions) {
        watchers.push_back({{"globPattern", "**/*" + std::string(ext)}});
      }
    }
    watchers.push_back({{"globPattern", std::string("**/") + config_file_name}});
    send({{"jsonrpc", "2.0"},
          {"id", "termgraph-watch"},
          {"method", "client/registerCapability"},
          {"params",
           {{"registrations",
             {{{"id", "termgraph-files"},
               {"method", "workspace/didChangeWatchedFiles"},
               {"registerOptions", {{"watchers", watchers}}}}}}}}});
  }

  static Position position_of(const json& p) {
    const auto line = p.at("line").get<std::int64_t>();
    const auto character = p.at("character").get<std::int64_t>();
    if (line < 0 || character < 0 || line > UINT32_MAX || character > UINT32_MAX) {
      throw RpcError(invalid_params, "a position out of range");
    }
    return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(character)};
  }

  /// The document a request names: open, or a file of the vocabulary.
  const Document& document(const json& params) {
    if (!params.contains("textDocument") || !params["textDocument"].is_object() ||
        !params["textDocument"].contains("uri") || !params["textDocument"]["uri"].is_string()) {
      throw RpcError(invalid_params, "textDocument.uri is missing");
    }
    const std::string uri = params["textDocument"]["uri"];
    const auto path = uri_to_path(uri);
    const Document* d = path ? workspace_.find(*path) : nullptr;
    if (!d) throw RpcError(invalid_params, "'" + uri + "' is not a file of the vocabulary");
    return *d;
  }

  /// The features of the latest text (analysed now when it changed).
  const Features& features() {
    if (workspace_.dirty() || !features_) {
      workspace_.analyse();
      features_ = std::make_unique<Features>(workspace_, workspace_.result(), encoding_);
    }
    return *features_;
  }

  template <class Answer>
  json with_position(const json& params, Answer answer) {
    const Features& f = features();
    const Document& d = document(params);
    if (!params.contains("position")) throw RpcError(invalid_params, "position is missing");
    const std::optional<std::size_t> offset =
        d.text.offset(position_of(params["position"]), encoding_, true);
    if (!offset) throw RpcError(invalid_params, "the position is outside the document");
    return answer(f, d, *offset);
  }

  /// Analyses and publishes the diagnostics that changed (an empty list for
  /// a file that left the vocabulary).
  void publish() {
    const Features& f = features();
    std::map<std::string, json> now = f.diagnostics();
    for (auto& [uri, params] : now) {
      auto it = published_.find(uri);
      if (it != published_.end() && it->second == params) continue;
      notify("textDocument/publishDiagnostics", params);
    }
    for (const auto& [uri, params] : published_) {
      if (!now.count(uri)) {
        notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
      }
    }
    published_ = std::move(now);
  }

  LspOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  std::ofstream log_;
  std::shared_ptr<Inbox> inbox_ = std::make_shared<Inbox>();
  Workspace workspace_;
  std::unique_ptr<Features> features_;
  std::map<std::string, json> published_;
  Encoding encoding_ = Encoding::utf16;
  bool initialize_seen_ = false;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exit_ = false;
  bool watch_files_ = false;  // the client registers file watchers on request
};

}  // namespace

int run_lsp(const LspOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  std::ios::sync_with_stdio(false);
  Server server(options, out, err);
  return server.run(in);
}

}  // namespace termgraph::cli
