#!/usr/bin/env python3
"""Dev-only reference for FlatlandTests/OptimizerReferenceTests.swift.

Computes the first three steps of every foundation optimizer on L = x^2 + 10 y^2 from w0 = (1, 0.5),
written directly from ALGORITHMS.md (sections 0.1, 1, 4, 13) in plain Python floats, independently of
the Swift code. Also prints xoshiro256** outputs seeded through SplitMix64. The printed JSON is
committed as reference_steps.json; the Swift tests read it. Run: python3 reference_steps.py > reference_steps.json
"""
import json, math

def grad(w):
    return [2.0 * w[0], 20.0 * w[1]]

def norm(v):
    return math.sqrt(v[0] * v[0] + v[1] * v[1])

def run(method, steps=3, lr=0.01, rho=0.05, alpha=0.3, sigma=(0.5, 0.2), mu=0.9):
    w = [1.0, 0.5]
    buf = None
    out = [list(w)]
    for _ in range(steps):
        g = grad(w)
        if method in ("sgd", "momentum"):
            d = g
        else:
            if method == "vsam":
                tg = [sigma[0] * g[0], sigma[1] * g[1]]
                n = norm(tg)
                e = [rho * sigma[0] * tg[0] / n, rho * sigma[1] * tg[1] / n]
            else:
                n = norm(g) + 1e-12
                e = [rho * g[0] / n, rho * g[1] / n]
            gp = grad([w[0] + e[0], w[1] + e[1]])
            if method == "gsam":
                npn = norm(gp)
                u = [gp[0] / npn, gp[1] / npn]
                dot = g[0] * u[0] + g[1] * u[1]
                perp = [g[0] - dot * u[0], g[1] - dot * u[1]]
                d = [gp[0] - alpha * perp[0], gp[1] - alpha * perp[1]]
            else:
                d = gp
        if method == "momentum":
            buf = list(d) if buf is None else [mu * buf[0] + d[0], mu * buf[1] + d[1]]
            d = buf
        w = [w[0] - lr * d[0], w[1] - lr * d[1]]
        out.append(list(w))
    return out

M = (1 << 64) - 1
def splitmix(state):
    state = (state + 0x9E3779B97F4A7C15) & M
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return state, z ^ (z >> 31)

def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M

def xoshiro(seed, n):
    st = seed
    s = []
    for _ in range(4):
        st, v = splitmix(st)
        s.append(v)
    out = []
    for _ in range(n):
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
        s[3] = rotl(s[3], 45)
        out.append(str(result))
    return out

print(json.dumps({
    "setting": "L = x^2 + 10 y^2, w0 = (1, 0.5), lr 0.01, rho 0.05, alpha 0.3, sigma (0.5, 0.2), momentum 0.9",
    "steps": {m: run(m) for m in ["sgd", "momentum", "sam", "gsam", "vsam"]},
    "xoshiro256starstar_seed_42": xoshiro(42, 5),
}, indent=1))
