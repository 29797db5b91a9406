// libFuzzer harness, differential: a file read chunk by chunk (each entry a
// chunk of its own, read/chunked.hpp) must give exactly what reading the
// whole parsed file gives: the same findings at the same places, the same
// model (written as native XML), the same entry ranges. The input is one
// XML file of any format.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_common.hpp"
#include "read/chunked.hpp"
#include "termgraph/write.hpp"

namespace {

using termgraph_fuzz::require;

std::string where(const termgraph::SourceRange& r) {
  return std::to_string(r.file) + ":" + std::to_string(r.line) + ":" + std::to_string(r.column) +
         "-" + std::to_string(r.end_line) + ":" + std::to_string(r.end_column);
}

std::string fingerprint(std::string_view input, termgraph::ChunkedDocument::Limits limits) {
  termgraph::chunked_reading_limits() = limits;
  termgraph::LoadOptions options;
  options.analysis.threads = 1;
  const termgraph::LoadResult r = termgraph::load_string(input, "fuzz.xml", options);
  std::string out;
  for (const termgraph::Diagnostic& d : r.diagnostics) {
    out += std::string(d.rule_id()) + "@" + where(d.range) + " " + d.message + "\n";
  }
  for (const termgraph::Entry& e : r.vocabulary.entries()) {
    out += std::string(e.number) + "@" + where(e.range) + "\n";
  }
  std::ostringstream native;
  termgraph::write_vocabulary(native, r.vocabulary, termgraph::Format::native);
  return out + native.str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string whole = fingerprint(input, {SIZE_MAX, 1});
  const std::string chunked = fingerprint(input, {0, 1});
  require(whole == chunked, "reading chunk by chunk differs from reading the whole file");
  return 0;
}
