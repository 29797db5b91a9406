// Loading: read files, detect each one's format (load/formats.cpp), parse
// it once, hand the document to its reader, then finish the vocabulary
// (indexes, resolution, graph, checks) in one place.
#include "termgraph/load.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <pugixml.hpp>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "diag/diagnostics.hpp"
#include "load/analyse.hpp"
#include "load/formats.hpp"
#include "model/builder.hpp"
#include "model/impl.hpp"
#include "read/chunked.hpp"
#include "read/markup_scan.hpp"
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

/// Asks the kernel to back the 2 MiB pages wholly inside [p, p + n) with
/// huge pages (Linux, transparent huge pages in `always` or `madvise`
/// mode): a buffer the size of a large file then costs a few hundred page
/// faults instead of one per 4 KiB, which on a virtual machine takes as long
/// as parsing the bytes. Nothing elsewhere.
void advise_large_pages([[maybe_unused]] void* p, [[maybe_unused]] std::size_t n) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t begin = (at + huge_page - 1) & ~(huge_page - 1);
  const std::uintptr_t end = (at + n) & ~(huge_page - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

std::string lower_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

/// What reading one file found out, besides the entries and diagnostics.
struct ReadOutcome {
  /// The format the file was read as (Format::unknown: not read).
  Format format = Format::unknown;
  /// Whether the format was forced (LoadOptions::format).
  bool forced = false;
  /// The format the file's root element names (XML).
  Format detected = Format::unknown;
  /// The byte offset of the root element (XML), else 0.
  std::size_t root_offset = 0;
  /// The name of the root element (XML), else empty.
  std::string root_name;
};

/// Whether `raw` can be XML: its first character, after a byte order mark
/// and white space, is '<'.
bool looks_like_xml(std::string_view raw) {
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (raw.substr(0, bom.size()) == bom) raw.remove_prefix(bom.size());
  const std::size_t first = raw.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && raw[first] == '<';
}

/// Reads a large XML file chunk by chunk (read/chunked.hpp), when its root
/// element names its format (or the format is forced): the tree in memory is
/// the skeleton and one chunk, not the whole file. False, with nothing read,
/// when the file is to be parsed whole: too small, not split, or a chunk
/// that does not parse or that the reader did not open (what it read is
/// undone).
bool read_chunked(Builder& builder, Format forced, std::string_view document_path,
                  ReadOutcome& outcome) {
  ChunkedDocument chunks;
  if (!chunks.plan(builder.raw(), chunked_reading_limits()) || !chunks.parse_skeleton()) {
    return false;
  }
  const XmlRoot root = xml_root(chunks.skeleton());
  const Format detected = detect_xml_root_format(root);
  if (detected == Format::unknown) return false;  // detection by content reads the whole tree
  const Format format = forced != Format::unknown ? forced : detected;
  const FormatRecord* record = format_record(format);
  if (!record || !record->read_xml) return false;
  const Builder::Mark mark = builder.mark();
  try {
    record->read_xml(chunks.skeleton(), builder, document_path, &chunks);
  } catch (const ChunkedDocument::Restart&) {
    builder.rewind(mark);
    return false;
  }
  if (!chunks.all_opened()) {
    builder.rewind(mark);
    return false;
  }
  builder.end_entry();
  if (!chunks.set_entry_ends(builder)) set_xml_entry_ends(builder);
  outcome.root_offset = chunks.offset(root.node);
  outcome.root_name = root.node.name();
  outcome.detected = detected;
  outcome.format = format;
  return true;
}

/// Reads one registered file with the reader of its format: a text format
/// (forced, or claiming the file by its name and text) reads the raw text;
/// otherwise the file is parsed as XML once and its format detected from the
/// document. `path` is the file's name (for detection by extension);
/// `document_path` is the file's path when it was read from disk (readers
/// may look beside it, as the TBX reader does for an XCS), else empty.
ReadOutcome read_one(Builder& builder, std::vector<Diagnostic>& diagnostics, Format forced,
                     std::string_view path, std::string_view document_path) {
  ReadOutcome outcome;
  outcome.forced = forced != Format::unknown;
  std::string_view raw = builder.raw();
  const FormatRecord* text_format =
      forced != Format::unknown ? format_record(forced) : detect_text_format(path, raw);
  if (text_format && text_format->read_text) {
    text_format->read_text(raw, builder);
    builder.end_entry();
    outcome.format = text_format->format;
    return outcome;
  }
  // A file no text format claims, that is not XML either and whose name is
  // not one of a term format (given by name: README.md): no format of ours,
  // rather than an XML syntax error somewhere in its text.
  if (forced == Format::unknown && !has_term_extension(path) && !looks_like_xml(raw)) {
    diagnostics.push_back(make_diagnostic(
        rules::unknown_format, builder.range_at(0),
        "not a term file: neither XML (" + known_roots() +
            ") nor CSV (a .csv name, or a header row naming a term column and a language or "
            "entry column)"));
    return outcome;
  }
  if (read_chunked(builder, forced, document_path, outcome)) return outcome;
  // pugixml parses in place; it gets its own copy so that the raw bytes stay
  // intact for positions and source lines.
  std::unique_ptr<char[]> buffer(new char[raw.size() + 1]);
  advise_large_pages(buffer.get(), raw.size() + 1);
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
    if (!doc.document_element()) return outcome;
  }
  const XmlRoot root = xml_root(doc);
  outcome.root_offset =
      static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, root.node.offset_debug()));
  outcome.root_name = root.node.name();
  outcome.detected = detect_xml_format(root);
  Format format = forced != Format::unknown ? forced : outcome.detected;
  const FormatRecord* record = format_record(format);
  if (record && record->read_xml) {
    record->read_xml(doc, builder, document_path, nullptr);
  } else if (parsed) {
    diagnostics.push_back(
        make_diagnostic(rules::unknown_format, builder.range_at(outcome.root_offset),
                        "root element '" + outcome.root_name +
                            "' is not a term format termgraph reads (" + known_roots() + ")"));
    format = Format::unknown;
  }
  builder.end_entry();
  // pugixml records where elements start, not where they end: the tree
  // tells where to look on a well-formed file, a scan of it otherwise.
  if (!parsed || !set_xml_entry_ends(builder, doc)) set_xml_entry_ends(builder);
  outcome.format = format;
  return outcome;
}

