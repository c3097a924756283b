#!/usr/bin/env python3
"""Dev-only reference for FlatlandTests/PresetReferenceTests.swift.

Every preset of ALGORITHMS.md A3 written out again, directly from the rules in ALGORITHMS.md Part B,
in plain Python floats and independently of the Swift code: six steps on L = x^2 + 10 y^2 from
w0 = (1, 0.5), lr 0.01, rho 0.05 unless a case says otherwise. Stochastic presets replay the same
random stream as the toolkit (xoshiro256** seeded through SplitMix64, per-run stream derivation of
ALGORITHMS.md A6, Box-Muller pairs), drawn in the documented order: the oracle's noise pair, then
RST's uniform, ESAM's selection uniforms, SSAM-D's uniforms, the Gaussian samples.
Run: python3 reference_presets.py > reference_presets.json
"""
import json, math

M = (1 << 64) - 1
STEPS, LR, RHO, W0 = 6, 0.01, 0.05, (1.0, 0.5)

def splitmix_next(state):
    state = (state + 0x9E3779B97F4A7C15) & M
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return state, z ^ (z >> 31)

class Rng:
    """xoshiro256**, stream (seed, method, start, repeat) as in ALGORITHMS.md A6."""
    def __init__(self, seed, method=0, start=0, rep=0):
        mix, h = splitmix_next(seed)
        mix_state = mix
        for index in (method, start, rep):
            _, a = splitmix_next(h ^ index)
            mix_state, b = splitmix_next(mix_state)
            h = a ^ b
        st, self.s = h, []
        for _ in range(4):
            st, v = splitmix_next(st)
            self.s.append(v)
    def next(self):
        s = self.s
        rotl = lambda x, k: ((x << k) | (x >> (64 - k))) & M
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result
    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53
    def gauss(self):
        u1 = 1 - self.uniform(); u2 = self.uniform()
        r = math.sqrt(-2 * math.log(u1)); th = 2 * math.pi * u2
        return (r * math.cos(th), r * math.sin(th))

def loss(w): return w[0] ** 2 + 10 * w[1] ** 2
def grad(w): return (2 * w[0], 20 * w[1])
def add(a, b): return (a[0] + b[0], a[1] + b[1])
def sub(a, b): return (a[0] - b[0], a[1] - b[1])
def mul(a, b): return (a[0] * b[0], a[1] * b[1])
def scale(c, a): return (c * a[0], c * a[1])
def dot(a, b): return a[0] * b[0] + a[1] * b[1]
def norm(a): return math.sqrt(dot(a, a))
def sign(v): return 1.0 if v > 0 else (-1.0 if v < 0 else 0.0)

class SGD:
    def __call__(self, w, d, lr): return sub(w, scale(lr, d))
class Momentum:
    def __init__(self, mu=0.9, nesterov=False): self.mu, self.nest, self.b = mu, nesterov, None
    def __call__(self, w, d, lr):
        self.b = d if self.b is None else add(scale(self.mu, self.b), d)
        step = add(d, scale(self.mu, self.b)) if self.nest else self.b
        return sub(w, scale(lr, step))
class Adam:
    def __init__(self): self.m, self.v, self.t = (0.0, 0.0), (0.0, 0.0), 0
    def __call__(self, w, d, lr):
        self.t += 1
        self.m = add(scale(0.9, self.m), scale(0.1, d))
        self.v = add(scale(0.999, self.v), scale(0.001, mul(d, d)))
        mh = scale(1 / (1 - 0.9 ** self.t), self.m); vh = scale(1 / (1 - 0.999 ** self.t), self.v)
        return (w[0] - lr * mh[0] / (math.sqrt(vh[0]) + 1e-8), w[1] - lr * mh[1] / (math.sqrt(vh[1]) + 1e-8))

def sam_e(g, rho, eps=1e-12):
    n = norm(g)
    return (0.0, 0.0) if n == 0 else scale(rho / (n + eps), g)

def run_sam_like(perturb, combine=None, base=None, steps=STEPS, lr=LR, noise=None, rng=None, wd=0.0, mode="coupled",
                 lr_at=None):
    """The SAM-type step of ALGORITHMS.md section 0, with weight-decay modes of 0.1."""
    base = base or SGD()
    w, out = W0, [W0]
    for t in range(steps):
        xi = rng.gauss() if noise else (0.0, 0.0)
        nz = scale(noise, xi) if noise else (0.0, 0.0)
        lrt = lr_at(t) if lr_at else lr
        il = wd if mode == "in-loss" else 0.0
        g = add(add(grad(w), nz), scale(il, w))
        e = perturb(t, w, g, lrt)
        gp = add(add(grad(add(w, e)), nz), scale(il, add(w, e)))
        d = combine(g, gp) if combine else gp
        if mode == "coupled": d = add(d, scale(wd, w))
        nw = base(w, d, lrt)
        if mode == "decoupled": nw = sub(nw, scale(lrt * wd, w))
        w = nw
        out.append(w)
    return out

