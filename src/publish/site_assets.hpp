// Internal: the static files every site holds (site_assets.cpp): its
// stylesheet and its search script.
#pragma once

#include <string_view>

namespace termgraph::site_assets {

/// assets/site.css: layout for screens of every width, and for print.
std::string_view stylesheet() noexcept;

/// assets/search.js: search as you type over the prebuilt index in
/// search/*.js, folding the query as Vocabulary::fold folds terms.
std::string_view search_script() noexcept;

}  // namespace termgraph::site_assets
