/// The catalogue of presets: for each, its options and a builder from option values.
extension MethodCatalog {
  typealias Option = MethodOption
  static let nonNegative = 0.0...Double.greatestFiniteMagnitude
  static let positive = Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude
  static let unit = 0.0...1.0

  /// Options every gradient method takes: learning rate and schedule, base optimizer, weight decay.
  static let baseOptions: [Option] = [
    Option("lr", .number(positive), "learning rate η") { .number($0.learningRate) },
    Option("base", .choice(["sgd", "momentum", "nesterov", "adam"]), "base optimizer") { _ in .choice("sgd") },
    Option("mu", .number(0...0.999_999), "momentum μ (base=momentum|nesterov)") { .number($0.momentum) },
    Option("wd", .number(nonNegative), "weight decay λ") { _ in .number(0) },
    Option("wd-mode", .choice(Penalty.WeightDecayMode.allCases.map(\.rawValue)), "where weight decay acts") { _ in
      .choice("coupled")
    },
    Option("schedule", .choice(["constant", "step", "cosine", "warmup-cosine"]), "learning-rate schedule") { _ in
      .choice("constant")
    },
    Option("lr-final", .number(nonNegative), "final η of cosine schedules") { _ in .number(0) },
    Option("lr-every", .whole(1...10_000_000), "steps between step-schedule decays") { _ in .number(100) },
    Option("lr-factor", .number(0...1), "step-schedule decay factor") { _ in .number(0.5) },
    Option("warmup", .whole(0...10_000_000), "warm-up steps") { _ in .number(10) },
  ]

  /// Options of methods with a radius: ρ and its schedule (ALGORITHMS.md A4).
  static func radiusOptions(default schedule: String = "constant", symbol: String = "rho") -> [Option] {
    [
      Option(symbol, .number(nonNegative), symbol == "gamma" ? "radius γ" : "radius ρ") { .number($0.rho) },
      Option(
        "radius",
        .choice(["constant", "linear", "cosine", "lr-proportional", "grad-scaled", "target-sharpness"]),
        "radius schedule"
      ) { _ in .choice(schedule) },
      Option("rho-final", .number(nonNegative), "final ρ of linear/cosine radius schedules") { _ in .number(0) },
      Option("kappa", .number(positive), "κ of grad-scaled and target-sharpness") { _ in .number(1) },
      Option("target", .number(positive), "target sharpness τ") { _ in .number(0.01) },
      Option("rho-min", .number(nonNegative), "lower bound of ρ (target-sharpness; ρ_min of lr-proportional)") {
        .number(schedule == "lr-proportional" ? $0.rho : 1e-4)
      },
      Option("rho-max", .number(positive), "upper bound of ρ (target-sharpness)") { _ in .number(1) },
    ]
  }

  /// SSAM's mask options, shared by both variants.
  static let sparsityOptions: [Option] = [
    Option("sparsity", .number(unit), "s, fraction of coordinates not perturbed") { _ in .number(0.5) },
    Option("every", .whole(1...10_000_000), "steps between mask refreshes") { _ in .number(10) },
  ]

  public static let entries: [Entry] = presetEntries + [customEntry]

