#!/bin/sh
# deploy/slurm/submit.sh — run `budgetx batch` as N Slurm tasks and merge them.
#
#   deploy/slurm/submit.sh [--wait] N OUT INPUT...
#     N      number of shards (array tasks); each takes 1/N of the documents by sha256
#     OUT    folder on a shared file system: OUT/shard-K.sqlite, then OUT/all.sqlite
#     INPUT  files, directories, or @LIST (a file of paths), seen by every node
#   --wait   return when the merge has ended, with its status
#
# Extra sbatch options go in SBATCH_* environment variables (SBATCH_PARTITION,
# SBATCH_TIMELIMIT, …) and per-task cores in CPUS (default 1); BUDGETX names
# the binary (default: budgetx on the PATH; an absolute path on a shared file
# system otherwise).  Prints the two job ids.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
wait=
if [ "${1:-}" = "--wait" ]; then wait=--wait; shift; fi
[ $# -ge 3 ] || { echo "usage: submit.sh [--wait] N OUT INPUT..." >&2; exit 64; }
n=$1 out=$2
shift 2
mkdir -p "$out"
out=$(cd "$out" && pwd)
export BUDGETX=${BUDGETX:-budgetx}
array=$(sbatch --parsable --array=0-$((n - 1)) --cpus-per-task="${CPUS:-1}" \
  --output="$out/shard-%a.log" "$here/shard.sbatch" "$out" "$@")
echo "shards: job $array"
sbatch $wait --parsable --dependency=afterok:"${array%%;*}" --kill-on-invalid-dep=yes \
  --output="$out/merge.log" "$here/merge.sbatch" "$out"
