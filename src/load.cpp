// Loading: read files, detect each one's format, parse it once, hand the
// document to its reader, then finish the vocabulary (indexes, resolution,
// graph, checks) in one place.
#include "termgraph/load.hpp"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <pugixml.hpp>
#include <system_error>

#include "builder.hpp"
#include "checks.hpp"
#include "impl.hpp"
#include "readers.hpp"
#include "termgraph/rules.hpp"

namespace termgraph {

namespace fs = std::filesystem;

bool normalize_number(std::string_view text, std::string& out) {
  out.clear();
  // Trim ASCII white space and no-break spaces (U+00A0, U+202F).
  auto strip_front = [&] {
    for (;;) {
      if (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
      } else if (text.size() >= 2 && text.compare(0, 2, "\xC2\xA0") == 0) {
        text.remove_prefix(2);
      } else if (text.size() >= 3 && text.compare(0, 3, "\xE2\x80\xAF") == 0) {
        text.remove_prefix(3);
      } else {
        return;
      }
    }
  };
  auto strip_back = [&] {
    for (;;) {
      if (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
      } else if (text.size() >= 2 && text.compare(text.size() - 2, 2, "\xC2\xA0") == 0) {
        text.remove_suffix(2);
      } else if (text.size() >= 3 && text.compare(text.size() - 3, 3, "\xE2\x80\xAF") == 0) {
        text.remove_suffix(3);
      } else {
        return;
      }
    }
  };
  strip_front();
  strip_back();
  bool number = !text.empty();
  bool after_digit = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    // U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN are written as '-'.
    if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
        (text[i + 2] == '\x90' || text[i + 2] == '\x91')) {
      c = '-';
      i += 2;
    }
    out += c;
    if (c >= '0' && c <= '9') {
      after_digit = true;
    } else if ((c == '.' || c == '-') && after_digit) {
      after_digit = false;
    } else {
      number = false;
    }
  }
  return number && after_digit;
}

std::string_view number_in_id(std::string_view id) {
  // A "--N" suffix only keeps duplicate ids apart.
  std::size_t dashes = id.rfind("--");
  if (dashes != std::string_view::npos && dashes + 2 < id.size() &&
      id.find_first_not_of("0123456789", dashes + 2) == std::string_view::npos) {
    id = id.substr(0, dashes);
  }
  std::string scratch;
  for (std::string_view marker : {std::string_view("term_"), std::string_view("sec_")}) {
    std::size_t at = id.rfind(marker);
    if (at == std::string_view::npos) continue;
    bool starts_part = at == 0 || id[at - 1] == '_' || id[at - 1] == '-' || id[at - 1] == '.';
    std::string_view rest = id.substr(at + marker.size());
    if (starts_part && normalize_number(rest, scratch)) return rest;
  }
  return {};
}

std::size_t LoadResult::count(Severity s) const noexcept {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [s](const Diagnostic& d) { return d.severity == s; }));
}

namespace {

// -- Encodings ---------------------------------------------------------------
// Every input becomes UTF-8 before pugixml sees it, and that UTF-8 text is
// the raw buffer the vocabulary keeps: pugixml's offsets, our lines and
// columns and the source lines shown in reports all refer to the same bytes
// (pugixml would otherwise convert UTF-16 or Latin-1 into a buffer of its
// own, and its offsets would no longer match ours).

struct EncodingProblem {
  std::size_t offset;  // in the UTF-8 text
  std::string message;
};

constexpr std::size_t max_encoding_reports = 100;
const char replacement[] = "\xEF\xBF\xBD";  // U+FFFD

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Length of the valid UTF-8 sequence at `i`, or 0 with `bad` set to the
/// length of the maximal invalid subpart (at least 1), as Unicode's
/// "U+FFFD substitution of maximal subparts" counts them.
std::size_t utf8_sequence(std::string_view s, std::size_t i, std::size_t& bad) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    bad = 1;
    return 0;
  }
  std::size_t k = 1;
  for (; k < need && i + k < s.size(); ++k) {
    unsigned char b = byte(i + k);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) break;
  }
  if (k == need) return need;
  bad = k;
  return 0;
}

