#!/usr/bin/env python3
"""Writes a valid questionnaire of N questions (default 2,000) for the validation benchmark.

Every kind of question and condition appears, so the validator does all of its work.
Usage: generate-large-questionnaire.py OUT_DIR [N]
"""
import os
import sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
os.makedirs(out, exist_ok=True)
lines = [
    "format: 1", "id: grand", "title: \"Questionnaire de test de charge\"", "population: pilotes",
    "scales:", "  accord4:", "    levels:",
    "      - {code: 4, label: \"Tout à fait d'accord\"}", "      - {code: 3, label: \"Plutôt d'accord\"}",
    "      - {code: 2, label: \"Plutôt pas d'accord\"}", "      - {code: 1, label: \"Pas du tout d'accord\"}",
    "    favourable: [4, 3]", "    missing:", "      - {code: nsp, label: \"Ne sait pas\"}",
    "lists:", "  choix:",
]
lines += [f"    - {{code: c{i}, label: \"Choix {i}\"}}" for i in range(12)]
lines.append("sections:")
written = 0
section = 0
while written < count:
    section += 1
    lines += [f"  - id: s{section}", f"    title: \"Partie {section}\"", "    questions:"]
    for _ in range(50):
        if written >= count:
            break
        i = written
        kind = i % 5
        if kind == 0:
            lines.append(f"      - {{id: q{i}, type: yesno, label: \"Question {i} ?\"}}")
        elif kind == 1:
            lines.append(f"      - {{id: q{i}, type: number, min: 0, max: 100, when: q{i-1} == \"oui\", label: \"Combien {i} ?\"}}")
        elif kind == 2:
            lines.append(f"      - {{id: q{i}, type: multiple, choices: choix, other: true, label: \"Lesquels {i} ?\"}}")
        elif kind == 3:
            lines += [f"      - id: q{i}", "        type: scale", "        scale: accord4",
                      f"        when: 'selected(q{i-1}, \"c3\") and q{i-2} >= 10'", f"        label: \"Accord {i} ?\""]
        else:
            lines.append(f"      - {{id: q{i}, type: text, required: false, long: true, label: \"Commentaire {i}\"}}")
        written += 1
with open(os.path.join(out, "grand.yaml"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(os.path.join(out, "grand.yaml"))
