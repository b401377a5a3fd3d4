#!/usr/bin/env bash
# Benchmark: latency of committing one answer to the response store (a real file, WAL,
# synchronous=FULL: each save is fsynced before it returns), in a release build.
# Usage: scripts/bench-store.sh [SAVES] [WRITERS] [SESSIONS] [ANSWERS]
#   SAVES    answers saved one by one per writer (default 2000)
#   WRITERS  processes writing at once to a file that does not exist yet (default 20)
#   SESSIONS sessions generated for the streaming read (default 1,000,000), ANSWERS each (10)
# Runs once with a single writer, then with WRITERS concurrent processes; both runs check
# that no answer is lost and that PRAGMA integrity_check says ok.
set -euo pipefail
cd "$(dirname "$0")/.."
saves="${1:-2000}"
writers="${2:-20}"
# On the disk the store would live on (not a tmpfs), inside the build directory.
work="$(mktemp -d "$PWD/.build/bench-store.XXXXXX")"
trap 'rm -rf "$work"' EXIT
swift build -c release --product prst-bench >/dev/null
echo "== 1 writer, $saves saves"
.build/release/prst-bench --saves "$saves" --directory "$work/single"
echo "== $writers writers at once on a new file, $saves saves each"
.build/release/prst-bench --saves "$saves" --writers "$writers" --directory "$work/concurrent"

# Streaming: SESSIONS generated in SQL (ANSWERS each), then read back with forEachResponse.
sessions="${3:-1000000}"
answers="${4:-10}"
echo "== streaming $sessions sessions × $answers answers"
.build/release/prst-bench --saves 1 --directory "$work/stream" >/dev/null
store="$(ls "$work"/stream/*.sqlite)"
sqlite3 "$store" <<SQL
.timeout 20000
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $sessions)
INSERT INTO sessions (id, resume_code, definition_id, status, origin, started_at, completed_at)
SELECT printf('B%07d', i), printf('R%07d', i), (SELECT MIN(id) FROM definitions), 'completed', 'simulated',
       1750000000, 1750000000 + 300 + i % 1500 FROM n;
WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < $answers)
INSERT INTO answers (session_id, variable, repetition, kind, value_text, value_number, updated_at)
SELECT s.id, 'nombre', 'r' || k.j, 'number', NULL, k.j, 1750000000 FROM sessions s, k WHERE s.id LIKE 'B%';
COMMIT;
SQL
ls -l "$store" | awk '{ printf "fichier : %.0f Mio\n", $5 / 1048576 }'
.build/release/prst-bench --stream "$store"
