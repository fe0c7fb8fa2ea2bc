#!/bin/sh
# Nightly load for cron: loads a drop folder into a warehouse, appending JSON-line logs.
# Works under cron's bare environment (no TTY, minimal PATH, any working directory).
#
#   usage: scripts/nightly-load.sh DROP_FOLDER WAREHOUSE.sqlite LOG_FOLDER [extra eduwh load options]
#   crontab (02:15 every night):
#     15 2 * * * /opt/eduwh/scripts/nightly-load.sh /data/drop /data/eduwh.sqlite /var/log/eduwh
#
# Environment: EDUWH_BIN (binary, default: this checkout's .build/release/eduwh),
#              EDUWH_WAIT (seconds to wait for a running load, default 0: exit 75 at once),
#              EDUWH_KEEP_BACKUPS (if set to N > 0: back up the warehouse before loading and keep N).
# Exit code: eduwh load's (0 ok, 3 some files rejected, 4 data test failed, 64 usage,
#            74 I/O error, 75 another load running); see README "Exit codes".
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 3 ]; then
    echo "usage: $0 DROP_FOLDER WAREHOUSE.sqlite LOG_FOLDER [extra eduwh load options]" >&2
    exit 64
fi
drop=$1; db=$2; logdir=$3; shift 3
bin=${EDUWH_BIN:-$here/../.build/release/eduwh}
if [ ! -x "$bin" ]; then
    echo "$0: $bin not found; build it once with: swift build -c release --package-path $here/.." >&2
    exit 74
fi
mkdir -p "$logdir" || { echo "$0: cannot create log folder $logdir" >&2; exit 74; }
log="$logdir/eduwh-load.log"
stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)

keep=${EDUWH_KEEP_BACKUPS:-0}
if [ "$keep" -gt 0 ] 2>/dev/null && [ -f "$db" ]; then
    backups="$(dirname "$db")/backups"
    mkdir -p "$backups"
    "$bin" backup "$backups/$(basename "$db" .sqlite)-$(date -u +%Y%m%dT%H%M%S).sqlite" --db "$db" >>"$log" 2>&1
    # keep the newest $keep backups
    ls -1t "$backups"/*.sqlite 2>/dev/null | tail -n +$((keep + 1)) | while read -r old; do rm -f "$old"; done
fi

"$bin" load "$drop" --db "$db" --log-format json --log-file "$log" --wait "${EDUWH_WAIT:-0}" --quiet "$@" 2>>"$log"
code=$?
echo "{\"event\":\"nightly_exit\",\"ts\":\"$stamp\",\"exit_code\":$code,\"drop\":\"$drop\",\"db\":\"$db\"}" >>"$log"
exit $code
