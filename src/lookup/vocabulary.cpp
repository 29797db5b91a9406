// Vocabulary: accessors over the Impl. Lookups live in lookup.cpp, the graph
// in graph.cpp.
#include "termgraph/vocabulary.hpp"

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

Span<Entry> Vocabulary::entries() const noexcept {
  return {impl_->entries.data(), impl_->entries.size()};
}

const std::vector<std::string>& Vocabulary::files() const noexcept {
  return impl_->files;
}

std::string_view Vocabulary::source_line(FileId file, std::uint32_t line) const {
  if (file >= impl_->lines.size()) return {};
  return impl_->lines[file].line_text(impl_->contents[file], line);
}

Span<Citation> Vocabulary::cites(EntryId id) const noexcept {
  if (id >= impl_->entries.size() || impl_->out_offsets.size() <= id + 1) return {};
  std::uint32_t b = impl_->out_offsets[id], e = impl_->out_offsets[id + 1];
  return {impl_->out_edges.data() + b, e - b};
}

Span<Citation> Vocabulary::cited_by(EntryId id) const noexcept {
  if (id >= impl_->entries.size() || impl_->in_offsets.size() <= id + 1) return {};
  std::uint32_t b = impl_->in_offsets[id], e = impl_->in_offsets[id + 1];
  return {impl_->in_edges.data() + b, e - b};
}

const std::vector<CircularGroup>& Vocabulary::circular_groups() const noexcept {
  return impl_->circular;
}

}  // namespace termgraph
