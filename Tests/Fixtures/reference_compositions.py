#!/usr/bin/env python3
"""Dev-only reference for FlatlandTests/CompositionReferenceTests.swift.

Combinations of optimizer parts that no preset has, each composed here from the part definitions
(ALGORITHMS.md A3 and Part B sections 4, 6-11, 13; the doc comments of PerturbationSchedule,
AscentDirection, PerturbationMask and DescentCombination), in plain Python floats and independently
of the Swift code. Each part is a small class with its own state; a step asks them in turn:

  noise pair -> (step 0: learned sigma's start, SSAM-D's initial mask) -> schedule (RST's uniform)
  -> clean gradient g -> direction: ascent a (sees every clean gradient) -> on perturbing steps:
  radius rho_t, covariance scale T, mask selection (ESAM's uniforms, SSAM-D's regrowth),
  e = after * worst_case(before * a, T, rho_t / divisor), g~ = g(w + e) (or the Gaussian samples)
  -> combination: d -> KL, weight decay -> base optimizer on w (and on sigma's parameter).

Eight steps on L = x^2 + 10 y^2 from w0 = (1, 0.5), random stream of seed 7 (method, start and
repeat index 0), the same xoshiro256** as reference_presets.py. Every case lists the `custom` keys
it stands for; the Swift test builds the method from exactly those keys.
Run: python3 reference_compositions.py > reference_compositions.json
"""
import json, math
from reference_presets import Rng, SGD, Momentum, Adam, grad, add, sub, mul, scale, dot, norm, sign, softplus, inv_softplus, logistic

STEPS, W0, SEED = 8, (1.0, 0.5), 7


# --- when to perturb -------------------------------------------------------------------------------
class EveryStep:
    def perturbs(self, t, rng): return True
class EveryK:
    def __init__(self, k): self.k = k
    def perturbs(self, t, rng): return t % self.k == 0
class RandomSteps:
    def __init__(self, p): self.p = p
    def perturbs(self, t, rng): return rng.uniform() < self.p


# --- which direction to ascend along ---------------------------------------------------------------
class Gradient:
    def ascent(self, g): return g
class VaSSO:
    def __init__(self, theta): self.theta, self.d = theta, None
    def ascent(self, g):
        self.d = g if self.d is None else add(scale(1 - self.theta, self.d), scale(self.theta, g))
        return self.d
class FSAM:
    def __init__(self, sigma, lam): self.sigma, self.lam, self.m = sigma, lam, None
    def ascent(self, g):
        if self.m is None:
            self.m = g
            return g
        u = sub(g, scale(self.sigma, self.m))
        self.m = add(scale(self.lam, self.m), scale(1 - self.lam, g))
        return u


# --- which coordinates: a selection (before, after, radius divisor) --------------------------------
ONES = (1.0, 1.0)
class AllCoordinates:
    def start(self, rng): pass
    def select(self, g, t, total, rng): return ONES, ONES, 1.0
def fisher_mask(s, f):
    keep = int(2 * (1 - s))
    return (0.0, 0.0) if keep <= 0 else ONES if keep >= 2 else ((0.0, 1.0) if f[1] ** 2 > f[0] ** 2 else (1.0, 0.0))
class SSAMF:
    """The code's timing: all-zero mask, refreshed after the update (after_update) from the
    gradient at the new weights; `before-step` refreshes in select from the step's gradient."""
    def __init__(self, s, every, timing="official"):
        self.s, self.every, self.timing, self.mask, self.refreshed = s, every, timing, None, 0
    def start(self, rng): pass
    def select(self, g, t, total, rng):
        if self.timing != "before-step": return ONES, self.mask or (0.0, 0.0), 1.0
        if self.mask is None or t - self.refreshed >= self.every:
            self.mask = fisher_mask(self.s, g)
            self.refreshed = t
        return ONES, self.mask, 1.0
    def refreshes_after(self, t): return self.timing != "before-step" and t % self.every == 0
    def after_update(self, g_new, leftover):
        self.mask = fisher_mask(self.s, add(leftover, g_new) if self.timing == "as-released" else g_new)
