#!/usr/bin/env python3
"""Dev-only reference for FlatlandTests/VariationalReferenceTests.swift.

The released variational optimisers of zsiga007/Rethinking-SAM (`meanfieldsam/meanfield_optimizer.py`
at f079e71: `MeanFieldOptimizer.step`, `RandomSAM`, `MFVI`, `MixSAM`, `VSAM`) transcribed to plain
Python floats for two parameters, step for step in the release's order, with PyTorch's SGD (momentum
buffer started at the first gradient) and Adam as base optimisers over both the mean and M. Line
numbers below are the release's. Where the release cannot run as written, the transcription says how
it was completed:
- `MFVI.__init__` (l. 126-133) reads undefined names and passes num_params as lr_sigma; the base
  class's constructor is used as if it had been called with (lr_sigma, sigma_prior, rho, kl_div_weight).
- The initial M is given as sigma0 (the release sets |M| = rho/sqrt(D), VSAM's M = sqrt(num_params)/rho
  with num_params a fixed 1e6): the test chooses sigma0 for two parameters.
- VSAM's sigma_prior enters as a variance (M^-2/sigma_prior, l. 320); Flatland's key is the standard
  deviation s0 with sigma_prior = s0*s0, so the cases pass s0 and square it here.
The Gaussian draws replay Flatland's stream (xoshiro256** via SplitMix64, Box-Muller pairs, seed 7),
one pair per step where the release calls torch.randn_like.
Run: python3 reference_variational.py > reference_variational.json
"""
import json, math
from reference_presets import Rng

SEED, STEPS, W0 = 7, 150, (-1.0, 1.0)
EPS = 1e-12  # max(torch.finfo(float64).eps, 1e-12), l. 55 and 302


def himmelblau_grad(w):
    x, y = w
    a, b = x * x + y - 11, x + y * y - 7
    return [4 * x * a + 2 * b, 2 * a + 4 * y * b]


def sgn(v):
    return 1.0 if v > 0 else (-1.0 if v < 0 else 0.0)


class TorchSGD:
    """torch.optim.SGD(momentum, dampening 0, nesterov False, weight_decay 0), one state per tensor."""
    def __init__(self, momentum=0.0):
        self.momentum, self.buf = momentum, {}

    def update(self, name, p, grad, lr):
        if self.momentum:
            b = self.buf.get(name)
            b = list(grad) if b is None else [self.momentum * bi + gi for bi, gi in zip(b, grad)]
            self.buf[name] = b
            grad = b
        return [pi - lr * gi for pi, gi in zip(p, grad)]


class TorchAdam:
    """torch.optim.Adam(betas (0.9, 0.999), eps 1e-8), bias-corrected."""
    def __init__(self):
        self.state = {}

    def update(self, name, p, grad, lr):
        m, v, t = self.state.get(name, ([0.0, 0.0], [0.0, 0.0], 0))
        t += 1
        m = [0.9 * mi + 0.1 * gi for mi, gi in zip(m, grad)]
        v = [0.999 * vi + 0.001 * gi * gi for vi, gi in zip(v, grad)]
        self.state[name] = (m, v, t)
        c1, c2 = 1 - 0.9 ** t, 1 - 0.999 ** t
        return [pi - lr * (mi / c1) / (math.sqrt(vi / c2) + 1e-8) for pi, mi, vi in zip(p, m, v)]


def mean_field(kind, sigma0, lr, lr_sigma, sigma_prior, beta, rng, base, kappa=1.0, rho=0.05, fixed=False):
    """MeanFieldOptimizer.step (l. 60-63) for RandomSAM, MFVI and MixSAM. `fixed`: MFVI's entropy term
    with the KL's sign, - log|M| (Flatland's default form); False: as released, + log|M| (l. 160)."""
    mu = list(W0)
    M = list(sigma0) if sigma0 else [rho / math.sqrt(2)] * 2
    out, sigmas = [list(mu)], [[abs(m) for m in M]]
    D = 2
    for t in range(STEPS):
        # _get_perturbation
        if kind == "mixsam":
            g = himmelblau_grad(mu)  # param.grad populated by the caller's first backward (l. 233)
            scale = math.sqrt(D) / (math.sqrt(g[0] ** 2 + g[1] ** 2) + EPS)  # l. 243
            z = rng.gauss()
            p = [gi * scale + kappa * zi for gi, zi in zip(g, z)]  # l. 250-251
            scale = math.sqrt(D) / (math.sqrt(p[0] ** 2 + p[1] ** 2) + EPS)  # l. 254
            xi = [pi * scale for pi in p]
            M = [rho / math.sqrt(D)] * 2  # constant_(M, rho/sqrt(num_params)), l. 47; lr_sigma = 0
        else:
            xi = list(rng.gauss())
        # _populate_gradients_for_mean, l. 73-89
        perturbed = [m + abs(Mi) * x for m, Mi, x in zip(mu, M, xi)]
        grad_mu = himmelblau_grad(perturbed)
        grad_mu = [gi + 2 * beta * m / sigma_prior ** 2 for gi, m in zip(grad_mu, mu)]
        # _populate_gradients_for_Sigma, l. 155-166 (MFVI only; RandomSAM and MixSAM leave M.grad None)
        new_mu = base.update("mu", mu, grad_mu, lr)
        if kind == "mfvi":
            entropy = -1.0 if fixed else 1.0
            grad_M = [beta * (Mi / sigma_prior ** 2 + entropy / Mi) for Mi in M]  # d/dM of l. 160
            grad_M = [gM + gi * x * sgn(Mi) for gM, gi, x, Mi in zip(grad_M, grad_mu, xi, M)]  # l. 166
            M = base.update("M", M, grad_M, lr_sigma)
        mu = new_mu
        out.append(list(mu))
        sigmas.append([abs(m) for m in M])
    return out, sigmas