def plain(base):
    w, out = W0, [W0]
    for _ in range(STEPS):
        w = base(w, grad(w), LR); out.append(w)
    return out

def gsam_combine(alpha):
    def c(g, gp):
        u = scale(1 / norm(gp), gp)
        perp = sub(g, scale(dot(g, u), u))
        return sub(gp, scale(alpha, perp))
    return c

def gsam_g_combine(alpha):
    def c(g, gp):
        u = scale(1 / norm(g), g)
        return add(g, scale(alpha, sub(gp, scale(dot(gp, u), u))))
    return c

def vasso(theta):
    st = {}
    def p(t, w, g, lr):
        st["d"] = g if "d" not in st else add(scale(1 - theta, st["d"]), scale(theta, g))
        return sam_e(st["d"], RHO, 1e-7)
    return p

def fsam(sigma, lam):
    st = {}
    def p(t, w, g, lr):
        if "m" not in st:
            st["m"] = g; u = g
        else:
            u = sub(g, scale(sigma, st["m"])); st["m"] = add(scale(lam, st["m"]), scale(1 - lam, g))
        return sam_e(u, RHO, 1e-12)
    return p

def ssam_f(every):
    st = {}
    def p(t, w, g, lr):
        if t % every == 0:
            st["mask"] = (0.0, 1.0) if g[1] ** 2 > g[0] ** 2 else (1.0, 0.0)
        return mul(st["mask"], sam_e(g, RHO, 1e-7))
    return p

def ssam_f_official(every, steps=STEPS, as_released=False):
    """SSAMF as in Mi-Peng/Sparse-Sharpness-Aware-Minimization solver/sam.py: the mask starts all
    zero; SSAMF.step runs the SAM step (mask applied to e), then at t % every == 0 update_mask
    takes the squared gradient at the new weights (one sample) and keeps int(N * (1 - s)) = 1
    coordinate (ties to x). As released, second_step leaves g~ in p.grad and the first sample's
    backward adds onto it: the Fisher is (g~ + g(w_new))^2."""
    w, out, mask = W0, [W0], (0.0, 0.0)
    for t in range(steps):
        g = grad(w)
        e = mul(mask, sam_e(g, RHO, 1e-7))
        gp = grad(add(w, e))
        w = sub(w, scale(LR, gp))
        if t % every == 0:
            f = grad(w)
            if as_released: f = add(gp, f)
            mask = (0.0, 1.0) if f[1] ** 2 > f[0] ** 2 else (1.0, 0.0)
        out.append(w)
    return out

def ssam_d(rng, every, drop):
    st = {}
    def p(t, w, g, lr):
        if t == 0:
            st["mask"] = (1.0, 0.0) if rng.uniform() < 0.5 else (0.0, 1.0)
        e = mul(st["mask"], sam_e(g, RHO, 1e-7))
        if t > 0 and t % every == 0:
            rate = drop * (1 + math.cos(math.pi * t / STEPS)) / 2
            live = [i for i in (0, 1) if st["mask"][i] != 0]
            deaths = min(len(live), int(math.floor(len(live) * rate + rng.uniform())))
            if deaths:
                live.sort(key=lambda i: (abs(g[i]) + 1e-7, i))
                m = list(st["mask"])
                for i in live[:deaths]: m[i] = 0.0
                for _ in range(deaths):
                    dead = [i for i in (0, 1) if m[i] == 0]
                    m[dead[min(len(dead) - 1, int(rng.uniform() * len(dead)))]] = 1.0
                st["mask"] = tuple(m)
        return e
    return p

def esam(rng, beta, per_tensor):
    def p(t, w, g, lr):
        sel = (1.0, 1.0)
        if t > 0:
            if per_tensor:
                sel = (1.0, 1.0) if rng.uniform() < beta else (0.0, 0.0)
            else:
                a = rng.uniform() < beta; b = rng.uniform() < beta
                sel = (1.0 if a else 0.0, 1.0 if b else 0.0)
        gs = mul(sel, g)
        return sam_e(gs, RHO / beta, 1e-7)
    return p

