/// The option tables of the presets: for each, the keys it accepts with their ranges and defaults,
/// and the builder that turns typed parameters into a `Method`.
public enum MethodCatalog {
  typealias Option = MethodOption
  static let nonNegative = 0.0...Double.greatestFiniteMagnitude
  static let positive = Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude
  static let unit = 0.0...1.0
  static let anyNumber = -1e6...1e6

  /// Keys every gradient method takes: learning rate and schedule, base optimizer, weight decay.
  static let baseOptions: [Option] = [
    Option(.lr, .number(\.lr, positive), "learning rate η", default: .suggestedLearningRate, shared: .lr),
    Option(.base, .choice(.init(\.base)), "base optimizer", default: .value("sgd")),
    Option(
      .mu, .number(\.mu, 0...0.999_999), "momentum μ", default: .value(0.9),
      shared: .momentum),
    Option(.wd, .number(\.wd, nonNegative), "weight decay λ", default: .value(0)),
    Option(.wdMode, .choice(.init(\.wdMode)), "where weight decay acts", default: .value("coupled")),
    Option(.schedule, .choice(.init(\.schedule)), "learning-rate schedule", default: .value("constant")),
    Option(.lrFinal, .number(\.lrFinal, nonNegative), "final η of cosine schedules", default: .value(0)),
    Option(.lrEvery, .whole(\.lrEvery, 1...10_000_000), "steps between step-schedule decays", default: .value(100)),
    Option(.lrFactor, .number(\.lrFactor, unit), "step-schedule decay factor", default: .value(0.5)),
    Option(.warmup, .whole(\.warmup, 0...10_000_000), "warm-up steps", default: .value(10)),
  ]

  /// Keys of methods with a radius: ρ (or Fisher SAM's γ) and its schedule (ALGORITHMS.md A4).
  static func radiusOptions(default schedule: RadiusChoice = .constant, key: MethodKey = .rho) -> [Option] {
    [
      Option(
        key, .number(\.rho, nonNegative), key == .gamma ? "radius γ" : "radius ρ", default: .suggestedRho,
        shared: .rho),
      Option(.radius, .choice(.init(\.radius)), "radius schedule", default: .value(.choice(schedule.rawValue))),
      Option(.rhoFinal, .number(\.rhoFinal, nonNegative), "final ρ of linear and cosine radii", default: .value(0)),
      Option(.kappa, .number(\.kappa, positive), "κ of grad-scaled and target-sharpness", default: .value(1)),
      Option(.target, .number(\.target, positive), "target sharpness τ", default: .value(0.01)),
      Option(
        .rhoMin, .number(\.rhoMin, nonNegative), "ρ_min of lr-proportional; lower clamp of target-sharpness",
        default: .rhoMinimum),
      Option(.rhoMax, .number(\.rhoMax, positive), "upper clamp of target-sharpness", default: .value(1)),
    ]
  }

  /// SSAM's mask keys, shared by both variants.
  static let sparsityOptions: [Option] = [
    Option(.sparsity, .number(\.sparsity, unit), "s, fraction of coordinates not perturbed", default: .value(0.5)),
    Option(.every, .whole(\.every, 1...10_000_000), "steps between mask refreshes", default: .value(10)),
  ]

  /// The released mean-field optimisers' prior: `2β·μ/s₀²` on the mean, and MFVI's σ term. The
  /// release's weight 1 (meant as about 1/N for N samples) makes MFVI's σ grow toward s₀ wherever a
  /// 2D toy is flat (on two-valleys 18 of 20 runs still wander after 500 steps); 0.01 lets the
  /// landscape's curvature set σ. sigma_prior 10 is the release's.
  static let meanPriorOptions: [Option] = [
    Option(
      .kl, .number(\.kl, nonNegative), "prior weight β (released: kl_div_weight 1; 0: none)", default: .value(0.01)),
    Option(.prior, .number(\.prior, positive), "prior standard deviation s₀ (sigma_prior)", default: .value(10)),
  ]

  static func without(_ keys: Set<MethodKey>, _ options: [Option]) -> [Option] {
    options.filter { !keys.contains($0.key) }
  }

  static let entries: [MethodPreset: MethodEntry] = {
    var table: [MethodPreset: MethodEntry] = [:]
    for preset in MethodPreset.allCases { table[preset] = entry(preset) }
    return table
  }()

