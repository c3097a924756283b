#!/usr/bin/env bash
# One example of every figure kind and size preset: panels per method with contour labels and fading
# trails (paper-wide), the paper and poster presets, loss curves over noisy repeats at equal cost,
# sharpness maps for three radii, basin maps, a curvature map with a diverging colormap, GSAM's
# f / f_p / h slice of a 1D formula, and the SAM and VSAM step schematics for slides.
set -euo pipefail
out=${1:-.}
flatland=${FLATLAND:-.build/release/flatland}
tv=(--landscape two-valleys --methods sgd,sam,gsam,vsam)
"$flatland" plot "${tv[@]}" --start 0.3,2 --panels methods --contour-labels --trail fading --preset paper-wide \
  --dpi 200 -o "$out/two-valleys-panels.png"
"$flatland" plot "${tv[@]}" --preset paper -o "$out/two-valleys-paper.png"
"$flatland" plot "${tv[@]}" --preset poster --dpi 100 -o "$out/two-valleys-poster.png"
"$flatland" curves --landscape two-valleys --methods sgd,sam,looksam,rst --noise 0.3 --repeats 20 --x evaluations \
  -o "$out/two-valleys-curves.png"
"$flatland" map --landscape two-valleys --quantity sharpness --rho 0.05,0.1,0.2 --grid 72 --size 1500x620 \
  -o "$out/two-valleys-sharpness.png"
"$flatland" map --landscape himmelblau --quantity basins --methods sgd,sam --rho 0.5 --steps 600 --grid 80 \
  --size 1400x700 -o "$out/himmelblau-basins.png"
"$flatland" map --landscape himmelblau --quantity lambda-min --grid 120 -o "$out/himmelblau-curvature.png"
"$flatland" slice --landscape "0.1*x^2 - 1.2*exp(-30*(x-1)^2) - exp(-(x+1)^2)" --param window=2.5 --rho 0.25 \
  -o "$out/gsam-slice.png"
"$flatland" schematic --landscape two-valleys --at 0.45,0.6 --methods sam --rho 0.25 -o "$out/sam-step-slide.png"
"$flatland" schematic --landscape two-valleys --at 0.45,0.6 --method vsam:sigma=0.3,1,rho=0.25 \
  -o "$out/vsam-step-slide.png"
