// core/sha256.h — SHA-256 of the input bytes, for source.sha256 (FIPS 180-4).
//   sha256_hex("abc") -> "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#pragma once

#include <string>
#include <string_view>

namespace budget {

std::string sha256_hex(std::string_view bytes);

}  // namespace budget
