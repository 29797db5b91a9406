// The format table, and what is derived from it: the public descriptions,
// names, detection and write_vocabulary()'s dispatch.
#include "load/formats.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "read/csv.hpp"
#include "text/chars.hpp"
#include "write/csv.hpp"
#include "write/rdf.hpp"
#include "write/writers.hpp"

namespace termgraph {

namespace {

constexpr std::string_view xml_ext[] = {".xml"};
constexpr std::string_view tbx_ext[] = {".tbx"};
constexpr std::string_view csv_ext[] = {".csv"};
constexpr std::string_view turtle_ext[] = {".ttl"};
constexpr std::string_view jsonld_ext[] = {".jsonld"};

template <std::size_t N>
constexpr Span<std::string_view> list(const std::string_view (&a)[N]) {
  return Span<std::string_view>(a, N);
}

// One record per format, in the order of the --from / --to choices.
const FormatRecord table[] = {
    {Format::native, "native",
     "termgraph's own format (root `vocabulary` in its namespace, docs/format.md)", list(xml_ext),
     "everything the model holds; one id per entry. Read back: the same model, and the same "
     "bytes when written again",
     Profile::iso, claims_native_root, nullptr,
     [](const pugi::xml_document& doc, Builder& b, std::string_view, ChunkedDocument* chunks) {
       read_native(doc, b, chunks);
     },
     "native 'vocabulary'", nullptr, nullptr, write_native},
    {Format::sts, "sts",
     "NISO/ISO STS terms clauses (`term-sec` with TBX markup in any of the STS TBX namespaces)",
     list(xml_ext),
     "everything the model holds but the data categories its TBX markup has no element for "
     "(reported as lossy-conversion); entries keep their ids, those without get `sec_N` and "
     "`term_N`. STS -> STS and STS -> native -> STS keep every element the model covers",
     Profile::iso, claims_sts_root, claims_sts_content,
     [](const pugi::xml_document& doc, Builder& b, std::string_view, ChunkedDocument* chunks) {
       read_sts(doc, b, chunks);
     },
     "NISO STS with 'term-sec'", nullptr, nullptr, write_sts},
    {Format::tbx, "tbx",
     "TBX v3 (`tbx` in the ISO 30042:2019 namespace, DCA and DCT); written in DCA style (DCT "
     "with `--tbx-style dct`)",
     list(tbx_ext),
     "every data category and transaction at its level and in its group; TBX -> TBX gives back "
     "the same elements (see \"What TBX -> TBX still loses\"); concept ids are the entries' ids "
     "where these carry the entry number or the entry has none, else `term_N`",
     Profile::termbase, claims_tbx_root, nullptr, read_tbx, "TBX 'tbx'", nullptr, nullptr,
     write_tbx},
    {Format::tbx2008, "tbx2008",
     "TBX 2008 (`martif`, ISO 30042:2008); written with `tig` / `ntig` as translation tools "
     "import it, valid against the core structure DTD",
     list(tbx_ext),
     "every data category at its level, with its group; entries are named by their own id "
     "where it is an XML ID, else `term_N`; links to anything but an entry of the file are "
     "written as their text",
     Profile::termbase, claims_tbx2008_root, nullptr, read_tbx, "'martif'", nullptr, nullptr,
     write_tbx2008},
    {Format::csv,
     "csv",
     "CSV (RFC 4180, UTF-8), one row per designation, as translation tools exchange termbases",
     list(csv_ext),
     "entries, numbers, languages, designations (status, type, part of speech, gender), "
     "subject fields, definitions, notes, examples, sources and plain-text references; not "
     "entry ids, markup links (a link is written as its text) or other data categories",
     Profile::termbase,
     nullptr,
     nullptr,
     nullptr,
     {},
     claims_csv,
     read_csv,
     write_csv},
    // Written only: RDF, the vocabulary as a SKOS concept scheme.
    {Format::skos,
     "skos",
     "SKOS (W3C) in Turtle: one `skos:ConceptScheme`, one `skos:Concept` per entry, IRIs under "
     "`--base-iri`; written only",
     list(turtle_ext),
     "entry numbers (`skos:notation`, and in the concept IRI), designations as preferred, "
     "alternative and hidden labels, definitions, notes, examples, sources (`dct:source`), "
     "resolved references as `skos:related` (TBX broader and narrower concept relations as "
     "`skos:broader`, `skos:narrower`), language tags, the title; not term types, parts of "
     "speech, data categories, markup, unresolved or external references",
     Profile::iso,
     nullptr,
     nullptr,
     nullptr,
     {},
     nullptr,
     nullptr,
     write_skos,
     true},
    {Format::jsonld,
     "jsonld",
     "SKOS as JSON-LD 1.0: the triples of `skos`, `@graph` of nodes under a fixed `@context`; "
     "written only",
     list(jsonld_ext),
     "the same triples as `skos`",
     Profile::iso,
     nullptr,
     nullptr,
     nullptr,
     {},
     nullptr,
     nullptr,
     write_jsonld,
     true},
};

/// The extension of the file name at the end of `path`, lower case with
/// the dot; empty when it has none.
std::string extension_of(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return ascii_lower(name.substr(dot));
}

bool has_extension(const FormatRecord& r, const std::string& ext) {
  return !ext.empty() &&
         std::find(r.extensions.begin(), r.extensions.end(), ext) != r.extensions.end();
}

bool reads(const FormatRecord& r) {
  return r.read_xml != nullptr || r.read_text != nullptr;
}

}  // namespace

Span<FormatRecord> format_table() noexcept {
  return Span<FormatRecord>(table, std::size(table));
}

const FormatRecord* format_record(Format format) noexcept {
  for (const FormatRecord& r : table) {
    if (r.format == format) return &r;
  }
  return nullptr;
}

const FormatRecord* detect_text_format(std::string_view path, std::string_view raw) {
  const std::string ext = extension_of(path);
  for (const FormatRecord& r : table) {
    if (r.claims_text && r.claims_text(raw, has_extension(r, ext))) return &r;
  }
  return nullptr;
}

Format detect_xml_root_format(const XmlRoot& root) {
  if (!root.node) return Format::unknown;
  for (const FormatRecord& r : table) {
    if (r.claims_root && r.claims_root(root)) return r.format;
  }
  return Format::unknown;
}

Format detect_xml_format(const XmlRoot& root) {
  if (!root.node) return Format::unknown;
  if (Format f = detect_xml_root_format(root); f != Format::unknown) return f;
  for (const FormatRecord& r : table) {
    if (r.claims_content && r.claims_content(root)) return r.format;
  }
  return Format::unknown;
}

std::string known_roots() {
  std::vector<std::string_view> hints;
  for (const FormatRecord& r : table) {
    if (!r.root_hint.empty()) hints.push_back(r.root_hint);
  }
  std::string out;
  for (std::size_t i = 0; i < hints.size(); ++i) {
    if (i > 0) out += i + 1 == hints.size() ? " or " : ", ";
    out += hints[i];
  }
  return out;
}

bool has_term_extension(std::string_view path) {
  const std::string ext = extension_of(path);
  for (const FormatRecord& r : table) {
    if (reads(r) && has_extension(r, ext)) return true;
  }
  return false;
}

// -- the public API ----------------------------------------------------------

Span<FormatInfo> formats() {
  // Built once from the table (thread-safe initialisation of a local static).
  static const std::vector<FormatInfo> infos = [] {
    std::vector<FormatInfo> v;
    for (const FormatRecord& r : table) {
      v.push_back({r.format, r.name, r.summary, r.extensions, reads(r), r.write != nullptr,
                   r.carries, r.profile});
    }
    return v;
  }();
  return Span<FormatInfo>(infos.data(), infos.size());
}

const FormatInfo* format_info(Format format) noexcept {
  for (const FormatInfo& info : formats()) {
    if (info.format == format) return &info;
  }
  return nullptr;
}

Format format_named(std::string_view name) noexcept {
  for (const FormatRecord& r : table) {
    if (r.name == name) return r.format;
  }
  return Format::unknown;
}

std::string_view to_string(Format f) noexcept {
  const FormatRecord* r = format_record(f);
  return r ? r->name : "unknown";
}

Profile default_profile(Format format) noexcept {
  const FormatRecord* r = format_record(format);
  return r ? r->profile : Profile::iso;
}

bool can_write(Format format) noexcept {
  const FormatRecord* r = format_record(format);
  return r && r->write;
}

bool write_vocabulary(std::ostream& out, const Vocabulary& vocabulary, Format format,
                      const WriteOptions& options) {
  const FormatRecord* r = format_record(format);
  if (!r || !r->write) return false;
  if (r->uses_base_iri && !options.base_iri.empty() && !is_absolute_iri(options.base_iri)) {
    return false;
  }
  r->write(out, vocabulary, options);
  return true;
}

}  // namespace termgraph
