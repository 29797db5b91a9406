// Internal: a large XML file parsed one chunk of entries at a time, so that
// the tree in memory is never the whole file's.
//
// A scan of the raw bytes (read/markup_scan.hpp) finds the runs of sibling
// entry elements (term-sec, termEntry, conceptEntry, entry: an outermost one
// below the root, with nothing but text and comments between it and the
// next). The rest of the file, the skeleton, is parsed as one document in
// which each chunk of a run (about Limits::chunk_bytes of it) stands as a
// placeholder element. A reader that meets a placeholder (xml::Reader's
// walks do) has its chunk parsed on its own, reads the chunk's nodes where
// the placeholder stands, and the chunk's tree is let go when the next one
// is parsed. Offsets are those of the raw file throughout (offset()).
//
// What a reader sees is what a parse of the whole file gives: the same
// nodes in the same order, with the same scopes. Where that cannot hold,
// the file is read whole instead (load/load.cpp): when the scan finds an
// end tag with no element open or an element left open, or the skeleton does
// not parse (plan(), parse_skeleton()
// say so before anything is read), when a chunk does not parse (open()
// throws Restart: the reader's work is undone and the whole parse reports
// the error as it always does), and when the reader did not open every
// chunk (all_opened(): it skipped or walked past a placeholder).
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "model/builder.hpp"

namespace termgraph {

class ChunkedDocument {
public:
  struct Limits {
    /// Files smaller than this are parsed whole.
    std::size_t min_file_bytes = std::size_t{4} << 20;
    /// The bytes of a run one chunk takes (at least one entry).
    std::size_t chunk_bytes = std::size_t{512} << 10;
  };

  /// Thrown by open() when a chunk does not parse.
  struct Restart {};

  /// Plans the chunks of `raw`, which must outlive this object and be
  /// followed by a NUL (as a std::string's bytes are). False when
  /// the file is not split: smaller than the limit, no run of entries, an
  /// end tag with no element open or an element left open. (End tags are
  /// not matched by name here: the parser matches them in the skeleton and
  /// in each chunk.)
  bool plan(std::string_view raw, const Limits& limits);

  /// Parses the skeleton (after plan()); false when it does not parse.
  bool parse_skeleton();

  /// The skeleton document.
  const pugi::xml_document& skeleton() const { return skeleton_; }

  /// True for the placeholder element of a chunk.
  static bool is_placeholder(pugi::xml_node node) {
    return node.type() == pugi::node_element && node.name()[0] == placeholder_mark;
  }

  /// Parses the chunk `placeholder` stands for, releasing the chunk parsed
  /// before, and returns the chunk's document node: its children are the
  /// nodes that stand where the placeholder does. Throws Restart when the
  /// chunk does not parse.
  pugi::xml_node open(pugi::xml_node placeholder);

  /// Whether every chunk was opened.
  bool all_opened() const;

  /// The byte offset in the raw file of `node` (of the skeleton or of the
  /// chunk open now), as Source::offset() answers for a whole parse.
  std::size_t offset(pugi::xml_node node) const;

  /// The parent of `node` in the file: the element the placeholder stood
  /// in for a node at the top of a chunk.
  pugi::xml_node parent(pugi::xml_node node) const;

  /// Sets the end of every entry of the builder's current file from the
  /// scan (each entry element's end tag); false, setting nothing, when an
  /// entry does not start at an element the scan took for an entry.
  bool set_entry_ends(Builder& builder) const;

  /// The number of chunks planned.
  std::size_t chunks() const { return chunks_.size(); }

private:
  static constexpr char placeholder_mark = '\xFF';  // never in UTF-8 text

  struct Chunk {
    std::size_t begin, end;  // bytes of the raw file
  };
  /// Skeleton bytes from `skeleton` on come from the raw file from `raw` on.
  struct Segment {
    std::size_t skeleton, raw;
  };

  std::size_t chunk_index(pugi::xml_node placeholder) const;

  std::string_view raw_;
  std::vector<Chunk> chunks_;
  std::vector<std::pair<std::size_t, std::size_t>> entry_spans_;  // [begin, end), by begin
  std::vector<Segment> segments_;
  std::unique_ptr<char[]> skeleton_text_;
  pugi::xml_document skeleton_;
  std::unique_ptr<char[]> chunk_text_;
  pugi::xml_document chunk_;
  std::size_t open_ = SIZE_MAX;  // the chunk parsed now
  pugi::xml_node open_parent_;   // the element its placeholder stood in
  std::vector<char> opened_;     // per chunk: parsed once at least
};

/// The limits loading uses (load/load.cpp). Tests lower them to read small
/// files chunk by chunk; nothing else changes them.
ChunkedDocument::Limits& chunked_reading_limits();

}  // namespace termgraph
