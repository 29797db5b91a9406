// Internal: the CSV reader (RFC 4180, UTF-8): one row per designation, the
// columns named by a header row (docs/formats.md, CSV).
#pragma once

#include <string_view>

#include "model/builder.hpp"

namespace termgraph {

/// True when `raw` is a CSV termbase: it does not start with '<' (XML), and
/// its file name ends in .csv (`by_extension`) or its first row names a term
/// column and a language or entry column.
bool claims_csv(std::string_view raw, bool by_extension);

/// Reads a CSV termbase from the raw UTF-8 text of the current file.
void read_csv(std::string_view raw, Builder& builder);

}  // namespace termgraph
