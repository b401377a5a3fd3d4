#!/usr/bin/env bash
# Wall time of a scripted plain-mode session of 100 answers (prst run --plain, stdin piped).
# Usage: scripts/bench-runner.sh [runs]   (needs: swift build -c release --product prst)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=.build/release/prst
runs=${1:-5}
[ -x "$binary" ] || { echo "build first: swift build -c release --product prst" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 10 sections x (5 matrix items, single, multiple, number, yes/no, text) = 100 answers,
# with a condition on every section's matrix.
{
  echo 'format: 1'
  echo 'id: bench'
  echo 'version: 1'
  echo 'title: "Banc d essai du runner"'
  echo 'population: pilotes'
  echo 'language: fr'
  echo 'intro: "Questionnaire de mesure."'
  echo 'scales:'
  echo '  accord:'
  echo '    levels: [{code: 4, label: "Tout à fait"}, {code: 3, label: "Plutôt"}, {code: 2, label: "Plutôt pas"}, {code: 1, label: "Pas du tout"}]'
  echo '    favourable: [4, 3]'
  echo '    missing: [{code: nsp, label: "Ne sait pas"}]'
  echo 'lists:'
  echo '  couleurs: [{code: rouge, label: "Rouge"}, {code: vert, label: "Vert"}, {code: bleu, label: "Bleu"}, {code: aucune, label: "Aucune", exclusive: true}]'
  echo 'sections:'
  for s in $(seq 1 10); do
    echo "  - id: s$s"
    echo "    title: \"Section $s\""
    echo "    questions:"
    echo "      - {id: oui$s, type: yesno, label: \"Question oui/non $s ?\"}"
    echo "      - id: m$s"
    echo "        type: matrix"
    echo "        scale: accord"
    echo "        when: 'oui$s == \"oui\"'"
    echo "        label: \"D'accord ($s) ?\""
    echo "        items:"
    for i in 1 2 3 4 5; do echo "          - {id: m${s}_$i, label: \"Affirmation $i\"}"; done
    echo "      - {id: c$s, type: single, choices: couleurs, label: \"Couleur $s ?\"}"
    echo "      - {id: p$s, type: multiple, choices: couleurs, label: \"Couleurs $s ?\"}"
    echo "      - {id: n$s, type: number, min: 0, max: 100, decimal: true, label: \"Nombre $s ?\"}"
    echo "      - {id: t$s, type: text, required: false, label: \"Commentaire $s ?\"}"
  done
} > "$work/bench.yaml"

# The answers: 100 lines, then the confirmation.
{
  for s in $(seq 1 10); do
    echo o; for i in 1 2 3 4 5; do echo $(( (i % 5) + 1 )); done
    echo 2; echo "1, 3"; echo "12,5"; echo "Très bien, merci é"
  done
  echo o
} > "$work/answers.txt"
[ "$(($(wc -l < "$work/answers.txt") - 1))" -eq 100 ] || { echo "script is not 100 answers" >&2; exit 1; }

measure() { # label, extra args
  local label=$1; shift
  local best=""
  for run in $(seq 1 "$runs"); do
    local store="$work/store-$run-$RANDOM"
    local start end
    start=$(date +%s.%N)
    "$binary" run "$work/bench.yaml" --plain "$@" ${STORE_ARGS:+--store "$store"} < "$work/answers.txt" > "$work/out.txt"
    end=$(date +%s.%N)
    local t; t=$(echo "$end - $start" | bc)
    grep -q "Merci, vos réponses sont enregistrées\|Fin de l'essai" "$work/out.txt" || { echo "session did not complete" >&2; tail "$work/out.txt" >&2; exit 1; }
    printf "  %s run %d: %.3f s\n" "$label" "$run" "$t"
  done
}
echo "prst run --plain, 100 answers, $runs runs each"
STORE_ARGS="" measure "--dry-run (in memory)" --dry-run
STORE_ARGS=1 measure "--store (durable)"
