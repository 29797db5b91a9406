#include "publish/site_svg.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "publish/html.hpp"

namespace termgraph::site_svg {

namespace {

constexpr int box_width = 200;
constexpr int box_height = 30;
constexpr int row_gap = 10;
constexpr int column_gap = 70;
/// Nodes drawn per column; the others are counted in a last line.
constexpr std::size_t max_rows = 8;
/// Code points of a label drawn in a box (the whole label is its tooltip).
constexpr std::size_t label_chars = 27;
/// Cycles longer than this are listed, not drawn.
constexpr std::size_t max_ring = 100;

std::string num(double v) {
  return std::to_string(static_cast<long>(std::lround(v)));
}

std::string kind_class(BlockKind k) {
  return std::string(to_string(k));
}

void box(std::string& out, const Node& node, double x, double y, bool centre) {
  out += "<a href=\"" + node.href + "\"><title>";
  html::escape(out, node.label);
  out += "</title><rect class=\"node";
  if (centre) out += " centre";
  if (node.circular) out += " circular";
  out += "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + std::to_string(box_width) +
         "\" height=\"" + std::to_string(box_height) + "\" rx=\"4\"/><text x=\"" +
         num(x + box_width / 2.0) + "\" y=\"" + num(y + box_height / 2.0 + 4) + "\">";
  html::escape(out, html::shorten(node.label, label_chars));
  out += "</text></a>\n";
}

void line(std::string& out, double x1, double y1, double x2, double y2, const std::string& cls) {
  out += "<line class=\"edge " + cls + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" +
         num(x2) + "\" y2=\"" + num(y2) + "\" marker-end=\"url(#tg-arrow)\"/>\n";
}

/// The point where the segment from the centre of a box towards (dx, dy)
/// leaves the box.
void leave_box(double cx, double cy, double dx, double dy, double& x, double& y) {
  const double tx = dx == 0 ? 1e9 : (box_width / 2.0 + 4) / std::fabs(dx);
  const double ty = dy == 0 ? 1e9 : (box_height / 2.0 + 4) / std::fabs(dy);
  const double t = std::min(tx, ty);
  x = cx + dx * t;
  y = cy + dy * t;
}

}  // namespace

void definitions(std::string& out) {
  out +=
      "<svg class=\"definitions\" width=\"0\" height=\"0\" aria-hidden=\"true\" "
      "focusable=\"false\"><defs><marker id=\"tg-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" "
      "refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
      "<path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs></svg>\n";
}

void neighbourhood(std::string& out, const Neighbourhood& n) {
  const std::size_t left_rows = std::min(n.citing.size(), max_rows) + (n.citing.size() > max_rows);
  const std::size_t right_rows = std::min(n.cited.size(), max_rows) + (n.cited.size() > max_rows);
  const std::size_t rows = std::max<std::size_t>({left_rows, right_rows, 1});
  const int height =
      static_cast<int>(rows) * (box_height + row_gap) + row_gap + (n.cites_itself ? 30 : 0);
  const int top = n.cites_itself ? 30 : 0;
  const int width = 3 * box_width + 2 * column_gap;
  const double centre_x = box_width + column_gap;
  const double centre_y = top + (height - top) / 2.0 - box_height / 2.0;

  out += "<figure class=\"neighbourhood\">\n<svg viewBox=\"0 0 " + std::to_string(width) + " " +
         std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
         std::to_string(height) + "\" role=\"img\" aria-label=\"";
  std::string summary = "What " + n.centre.label + " cites and what cites it";
  html::escape(out, summary);
  out += "\">\n";

  auto column = [&](const std::vector<Node>& nodes, const std::vector<BlockKind>& kinds,
                    bool left) {
    const std::size_t drawn = std::min(nodes.size(), max_rows);
    const std::size_t count = drawn + (nodes.size() > max_rows);
    const double x = left ? 0 : 2.0 * (box_width + column_gap);
    const double first_y =
        top + (height - top) / 2.0 - (count * (box_height + row_gap) - row_gap) / 2.0;
    for (std::size_t i = 0; i < drawn; ++i) {
      const double y = first_y + i * (box_height + row_gap);
      if (left) {
        line(out, x + box_width, y + box_height / 2.0, centre_x - 2, centre_y + box_height / 2.0,
             kind_class(kinds[i]));
      } else {
        line(out, centre_x + box_width, centre_y + box_height / 2.0, x - 2, y + box_height / 2.0,
             kind_class(kinds[i]));
      }
      box(out, nodes[i], x, y, false);
    }
    if (nodes.size() > max_rows) {
      const double y = first_y + drawn * (box_height + row_gap);
      out += "<text class=\"more\" x=\"" + num(x + box_width / 2.0) + "\" y=\"" +
             num(y + box_height / 2.0 + 4) + "\">and " + std::to_string(nodes.size() - drawn) +
             " more</text>\n";
    }
  };
  column(n.citing, n.citing_kinds, true);
  column(n.cited, n.cited_kinds, false);
  if (n.cites_itself) {
    const double x = centre_x + box_width / 2.0;
    out += "<path class=\"edge definition\" d=\"M" + num(x - 30) + "," + num(centre_y) + " C" +
           num(x - 30) + "," + num(centre_y - 30) + " " + num(x + 30) + "," + num(centre_y - 30) +
           " " + num(x + 30) + "," + num(centre_y - 2) +
           "\" fill=\"none\" marker-end=\"url(#tg-arrow)\"/>\n";
  }
  box(out, n.centre, centre_x, centre_y, true);
  out += "</svg>\n<figcaption>";
  std::string caption;
  if (!n.citing.empty()) caption += "Cited by " + std::to_string(n.citing.size()) + " (left). ";
  if (!n.cited.empty()) caption += "Cites " + std::to_string(n.cited.size()) + " (right). ";
  if (n.cites_itself) caption += "Its definition cites itself.";
  if (!caption.empty() && caption.back() == ' ') caption.pop_back();
  html::escape(out, caption);
  out += "</figcaption>\n</figure>\n";
}

void cycle(std::string& out, const std::vector<Node>& ring) {
  const std::size_t n = ring.size();
  if (n == 0) return;
  if (n > max_ring) {
    out += "<p>This cycle has " + std::to_string(n) + " entries: too many to draw.</p>\n";
    return;
  }
  constexpr double pi = 3.14159265358979323846;
  // The ring is long enough for the boxes to stand apart.
  const double radius = n == 1 ? 0 : std::max(90.0, n * (box_width * 0.75) / (2 * pi));
  const double margin = 20;
  const double cx = radius + box_width / 2.0 + margin;
  const double cy = radius + box_height / 2.0 + margin + (n == 1 ? 30 : 0);
  const int width = static_cast<int>(2 * cx);
  const int height = static_cast<int>(2 * radius + box_height + 2 * margin + (n == 1 ? 30 : 0));
  out += "<svg class=\"ring\" viewBox=\"0 0 " + std::to_string(width) + " " +
         std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
         std::to_string(height) + "\" role=\"img\" aria-label=\"";
  std::string summary;
  for (std::size_t i = 0; i <= n; ++i) {
    if (i > 0) summary += " cites ";
    summary += ring[i % n].label;
  }
  html::escape(out, summary);
  out += "\">\n";
  std::vector<double> xs(n);
  std::vector<double> ys(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double angle = -pi / 2 + 2 * pi * static_cast<double>(i) / static_cast<double>(n);
    xs[i] = cx + radius * std::cos(angle);
    ys[i] = cy + radius * std::sin(angle);
  }
  if (n == 1) {
    out += "<path class=\"edge definition cycle-step\" d=\"M" + num(cx - 30) + "," +
           num(cy - box_height / 2.0) + " C" + num(cx - 30) + "," + num(cy - 45) + " " +
           num(cx + 30) + "," + num(cy - 45) + " " + num(cx + 30) + "," +
           num(cy - box_height / 2.0 - 2) + "\" fill=\"none\" marker-end=\"url(#tg-arrow)\"/>\n";
  }
  for (std::size_t i = 0; n > 1 && i < n; ++i) {
    const std::size_t j = (i + 1) % n;
    const double dx = xs[j] - xs[i];
    const double dy = ys[j] - ys[i];
    double x1, y1, x2, y2;
    leave_box(xs[i], ys[i], dx, dy, x1, y1);
    leave_box(xs[j], ys[j], -dx, -dy, x2, y2);
    if (n == 2) {
      // The two steps would overlap as straight lines: bow each to its
      // own side (the perpendicular turns with the direction).
      const double length = std::sqrt(dx * dx + dy * dy);
      const double bend = 60;
      const double mx = (x1 + x2) / 2 + bend * dy / length;
      const double my = (y1 + y2) / 2 - bend * dx / length;
      out += "<path class=\"edge definition cycle-step\" d=\"M" + num(x1 + 20 * dy / length) + "," +
             num(y1 - 20 * dx / length) + " Q" + num(mx) + "," + num(my) + " " +
             num(x2 + 20 * dy / length) + "," + num(y2 - 20 * dx / length) +
             "\" marker-end=\"url(#tg-arrow)\"/>\n";
    } else {
      line(out, x1, y1, x2, y2, "definition cycle-step");
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    box(out, ring[i], xs[i] - box_width / 2.0, ys[i] - box_height / 2.0, false);
  }
  out += "</svg>\n";
}

}  // namespace termgraph::site_svg
