#!/usr/bin/env bash
# bench/batch.sh — speed and memory of `budgetx batch`.  Builds nothing:
# point BUDGETX at a built binary.  Prints figures, asserts nothing.
#
#   bench/batch.sh [CORPUS_DIR]          (default: ../shared/corpus/real)
#   BULK=2000 bench/batch.sh             (also the 2,000-document run; 0 = skip)
#
#   1. --jobs 1 and --jobs 2 over CORPUS_DIR into a fresh database (best of
#      REPEAT runs each): wall time, documents/s, the speed-up.
#   2. The database's share: `budgetx extract FILES -o DIR` (one process, JSON
#      files) against `budgetx batch --jobs 1 -o DIR` (the same JSON files,
#      and the database), in CPU time (user + system, workers included: wall
#      time on a shared machine measures the neighbours); the difference
#      (hashing, the worker pipe, SQLite writes) per document, as a share of
#      extraction.
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

# timed LABEL CMD… : runs CMD under /usr/bin/time; sets $secs (wall), $cpu
# (user + system seconds of it and its workers) and $rss_mb
timed() {
  shift
  /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || true
  read -r secs rss_kb user sys < "$tmp/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
  rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
}

# best LABEL CMD… : the best wall and CPU times of $repeat runs (a fresh database each)
best() {
  local label=$1 min= mincpu=
  shift
  for _ in $(seq "$repeat"); do
    rm -rf "$tmp/db.sqlite"* "$tmp/json"
    timed "$label" "$@"
    if [ -z "$min" ] || awk -v a="$secs" -v b="$min" 'BEGIN { exit !(a < b) }'; then min=$secs; fi
    if [ -z "$mincpu" ] || awk -v a="$cpu" -v b="$mincpu" 'BEGIN { exit !(a < b) }'; then mincpu=$cpu; fi
  done
  secs=$min cpu=$mincpu
}

echo "corpus: $corpus ($n documents), best of $repeat runs; load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"
best j1 "$budgetx" batch "$corpus" --db "$tmp/db.sqlite" --jobs 1
j1=$secs j1cpu=$cpu
best j2 "$budgetx" batch "$corpus" --db "$tmp/db.sqlite" --jobs 2
j2=$secs j2cpu=$cpu
awk -v n="$n" -v a="$j1" -v b="$j2" -v ca="$j1cpu" -v cb="$j2cpu" 'BEGIN {
  printf "  batch --jobs 1: %.2f s (%.1f docs/s), CPU %.2f s\n", a, n / a, ca
  printf "  batch --jobs 2: %.2f s (%.1f docs/s), CPU %.2f s\n", b, n / b, cb
  printf "  speed-up (wall): %.2fx; CPU of --jobs 2 / --jobs 1: %.2f (1.00 = no parallel overhead)\n", a / b, cb / ca }'

# The database's cost: the same extraction and JSON files with and without
# the database, runs interleaved so that both see the same machine load, the
# least CPU time of each kept (the machine is shared: the least is the run
# least disturbed).
ex=; excpu=; bj=; bjcpu=
for _ in $(seq "$((repeat * 2))"); do
  rm -rf "$tmp/json"
  timed extract "$budgetx" extract -q "${files[@]}" -o "$tmp/json/"
  awk -v a="$cpu" -v b="${excpu:-1e9}" 'BEGIN { exit !(a < b) }' && excpu=$cpu ex=$secs
  rm -rf "$tmp/db.sqlite"* "$tmp/json"
  timed batch "$budgetx" batch "$corpus" --db "$tmp/db.sqlite" --jobs 1 -o "$tmp/json"
  awk -v a="$cpu" -v b="${bjcpu:-1e9}" 'BEGIN { exit !(a < b) }' && bjcpu=$cpu bj=$secs
done
awk -v n="$n" -v a="$ex" -v b="$bj" -v ca="$excpu" -v cb="$bjcpu" 'BEGIN {
  printf "  extract FILES -o DIR (one process, JSON files): %.2f s, CPU %.2f s\n", a, ca
  printf "  batch --jobs 1 -o DIR (the same JSON files and the database): %.2f s, CPU %.2f s\n", b, cb
  printf "  database overhead: CPU %.1f ms per document, %.1f %% of extraction CPU\n",
         1000 * (cb - ca) / n, 100 * (cb - ca) / ca }'

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
echo "bulk: $bulk documents ($(du -sh "$tmp/bulk" | cut -f1) of input) with --jobs 2; load average $(cut -d' ' -f1 /proc/loadavg):"
awk -v n="$bulk" -v s="$secs" -v c="$cpu" -v kb="$size" -v r="$rss_mb" 'BEGIN {
  printf "  %.1f s, %.1f docs/s (CPU %.1f s: %.1f docs per CPU second), database %.1f MB (%.1f kB per document), peak RSS %s MB\n",
         s, n / s, c, n / c, kb / 1024, kb / n, r }'
tail -1 "$tmp/err"
