/// The named presets of ALGORITHMS.md A3, each a point in the framework's space. Every preset
/// here uses plain SGD as its base; `MethodCatalog` layers base optimizer, weight decay and
/// schedules on top from the command line.
extension Method {
  static func gradientMethod(
    _ name: String, _ display: String, _ rule: GradientRule, _ legend: [(String, Double)]
  ) -> Method {
    Method(
      name: name, displayName: display, rule: .gradient(rule),
      hyperparameters: legend.map { Hyperparameter($0.0, formatShort($0.1)) })
  }

  /// SAM's parts with the given ones replaced: every worst-case preset is SAM with some parts swapped.
  private static func worstCase(
    rho: Double, lr: Double, norm: Perturbation.Norm = .l2, covariance: Covariance = .isotropic,
    when: PerturbationSchedule = .everyStep, direction: AscentDirection = .gradient, mask: PerturbationMask = .all,
    combination: DescentCombination = .plain, epsilon: Double = 1e-12, kl: Penalty.KLPrior? = nil
  ) -> GradientRule {
    GradientRule(
      perturbation: .worstCase(norm: norm), covariance: covariance, penalty: Penalty(kl: kl), when: when,
      direction: direction, mask: mask, combination: combination, rho: rho, epsilon: epsilon, learningRate: lr)
  }

  /// Plain gradient descent, `w ← w − η·g`.
  public static func sgd(learningRate lr: Double) -> Method {
    gradientMethod("sgd", "SGD", GradientRule(learningRate: lr), [("η", lr)])
  }

  /// Heavy-ball (or Nesterov) momentum with PyTorch semantics (ALGORITHMS.md 0.1).
  public static func momentum(learningRate lr: Double, momentum mu: Double = 0.9, nesterov: Bool = false) -> Method {
    gradientMethod(
      nesterov ? "nesterov" : "momentum", nesterov ? "Nesterov" : "Momentum",
      GradientRule(base: .momentum(mu, nesterov: nesterov), learningRate: lr), [("η", lr), ("μ", mu)])
  }

  /// Adam (β₁ 0.9, β₂ 0.999, ε 1e-8, bias-corrected).
  public static func adam(learningRate lr: Double) -> Method {
    gradientMethod("adam", "Adam", GradientRule(base: .standardAdam, learningRate: lr), [("η", lr)])
  }

  /// SAM, p = 2 (Foret et al. 2021): `e = ρ·g/(‖g‖ + 1e-12)`, descend on `g(w + e)`.
  /// The 1e-12 epsilon is davda54/sam's; at `g = 0` the perturbation is 0. `[code]`
  public static func sam(learningRate lr: Double, rho: Double) -> Method {
    gradientMethod("sam", "SAM", worstCase(rho: rho, lr: lr), [("ρ", rho), ("η", lr)])
  }

  /// SAM with p = ∞: `e = ρ·sign(g)`, every coordinate moved by ±ρ. `[paper]`: no official code
  /// implements it; it is the paper's dual-norm formula.
  public static func samInfinity(learningRate lr: Double, rho: Double) -> Method {
    gradientMethod("sam-inf", "SAM-∞", worstCase(rho: rho, lr: lr, norm: .lInfinity), [("ρ", rho), ("η", lr)])
  }

  /// ASAM (Kwon et al. 2021, SamsungLabs/ASAM): `e = ρ·T²g/(‖Tg‖ + 1e-16)`, `T = |w| + η`. `[code]`
  /// `davda54` selects davda54/sam's `adaptive=True` form `ρ·w²g/(‖|w|g‖ + 1e-12)` (η = 0).
  public static func asam(learningRate lr: Double, rho: Double, eta: Double = 0.01, davda54: Bool = false) -> Method {
    let rule = worstCase(
      rho: rho, lr: lr, covariance: .weightAdaptive(eta: davda54 ? 0 : eta), epsilon: davda54 ? 1e-12 : 1e-16)
    return gradientMethod(
      "asam", davda54 ? "ASAM (davda54 form)" : "ASAM", rule,
      davda54 ? [("ρ", rho), ("η", lr)] : [("ρ", rho), ("η_T", eta), ("η", lr)])
  }

