#!/usr/bin/env bash
# `make bench`: times the canonical figure as a whole process (start-up, grid, runs, contours,
# rendering, PNG encoding), several runs, median. When python3 with numpy and matplotlib is
# available, times the same job done by Benchmarks/reference/figure.py and prints the ratio.
# Uses hyperfine (installed on demand from Debian) for precise timing; falls back to `date`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-11}
# As `make demo` builds it (the Makefile passes its RELEASE flags, the CPU target included).
read -r -a release <<<"${RELEASE:--c release --static-swift-stdlib}"
swift build "${release[@]}" --product flatland >/dev/null
swift build "${release[@]}" --product flatland-bench >/dev/null
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

# The batch engine against numpy (and jax when installed) on the same job, in this one run.
grid=${GRID:-256}
steps=${STEPS:-1000}
cpu=$(grep -m1 "model name" /proc/cpuinfo 2>/dev/null | sed 's/.*: //')
echo
echo "batch engine: ${grid}² starts × ${steps} steps, f64, two Gaussian wells on a bowl (two-valleys),"
target=$(grep -o -- '-target-cpu -Xswiftc [a-z0-9-]*' <<<"${RELEASE:-}" | awk '{print $3}')
echo "point-steps per second, best of 3 (machine: ${cpu:-unknown}, $(nproc) cores; CPU target: ${target:-generic x86-64})"
best() { sort -t$'\t' -k2 -g | tail -1; }
declare -A ours theirs
for job in "sam built-in" "sam formula" "sgd built-in" "sgd formula" "sam one trajectory" "sam lean trajectory"; do
  line=$(for _ in 1 2 3; do .build/release/flatland-bench "$grid" "$steps" "$job" | grep -F "$job"; done | best)
  ours[$job]=$(cut -f2 <<<"$line")
done
if python3 -c "import numpy" 2>/dev/null; then
  while IFS=$'\t' read -r name rate _; do theirs[$name]=$rate; done < <(
    for _ in 1 2 3; do python3 Benchmarks/reference/engine.py "$grid" "$steps" 2>/dev/null; done | sort -t$'\t' -k1,1 -k2,2g
  )
fi
mega() { awk -v r="$1" 'BEGIN { if (r == "") printf "—"; else printf "%.1f M", r / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "") printf "—"; else printf "%.2f×", a / b }'; }
printf '  %-28s %10s %10s %10s %10s %10s\n' "job" "flatland" "numpy" "jax" "÷ numpy" "÷ jax"
for job in "sam built-in" "sam formula" "sgd built-in" "sgd formula"; do
  numpy=""; jax=""
  [[ $job == "sam built-in" ]] && numpy=${theirs[sam numpy]:-} && jax=${theirs[sam jax]:-}
  printf '  %-28s %10s %10s %10s %10s %10s\n' "$job" "$(mega "${ours[$job]}")" "$(mega "$numpy")" "$(mega "$jax")" \
    "$(ratio "${ours[$job]}" "$numpy")" "$(ratio "${ours[$job]}" "$jax")"
done
printf '  %-28s %10s   (steps per second, every step recorded)\n' "one SAM trajectory, 10⁶ steps" "$(mega "${ours[sam one trajectory]}")"
printf '  %-28s %10s   (steps per second, Runner.end: the end and 1000 points kept)\n' "the same, lean" "$(mega "${ours[sam lean trajectory]}")"
[[ -n ${theirs[jax compile]:-} ]] && echo "  (jax: jit + vmap, x64; its compile-and-first-run took ${theirs[jax compile]} s, not counted)"
python3 -c "import numpy" 2>/dev/null || echo "  (python3 with numpy not found: references skipped)"
echo
echo "a 1024² SAM basin map on two-valleys, 1000 steps, whole process (the PNG written):"
start=$(date +%s%N)
"$bin" map --landscape two-valleys --quantity basins --methods sam --grid 1024 --steps 1000 --quiet -o "$tmp/b.png"
end=$(date +%s%N)
echo "  $(((end - start) / 1000000)) ms"

# The other figure kinds, flatland alone (no matplotlib equivalent is timed): what a user waits for.
echo
echo "other figure kinds (flatland, median of $runs runs):"
kinds=(
  "sharpness map, 400² exact worst cases|map --landscape two-valleys --quantity sharpness --rho 0.1 --grid 400"
  "sweep, 64² cells × 8 starts × 2000 SAM steps (the gallery's)|sweep --landscape two-valleys --methods sam --x lr=0.01:1:log:64 --y rho=0:0.8:64 --steps 2000 --start 0.3,2 --start 0.5,-1.5 --start 1.5,0.5 --start 0.9,0 --start -1.5,1 --start 2,-2 --start -0.2,0.3 --start 1.2,1.5 --quiet"
  "ensemble, 3 methods × 400 noisy runs × 1000 steps (the gallery's)|ensemble --landscape two-valleys --methods sgd,sam,vsam --lr 0.05 --rho 0.2 --noise 0.3 --repeats 400 --steps 1000 --start 0.3,2"
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
