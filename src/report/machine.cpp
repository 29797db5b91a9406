// What the machine-readable reports share: file names and fingerprints.
#include "report/machine.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>

namespace termgraph::report {

namespace fs = std::filesystem;

namespace {

fs::path absolute_normal(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  if (ec) a = p;
  return a.lexically_normal();
}

}  // namespace

PathNamer::PathNamer(const std::string& base_directory) {
  std::error_code ec;
  const fs::path base = base_directory.empty() ? fs::current_path(ec) : fs::path(base_directory);
  base_ = absolute_normal(base).generic_string();
}

const ReportPath& PathNamer::name(const Vocabulary& vocabulary, FileId file) {
  auto it = names_.find(file);
  if (it != names_.end()) return it->second;
  const auto& files = vocabulary.files();
  ReportPath name;
  const std::string given = file < files.size() ? files[file] : std::string();
  if (!given.empty()) {
    const fs::path absolute = absolute_normal(given);
    const fs::path relative = absolute.lexically_relative(base_);
    const std::string r = relative.generic_string();
    if (!r.empty() && r != "." && r.rfind("..", 0) != 0) {
      name.path = r;
      name.relative = true;
    } else {
      name.path = absolute.generic_string();
    }
  }
  return names_.emplace(file, std::move(name)).first->second;
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string Fingerprints::next(const Vocabulary& vocabulary, const Diagnostic& d,
                               std::string_view path) {
  // Fields separated by a byte none of them holds.
  std::string key(d.rule_id());
  key += '\x1f';
  for (EntryId e : d.entries) {
    if (e < vocabulary.size()) key += vocabulary[e].number;
    key += '\x1e';
  }
  key += '\x1f';
  key += d.message;
  key += '\x1f';
  key += path;
  const std::size_t occurrence = seen_[key]++;
  if (occurrence > 0) {
    key += '\x1f';
    key += std::to_string(occurrence);
  }
  static constexpr char digits[] = "0123456789abcdef";
  std::uint64_t h = fnv1a(key);
  std::string hex(16, '0');
  for (std::size_t i = 16; i-- > 0; h >>= 4) hex[i] = digits[h & 0xFU];
  return hex;
}

}  // namespace termgraph::report
