#!/usr/bin/env bash
# Benchmark of the monitoring analysis and report (not a timed test): simulates in memory one
# response per unit × period of a questionnaire of INDICATORS questions (numbers, « dont » and
# statuses), then times the analysis and the writing of suivi.md, the CSV files and one file per
# unit (in memory: the disk is not measured). Budget: under 2 s for 5,000 × 5 × 50 (release).
# Usage: scripts/bench-monitoring.sh [UNITS PERIODS INDICATORS RUNS], default 5000 5 50 5
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS="${1:-5000}" PERIODS="${2:-5}" INDICATORS="${3:-50}" RUNS="${4:-5}"
swift build -c release --product prst-bench >/dev/null
/usr/bin/time -v .build/release/prst-bench --monitoring "$UNITS,$PERIODS,$INDICATORS" --runs "$RUNS" 2> >(grep -E "Maximum resident" >&2)