def looksam(k, alpha):
    w, out, gv = W0, [W0], (0.0, 0.0)
    for t in range(STEPS):
        g = grad(w)
        if t % k == 0:
            gs = grad(add(w, sam_e(g, RHO)))
            n = norm(g) + 1e-12
            gv = sub(gs, scale(dot(g, gs) / (n * n), g))
        else:
            gs = add(g, scale(alpha * norm(g) / (norm(gv) + 1e-12), gv))
        w = sub(w, scale(LR, gs)); out.append(w)
    return out

def rst(rng, p):
    w, out = W0, [W0]
    for t in range(STEPS):
        g = grad(w)
        d = grad(add(w, sam_e(g, RHO))) if rng.uniform() < p else g
        w = sub(w, scale(LR, d)); out.append(w)
    return out

def random_sam(rng, sigma):
    w, out = W0, [W0]
    for t in range(STEPS):
        z = rng.gauss()
        w = sub(w, scale(LR, grad(add(w, mul(sigma, z))))); out.append(w)
    return out

def mixsam(rng, kappa, beta=1.0, s0=10.0):
    """MixSAM (zsiga007/Rethinking-SAM): ascent along sqrt(2)*g/|g| + kappa*xi, normalised to rho;
    the mean prior 2*beta*mu/s0^2."""
    w, out = W0, [W0]
    for t in range(STEPS):
        g = grad(w)
        z = rng.gauss()
        a = add(scale(math.sqrt(2) / (norm(g) + 1e-12), g), scale(kappa, z))
        e = scale(RHO / (norm(a) + 1e-12), a)
        d = add(grad(add(w, e)), scale(2 * beta / s0 ** 2, w))
        w = sub(w, scale(LR, d)); out.append(w)
    return out

softplus = lambda s: math.log1p(math.exp(s))
inv_softplus = lambda x: math.log(math.expm1(x))
logistic = lambda s: 1 / (1 + math.exp(-s))

def mfvi(rng, sigma0, beta, s0):
    mu, s, out = W0, (inv_softplus(sigma0[0]), inv_softplus(sigma0[1])), [W0]
    for t in range(STEPS):
        sig = (softplus(s[0]), softplus(s[1]))
        z = rng.gauss()
        gt = grad(add(mu, mul(sig, z)))
        gmu = add(gt, scale(beta / s0 ** 2, mu))
        gsig = add(mul(gt, z), (beta * (sig[0] / s0 ** 2 - 1 / sig[0]), beta * (sig[1] / s0 ** 2 - 1 / sig[1])))
        gs = mul(gsig, (logistic(s[0]), logistic(s[1])))
        mu = sub(mu, scale(LR, gmu)); s = sub(s, scale(LR, gs)); out.append(mu)
    return out

def vsam(sigma, learned=False, beta=0.01, s0=1.0):
    mu, out = W0, [W0]
    s = (inv_softplus(sigma[0]), inv_softplus(sigma[1]))
    for t in range(STEPS):
        sig = (softplus(s[0]), softplus(s[1])) if learned else sigma
        g = grad(mu)
        sg = mul(sig, g)
        n = norm(sg) + 1e-12
        e = scale(RHO / n, mul(sig, sg))
        xi = (e[0] / sig[0], e[1] / sig[1])
        gt = grad(add(mu, e))
        d = add(gt, scale(beta / s0 ** 2, mu)) if learned else gt
        if learned:
            gsig = add(mul(gt, xi), (beta * (sig[0] / s0 ** 2 - 1 / sig[0]), beta * (sig[1] / s0 ** 2 - 1 / sig[1])))
            s = sub(s, scale(LR, mul(gsig, (logistic(s[0]), logistic(s[1])))))
        mu = sub(mu, scale(LR, d)); out.append(mu)
    return out

