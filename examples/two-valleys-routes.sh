#!/usr/bin/env bash
# The thesis toy: SGD falls into the deep well that is sharp in x; SAM and GSAM take the flat one;
# VSAM with σ = (0.15, 1) ("x needs no tolerance") accepts the deep well. Writes the figure and its CSV.
set -euo pipefail
out=${1:-.}
flatland=${FLATLAND:-.build/release/flatland}
"$flatland" plot --landscape two-valleys --methods sgd,sam,gsam,vsam --start 0.3,2 --steps 500 \
  -o "$out/two-valleys-routes.png" --data "$out/two-valleys-routes.csv"
