// Vocabulary: accessors over the Impl. Lookups live in term_index.cpp, the
// graph in analysis/graph.cpp.
#include "termgraph/vocabulary.hpp"

#include <stdexcept>
#include <string>
#include <utility>

#include "model/impl.hpp"

namespace termgraph {

namespace {
const std::shared_ptr<const Vocabulary::Impl>& empty_impl() {
  static const std::shared_ptr<const Vocabulary::Impl> empty = [] {
    auto impl = std::make_shared<Vocabulary::Impl>();
    impl->out_offsets.assign(1, 0);
    impl->in_offsets.assign(1, 0);
    return std::shared_ptr<const Vocabulary::Impl>(std::move(impl));
  }();
  return empty;
}
}  // namespace

Vocabulary::Vocabulary() : impl_(empty_impl()) {}

Vocabulary::Vocabulary(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Vocabulary::Vocabulary(const Vocabulary& other) noexcept = default;

// A moved-from vocabulary is empty, never without storage: every member
// keeps working on it.
Vocabulary::Vocabulary(Vocabulary&& other) noexcept
    : impl_(std::exchange(other.impl_, empty_impl())) {}

Vocabulary& Vocabulary::operator=(const Vocabulary& other) noexcept = default;

Vocabulary& Vocabulary::operator=(Vocabulary&& other) noexcept {
  if (this != &other) impl_ = std::exchange(other.impl_, empty_impl());
  return *this;
}

Vocabulary::~Vocabulary() = default;

Span<Entry> Vocabulary::entries() const& noexcept {
  return {impl_->entries.data(), impl_->entries.size()};
}

Vocabulary::size_type Vocabulary::size() const noexcept {
  // Entry ids are 32-bit: the builder never makes more entries than that.
  return static_cast<size_type>(impl_->entries.size());
}

const Entry& Vocabulary::at(EntryId id) const& {
  if (id >= impl_->entries.size()) {
    throw std::out_of_range("termgraph::Vocabulary::at: entry " + std::to_string(id) +
                            " of a vocabulary of " + std::to_string(impl_->entries.size()));
  }
  return impl_->entries[id];
}

const std::vector<std::string>& Vocabulary::files() const& noexcept {
  return impl_->files;
}

Span<std::string_view> Vocabulary::declared_languages(FileId file) const& noexcept {
  if (file >= impl_->declared_languages.size()) return {};
  const std::vector<std::string_view>& declared = impl_->declared_languages[file];
  return {declared.data(), declared.size()};
}

std::string_view Vocabulary::title(FileId file) const& noexcept {
  if (file >= impl_->titles.size()) return {};
  return impl_->titles[file];
}

std::string_view Vocabulary::title() const& noexcept {
  for (std::string_view t : impl_->titles) {
    if (!t.empty()) return t;
  }
  return {};
}

std::string_view Vocabulary::source_line(FileId file, std::uint32_t line) const& {
  if (file >= impl_->lines.size()) return {};
  return impl_->lines[file].line_text(impl_->contents[file], line);
}

Span<Citation> Vocabulary::cites(EntryId id) const& noexcept {
  if (id >= impl_->entries.size() || impl_->out_offsets.size() <= id + 1) return {};
  std::uint32_t b = impl_->out_offsets[id], e = impl_->out_offsets[id + 1];
  return {impl_->out_edges.data() + b, e - b};
}

Span<Citation> Vocabulary::cited_by(EntryId id) const& noexcept {
  if (id >= impl_->entries.size() || impl_->in_offsets.size() <= id + 1) return {};
  std::uint32_t b = impl_->in_offsets[id], e = impl_->in_offsets[id + 1];
  return {impl_->in_edges.data() + b, e - b};
}

const std::vector<CircularGroup>& Vocabulary::circular_groups() const& noexcept {
  return impl_->circular;
}

}  // namespace termgraph
