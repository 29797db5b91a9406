// The whole-process baseline for `termgraph check`: read one file and parse
// it in place with pugixml, with the options termgraph uses, and nothing
// else. Prints "ok" or the parser's error; exit 0 or 1.
#include <cstdio>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: termgraph_parse_baseline FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot open %s\n", argv[1]);
    return 2;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = std::move(ss).str();
  pugi::xml_document doc;
  pugi::xml_parse_result r = doc.load_buffer_inplace(
      text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_auto);
  std::printf("%s\n", r ? "ok" : r.description());
  return r ? 0 : 1;
}
