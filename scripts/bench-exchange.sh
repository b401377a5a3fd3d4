#!/usr/bin/env bash
# Benchmark of `prst export` and `prst import` on simulated respondents (not a timed test).
# Usage: scripts/bench-exchange.sh [total respondents, default 100000] [rfc4180|excel]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
DIALECT="${2:-rfc4180}"
WORK="${TMPDIR:-/tmp}/prst-bench-exchange"
mkdir -p "$WORK"
swift build -c release --product prst >/dev/null
BIN="$(swift build -c release --show-bin-path)/prst"
if [ ! -s "$WORK/reponses-$N.sqlite" ]; then
  /usr/bin/time -f "simulate: %e s, %M KiB" "$BIN" simulate surveys/campagne.yaml --seed 2020 \
    --respondents "pilotes=$((N / 20)),contributeurs=$((N / 4)),destinataires=$((N - N / 20 - N / 4))" \
    --store "$WORK/reponses-$N.sqlite" 2>&1 | grep simulate
fi
rm -rf "$WORK/export" "$WORK/import.sqlite"*
/usr/bin/time -f "export ($DIALECT, $N sessions, completed and unfinished): %e s, %M KiB" \
  "$BIN" export surveys/campagne.yaml --store "$WORK/reponses-$N.sqlite" --out "$WORK/export" --csv "$DIALECT" --include-incomplete 2>&1 \
  | grep -E "export|réponse"
du -ch "$WORK"/export/{pilotes,contributeurs,destinataires}.csv | tail -1
start=$(date +%s.%N)
for q in pilotes contributeurs destinataires; do
  /usr/bin/time -f "import $q: %e s, %M KiB" "$BIN" import "surveys/$q.yaml" "$WORK/export/$q.csv" --store "$WORK/import.sqlite" 2>&1 \
    | grep -E "import|importée"
done
echo "import total: $(echo "$(date +%s.%N) - $start" | bc) s"