/// Whether `diagnostics` from index `first` on tell why the current file
/// gave no entries: it could not be read, parsed or recognised.
bool unread_reported(const std::vector<Diagnostic>& diagnostics, std::size_t first, FileId file) {
  for (std::size_t i = first; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    if (d.range.file != file) continue;
    if (d.is(RuleId::xml_syntax) || d.is(RuleId::csv_syntax) || d.is(RuleId::unknown_format) ||
        d.is(RuleId::unreadable_input)) {
      return true;
    }
  }
  return false;
}

/// The empty-input finding of a file read as `outcome.format` that gave no
/// entries: at its root element (XML) or its start.
Diagnostic no_entries(Builder& builder, const ReadOutcome& outcome) {
  const std::string format(to_string(outcome.format));
  std::string message = "no term entries: ";
  if (!outcome.forced || outcome.root_name.empty()) {
    message += "this " + format + " file holds none";
  } else if (outcome.detected == outcome.format) {
    message += "this " + format + " file (the format asked for) holds none";
  } else {
    message += "read as " + format +
               ", the format asked for, this file holds none; its root "
               "element '" +
               outcome.root_name + "' is ";
    message += outcome.detected == Format::unknown
                   ? std::string("of no format termgraph reads")
                   : "that of " + std::string(to_string(outcome.detected)) +
                         ", which the file is read as when no format is asked for";
  }
  return make_diagnostic(rules::empty_input, builder.range_at(outcome.root_offset),
                         std::move(message));
}

bool is_term_file(const fs::path& p) {
  return has_term_extension(p.filename().string());
}

struct Input {
  std::string path;
  std::string content;
  std::string error;             // non-empty: could not be read
  bool on_disk = false;          // read from the file system (not an in-memory source)
  bool empty_directory = false;  // a directory that holds no term file
  bool needs_reading = false;    // its bytes are still to be read (read_file())
};

/// "*.xml, *.tbx or *.csv": the extensions of the formats read.
std::string term_patterns() {
  std::vector<std::string> patterns;
  for (const FormatInfo& f : formats()) {
    if (!f.can_read) continue;
    for (std::string_view ext : f.extensions) {
      std::string p = "*" + std::string(ext);
      if (std::find(patterns.begin(), patterns.end(), p) == patterns.end()) patterns.push_back(p);
    }
  }
  std::string out;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (i > 0) out += i + 1 == patterns.size() ? " or " : ", ";
    out += patterns[i];
  }
  return out;
}

int keep_open(std::FILE* /*f*/) {
  return 0;
}
int close_file(std::FILE* f) {
  return std::fclose(f);
}

/// The name standard input is shown under.
constexpr std::string_view stdin_name = "<stdin>";