def open_es(rng, n, sigma, lr):
    m, out = W0, [W0]
    for t in range(STEPS):
        eps = [rng.gauss() for _ in range(n // 2)]
        eps = eps + [scale(-1, e) for e in eps]
        f = [loss(add(m, scale(sigma, e))) for e in eps]
        order = sorted(range(n), key=lambda i: (f[i], i))
        rank = [0] * n
        for r, i in enumerate(order): rank[i] = r
        gh = (0.0, 0.0)
        for i, e in enumerate(eps): gh = add(gh, scale(rank[i] / (n - 1) - 0.5, e))
        gh = scale(1 / (n * sigma), gh)
        m = sub(m, scale(lr, gh)); out.append(m)
    return out

def snes(rng, sigma0):
    lam = 6
    raw = [max(0.0, math.log(lam / 2 + 1) - math.log(k)) for k in range(1, lam + 1)]
    u = [r / sum(raw) - 1 / lam for r in raw]
    eta_s = (3 + math.log(2)) / (5 * math.sqrt(2))
    m, sig, out = W0, (sigma0, sigma0), [W0]
    for t in range(STEPS):
        z = [rng.gauss() for _ in range(lam)]
        f = [loss(add(m, mul(sig, zk))) for zk in z]
        order = sorted(range(lam), key=lambda i: (f[i], i))
        gm, gs = (0.0, 0.0), (0.0, 0.0)
        for k, i in enumerate(order):
            gm = add(gm, scale(u[k], z[i])); gs = add(gs, scale(u[k], (z[i][0] ** 2 - 1, z[i][1] ** 2 - 1)))
        m = add(m, mul(sig, gm))
        sig = (sig[0] * math.exp(0.5 * eta_s * gs[0]), sig[1] * math.exp(0.5 * eta_s * gs[1]))
        out.append(m)
    return out

def sep_cma(rng, sigma0):
    n, lam, mu = 2, 6, 3
    w = [math.log(mu + 1) - math.log(i) for i in range(1, mu + 1)]; w = [x / sum(w) for x in w]
    mueff = 1 / sum(x * x for x in w)
    cs = (mueff + 2) / (n + mueff + 3); ds = 1 + 2 * max(0, math.sqrt((mueff - 1) / (n + 1)) - 1) + cs
    cc = 4 / (n + 4); c1 = 2 / ((n + 1.3) ** 2 + mueff)
    cmu = (n + 2) / 3 * ((1 / mueff) * 2 / (n + math.sqrt(2)) ** 2 + (1 - 1 / mueff) * min(1, (2 * mueff - 1) / ((n + 2) ** 2 + mueff)))
    chin = math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n))
    m, sigma, C, ps, pc, out = W0, sigma0, (1.0, 1.0), (0.0, 0.0), (0.0, 0.0), [W0]
    for g in range(STEPS):
        D = (math.sqrt(max(C[0], 1e-8)), math.sqrt(max(C[1], 1e-8)))
        z = [rng.gauss() for _ in range(lam)]
        y = [mul(D, zk) for zk in z]
        f = [loss(add(m, scale(sigma, yk))) for yk in y]
        order = sorted(range(lam), key=lambda i: (f[i], i))
        yw = (0.0, 0.0)
        for i in range(mu): yw = add(yw, scale(w[i], y[order[i]]))
        m = add(m, scale(sigma, yw))
        ps = add(scale(1 - cs, ps), scale(math.sqrt(cs * (2 - cs) * mueff), (yw[0] / D[0], yw[1] / D[1])))
        sigma *= math.exp((cs / ds) * (norm(ps) / chin - 1))
        hs = 1.0 if norm(ps) / math.sqrt(1 - (1 - cs) ** (2 * (g + 1))) < (1.4 + 2 / (n + 1)) * chin else 0.0
        pc = add(scale(1 - cc, pc), scale(hs * math.sqrt(cc * (2 - cc) * mueff), yw))
        rmu = (0.0, 0.0)
        for i in range(mu): rmu = add(rmu, scale(w[i], mul(y[order[i]], y[order[i]])))
        dec = 1 + c1 * (1 - hs) * cc * (2 - cc) - c1 - cmu
        C = add(add(scale(dec, C), scale(c1, mul(pc, pc))), scale(cmu, rmu))
        out.append(m)
    return out

SEED = 7
def cos_lr(t, lr=LR, final=0.001):
    return final + (lr - final) * (1 + math.cos(math.pi * t / (STEPS - 1))) / 2
def gsam_sched(t, w, g, lr, rmin=0.01):
    rho_t = rmin + (RHO - rmin) * (lr - 0.001) / (LR - 0.001)
    return sam_e(g, rho_t)
def grad_scaled(t, w, g, lr):
    n = norm(g); return sam_e(g, RHO * n / (n + 1.0))
def target_sharpness():
    st = {"rho": RHO}
    def p(t, w, g, lr):
        e = sam_e(g, st["rho"])
        s = loss(add(w, e)) - loss(w)
        sc = max(0.01, abs(s))
        st["rho"] = min(max(st["rho"] * math.exp(1.0 * (0.01 - s) / sc), 1e-4), 1.0)
        return e
    return p

