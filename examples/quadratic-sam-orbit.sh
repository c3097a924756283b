#!/usr/bin/env bash
# x² + 10y²: SGD converges; SAM with a fixed radius settles into a 2-cycle across the sharp (y)
# direction, of amplitude b·η·ρ/(1 − b·η) = 10·0.04·0.25/0.6 ≈ 0.17, and never reaches the minimum.
set -euo pipefail
out=${1:-.}
flatland=${FLATLAND:-.build/release/flatland}
"$flatland" plot --landscape quadratic --param a=1,b=10 --methods sgd,sam --start -1.6,1.2 --lr 0.04 --rho 0.25 \
  --steps 200 -o "$out/quadratic-sam-orbit.png" --data "$out/quadratic-sam-orbit.csv"
