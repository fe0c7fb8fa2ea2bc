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
# Log: every line appended to LOG_FOLDER/eduwh-load.log is one JSON object: eduwh's own events,
#      and this script's (backup, backup_pruned, eduwh_stderr, nightly_exit), with every path and
#      message escaped. What cannot be logged (no log folder) goes to stderr, for cron's mail.
# Exit code: eduwh load's (0 ok, 3 some files rejected, 4 data test failed, 65 prune refused,
#            74 I/O error, 75 another load running; see README "Exit codes"), or this script's
#            own: 64 bad usage, 74 eduwh not built or the log folder/file not writable.
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 3 ]; then
    echo "usage: $0 DROP_FOLDER WAREHOUSE.sqlite LOG_FOLDER [extra eduwh load options]" >&2
    exit 64
fi
drop=$1; db=$2; logdir=$3; shift 3
bin=${EDUWH_BIN:-$here/../.build/release/eduwh}
log="$logdir/eduwh-load.log"

# A JSON string literal: backslash, quote and tab/CR escaped, other control characters dropped,
# several lines joined with \n.
json_string() {
    printf '%s' "$1" | LC_ALL=C tr -d '\000-\010\013\014\016-\037' \
        | LC_ALL=C sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\r/\\r/g' \
        | LC_ALL=C awk 'BEGIN { ORS = ""; printf "\"" } { if (NR > 1) printf "\\n"; printf "%s", $0 } END { printf "\"" }'
}

# One JSON event line: log_event EVENT key=value ... (values are strings; code=N is a number).
log_event() {
    line="{\"event\":\"$1\",\"ts\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\""
    shift
    for pair in "$@"; do
        key=${pair%%=*}; value=${pair#*=}
        case $key in
            exit_code) line="$line,\"$key\":$value" ;;
            *) line="$line,\"$key\":$(json_string "$value")" ;;
        esac
    done
    line="$line}"
    printf '%s\n' "$line" >>"$log" 2>/dev/null || printf '%s\n' "$line" >&2
}

if ! mkdir -p "$logdir" 2>/dev/null || ! : >>"$log" 2>/dev/null; then
    echo "$0: cannot write the log $log (check LOG_FOLDER exists and is writable); nothing was loaded" >&2
    exit 74
fi
if [ ! -x "$bin" ]; then
    log_event nightly_exit exit_code=74 error="$bin not found; build it once with: swift build -c release --package-path $here/.." drop="$drop" db="$db"
    echo "$0: $bin not found; build it once with: swift build -c release --package-path $here/.." >&2
    exit 74
fi
errors=$(mktemp "${TMPDIR:-/tmp}/eduwh-nightly.XXXXXX" 2>/dev/null) || errors=""

keep=${EDUWH_KEEP_BACKUPS:-0}
if [ "$keep" -gt 0 ] 2>/dev/null && [ -f "$db" ]; then
    backups="$(dirname "$db")/backups"
    target="$backups/$(basename "$db" .sqlite)-$(date -u +%Y%m%dT%H%M%S).sqlite"
    if mkdir -p "$backups" 2>/dev/null; then
        output=$("$bin" backup "$target" --db "$db" 2>&1)
        log_event backup exit_code=$? path="$target" output="$output"
        # keep the newest $keep backups
        ls -1t "$backups"/*.sqlite 2>/dev/null | tail -n +$((keep + 1)) | while read -r old; do
            rm -f "$old" && log_event backup_pruned path="$old"
        done
    else
        log_event backup exit_code=74 path="$target" output="cannot create the backup folder $backups"
    fi
fi

if [ -n "$errors" ]; then
    "$bin" load "$drop" --db "$db" --log-format json --log-file "$log" --wait "${EDUWH_WAIT:-0}" --quiet "$@" 2>"$errors"
    code=$?
    # eduwh's own messages (a bad option, an error line) become events, and reach cron's mail.
    if [ -s "$errors" ]; then
        log_event eduwh_stderr text="$(cat "$errors")"
        cat "$errors" >&2
    fi
    rm -f "$errors"
else
    "$bin" load "$drop" --db "$db" --log-format json --log-file "$log" --wait "${EDUWH_WAIT:-0}" --quiet "$@"
    code=$?
fi
log_event nightly_exit exit_code=$code drop="$drop" db="$db"
exit $code
