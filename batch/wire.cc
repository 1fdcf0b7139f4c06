#include "batch/wire.h"

#include <cstdint>
#include <cstring>

namespace budget::batch {
namespace {

constexpr std::string_view kMagic = "BXW1";
enum Tag : char { kNull = 'n', kInt = 'i', kText = 't', kReal = 'r' };

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

void put_text(std::string& out, std::string_view s) {
  put_u64(out, s.size());
  out += s;
}

void put_values(std::string& out, const std::vector<Value>& values) {
  put_u64(out, values.size());
  for (const auto& v : values) {
    if (auto* i = std::get_if<std::int64_t>(&v)) {
      out += kInt;
      put_u64(out, static_cast<std::uint64_t>(*i));
    } else if (auto* s = std::get_if<std::string>(&v)) {
      out += kText;
      put_text(out, *s);
    } else if (auto* d = std::get_if<double>(&v)) {
      std::uint64_t bits;
      std::memcpy(&bits, d, sizeof bits);
      out += kReal;
      put_u64(out, bits);
    } else {
      out += kNull;
    }
  }
}

// Reads from the front of `in`; every getter returns false past the end.
struct Reader {
  std::string_view in;

  bool u64(std::uint64_t& v) {
    if (in.size() < 8) return false;
    v = 0;
    for (int i = 0; i < 8; ++i) v |= std::uint64_t(static_cast<unsigned char>(in[i])) << (8 * i);
    in.remove_prefix(8);
    return true;
  }
  bool text(std::string& s) {
    std::uint64_t n;
    if (!u64(n) || in.size() < n) return false;
    s.assign(in.substr(0, n));
    in.remove_prefix(n);
    return true;
  }
  bool values(std::vector<Value>& out) {
    std::uint64_t n;
    if (!u64(n) || n > in.size()) return false;
    out.clear();
    for (std::uint64_t k = 0; k < n; ++k) {
      if (in.empty()) return false;
      char tag = in[0];
      in.remove_prefix(1);
      std::uint64_t raw;
      std::string s;
      if (tag == kNull) {
        out.emplace_back(std::monostate{});
      } else if (tag == kInt && u64(raw)) {
        out.emplace_back(static_cast<std::int64_t>(raw));
      } else if (tag == kText && text(s)) {
        out.emplace_back(std::move(s));
      } else if (tag == kReal && u64(raw)) {
        double d;
        std::memcpy(&d, &raw, sizeof d);
        out.emplace_back(d);
      } else {
        return false;
      }
    }
    return true;
  }
};

}  // namespace

std::string encode(const Outcome& outcome) {
  std::string out(kMagic);
  out += outcome.ok ? 'o' : 'e';
  put_text(out, outcome.error_code);
  put_text(out, outcome.error_message);
  put_values(out, outcome.ingested.info);
  put_u64(out, outcome.ingested.rows.size());
  for (const auto& r : outcome.ingested.rows) {
    put_text(out, r.table);
    put_values(out, r.values);
  }
  return out;
}

std::optional<Outcome> decode(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic || bytes.size() < kMagic.size() + 1) return {};
  Outcome o;
  o.ok = bytes[kMagic.size()] == 'o';
  Reader r{bytes.substr(kMagic.size() + 1)};
  std::uint64_t n;
  if (!r.text(o.error_code) || !r.text(o.error_message) || !r.values(o.ingested.info) || !r.u64(n) ||
      n > r.in.size())
    return {};
  o.ingested.rows.resize(n);
  for (auto& rec : o.ingested.rows)
    if (!r.text(rec.table) || !r.values(rec.values)) return {};
  if (!r.in.empty()) return {};
  return o;
}

std::string framed(std::string_view message) {
  std::string out;
  put_u64(out, message.size());
  out += message;
  return out;
}

std::optional<std::string> take_frame(std::string& buffer) {
  Reader r{buffer};
  std::uint64_t n;
  if (!r.u64(n) || r.in.size() < n) return std::nullopt;
  std::string message(r.in.substr(0, n));
  buffer.erase(0, 8 + n);
  return message;
}

std::string encode_task(std::int64_t doc_id, const std::string& sha256, const std::string& path) {
  std::string out;
  put_u64(out, static_cast<std::uint64_t>(doc_id));
  put_text(out, sha256);
  put_text(out, path);
  return out;
}

bool decode_task(std::string_view bytes, std::int64_t& doc_id, std::string& sha256, std::string& path) {
  Reader r{bytes};
  std::uint64_t id;
  if (!r.u64(id) || !r.text(sha256) || !r.text(path) || !r.in.empty()) return false;
  doc_id = static_cast<std::int64_t>(id);
  return true;
}

}  // namespace budget::batch
