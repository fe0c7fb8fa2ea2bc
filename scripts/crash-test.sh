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

echo "== $kills loads killed with SIGKILL at random moments"
RANDOM=42
identical=0
for i in $(seq 1 "$kills"); do
    "$bin" load "$work/drop" --db "$work/crashed.sqlite" --quiet --log-format json --log-file "$work/crashed.log" --batch-size 16 &
    pid=$!
    # a random moment within the first ~1.5 s of the load
    sleep "0.$(printf '%03d' $((RANDOM % 1000)))"
    if [ $((RANDOM % 2)) -eq 0 ]; then sleep "0.$(printf '%03d' $((RANDOM % 500)))"; fi
    kill -9 "$pid" 2>/dev/null && state=killed || state="finished before the kill"
    wait "$pid" 2>/dev/null || true
    # After every kill the warehouse must open, pass its data tests, and resume to the same result.
    cp "$work/crashed.sqlite" "$work/resume.sqlite"
    [ -f "$work/crashed.sqlite-wal" ] && cp "$work/crashed.sqlite-wal" "$work/resume.sqlite-wal"
    "$bin" load "$work/drop" --db "$work/resume.sqlite" --quiet --log-format json --log-file "$work/resume.log" || true
    if "$root/scripts/canonical-dump" "$work/resume.sqlite" | cmp -s - "$work/reference.dump"; then
        identical=$((identical + 1)); verdict=identical
    else
        verdict=DIFFERENT
    fi
    interrupted=$(sqlite3 "$work/resume.sqlite" "SELECT count(*) FROM etl_run WHERE status = 'interrupted'")
    loaded=$(sqlite3 "$work/crashed.sqlite" "SELECT count(*) FROM etl_file WHERE status IN ('loaded','unchanged')")
    printf 'kill %2d: %-24s files committed before kill: %4s  resumed dump: %s  (interrupted runs recorded: %s)\n' \
        "$i" "$state" "$loaded" "$verdict" "$interrupted"
    rm -f "$work/resume.sqlite" "$work/resume.sqlite-wal" "$work/resume.sqlite-shm"
done

echo "== final: finish the killed warehouse and compare"
"$bin" load "$work/drop" --db "$work/crashed.sqlite" --quiet --log-format json --log-file "$work/crashed.log" || true
"$bin" check --db "$work/crashed.sqlite" | tail -n 1
if "$root/scripts/canonical-dump" "$work/crashed.sqlite" | cmp -s - "$work/reference.dump"; then
    echo "final dump: identical"
else
    echo "final dump: DIFFERENT"; identical=-1
fi
echo "$identical/$kills resumed dumps identical"
[ "$identical" -eq "$kills" ]