std::string hex_bytes(std::string_view s) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < s.size() && i < 8; ++i) {
    if (i) out += ' ';
    auto b = static_cast<unsigned char>(s[i]);
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  if (s.size() > 8) out += " ...";
  return out;
}

/// Replaces invalid UTF-8 by U+FFFD (one per maximal invalid subpart) and
/// reports each run of them. Leaves `text` untouched when it is valid.
void repair_utf8(std::string& text, std::vector<EncodingProblem>& problems) {
  std::string_view s = text;
  std::size_t i = 0, bad = 0;
  // Fast path: find the first invalid sequence, if any.
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = utf8_sequence(s, i, bad);
    if (n == 0) break;
    i += n;
  }
  if (i == s.size()) return;
  std::string out(s.substr(0, i));
  out.reserve(s.size() + 64);
  std::size_t reports = 0;
  while (i < s.size()) {
    std::size_t n = utf8_sequence(s, i, bad);
    if (n != 0) {
      out.append(s.data() + i, n);
      i += n;
      continue;
    }
    // A run of invalid sequences: one finding.
    std::size_t run_start = i, at = out.size(), count = 0;
    while (i < s.size() && utf8_sequence(s, i, bad) == 0) {
      out += replacement;
      i += bad;
      ++count;
    }
    if (reports < max_encoding_reports) {
      std::string what = "invalid UTF-8 (bytes " + hex_bytes(s.substr(run_start, i - run_start)) +
                         "), read as " +
                         (count == 1 ? "U+FFFD" : std::to_string(count) + " U+FFFD");
      if (++reports == max_encoding_reports) {
        what += "; further invalid sequences in this file are replaced without a report";
      }
      problems.push_back({at, std::move(what)});
    }
  }
  text = std::move(out);
}

