// `termgraph html`: load term files as one vocabulary, check them, and write
// the static site (termgraph/site.hpp) into a directory. The site is built
// in a directory beside the target and moved into place once complete, so
// that a failure leaves an earlier site as it was.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <system_error>
#include <vector>

#include "commands.hpp"
#include "config.hpp"
#include "read_vocabulary.hpp"
#include "termgraph/alphabetical.hpp"
#include "termgraph/report.hpp"
#include "termgraph/site.hpp"

namespace termgraph::cli {

namespace fs = std::filesystem;

namespace {

/// The file every site written by termgraph holds: a directory with it may
/// be replaced, one without it never is.
constexpr const char* marker = ".termgraph-site";

bool is_site(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / marker, ec);
}

/// True when `dir` may be written: it does not exist, is empty, or holds an
/// earlier site. Throws UsageError when it is something else.
void check_target(const fs::path& dir) {
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    throw UsageError("cannot write the site to '" + dir.string() + "': " + ec.message());
  }
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status)) {
    throw UsageError("cannot write the site to '" + dir.string() + "': it is not a directory");
  }
  if (is_site(dir) || fs::is_empty(dir, ec)) return;
  throw UsageError("'" + dir.string() +
                   "' is a directory that holds files and no termgraph site; choose an empty or "
                   "new directory (a site is only written over an earlier site)");
}

void write_file(const fs::path& path, std::string_view content) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  errno = 0;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (file) file.write(content.data(), static_cast<std::streamsize>(content.size()));
  file.close();
  if (!file) {
    throw UsageError("cannot write '" + path.string() +
                     "': " + (errno != 0 ? std::strerror(errno) : "write failed"));
  }
}

}  // namespace

int run_html(const HtmlOptions& options, std::ostream& out, std::ostream& err) {
  const fs::path target = fs::path(options.output).lexically_normal();
  check_target(target);

  LoadOptions load_options;
  load_options.dash_is_stdin = true;
  load_options.analysis.diagnostics = diagnostic_options(options.rules, options.paths, err);
  const LoadResult result = load_files(options.paths, load_options);
  for (const Diagnostic& d : result.diagnostics) {
    if (d.is(RuleId::unreadable_input)) {
      LoadResult problem;
      problem.vocabulary = result.vocabulary;
      problem.diagnostics.push_back(d);
      write_diagnostics(err, problem, text_style(options.diagnostics, STDERR_FILENO));
      return exit_usage;
    }
  }
  // What kept inputs from being read is said here; every finding, these
  // included, is on the site's findings pages.
  LoadResult problems;
  problems.vocabulary = result.vocabulary;
  std::copy_if(result.diagnostics.begin(), result.diagnostics.end(),
               std::back_inserter(problems.diagnostics), not_read);
  if (!problems.diagnostics.empty()) {
    write_diagnostics(err, problems, text_style(options.diagnostics, STDERR_FILENO));
  }
  if (result.vocabulary.size() == 0) {
    err << "termgraph: error: no term entries were read; no site is written\n";
    return exit_usage;
  }

  // A --lang that matches no section would leave every entry empty: say so.
  // (The site matches ranges as the alphabetical index does.)
  for (const std::string& range : options.languages) {
    if (!alphabetical_index(result.vocabulary, range).empty()) continue;
    std::string known;
    for (const std::string& tag : languages(result.vocabulary)) {
      known += (known.empty() ? "" : ", ") + tag;
    }
    throw UsageError("--lang " + range +
                     ": no term is in that language (the vocabulary's: " + known + ")");
  }

  SiteOptions site;
  site.languages = options.languages;
  site.title = options.title;
  site.entries_per_page = options.entries_per_page;
  site.pictures = !options.no_pictures;

  // Built beside the target, then moved into place.
  fs::path building = target;
  building += ".termgraph-tmp";
  std::error_code ec;
  fs::remove_all(building, ec);
  fs::create_directories(building, ec);
  if (ec) throw UsageError("cannot create '" + building.string() + "': " + ec.message());
  SiteSummary summary;
  try {
    summary = write_site(result.vocabulary, result.diagnostics, site,
                         [&](std::string_view path, std::string_view content) {
                           write_file(building / fs::path(std::string(path)), content);
                         });
    write_file(building / marker, "A site written by termgraph html; termgraph replaces it.\n");
  } catch (...) {
    fs::remove_all(building, ec);
    throw;
  }
  if (fs::exists(target)) fs::remove_all(target, ec);
  if (!ec) fs::rename(building, target, ec);
  if (ec) {
    fs::remove_all(building, ec);
    throw UsageError("cannot move the site into '" + target.string() + "'");
  }

  out << "termgraph: wrote " << summary.files.size() << " files to " << target.string() << " ("
      << result.vocabulary.size() << (result.vocabulary.size() == 1 ? " entry, " : " entries, ")
      << result.errors() << (result.errors() == 1 ? " error, " : " errors, ") << result.warnings()
      << (result.warnings() == 1 ? " warning" : " warnings") << " on the findings pages); open "
      << (target / "index.html").string() << '\n';
  return result.errors() > 0 ? exit_findings : exit_ok;
}

}  // namespace termgraph::cli
