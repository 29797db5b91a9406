// Internal: a string arena. Strings are copied once into large chunks and
// handed out as string_views that stay valid as long as the arena lives
// (chunks never move).
#pragma once

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace termgraph {

class StringArena {
public:
  StringArena() = default;
  StringArena(const StringArena&) = delete;
  StringArena& operator=(const StringArena&) = delete;
  StringArena(StringArena&&) noexcept = default;
  StringArena& operator=(StringArena&&) noexcept = default;

  /// Copies `s` into the arena.
  std::string_view store(std::string_view s) {
    if (s.empty()) return {};
    char* p = allocate(s.size());
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  /// Uninitialised storage for `n` bytes.
  char* allocate(std::size_t n) {
    if (n > free_) {
      std::size_t size = n > chunk_size ? n : chunk_size;
      chunks_.push_back(std::unique_ptr<char[]>(new char[size]));
      next_ = chunks_.back().get();
      free_ = size;
    }
    char* p = next_;
    next_ += n;
    free_ -= n;
    return p;
  }

  /// Takes over the chunks of `other`: the string_views it handed out stay
  /// valid, now owned by this arena; `other` is left empty.
  void absorb(StringArena&& other) {
    chunks_.reserve(chunks_.size() + other.chunks_.size());
    for (auto& c : other.chunks_) chunks_.push_back(std::move(c));
    other.chunks_.clear();
    other.next_ = nullptr;
    other.free_ = 0;
  }

private:
  static constexpr std::size_t chunk_size = 1 << 16;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* next_ = nullptr;
  std::size_t free_ = 0;
};

}  // namespace termgraph
