#include "cli/job.h"

#include <filesystem>

#include "checks/report.h"
#include "cli/input_file.h"
#include "cli/output_file.h"
#include "cli/output_names.h"
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

// The pretty JSON of to_json() on one line (JSON Lines): whitespace outside
// strings dropped.  Strings never hold a raw newline (to_json escapes
// control characters), and numbers stay the exact literals they were.
std::string one_line(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      out += c;
      if (c == '\\') out += json[++i];
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
      out += c;
    } else if (c != ' ' && c != '\n') {
      out += c;
    }
  }
  return out + "\n";
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

// Several outputs to standard output stay one valid stream: JSON documents
// as JSON Lines, one CSV header for all files.
class StdoutStream {
 public:
  StdoutStream(std::ostream& out, const std::string& format, bool several)
      : out_(out), format_(format), several_(several) {}
  void write(const std::string& content) {
    if (format_ == "json" && several_) {
      out_ << one_line(content);
    } else if (format_ == "items-csv" && csv_header_written_) {
      std::size_t eol = content.find('\n');
      if (eol != std::string::npos) out_ << content.substr(eol + 1);
    } else {
      out_ << content;
      csv_header_written_ = format_ == "items-csv";
    }
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::string format_;
  bool several_;
  bool csv_header_written_ = false;
};

// Where each input's output goes: "" for standard output, the -o file, or
// a unique name inside the -o directory.
std::vector<std::string> destinations(const Job& job) {
  std::vector<std::string> dest(job.inputs.size());
  if (job.output.empty()) return dest;
  std::error_code ec;
  bool dir = job.inputs.size() > 1 || job.output.back() == '/' || fs::is_directory(job.output, ec);
  if (!dir) {
    dest[0] = job.output;
    return dest;
  }
  if (fs::exists(job.output, ec) && !fs::is_directory(job.output, ec))
    throw Error("output.not_directory", job.output + " is not a directory; several inputs need one");
  std::vector<std::string> names = output_names(job.inputs, extension_of(job.format));
  for (std::size_t i = 0; i < names.size(); ++i) dest[i] = (fs::path(job.output) / names[i]).string();
  return dest;
}

struct CheckTally {
  int documents = 0, checks = 0, failed = 0, unread = 0;
  std::string line() const {
    return "checked " + std::to_string(documents) + " documents: " + std::to_string(checks) + " checks, " +
           std::to_string(failed) + " failed" +
           (unread ? ", " + std::to_string(unread) + " inputs not read" : std::string()) + "\n";
  }
};

}  // namespace

int Job::run(std::ostream& out, std::ostream& err) const {
  std::vector<std::string> dest;
  try {
    dest = destinations(*this);
  } catch (const Error& e) {
    err << "budgetx: " << e.what() << " [" << e.code() << "]\n";
    return kExitFailed;
  }
  std::vector<FileId> input_ids;
  for (const auto& input : inputs)
    if (FileId id = file_id(input)) input_ids.push_back(id);

  StdoutStream stdout_stream(out, format, inputs.size() > 1);
  CheckTally tally;
  int status = kExitOk;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string& input = inputs[i];
    try {
      InputFile in = read_input(input, idle_seconds);
      if (command == "layout") {
        out << extract::dump_layout(extract::read_layout_bytes(in.bytes));
        continue;
      }
      Document doc = disclosure::read_bytes(in.bytes, in.name);
      if (command == "check") {
        out << "== " << input << "\n" << checks::format_report(doc, doc.checks, true) << "\n";
        ++tally.documents;
        tally.checks += static_cast<int>(doc.checks.size());
        for (const auto& c : doc.checks) tally.failed += c.status == "fail";
        continue;
      }
      std::string content = render(doc, format);
      if (dest[i].empty()) stdout_stream.write(content);
      else write_output(dest[i], content, input_ids);
      if (!quiet && (!dest[i].empty() || inputs.size() > 1)) err << summary_line(input, doc, dest[i]) << "\n";
    } catch (const Error& e) {
      err << "budgetx: " << input << ": " << e.what() << " [" << e.code() << "]\n";
      status = kExitFailed;
      ++tally.unread;
    } catch (const std::exception& e) {
      err << "budgetx: " << input << ": internal error: " << e.what() << "\n";
      status = kExitFailed;
      ++tally.unread;
    }
  }
  if (command == "check") out << tally.line();
  if (status == kExitOk && fail_on_error && tally.failed > 0) return kExitCheckFailed;
  return status;
}

}  // namespace budget::cli
