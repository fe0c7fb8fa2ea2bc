#!/usr/bin/env bash
# Crash test: starts a load of a few hundred files, kills it with SIGKILL at random moments N
# times (each time resuming the same warehouse), then finishes the load and compares a
# canonical dump with a clean one-shot load of the same folder. They must be identical:
# no lost, no duplicated, no half-loaded file.
#
#   usage: scripts/crash-test.sh [KILLS=20] [FILES=300]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
kills="${1:-20}"
files="${2:-300}"
bin="${EDUWH_BIN:-$root/.build/release/eduwh}"
[ -x "$bin" ] || { echo "crash-test: build first: swift build -c release" >&2; exit 74; }
work="$(mktemp -d /tmp/eduwh-crash.XXXXXX)"
trap 'rm -rf "$work"' EXIT
"$root/scripts/gen-corpus" "$files" "$work/drop" --seed 7 >/dev/null

echo "== reference: one-shot load of $files files"
"$bin" load "$work/drop" --db "$work/reference.sqlite" --quiet --log-format json --log-file "$work/reference.log" || true
"$root/scripts/canonical-dump" "$work/reference.sqlite" > "$work/reference.dump"

# How long a full load takes, so kills land inside it.
t0=$(date +%s%N)
"$bin" load "$work/drop" --db "$work/timing.sqlite" --quiet --log-format json --log-file "$work/timing.log" --batch-size 16 || true
load_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "== $kills loads from scratch, each killed with SIGKILL at a random moment within its ~${load_ms} ms, then resumed"
RANDOM=42
identical=0
for i in $(seq 1 "$kills"); do
    rm -f "$work"/crashed.sqlite*
    delay_ms=$(( RANDOM % (load_ms > 20 ? load_ms : 20) ))
    "$bin" load "$work/drop" --db "$work/crashed.sqlite" --quiet --log-format json --log-file "$work/crashed.log" --batch-size 16 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null && state=killed || state="finished first"
    wait "$pid" 2>/dev/null || true
    committed=$(sqlite3 "$work/crashed.sqlite" "SELECT count(*) FROM etl_file WHERE status IN ('loaded','unchanged')" 2>/dev/null || echo 0)
    # Resume: the warehouse must open, mark the killed run interrupted, and finish to the same content.
    "$bin" load "$work/drop" --db "$work/crashed.sqlite" --quiet --log-format json --log-file "$work/crashed.log" || true
    if "$root/scripts/canonical-dump" "$work/crashed.sqlite" | cmp -s - "$work/reference.dump"; then
        identical=$((identical + 1)); verdict=identical
    else
        verdict=DIFFERENT
    fi
    interrupted=$(sqlite3 "$work/crashed.sqlite" "SELECT count(*) FROM etl_run WHERE status = 'interrupted'")
    checks=$("$bin" check --db "$work/crashed.sqlite" 2>&1 >/dev/null | tail -n 1)   # the summary is on stderr
    printf 'kill %2d at %4d ms: %-14s files committed: %4s/%s  after resume: dump %s, interrupted runs %s, checks: %s\n' \
        "$i" "$delay_ms" "$state" "$committed" "$files" "$verdict" "$interrupted" "$checks"
done
echo "$identical/$kills resumed dumps identical"
[ "$identical" -eq "$kills" ]
