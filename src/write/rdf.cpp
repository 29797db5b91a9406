// The RDF writers: the vocabulary as a SKOS concept scheme. The triples are
// built once (Graph), then written as Turtle or as JSON-LD, so that both
// formats always say the same thing.
#include "write/rdf.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "format/ids.hpp"
#include "text/language.hpp"
#include "write/detail.hpp"

namespace termgraph {

namespace {

constexpr std::string_view skos_namespace = "http://www.w3.org/2004/02/skos/core#";
constexpr std::string_view dct_namespace = "http://purl.org/dc/terms/";

/// The predicates written, in the order each resource lists them.
enum class Predicate : std::uint8_t {
  title,
  in_scheme,
  notation,
  pref_label,
  alt_label,
  hidden_label,
  definition,
  note,
  example,
  source,
  broader,
  narrower,
  related,
};
constexpr std::size_t predicate_count = static_cast<std::size_t>(Predicate::related) + 1;

struct PredicateName {
  std::string_view curie;  // Turtle, and the JSON-LD context's @id
  std::string_view term;   // the JSON-LD term
  bool iri = false;        // its values are IRIs (else literals)
  bool single = false;     // JSON-LD: one value, not an array
};

constexpr PredicateName predicate_names[predicate_count] = {
    {"dct:title", "title", false, true},
    {"skos:inScheme", "inScheme", true, true},
    {"skos:notation", "notation", false, true},
    {"skos:prefLabel", "prefLabel", false, false},
    {"skos:altLabel", "altLabel", false, false},
    {"skos:hiddenLabel", "hiddenLabel", false, false},
    {"skos:definition", "definition", false, false},
    {"skos:note", "note", false, false},
    {"skos:example", "example", false, false},
    {"dct:source", "source", false, false},
    {"skos:broader", "broader", true, false},
    {"skos:narrower", "narrower", true, false},
    {"skos:related", "related", true, false},
};

/// An object: an IRI (for the predicates whose values are IRIs) or a
/// literal with its language tag (empty: a plain literal).
struct Value {
  std::string text;
  std::string language;
};

bool operator==(const Value& a, const Value& b) {
  return a.text == b.text && a.language == b.language;
}

/// One subject and everything said about it, predicate by predicate.
struct Resource {
  std::string iri;
  bool scheme = false;  // skos:ConceptScheme, else skos:Concept
  std::array<std::vector<Value>, predicate_count> values;

