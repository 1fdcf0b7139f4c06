#include "cli/job.h"

#include <filesystem>
#include <fstream>

#include "checks/report.h"
#include "core/document_json.h"
#include "core/error.h"
#include "core/line_items.h"
#include "disclosure/disclosure.h"
#include "extract/layout_dump.h"
#include "extract/pipeline.h"

namespace budget::cli {
namespace fs = std::filesystem;
namespace {

std::string render(const Document& doc, const std::string& format) {
  if (format == "items-csv") return to_items_csv(doc);
  if (format == "items-jsonl") return to_items_jsonl(doc);
  return to_json(doc);
}

std::string extension_of(const std::string& format) {
  if (format == "items-csv") return ".csv";
  if (format == "items-jsonl") return ".jsonl";
  return ".json";
}

// Writes through a temporary file and a rename: readers never see half a file.
void write_atomically(const fs::path& path, const std::string& content) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  fs::path tmp = path;
  tmp += ".part";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw Error("output.unwritable", "cannot write " + tmp.string());
    f << content;
    if (!f.flush()) throw Error("output.unwritable", "cannot write " + tmp.string());
  }
  fs::rename(tmp, path);
}

// Where one input's output goes: stdout (""), the -o file, or a file named
// after the input inside the -o directory — after its folder when several
// inputs share a file name (samples/a/input.txt, samples/b/input.txt).
std::string destination(const Job& job, const std::string& input) {
  if (job.output.empty()) return "";
  bool dir = job.inputs.size() > 1 || job.output.back() == '/' || fs::is_directory(job.output);
  if (!dir) return job.output;
  fs::path in(input);
  int same_stem = 0;
  for (const auto& other : job.inputs) same_stem += fs::path(other).stem() == in.stem();
  std::string name = in.stem().string();
  if (same_stem > 1 && in.has_parent_path()) name = in.parent_path().filename().string();
  return (fs::path(job.output) / name).string() + extension_of(job.format);
}

std::string summary_line(const std::string& input, const Document& doc, const std::string& dest) {
  int failed = 0;
  for (const auto& c : doc.checks) failed += c.status == "fail";
  std::string kind = doc.document.kind.empty() ? "?" : doc.document.kind;
  return input + ": " + (doc.document.entity.empty() ? "?" : doc.document.entity) + " " +
         (doc.document.fiscal_year ? std::to_string(*doc.document.fiscal_year) : "?") + " " + kind +
         ", " + std::to_string(doc.tables.size()) + " tables, " + std::to_string(doc.projects.size()) +
         " projects, " + std::to_string(failed) + " failed checks -> " + (dest.empty() ? "stdout" : dest);
}

}  // namespace

int Job::run(std::ostream& out, std::ostream& err) const {
  int status = kExitOk;
  bool check_failed = false;
  for (const auto& input : inputs) {
    try {
      if (command == "layout") {
        out << extract::dump_layout(extract::read_layout(input));
        continue;
      }
      Document doc = disclosure::read(input);
      if (command == "check") {
        out << "== " << input << "\n" << checks::format_report(doc, doc.checks, true) << "\n";
        for (const auto& c : doc.checks) check_failed |= c.status == "fail";
        continue;
      }
      std::string dest = destination(*this, input);
      std::string content = render(doc, format);
      if (dest.empty())
        out << content;
      else
        write_atomically(dest, content);
      if (!quiet && (!dest.empty() || inputs.size() > 1)) err << summary_line(input, doc, dest) << "\n";
    } catch (const Error& e) {
      err << "budgetx: " << input << ": " << e.what() << " [" << e.code() << "]\n";
      status = kExitFailed;
    } catch (const std::exception& e) {
      err << "budgetx: " << input << ": internal error: " << e.what() << "\n";
      status = kExitFailed;
    }
  }
  if (status == kExitOk && fail_on_error && check_failed) return kExitCheckFailed;
  return status;
}

}  // namespace budget::cli
