// Internal: collecting the text of a block from XML character data.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/builder.hpp"

namespace termgraph {

/// The length of a MultiTerm inline link marker at byte `i` of `s`, or 0:
/// an opening `<A=id>` (`target` set to the id; no space, quote or '<' in
/// it, at most 256 bytes) or a closing `</A>` (`closing` set); `a` in
/// either case.
std::size_t multiterm_marker_at(std::string_view s, std::size_t i, std::string_view& target,
                                bool& closing) noexcept;

/// Collects the text of one block from the decoded text of XML nodes,
/// collapsing white space runs to one space and trimming the ends, and
/// remembers where in the raw file each part came from so that any byte of
/// the result maps back to a line and column.
class TextBuilder final : public BlockText {
public:
  /// Appends decoded character data. `raw_offset` is the byte offset in the
  /// file's raw buffer where this character data starts (pugixml's
  /// offset_debug() of the text node); `verbatim` is true for CDATA, whose
  /// raw form has no entity references.
  void append(std::string_view decoded, std::size_t raw_offset, bool verbatim = false);

  /// Reads MultiTerm's inline links in the character data appended from
  /// now on: `<A=c118:c118-en-t1>italic</A>`, written escaped in the XML so
  /// that it is text. The markers are left out of the text; what they
  /// enclose becomes a markup link whose target id is what follows `A=`
  /// (an entry id, a term id, or MultiTerm's "entry:term"). `raw` is the
  /// file's buffer the raw offsets given to append() point into. A closing
  /// marker with no link open is kept as text; a link left open ends with
  /// the text (finish()).
  void read_inline_links(std::string_view raw);
  /// Keeps a markup view beside the text (markup()): call before anything
  /// is appended.
  void keep_markup() { keep_markup_ = true; }
  /// Starts or ends an inline element `name` in the markup view.
  void open_markup(std::string_view name);
  void close_markup(std::string_view name);
  /// Appends `text` to the text, and `xml` (well-formed content) in its
  /// place to the markup view: MathML, whose flat text is `text`.
  void append_with_markup(std::string_view text, std::size_t raw_offset, std::string_view xml);
  /// The markup view: the text with its inline elements, escaped; empty
  /// when keep_markup() was not called or no element was opened.
  std::string_view markup() const override { return has_markup_ ? markup_ : std::string_view(); }

  /// Joins what comes next to the text before it: a pending space is
  /// dropped, and so is the white space the next character data starts
  /// with (a subscript or superscript belongs to its base: "MTTF
  /// <sub>d</sub>" reads "MTTFd").
  void glue();
  /// Drops a pending space (white space at the end of a subscript).
  void drop_pending_space() {
    pending_space_ = false;
    glue_ = false;
  }

  /// Starts a markup link at the current end of the text.
  std::size_t open_link();
  /// Ends the link opened as `index` at the current end of the text.
  void close_link(std::size_t index, std::string target_id, std::string target_number,
                  bool external);

  std::string_view text() const override { return text_; }
  const std::vector<MarkupLink>& links() const override { return links_; }

  /// The raw byte offset of byte `pos` of text(); `raw` is the file buffer.
  std::size_t raw_offset(std::string_view raw, std::size_t pos) const override;

  /// Trims a trailing space left by collapsing; call before handing the
  /// text to the Builder.
  void finish();

private:
  /// append() without looking for inline links.
  void append_plain(std::string_view decoded, std::size_t raw_offset, bool verbatim);
  /// append() of character data that holds inline link markers.
  void append_with_links(std::string_view decoded, std::size_t raw_offset, bool verbatim);

  struct Anchor {
    std::uint32_t text_pos;  // offset in text_
    std::size_t raw_pos;     // matching offset in the raw buffer
    bool verbatim;           // CDATA: no entity references
    bool pending;            // a collapsed space was pending before it
    bool after_space;        // the text already ended with a space
    bool glued;              // its leading white space is dropped (glue())
  };
  // Where the last raw_offset() replay stopped: a later call for a position
  // further along the same piece resumes there, so the references of one
  // block (found in text order) are mapped in one pass over its raw text
  // instead of one pass each.
  struct Replay {
    std::size_t anchor = SIZE_MAX;  // index in anchors_; SIZE_MAX: none
    std::size_t pos = 0;            // the position it answered
    std::size_t t = 0, r = 0, space_at = 0;
    bool pending = false;
  };
  /// Starts the markup view, at the first inline element: until then it
  /// would only be the text escaped, and is not kept (most blocks have no
  /// inline markup); from then on, text is mirrored into it as appended.
  void materialize();
  /// Appends `c` to the markup view, escaped.
  void mirror(char c);
  /// Appends `run` to the markup view, escaped.
  void mirror(std::string_view run);

  std::string text_;
  std::string markup_;
  bool keep_markup_ = false;
  bool has_markup_ = false;
  bool mirroring_ = true;      // append() copies into the markup view
  bool materialized_ = false;  // the markup view is kept (materialize())
  std::vector<Anchor> anchors_;
  std::vector<MarkupLink> links_;
  bool pending_space_ = false;
  bool glue_ = false;  // drop white space until the next character
  mutable Replay replay_;
  // Inline links (read_inline_links): the raw buffer, and the link opened
  // by a marker and not closed yet.
  bool inline_links_ = false;
  std::string_view raw_;
  std::size_t open_inline_ = SIZE_MAX;
  std::string open_target_;
};

}  // namespace termgraph