  /// Fisher SAM (Kim et al. 2022): `e = γ·(g/f)/(sqrt(Σg²/f) + 1e-12)`, `f = 1 + η_F·g²`.
  /// `[code-unofficial]`: no official code; formula and defaults from a third-party implementation.
  public static func fisherSAM(learningRate lr: Double, gamma: Double, eta: Double = 1) -> Method {
    gradientMethod(
      "fisher-sam", "Fisher SAM", worstCase(rho: gamma, lr: lr, covariance: .fisher(eta: eta)),
      [("γ", gamma), ("η_F", eta), ("η", lr)])
  }

  /// GSAM (Zhuang et al. 2022): SAM's perturbation (ε 1e-12) with ρ tied to the learning rate
  /// (ρ from `rhoMin` to `rho` as η goes from its minimum to its maximum; `rho` when η is constant),
  /// then `d = g_p − α·g_⊥`, or with `minimizeFp = false`, `d = g + α·(g_p)_⊥`. `[code]`
  /// `adaptive` is the PyTorch code's `adaptive=True` (juntang-zhuang/GSAM `perturb_weights`, the
  /// default of its CIFAR script): `e = ρ·w²⊙g/(‖|w|⊙g‖ + 1e-12)`, ASAM's region with η = 0;
  /// the decomposition stays unweighted, as there.
  public static func gsam(
    learningRate lr: Double, rho: Double, alpha: Double, rhoMin: Double? = nil, minimizeFp: Bool = true,
    adaptive: Bool = false
  ) -> Method {
    var rule = worstCase(
      rho: rho, lr: lr, covariance: adaptive ? .weightAdaptive(eta: 0) : .isotropic,
      combination: .gsam(alpha: alpha, minimizeFp: minimizeFp))
    rule.radius = .learningRateProportional(minimum: rhoMin ?? rho)
    var legend = [("ρ", rho), ("α", alpha), ("η", lr)]
    if let rhoMin, rhoMin != rho { legend.insert(("ρ_min", rhoMin), at: 1) }
    let display = (minimizeFp ? "GSAM" : "GSAM (minimize_fp = false)") + (adaptive ? ", adaptive" : "")
    var method = gradientMethod("gsam", display, rule, legend)
    method.name = "gsam"
    return method
  }

  /// VaSSO (Li & Giannakis 2023): ascend along the EMA `d ← (1−θ)d + θg`, ε 1e-7. θ = 1 is SAM. `[code]`
  public static func vasso(learningRate lr: Double, rho: Double, theta: Double = 0.9) -> Method {
    gradientMethod(
      "vasso", "VaSSO", worstCase(rho: rho, lr: lr, direction: .vasso(theta: theta), epsilon: 1e-7),
      [("ρ", rho), ("θ", theta), ("η", lr)])
  }

  /// F-SAM (Li et al. 2024): ascend along `g − σ·m`, `m ← λm + (1−λ)g` afterwards, ε 1e-12. `[code]`
  public static func friendlySAM(learningRate lr: Double, rho: Double, sigma: Double = 1, lambda: Double = 0.6)
    -> Method
  {
    gradientMethod(
      "fsam", "F-SAM", worstCase(rho: rho, lr: lr, direction: .friendly(sigma: sigma, lambda: lambda)),
      [("ρ", rho), ("σ", sigma), ("λ", lambda), ("η", lr)])
  }

  /// SSAM-F (Mi et al. 2022): perturb only the top `⌊(1−s)·2⌋` coordinates by squared gradient,
  /// mask refreshed every `every` steps; ε 1e-7. `[code]`, adapted to 2D (see `SparseMask`).
  public static func sparseFisherSAM(
    learningRate lr: Double, rho: Double, sparsity: Double = 0.5, every: Int = 10,
    timing: PerturbationMask.FisherTiming = .official
  ) -> Method {
    gradientMethod(
      "ssam-f", "SSAM-F",
      worstCase(rho: rho, lr: lr, mask: .sparseFisher(sparsity: sparsity, every: every, timing: timing), epsilon: 1e-7),
      [("ρ", rho), ("s", sparsity), ("η", lr)])
  }

  /// SSAM-D (Mi et al. 2022): a random mask whose weakest live coordinates die and regrow.
  /// `[code]`, adapted to 2D (see `SparseMask`).
  public static func sparseDynamicSAM(
    learningRate lr: Double, rho: Double, sparsity: Double = 0.5, every: Int = 10, dropRate: Double = 0.5
  ) -> Method {
    gradientMethod(
      "ssam-d", "SSAM-D",
      worstCase(
        rho: rho, lr: lr, mask: .sparseDynamic(sparsity: sparsity, every: every, dropRate: dropRate),
        epsilon: 1e-7),
      [("ρ", rho), ("s", sparsity), ("η", lr)])
  }

