/// `custom`: the axes of ALGORITHMS.md A3 named directly, for methods no paper has
/// (`custom:perturbation=worst-case,covariance=fisher,penalty=kl,combination=gsam`).
extension MethodCatalog {
  static let customEntry = Entry(
    name: "custom", family: .directions, summary: "any perturbation × covariance × penalty × combination",
    paper: "—", verification: "composed from verified parts",
    options: [
      Option("perturbation", .choice(["none", "worst-case", "worst-case-inf", "gaussian"]), "perturbation") { _ in
        .choice("worst-case")
      },
      Option("covariance", .choice(["isotropic", "diagonal", "learned", "adaptive", "fisher"]), "covariance shape") {
        _ in .choice("isotropic")
      },
      Option("penalty", .choice(["none", "kl"]), "penalty (L2 is wd=…)") { _ in .choice("none") },
      Option(
        "combination",
        .choice(["plain", "gsam", "looksam", "vasso", "fsam", "ssam-f", "ssam-d", "esam", "rst"]),
        "gradient combination"
      ) { _ in .choice("plain") },
      Option("epsilon", .number(0...1), "normalisation epsilon") { _ in .number(1e-12) },
      Option("sigma", .pair(nonNegative), "σ of diagonal/learned covariance, SX,SY") { .pair($0.sigma) },
      Option("eta", .number(nonNegative), "η of adaptive (|w|+η) or Fisher (1+ηg²) covariance") { _ in .number(0.01) },
      Option("kl", .number(nonNegative), "KL weight β") { _ in .number(0.01) },
      Option("prior", .number(positive), "prior standard deviation s₀") { _ in .number(1) },
      Option("samples", .whole(1...10_000), "Gaussian samples per step") { _ in .number(1) },
      Option("alpha", .number(-1e6...1e6), "α of gsam/looksam") { .number($0.alpha) },
      Option("minimize-fp", .flag, "gsam: decompose g against g̃ (true) or g̃ against g") { _ in .flag(true) },
      Option("k", .whole(1...1_000_000), "looksam: SAM step every k") { _ in .number(5) },
      Option("theta", .number(unit), "vasso: θ") { _ in .number(0.9) },
      Option("smoothing", .number(-1e6...1e6), "fsam: σ") { _ in .number(1) },
      Option("lambda", .number(unit), "fsam: λ") { _ in .number(0.6) },
      Option("sparsity", .number(unit), "ssam: s") { _ in .number(0.5) },
      Option("every", .whole(1...10_000_000), "ssam: refresh interval") { _ in .number(10) },
      Option("drop-rate", .number(unit), "ssam-d: death rate") { _ in .number(0.5) },
      Option("beta", .number(Double.leastNonzeroMagnitude...1), "esam: keep probability β") { _ in .number(0.5) },
      Option("mode", .choice(["tensor", "coordinate"]), "esam: selection mode") { _ in .choice("tensor") },
      Option("p", .number(unit), "rst: probability of a SAM step") { _ in .number(0.5) },
    ] + radiusOptions() + baseOptions,
    build: { v in customMethod(v) })

  static func customMethod(_ v: MethodValues) -> Method {
    let sigma = v.pair("sigma")
    let perturbation: Perturbation
    switch v.choice("perturbation") {
    case "none": perturbation = .none
    case "worst-case-inf": perturbation = .worstCase(norm: .lInfinity)
    case "gaussian": perturbation = .gaussian(samples: v.whole("samples"))
    default: perturbation = .worstCase(norm: .l2)
    }
    let covariance: Covariance
    switch v.choice("covariance") {
    case "diagonal": covariance = .diagonal(sigma)
    case "learned": covariance = .learnedDiagonal(initial: sigma)
    case "adaptive": covariance = .weightAdaptive(eta: v.number("eta"))
    case "fisher": covariance = .fisher(eta: v.number("eta"))
    default: covariance = .isotropic
    }
    let combination: GradientCombination
    switch v.choice("combination") {
    case "gsam": combination = .gsam(alpha: v.number("alpha"), minimizeFp: v.flag("minimize-fp"))
    case "looksam": combination = .lookSAM(k: v.whole("k"), alpha: v.number("alpha"))
    case "vasso": combination = .vasso(theta: v.number("theta"))
    case "fsam": combination = .friendly(sigma: v.number("smoothing"), lambda: v.number("lambda"))
    case "ssam-f": combination = .sparseFisher(sparsity: v.number("sparsity"), every: v.whole("every"))
    case "ssam-d":
      combination = .sparseDynamic(
        sparsity: v.number("sparsity"), every: v.whole("every"), dropRate: v.number("drop-rate"))
    case "esam":
      combination = .efficient(beta: v.number("beta"), mode: v.choice("mode") == "tensor" ? .tensor : .coordinate)
    case "rst": combination = .randomized(p: v.number("p"))
    default: combination = .plain
    }
    let kl: Penalty.KLPrior? =
      v.choice("penalty") == "kl" ? .init(weight: v.number("kl"), priorSigma: v.number("prior")) : nil
    let rule = GradientRule(
      perturbation: perturbation, covariance: covariance, penalty: Penalty(kl: kl), combination: combination,
      rho: v.number("rho"), epsilon: v.number("epsilon"), learningRate: v.number("lr"))
    let parts = [perturbationLabel(perturbation), covariance.label, kl == nil ? nil : "KL", combination.label]
      .compactMap { $0 }
    var legend: [Method.Hyperparameter] = parts.map { .init("", $0) }
    if perturbation != .none, case .gaussian = perturbation {
    } else if perturbation != .none {
      legend.append(.init("ρ", formatShort(v.number("rho"))))
    }
    switch covariance {
    case .diagonal, .learnedDiagonal: legend.append(.init("σ", pairText(sigma)))
    case .weightAdaptive(let eta), .fisher(let eta): legend.append(.init("η_T", formatShort(eta)))
    case .isotropic: break
    }
    legend.append(.init("η", formatShort(v.number("lr"))))
    let method = Method(
      name: "custom", displayName: "Custom", rule: .gradient(rule), hyperparameters: legend)
    return layered(method, v)
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
