// `termgraph convert`: load files as one vocabulary and write it in another
// format, to standard output or atomically to a file.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <string>
#include <system_error>
#include <vector>

#include "commands.hpp"
#include "config.hpp"
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
  // The reason of a failure, from errno where the stream set it; the message
  // names the user's path, not the temporary file.
  std::string reason;
  auto failed = [&reason](const char* fallback) {
    reason = errno != 0 ? std::strerror(errno) : fallback;
  };
  bool written = false;
  {
    errno = 0;
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) {
      // A directory in the way of the temporary file is the one failure
      // that is about FILE.tmp, not FILE: say so.
      if (errno == EISDIR)
        throw UsageError("cannot write '" + path + "': '" + tmp + "' is a directory");
      failed("cannot create the file");
      throw UsageError("cannot write '" + path + "': " + reason);
    }
    written = write_vocabulary(file, vocabulary, format, options);
    errno = 0;
    file.flush();
    if (written && !file) failed("write failed");
    written = written && static_cast<bool>(file);
    file.close();
    if (written && file.fail()) {
      failed("write failed");
      written = false;
    }
  }
  std::error_code ec;
  if (written) fs::rename(tmp, path, ec);
  if (ec) reason = ec.message();
  if (!written || ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw UsageError("cannot write '" + path + "'" + (reason.empty() ? "" : ": " + reason));
  }
}

}  // namespace

Format parse_format_name(const std::string& name) {
  return format_named(name);
}

int run_convert(const ConvertOptions& options, std::ostream& out, std::ostream& err) {
  const Format to = parse_format_name(options.to);
  if (!can_write(to)) throw UsageError("cannot write the format '" + options.to + "'");
  if (!options.base_iri.empty() && !is_absolute_iri(options.base_iri)) {
    throw UsageError("--base-iri: '" + options.base_iri + "' is not an absolute IRI");
  }
  LoadOptions load_options;
  load_options.dash_is_stdin = true;
  load_options.analysis.diagnostics = diagnostic_options(options.rules, options.paths, err);
  if (!options.from.empty()) {
    load_options.format = parse_format_name(options.from);
    if (load_options.format == Format::unknown) {
      throw UsageError("unknown input format '" + options.from + "'");
    }
  }

  const LoadResult result = load_files(options.paths, load_options);
  write_diagnostics(err, result, text_style(options.diagnostics, STDERR_FILENO));
  err.flush();
  // A missing input would make the output silently incomplete: write nothing.
  if (unreadable(result)) return exit_usage;
  // Nothing read: an empty vocabulary never replaces an output (the inputs'
  // diagnostics, empty-input among them, say why).
  if (result.vocabulary.size() == 0) {
    err << "termgraph: error: no term entries were read; nothing is written"
        << (options.output.empty() || options.output == "-"
                ? std::string()
                : " ('" + options.output + "' is left as it was)")
        << '\n';
    return exit_usage;
  }

  WriteOptions write_options;
  write_options.title = options.title;
  write_options.tbx_style = options.tbx_style == "dct" ? TbxStyle::dct : TbxStyle::dca;
  write_options.base_iri = options.base_iri;
  std::vector<Diagnostic> lost;
  write_options.lost = &lost;
  if (options.output.empty() || options.output == "-") {
    if (!write_vocabulary(out, result.vocabulary, to, write_options)) {
      throw UsageError("cannot write the format '" + options.to + "'");
    }
    errno = 0;
    out.flush();
    if (!out) {
      throw UsageError(std::string("cannot write to standard output") +
                       (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()));
    }
  } else {
    write_file_atomically(options.output, result.vocabulary, to, write_options);
  }
  // What the output format could not hold (lossy-conversion), once per
  // data category, unless the rule is turned off.
  const DiagnosticOptions& rules = load_options.analysis.diagnostics;
  const TextStyle style = text_style(options.diagnostics, STDERR_FILENO);
  std::size_t errors = 0;
  for (Diagnostic& d : lost) {
    const Profile profile = rules.profile ? *rules.profile : Profile::iso;
    std::optional<Severity> severity = rules.severity(RuleId::lossy_conversion, profile);
    if (!severity) continue;
    d.severity =
        rules.warnings_as_errors && *severity == Severity::warning ? Severity::error : *severity;
    if (d.severity == Severity::error) ++errors;
    write_diagnostic(err, d, result.vocabulary, style);
  }
  err.flush();
  return result.errors() + errors > 0 ? exit_findings : exit_ok;
}

}  // namespace termgraph::cli