  /// ESAM's stochastic weight perturbation (Du et al. 2022): after step 0, the perturbation is kept
  /// with probability β (per tensor or per coordinate) and scaled to `ρ/β`; ε 1e-7. `[code]`.
  /// SDS (data selection) needs per-sample losses and does not apply to an analytic landscape.
  public static func efficientSAM(
    learningRate lr: Double, rho: Double, beta: Double = 0.5, mode: PerturbationMask.SelectionMode = .tensor
  ) -> Method {
    gradientMethod(
      "esam", mode == .tensor ? "ESAM" : "ESAM (per coordinate)",
      worstCase(rho: rho, lr: lr, mask: .efficient(beta: beta, mode: mode), epsilon: 1e-7),
      [("ρ", rho), ("β", beta), ("η", lr)])
  }

  /// LookSAM (Liu et al. 2022): a SAM step every k steps, the stored orthogonal part reused in
  /// between. `[code-unofficial]`: defaults k = 5, α = 0.7 and the epsilon come from reimplementations.
  public static func lookSAM(learningRate lr: Double, rho: Double, k: Int = 5, alpha: Double = 0.7) -> Method {
    gradientMethod(
      "looksam", "LookSAM", worstCase(rho: rho, lr: lr, when: .periodic(every: k), combination: .lookSAM(alpha: alpha)),
      [("ρ", rho), ("k", Double(k)), ("α", alpha), ("η", lr)])
  }

  /// RST (Zhao et al. 2023): a SAM step with probability p, else an SGD step. `[paper]`.
  public static func randomizedSAM(learningRate lr: Double, rho: Double, p: Double = 0.5) -> Method {
    gradientMethod(
      "rst", "RST", worstCase(rho: rho, lr: lr, when: .random(probability: p)), [("ρ", rho), ("p", p), ("η", lr)])
  }

  /// Random SAM in the variational sense (Ujváry et al. 2022; zsiga007/Rethinking-SAM
  /// `RandomSAM`): `μ ← base(μ, g(μ + σ⊙ξ) + 2β·μ/s₀²)`, `ξ ~ N(0, I)`, σ fixed. `[code]`
  /// β = 0 is pure Gaussian smoothing. Not Liu et al.'s R-SAM, which smooths before a SAM ascent.
  public static func randomSAM(
    learningRate lr: Double, sigma: Vec2, samples: Int = 1, klWeight: Double = 0.01, priorSigma: Double = 10
  ) -> Method {
    let rule = GradientRule(
      perturbation: .gaussian(samples: samples), covariance: .diagonal(sigma),
      penalty: Penalty(kl: klWeight == 0 ? nil : .meanField(weight: klWeight, priorSigma: priorSigma)),
      learningRate: lr)
    var method = gradientMethod("random-sam", "Random SAM", rule, [("η", lr)])
    method.hyperparameters.insert(.init("σ", pairText(sigma)), at: 0)
    if klWeight != 0 { method.hyperparameters.insert(.init("β", formatShort(klWeight)), at: 1) }
    return method
  }

  /// MFVI with a learned diagonal σ under a Gaussian prior N(0, s₀²I) weighted by β (Ujváry et al.
  /// 2022; zsiga007/Rethinking-SAM `MFVI`). `[code]` with the release's entropy sign fixed;
  /// `form` chooses the release as it is or the exact-KL reconstruction.
  public static func mfvi(
    learningRate lr: Double, sigma: Vec2, klWeight: Double = 0.01, priorSigma: Double = 10, samples: Int = 1,
    sigmaLearningRate: Double = 0.01, form: VariationalForm = .released
  ) -> Method {
    let (kl, learning) = form.parts(
      worstCase: false, learned: true, klWeight: klWeight, priorSigma: priorSigma,
      sigmaLearningRate: sigmaLearningRate)
    let rule = GradientRule(
      perturbation: .gaussian(samples: samples), covariance: .learnedDiagonal(initial: sigma, learning: learning),
      penalty: Penalty(kl: kl), learningRate: lr)
    let display: String
    switch form {
    case .released: display = "MFVI"
    case .asReleased: display = "MFVI (as released)"
    case .exactKL: display = "MFVI (exact KL)"
    }
    var method = gradientMethod("mfvi", display, rule, [("β", klWeight), ("η", lr)])
    method.hyperparameters.insert(.init("σ₀", pairText(sigma)), at: 0)
    return method
  }

