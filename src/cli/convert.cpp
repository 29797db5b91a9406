// `termgraph convert`: load files as one vocabulary and write it in another
// format, to standard output or atomically to a file.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <system_error>

#include "commands.hpp"
#include "termgraph/report.hpp"
#include "termgraph/write.hpp"

namespace termgraph::cli {

namespace fs = std::filesystem;

namespace {

bool unreadable(const LoadResult& result) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& d) { return d.is(RuleId::unreadable_input); });
}

/// Writes the vocabulary to `path` through `path.tmp`, renamed over `path`
/// only once everything is written and flushed: a failure leaves any
/// previous `path` as it was and no partial file behind.
void write_file_atomically(const std::string& path, const Vocabulary& vocabulary, Format format,
                           const WriteOptions& options) {
  const std::string tmp = path + ".tmp";
  bool written = false;
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) throw UsageError("cannot write '" + tmp + "'");
    written = write_vocabulary(file, vocabulary, format, options);
    file.flush();
    written = written && static_cast<bool>(file);
  }
  std::error_code ec;
  if (written) fs::rename(tmp, path, ec);
  if (!written || ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw UsageError("cannot write '" + path + "'" + (ec ? ": " + ec.message() : std::string()));
  }
}

}  // namespace

Format parse_format_name(const std::string& name) {
  return format_named(name);
}

int run_convert(const ConvertOptions& options, std::ostream& out, std::ostream& err) {
  const Format to = parse_format_name(options.to);
  if (!can_write(to)) throw UsageError("cannot write the format '" + options.to + "'");
  LoadOptions load_options;
  if (!options.from.empty()) {
    load_options.format = parse_format_name(options.from);
    if (load_options.format == Format::unknown) {
      throw UsageError("unknown input format '" + options.from + "'");
    }
  }

  const LoadResult result = load_files(options.paths, load_options);
  write_diagnostics(err, result);
  err.flush();
  // A missing input would make the output silently incomplete: write nothing.
  if (unreadable(result)) return exit_usage;

  WriteOptions write_options;
  write_options.title = options.title;
  if (options.output.empty() || options.output == "-") {
    if (!write_vocabulary(out, result.vocabulary, to, write_options)) {
      throw UsageError("cannot write the format '" + options.to + "'");
    }
    out.flush();
    if (!out) throw UsageError("cannot write the output");
  } else {
    write_file_atomically(options.output, result.vocabulary, to, write_options);
  }
  return result.errors() > 0 ? exit_findings : exit_ok;
}

}  // namespace termgraph::cli
