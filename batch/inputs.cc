#include "batch/inputs.h"

#include <openssl/evp.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/error.h"

namespace budget::batch {
namespace fs = std::filesystem;
namespace {

bool is_document(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf" || ext == ".txt";
}

void add_path(const std::string& arg, std::vector<std::string>& out) {
  fs::path p = fs::path(arg).lexically_normal();
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied);
         it != fs::recursive_directory_iterator(); ++it)
      if (it->is_regular_file(ec) && is_document(it->path())) out.push_back(it->path().string());
  } else if (fs::exists(p, ec)) {
    out.push_back(p.string());
  } else {
    throw Error("input.missing", arg + ": no such file or directory");
  }
}

}  // namespace

std::vector<std::string> find_inputs(const std::vector<std::string>& args,
                                     const std::string& from_list, std::istream& stdin_stream) {
  std::vector<std::string> out;
  for (const auto& a : args) add_path(a, out);
  if (!from_list.empty()) {
    std::ifstream file;
    if (from_list != "-") {
      file.open(from_list);
      if (!file) throw Error("input.missing", from_list + ": cannot read the list of inputs");
    }
    std::istream& in = from_list == "-" ? stdin_stream : file;
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) add_path(line, out);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string sha256_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("input.unreadable", "cannot read " + path);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
    throw Error("internal.crypto", "cannot start SHA-256");
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    if (in.gcount() > 0) EVP_DigestUpdate(ctx.get(), buf, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw Error("input.unreadable", "cannot read " + path);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &size);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

}  // namespace budget::batch