void read_file(Input& in) {
  // One read into a buffer of the file's size where the size is known;
  // pipes and other files of unknown size are read in chunks.
  const bool standard_input = !in.on_disk && in.path == stdin_name;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(
      standard_input ? stdin : std::fopen(in.path.c_str(), "rb"),
      standard_input ? &keep_open : &close_file);
  if (!f) {
    in.error = "cannot open '" + in.path + "': " + std::strerror(errno);
    return;
  }
  std::error_code ec;
  std::uintmax_t size = standard_input ? 0 : fs::file_size(in.path, ec);
  std::string content;
  if (!ec && size > 0) {
    // Room first, the kernel's advice next, the bytes last: the advice
    // counts for pages not yet touched.
    content.reserve(static_cast<std::size_t>(size));
    advise_large_pages(content.data(), static_cast<std::size_t>(size));
    content.resize(static_cast<std::size_t>(size));
  }
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
std::vector<Input> collect(const std::vector<std::string>& paths, bool dash_is_stdin) {
  std::vector<Input> inputs;
  bool stdin_read = false;
  for (const std::string& path : paths) {
    if (dash_is_stdin && path == "-") {
      // Standard input can be read once; a second "-" reads nothing.
      if (stdin_read) {
        inputs.push_back({std::string(stdin_name), {}, "standard input is given more than once"});
      } else {
        inputs.push_back({std::string(stdin_name), {}, {}});
      }
      stdin_read = true;
      continue;
    }
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
      const std::size_t problems = inputs.size();
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
      if (found.empty() && inputs.size() == problems) {
        // Nothing to read is not success: the directory is reported.
        Input none{path, {}, {}, true};
        none.empty_directory = true;
        inputs.push_back(std::move(none));
      }
      for (std::string& f : found) inputs.push_back({std::move(f), {}, {}, true});
      continue;
    }
    inputs.push_back({path, {}, {}, true});
  }
  // The bytes are read later, by the thread that reads the file.
  for (Input& in : inputs) in.needs_reading = in.error.empty() && !in.empty_directory;
  return inputs;
}

/// Reads input `in` as the next file of `builder`, whose Impl is `impl`:
/// its bytes (when not read yet), their encoding, its format and entries.
/// Returns the format it was read as (Format::unknown: not read).
Format read_input(Builder& builder, Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics,
                  Input& in, Format forced) {
  if (in.needs_reading) read_file(in);
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
    diagnostics.push_back(
        make_diagnostic(rules::invalid_encoding, builder.range_at(p.offset), std::move(p.message)));
  }
  if (!in.error.empty() || in.empty_directory) {
    Diagnostic d = in.empty_directory
                       ? make_diagnostic(rules::empty_input, SourceRange{},
                                         "no term entries: the directory holds no term file (" +
                                             term_patterns() + ", searched recursively)")
                       : make_diagnostic(rules::unreadable_input, SourceRange{}, in.error);
    d.range.file = builder.current_file();
    diagnostics.push_back(std::move(d));
    return Format::unknown;
  }
  const std::size_t entries_before = impl.entries.size();
  const std::size_t diagnostics_before = diagnostics.size();
  const ReadOutcome outcome = read_one(builder, diagnostics, forced, name, disk_path);
  // A file that yields no entry is an error, unless it is already
  // reported as unreadable, malformed or of no known format.
  if (impl.entries.size() == entries_before &&
      !unread_reported(diagnostics, diagnostics_before, builder.current_file())) {
    diagnostics.push_back(no_entries(builder, outcome));
  }
  return outcome.format;
}

/// One input read by a thread of its own, into a model of its own that
/// Builder::absorb() appends to the vocabulary's afterwards.
struct PartRead {
  Vocabulary::Impl impl;
  std::vector<Diagnostic> diagnostics;
  Builder builder{impl, diagnostics};
  Format format = Format::unknown;
};

/// The number of threads that read `inputs` inputs: AnalysisOptions::threads,
/// or the hardware's, never more than there are inputs.
unsigned reading_threads(std::size_t inputs, unsigned asked) {
  return static_cast<unsigned>(
      std::min<std::size_t>(analysis_threads(asked), std::max<std::size_t>(inputs, 1)));
}

