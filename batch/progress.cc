#include "batch/progress.h"

#include <cstdio>

namespace budget::batch {
namespace {

std::string fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string clock_time(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

std::string format_summary(const Summary& s) {
  std::string out = "budgetx: " + std::to_string(s.ok + s.failed + s.skipped) + " documents in " +
                    fixed1(s.seconds) + " s: " + std::to_string(s.ok) + " ok, " +
                    std::to_string(s.failed) + " failed";
  if (!s.failed_by_code.empty()) {
    out += " (";
    bool first = true;
    for (const auto& [code, n] : s.failed_by_code) {
      out += (first ? "" : ", ") + code + " " + std::to_string(n);
      first = false;
    }
    out += ")";
  }
  out += ", " + std::to_string(s.skipped) + " skipped (already in the database), " +
         std::to_string(s.duplicates) + " duplicate files\n";
  return out;
}

Progress::Progress(std::ostream& err, bool terminal, int total)
    : err_(err), terminal_(terminal), total_(total), started_(std::chrono::steady_clock::now()) {}

void Progress::update(const Summary& s) {
  if (!terminal_) return;
  auto now = std::chrono::steady_clock::now();
  if (shown_ && now - drawn_ < std::chrono::milliseconds(200)) return;
  drawn_ = now;
  shown_ = true;
  int done = s.ok + s.failed;
  double elapsed = std::chrono::duration<double>(now - started_).count();
  double rate = elapsed > 0 ? done / elapsed : 0;
  std::string eta = rate > 0 ? clock_time((total_ - done) / rate) : "?";
  err_ << "\r\033[Kbudgetx: " << done << "/" << total_ << " documents, " << fixed1(rate)
       << " docs/s, ETA " << eta << ", " << s.failed << " failed" << std::flush;
}

void Progress::finish() {
  if (shown_) err_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace budget::batch