  // swift-format-ignore: FunctionBodyLength
  static func entry(_ preset: MethodPreset) -> MethodEntry {
    switch preset {
    case .sgd:
      return MethodEntry(
        family: .base, summary: "gradient descent", paper: "—", verification: "exact", options: baseOptions,
        build: { p in layered(.sgd(learningRate: p.lr), p, .sgd) })
    case .momentum:
      return MethodEntry(
        family: .base, summary: "heavy-ball momentum (PyTorch buffer)", paper: "Polyak 1964", verification: "code",
        options: without([.base], baseOptions),
        build: { p in layered(.momentum(learningRate: p.lr, momentum: p.mu), p, .momentum, base: .momentum) })
    case .nesterov:
      return MethodEntry(
        family: .base, summary: "Nesterov momentum (PyTorch)", paper: "Sutskever et al. 2013", verification: "code",
        options: without([.base], baseOptions),
        build: { p in
          layered(.momentum(learningRate: p.lr, momentum: p.mu, nesterov: true), p, .nesterov, base: .nesterov)
        })
    case .adam:
      return MethodEntry(
        family: .base, summary: "Adam, β₁ 0.9, β₂ 0.999, ε 1e-8", paper: "Kingma & Ba 2015 (1412.6980)",
        verification: "code", options: without([.base, .mu], baseOptions),
        build: { p in layered(.adam(learningRate: p.lr), p, .adam, base: .adam) })
    case .sam:
      return MethodEntry(
        family: .worstCase, summary: "SAM, p = 2", paper: "Foret et al. 2021 (2010.01412)", verification: "code",
        options: radiusOptions() + baseOptions,
        build: { p in layered(.sam(learningRate: p.lr, rho: p.rho), p, .sam) })
    case .samInfinity:
      return MethodEntry(
        family: .worstCase, summary: "SAM, p = ∞: e = ρ·sign(g)", paper: "Foret et al. 2021 (2010.01412)",
        verification: "paper", options: radiusOptions() + baseOptions,
        build: { p in layered(.samInfinity(learningRate: p.lr, rho: p.rho), p, .samInfinity) })
    case .asam:
      return MethodEntry(
        family: .worstCase, summary: "adaptive SAM, T = |w| + η", paper: "Kwon et al. 2021 (2102.11600)",
        verification: "code",
        options: radiusOptions() + [
          Option(.eta, .number(\.eta, nonNegative), "η of T = |w| + η", default: .value(0.01)),
          Option(.form, .choice(.init(\.form)), "which published form", default: .value("asam")),
        ] + baseOptions,
        build: { p in
          layered(.asam(learningRate: p.lr, rho: p.rho, eta: p.eta, davda54: p.form == .davda54), p, .asam)
        })
    case .fisherSAM:
      return MethodEntry(
        family: .worstCase, summary: "Fisher ellipse, f = 1 + ηg²", paper: "Kim et al. 2022 (2206.04920)",
        verification: "code-unofficial",
        options: radiusOptions(key: .gamma) + [
          Option(.eta, .number(\.eta, nonNegative), "η of f = 1 + η·g²", default: .value(1))
        ] + baseOptions,
        build: { p in layered(.fisherSAM(learningRate: p.lr, gamma: p.rho, eta: p.eta), p, .fisherSAM) })
    case .gsam:
      return MethodEntry(
        family: .directions, summary: "surrogate-gap SAM, ρ ∝ lr", paper: "Zhuang et al. 2022 (2203.08065)",
        verification: "code",
        options: radiusOptions(default: .lrProportional) + [
          Option(
            .alpha, .number(\.alpha, anyNumber), "α, weight of the orthogonal component", default: .value(0.4),
            shared: .alpha),
          Option(.minimizeFp, .flag(\.minimizeFp), "false: decompose g̃ against g instead", default: .value(true)),
          Option(
            .adaptive, .flag(\.adaptive), "perturb by ρ·w²g/(‖|w|g‖ + 1e-12), the CIFAR default of the code",
            default: .value(false)),
        ] + baseOptions,
        build: { p in
          layered(
            .gsam(
              learningRate: p.lr, rho: p.rho, alpha: p.alpha, rhoMin: p.rhoMin, minimizeFp: p.minimizeFp,
              adaptive: p.adaptive), p, .gsam, radius: .lrProportional)
        })
    case .vasso:
      return MethodEntry(
        family: .directions, summary: "variance-suppressed: EMA ascent", paper: "Li & Giannakis 2023 (2309.15639)",
        verification: "code",
        options: radiusOptions() + [
          Option(.theta, .number(\.theta, unit), "θ, weight of the new gradient", default: .value(0.9))
        ] + baseOptions,
        build: { p in layered(.vasso(learningRate: p.lr, rho: p.rho, theta: p.theta), p, .vasso) })
    case .fsam:
      return MethodEntry(
        family: .directions, summary: "friendly SAM: ascent g − σm", paper: "Li et al. 2024 (2403.12350)",
        verification: "code",
        options: radiusOptions() + [
          Option(.sigma, .number(\.smoothing, anyNumber), "σ, weight of the removed average", default: .value(1)),
          Option(.lambda, .number(\.lambda, unit), "λ, EMA decay", default: .value(0.6)),
        ] + baseOptions,
        build: { p in
          layered(.friendlySAM(learningRate: p.lr, rho: p.rho, sigma: p.smoothing, lambda: p.lambda), p, .fsam)
        })
    case .ssamF:
      return MethodEntry(
        family: .efficient, summary: "sparse SAM, Fisher mask", paper: "Mi et al. 2022 (2210.05177)",
        verification: "code (2D adaptation)",
        options: radiusOptions() + sparsityOptions + [
          Option(.timing, .choice(.init(\.timing)), "when the mask is computed", default: .value("official"))
        ] + baseOptions,
        build: { p in
          layered(
            .sparseFisherSAM(learningRate: p.lr, rho: p.rho, sparsity: p.sparsity, every: p.every, timing: p.timing),
            p, .ssamF)
        })
    case .ssamD:
      return MethodEntry(
        family: .efficient, summary: "sparse SAM, dynamic mask", paper: "Mi et al. 2022 (2210.05177)",
        verification: "code (2D adaptation)",
        options: radiusOptions() + sparsityOptions + [
          Option(.dropRate, .number(\.dropRate, unit), "initial death rate", default: .value(0.5))
        ] + baseOptions,
        build: { p in
          layered(
            .sparseDynamicSAM(
              learningRate: p.lr, rho: p.rho, sparsity: p.sparsity, every: p.every, dropRate: p.dropRate), p, .ssamD)
        })
    case .esam:
      return MethodEntry(
        family: .efficient, summary: "efficient SAM: random selection, radius ρ/β",
        paper: "Du et al. 2022 (2110.03141)", verification: "code",
        options: radiusOptions() + [
          Option(
            .beta, .number(\.beta, Double.leastNonzeroMagnitude...1), "β, probability of keeping a tensor/coordinate",
            default: .value(0.5)),
          Option(
            .mode, .choice(.init(\.mode)), "selection per tensor (faithful) or per coordinate",
            default: .value("tensor")),
        ] + baseOptions,
        build: { p in layered(.efficientSAM(learningRate: p.lr, rho: p.rho, beta: p.beta, mode: p.mode), p, .esam) })
    case .looksam:
      return MethodEntry(
        family: .efficient, summary: "SAM every k steps, reuse in between", paper: "Liu et al. 2022 (2203.02714)",
        verification: "code-unofficial",
        options: radiusOptions() + [
          Option(.k, .whole(\.k, 1...1_000_000), "SAM step every k steps", default: .value(5)),
          Option(.alpha, .number(\.alpha, anyNumber), "α, weight of the reused component", default: .value(0.7)),
        ] + baseOptions,
        build: { p in layered(.lookSAM(learningRate: p.lr, rho: p.rho, k: p.k, alpha: p.alpha), p, .looksam) })
    case .rst:
      return MethodEntry(
        family: .efficient, summary: "randomized SAM/SGD mixing", paper: "Zhao et al. 2023 (2203.09962)",
        verification: "paper",
        options: radiusOptions() + [
          Option(.p, .number(\.p, unit), "probability of a SAM step", default: .value(0.5))
        ] + baseOptions,
        build: { p in layered(.randomizedSAM(learningRate: p.lr, rho: p.rho, p: p.p), p, .rst) })
    case .randomSAM:
      return MethodEntry(
        family: .variational, summary: "Gaussian perturbation, fixed σ (VI mean only)",
        paper: "Ujváry et al. 2022 (2210.10452)", verification: "code",
        options: [
          Option(
            .sigma, .pair(\.sigma, nonNegative), "fixed σ as [sx, sy]", default: .suggestedRhoPerCoordinate,
            shared: .rho),
          Option(.samples, .whole(\.samples, 1...10_000), "Monte-Carlo samples per step", default: .value(1)),
        ] + meanPriorOptions + baseOptions,
        build: { p in
          layered(
            .randomSAM(learningRate: p.lr, sigma: p.sigma, samples: p.samples, klWeight: p.kl, priorSigma: p.prior), p,
            .randomSAM)
        })
    case .mfvi:
      return MethodEntry(
        family: .variational, summary: "mean-field VI: learned σ, Gaussian prior",
        paper: "Ujváry et al. 2022 (2210.10452)", verification: "code (sign fixed)",
        options: [
          Option(
            .sigma, .pair(\.sigma, positive), "initial σ as [sx, sy]", default: .suggestedRhoPerCoordinate,
            shared: .rho),
          Option(.samples, .whole(\.samples, 1...10_000), "Monte-Carlo samples per step", default: .value(1)),
        ] + meanPriorOptions + [
          Option(
            .form, .choice(.init(\.variationalForm)), "which rule: released, as-released, exact-kl",
            default: .value("released")),
          Option(
            .lrSigma, .number(\.lrSigma, nonNegative), "σ's own learning rate (released: lr_sigma 0.01)",
            default: .suggestedSigmaLearningRate),
        ] + baseOptions,
        build: { p in
          layered(
            .mfvi(
              learningRate: p.lr, sigma: p.sigma, klWeight: p.kl, priorSigma: p.prior, samples: p.samples,
              sigmaLearningRate: p.lrSigma, form: p.variationalForm), p, .mfvi)
        })
    case .vsam:
      return MethodEntry(
        family: .variational, summary: "variational SAM: worst case in ‖e/σ‖ ≤ ρ",
        paper: "Ujváry et al. 2022 (2210.10452); the thesis", verification: "code",
        options: radiusOptions() + [
          Option(
            .sigma, .pair(\.sigma, nonNegative), "σ as [sx, sy] (fixed, or the start when learned)",
            default: .suggestedSigma, shared: .sigma),
          Option(.learn, .flag(\.learn), "learn σ (the release learns M = 1/σ)", default: .value(false)),
          Option(
            .form, .choice(.init(\.variationalForm)), "learned σ: released or exact-kl", default: .value("released")),
          Option(
            .kl, .number(\.kl, nonNegative), "prior weight β on σ (released: 1/data_len = 2e-5)", default: .value(0.01)),
          Option(
            .prior, .number(\.prior, positive), "prior standard deviation s₀ (released: √sigma_prior = 0.53)",
            default: .value(1)),
          Option(
            .lrSigma, .number(\.lrSigma, nonNegative), "M = 1/σ's own learning rate (released: lr_M 0.01)",
            default: .suggestedSigmaLearningRate),
        ] + baseOptions,
        build: { p in
          layered(
            .vsam(
              learningRate: p.lr, rho: p.rho, sigma: p.sigma, learned: p.learn, klWeight: p.kl, priorSigma: p.prior,
              sigmaLearningRate: p.lrSigma, form: p.variationalForm),
            p, .vsam)
        })
    case .mixsam:
      return MethodEntry(
        family: .variational, summary: "MixSAM: SAM's ascent with Gaussian noise mixed in",
        paper: "Ujváry et al. 2022 (2210.10452)", verification: "code",
        options: radiusOptions() + [
          Option(
            .kappaScale, .number(\.kappaScale, nonNegative), "κ, weight of the noise in the ascent", default: .value(1))
        ] + meanPriorOptions + baseOptions,
        build: { p in
          layered(
            .mixSAM(learningRate: p.lr, rho: p.rho, kappa: p.kappaScale, klWeight: p.kl, priorSigma: p.prior), p,
            .mixsam)
        })
    case .es:
      return MethodEntry(
        family: .zerothOrder, summary: "OpenAI-ES, antithetic, centred ranks",
        paper: "Salimans et al. 2017 (1703.03864)", verification: "code (evosax)",
        options: [
          // The rank-based estimate has size O(1/σ) whatever the landscape's gradient scale, so the
          // gradient methods' η does not carry over; 0.05 is in ALGORITHMS.md 14.1's range for 2D.
          Option(.lr, .number(\.lr, positive), "learning rate η of the estimate", default: .value(0.05)),
          Option(.sigma, .number(\.searchSigma, positive), "noise scale σ", default: .populationSigma),
          Option(.population, .whole(\.population, 2...100_000), "candidates per generation", default: .value(16)),
        ],
        build: { p in .evolutionStrategy(learningRate: p.lr, sigma: p.searchSigma, population: p.population) })
    case .snes:
      return MethodEntry(
        family: .zerothOrder, summary: "separable NES", paper: "Schaul et al. 2011; Wierstra et al. 2014",
        verification: "code (evosax)",
        options: [
          Option(.sigma, .number(\.searchSigma, positive), "initial σ", default: .populationSigma),
          Option(.population, .whole(\.population, 2...100_000), "candidates per generation", default: .value(6)),
        ],
        build: { p in .snes(sigma: p.searchSigma, population: p.population) })
    case .sepCMAES:
      return MethodEntry(
        family: .zerothOrder, summary: "separable CMA-ES", paper: "Ros & Hansen 2008", verification: "code (cmaes)",
        options: [
          Option(.sigma, .number(\.searchSigma, positive), "initial step size σ", default: .populationSigma),
          Option(.population, .whole(\.population, 4...100_000), "candidates per generation", default: .value(6)),
        ],
        build: { p in .sepCMAES(sigma: p.searchSigma, population: p.population) })
    case .custom:
      return customEntry
    }
  }
}
