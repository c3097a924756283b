#!/usr/bin/env python3
"""Dev-only reference for `make bench`: the canonical figure with numpy + matplotlib.

Same job as `flatland plot --landscape two-valleys --methods sgd,sam,gsam,vsam --start 0.3,2
--steps 500 --grid 800 --size 1200x900`: an 800x800 grid, filled contours and contour lines, a
colorbar, four methods x 500 steps with start/end markers, a legend, a 1200x900 PNG.
Usage: python3 figure.py OUTPUT.png
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

WELLS = [((0.8, 0.0), 0.8, (0.15, 1.5)), ((-0.8, 0.0), 1.0, (1.5, 0.5))]
BOWL = 0.05


def loss(x, y):
    out = BOWL * (x * x + y * y)
    for (cx, cy), d, (sx, sy) in WELLS:
        out = out - d * np.exp(-((x - cx) ** 2) / (2 * sx * sx) - (y - cy) ** 2 / (2 * sy * sy))
    return out


def grad(w):
    x, y = w
    g = np.array([2 * BOWL * x, 2 * BOWL * y])
    for (cx, cy), d, (sx, sy) in WELLS:
        e = d * np.exp(-((x - cx) ** 2) / (2 * sx * sx) - (y - cy) ** 2 / (2 * sy * sy))
        g += e * np.array([(x - cx) / (sx * sx), (y - cy) / (sy * sy)])
    return g


def route(kind, lr=0.03, rho=0.1, alpha=0.4, sigma=(0.15, 1.0), steps=500):
    w = np.array([0.3, 2.0])
    scale = np.array(sigma) if kind == "vsam" else np.ones(2)
    points = [w.copy()]
    for _ in range(steps):
        g = grad(w)
        if kind == "sgd":
            d = g
        else:
            n = np.linalg.norm(scale * g)
            e = rho * scale * scale * g / (n + 1e-12) if n > 0 else 0 * g
            gp = grad(w + e)
            d = gp
            if kind == "gsam":
                u = gp / np.linalg.norm(gp)
                d = gp - alpha * (g - np.dot(g, u) * u)
        w = w - lr * d
        points.append(w.copy())
    return np.array(points)


def main(path):
    xs = np.linspace(-2.5, 2.5, 800)
    X, Y = np.meshgrid(xs, xs)
    Z = loss(X, Y)
    fig, ax = plt.subplots(figsize=(12, 9), dpi=100)
    cs = ax.contourf(X, Y, Z, levels=14, cmap="viridis")
    ax.contour(X, Y, Z, levels=cs.levels, colors="k", linewidths=0.6, alpha=0.3)
    fig.colorbar(cs, ax=ax, label="L(x, y)")
    for kind, color in zip(["sgd", "sam", "gsam", "vsam"], ["#D55E00", "#56B4E9", "#CC79A7", "#000000"]):
        p = route(kind)
        ax.plot(p[:, 0], p[:, 1], color=color, lw=2.5, label=kind.upper())
        ax.plot(*p[0], "o", mfc="white", mec=color, ms=9)
        ax.plot(*p[-1], "D", color=color, ms=8)
    ax.set_aspect("equal")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title("two-valleys")
    ax.legend(loc="upper left", bbox_to_anchor=(1.25, 1))
    fig.savefig(path)


if __name__ == "__main__":
    main(sys.argv[1])
