#!/usr/bin/env bash
# Benchmark of `prst report` on simulated respondents (not a timed test).
# Usage: scripts/bench-report.sh [total respondents, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/simulated-store.sh
N="${1:-100000}"
WORK="${TMPDIR:-/tmp}/prst-bench-report"
simulated_store "$N" "$WORK"
/usr/bin/time -v "$BIN" report surveys/campagne.yaml --store "$STORE" --out "$WORK/rapport" 2>&1 \
  | grep -E "Elapsed|Maximum resident|Rapport écrit"