/// UTF-16 or UTF-32 (from `start`, after any byte order mark) to UTF-8.
std::string decode_utf16_32(std::string_view s, std::size_t start, int unit, bool big_endian,
                            std::vector<EncodingProblem>& problems) {
  std::string out;
  out.reserve((s.size() - start) / static_cast<std::size_t>(unit) * 3 / 2 + 16);
  auto read = [&](std::size_t at) -> std::uint32_t {
    std::uint32_t v = 0;
    for (int k = 0; k < unit; ++k) {
      auto b = static_cast<unsigned char>(s[at + static_cast<std::size_t>(k)]);
      v |= static_cast<std::uint32_t>(b) << (8 * (big_endian ? unit - 1 - k : k));
    }
    return v;
  };
  std::size_t reports = 0;
  auto problem = [&](std::string what) {
    if (reports >= max_encoding_reports) return;
    if (++reports == max_encoding_reports) {
      what += "; further invalid sequences in this file are replaced without a report";
    }
    problems.push_back({out.size(), std::move(what)});
  };
  const char* name = unit == 2 ? "UTF-16" : "UTF-32";
  std::size_t u = static_cast<std::size_t>(unit);
  std::size_t i = start;
  for (; i + u <= s.size(); i += u) {
    std::uint32_t cp = read(i);
    if (unit == 2 && cp >= 0xD800 && cp <= 0xDBFF && i + 2 * u <= s.size()) {
      std::uint32_t low = read(i + u);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00));
        i += u;
        continue;
      }
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      problem(std::string("invalid ") + name + " (" +
              (cp <= 0xFFFF ? "unpaired surrogate" : "value beyond U+10FFFF") +
              "), read as U+FFFD");
      out += replacement;
      continue;
    }
    append_utf8(out, cp);
  }
  if (i < s.size()) {
    problem(std::string("invalid ") + name + ": the file ends inside a code unit (" +
            std::to_string(s.size() - i) + " byte(s) left over), read as U+FFFD");
    out += replacement;
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// The value of encoding="..." in an XML declaration at the start of an
/// ASCII-compatible text, and its offset; empty when there is none.
std::string_view declared_encoding(std::string_view s, std::size_t& offset) {
  if (s.compare(0, 5, "<?xml") != 0) return {};
  std::size_t end = s.find("?>");
  if (end == std::string_view::npos || end > 1024) return {};
  std::string_view decl = s.substr(0, end);
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  std::size_t q = decl.find_first_of("\"'", at + 8);
  if (q == std::string_view::npos) return {};
  std::string_view between = decl.substr(at + 8, q - at - 8);
  if (between.find_first_not_of(" \t\r\n=") != std::string_view::npos) return {};
  std::size_t close = decl.find(decl[q], q + 1);
  if (close == std::string_view::npos) return {};
  offset = q + 1;
  return decl.substr(q + 1, close - q - 1);
}

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool valid_utf8(std::string_view s) {
  std::size_t bad = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence(s, i, bad);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

/// Converts `text` from the ICU converter `name` to UTF-8; false when ICU
/// does not know the encoding.
bool convert_with_icu(std::string& text, const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || !conv) return false;
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard(conv, &ucnv_close);
  // At most one UTF-16 unit per byte, plus what a stateful encoding flushes.
  if (text.size() > static_cast<std::size_t>(INT32_MAX / 2) - 16) return false;
  std::vector<UChar> wide(text.size() + 16);
  int32_t n = ucnv_toUChars(conv, wide.data(), static_cast<int32_t>(wide.size()), text.data(),
                            static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) return false;
  std::string out;
  out.reserve(static_cast<std::size_t>(n) * 3 / 2 + 16);
  for (int32_t i = 0; i < n;) {
    UChar32 cp;
    U16_NEXT(wide.data(), i, n, cp);
    append_utf8(out, (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : static_cast<std::uint32_t>(cp));
  }
  text = std::move(out);
  return true;
}

/// Turns `content` into UTF-8 (see docs/rules.md, invalid-encoding).
void to_utf8(std::string& content, std::vector<EncodingProblem>& problems) {
  std::string_view s = content;
  auto starts = [&](std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; };
  using namespace std::string_view_literals;
  // Byte order marks, then the bytes of "<?" in UTF-16 and UTF-32.
  if (starts("\xEF\xBB\xBF"sv)) {
    content.erase(0, 3);
    repair_utf8(content, problems);
    return;
  }
  struct Wide {
    std::string_view mark;
    std::size_t skip;
    int unit;
    bool big_endian;
  };
  const Wide wides[] = {
      {"\xFF\xFE\0\0"sv, 4, 4, false}, {"\0\0\xFE\xFF"sv, 4, 4, true}, {"\xFF\xFE"sv, 2, 2, false},
      {"\xFE\xFF"sv, 2, 2, true},      {"<\0\0\0"sv, 0, 4, false},     {"\0\0\0<"sv, 0, 4, true},
      {"<\0?\0"sv, 0, 2, false},       {"\0<\0?"sv, 0, 2, true},
  };
  for (const Wide& w : wides) {
    if (starts(w.mark)) {
      content = decode_utf16_32(s, w.skip, w.unit, w.big_endian, problems);
      return;
    }
  }
  std::size_t decl_at = 0;
  std::string declared = ascii_lower(declared_encoding(s, decl_at));
  if (declared.empty() || declared == "utf-8" || declared == "utf8") {
    repair_utf8(content, problems);
    return;
  }
  std::string original(declared_encoding(s, decl_at));
  if (declared.compare(0, 6, "utf-16") == 0 || declared.compare(0, 6, "utf-32") == 0 ||
      declared == "ucs-2" || declared == "ucs-4" || declared == "utf16" || declared == "utf32") {
    problems.push_back({decl_at, "the declaration says '" + original +
                                     "' but the file has no byte order mark and its bytes are "
                                     "not " +
                                     original + "; read as UTF-8"});
    repair_utf8(content, problems);
    return;
  }
  if (!has_non_ascii(s)) return;  // ASCII reads the same in any of them
  if (valid_utf8(s)) {
    problems.push_back({decl_at, "the declaration says '" + original +
                                     "' but the bytes are UTF-8 (read as " + original +
                                     " every non-ASCII letter would turn into two or three); "
                                     "read as UTF-8"});
    return;
  }
  if (!convert_with_icu(content, original)) {
    problems.push_back({decl_at, "unknown encoding '" + original + "'; read as UTF-8"});
    repair_utf8(content, problems);
  }
}

std::string lower_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

std::string root_name(const pugi::xml_document& doc) {
  pugi::xml_node root = doc.document_element();
  return root ? root.name() : "";
}

/// Parses one registered file and hands it to its reader.
/// `document_path` is the file's path when it was read from disk (readers
/// may look beside it, as the TBX reader does for an XCS), else empty.
Format read_one(Builder& builder, std::vector<Diagnostic>& diagnostics, Format forced,
                std::string_view document_path) {
  std::string_view raw = builder.raw();
  // pugixml parses in place; it gets its own copy so that the raw bytes stay
  // intact for positions and source lines.
  std::unique_ptr<char[]> buffer(new char[raw.size() + 1]);
  std::copy(raw.begin(), raw.end(), buffer.get());
  buffer[raw.size()] = '\0';
  pugi::xml_document doc;
  // The length includes the terminating NUL: pugixml overwrites the last
  // byte of the buffer it is given, which lost the last character of a
  // file truncated inside text (fuzzing; tests/data/fuzz/truncated-native.xml).
  pugi::xml_parse_result parsed =
      doc.load_buffer_inplace(buffer.get(), raw.size() + 1,
                              pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!parsed) {
    std::string what = lower_first(parsed.description());
    std::size_t offset = parsed.offset < 0 ? 0 : static_cast<std::size_t>(parsed.offset);
    if (parsed.status == pugi::status_no_document_element) {
      what = raw.empty() ? "empty file: no XML document" : "no document element";
    }
    diagnostics.push_back(
        make_diagnostic(rules::xml_syntax, builder.range_at(offset), "malformed XML: " + what));
    // What was parsed before the error is still read: entries that could be
    // read are not lost.
    if (!doc.document_element()) return Format::unknown;
  }
  Format format = forced != Format::unknown ? forced : detect_format(doc);
  switch (format) {
    case Format::native:
      read_native(doc, builder);
      break;
    case Format::sts:
      read_sts(doc, builder);
      break;
    case Format::tbx:
    case Format::tbx2008:
      read_tbx(doc, builder, document_path);
      break;
    case Format::unknown: {
      pugi::xml_node root = doc.document_element();
      if (parsed) {
        diagnostics.push_back(make_diagnostic(
            rules::unknown_format,
            builder.range_at(
                static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, root.offset_debug()))),
            "root element '" + root_name(doc) +
                "' is not a term format termgraph reads (native 'vocabulary', NISO STS with "
                "'term-sec', TBX 'tbx' or 'martif')"));
      }
      break;
    }
  }
  builder.end_entry();
  return format;
}