  std::vector<Value>& operator[](Predicate p) { return values[static_cast<std::size_t>(p)]; }
  const std::vector<Value>& operator[](Predicate p) const {
    return values[static_cast<std::size_t>(p)];
  }
  /// Adds a value once (a triple is in a graph or not).
  bool add(Predicate p, Value v) {
    std::vector<Value>& list = (*this)[p];
    for (const Value& seen : list) {
      if (seen == v) return false;
    }
    list.push_back(std::move(v));
    return true;
  }
  bool has(Predicate p, const Value& v) const {
    for (const Value& seen : (*this)[p]) {
      if (seen == v) return true;
    }
    return false;
  }
};

/// The scheme first, then one concept per entry (indexed by EntryId + 1).
using Graph = std::vector<Resource>;

// -- names ---------------------------------------------------------------------

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

/// `s` percent-encoded: every byte but RFC 3986's unreserved characters as
/// %XX (upper-case hex digits).
}  // namespace

std::string rdf_detail::percent_encode(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

namespace {

using rdf_detail::percent_encode;
using rdf_detail::turtle_language_tag;
using rdf_detail::turtle_string;

/// One local name per entry (indexed by EntryId), unique: the entry's
/// number (its fallback id when it has none), percent-encoded; a name an
/// earlier entry took gets "--2", "--3" ... (ids::UniqueIds), never the
/// name another entry has of its own.
std::vector<std::string> local_names(const Vocabulary& vocabulary) {
  std::vector<std::string> names(vocabulary.size());
  std::vector<bool> taken(vocabulary.size(), false);
  ids::UniqueIds used;
  for (const Entry& e : vocabulary.entries()) {
    names[e.id] = e.number.empty() ? ids::position_key(e.id + 1) : percent_encode(e.number);
    taken[e.id] = used.take(names[e.id]);
  }
  for (const Entry& e : vocabulary.entries()) {
    if (!taken[e.id]) names[e.id] = used.add(names[e.id]);
  }
  return names;
}

/// True when `tag` matches Turtle's LANGTAG after the '@':
/// [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
}  // namespace

bool rdf_detail::turtle_language_tag(std::string_view tag) {
  std::size_t i = 0;
  while (i < tag.size() && ((tag[i] >= 'a' && tag[i] <= 'z') || (tag[i] >= 'A' && tag[i] <= 'Z')))
    ++i;
  if (i == 0) return false;
  while (i < tag.size()) {
    if (tag[i] != '-') return false;
    const std::size_t start = ++i;
    while (i < tag.size() && ((tag[i] >= 'a' && tag[i] <= 'z') ||
                              (tag[i] >= 'A' && tag[i] <= 'Z') || (tag[i] >= '0' && tag[i] <= '9')))
      ++i;
    if (i == start) return false;
  }
  return true;
}

namespace {

/// The language tags of the literals: a section's tag in its canonical BCP
/// 47 form ("en-gb" -> "en-GB"), or empty (a plain literal) when the tag
/// is empty or not well-formed. Each tag is looked at once.
class LanguageTags {
public:
  const std::string& operator()(std::string_view tag) {
    auto it = tags_.find(std::string(tag));
    if (it != tags_.end()) return it->second;
    std::string canonical;
    if (!tag.empty() && language::well_formed(tag)) {
      canonical = language::canonical(tag);
      if (!turtle_language_tag(canonical)) canonical.clear();
    }
    return tags_.emplace(std::string(tag), std::move(canonical)).first->second;
  }

private:
  std::unordered_map<std::string, std::string> tags_;
};

// -- the graph -------------------------------------------------------------------

/// The SKOS relation a TBX concept relation stands for: broader for the
/// broader and superordinate concepts, narrower for the subordinate ones,
/// related (the default of every other link) otherwise.
Predicate relation_of(std::string_view type) {
  if (type == "broaderConceptGeneric" || type == "broaderConceptPartitive" ||
      type == "superordinateConceptGeneric" || type == "superordinateConceptPartitive") {
    return Predicate::broader;
  }
  if (type == "subordinateConceptGeneric" || type == "subordinateConceptPartitive") {
    return Predicate::narrower;
  }
  return Predicate::related;
}

/// The references of the concept relations among `categories` (and their
/// details, however deeply grouped) that are broader or narrower.
void hierarchy_links(Span<DataCategory> categories,
                     std::unordered_map<const Reference*, Predicate>& out) {
  std::vector<Span<DataCategory>> pending{categories};
  while (!pending.empty()) {
    const Span<DataCategory> list = pending.back();
    pending.pop_back();
    for (const DataCategory& c : list) {
      if (!c.details.empty()) pending.push_back(c.details);
      if (c.block == nullptr || c.block->kind != BlockKind::cross_reference) continue;
      const Predicate p = relation_of(c.type);
      if (p == Predicate::related) continue;
      for (const Reference& r : c.block->references) out[&r] = p;
    }
  }
}

/// The labels of one concept: skos:prefLabel for the first preferred
/// designation of each language tag, skos:altLabel for the other preferred
/// and the admitted ones, skos:hiddenLabel for the deprecated ones. A text
/// is labelled once per language, with the first of these it qualifies for
/// (SKOS keeps the three disjoint).
void add_labels(Resource& concept, const Entry& e, LanguageTags& tags) {
  std::vector<std::string> pref_languages;
  auto labelled = [&concept](const Value& v) {
    return concept.has(Predicate::pref_label, v) || concept.has(Predicate::alt_label, v) ||
           concept.has(Predicate::hidden_label, v);
  };
  for (Status status : {Status::preferred, Status::admitted, Status::deprecated}) {
    for (const LanguageSection& s : e.languages) {
      const std::string& language = tags(s.language);
      for (const Designation& d : s.designations) {
        if (d.status != status || d.text.empty()) continue;
        Value v{std::string(d.text), language};
        if (labelled(v)) continue;
        Predicate p = Predicate::alt_label;
        if (status == Status::deprecated) {
          p = Predicate::hidden_label;
        } else if (status == Status::preferred) {
          bool first = true;
          for (const std::string& l : pref_languages) first = first && l != language;
          if (first) {
            p = Predicate::pref_label;
            pref_languages.push_back(language);
          }
        }
        concept.add(p, std::move(v));
      }
    }
  }
}

void add_blocks(Resource& concept, Predicate p, Span<TextBlock> blocks,
                const std::string& language) {
  for (const TextBlock& b : blocks) {
    if (!b.text.empty()) concept.add(p, {std::string(b.text), language});
  }
}

Graph build_graph(const Vocabulary& vocabulary, const WriteOptions& options) {
  const std::string base =
      options.base_iri.empty() ? std::string(default_base_iri) : options.base_iri;
  const std::vector<std::string> names = local_names(vocabulary);
  std::unordered_map<const Reference*, Predicate> hierarchy;
  for (const Entry& e : vocabulary.entries()) {
    hierarchy_links(e.categories, hierarchy);
    for (const LanguageSection& s : e.languages) {
      hierarchy_links(s.categories, hierarchy);
      for (const Designation& d : s.designations) hierarchy_links(d.categories, hierarchy);
    }
  }

  Graph graph(vocabulary.size() + 1);
  Resource& scheme = graph[0];
  scheme.iri = base;
  scheme.scheme = true;
  const std::string_view title = write_detail::title(vocabulary, options);
  if (!title.empty()) scheme.add(Predicate::title, {std::string(title), {}});

  LanguageTags tags;
  for (const Entry& e : vocabulary.entries()) {
    Resource& concept = graph[e.id + 1];
    concept.iri = base + names[e.id];
    concept.add(Predicate::in_scheme, {base, {}});
    if (e.numbered && !e.number.empty())
    concept.add(Predicate::notation, {std::string(e.number), {}});
    add_labels(concept, e, tags);
    for (const LanguageSection& s : e.languages) {
      const std::string& language = tags(s.language);
      if (s.definition != nullptr && !s.definition->text.empty()) {
        concept.add(Predicate::definition, {std::string(s.definition->text), language});
      }
      add_blocks(concept, Predicate::note, s.notes, language);
      add_blocks(concept, Predicate::example, s.examples, language);
      add_blocks(concept, Predicate::source, s.sources, language);
    }
    for (const Citation& c : vocabulary.cites(e.id)) {
      if (c.to == e.id || c.to >= vocabulary.size()) continue;
      auto h = hierarchy.find(c.reference);
      concept.add(h == hierarchy.end() ? Predicate::related : h->second, {base + names[c.to], {}});
    }
    // skos:related is disjoint with the hierarchy: a concept linked both
    // ways to another is only broader or narrower.
    std::vector<Value>& related = concept[Predicate::related];
    std::vector<Value> kept;
    for (Value& v : related) {
      if (!concept.has(Predicate::broader, v) && !concept.has(Predicate::narrower, v))
        kept.push_back(std::move(v));
    }
    related = std::move(kept);
  }
  return graph;
}

// -- Turtle ----------------------------------------------------------------------

/// The length of the well-formed UTF-8 sequence at `i` of `s` (a lead
/// byte of 0x80 or above), or 0: overlong forms, surrogates, code points
/// beyond U+10FFFF and truncated sequences are not.
std::size_t utf8_sequence_at(std::string_view s, std::size_t i) noexcept {
  const auto lead = static_cast<unsigned char>(s[i]);
  const std::size_t length = lead >= 0xF0 && lead <= 0xF4   ? 4
                             : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xC2 && lead <= 0xDF ? 2
                                                            : 0;
  if (length == 0 || i + length > s.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  const auto second = static_cast<unsigned char>(s[i + 1]);
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0) ||
      (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90)) {
    return 0;
  }
  return length;
}

/// A Turtle string literal (STRING_LITERAL_QUOTE): `"` and `\` escaped,
/// line breaks and tabs as \n \r \t, other control characters as \uXXXX.
}  // namespace

std::string rdf_detail::turtle_string(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Non-ASCII as it is; an ill-formed sequence as U+FFFD.
      const std::size_t length = utf8_sequence_at(s, i);
      out.append(length != 0 ? s.substr(i, length) : std::string_view("\xEF\xBF\xBD"));
      i += length != 0 ? length : 1;
      continue;
    }
    ++i;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

namespace {

void write_turtle_object(std::ostream& out, const PredicateName& name, const Value& v) {
  if (name.iri) {
    out << '<' << v.text << '>';
    return;
  }
  out << turtle_string(v.text);
  if (!v.language.empty()) out << '@' << v.language;
}

// -- JSON-LD ----------------------------------------------------------------------

using Json = nlohmann::ordered_json;

Json context() {
  Json c;
  c["skos"] = std::string(skos_namespace);
  c["dct"] = std::string(dct_namespace);
  c["Concept"] = "skos:Concept";
  c["ConceptScheme"] = "skos:ConceptScheme";
  for (const PredicateName& name : predicate_names) {
    if (name.iri) {
      c[std::string(name.term)] = {{"@id", std::string(name.curie)}, {"@type", "@id"}};
    } else {
      c[std::string(name.term)] = std::string(name.curie);
    }
  }
  return c;
}

Json json_value(const PredicateName& name, const Value& v) {
  if (name.iri) return v.text;
  Json j;
  j["@value"] = v.text;
  if (!v.language.empty()) j["@language"] = v.language;
  return j;
}

}  // namespace

bool is_absolute_iri(std::string_view iri) noexcept {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  if (iri.empty() || !letter(iri[0])) return false;
  std::size_t i = 1;
  while (i < iri.size() && (letter(iri[i]) || (iri[i] >= '0' && iri[i] <= '9') || iri[i] == '+' ||
                            iri[i] == '-' || iri[i] == '.'))
    ++i;
  if (i >= iri.size() || iri[i] != ':' || i + 1 == iri.size()) return false;
  for (++i; i < iri.size();) {
    const auto c = static_cast<unsigned char>(iri[i]);
    if (c >= 0x80) {
      const std::size_t length = utf8_sequence_at(iri, i);
      if (length == 0) return false;
      i += length;
      continue;
    }
    if (c <= 0x20 || c == 0x7F) return false;
    if (std::string_view("<>\"{}|^`\\").find(static_cast<char>(c)) != std::string_view::npos)
      return false;
    if (c == '%' && (i + 2 >= iri.size() || !hex(iri[i + 1]) || !hex(iri[i + 2]))) return false;
    ++i;
  }
  return true;
}

void write_skos(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options) {
  const Graph graph = build_graph(vocabulary, options);
  out << "@prefix skos: <" << skos_namespace << "> .\n";
  out << "@prefix dct: <" << dct_namespace << "> .\n";
  const std::string indent(static_cast<std::size_t>(options.indent > 0 ? options.indent : 0), ' ');
  for (const Resource& r : graph) {
    out << "\n<" << r.iri << "> a " << (r.scheme ? "skos:ConceptScheme" : "skos:Concept");
    for (std::size_t p = 0; p < predicate_count; ++p) {
      const PredicateName& name = predicate_names[p];
      for (const Value& v : r.values[p]) {
        out << " ;\n" << indent << name.curie << ' ';
        write_turtle_object(out, name, v);
      }
    }
    out << " .\n";
  }
}

void write_jsonld(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options) {
  const Graph graph = build_graph(vocabulary, options);
  Json nodes = Json::array();
  for (const Resource& r : graph) {
    Json node;
    node["@id"] = r.iri;
    node["@type"] = r.scheme ? "ConceptScheme" : "Concept";
    for (std::size_t p = 0; p < predicate_count; ++p) {
      const PredicateName& name = predicate_names[p];
      const std::vector<Value>& values = r.values[p];
      if (values.empty()) continue;
      if (name.single && values.size() == 1) {
        node[std::string(name.term)] = json_value(name, values.front());
        continue;
      }
      Json list = Json::array();
      for (const Value& v : values) list.push_back(json_value(name, v));
      node[std::string(name.term)] = std::move(list);
    }
    nodes.push_back(std::move(node));
  }
  Json document;
  document["@context"] = context();
  document["@graph"] = std::move(nodes);
  out << document.dump(options.indent > 0 ? options.indent : -1, ' ', false,
                       Json::error_handler_t::replace)
      << '\n';
}

}  // namespace termgraph