def vsam(sigma0, lr, lr_M, rho, s0, beta, base):
    """VSAM.step (l. 344-352) with data_len = 1/beta and sigma_prior = s0**2."""
    sigma_prior, data_len = s0 * s0, 1 / beta
    mu, M = list(W0), [1 / s for s in sigma0]
    out, sigmas = [list(mu)], [[1 / abs(m) for m in M]]
    for t in range(STEPS):
        g = himmelblau_grad(mu)  # the caller's first backward
        # mloss + mpenalty backward (l. 307-320): d/dM of rho*sqrt(sum g^2/M^2) + (sum M^-2/sp + sum log M^2)/(2N)
        norm = math.sqrt(sum(gi * gi / (Mi * Mi) for gi, Mi in zip(g, M)))
        grad_M = [(rho / norm * (-gi * gi / Mi ** 3) if norm > 0 else 0.0)
                  + (-2 / Mi ** 3 / sigma_prior + 2 / Mi) / (2 * data_len) for gi, Mi in zip(g, M)]
        # first_step, l. 324-331
        scale = rho / (norm + EPS)
        perturbed = [m + scale * gi / (Mi * Mi) for m, gi, Mi in zip(mu, g, M)]
        # closure, then second_step: the base optimiser over mean and M, l. 336-341
        grad_mu = himmelblau_grad(perturbed)
        mu = base.update("mu", mu, grad_mu, lr)
        M = base.update("M", M, grad_M, lr_M)
        out.append(list(mu))
        sigmas.append([1 / abs(m) for m in M])
    return out, sigmas


def case(name, overrides, result):
    points, sigmas = result
    return name, {"overrides": overrides, "points": points, "sigmas": sigmas}


if __name__ == "__main__":
    lr = 0.005
    cases = dict([
        case("random-sam", {"sigma": "0.3,0.2", "lr": "0.005", "kl": "1"},
             mean_field("random", (0.3, 0.2), lr, 0.0, 10, 1.0, Rng(SEED), TorchSGD())),
        case("random-sam momentum", {"sigma": "0.3,0.2", "lr": "0.005", "kl": "0.5", "prior": "3",
                                     "base": "momentum", "mu": "0.9"},
             mean_field("random", (0.3, 0.2), lr, 0.0, 3, 0.5, Rng(SEED), TorchSGD(0.9))),
        case("mfvi", {"sigma": "0.1,0.05", "lr": "0.005", "lr-sigma": "0.001", "kl": "1"},
             mean_field("mfvi", (0.1, 0.05), lr, 0.001, 10, 1.0, Rng(SEED), TorchSGD(), fixed=True)),
        case("mfvi momentum", {"sigma": "0.1,0.05", "lr": "0.005", "lr-sigma": "0.002", "kl": "0.2", "prior": "2",
                               "base": "momentum", "mu": "0.5"},
             mean_field("mfvi", (0.1, 0.05), lr, 0.002, 2, 0.2, Rng(SEED), TorchSGD(0.5), fixed=True)),
        case("mfvi adam", {"sigma": "0.1,0.05", "lr": "0.005", "lr-sigma": "0.01", "kl": "1", "base": "adam"},
             mean_field("mfvi", (0.1, 0.05), lr, 0.01, 10, 1.0, Rng(SEED), TorchAdam(), fixed=True)),
        case("mfvi as-released", {"sigma": "0.3,0.2", "lr": "0.005", "lr-sigma": "0.0001", "form": "as-released",
                                  "kl": "0.05"},
             mean_field("mfvi", (0.3, 0.2), lr, 0.0001, 10, 0.05, Rng(SEED), TorchSGD())),
        case("vsam learned", {"sigma": "0.5,0.2", "lr": "0.005", "rho": "0.1", "learn": "true", "kl": "0.05",
                              "prior": "0.5", "lr-sigma": "0.01"},
             vsam((0.5, 0.2), lr, 0.01, 0.1, 0.5, 0.05, TorchSGD())),
        case("vsam learned momentum", {"sigma": "0.5,0.2", "lr": "0.005", "rho": "0.2", "learn": "true",
                                       "kl": "0.5", "prior": "1", "lr-sigma": "0.05", "base": "momentum",
                                       "mu": "0.9"},
             vsam((0.5, 0.2), lr, 0.05, 0.2, 1.0, 0.5, TorchSGD(0.9))),
        case("mixsam", {"rho": "0.1", "lr": "0.005", "kl": "1"},
             mean_field("mixsam", None, lr, 0.0, 10, 1.0, Rng(SEED), TorchSGD(), rho=0.1)),
        case("mixsam kappa", {"rho": "0.3", "lr": "0.005", "kappa-scale": "0.25", "kl": "0"},
             mean_field("mixsam", None, lr, 0.0, 10, 0.0, Rng(SEED), TorchSGD(), kappa=0.25, rho=0.3)),
    ])
    print(json.dumps({"setting": "Himmelblau from (-1, 1), %d steps, seed %d" % (STEPS, SEED), "cases": cases},
                     indent=1))