/// Reads `inputs` on `threads` threads into `builder`, as one thread reading
/// one input after the other would: the first input into the vocabulary's
/// own model, each other into a model of its own (PartRead) that this thread
/// appends in input order (Builder::absorb()) as soon as it and those before
/// it are read, reading an input itself while the next to append is not
/// ready. The formats read go to result.formats.
void read_side_by_side(Builder& builder, Vocabulary::Impl& impl, LoadResult& result,
                       std::vector<Input>& inputs, const LoadOptions& options, unsigned threads) {
  const std::size_t n = inputs.size();
  std::vector<std::unique_ptr<PartRead>> parts(n);
  std::vector<std::exception_ptr> failures(n);
  std::vector<char> done(n, 0);  // guarded by `mutex`
  std::mutex mutex;
  std::condition_variable finished;
  std::atomic<std::size_t> next{1};
  auto read_part = [&](std::size_t i) {
    std::unique_ptr<PartRead> part;
    std::exception_ptr failure;
    try {
      part = std::make_unique<PartRead>();
      part->builder.start_at_file(static_cast<FileId>(i));
      part->format =
          read_input(part->builder, part->impl, part->diagnostics, inputs[i], options.format);
    } catch (...) {
      failure = std::current_exception();  // out of memory: rethrown by the appender
    }
    {
      std::lock_guard<std::mutex> lock(mutex);
      parts[i] = std::move(part);
      failures[i] = failure;
      done[i] = 1;
    }
    finished.notify_all();
  };
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) read_part(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  try {
    result.formats.push_back(
        read_input(builder, impl, result.diagnostics, inputs[0], options.format));
    for (std::size_t i = 1; i < n; ++i) {
      std::unique_lock<std::mutex> lock(mutex);
      while (!done[i]) {
        lock.unlock();
        const std::size_t mine = next++;
        if (mine < n) {
          read_part(mine);
          lock.lock();
        } else {
          lock.lock();
          finished.wait(lock, [&] { return done[i] != 0; });
        }
      }
      std::unique_ptr<PartRead> part = std::move(parts[i]);
      if (failures[i]) std::rethrow_exception(failures[i]);
      lock.unlock();
      builder.absorb(part->builder, part->diagnostics);
      result.formats.push_back(part->format);
    }
  } catch (...) {
    next = n;  // the other threads stop at their next input
    for (std::thread& t : pool) t.join();
    throw;
  }
  for (std::thread& t : pool) t.join();
}

LoadResult load_inputs(std::vector<Input> inputs, const LoadOptions& options) {
  auto impl = std::make_shared<Vocabulary::Impl>();
  LoadResult result;
  Builder builder(*impl, result.diagnostics);
  const unsigned threads = reading_threads(inputs.size(), options.analysis.threads);
  if (threads <= 1) {
    for (Input& in : inputs) {
      result.formats.push_back(read_input(builder, *impl, result.diagnostics, in, options.format));
    }
  } else {
    read_side_by_side(builder, *impl, result, inputs, options, threads);
  }
  builder.finish();
  result.vocabulary = VocabularyAccess::make(std::move(impl));
  finish_loading(result, options.analysis);
  return result;
}

}  // namespace

LoadResult load_files(const std::vector<std::string>& paths, const LoadOptions& options) {
  return load_inputs(collect(paths, options.dash_is_stdin), options);
}

LoadResult load_sources(std::vector<Source> sources, const LoadOptions& options) {
  std::vector<Input> inputs;
  inputs.reserve(sources.size());
  for (Source& s : sources) {
    inputs.push_back({std::move(s.path), std::move(s.content), {}, s.on_disk});
  }
  return load_inputs(std::move(inputs), options);
}

struct PreparedInput::Part {
  Source source;  // as given, for reading again at another index
  std::size_t position = 0;
  PartRead read;
};

const std::string& PreparedInput::path() const noexcept {
  return part_->source.path;
}
Format PreparedInput::format() const noexcept {
  return part_->read.format;
}
std::size_t PreparedInput::position() const noexcept {
  return part_->position;
}

namespace {

std::shared_ptr<PreparedInput::Part> read_prepared(Source source, std::size_t position,
                                                   Format forced) {
  auto part = std::make_shared<PreparedInput::Part>();
  part->source = std::move(source);
  part->position = position;
  Input in{part->source.path, part->source.content, {}, part->source.on_disk};
  part->read.builder.start_at_file(static_cast<FileId>(position));
  part->read.format =
      read_input(part->read.builder, part->read.impl, part->read.diagnostics, in, forced);
  return part;
}

}  // namespace

PreparedInput prepare_input(Source source, std::size_t position, const LoadOptions& options) {
  return PreparedInput(read_prepared(std::move(source), position, options.format));
}

LoadResult load_prepared(const std::vector<PreparedInput>& inputs, const LoadOptions& options) {
  auto impl = std::make_shared<Vocabulary::Impl>();
  LoadResult result;
  Builder builder(*impl, result.diagnostics);
  impl->retained.reserve(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!inputs[i]) throw std::invalid_argument("load_prepared: an empty PreparedInput");
    std::shared_ptr<const PreparedInput::Part> part = inputs[i].part_;
    if (part->position != i) part = read_prepared(part->source, i, options.format);
    builder.absorb_copy(part->read.builder, part->read.diagnostics);
    result.formats.push_back(part->read.format);
    impl->retained.push_back(std::move(part));
  }
  builder.finish();
  result.vocabulary = VocabularyAccess::make(std::move(impl));
  finish_loading(result, options.analysis);
  return result;
}

LoadResult load_string(std::string_view content, std::string path, const LoadOptions& options) {
  std::vector<Source> sources;
  sources.push_back({std::move(path), std::string(content)});
  return load_sources(std::move(sources), options);
}

}  // namespace termgraph
