#!/usr/bin/env bash
# Himmelblau's four minima from four starts: from (0.5, −0.5) SGD reaches the sharper minimum at
# (3.58, −1.85) while SAM (ρ = 0.5) slides on to the flattest one at (3, 2).
set -euo pipefail
out=${1:-.}
flatland=${FLATLAND:-.build/release/flatland}
"$flatland" plot --landscape himmelblau --methods sgd,sam --start -0.5,0.5 --start 0.5,-0.5 --start -1,4.5 \
  --start 1,-4.5 --lr 0.005 --rho 0.5 --steps 400 -o "$out/himmelblau-starts.png" --data "$out/himmelblau-starts.csv"
