// Loading: read files, detect each one's format (load/formats.cpp), parse
// it once, hand the document to its reader, then finish the vocabulary
// (indexes, resolution, graph, checks) in one place.
#include "termgraph/load.hpp"

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

#include "diag/diagnostics.hpp"
#include "load/analyse.hpp"
#include "load/formats.hpp"
#include "model/builder.hpp"
#include "model/impl.hpp"
#include "termgraph/rules.hpp"
#include "text/encoding.hpp"

namespace termgraph {

namespace fs = std::filesystem;

std::size_t LoadResult::count(Severity s) const noexcept {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [s](const Diagnostic& d) { return d.severity == s; }));
}

namespace {

std::string lower_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

/// Reads one registered file with the reader of its format: a text format
/// (forced, or claiming the file by its name and text) reads the raw text;
/// otherwise the file is parsed as XML once and its format detected from the
/// document. `path` is the file's name (for detection by extension);
/// `document_path` is the file's path when it was read from disk (readers
/// may look beside it, as the TBX reader does for an XCS), else empty.
Format read_one(Builder& builder, std::vector<Diagnostic>& diagnostics, Format forced,
                std::string_view path, std::string_view document_path) {
  std::string_view raw = builder.raw();
  const FormatRecord* text_format =
      forced != Format::unknown ? format_record(forced) : detect_text_format(path, raw);
  if (text_format && text_format->read_text) {
    text_format->read_text(raw, builder);
    builder.end_entry();
    return text_format->format;
  }
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
  const XmlRoot root = xml_root(doc);
  Format format = forced != Format::unknown ? forced : detect_xml_format(root);
  const FormatRecord* record = format_record(format);
  if (record && record->read_xml) {
    record->read_xml(doc, builder, document_path);
  } else if (parsed) {
    diagnostics.push_back(make_diagnostic(
        rules::unknown_format,
        builder.range_at(
            static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, root.node.offset_debug()))),
        "root element '" + std::string(root.node.name()) +
            "' is not a term format termgraph reads (" + known_roots() + ")"));
    format = Format::unknown;
  }
  builder.end_entry();
  return format;
}

bool is_term_file(const fs::path& p) {
  return has_term_extension(p.filename().string());
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

/// Expands directories (recursively, sorted, files with the extensions of the
/// formats read: has_term_extension()) and reads
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
    std::string name = in.path;
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
    result.formats.push_back(
        read_one(builder, result.diagnostics, options.format, name, disk_path));
  }
  builder.finish();
  result.vocabulary = VocabularyAccess::make(std::move(impl));
  finish_loading(result, options.analysis);
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

LoadResult load_string(std::string_view content, std::string path, const LoadOptions& options) {
  std::vector<Source> sources;
  sources.push_back({std::move(path), std::string(content)});
  return load_sources(std::move(sources), options);
}

}  // namespace termgraph
