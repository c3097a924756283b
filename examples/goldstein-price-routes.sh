#!/usr/bin/env bash
# Goldstein–Price with log-spaced contours: from (−0.3, 0.5) SGD settles in the local minimum 30 at
# (−0.6, −0.4); SAM (ρ = 0.05) passes it and reaches the global minimum 3 at (0, −1).
set -euo pipefail
out=${1:-.}
flatland=${FLATLAND:-.build/release/flatland}
"$flatland" plot --landscape goldstein-price --methods sgd,sam --start -0.3,0.5 --steps 1000 \
  -o "$out/goldstein-price-routes.png"
