// Laying DOT out as SVG with Graphviz's library (termgraph/graph.hpp:
// render_svg). Graphviz is an optional dependency: a build without it
// (TERMGRAPH_WITH_GRAPHVIZ off, or no libgvc found) compiles the fallback,
// which says so. Graphviz keeps global state (its error handler, the last
// error, plugin tables) and is not thread-safe: one mutex serialises every
// call into it.
#include <optional>
#include <string>
#include <string_view>

#include "termgraph/graph.hpp"

#if defined(TERMGRAPH_HAVE_GRAPHVIZ)
#include <gvc.h>

#include <cstring>
#include <memory>
#include <mutex>
#endif

namespace termgraph {

#if defined(TERMGRAPH_HAVE_GRAPHVIZ)

namespace {

std::mutex graphviz_mutex;

/// What Graphviz reported while the mutex was held (its error handler is a
/// plain function: the messages are collected here rather than printed on
/// standard error).
std::string graphviz_messages;

int collect_message(char* message) {
  if (message) graphviz_messages += message;
  return 0;
}

void set_error(std::string* error, std::string message) {
  if (!error) return;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  *error = std::move(message);
}

/// The one Graphviz context of the process, made on first use (with the
/// mutex held) and never freed. Graphviz's text layout plugin (pango) keeps
/// a pointer to the name of the last font it measured, a string the context
/// owns: freeing the context after each picture left that pointer dangling
/// for the next one (a use after free AddressSanitizer reports on the
/// second picture). A context kept for the life of the process keeps every
/// font name it has seen.
GVC_t* context() {
  static GVC_t* const gvc = gvContext();
  return gvc;
}
struct GraphDeleter {
  void operator()(Agraph_t* g) const noexcept { agclose(g); }
};

}  // namespace

bool svg_available() noexcept {
  return true;
}

std::optional<std::string> render_svg(std::string_view dot, std::string* error) {
  const std::lock_guard<std::mutex> lock(graphviz_mutex);
  graphviz_messages.clear();
  const agusererrf previous = agseterrf(collect_message);
  // Restores Graphviz's handler however this function is left.
  struct Restore {
    agusererrf handler;
    ~Restore() { agseterrf(handler); }
  } restore{previous};

  const std::string text(dot);  // agmemread wants a terminated string
  GVC_t* const gvc = context();
  if (!gvc) {
    set_error(error, "Graphviz could not be initialised");
    return std::nullopt;
  }
  const std::unique_ptr<Agraph_t, GraphDeleter> graph(agmemread(text.c_str()));
  if (!graph) {
    set_error(error, "Graphviz could not read the DOT" +
                         (graphviz_messages.empty() ? std::string() : ": " + graphviz_messages));
    return std::nullopt;
  }
  if (gvLayout(gvc, graph.get(), "dot") != 0) {
    set_error(error, "Graphviz could not lay the graph out" +
                         (graphviz_messages.empty() ? std::string() : ": " + graphviz_messages));
    return std::nullopt;
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(gvc, graph.get(), "svg", &data, &length);
  std::optional<std::string> svg;
  if (status == 0 && data) {
    svg.emplace(data, length);
  } else {
    set_error(error, "Graphviz could not render SVG" +
                         (graphviz_messages.empty() ? std::string() : ": " + graphviz_messages));
  }
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, graph.get());
  return svg;
}

#else

bool svg_available() noexcept {
  return false;
}

std::optional<std::string> render_svg(std::string_view, std::string* error) {
  if (error) {
    *error =
        "this build of termgraph has no Graphviz (libgvc): SVG cannot be rendered; write DOT and "
        "lay it out with Graphviz's dot program instead";
  }
  return std::nullopt;
}

#endif

}  // namespace termgraph
