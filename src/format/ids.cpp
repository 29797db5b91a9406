// The id conventions: the one place `term_`, `sec_`, `--N` and `entry-N`
// are spelt.
#include "format/ids.hpp"

#include <string>
#include <string_view>

#include "text/numbers.hpp"

namespace termgraph::ids {

namespace {

constexpr std::string_view term_prefix = "term_";
constexpr std::string_view section_prefix = "sec_";
constexpr std::string_view duplicate_suffix = "--";

bool ascii_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_';
}

}  // namespace

std::string term_id(std::string_view number) {
  return std::string(term_prefix) + std::string(number);
}

std::string section_id(std::string_view number) {
  return std::string(section_prefix) + std::string(number);
}

std::string_view number_in_id(std::string_view id) {
  // A "--N" suffix only keeps duplicate ids apart.
  std::size_t dashes = id.rfind(duplicate_suffix);
  if (dashes != std::string_view::npos && dashes + 2 < id.size() &&
      id.find_first_not_of("0123456789", dashes + 2) == std::string_view::npos) {
    id = id.substr(0, dashes);
  }
  std::string scratch;
  for (std::string_view marker : {term_prefix, section_prefix}) {
    std::size_t at = id.rfind(marker);
    if (at == std::string_view::npos) continue;
    bool starts_part = at == 0 || id[at - 1] == '_' || id[at - 1] == '-' || id[at - 1] == '.';
    std::string_view rest = id.substr(at + marker.size());
    if (starts_part && normalize_number(rest, scratch)) return rest;
  }
  return {};
}

std::string_view document_in_id(std::string_view id) {
  std::string_view number = number_in_id(id);
  if (number.empty()) return {};
  // number_in_id() returns a view into `id`, right after its marker.
  const std::size_t marker_end = static_cast<std::size_t>(number.data() - id.data());
  for (std::string_view marker : {term_prefix, section_prefix}) {
    if (marker_end >= marker.size() &&
        id.compare(marker_end - marker.size(), marker.size(), marker) == 0) {
      return id.substr(0, marker_end - marker.size());
    }
  }
  return {};
}

std::string_view after_prefix(std::string_view id) {
  for (std::string_view prefix : {term_prefix, section_prefix}) {
    if (id.size() > prefix.size() && id.compare(0, prefix.size(), prefix) == 0) {
      return id.substr(prefix.size());
    }
  }
  return {};
}

std::string position_key(std::size_t position) {
  return "entry-" + std::to_string(position);
}

std::string term_sec_key(std::size_t position) {
  return "term-sec-" + std::to_string(position);
}

std::string xml_id(std::string_view key, std::string_view prefix) {
  std::string out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (c == '\xE2' && i + 2 < key.size() && key[i + 1] == '\x80' &&
        (key[i + 2] == '\x90' || key[i + 2] == '\x91')) {
      out += '-';
      i += 2;
    } else if (ascii_name_char(c)) {
      out += c;
    } else {
      out += '_';
      // One '_' per character, not per byte.
      while (i + 1 < key.size() && (static_cast<unsigned char>(key[i + 1]) & 0xC0) == 0x80) ++i;
    }
  }
  bool letter = !out.empty() && ((out[0] >= 'a' && out[0] <= 'z') ||
                                 (out[0] >= 'A' && out[0] <= 'Z') || out[0] == '_');
  return letter ? out : std::string(prefix) + out;
}

bool is_xml_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!ascii_name_char(c) && (static_cast<unsigned char>(c) & 0x80) == 0) return false;
  }
  return true;
}

std::string UniqueIds::add(const std::string& id) {
  std::string unique = id;
  for (int n = 2; !used_.insert(unique).second; ++n) {
    unique = id + std::string(duplicate_suffix) + std::to_string(n);
  }
  return unique;
}

}  // namespace termgraph::ids
