#!/usr/bin/env bash
# Benchmark: validating a generated 2,000-question questionnaire in a release build.
# Usage: scripts/bench-validate.sh [QUESTIONS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
questions="${1:-2000}"
runs="${2:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product prst >/dev/null
file="$(python3 scripts/generate-large-questionnaire.py "$work" "$questions")"
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  .build/release/prst validate "$file" 2>/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "questions: $questions, runs: $runs"
echo "wall time (ms): min ${sorted[0]}, median ${sorted[$((runs / 2))]}, max ${sorted[$((runs - 1))]}"
/usr/bin/time -f "peak memory: %M KiB" .build/release/prst validate "$file" 2>&1 >/dev/null | tail -1