class SSAMD:
    def __init__(self, s, every, drop): self.s, self.every, self.drop, self.mask, self.refreshed = s, every, drop, None, 0
    def start(self, rng):
        live = 2 - math.ceil(2 * self.s - 1e-9)
        self.mask = (0.0, 0.0) if live <= 0 else ONES if live >= 2 else ((1.0, 0.0) if rng.uniform() < 0.5 else (0.0, 1.0))
    def select(self, g, t, total, rng):
        old = self.mask
        if t - self.refreshed >= self.every:
            rate = self.drop * (1 + math.cos(math.pi * t / total)) / 2
            live = [i for i in (0, 1) if old[i] != 0]
            deaths = min(len(live), int(math.floor(len(live) * rate + rng.uniform())))
            if deaths:
                live.sort(key=lambda i: (abs(g[i]) + 1e-7, i))
                m = list(old)
                for i in live[:deaths]: m[i] = 0.0
                for _ in range(deaths):
                    dead = [i for i in (0, 1) if m[i] == 0]
                    m[dead[min(len(dead) - 1, int(rng.uniform() * len(dead)))]] = 1.0
                self.mask = tuple(m)
            self.refreshed = t
        return ONES, old, 1.0
class ESAM:
    def __init__(self, beta, per_tensor): self.beta, self.per_tensor = beta, per_tensor
    def start(self, rng): pass
    def select(self, g, t, total, rng):
        sel = ONES
        if t > 0:
            if self.per_tensor:
                sel = ONES if rng.uniform() < self.beta else (0.0, 0.0)
            else:
                a = rng.uniform() < self.beta; b = rng.uniform() < self.beta
                sel = (1.0 if a else 0.0, 1.0 if b else 0.0)
        return sel, ONES, self.beta


# --- how d is formed -------------------------------------------------------------------------------
def orthogonal_part(v, u):
    n = norm(u)
    if n == 0: return (0.0, 0.0)
    unit = (u[0] / n, u[1] / n)
    return sub(v, scale(dot(v, unit), unit))
class Plain:
    def perturbed(self, g, gp): return gp
    def unperturbed(self, g): return g
class GSAM:
    def __init__(self, alpha, minimize_fp=True): self.alpha, self.fp = alpha, minimize_fp
    def perturbed(self, g, gp):
        if self.fp: return sub(gp, scale(self.alpha, orthogonal_part(g, gp)))
        return add(g, scale(self.alpha, orthogonal_part(gp, g)))
    def unperturbed(self, g): return g
class LookSAM:
    def __init__(self, alpha): self.alpha, self.gv = alpha, (0.0, 0.0)
    def perturbed(self, g, gp):
        n = norm(g) + 1e-12
        self.gv = sub(gp, scale(dot(g, gp) / (n * n), g))
        return gp
    def unperturbed(self, g):
        if self.gv == (0.0, 0.0): return g
        return add(g, scale(self.alpha * (norm(g) / (norm(self.gv) + 1e-12)), self.gv))


# --- covariance, radius, learning rate, base -------------------------------------------------------
def cov_scale(kind, w, g, sigma, eta):
    if kind == "isotropic": return ONES
    if kind in ("diagonal", "learned"): return sigma
    if kind == "adaptive": return (abs(w[0]) + eta, abs(w[1]) + eta)
    if kind == "fisher": return (1 / math.sqrt(1 + eta * g[0] ** 2), 1 / math.sqrt(1 + eta * g[1] ** 2))
def worst_case(a, T, rho, eps, norm_kind):
    if norm_kind == "inf": return ((rho * T[0]) * sign(a[0]), (rho * T[1]) * sign(a[1]))
    s = mul(T, a); n = norm(s)
    if n == 0: return (0.0, 0.0)
    return scale(rho / (n + eps), mul(T, s))
def cosine(start, final, t, total):
    return final + (start - final) * (1 + math.cos(math.pi * t / (total - 1))) / 2

def make_base(k):
    b = k.get("base", "sgd")
    if b in ("momentum", "nesterov"): return Momentum(float(k.get("mu", 0.9)), nesterov=b == "nesterov")
    return {"sgd": SGD, "adam": Adam}[b]()


