#!/usr/bin/env bash
# Measures Normalize throughput (quantities + years) on one core, release build, over the
# concatenated imports/ repeated to 20 MB (or the size given).
#   usage: scripts/bench-normalize.sh [megabytes]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift build -c release --product eduwh >/dev/null
corpus="$(mktemp -t bench-normalize.XXXXXX)"
trap 'rm -f "$corpus"' EXIT
cat imports/*.txt > "$corpus"
.build/release/eduwh bench-normalize "$corpus" --megabytes "${1:-20}"
