#!/usr/bin/env bash
# Shared by the benchmarks: builds prst in release and makes, once, a store of N simulated
# respondents (5 % pilotes, 25 % contributeurs, 70 % destinataires, seed 2020) in WORK.
# Usage (sourced): . scripts/simulated-store.sh; simulated_store N WORK   → sets BIN and STORE
simulated_store() {
  local n="$1" work="$2"
  mkdir -p "$work"
  swift build -c release --product prst >/dev/null
  BIN="$(swift build -c release --show-bin-path)/prst"
  STORE="$work/reponses-$n.sqlite"
  if [ ! -s "$STORE" ]; then
    /usr/bin/time -f "simulate: %e s, %M KiB" "$BIN" simulate surveys/campagne.yaml --seed 2020 \
      --respondents "pilotes=$((n / 20)),contributeurs=$((n / 4)),destinataires=$((n - n / 20 - n / 4))" \
      --store "$STORE" 2>&1 | grep -E "^simulate"
  fi
}
