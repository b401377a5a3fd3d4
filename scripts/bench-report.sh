#!/usr/bin/env bash
# Benchmark of `prst report` on simulated respondents (not a timed test).
# Usage: scripts/bench-report.sh [total respondents, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
WORK="${TMPDIR:-/tmp}/prst-bench-report"
mkdir -p "$WORK"
swift build -c release --product prst >/dev/null
BIN="$(swift build -c release --show-bin-path)/prst"
if [ ! -s "$WORK/reponses-$N.sqlite" ]; then
  /usr/bin/time -f "simulate: %e s, %M KiB" "$BIN" simulate surveys/campagne.yaml --seed 2020 \
    --respondents "pilotes=$((N / 20)),contributeurs=$((N / 4)),destinataires=$((N - N / 20 - N / 4))" \
    --store "$WORK/reponses-$N.sqlite"
fi
/usr/bin/time -v "$BIN" report surveys/campagne.yaml --store "$WORK/reponses-$N.sqlite" --out "$WORK/rapport" 2>&1 \
  | grep -E "Elapsed|Maximum resident|Rapport écrit"
