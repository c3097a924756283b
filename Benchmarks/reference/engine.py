#!/usr/bin/env python3
"""Dev-only reference for `make bench`: the batch engine's job in numpy (and jax when installed).

256² starts × 1000 SAM steps (ρ = 0.1, η = 0.03, f64) on the thesis's two Gaussian wells on a bowl
(`flatland`'s two-valleys), every start a grid cell centre of the window [−2.5, 2.5]², all runs
stepped together: numpy with separate x and y arrays, jax with jit + vmap over the starts. Prints
`name<TAB>point-steps/s<TAB>seconds` per implementation, as Benchmarks/engine does.
Usage: python3 engine.py [GRID] [STEPS]
"""
import sys
import time

import numpy as np

GRID = int(sys.argv[1]) if len(sys.argv) > 1 else 256
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
RHO, LR, BOWL = 0.1, 0.03, 0.05
WELLS = [((0.8, 0.0), 0.8, (0.15, 1.5)), ((-0.8, 0.0), 1.0, (1.5, 0.5))]


def starts():
    c = -2.5 + (np.arange(GRID) + 0.5) * 5.0 / GRID
    x, y = np.meshgrid(c, c)
    return x.ravel().copy(), y.ravel().copy()


def grad_np(x, y):
    gx, gy = 2 * BOWL * x, 2 * BOWL * y
    for (cx, cy), d, (sx, sy) in WELLS:
        dx, dy = x - cx, y - cy
        e = d * np.exp(-dx * dx / (2 * sx * sx) - dy * dy / (2 * sy * sy))
        gx = gx + e * dx / (sx * sx)
        gy = gy + e * dy / (sy * sy)
    return gx, gy


def sam_numpy():
    x, y = starts()
    for _ in range(STEPS):
        gx, gy = grad_np(x, y)
        n = np.sqrt(gx * gx + gy * gy) + 1e-12
        px, py = grad_np(x + RHO * gx / n, y + RHO * gy / n)
        x = x - LR * px
        y = y - LR * py
    return x, y


def report(name, seconds):
    print(f"{name}\t{GRID * GRID * STEPS / seconds}\t{seconds}")


t = time.perf_counter()
sam_numpy()
report("sam numpy", time.perf_counter() - t)

try:
    import jax

    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
except ImportError:
    jax = None

if jax is not None:

    def loss(w):
        x, y = w
        out = BOWL * (x * x + y * y)
        for (cx, cy), d, (sx, sy) in WELLS:
            out = out - d * jnp.exp(-((x - cx) ** 2) / (2 * sx * sx) - (y - cy) ** 2 / (2 * sy * sy))
        return out

    g = jax.grad(loss)

    def sam_step(w, _):
        gw = g(w)
        e = RHO * gw / (jnp.sqrt(jnp.sum(gw * gw)) + 1e-12)
        return w - LR * g(w + e), None

    def run(w):
        return jax.lax.scan(sam_step, w, None, length=STEPS)[0]

    batched = jax.jit(jax.vmap(run))
    x, y = starts()
    w = jnp.stack([jnp.asarray(x), jnp.asarray(y)], axis=1)
    t = time.perf_counter()
    batched(w).block_until_ready()  # compile and run once
    compile_and_run = time.perf_counter() - t
    t = time.perf_counter()
    batched(w).block_until_ready()
    report("sam jax", time.perf_counter() - t)
    print(f"jax compile\t{compile_and_run:.2f}\t{compile_and_run}")
