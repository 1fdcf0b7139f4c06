// Bad and good PDF bytes through read_pdf: every broken input is a
// budget::Error with a stable code, never a crash or a hang.
#include "extract/pdf/pdf_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "extract/layout_dump.h"

namespace budget::extract {
namespace {

// A one-page PDF (Helvetica, A4) showing `lines` top-down at x=72, with a
// correct xref table.  Each line is (font size, text).
std::string make_pdf(const std::vector<std::pair<int, std::string>>& lines) {
  std::string content = "BT\n";
  double y = 770;
  for (const auto& [size, text] : lines) {
    content += "/F1 " + std::to_string(size) + " Tf 1 0 0 1 72 " + std::to_string(y) + " Tm (" +
               text + ") Tj\n";
    y -= size * 1.6;
  }
  content += "ET\n";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", off);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string sample_pdf() {
  return make_pdf({{16, "Budget 2025"}, {10, "First line of text."}, {10, "Second line."}});
}

std::string error_code(const std::string& bytes) {
  try {
    read_pdf(bytes);
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << "one-line message";
    return e.code();
  }
  return "";
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(pdf_reader_test, reads_a_good_pdf) {
  LayoutDocument doc = read_pdf(sample_pdf());
  EXPECT_EQ(doc.format, "pdf");
  EXPECT_EQ(doc.pages, 1);
  std::string dump = dump_layout(doc);
  EXPECT_NE(dump.find("[p1] # Budget 2025"), std::string::npos) << dump;
  EXPECT_NE(dump.find("First line of text."), std::string::npos) << dump;
}

TEST(pdf_reader_test, bad_inputs_are_errors) {
  const std::string good = sample_pdf();
  std::string corrupted = good;
  for (size_t i = 9; i < corrupted.size(); i += 7) corrupted[i] = static_cast<char>(i * 31);
  std::mt19937 rng(42);
  std::string random(4096, '\0');
  for (char& c : random) c = static_cast<char>(rng());
  std::string random_with_header = "%PDF-1.7\n" + random;
  std::string no_pages =
      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
      "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
      "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
  struct Case {
    const char* name;
    std::string bytes;
    std::vector<std::string> codes;  // any of these
  } cases[] = {
      {"empty", "", {"pdf.empty"}},
      {"text", "科目编码\t科目名称\n208\t社会保障和就业支出\n", {"pdf.not_pdf"}},
      {"random", random, {"pdf.not_pdf"}},
      {"random_with_header", random_with_header, {"pdf.damaged", "pdf.no_pages"}},
      {"header_only", "%PDF-1.4\n", {"pdf.damaged", "pdf.no_pages"}},
      {"truncated_half", good.substr(0, good.size() / 2), {"pdf.damaged", "pdf.no_pages", "pdf.no_text"}},
      {"truncated_tail", good.substr(0, good.size() - 30), {"", "pdf.damaged"}},  // trailer cut
      {"corrupted", corrupted, {"pdf.damaged", "pdf.no_pages", "pdf.no_text"}},
      {"no_pages", no_pages, {"pdf.no_pages", "pdf.damaged"}},
      {"no_text", make_pdf({}), {"pdf.no_text"}},
  };
  for (const Case& c : cases) {
    std::string code = error_code(c.bytes);
    EXPECT_NE(std::find(c.codes.begin(), c.codes.end(), code), c.codes.end())
        << c.name << " gave '" << code << "'";
  }
}

TEST(pdf_reader_test, every_truncation_is_an_error_or_a_document) {
  const std::string good = sample_pdf();
  for (size_t n = 0; n < good.size(); n += 23) {
    try {
      read_pdf(good.substr(0, n));
    } catch (const Error&) {
    }
  }
}

TEST(pdf_reader_test, page_limit) {
  PdfLimits limits;
  limits.max_pages = 0;
  try {
    read_pdf(sample_pdf(), limits);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "pdf.too_many_pages");
  }
}

TEST(pdf_reader_test, encrypted) {
  std::filesystem::path dir = std::filesystem::path(BUDGET_SOURCE_DIR) / "samples" / "pdf";
  EXPECT_EQ(error_code(read_file(dir / "encrypted-user-password.pdf")), "pdf.encrypted");
  // No user password: Poppler opens it with the empty password.
  LayoutDocument doc = read_pdf(read_file(dir / "encrypted-owner-only.pdf"));
  EXPECT_NE(dump_layout(doc).find("First line of text."), std::string::npos);
}

// A table printed without rules (samples/pdf/make_ruleless_table.py): a
// wrapped name and a name over two lines with its amounts centred between
// them each come out as one row.
TEST(pdf_reader_test, ruleless_table) {
  std::filesystem::path dir = std::filesystem::path(BUDGET_SOURCE_DIR) / "samples" / "pdf";
  LayoutDocument doc = read_pdf(read_file(dir / "ruleless-table.pdf"));
  EXPECT_EQ(dump_layout(doc),
            "[p1] # 2025年支出预算表\n"
            "[p1] 单位：万元\n"
            "[p1] 科目名称\t合计\t基本支出\t项目支出\n"
            "[p1] 一般公共服务支出\t360.00\t300.00\t60.00\n"
            "[p1] 机关事业单位基本养老保险缴费支出\t160.75\t160.75\t\n"
            "[p1] 机关事业单位职业年金缴费支出\t80.38\t80.38\t\n"
            "[p1] 二、外交支出\t\t\t\n"
            "[p1] 住房公积金\t187.19\t187.19\t\n"
            "[p1] 合计\t788.32\t728.32\t60.00\n");
}

// The dev corpus when present: no watermark text leaks, tables found.
TEST(pdf_reader_test, dev_corpus) {
  std::filesystem::path dev = "/work/shared/corpus/dev";
  if (!std::filesystem::exists(dev)) GTEST_SKIP() << "no dev corpus";
  for (const auto& entry : std::filesystem::directory_iterator(dev)) {
    std::filesystem::path pdf = entry.path() / "doc.pdf";
    if (!std::filesystem::exists(pdf)) continue;
    LayoutDocument doc = read_pdf(read_file(pdf));
    std::string dump = dump_layout(doc);
    EXPECT_EQ(dump.find("仅供"), std::string::npos) << pdf;
    EXPECT_EQ(dump.find("部审核"), std::string::npos) << pdf;
    int grids = 0;
    for (const Block& b : doc.blocks) grids += b.kind == BlockKind::grid;
    EXPECT_GE(grids, 10) << pdf;
  }
}

}  // namespace
}  // namespace budget::extract
