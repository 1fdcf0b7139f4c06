#!/usr/bin/env bash
# bench/run.sh — speed and memory of budgetx against pdftotext.  Builds
# nothing: point BUDGETX at a built binary.
#
#   bench/run.sh [DIR_OR_PDF…]        (default: /work/shared/corpus/real)
#   BUDGETX=build/budgetx bench/run.sh
#
# Runs `budgetx extract FILE` (the whole pipeline: reader, recognition,
# checks, JSON), `budgetx layout FILE` (the PDF reader alone) and
# `pdftotext -layout FILE /dev/null` over the same PDFs, one process per
# file, and prints pages/s and total wall time of each, the ratios to
# pdftotext (target ≤ 1.5) and the peak RSS of budgetx (target < 100 MB),
# measured with /usr/bin/time -v.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
budgetx=${BUDGETX:-$here/build/budgetx}
[ -x "$budgetx" ] || { echo "no $budgetx (build first or set BUDGETX)" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "pdftotext missing: apt-get install poppler-utils" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 2; }

[ $# -gt 0 ] || set -- /work/shared/corpus/real
files=()
for arg in "$@"; do
  if [ -d "$arg" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$arg" -name '*.pdf' | sort)
  else
    files+=("$arg")
  fi
done
[ ${#files[@]} -gt 0 ] || { echo "no PDFs" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run LABEL CMD… : wall seconds and max RSS (kB) of one run, appended to $tmp/LABEL
run() {
  local label=$1; shift
  /usr/bin/time -v -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || true
  awk -v label="$label" '
    /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { rss = $NF }
    END { printf "%s %.3f %d\n", label, s, rss }' "$tmp/time" >> "$tmp/results"
}

pages=0
printf '%-50s %6s %9s %9s %11s %6s %8s\n' file pages extract_s layout_s pdftotext_s ratio rss_MB
for f in "${files[@]}"; do
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  n=${n:-0}
  pages=$((pages + n))
  : > "$tmp/results"
  run extract "$budgetx" extract "$f"
  run layout "$budgetx" layout "$f"
  run pdftotext pdftotext -layout "$f" /dev/null
  read -r _ es erss < <(grep '^extract' "$tmp/results")
  read -r _ ls lrss < <(grep '^layout' "$tmp/results")
  read -r _ ps _ < <(grep '^pdftotext' "$tmp/results")
  rss=$((erss > lrss ? erss : lrss))
  echo "$f $n $es $ls $ps $rss" >> "$tmp/all"
  awk -v f="$(basename "$f")" -v n="$n" -v e="$es" -v l="$ls" -v p="$ps" -v r="$rss" 'BEGIN {
    printf "%-50s %6d %9.3f %9.3f %11.3f %6.2f %8.1f\n", f, n, e, l, p, (p > 0 ? e / p : 0), r / 1024 }'
done
awk -v pages="$pages" '
  { e += $3; l += $4; p += $5; if ($6 > rss) rss = $6 }
  END {
    printf "\n%d files, %d pages\n", NR, pages
    printf "budgetx extract : %8.2f s  %8.1f pages/s\n", e, (e > 0 ? pages / e : 0)
    printf "budgetx layout  : %8.2f s  %8.1f pages/s\n", l, (l > 0 ? pages / l : 0)
    printf "pdftotext       : %8.2f s  %8.1f pages/s\n", p, (p > 0 ? pages / p : 0)
    printf "ratio extract/pdftotext : %6.2f  (target <= 1.5)\n", (p > 0 ? e / p : 0)
    printf "ratio layout/pdftotext  : %6.2f\n", (p > 0 ? l / p : 0)
    printf "peak RSS budgetx        : %6.1f MB  (target < 100 MB)\n", rss / 1024
  }' "$tmp/all"