def parts(k):
    """The Python parts for a dict of `custom` keys (every key a case relies on is given)."""
    f = lambda name: float(k[name])
    when = {"every-step": lambda: EveryStep(), "every-k": lambda: EveryK(int(k["k"])),
            "random": lambda: RandomSteps(f("p"))}[k.get("when", "every-step")]()
    direction = {"gradient": lambda: Gradient(), "vasso": lambda: VaSSO(f("theta")),
                 "fsam": lambda: FSAM(f("smoothing"), f("lambda"))}[k.get("direction", "gradient")]()
    mask = {"all": lambda: AllCoordinates(), "ssam-f": lambda: SSAMF(f("sparsity"), int(k["every"]), k.get("timing", "official")),
            "ssam-d": lambda: SSAMD(f("sparsity"), int(k["every"]), f("drop-rate")),
            "esam": lambda: ESAM(f("beta"), k.get("mode", "tensor") == "tensor")}[k.get("mask", "all")]()
    combination = {"plain": lambda: Plain(), "gsam": lambda: GSAM(f("alpha"), k.get("minimize-fp", "true") == "true"),
                   "looksam": lambda: LookSAM(f("alpha"))}[k.get("combination", "plain")]()
    return when, direction, mask, combination


def run(k, noise=None):
    when, direction, mask, combination = parts(k)
    base, sigma_base = make_base(k), make_base(k)
    pert = k.get("perturbation", "worst-case")
    cov = k.get("covariance", "isotropic")
    lr0, rho0 = float(k["lr"]), float(k["rho"])
    eps = float(k.get("epsilon", 1e-12))
    eta = float(k.get("eta", 0.01))
    sigma0 = tuple(float(v) for v in k["sigma"].split(",")) if "sigma" in k else ONES
    kl = (float(k["kl"]), float(k["prior"])) if k.get("penalty") == "kl" else None
    wd, wd_mode = float(k.get("wd", 0)), k.get("wd-mode", "coupled")
    samples = int(k.get("samples", 1))
    rng = Rng(SEED)
    w, out, s = W0, [W0], None
    for t in range(STEPS):
        nz = scale(noise, rng.gauss()) if noise else (0.0, 0.0)
        lr = cosine(lr0, float(k["lr-final"]), t, STEPS) if k.get("schedule") == "cosine" else lr0
        il = wd if wd_mode == "in-loss" else 0.0
        if t == 0:
            if cov == "learned": s = (inv_softplus(sigma0[0]), inv_softplus(sigma0[1]))
            mask.start(rng)
        sig = (softplus(s[0]), softplus(s[1])) if s is not None else sigma0
        perturbs = when.perturbs(t, rng)
        g = (0.0, 0.0)
        if not (pert == "gaussian" and perturbs):
            g = add(add(grad(w), nz), scale(il, w))
        e, xi, gp = (0.0, 0.0), (0.0, 0.0), g
        if pert.startswith("worst-case"):
            a = direction.ascent(g)
            if perturbs:
                rho = cosine(rho0, float(k["rho-final"]), t, STEPS) if k.get("radius") == "cosine" else rho0
                T = cov_scale(cov, w, g, sig, eta)
                before, after, divisor = mask.select(g, t, STEPS, rng)
                eps_t = eps  # the official epsilons are never rescaled (zsiga007/Rethinking-SAM VSAM.first_step)
                e = mul(after, worst_case(mul(before, a), T, rho / divisor, eps_t, "inf" if pert == "worst-case-inf" else "l2"))
                xi = (e[0] / T[0] if T[0] else 0.0, e[1] / T[1] if T[1] else 0.0)
                gp = add(add(grad(add(w, e)), nz), scale(il, add(w, e)))
        elif pert == "gaussian" and perturbs:
            T = cov_scale(cov, w, g, sig, eta)
            sg, sgx = (0.0, 0.0), (0.0, 0.0)
            for _ in range(samples):
                z = rng.gauss()
                p = add(w, mul(T, z))
                gz = add(add(grad(p), nz), scale(il, p))
                sg, sgx = add(sg, gz), add(sgx, mul(gz, z))
            gp = (sg[0] / samples, sg[1] / samples)
            xi = (sgx[0] / samples, sgx[1] / samples)
            g = gp
        d = combination.perturbed(g, gp) if perturbs else combination.unperturbed(g)
        if kl and cov == "learned": d = add(d, scale(kl[0] / kl[1] ** 2, w))
        if wd_mode == "coupled": d = add(d, scale(wd, w))
        nw = base(w, d, lr)
        if wd_mode == "decoupled": nw = sub(nw, scale(lr * wd, w))
        if pert.startswith("worst-case") and getattr(mask, "refreshes_after", lambda t: False)(t):
            mask.after_update(add(add(grad(nw), nz), scale(il, nw)), gp)
        if cov == "learned" and perturbs:
            gs = xi if pert == "gaussian" else mul(gp, xi)
            if kl: gs = add(gs, (kl[0] * (sig[0] / kl[1] ** 2 - 1 / sig[0]), kl[0] * (sig[1] / kl[1] ** 2 - 1 / sig[1])))
            s = sigma_base(s, mul(gs, (logistic(s[0]), logistic(s[1]))), lr)
        w = nw
        out.append(w)
    return out