bool is_term_file(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xml" || ext == ".tbx";
}

struct Input {
  std::string path;
  std::string content;
  std::string error;     // non-empty: could not be read
  bool on_disk = false;  // read from the file system (not an in-memory source)
};

void read_file(Input& in) {
  // One read into a buffer of the file's size where the size is known;
  // pipes and other files of unknown size are read in chunks.
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(in.path.c_str(), "rb"),
                                                    &std::fclose);
  if (!f) {
    in.error = "cannot open '" + in.path + "': " + std::strerror(errno);
    return;
  }
  std::error_code ec;
  std::uintmax_t size = fs::file_size(in.path, ec);
  std::string content;
  if (!ec && size > 0) content.resize(static_cast<std::size_t>(size));
  std::size_t got = 0;
  for (;;) {
    if (got == content.size()) {
      // Full: at the end of the file, or the file grew (or its size was
      // unknown). Only grow the buffer when there is more to read.
      char probe;
      if (std::fread(&probe, 1, 1, f.get()) == 0) break;
      content.resize(content.empty() ? 65536 : content.size() * 2);
      content[got++] = probe;
    }
    std::size_t n = std::fread(&content[got], 1, content.size() - got, f.get());
    got += n;
    if (n == 0) break;
  }
  if (std::ferror(f.get())) {
    in.error = "cannot read '" + in.path + "': " + std::strerror(errno);
    return;
  }
  content.resize(got);
  in.content = std::move(content);
}

