#!/usr/bin/env bash
# Benchmark of `prst export` and `prst import` on simulated respondents (not a timed test).
# Usage: scripts/bench-exchange.sh [total respondents, default 100000] [rfc4180|excel]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/simulated-store.sh
N="${1:-100000}"
DIALECT="${2:-rfc4180}"
WORK="${TMPDIR:-/tmp}/prst-bench-exchange"
simulated_store "$N" "$WORK"
rm -rf "$WORK/export" "$WORK/import.sqlite"*
/usr/bin/time -f "export ($DIALECT, $N sessions, completed and unfinished): %e s, %M KiB" \
  "$BIN" export surveys/campagne.yaml --store "$STORE" --out "$WORK/export" --csv "$DIALECT" --include-incomplete 2>&1 \
  | grep -E "export|réponse"
du -ch "$WORK"/export/{pilotes,contributeurs,destinataires}.csv | tail -1
start=$(date +%s%N)
for q in pilotes contributeurs destinataires; do
  /usr/bin/time -f "import $q: %e s, %M KiB" "$BIN" import "surveys/$q.yaml" "$WORK/export/$q.csv" --store "$WORK/import.sqlite" 2>&1 \
    | grep -E "import|importée"
done
echo "import total: $(( ($(date +%s%N) - start) / 1000000 )) ms"
