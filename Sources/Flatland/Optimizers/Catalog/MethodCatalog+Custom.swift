/// `custom`: the axes of ALGORITHMS.md A3 named directly, for methods no paper has
/// (`custom:perturbation=worst-case,covariance=fisher,penalty=kl,combination=gsam`).
extension MethodCatalog {
  static let customEntry = MethodEntry(
    family: .directions, summary: "any perturbation × covariance × penalty × combination", paper: "—",
    verification: "verified parts",
    options: [
      Option(.perturbation, .choice(.init(\.perturbation)), "perturbation", default: .value("worst-case")),
      Option(.covariance, .choice(.init(\.covariance)), "covariance shape", default: .value("isotropic")),
      Option(.penalty, .choice(.init(\.penalty)), "penalty (L2 is wd)", default: .value("none")),
      Option(.combination, .choice(.init(\.combination)), "gradient combination", default: .value("plain")),
      Option(.epsilon, .number(\.epsilon, unit), "normalisation epsilon", default: .value(1e-12)),
      Option(
        .sigma, .pair(\.sigma, nonNegative), "σ of diagonal and learned covariance, [sx, sy]",
        default: .suggestedSigma, shared: .sigma),
      Option(
        .eta, .number(\.eta, nonNegative), "η of adaptive (|w| + η) or Fisher (1 + ηg²) covariance",
        default: .value(0.01)),
      Option(.kl, .number(\.kl, nonNegative), "KL weight β", default: .value(0.01)),
      Option(.prior, .number(\.prior, positive), "prior standard deviation s₀", default: .value(1)),
      Option(.samples, .whole(\.samples, 1...10_000), "Gaussian samples per step", default: .value(1)),
      Option(.alpha, .number(\.alpha, anyNumber), "α of gsam and looksam", default: .value(0.4), shared: .alpha),
      Option(
        .minimizeFp, .flag(\.minimizeFp), "gsam: decompose g against g̃ (true) or g̃ against g",
        default: .value(true)),
      Option(.k, .whole(\.k, 1...1_000_000), "looksam: SAM step every k", default: .value(5)),
      Option(.theta, .number(\.theta, unit), "vasso: θ", default: .value(0.9)),
      Option(.smoothing, .number(\.smoothing, anyNumber), "fsam: σ", default: .value(1)),
      Option(.lambda, .number(\.lambda, unit), "fsam: λ", default: .value(0.6)),
      Option(.sparsity, .number(\.sparsity, unit), "ssam: s", default: .value(0.5)),
      Option(.every, .whole(\.every, 1...10_000_000), "ssam: refresh interval", default: .value(10)),
      Option(.dropRate, .number(\.dropRate, unit), "ssam-d: death rate", default: .value(0.5)),
      Option(
        .beta, .number(\.beta, Double.leastNonzeroMagnitude...1), "esam: keep probability β",
        default: .value(0.5)),
      Option(.mode, .choice(.init(\.mode)), "esam: selection mode", default: .value("tensor")),
      Option(.p, .number(\.p, unit), "rst: probability of a SAM step", default: .value(0.5)),
    ] + radiusOptions() + baseOptions,
    build: { p in customMethod(p) })

  static func customMethod(_ p: MethodParameters) -> Method {
    let perturbation: Perturbation
    switch p.perturbation {
    case .none: perturbation = .none
    case .worstCaseInfinity: perturbation = .worstCase(norm: .lInfinity)
    case .gaussian: perturbation = .gaussian(samples: p.samples)
    case .worstCase: perturbation = .worstCase(norm: .l2)
    }
    let covariance: Covariance
    switch p.covariance {
    case .diagonal: covariance = .diagonal(p.sigma)
    case .learned: covariance = .learnedDiagonal(initial: p.sigma)
    case .adaptive: covariance = .weightAdaptive(eta: p.eta)
    case .fisher: covariance = .fisher(eta: p.eta)
    case .isotropic: covariance = .isotropic
    }
    let combination: GradientCombination
    switch p.combination {
    case .gsam: combination = .gsam(alpha: p.alpha, minimizeFp: p.minimizeFp)
    case .looksam: combination = .lookSAM(k: p.k, alpha: p.alpha)
    case .vasso: combination = .vasso(theta: p.theta)
    case .fsam: combination = .friendly(sigma: p.smoothing, lambda: p.lambda)
    case .ssamF: combination = .sparseFisher(sparsity: p.sparsity, every: p.every)
    case .ssamD: combination = .sparseDynamic(sparsity: p.sparsity, every: p.every, dropRate: p.dropRate)
    case .esam: combination = .efficient(beta: p.beta, mode: p.mode)
    case .rst: combination = .randomized(p: p.p)
    case .plain: combination = .plain
    }
    let kl: Penalty.KLPrior? = p.penalty == .kl ? .init(weight: p.kl, priorSigma: p.prior) : nil
    let rule = GradientRule(
      perturbation: perturbation, covariance: covariance, penalty: Penalty(kl: kl), combination: combination,
      rho: p.rho, epsilon: p.epsilon, learningRate: p.lr)
    let parts = [perturbationLabel(perturbation), covariance.label, kl == nil ? nil : "KL", combination.label]
      .compactMap { $0 }
    var legend: [Method.Hyperparameter] = parts.map { .init("", $0) }
    if perturbation != .none, case .gaussian = perturbation {
    } else if perturbation != .none {
      legend.append(.init("ρ", formatShort(p.rho)))
    }
    switch covariance {
    case .diagonal, .learnedDiagonal: legend.append(.init("σ", pairText(p.sigma)))
    case .weightAdaptive(let eta), .fisher(let eta): legend.append(.init("η_T", formatShort(eta)))
    case .isotropic: break
    }
    legend.append(.init("η", formatShort(p.lr)))
    let method = Method(name: "custom", displayName: "Custom", rule: .gradient(rule), hyperparameters: legend)
    return layered(method, p, .custom)
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
