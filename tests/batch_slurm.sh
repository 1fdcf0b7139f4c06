#!/bin/sh
# batch_slurm.sh BUDGETX REPO SHARED — deploy/slurm/ on a real single-node
# Slurm (Debian's slurm-wlm and munge) started in a temporary folder: the job
# array of shards over SHARED/corpus/real, then the merge, must hold exactly
# what one `budgetx batch` of the same files holds (tests/batch_db.py compare).
#
# Everything lives in the temporary folder: munged on its own socket and key,
# slurmctld and slurmd on free ports with their state, spool and logs; all
# three are stopped by PID at the end.  Exit 77 (skipped) without SHARED,
# without root, or when Slurm does not start.
set -u
budgetx=$(readlink -f "$1") repo=$(readlink -f "$2") shared=$3
skip() { echo "batch_slurm: SKIPPED: $*"; exit 77; }
[ -d "$shared/corpus/real" ] || skip "no $shared/corpus/real"
[ "$(id -u)" -eq 0 ] || skip "not root (the Slurm daemons run as root here)"
for exe in /usr/sbin/munged /usr/sbin/slurmctld /usr/sbin/slurmd sbatch sinfo; do
  command -v "$exe" >/dev/null 2>&1 || skip "$exe missing (setup.sh installs slurm-wlm and munge)"
done
real=$(readlink -f "$shared/corpus/real")

T=$(mktemp -d /tmp/batch_slurm.XXXXXX)
chmod 755 "$T"
pids=""
stop() {
  for f in "$T/slurmd.pid" "$T/slurmctld.pid" "$T/munge/munged.pid"; do
    [ -s "$f" ] && kill "$(cat "$f")" 2>/dev/null
  done
  sleep 1
  for f in "$T/slurmd.pid" "$T/slurmctld.pid" "$T/munge/munged.pid"; do
    [ -s "$f" ] && kill -9 "$(cat "$f")" 2>/dev/null
  done
  rm -rf "$T"
}
trap stop EXIT
trap 'exit 1' INT TERM

# munge: its own key and socket.
mkdir -p "$T/munge" "$T/spool" "$T/state" "$T/out"
dd if=/dev/urandom bs=1 count=1024 of="$T/munge/munge.key" 2>/dev/null
chmod 700 "$T/munge"
chmod 400 "$T/munge/munge.key"
/usr/sbin/munged -f --socket="$T/munge/munge.socket" --key-file="$T/munge/munge.key" \
  --log-file="$T/munge/munged.log" --pid-file="$T/munge/munged.pid" \
  --seed-file="$T/munge/munged.seed" || skip "munged does not start"

# Two free TCP ports, so that other Slurms on this machine are left alone.
ports=$(python3 -c '
import socket
ss = [socket.socket() for _ in range(2)]
for s in ss: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))')
set -- $ports
H=$(hostname -s)
cat > "$T/slurm.conf" <<CONF
ClusterName=batchtest
SlurmctldHost=$H
SlurmctldPort=$1
SlurmdPort=$2
AuthType=auth/munge
AuthInfo=socket=$T/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmUser=root
ReturnToService=2
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmdSpoolDir=$T/spool
StateSaveLocation=$T/state
SlurmctldLogFile=$T/ctld.log
SlurmdLogFile=$T/slurmd.log
NodeName=$H CPUs=$(nproc) State=UNKNOWN
PartitionName=main Nodes=$H Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$T/slurm.conf"
/usr/sbin/slurmctld -f "$SLURM_CONF" || skip "slurmctld does not start: $(tail -3 "$T/ctld.log" 2>/dev/null)"
/usr/sbin/slurmd -f "$SLURM_CONF" || skip "slurmd does not start: $(tail -3 "$T/slurmd.log" 2>/dev/null)"
up=0
for i in $(seq 1 60); do
  # The node is 'unk' until slurmd registers, then 'idle'.
  sinfo -h -o %t 2>/dev/null | grep -q idle && { up=1; break; }
  sleep 1
done
[ "$up" -eq 1 ] || skip "no idle Slurm node after 60 s: $(tail -3 "$T/slurmd.log" 2>/dev/null)"
echo "batch_slurm: Slurm up ($(sinfo -h -o '%P %t %D' | head -1))"

# Three shards and the merge, through the deploy scripts; then one batch.
start=$(date +%s)
BUDGETX="$budgetx" CPUS=1 timeout 240 sh "$repo/deploy/slurm/submit.sh" --wait 3 "$T/out" "$real"
status=$?
echo "batch_slurm: job array and merge ended with $status after $(( $(date +%s) - start )) s"
for log in "$T"/out/*.log; do echo "== $log"; cat "$log"; done
[ "$status" -eq 0 ] || { tail -20 "$T/ctld.log" "$T/slurmd.log"; exit 1; }
ls "$T"/out/shard-0.sqlite "$T"/out/shard-1.sqlite "$T"/out/shard-2.sqlite "$T/out/all.sqlite" || exit 1
"$budgetx" batch "$real" --db "$T/single.sqlite" --jobs 2 || exit 1
python3 "$repo/tests/batch_db.py" compare "$T/out/all.sqlite" "$T/single.sqlite"