  /// Variational SAM (the thesis's method; Ujváry et al. 2022, zsiga007/Rethinking-SAM `VSAM`): the
  /// worst case in the ellipse `‖e/σ‖ ≤ ρ`, `e = ρ·σ²⊙g/(‖σ⊙g‖ + 1e-12)`. σ fixed says how much
  /// tolerance each parameter gets (`σ = (c, c)` is SAM with radius `cρ`, up to the epsilon);
  /// `learned` moves σ as released: M = 1/σ descends `ρ‖g/M‖ + β·Σ(M⁻²/(2s₀²) + log M)` with the
  /// clean gradient at its own rate, and the mean has no prior term. `[code]`
  public static func vsam(
    learningRate lr: Double, rho: Double, sigma: Vec2, learned: Bool = false, klWeight: Double = 0.01,
    priorSigma: Double = 1, sigmaLearningRate: Double = 0.01, form: VariationalForm = .released
  ) -> Method {
    let (kl, learning) = form.parts(
      worstCase: true, learned: true, klWeight: klWeight, priorSigma: priorSigma,
      sigmaLearningRate: sigmaLearningRate)
    let covariance: Covariance = learned ? .learnedDiagonal(initial: sigma, learning: learning) : .diagonal(sigma)
    let display = learned ? (form == .exactKL ? "VSAM (learned σ, exact KL)" : "VSAM (learned σ)") : "VSAM"
    var method = gradientMethod(
      "vsam", display, worstCase(rho: rho, lr: lr, covariance: covariance, kl: learned ? kl : nil),
      learned ? [("ρ", rho), ("β", klWeight), ("η", lr)] : [("ρ", rho), ("η", lr)])
    method.hyperparameters.insert(.init(learned ? "σ₀" : "σ", pairText(sigma)), at: 1)
    return method
  }

  /// MixSAM (zsiga007/Rethinking-SAM `MixSAM`): SAM's ascent with Gaussian noise mixed in,
  /// `e = ρ·a/‖a‖`, `a = √2·ĝ + κ·ξ`, and the released mean prior `2β·μ/s₀²`. `[code]`
  public static func mixSAM(
    learningRate lr: Double, rho: Double, kappa: Double = 1, klWeight: Double = 0.01, priorSigma: Double = 10
  ) -> Method {
    let kl: Penalty.KLPrior? = klWeight == 0 ? nil : .meanField(weight: klWeight, priorSigma: priorSigma)
    let rule = worstCase(rho: rho, lr: lr, direction: .mixed(kappa: kappa), kl: kl)
    var legend = [("ρ", rho), ("κ", kappa), ("η", lr)]
    if klWeight != 0 { legend.insert(("β", klWeight), at: 2) }
    return gradientMethod("mixsam", "MixSAM", rule, legend)
  }

  /// OpenAI-ES (evosax `Open_ES`): antithetic sampling, centred ranks, SGD on the estimate. `[code]`
  public static func evolutionStrategy(learningRate lr: Double, sigma: Double, population: Int = 16) -> Method {
    Method(
      name: "es", displayName: "OpenAI-ES",
      rule: .population(.openES(population: population, sigma: sigma, base: .sgd, learningRate: lr)),
      hyperparameters: [.init("σ", formatShort(sigma)), .init("n", "\(population)"), .init("η", formatShort(lr))])
  }

  /// Separable NES (evosax `SNES`), λ = 6 for d = 2 by default. `[code]`
  public static func snes(sigma: Double, population: Int = 6) -> Method {
    Method(
      name: "snes", displayName: "SNES", rule: .population(.snes(population: population, sigma: sigma)),
      hyperparameters: [.init("σ₀", formatShort(sigma)), .init("λ", "\(population)")])
  }

  /// sep-CMA-ES (Ros & Hansen 2008), constants of CyberAgentAILab `cmaes`. `[code]`
  public static func sepCMAES(sigma: Double, population: Int = 6) -> Method {
    Method(
      name: "sep-cma-es", displayName: "sep-CMA-ES", rule: .population(.sepCMA(population: population, sigma: sigma)),
      hyperparameters: [.init("σ₀", formatShort(sigma)), .init("λ", "\(population)")])
  }
}

func pairText(_ v: Vec2) -> String { "(\(formatShort(v.x)), \(formatShort(v.y)))" }
