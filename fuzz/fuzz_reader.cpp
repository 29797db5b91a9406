// libFuzzer harness for one reader: the input is one file, loaded with the
// format forced (native, sts, tbx, tbx2008, csv) or detected ("detect").
// Built once per format; TERMGRAPH_FUZZ_FORMAT names it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"

namespace {

termgraph::Format fuzz_format() {
  const std::string_view name = TERMGRAPH_FUZZ_FORMAT;
  if (name == "native") return termgraph::Format::native;
  if (name == "sts") return termgraph::Format::sts;
  if (name == "tbx") return termgraph::Format::tbx;
  if (name == "tbx2008") return termgraph::Format::tbx2008;
  if (name == "csv") return termgraph::Format::csv;
  return termgraph::Format::unknown;  // detect from the root element
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const termgraph::Format format = fuzz_format();
  std::vector<termgraph::Source> sources;
  sources.push_back({format == termgraph::Format::csv ? "fuzz.csv" : "fuzz.xml",
                     std::string(reinterpret_cast<const char*>(data), size)});
  termgraph::LoadOptions options;
  options.format = format;
  termgraph::LoadResult r = termgraph::load_sources(std::move(sources), options);
  termgraph_fuzz::check_result(r);
  if (format != termgraph::Format::unknown && !r.formats.empty()) {
    // A forced format is used whatever the root element, unless nothing
    // could be parsed at all.
    termgraph_fuzz::require(r.formats[0] == format || r.formats[0] == termgraph::Format::unknown,
                            "forced format not used");
  }
  return 0;
}
