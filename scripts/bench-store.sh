#!/usr/bin/env bash
# Benchmark: latency of committing one answer to the response store (a real file, WAL,
# synchronous=FULL: each save is fsynced before it returns), in a release build.
# Usage: scripts/bench-store.sh [SAVES] [WRITERS]
#   SAVES    answers saved one by one per writer (default 2000)
#   WRITERS  processes writing at once to a file that does not exist yet (default 20)
# Runs once with a single writer, then with WRITERS concurrent processes; both runs check
# that no answer is lost and that PRAGMA integrity_check says ok.
set -euo pipefail
cd "$(dirname "$0")/.."
saves="${1:-2000}"
writers="${2:-20}"
# On the disk the store would live on (not a tmpfs), inside the build directory.
work="$(mktemp -d "$PWD/.build/bench-store.XXXXXX")"
trap 'rm -rf "$work"' EXIT
swift build -c release --product prst >/dev/null
echo "== 1 writer, $saves saves"
.build/release/prst bench-store --saves "$saves" --directory "$work/single"
echo "== $writers writers at once on a new file, $saves saves each"
.build/release/prst bench-store --saves "$saves" --writers "$writers" --directory "$work/concurrent"
