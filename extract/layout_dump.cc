#include "extract/layout_dump.h"

#include <algorithm>

namespace budget::extract {

std::string dump_layout(const LayoutDocument& doc) {
  std::string out;
  const Block* previous = nullptr;
  for (const Block& b : doc.blocks) {
    std::string prefix = "[p" + std::to_string(b.page) + "] ";
    switch (b.kind) {
      case BlockKind::heading:
        out += prefix + std::string(std::max(1, b.level), '#') + " " + b.text + "\n";
        break;
      case BlockKind::paragraph:
        out += prefix + (b.emphasized ? "**" + b.text + "**" : b.text) + "\n";
        break;
      case BlockKind::grid:
        if (previous && previous->kind == BlockKind::grid) out += prefix + "---\n";
        for (const GridRow& row : b.rows) {
          out += "[p" + std::to_string(row.page) + "] ";
          for (size_t i = 0; i < row.cells.size(); ++i) {
            if (i > 0) out += '\t';
            out += row.cells[i].text;
          }
          out += "\n";
        }
        break;
    }
    previous = &b;
  }
  for (const ReaderNote& n : doc.notes) {
    out += "! " + n.code + (n.page > 0 ? " [p" + std::to_string(n.page) + "]" : "") + ": " +
           n.message + "\n";
  }
  return out;
}

}  // namespace budget::extract