/// Expands directories (recursively, sorted, *.xml and *.tbx) and reads
/// every file; problems are kept with the input they concern.
std::vector<Input> collect(const std::vector<std::string>& paths) {
  std::vector<Input> inputs;
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      // A symlink loop, a permission problem on the way, ...
      inputs.push_back({path, {}, "cannot read '" + path + "': " + ec.message()});
      continue;
    }
    if (ec || !fs::exists(st)) {
      inputs.push_back({path, {}, "no such file or directory '" + path + "'"});
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
      if (ec) {
        inputs.push_back({path, {}, "cannot read directory '" + path + "': " + ec.message()});
        continue;
      }
      for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
          inputs.push_back({path, {}, "cannot read directory '" + path + "': " + ec.message()});
          break;
        }
        // Symbolic links to directories are not followed (so a link back to
        // an ancestor cannot make this loop); links to files are read. A
        // term file whose link leads nowhere (a loop, a missing target) is
        // reported, not skipped silently.
        std::error_code fec;
        bool regular = it->is_regular_file(fec);
        if (regular && is_term_file(it->path())) {
          found.push_back(it->path().generic_string());
        } else if (fec && is_term_file(it->path())) {
          std::string p = it->path().generic_string();
          inputs.push_back({p, {}, "cannot read '" + p + "': " + fec.message()});
        }
      }
      std::sort(found.begin(), found.end());
      for (std::string& f : found) inputs.push_back({std::move(f), {}, {}, true});
      continue;
    }
    inputs.push_back({path, {}, {}, true});
  }
  for (Input& in : inputs) {
    if (in.error.empty()) read_file(in);
  }
  return inputs;
}

LoadResult load_inputs(std::vector<Input> inputs, const LoadOptions& options) {
  auto impl = std::make_shared<Vocabulary::Impl>();
  LoadResult result;
  Builder builder(*impl, result.diagnostics);
  for (Input& in : inputs) {
    std::string disk_path = in.on_disk ? in.path : std::string();
    // Positions are 32-bit offsets: larger inputs are refused.
    if (in.error.empty() && in.content.size() >= UINT32_MAX / 4) {
      in.error = "'" + in.path + "' is too large (" + std::to_string(in.content.size()) +
                 " bytes; at most 1 GiB is read)";
      in.content.clear();
    }
    std::vector<EncodingProblem> problems;
    if (in.error.empty()) to_utf8(in.content, problems);
    builder.add_file(std::move(in.path), std::move(in.content));
    for (EncodingProblem& p : problems) {
      result.diagnostics.push_back(make_diagnostic(
          rules::invalid_encoding, builder.range_at(p.offset), std::move(p.message)));
    }
    if (!in.error.empty()) {
      Diagnostic d = make_diagnostic(rules::unreadable_input, SourceRange{}, in.error);
      d.range.file = builder.current_file();
      result.diagnostics.push_back(std::move(d));
      result.formats.push_back(Format::unknown);
      continue;
    }
    result.formats.push_back(read_one(builder, result.diagnostics, options.format, disk_path));
  }
  builder.finish();
  result.vocabulary = VocabularyAccess::make(std::move(impl));
  return result;
}

}  // namespace

LoadResult load_files(const std::vector<std::string>& paths, const LoadOptions& options) {
  return load_inputs(collect(paths), options);
}

LoadResult load_sources(std::vector<Source> sources, const LoadOptions& options) {
  std::vector<Input> inputs;
  inputs.reserve(sources.size());
  for (Source& s : sources) inputs.push_back({std::move(s.path), std::move(s.content), {}});
  return load_inputs(std::move(inputs), options);
}

LoadResult load_string(std::string_view content, std::string path) {
  std::vector<Source> sources;
  sources.push_back({std::move(path), std::string(content)});
  return load_sources(std::move(sources));
}

}  // namespace termgraph
