#include "report/html_text.h"

namespace budget::report {

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  return out;
}

int unit_exponent(const std::string& unit) {
  if (unit == "万元") return 4;
  if (unit == "千元") return 3;
  if (unit == "百万元") return 6;
  if (unit == "亿元") return 8;
  return 0;
}

std::string in_unit(const Amount& yuan, int exponent, int decimals) {
  Amount v = Amount{yuan.units, yuan.scale + exponent}.normalized();
  std::string s = v.to_string();
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.erase(0, 1);
  std::size_t dot = s.find('.');
  std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  if (static_cast<int>(frac.size()) < decimals) frac.append(decimals - frac.size(), '0');
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(i, ",");
  return (negative ? "-" : "") + whole + (frac.empty() ? "" : "." + frac);
}

}  // namespace budget::report
