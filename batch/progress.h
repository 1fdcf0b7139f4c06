// batch/progress.h — what a person watching a long batch sees.
//
// On a terminal, one line redrawn in place at most 5 times a second:
//   budgetx: 812/2000 documents, 23.4 docs/s, ETA 0:51, 3 failed
// Nothing when standard error is not a terminal (logs stay clean).  At the
// end, always, a summary:
//   budgetx: 2000 documents in 85.2 s: 1990 ok, 7 failed (worker.timeout 2, pdf.encrypted 5),
//            3 skipped (already in the database), 12 duplicate files
#pragma once

#include <chrono>
#include <map>
#include <ostream>
#include <string>

namespace budget::batch {

struct Summary {
  int ok = 0;
  int failed = 0;
  std::map<std::string, int> failed_by_code;
  int skipped = 0;      // already ingested by this budgetx version
  int duplicates = 0;   // extra names of a document seen under another name
  double seconds = 0;
};

std::string format_summary(const Summary& s);

class Progress {
 public:
  Progress(std::ostream& err, bool terminal, int total);
  // Redraws the line (when on a terminal and the last draw is 200 ms old).
  void update(const Summary& s);
  // Clears the line, so the summary that follows starts clean.
  void finish();

 private:
  std::ostream& err_;
  bool terminal_;
  int total_;
  std::chrono::steady_clock::time_point started_, drawn_;
  bool shown_ = false;
};

}  // namespace budget::batch
