// libFuzzer harness for the whole pipeline: load (formats detected) ->
// resolve -> graph -> checks -> report, the lookups, and the writers. The
// input is split at each "\0\0" into up to four files loaded as one
// vocabulary (references may cross files; each file's format, CSV too, is
// detected). Every writer's output must load again without an xml-syntax or
// csv-syntax finding, in the format it was written in.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include "termgraph/write.hpp"

namespace {

using termgraph_fuzz::require;

std::vector<termgraph::Source> split_sources(std::string_view in) {
  std::vector<termgraph::Source> sources;
  const std::string_view sep("\0\0", 2);
  while (sources.size() < 3) {
    std::size_t at = in.find(sep);
    if (at == std::string_view::npos) break;
    sources.push_back(
        {"fuzz" + std::to_string(sources.size()) + ".xml", std::string(in.substr(0, at))});
    in.remove_prefix(at + sep.size());
  }
  sources.push_back({"fuzz" + std::to_string(sources.size()) + ".xml", std::string(in)});
  return sources;
}

void check_lookups(const termgraph::Vocabulary& v) {
  const std::size_t n = v.size() < 4 ? v.size() : 4;
  for (std::size_t i = 0; i < n; ++i) {
    const termgraph::EntryId id = static_cast<termgraph::EntryId>(i);
    const termgraph::Entry& e = v[id];
    if (e.numbered) {
      const termgraph::Entry* found = v.find_number(e.number);
      require(found != nullptr, "find_number misses an entry's own number");
    }
    (void)v.lookup(e.number);
    if (const termgraph::Designation* d = e.preferred()) {
      std::vector<termgraph::TermMatch> hits = v.find_term(d->text);
      if (!v.fold(d->text).empty()) {
        bool self = false;
        for (const termgraph::TermMatch& m : hits) self = self || m.entry == id;
        require(self, "find_term misses an entry's own preferred term");
      }
      for (const termgraph::TermMatch& m : hits) {
        require(m.entry < v.size(), "find_term hit out of range");
      }
      std::string_view prefix = d->text.substr(0, d->text.size() / 2);
      for (const termgraph::TermMatch& m : v.complete(prefix, 10)) {
        require(m.entry < v.size(), "complete hit out of range");
      }
      for (const termgraph::TermMatch& m : v.closest(d->text, 5)) {
        require(m.entry < v.size(), "closest hit out of range");
      }
    }
    for (const termgraph::Prerequisite& p : v.prerequisites(id)) {
      require(p.entry < v.size() && p.entry != id, "prerequisite out of range or itself");
    }
    for (const termgraph::Citation& c : v.cites(id)) {
      require(c.from == id && c.to < v.size(), "citation endpoints");
    }
    for (const termgraph::Citation& c : v.cited_by(id)) {
      require(c.to == id && c.from < v.size(), "cited_by endpoints");
    }
    std::ostringstream entry;
    termgraph::write_entry(entry, v, e);
  }
  for (const termgraph::CircularGroup& g : v.circular_groups()) {
    require(!g.members.empty() && !g.path.empty(), "empty circular group");
    require(g.path.front() == g.path.back(), "cycle path does not close");
    require(g.steps.size() + 1 == g.path.size(), "one step per edge of the cycle");
  }
}

void check_writers(const termgraph::Vocabulary& v) {
  for (termgraph::Format f :
       {termgraph::Format::native, termgraph::Format::sts, termgraph::Format::tbx,
        termgraph::Format::tbx2008, termgraph::Format::csv}) {
    std::ostringstream out;
    require(termgraph::write_vocabulary(out, v, f), "writer refused a writable format");
    const bool csv = f == termgraph::Format::csv;
    termgraph::LoadResult back =
        termgraph::load_string(out.str(), csv ? "written.csv" : "written.xml");
    for (const termgraph::Diagnostic& d : back.diagnostics) {
      if (d.is(termgraph::RuleId::xml_syntax) || d.is(termgraph::RuleId::csv_syntax)) {
        std::fprintf(stderr, "written %s does not parse: %s (line %u)\n",
                     std::string(termgraph::to_string(f)).c_str(), d.message.c_str(), d.range.line);
        require(false, "writer output is not well-formed");
      }
    }
    require(back.formats.size() == 1 && back.formats[0] == f,
            "writer output is not detected as the format it was written in");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  termgraph::LoadResult r = termgraph::load_sources(split_sources(in));
  termgraph_fuzz::check_result(r);
  check_lookups(r.vocabulary);
  check_writers(r.vocabulary);
  return 0;
}
