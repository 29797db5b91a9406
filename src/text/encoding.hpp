// Internal: turning any input into UTF-8 before it is parsed.
//
// Every input becomes UTF-8 before pugixml sees it, and that UTF-8 text is
// the raw buffer the vocabulary keeps: pugixml's offsets, our lines and
// columns and the source lines shown in reports all refer to the same bytes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace termgraph {

/// A place where the input's bytes were not valid in its encoding.
struct EncodingProblem {
  std::size_t offset;  // in the UTF-8 text
  std::string message;
};

/// Turns `content` into UTF-8: a byte order mark (UTF-8, UTF-16, UTF-32) or
/// the XML declaration's encoding decides; invalid sequences become U+FFFD
/// and are reported in `problems` (see docs/rules.md, invalid-encoding).
void to_utf8(std::string& content, std::vector<EncodingProblem>& problems);

}  // namespace termgraph
