#!/usr/bin/env bash
# A typed formula: a wide bowl with a narrow dip at (1, 0.5). Gradients and Hessians are exact
# (forward-mode jets over the parsed formula); the title shows the formula with true superscripts.
set -euo pipefail
out=${1:-.}
flatland=${FLATLAND:-.build/release/flatland}
"$flatland" plot --landscape "0.3*x^2 + y^2 - 1.2*exp(-10*((x-1)^2 + (y-0.5)^2))" --methods sgd,sam,gsam \
  --start 1.6,1.5 --rho 0.3 -o "$out/formula-routes.png"
