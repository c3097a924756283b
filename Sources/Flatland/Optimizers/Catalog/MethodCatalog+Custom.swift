/// `custom`: the parts of ALGORITHMS.md A3 named directly, for methods no paper has
/// (`custom:direction=vasso,combination=gsam,mask=ssam-f,radius=cosine,base=adam`).
extension MethodCatalog {
  static let customEntry = MethodEntry(
    family: .directions,
    summary: "any perturbation × covariance × penalty × when × direction × mask × combination", paper: "—",
    verification: "verified parts",
    options: [
      Option(.perturbation, .choice(.init(\.perturbation)), "perturbation", default: .value("worst-case")),
      Option(.covariance, .choice(.init(\.covariance)), "covariance shape", default: .value("isotropic")),
      Option(.penalty, .choice(.init(\.penalty)), "penalty (L2 is wd)", default: .value("none")),
      Option(.when, .choice(.init(\.when)), "which steps perturb", default: .perturbationSchedule),
      Option(.direction, .choice(.init(\.direction)), "what the worst case ascends along", default: .value("gradient")),
      Option(.mask, .choice(.init(\.mask)), "which coordinates the worst case touches", default: .value("all")),
      Option(.combination, .choice(.init(\.combination)), "how d is formed", default: .value("plain")),
      Option(.epsilon, .number(\.epsilon, unit), "normalisation epsilon", default: .value(1e-12)),
      Option(
        .sigma, .pair(\.sigma, nonNegative), "σ of diagonal and learned covariance, [sx, sy]",
        default: .suggestedSigma, shared: .sigma),
      Option(
        .eta, .number(\.eta, nonNegative), "η of adaptive (|w| + η) or Fisher (1 + ηg²) covariance",
        default: .value(0.01)),
      Option(.kl, .number(\.kl, nonNegative), "prior weight β", default: .value(0.01)),
      Option(.prior, .number(\.prior, positive), "prior standard deviation s₀", default: .value(1)),
      Option(
        .form, .choice(.init(\.variationalForm)), "prior and learned σ: released, as-released, exact-kl",
        default: .value("released")),
      Option(
        .lrSigma, .number(\.lrSigma, nonNegative), "a learned σ's own learning rate",
        default: .suggestedSigmaLearningRate),
      Option(.samples, .whole(\.samples, 1...10_000), "Gaussian samples per step", default: .value(1)),
      Option(.k, .whole(\.k, 1...1_000_000), "every-k: perturb every k steps", default: .value(5)),
      Option(.p, .number(\.p, unit), "random: probability that a step perturbs", default: .value(0.5)),
      Option(.theta, .number(\.theta, unit), "vasso: θ, weight of the new gradient", default: .value(0.9)),
      Option(.smoothing, .number(\.smoothing, anyNumber), "fsam: σ, weight of the removed EMA", default: .value(1)),
      Option(.lambda, .number(\.lambda, unit), "fsam: λ, EMA decay", default: .value(0.6)),
      Option(
        .kappaScale, .number(\.kappaScale, nonNegative), "mixsam: κ, weight of the noise", default: .value(1)),
      Option(.sparsity, .number(\.sparsity, unit), "ssam: s, fraction not perturbed", default: .value(0.5)),
      Option(.every, .whole(\.every, 1...10_000_000), "ssam: steps between mask refreshes", default: .value(10)),
      Option(.timing, .choice(.init(\.timing)), "ssam-f: when the mask is computed", default: .value("official")),
      Option(.dropRate, .number(\.dropRate, unit), "ssam-d: initial death rate", default: .value(0.5)),
      Option(
        .beta, .number(\.beta, Double.leastNonzeroMagnitude...1), "esam: keep probability β",
        default: .value(0.5)),
      Option(.mode, .choice(.init(\.mode)), "esam: selection mode", default: .value("tensor")),
      Option(.alpha, .number(\.alpha, anyNumber), "α of gsam and looksam", default: .value(0.4), shared: .alpha),
      Option(
        .minimizeFp, .flag(\.minimizeFp), "gsam: decompose g against g̃ (true) or g̃ against g",
        default: .value(true)),
    ] + radiusOptions() + baseOptions,
    build: { p in customMethod(p) })

  /// Values that used to be `combination`s and are parts of their own now, with what to write.
  static let movedChoices: [MethodKey: [String: String]] = [
    .combination: [
      "vasso": "direction = vasso", "fsam": "direction = fsam", "ssam-f": "mask = ssam-f",
      "ssam-d": "mask = ssam-d", "esam": "mask = esam", "rst": "when = random (with p)",
    ]
  ]

  static func customMethod(_ p: MethodParameters) -> Method {
    let perturbation = perturbation(p)
    let (kl, learning) = p.variationalForm.parts(
      worstCase: perturbation.isWorstCase, learned: p.covariance == .learned, klWeight: p.penalty == .kl ? p.kl : nil,
      priorSigma: p.prior, sigmaLearningRate: p.lrSigma)
    // ρ acts only on a worst case (a Gaussian's size is σ); presets without one carry ρ = 0.
    let rule = GradientRule(
      perturbation: perturbation,
      covariance: p.covariance == .learned ? .learnedDiagonal(initial: p.sigma, learning: learning) : covariance(p),
      penalty: Penalty(kl: kl),
      when: when(p), direction: direction(p), mask: mask(p), combination: combination(p),
      rho: perturbation.isWorstCase ? p.rho : 0, epsilon: p.epsilon, learningRate: p.lr)
    let method = Method(
      name: "custom", displayName: "Custom", rule: .gradient(rule), hyperparameters: customLegend(rule, p))
    return layered(method, p, .custom)
  }

