// libFuzzer harness for the reference extractor (src/references.hpp) on raw
// block text. Markup links are derived from the input bytes: 0x01 opens a
// link and 0x02 closes the innermost open one (links nest, as markup does);
// after 0x02, "#id;" gives the link a target id, "=number;" a target
// number, "!" marks it external. Marker bytes are removed from the text;
// links still open at the end close there.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "text/inflection.hpp"
#include "text/reference_scan.hpp"

namespace {

void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "termgraph fuzz invariant violated: %s\n", what);
    std::abort();
  }
}

/// Reads a target up to ';' (or the end) starting at `i`; returns it.
std::string read_target(std::string_view in, std::size_t& i) {
  std::string t;
  while (i < in.size() && in[i] != ';' && t.size() < 64) t += in[i++];
  if (i < in.size() && in[i] == ';') ++i;
  return t;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string text;
  std::vector<termgraph::MarkupLink> links;
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < in.size();) {
    const char c = in[i++];
    if (c == '\x01') {
      if (links.size() >= 64) continue;
      termgraph::MarkupLink link;
      link.begin = link.end = static_cast<std::uint32_t>(text.size());
      open.push_back(links.size());
      links.push_back(link);
    } else if (c == '\x02') {
      if (open.empty()) continue;
      termgraph::MarkupLink& link = links[open.back()];
      open.pop_back();
      link.end = static_cast<std::uint32_t>(text.size());
      if (i < in.size() && in[i] == '#') {
        link.target_id = read_target(in, ++i);
      } else if (i < in.size() && in[i] == '=') {
        link.target_number = read_target(in, ++i);
      } else if (i < in.size() && in[i] == '!') {
        ++i;
        link.external = true;
      }
    } else {
      text += c;
    }
  }
  for (std::size_t k : open) links[k].end = static_cast<std::uint32_t>(text.size());

  std::vector<termgraph::ExtractedReference> found;
  termgraph::extract_references(text, links, found);

  const std::size_t n = text.size();
  std::uint32_t last_begin = 0;
  for (const termgraph::ExtractedReference& r : found) {
    require(r.begin <= r.end && r.end <= n, "reference outside the text");
    require(r.term_begin <= r.term_end && r.term_end <= n, "term outside the text");
    require(r.number_begin <= r.number_end && r.number_end <= n, "number outside the text");
    require(r.begin >= last_begin, "references not in text order");
    last_begin = r.begin;
  }
  // The public helper used by resolution, on the same bytes.
  if (n > 0) {
    const std::size_t half = n / 2;
    (void)termgraph::names_designation(std::string_view(text).substr(0, half),
                                       std::string_view(text).substr(half));
  }
  return 0;
}
