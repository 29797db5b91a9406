// Internal: a small streaming XML writer shared by the format writers.
// Output is deterministic and indented: each element starts on its own line,
// except inside mixed content (an element that holds text), where children
// are written inline so that no white space is added to the text.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace termgraph {

class XmlWriter {
public:
  explicit XmlWriter(std::ostream& out, int indent = 2) : out_(out), indent_(indent) {}

  /// `<?xml version="1.0" encoding="UTF-8"?>` and a line break.
  void declaration() { out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

  /// Starts element `name`; attributes may follow until the next call of
  /// anything else.
  void start(std::string_view name) {
    bool inline_child = false;
    if (!stack_.empty()) {
      Frame& parent = stack_.back();
      close_start_tag();
      parent.has_children = true;
      inline_child = parent.mixed;
    }
    if (!inline_child && wrote_anything_) newline(stack_.size());
    out_ << '<' << name;
    stack_.push_back({std::string(name), false, !stack_.empty() && stack_.back().mixed});
    tag_open_ = true;
    wrote_anything_ = true;
  }

  /// An attribute of the element just started.
  void attribute(std::string_view name, std::string_view value) {
    out_ << ' ' << name << "=\"";
    escape(value, true);
    out_ << '"';
  }

  /// Character data in the current element (escaped). The element becomes
  /// mixed content: its children are written inline.
  void text(std::string_view s) {
    if (s.empty()) return;
    close_start_tag();
    stack_.back().mixed = true;
    escape(s, false);
  }

  /// Makes the current element mixed content without writing anything:
  /// children written next stay inline, adding no white space to its text.
  void mixed() {
    close_start_tag();
    stack_.back().mixed = true;
  }

  /// Character data (escaped) that element children follow on their own
  /// lines: for elements whose text is read trimmed, so that the line
  /// breaks and indentation added after it are not part of it.
  void leading_text(std::string_view s) {
    if (s.empty()) return;
    close_start_tag();
    escape(s, false);
  }

  /// Ends the innermost element.
  void end() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (tag_open_) {
      out_ << "/>";
      tag_open_ = false;
      return;
    }
    if (!frame.mixed && frame.has_children) newline(stack_.size());
    out_ << "</" << frame.name << '>';
  }

  /// `<name>text</name>`.
  void text_element(std::string_view name, std::string_view s) {
    start(name);
    text(s);
    end();
  }

  /// Well-formed XML content written as it is (the raw content of an
  /// element kept from a source file) in the current element, which becomes
  /// mixed content: the content keeps its own white space.
  void raw(std::string_view s) {
    if (s.empty()) return;
    close_start_tag();
    stack_.back().has_children = true;
    stack_.back().mixed = true;
    out_ << s;
  }

  /// `s` as CDATA sections, exactly (a "]]>" in it splits the section), in
  /// the current element, which becomes mixed content.
  void cdata(std::string_view s) {
    close_start_tag();
    stack_.back().has_children = true;
    stack_.back().mixed = true;
    out_ << "<![CDATA[";
    for (std::size_t at = s.find("]]>"); at != std::string_view::npos; at = s.find("]]>")) {
      out_ << s.substr(0, at + 2) << "]]><![CDATA[";
      s.remove_prefix(at + 2);
    }
    out_ << s << "]]>";
  }

  /// A comment on its own line (`--` in `s` is written as `- -`).
  void comment(std::string_view s) {
    if (!stack_.empty()) {
      close_start_tag();
      stack_.back().has_children = true;
    }
    if (wrote_anything_) newline(stack_.size());
    out_ << "<!-- ";
    for (std::size_t i = 0; i < s.size(); ++i) {
      out_ << s[i];
      if (s[i] == '-' && i + 1 < s.size() && s[i + 1] == '-') out_ << ' ';
    }
    out_ << " -->";
    wrote_anything_ = true;
  }

  /// Ends every open element and the last line.
  void finish() {
    while (!stack_.empty()) end();
    out_ << '\n';
  }

private:
  struct Frame {
    std::string name;
    bool has_children;
    bool mixed;
  };

  void close_start_tag() {
    if (tag_open_) {
      out_ << '>';
      tag_open_ = false;
    }
  }

  void newline(std::size_t depth) {
    out_ << '\n';
    for (std::size_t i = 0; i < depth * static_cast<std::size_t>(indent_); ++i) out_ << ' ';
  }

  void escape(std::string_view s, bool attribute) {
    static constexpr const char* replacement = "\xEF\xBF\xBD";  // U+FFFD
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char* rep = nullptr;
      switch (s[i]) {
        case '&':
          rep = "&amp;";
          break;
        case '<':
          rep = "&lt;";
          break;
        case '>':
          rep = "&gt;";
          break;
        case '"':
          rep = attribute ? "&quot;" : nullptr;
          break;
        case '\n':
          rep = attribute ? "&#10;" : nullptr;
          break;
        case '\t':
          rep = attribute ? "&#9;" : nullptr;
          break;
        case '\r':
          rep = "&#13;";
          break;
        default:
          // Characters XML does not allow (C0 controls other than tab, line
          // feed and carriage return; U+FFFE, U+FFFF) cannot be written, not
          // even as references: U+FFFD stands in for them.
          if (static_cast<unsigned char>(s[i]) < 0x20) {
            rep = replacement;
          } else if (s[i] == '\xEF' && i + 2 < s.size() && s[i + 1] == '\xBF' &&
                     (s[i + 2] == '\xBE' || s[i + 2] == '\xBF')) {
            out_.write(s.data() + run, static_cast<std::streamsize>(i - run));
            out_ << replacement;
            i += 2;
            run = i + 1;
            continue;
          }
          break;
      }
      if (rep) {
        out_.write(s.data() + run, static_cast<std::streamsize>(i - run));
        out_ << rep;
        run = i + 1;
      }
    }
    out_.write(s.data() + run, static_cast<std::streamsize>(s.size() - run));
  }

  std::ostream& out_;
  int indent_;
  std::vector<Frame> stack_;
  bool tag_open_ = false;
  bool wrote_anything_ = false;
};

}  // namespace termgraph