  /// The legend of a custom method: each part that differs from SAM's, then its numbers.
  static func customLegend(_ rule: GradientRule, _ p: MethodParameters) -> [Method.Hyperparameter] {
    var parts = rule.perturbation == .worstCase(norm: .l2) ? [] : [perturbationLabel(rule.perturbation)]
    if rule.perturbation != .none {
      if rule.covariance != .isotropic { parts.append(rule.covariance.label) }
      if rule.penalty.kl != nil { parts.append("prior") }
      if rule.when != .everyStep { parts.append(rule.when.label) }
      if rule.direction != .gradient { parts.append(rule.direction.label) }
      if rule.mask != .all { parts.append(rule.mask.label) }
      if rule.combination != .plain { parts.append(rule.combination.label) }
    }
    var legend: [Method.Hyperparameter] = parts.map { .init("", $0) }
    if case .worstCase = rule.perturbation { legend.append(.init("ρ", formatShort(p.rho))) }
    switch rule.covariance {
    case .diagonal, .learnedDiagonal: legend.append(.init("σ", pairText(p.sigma)))
    case .weightAdaptive(let eta), .fisher(let eta): legend.append(.init("η_T", formatShort(eta)))
    case .isotropic: break
    }
    switch rule.when {
    case .random(let probability): legend.append(.init("p", formatShort(probability)))
    case .periodic, .everyStep: break
    }
    switch rule.direction {
    case .vasso(let theta): legend.append(.init("θ", formatShort(theta)))
    case .friendly(let sigma, let lambda):
      legend.append(.init("σ_F", formatShort(sigma)))
      legend.append(.init("λ", formatShort(lambda)))
    case .mixed(let kappa): legend.append(.init("κ", formatShort(kappa)))
    case .gradient: break
    }
    switch rule.mask {
    case .sparseFisher(let s, _, _), .sparseDynamic(let s, _, _): legend.append(.init("s", formatShort(s)))
    case .efficient(let beta, _): legend.append(.init("β", formatShort(beta)))
    case .all: break
    }
    switch rule.combination {
    case .gsam(let alpha, _), .lookSAM(let alpha): legend.append(.init("α", formatShort(alpha)))
    case .plain: break
    }
    legend.append(.init("η", formatShort(p.lr)))
    return legend
  }

  private static func perturbation(_ p: MethodParameters) -> Perturbation {
    switch p.perturbation {
    case .none: return .none
    case .worstCase: return .worstCase(norm: .l2)
    case .worstCaseInfinity: return .worstCase(norm: .lInfinity)
    case .gaussian: return .gaussian(samples: p.samples)
    }
  }

  private static func covariance(_ p: MethodParameters) -> Covariance {
    switch p.covariance {
    case .isotropic: return .isotropic
    case .diagonal: return .diagonal(p.sigma)
    case .learned: return .learnedDiagonal(initial: p.sigma, learning: .reconstruction)
    case .adaptive: return .weightAdaptive(eta: p.eta)
    case .fisher: return .fisher(eta: p.eta)
    }
  }

  private static func when(_ p: MethodParameters) -> PerturbationSchedule {
    switch p.when {
    case .everyStep: return .everyStep
    case .everyK: return .periodic(every: p.k)
    case .random: return .random(probability: p.p)
    }
  }

  private static func direction(_ p: MethodParameters) -> AscentDirection {
    switch p.direction {
    case .gradient: return .gradient
    case .vasso: return .vasso(theta: p.theta)
    case .fsam: return .friendly(sigma: p.smoothing, lambda: p.lambda)
    case .mixsam: return .mixed(kappa: p.kappaScale)
    }
  }

  private static func mask(_ p: MethodParameters) -> PerturbationMask {
    switch p.mask {
    case .all: return .all
    case .ssamF: return .sparseFisher(sparsity: p.sparsity, every: p.every, timing: p.timing)
    case .ssamD: return .sparseDynamic(sparsity: p.sparsity, every: p.every, dropRate: p.dropRate)
    case .esam: return .efficient(beta: p.beta, mode: p.mode)
    }
  }

  private static func combination(_ p: MethodParameters) -> DescentCombination {
    switch p.combination {
    case .plain: return .plain
    case .gsam: return .gsam(alpha: p.alpha, minimizeFp: p.minimizeFp)
    case .looksam: return .lookSAM(alpha: p.alpha)
    }
  }

  static func perturbationLabel(_ p: Perturbation) -> String {
    switch p {
    case .none: return "no perturbation"
    case .worstCase(let norm): return norm == .l2 ? "worst-case" : "worst-case p = ∞"
    case .gaussian(let n): return n == 1 ? "Gaussian" : "Gaussian ×\(n)"
    }
  }
}

extension Covariance {
  /// Short description for tables and custom legends.
  public var label: String {
    switch self {
    case .isotropic: return "isotropic"
    case .diagonal: return "fixed diagonal σ"
    case .learnedDiagonal: return "learned diagonal σ"
    case .weightAdaptive(let eta): return eta == 0 ? "|w|-adaptive" : "|w|+η adaptive"
    case .fisher: return "Fisher diagonal"
    }
  }
}
