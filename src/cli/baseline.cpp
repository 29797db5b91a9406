// Baselines: writing today's findings, reading them back, and hiding the
// findings they accept (multiset matching).
#include "baseline.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.hpp"

namespace termgraph::cli {

namespace {

constexpr int baseline_version = 1;

std::string system_reason() {
  return std::strerror(errno);
}

}  // namespace

BaselineKey baseline_key(const LoadResult& result, const Diagnostic& d) {
  BaselineKey key;
  key.rule = std::string(d.rule_id());
  const auto& files = result.vocabulary.files();
  if (d.range.file < files.size()) key.file = files[d.range.file];
  for (EntryId e : d.entries) {
    if (e < result.vocabulary.size()) key.entries.emplace_back(result.vocabulary[e].number);
  }
  key.message = d.message;
  return key;
}

std::string baseline_json(const LoadResult& result) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Diagnostic& d : result.diagnostics) {
    BaselineKey key = baseline_key(result, d);
    nlohmann::ordered_json f;
    f["rule"] = key.rule;
    f["file"] = key.file;
    f["entries"] = key.entries;
    f["message"] = key.message;
    findings.push_back(std::move(f));
  }
  nlohmann::ordered_json doc;
  doc["version"] = baseline_version;
  doc["tool"] = "termgraph";
  doc["findings"] = std::move(findings);
  // Text that is not valid UTF-8 is written as U+FFFD rather than failing.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Baseline read_baseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read baseline '" + path + "': " + system_reason());
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw UsageError("cannot read baseline '" + path + "': " + system_reason());
  auto fail = [&](const std::string& what) {
    return UsageError("baseline '" + path + "' is not a termgraph baseline: " + what);
  };
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    // "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
    std::string what = e.what();
    const std::size_t at = what.find("] ");
    if (at != std::string::npos) what = what.substr(at + 2);
    throw fail("invalid JSON: " + what);
  }
  if (!doc.is_object()) throw fail("the document is not a JSON object");
  const auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer()) throw fail("no \"version\" number");
  if (*version != baseline_version) {
    throw fail("version " + version->dump() + " is not one this termgraph reads (1)");
  }
  const auto findings = doc.find("findings");
  if (findings == doc.end() || !findings->is_array()) throw fail("no \"findings\" array");
  Baseline baseline;
  std::size_t index = 0;
  for (const nlohmann::json& f : *findings) {
    const std::string where = "findings[" + std::to_string(index++) + "]";
    if (!f.is_object()) throw fail(where + " is not an object");
    BaselineKey key;
    for (auto [name, field] : {std::pair{"rule", &key.rule}, std::pair{"file", &key.file},
                               std::pair{"message", &key.message}}) {
      const auto it = f.find(name);
      if (it == f.end() || !it->is_string()) {
        throw fail(where + " has no \"" + std::string(name) + "\" string");
      }
      *field = it->get<std::string>();
    }
    const auto entries = f.find("entries");
    if (entries == f.end() || !entries->is_array()) {
      throw fail(where + " has no \"entries\" array");
    }
    for (const nlohmann::json& e : *entries) {
      if (!e.is_string()) throw fail(where + ": \"entries\" holds something else than strings");
      key.entries.push_back(e.get<std::string>());
    }
    ++baseline[std::move(key)];
  }
  return baseline;
}

std::size_t apply_baseline(LoadResult& result, Baseline baseline) {
  std::size_t hidden = 0;
  std::vector<Diagnostic>& all = result.diagnostics;
  std::vector<bool> drop(all.size(), false);
  for (std::size_t i = 0; i < all.size(); ++i) {
    auto it = baseline.find(baseline_key(result, all[i]));
    if (it == baseline.end() || it->second == 0) continue;
    --it->second;
    drop[i] = true;
    ++hidden;
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (drop[i]) continue;
    if (out != i) all[out] = std::move(all[i]);
    ++out;
  }
  all.erase(all.begin() + static_cast<std::ptrdiff_t>(out), all.end());
  return hidden;
}

void write_file_atomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  // A symbolic link stays one: its target is replaced.
  std::error_code ec;
  fs::path target = path;
  if (fs::is_symlink(fs::symlink_status(path, ec))) {
    target = fs::weakly_canonical(path, ec);
    if (ec) throw UsageError("cannot write '" + path + "': " + ec.message());
  }
  fs::path dir = target.parent_path();
  std::string temp = (dir.empty() ? fs::path(".") : dir).string() + "/." +
                     target.filename().string() + ".termgraph-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw UsageError("cannot write '" + path + "': " + system_reason());
  auto abandon = [&](const std::string& reason) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw UsageError("cannot write '" + path + "': " + reason);
  };
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) {
    if (::fchmod(fd, st.st_mode & 07777) != 0) abandon(system_reason());
  } else {
    // A new file: the permissions the umask leaves of 0666, as any other.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) abandon(system_reason());
  }
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon(system_reason());
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) abandon(system_reason());
  if (::close(fd) != 0) {
    const std::string reason = system_reason();
    ::unlink(temp.c_str());
    throw UsageError("cannot write '" + path + "': " + reason);
  }
  if (std::rename(temp.c_str(), target.c_str()) != 0) {
    const std::string reason = system_reason();
    ::unlink(temp.c_str());
    throw UsageError("cannot write '" + path + "': " + reason);
  }
}

}  // namespace termgraph::cli
