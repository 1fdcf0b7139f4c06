#!/usr/bin/env bash
# bench/batch.sh — speed and memory of `budgetx batch`.  Builds nothing:
# point BUDGETX at a built binary.  Prints figures, asserts nothing.
#
#   bench/batch.sh [CORPUS_DIR]          (default: ../shared/corpus/real)
#   BULK=2000 bench/batch.sh             (also the 2,000-document run; 0 = skip)
#
#   1. --jobs 1 and --jobs 2 over CORPUS_DIR into a fresh database (best of
#      REPEAT runs each): wall time, documents/s, the speed-up.
#   2. The database's share: `budgetx extract FILES -o DIR` (one process, no
#      database) against `budgetx batch --jobs 1` of the same files; the
#      difference (fork, message, SQLite writes) per document, as a share of
#      extraction time.
#   3. Peak RSS of a batch (its largest process: a worker) against `budgetx
#      extract` of the largest file alone.
#   4. BULK documents: every document of ../shared/corpus and ../shared/seed
#      copied under new names with perturbed bytes (a comment after %%EOF for
#      PDFs, trailing newlines for text) until there are BULK, then one
#      `budgetx batch --jobs 2`: documents/s and database size.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
budgetx=${BUDGETX:-$here/build/budgetx}
shared=${SHARED:-$here/../shared}
corpus=${1:-$shared/corpus/real}
repeat=${REPEAT:-3}
bulk=${BULK:-2000}
[ -x "$budgetx" ] || { echo "no $budgetx (build first or set BUDGETX)" >&2; exit 2; }
[ -d "$corpus" ] || { echo "no corpus $corpus" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t files < <(find "$corpus" \( -name '*.pdf' -o -name '*.txt' \) | sort)
n=${#files[@]}

# timed LABEL CMD… : runs CMD under /usr/bin/time; sets $secs and $rss_mb
timed() {
  shift
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || true
  read -r secs rss_kb < "$tmp/time"
  rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
}

# best LABEL CMD… : the best wall time of $repeat runs (a fresh database each)
best() {
  local label=$1 min=
  shift
  for _ in $(seq "$repeat"); do
    rm -rf "$tmp/db.sqlite"* "$tmp/json"
    timed "$label" "$@"
    if [ -z "$min" ] || awk -v a="$secs" -v b="$min" 'BEGIN { exit !(a < b) }'; then min=$secs; fi
  done
  secs=$min
}

echo "corpus: $corpus ($n documents), best of $repeat runs"
best j1 "$budgetx" batch "$corpus" --db "$tmp/db.sqlite" --jobs 1
j1=$secs
best j2 "$budgetx" batch "$corpus" --db "$tmp/db.sqlite" --jobs 2
j2=$secs
awk -v n="$n" -v a="$j1" -v b="$j2" 'BEGIN {
  printf "  batch --jobs 1: %.2f s (%.1f docs/s)\n  batch --jobs 2: %.2f s (%.1f docs/s)\n  speed-up: %.2fx\n",
         a, n / a, b, n / b, a / b }'

best extract "$budgetx" extract -q "${files[@]}" -o "$tmp/json/"
ex=$secs
awk -v n="$n" -v a="$ex" -v b="$j1" 'BEGIN {
  printf "  extract (one process, JSON files, no database): %.2f s\n", a
  printf "  database overhead (batch --jobs 1 - extract): %.1f ms per document, %.1f %% of extraction time\n",
         1000 * (b - a) / n, 100 * (b - a) / a }'

rm -rf "$tmp/db.sqlite"*
timed rss "$budgetx" batch "$corpus" --db "$tmp/db.sqlite" --jobs 2
batch_rss=$rss_mb
largest=$(ls -S "${files[@]}" | head -1)
timed rss "$budgetx" extract "$largest" -o "$tmp/one.json"
echo "  peak RSS: batch --jobs 2 ${batch_rss} MB (its largest process); extract of the largest file alone ${rss_mb} MB ($(basename "$largest"))"

[ "$bulk" -gt 0 ] || exit 0
mapfile -t sources < <(find "$shared/corpus" "$shared/seed" \( -name '*.pdf' -o -name '*.txt' \) | sort)
mkdir -p "$tmp/bulk"
i=0
while [ "$i" -lt "$bulk" ]; do
  for src in "${sources[@]}"; do
    [ "$i" -lt "$bulk" ] || break
    ext=${src##*.}
    dst="$tmp/bulk/$(printf '%05d' "$i").$ext"
    cp "$src" "$dst"
    if [ "$ext" = pdf ]; then printf '\n%% copy %d\n' "$i" >> "$dst"; else head -c $((i + 1)) /dev/zero | tr '\0' '\n' >> "$dst"; fi
    i=$((i + 1))
  done
done
rm -rf "$tmp/db.sqlite"*
timed bulk "$budgetx" batch "$tmp/bulk" --db "$tmp/db.sqlite" --jobs 2
size=$(du -k "$tmp/db.sqlite" | cut -f1)
echo "bulk: $bulk documents ($(du -sh "$tmp/bulk" | cut -f1) of input) with --jobs 2:"
awk -v n="$bulk" -v s="$secs" -v kb="$size" -v r="$rss_mb" 'BEGIN {
  printf "  %.1f s, %.1f docs/s, database %.1f MB (%.1f kB per document), peak RSS %s MB\n", s, n / s, kb / 1024, kb / n, r }'
tail -1 "$tmp/err"
