/// The named choices of method hyperparameters (`base = "adam"`, `radius = "cosine"`): each a
/// `SpecChoice`, so the names exist once for parsing, help, listings and errors.

/// The base optimizer that consumes the final direction (ALGORITHMS.md A2).
public enum BaseChoice: String, SpecChoice {
  case sgd, momentum, nesterov, adam

  public var summary: String {
    switch self {
    case .sgd: return "w ← w − η·d"
    case .momentum: return "heavy-ball momentum μ, PyTorch buffer"
    case .nesterov: return "Nesterov momentum μ, PyTorch"
    case .adam: return "Adam, β₁ 0.9, β₂ 0.999, ε 1e-8"
    }
  }
}

/// The learning-rate schedule over a run.
public enum ScheduleChoice: String, SpecChoice {
  case constant, step, cosine
  case warmupCosine = "warmup-cosine"

  public var summary: String {
    switch self {
    case .constant: return "η throughout"
    case .step: return "η·lr-factor every lr-every steps"
    case .cosine: return "half a cosine from η to lr-final"
    case .warmupCosine: return "linear warm-up over warmup steps, then cosine to lr-final"
    }
  }
}

/// How ρ evolves over a run (ALGORITHMS.md A4).
public enum RadiusChoice: String, SpecChoice {
  case constant, linear, cosine
  case lrProportional = "lr-proportional"
  case gradScaled = "grad-scaled"
  case targetSharpness = "target-sharpness"

  public var summary: String {
    switch self {
    case .constant: return "ρ throughout"
    case .linear: return "linearly from ρ to rho-final"
    case .cosine: return "half a cosine from ρ to rho-final"
    case .lrProportional: return "GSAM: from rho-min to ρ as η goes from its minimum to its maximum"
    case .gradScaled: return "experimental: ρ·‖g‖/(‖g‖ + kappa), vanishing at a minimum"
    case .targetSharpness: return "experimental: steers L(w+e) − L(w) toward target, within [rho-min, rho-max]"
    }
  }
}

/// ASAM's two published forms.
public enum ASAMForm: String, SpecChoice {
  case asam, davda54

  public var summary: String {
    switch self {
    case .asam: return "SamsungLabs/ASAM: e = ρ·T²g/(‖Tg‖ + 1e-16), T = |w| + η"
    case .davda54: return "davda54/sam adaptive=True: e = ρ·w²g/(‖|w|g‖ + 1e-12)"
    }
  }
}

extension PerturbationMask.SelectionMode: SpecChoice {
  public var summary: String {
    switch self {
    case .tensor: return "w is one tensor: the whole perturbation is kept or dropped"
    case .coordinate: return "each coordinate is kept independently"
    }
  }
}

extension PerturbationMask.FisherTiming: SpecChoice {
  public var summary: String {
    switch self {
    case .official: return "the code's: mask all zero at first, refreshed after the update from g(w_new)²"
    case .asReleased: return "as released: the refresh adds the step's leftover g̃, Fisher (g̃ + g(w_new))²"
    case .beforeStep: return "refreshed before perturbing from the step's g², no extra gradient"
    }
  }
}

extension Penalty.WeightDecayMode: SpecChoice {
  public var summary: String {
    switch self {
    case .coupled: return "λ·w added to d at the unperturbed w (PyTorch)"
    case .inLoss: return "½λ‖w‖² in the loss, so at w + e too (google-research/sam)"
    case .decoupled: return "w ← w − η·λ·w beside the step (AdamW)"
    }
  }
}

/// `custom`'s perturbation axis.
public enum PerturbationChoice: String, SpecChoice {
  case none
  case worstCase = "worst-case"
  case worstCaseInfinity = "worst-case-inf"
  case gaussian

  public var summary: String {
    switch self {
    case .none: return "no perturbation: the base optimizer"
    case .worstCase: return "first-order worst case, p = 2"
    case .worstCaseInfinity: return "first-order worst case, p = ∞"
    case .gaussian: return "Gaussian samples e = σ⊙ξ"
    }
  }
}

/// `custom`'s covariance axis.
public enum CovarianceChoice: String, SpecChoice {
  case isotropic, diagonal, learned, adaptive, fisher

  public var summary: String {
    switch self {
    case .isotropic: return "the disk ‖e‖ ≤ ρ"
    case .diagonal: return "fixed diagonal σ"
    case .learned: return "diagonal σ learned under the penalty"
    case .adaptive: return "T = |w| + η (ASAM)"
    case .fisher: return "T = 1/sqrt(1 + η·g²) (Fisher SAM)"
    }
  }
}

/// `custom`'s penalty axis (weight decay is `wd`).
public enum PenaltyChoice: String, SpecChoice {
  case none, kl

  public var summary: String {
    switch self {
    case .none: return "no penalty beyond weight decay"
    case .kl: return "a Gaussian prior N(0, prior²I), weight kl, in the variational form (form)"
    }
  }
}

/// `custom`'s perturbation schedule: which steps perturb.
public enum WhenChoice: String, SpecChoice {
  case everyStep = "every-step"
  case everyK = "every-k"
  case random

  public var summary: String {
    switch self {
    case .everyStep: return "every step perturbs"
    case .everyK: return "steps 0, k, 2k, … perturb, as LookSAM's (k)"
    case .random: return "each step perturbs with probability p, as RST's (p)"
    }
  }
}

/// `custom`'s ascent direction: what the worst case ascends along.
public enum DirectionChoice: String, SpecChoice {
  case gradient, vasso, fsam, mixsam

  public var summary: String {
    switch self {
    case .gradient: return "the current clean gradient g"
    case .vasso: return "VaSSO: an EMA d ← (1−θ)d + θg of the gradients (theta)"
    case .fsam: return "F-SAM: g − σm, m an EMA of the gradients (smoothing, lambda)"
    case .mixsam: return "MixSAM: √2·g/‖g‖ + κξ, Gaussian noise mixed in (kappa-scale)"
    }
  }
}

/// `custom`'s perturbation mask: which coordinates the worst case touches.
public enum MaskChoice: String, SpecChoice {
  case all
  case ssamF = "ssam-f"
  case ssamD = "ssam-d"
  case esam

  public var summary: String {
    switch self {
    case .all: return "every coordinate"
    case .ssamF: return "SSAM: the coordinates of largest g², refreshed every `every` steps (sparsity, every)"
    case .ssamD: return "SSAM: a random mask whose weakest coordinates die and regrow (sparsity, every, drop-rate)"
    case .esam: return "ESAM: a random selection kept with probability β, radius ρ/β (beta, mode)"
    }
  }
}

/// `custom`'s descent combination: how `d` is formed from the step's gradients.
public enum CombinationChoice: String, SpecChoice {
  case plain, gsam, looksam

  public var summary: String {
    switch self {
    case .plain: return "descend on g̃ = g(w + e), or on g where the step does not perturb"
    case .gsam: return "GSAM: g̃ − α·(g ⊥ g̃) (alpha, minimize-fp)"
    case .looksam: return "LookSAM: g̃, and g + α·(‖g‖/‖g_v‖)·g_v where the step does not perturb (alpha)"
    }
  }
}
