#!/usr/bin/env bash
# One figure per method family on two-valleys and on himmelblau: base optimizers, worst-case SAM
# (p = 2, p = ∞, ASAM, Fisher SAM), GSAM and smoothed directions, cheaper SAM variants, variational
# methods, and the zeroth-order baselines. Writes family-<family>-<landscape>.png.
set -euo pipefail
out=${1:-.}
flatland=${FLATLAND:-.build/release/flatland}
declare -A landscape=(
  [two-valleys]="--start 0.3,2 --steps 500"
  [himmelblau]="--start -1,1 --start 0.5,-0.5 --rho 0.3 --steps 400"
)
for name in two-valleys himmelblau; do
  common="--landscape $name ${landscape[$name]}"
  "$flatland" plot $common --methods sgd,momentum,nesterov,adam -o "$out/family-base-$name.png"
  "$flatland" plot $common --methods sam,sam-inf,asam,fisher-sam -o "$out/family-worst-case-$name.png"
  "$flatland" plot $common --methods sam,gsam,vasso,fsam --method gsam:minimize-fp=false \
    -o "$out/family-gsam-directions-$name.png"
  "$flatland" plot $common --methods sam,ssam-f,ssam-d,esam,looksam,rst -o "$out/family-cheaper-sam-$name.png"
  "$flatland" plot $common --methods sam,random-sam,mfvi,vsam --method vsam:learn=true \
    -o "$out/family-variational-$name.png"
  "$flatland" plot $common --methods sgd,es,snes,sep-cma-es -o "$out/family-zeroth-order-$name.png"
done