  static let presetEntries: [Entry] = [
    Entry(
      name: "sgd", family: .base, summary: "gradient descent", paper: "—", verification: "exact",
      options: baseOptions, build: { v in layered(.sgd(learningRate: v.number("lr")), v) }),
    Entry(
      name: "momentum", family: .base, summary: "heavy-ball momentum (PyTorch buffer)", paper: "Polyak 1964",
      verification: "code", options: baseOptions.filter { $0.key != "base" },
      build: { v in layered(.momentum(learningRate: v.number("lr"), momentum: v.number("mu")), v, base: "momentum") }),
    Entry(
      name: "nesterov", family: .base, summary: "Nesterov momentum (PyTorch)", paper: "Sutskever et al. 2013",
      verification: "code", options: baseOptions.filter { $0.key != "base" },
      build: { v in
        layered(.momentum(learningRate: v.number("lr"), momentum: v.number("mu"), nesterov: true), v, base: "nesterov")
      }),
    Entry(
      name: "adam", family: .base, summary: "Adam, β₁ 0.9, β₂ 0.999, ε 1e-8", paper: "Kingma & Ba 2015 (1412.6980)",
      verification: "code", options: baseOptions.filter { !["base", "mu"].contains($0.key) },
      build: { v in layered(.adam(learningRate: v.number("lr")), v, base: "adam") }),
    Entry(
      name: "sam", family: .worstCase, summary: "SAM, p = 2", paper: "Foret et al. 2021 (2010.01412)",
      verification: "code", options: radiusOptions() + baseOptions,
      build: { v in layered(.sam(learningRate: v.number("lr"), rho: v.number("rho")), v) }),
    Entry(
      name: "sam-inf", family: .worstCase, summary: "SAM, p = ∞: e = ρ·sign(g)",
      paper: "Foret et al. 2021 (2010.01412)",
      verification: "paper", options: radiusOptions() + baseOptions,
      build: { v in layered(.samInfinity(learningRate: v.number("lr"), rho: v.number("rho")), v) }),
    Entry(
      name: "asam", family: .worstCase, summary: "adaptive SAM, T = |w| + η", paper: "Kwon et al. 2021 (2102.11600)",
      verification: "code",
      options: radiusOptions() + [
        Option("eta", .number(nonNegative), "η of T = |w| + η") { _ in .number(0.01) },
        Option("form", .choice(["asam", "davda54"]), "asam: T²g/(‖Tg‖+1e-16); davda54: w²g/(‖|w|g‖+1e-12)") { _ in
          .choice("asam")
        },
      ] + baseOptions,
      build: { v in
        layered(
          .asam(
            learningRate: v.number("lr"), rho: v.number("rho"), eta: v.number("eta"),
            davda54: v.choice("form") == "davda54"), v)
      }),
    Entry(
      name: "fisher-sam", family: .worstCase, summary: "Fisher ellipse, f = 1 + ηg²",
      paper: "Kim et al. 2022 (2206.04920)",
      verification: "code-unofficial",
      options: radiusOptions(symbol: "gamma") + [
        Option("eta", .number(nonNegative), "η of f = 1 + η·g²") { _ in .number(1) }
      ] + baseOptions,
      build: { v in
        layered(.fisherSAM(learningRate: v.number("lr"), gamma: v.number("gamma"), eta: v.number("eta")), v)
      }),
    Entry(
      name: "gsam", family: .directions, summary: "surrogate-gap SAM, ρ ∝ lr", paper: "Zhuang et al. 2022 (2203.08065)",
      verification: "code",
      options: radiusOptions(default: "lr-proportional") + [
        Option("alpha", .number(-1e6...1e6), "α, weight of the orthogonal component") { .number($0.alpha) },
        Option("minimize-fp", .flag, "false: decompose g̃ against g instead") { _ in .flag(true) },
      ] + baseOptions,
      build: { v in
        layered(
          .gsam(
            learningRate: v.number("lr"), rho: v.number("rho"), alpha: v.number("alpha"),
            rhoMin: v.number("rho-min"), minimizeFp: v.flag("minimize-fp")), v, radiusDefault: "lr-proportional")
      }),
    Entry(
      name: "vasso", family: .directions, summary: "variance-suppressed: EMA ascent",
      paper: "Li & Giannakis 2023 (2309.15639)",
      verification: "code",
      options: radiusOptions() + [Option("theta", .number(unit), "θ, weight of the new gradient") { _ in .number(0.9) }]
        + baseOptions,
      build: { v in layered(.vasso(learningRate: v.number("lr"), rho: v.number("rho"), theta: v.number("theta")), v) }),
    Entry(
      name: "fsam", family: .directions, summary: "friendly SAM: ascent g − σm", paper: "Li et al. 2024 (2403.12350)",
      verification: "code",
      options: radiusOptions() + [
        Option("sigma", .number(-1e6...1e6), "σ, weight of the removed average") { _ in .number(1) },
        Option("lambda", .number(unit), "λ, EMA decay") { _ in .number(0.6) },
      ] + baseOptions,
      build: { v in
        layered(
          .friendlySAM(
            learningRate: v.number("lr"), rho: v.number("rho"), sigma: v.number("sigma"),
            lambda: v.number("lambda")), v)
      }),
    Entry(
      name: "ssam-f", family: .efficient, summary: "sparse SAM, Fisher mask", paper: "Mi et al. 2022 (2210.05177)",
      verification: "code (2D adaptation)",
      options: radiusOptions() + sparsityOptions + baseOptions,
      build: { v in
        layered(
          .sparseFisherSAM(
            learningRate: v.number("lr"), rho: v.number("rho"), sparsity: v.number("sparsity"),
            every: v.whole("every")), v)
      }),
    Entry(
      name: "ssam-d", family: .efficient, summary: "sparse SAM, dynamic mask", paper: "Mi et al. 2022 (2210.05177)",
      verification: "code (2D adaptation)",
      options: radiusOptions() + sparsityOptions + [
        Option("drop-rate", .number(unit), "initial death rate") { _ in .number(0.5) }
      ] + baseOptions,
      build: { v in
        layered(
          .sparseDynamicSAM(
            learningRate: v.number("lr"), rho: v.number("rho"), sparsity: v.number("sparsity"),
            every: v.whole("every"), dropRate: v.number("drop-rate")), v)
      }),
    Entry(
      name: "esam", family: .efficient, summary: "efficient SAM: random selection, radius ρ/β",
      paper: "Du et al. 2022 (2110.03141)", verification: "code",
      options: radiusOptions() + [
        Option("beta", .number(Double.leastNonzeroMagnitude...1), "β, probability of keeping a tensor/coordinate") {
          _ in .number(0.5)
        },
        Option("mode", .choice(["tensor", "coordinate"]), "selection per tensor (faithful) or per coordinate") { _ in
          .choice("tensor")
        },
      ] + baseOptions,
      build: { v in
        layered(
          .efficientSAM(
            learningRate: v.number("lr"), rho: v.number("rho"), beta: v.number("beta"),
            mode: v.choice("mode") == "tensor" ? .tensor : .coordinate), v)
      }),
    Entry(
      name: "looksam", family: .efficient, summary: "SAM every k steps, reuse in between",
      paper: "Liu et al. 2022 (2203.02714)", verification: "code-unofficial",
      options: radiusOptions() + [
        Option("k", .whole(1...1_000_000), "SAM step every k steps") { _ in .number(5) },
        Option("alpha", .number(-1e6...1e6), "α, weight of the reused component") { _ in .number(0.7) },
      ] + baseOptions,
      build: { v in
        layered(
          .lookSAM(learningRate: v.number("lr"), rho: v.number("rho"), k: v.whole("k"), alpha: v.number("alpha")), v)
      }),
    Entry(
      name: "rst", family: .efficient, summary: "randomized SAM/SGD mixing", paper: "Zhao et al. 2023 (2203.09962)",
      verification: "paper",
      options: radiusOptions() + [Option("p", .number(unit), "probability of a SAM step") { _ in .number(0.5) }]
        + baseOptions,
      build: { v in layered(.randomizedSAM(learningRate: v.number("lr"), rho: v.number("rho"), p: v.number("p")), v) }),
    Entry(
      name: "random-sam", family: .variational, summary: "Gaussian perturbation, fixed σ (VI mean only)",
      paper: "Ujváry et al. 2022 (2210.10452)", verification: "unverified",
      options: [
        Option("sigma", .pair(nonNegative), "fixed σ as SX,SY") { .pair(Vec2($0.rho, $0.rho)) },
        Option("samples", .whole(1...10_000), "Monte-Carlo samples per step") { _ in .number(1) },
      ] + baseOptions,
      build: { v in
        layered(.randomSAM(learningRate: v.number("lr"), sigma: v.pair("sigma"), samples: v.whole("samples")), v)
      }),
    Entry(
      name: "mfvi", family: .variational, summary: "mean-field VI: learned σ, KL prior",
      paper: "Ujváry et al. 2022 (2210.10452)", verification: "unverified",
      options: [
        Option("sigma", .pair(positive), "initial σ as SX,SY") { .pair(Vec2($0.rho, $0.rho)) },
        Option("kl", .number(nonNegative), "KL weight β") { _ in .number(0.01) },
        Option("prior", .number(positive), "prior standard deviation s₀") { _ in .number(1) },
        Option("samples", .whole(1...10_000), "Monte-Carlo samples per step") { _ in .number(1) },
      ] + baseOptions,
      build: { v in
        layered(
          .mfvi(
            learningRate: v.number("lr"), sigma: v.pair("sigma"), klWeight: v.number("kl"),
            priorSigma: v.number("prior"), samples: v.whole("samples")), v)
      }),
    Entry(
      name: "vsam", family: .variational, summary: "variational SAM: worst case in ‖e/σ‖ ≤ ρ",
      paper: "Ujváry et al. 2022 (2210.10452); the thesis", verification: "unverified",
      options: radiusOptions() + [
        Option("sigma", .pair(nonNegative), "σ as SX,SY (fixed, or the start when learned)") { .pair($0.sigma) },
        Option("learn", .flag, "learn σ under the KL prior") { _ in .flag(false) },
        Option("kl", .number(nonNegative), "KL weight β (learned σ)") { _ in .number(0.01) },
        Option("prior", .number(positive), "prior standard deviation s₀ (learned σ)") { _ in .number(1) },
      ] + baseOptions,
      build: { v in
        layered(
          .vsam(
            learningRate: v.number("lr"), rho: v.number("rho"), sigma: v.pair("sigma"), learned: v.flag("learn"),
            klWeight: v.number("kl"), priorSigma: v.number("prior")), v)
      }),
    Entry(
      name: "es", family: .zerothOrder, summary: "OpenAI-ES, antithetic, centred ranks",
      paper: "Salimans et al. 2017 (1703.03864)", verification: "code (evosax)",
      options: [
        // The rank-based estimate has size O(1/σ) whatever the landscape's gradient scale, so the
        // gradient methods' η does not carry over; 0.05 is in ALGORITHMS.md 14.1's range for 2D.
        Option("lr", .number(positive), "learning rate η of the estimate") { _ in .number(0.05) },
        Option("sigma", .number(positive), "noise scale σ") { .number($0.populationSigma) },
        Option("population", .whole(2...100_000), "candidates per generation (even)") { _ in .number(16) },
      ],
      build: { v in
        .evolutionStrategy(learningRate: v.number("lr"), sigma: v.number("sigma"), population: v.whole("population"))
      }),
    Entry(
      name: "snes", family: .zerothOrder, summary: "separable NES", paper: "Schaul et al. 2011; Wierstra et al. 2014",
      verification: "code (evosax)",
      options: [
        Option("sigma", .number(positive), "initial σ") { .number($0.populationSigma) },
        Option("population", .whole(2...100_000), "candidates per generation") { _ in .number(6) },
      ],
      build: { v in .snes(sigma: v.number("sigma"), population: v.whole("population")) }),
    Entry(
      name: "sep-cma-es", family: .zerothOrder, summary: "separable CMA-ES", paper: "Ros & Hansen 2008",
      verification: "code (cmaes)",
      options: [
        Option("sigma", .number(positive), "initial step size σ") { .number($0.populationSigma) },
        Option("population", .whole(4...100_000), "candidates per generation") { _ in .number(6) },
      ],
      build: { v in .sepCMAES(sigma: v.number("sigma"), population: v.whole("population")) }),
  ]

