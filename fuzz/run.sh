#!/usr/bin/env bash
# fuzz/run.sh SECONDS [TARGET...] — build the libFuzzer targets (clang-14,
# ASan + UBSan, in build-fuzz/) and run each for SECONDS, one after another.
#
#   fuzz/run.sh 20                  # every target, 20 s each
#   fuzz/run.sh 600 pdf_reader      # one target for 10 minutes
#
# Targets: text_reader, pdf_reader, numbers (fuzz/fuzz_inputs.h says what
# each drives).  Seeds: the sample inputs in samples/ and fuzz/seeds/; the
# growing corpus stays in build-fuzz/fuzz/corpus/<target>/ between runs.  A
# crash, sanitizer report or hang is saved in build-fuzz/fuzz/findings/ and
# makes the script exit 1: copy the file into fuzz/regressions/<target>/, so
# fuzz_regression_test replays it in every build, and fix the bug.
# Needs clang-14 and libclang-rt-14-dev (Debian packages).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text_reader pdf_reader numbers)

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DBUDGET_FUZZ=ON -DBUDGET_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j2 --target "${targets[@]/%/_fuzz}"

seeds_of() {
  case $1 in
    text_reader) find samples -name '*.txt' ;;
    pdf_reader) find samples -name '*.pdf' ;;
    numbers) find fuzz/seeds/numbers -type f ;;
  esac
}

# Longest input per target.  Text is cut short so each run stays fast (a
# whole disclosure through recognition under ASan takes most of a second);
# the text samples are also seeded in slices of 40 lines for the same reason.
max_len_of() {
  case $1 in
    text_reader) echo 8192 ;;
    numbers) echo 256 ;;
    *) echo 1048576 ;;
  esac
}

# FUZZ_RUNS=N (CI's smoke): a fixed seed and N executions at most, so that a
# smoke run tries the same inputs on every machine and never fails by chance;
# exploring (no FUZZ_RUNS) draws a new seed each run.
repeatable=()
if [ -n "${FUZZ_RUNS:-}" ]; then repeatable=(-seed=1 -runs="$FUZZ_RUNS"); fi

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
failed=0
for t in "${targets[@]}"; do
  work=build-fuzz/fuzz
  mkdir -p "$work/corpus/$t" "$work/findings/$t" "fuzz/regressions/$t"
  seeds_of "$t" | while read -r f; do
    seed="$work/corpus/$t/seed-$(echo "$f" | tr / _)"
    cp -n "$f" "$seed"
    if [ "$t" = text_reader ]; then split -l 40 -d -a 3 "$f" "$seed-lines"; fi
  done
  echo "== $t: ${seconds}s"
  if ! "$work/${t}_fuzz" "$work/corpus/$t" fuzz/regressions/$t -max_total_time="$seconds" ${repeatable[@]+"${repeatable[@]}"} \
      -timeout=30 -rss_limit_mb=2048 -max_len="$(max_len_of "$t")" -print_final_stats=1 \
      -artifact_prefix="$work/findings/$t/" 2>"$work/$t.log"; then
    failed=1
    echo "fuzz/run.sh: $t found a problem, saved in $work/findings/$t/ (log: $work/$t.log)" >&2
  fi
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$work/$t.log" || tail -5 "$work/$t.log"
done
exit $failed
