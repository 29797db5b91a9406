// The vocabulary lookup, refs, search, index and graph read.
#include "read_vocabulary.hpp"

#include <unistd.h>

#include <algorithm>
#include <iterator>

#include "commands.hpp"
#include "termgraph/report.hpp"

namespace termgraph::cli {

bool not_read(const Diagnostic& d) {
  return d.severity == Severity::error &&
         (d.is(RuleId::xml_syntax) || d.is(RuleId::csv_syntax) || d.is(RuleId::invalid_encoding) ||
          d.is(RuleId::unknown_format) || d.is(RuleId::empty_input));
}

bool report_unread(const LoadResult& result, const OutputOptions& diagnostics, std::ostream& err) {
  for (const Diagnostic& d : result.diagnostics) {
    if (d.is(RuleId::unreadable_input)) throw UsageError(d.message);
  }
  LoadResult problems;
  problems.vocabulary = result.vocabulary;
  problems.formats = result.formats;
  std::copy_if(result.diagnostics.begin(), result.diagnostics.end(),
               std::back_inserter(problems.diagnostics), not_read);
  if (!problems.diagnostics.empty()) {
    write_diagnostics(err, problems, text_style(diagnostics, STDERR_FILENO));
    err.flush();
  }
  return !problems.diagnostics.empty();
}

std::optional<LoadResult> read_vocabulary(const std::vector<std::string>& vocab,
                                          const OutputOptions& diagnostics,
                                          const std::string& purpose, std::ostream& err) {
  LoadOptions options;
  options.dash_is_stdin = true;  // --vocab -
  LoadResult result = load_files(vocab.empty() ? bundled_vocabulary() : vocab, options);
  const bool reported = report_unread(result, diagnostics, err);
  if (result.vocabulary.size() == 0) {
    // Without a reason printed (none is expected), say so.
    if (!reported) {
      throw UsageError("no term entries were read; nothing to " + purpose);
    }
    return std::nullopt;
  }
  return result;
}

}  // namespace termgraph::cli
