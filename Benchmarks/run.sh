#!/usr/bin/env bash
# `make bench`: times the canonical figure as a whole process (start-up, grid, runs, contours,
# rendering, PNG encoding), several runs, median. When python3 with numpy and matplotlib is
# available, times the same job done by Benchmarks/reference/figure.py and prints the ratio.
# Uses hyperfine (installed on demand from Debian) for precise timing; falls back to `date`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-11}
swift build -c release --static-swift-stdlib --product flatland >/dev/null  # as `make demo` builds it
bin=.build/release/flatland
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! command -v hyperfine >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
fi

# median_ms CMD...: one warm-up run, then $runs timed runs; prints the median wall time in ms.
median_ms() {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$tmp/h.json" "$(printf '%q ' "$@")" >/dev/null 2>&1
    python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][0]['median']*1000))" "$tmp/h.json"
    return
  fi
  "$@" >/dev/null
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

canonical=("$bin" plot --landscape two-valleys --methods sgd,sam,gsam,vsam --start 0.3,2 --steps 500
  --grid 800 --size 1200x900 -o "$tmp/flatland.png")
echo "canonical figure: two-valleys, 800x800 grid, 4 methods x 500 steps, 1200x900 PNG"
echo "whole-process wall time, median of $runs runs after one warm-up ($(command -v hyperfine >/dev/null && echo hyperfine || echo date))"
ours=$(median_ms "${canonical[@]}")
echo "  flatland:              ${ours} ms"

if python3 -c "import numpy, matplotlib" 2>/dev/null; then
  theirs=$(median_ms python3 Benchmarks/reference/figure.py "$tmp/matplotlib.png")
  echo "  numpy + matplotlib:    ${theirs} ms"
  awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "  flatland is %.1fx faster\n", b / (a > 0 ? a : 1) }'
else
  echo "  (python3 with numpy and matplotlib not found: reference skipped; pip install numpy matplotlib)"
fi

# The other figure kinds, flatland alone (no matplotlib equivalent is timed): what a user waits for.
echo
echo "other figure kinds (flatland, median of $runs runs):"
kinds=(
  "sharpness map, 160² exact worst cases|map --landscape two-valleys --quantity sharpness --rho 0.1 --grid 160"
  "basin maps, 2 methods × 80² starts × 600 steps|map --landscape himmelblau --quantity basins --methods sgd,sam --rho 0.5 --steps 600 --grid 80"
  "loss curves, 4 methods × 20 noisy repeats × 500 steps|curves --landscape two-valleys --methods sgd,sam,looksam,rst --noise 0.3 --repeats 20"
  "GSAM slice, 400 exact worst cases|slice --landscape two-valleys --along x --at 0 --rho 0.1"
  "paper PDF of the canonical figure|plot --landscape two-valleys --methods sgd,sam,gsam,vsam --grid 800 --preset paper"
  "routes that cycle for 10⁵ steps (LookSAM, RST)|plot --landscape quadratic --methods looksam,rst --rho 0.25 --lr 0.04 --steps 100000"
)
for entry in "${kinds[@]}"; do
  label=${entry%%|*}
  read -r -a args <<<"${entry#*|}"
  ext=png
  [[ $label == *PDF* ]] && ext=pdf
  printf '  %6s ms   %s\n' "$(median_ms "$bin" "${args[@]}" -o "$tmp/kind.$ext")" "$label"
done