COMMON = {"lr": "0.01", "rho": "0.05"}
CASES = [
    ("vasso+gsam", {"direction": "vasso", "theta": "0.5", "combination": "gsam", "alpha": "0.3"}, None),
    ("fsam+ssam-f, noisy", {"direction": "fsam", "smoothing": "0.8", "lambda": "0.6", "mask": "ssam-f",
                            "sparsity": "0.5", "every": "3"}, 0.3),
    ("looksam+asam covariance", {"when": "every-k", "k": "3", "combination": "looksam", "alpha": "0.7",
                                 "covariance": "adaptive", "eta": "0.01"}, None),
    ("rst+vsam", {"when": "random", "p": "0.5", "covariance": "diagonal", "sigma": "0.5,0.2"}, None),
    ("gsam+adam+cosine rho", {"combination": "gsam", "alpha": "0.3", "base": "adam", "radius": "cosine",
                              "rho-final": "0.01"}, None),
    ("vasso+esam per coordinate+momentum", {"direction": "vasso", "theta": "0.7", "mask": "esam", "beta": "0.5",
                                            "mode": "coordinate", "base": "momentum", "mu": "0.9"}, None),
    ("rst+looksam reuse+ssam-d", {"when": "random", "p": "0.6", "combination": "looksam", "alpha": "0.5",
                                  "mask": "ssam-d", "sparsity": "0.5", "every": "2", "drop-rate": "0.5"}, None),
    ("learned vsam+vasso every 3", {"covariance": "learned", "sigma": "0.5,0.2", "penalty": "kl", "kl": "0.01",
                                    "prior": "1", "form": "exact-kl", "direction": "vasso", "theta": "0.6", "when": "every-k",
                                    "k": "3"}, None),
    ("sam-inf+ssam-f+gsam(g~ against g)", {"perturbation": "worst-case-inf", "mask": "ssam-f", "sparsity": "0.5",
                                           "every": "2", "combination": "gsam", "alpha": "0.4",
                                           "minimize-fp": "false"}, None),
    ("mfvi on random steps", {"perturbation": "gaussian", "covariance": "learned", "sigma": "0.1,0.05",
                              "penalty": "kl", "kl": "0.01", "prior": "1", "form": "exact-kl", "samples": "2", "when": "random",
                              "p": "0.5"}, None),
    ("fisher covariance+esam+fsam, momentum, decoupled wd, cosine lr", {"covariance": "fisher", "eta": "1", "mask": "esam",
                                                              "beta": "0.6", "mode": "tensor", "direction": "fsam",
                                                              "smoothing": "1", "lambda": "0.9", "wd": "0.1",
                                                              "wd-mode": "decoupled", "base": "momentum",
                                                              "mu": "0.9", "schedule": "cosine",
                                                              "lr-final": "0.001"}, None),
    ("vasso+gsam+ssam-f on adam, cosine rho", {"direction": "vasso", "theta": "0.5", "combination": "gsam",
                                              "alpha": "0.3", "mask": "ssam-f", "sparsity": "0.5", "every": "2",
                                              "radius": "cosine", "rho-final": "0.01", "base": "adam"}, None),
]

if __name__ == "__main__":
    out = []
    for name, keys, noise in CASES:
        k = dict(COMMON, **keys)
        out.append({"name": name, "keys": k, "noise": noise, "points": run(k, noise)})
    print(json.dumps({"setting": "L = x^2 + 10 y^2, w0 = (1, 0.5), 8 steps, seed 7", "cases": out}, indent=1))