if __name__ == "__main__":
    cases = {
        "sgd": plain(SGD()),
        "momentum": plain(Momentum()),
        "nesterov": plain(Momentum(nesterov=True)),
        "adam": plain(Adam()),
        "sam": run_sam_like(lambda t, w, g, lr: sam_e(g, RHO)),
        "sam-inf": run_sam_like(lambda t, w, g, lr: (RHO * sign(g[0]), RHO * sign(g[1]))),
        "asam": run_sam_like(lambda t, w, g, lr: (lambda T: scale(RHO / (norm(mul(T, g)) + 1e-16), mul(mul(T, T), g)))((abs(w[0]) + 0.01, abs(w[1]) + 0.01))),
        "asam-davda54": run_sam_like(lambda t, w, g, lr: scale(RHO / (norm(mul((abs(w[0]), abs(w[1])), g)) + 1e-12), mul(mul(w, w), g))),
        "fisher-sam": run_sam_like(lambda t, w, g, lr: (lambda f: scale(RHO / (math.sqrt(g[0] ** 2 / f[0] + g[1] ** 2 / f[1]) + 1e-12), (g[0] / f[0], g[1] / f[1])))((1 + g[0] ** 2, 1 + g[1] ** 2))),
        "gsam": run_sam_like(lambda t, w, g, lr: sam_e(g, RHO), gsam_combine(0.3)),
        "gsam-adaptive": run_sam_like(lambda t, w, g, lr: scale(RHO / (norm(mul((abs(w[0]), abs(w[1])), g)) + 1e-12), mul(mul(w, w), g)), gsam_combine(0.3)),
        "gsam-fp-false": run_sam_like(lambda t, w, g, lr: sam_e(g, RHO), gsam_g_combine(0.3)),
        "gsam-cosine": run_sam_like(gsam_sched, gsam_combine(0.3), lr_at=cos_lr),
        "vasso": run_sam_like(vasso(0.7)),
        "fsam": run_sam_like(fsam(0.8, 0.6)),
        "ssam-f": ssam_f_official(2),
        "ssam-f-official-120": ssam_f_official(5, steps=120),
        "ssam-f-as-released-120": ssam_f_official(5, steps=120, as_released=True),
        "ssam-f-before-step": run_sam_like(ssam_f(2)),
        "ssam-d": run_sam_like(ssam_d(Rng(SEED), 2, 0.5)),
        "esam": run_sam_like(esam(Rng(SEED), 0.5, True)),
        "esam-coordinate": run_sam_like(esam(Rng(SEED), 0.5, False)),
        "looksam": looksam(2, 0.7),
        "rst": rst(Rng(SEED), 0.5),
        "random-sam": random_sam(Rng(SEED), (0.1, 0.05)),
        "mfvi": mfvi(Rng(SEED), (0.1, 0.05), 0.01, 1.0),
        "vsam": vsam((0.5, 0.2)),
        "vsam-learned": vsam((0.5, 0.2), learned=True),
        "mixsam": mixsam(Rng(SEED), 1.0, beta=0.01),
        "es": open_es(Rng(SEED), 8, 0.1, LR),
        "snes": snes(Rng(SEED), 0.2),
        "sep-cma-es": sep_cma(Rng(SEED), 0.2),
        "sam-wd-coupled": run_sam_like(lambda t, w, g, lr: sam_e(g, RHO), wd=0.1, mode="coupled"),
        "sam-wd-in-loss": run_sam_like(lambda t, w, g, lr: sam_e(g, RHO), wd=0.1, mode="in-loss"),
        "sam-wd-decoupled": run_sam_like(lambda t, w, g, lr: sam_e(g, RHO), wd=0.1, mode="decoupled", base=Momentum()),
        "sam-momentum": run_sam_like(lambda t, w, g, lr: sam_e(g, RHO), base=Momentum()),
        "sam-adam": run_sam_like(lambda t, w, g, lr: sam_e(g, RHO), base=Adam()),
        "sam-grad-scaled": run_sam_like(grad_scaled),
        "sam-target-sharpness": run_sam_like(target_sharpness()),
        "sam-noise": run_sam_like(lambda t, w, g, lr: sam_e(g, RHO), noise=0.5, rng=Rng(SEED)),
    }
    print(json.dumps({"setting": "L = x^2 + 10 y^2, w0 = (1, 0.5), lr 0.01, rho 0.05, 6 steps, seed 7", "steps": cases}, indent=1))