  /// Applies the common options (base optimizer, weight decay, schedules, radius schedule) to a preset
  /// and adds the ones that differ from the defaults to its legend.
  static func layered(
    _ method: Method, _ v: MethodValues, base defaultBase: String = "sgd", radiusDefault: String = "constant"
  ) -> Method {
    guard case .gradient(var rule) = method.rule else { return method }
    var out = method
    var extra: [Method.Hyperparameter] = []
    if v.has("base") {
      switch v.choice("base") {
      case "momentum": rule.base = .momentum(v.number("mu"), nesterov: false)
      case "nesterov": rule.base = .momentum(v.number("mu"), nesterov: true)
      case "adam": rule.base = .standardAdam
      default: rule.base = .sgd
      }
      if v.choice("base") != defaultBase {
        extra.append(.init("base", v.choice("base")))
        if v.choice("base") == "momentum" || v.choice("base") == "nesterov" {
          extra.append(.init("μ", formatShort(v.number("mu"))))
        }
      }
    }
    if v.number("wd") != 0 {
      rule.penalty.weightDecay = v.number("wd")
      rule.penalty.mode = Penalty.WeightDecayMode(rawValue: v.choice("wd-mode")) ?? .coupled
      extra.append(.init("λ", "\(formatShort(v.number("wd"))) (\(v.choice("wd-mode")))"))
    }
    switch v.choice("schedule") {
    case "step": rule.schedule = .step(every: v.whole("lr-every"), factor: v.number("lr-factor"))
    case "cosine": rule.schedule = .cosine(final: v.number("lr-final"))
    case "warmup-cosine": rule.schedule = .warmupCosine(warmup: v.whole("warmup"), final: v.number("lr-final"))
    default: rule.schedule = .constant
    }
    if rule.schedule != .constant { extra.append(.init("η sched.", rule.schedule.label)) }
    if v.has("radius") {
      switch v.choice("radius") {
      case "linear": rule.radius = .linear(final: v.number("rho-final"))
      case "cosine": rule.radius = .cosine(final: v.number("rho-final"))
      case "lr-proportional": rule.radius = .learningRateProportional(minimum: v.number("rho-min"))
      case "grad-scaled": rule.radius = .gradientScaled(kappa: v.number("kappa"))
      case "target-sharpness":
        rule.radius = .targetSharpness(
          target: v.number("target"), kappa: v.number("kappa"), minimum: v.number("rho-min"),
          maximum: v.number("rho-max"))
      default: rule.radius = .constant
      }
      if v.choice("radius") != radiusDefault { extra.append(.init("ρ sched.", rule.radius.label)) }
    }
    out.rule = .gradient(rule)
    out.hyperparameters += extra
    return out
  }
}
