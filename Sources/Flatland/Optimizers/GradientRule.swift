import Foundation

/// A gradient-based method as a point in the space of ALGORITHMS.md A3: perturbation × covariance ×
/// penalty × gradient combination × radius schedule × base optimizer (with its learning-rate
/// schedule). Every preset of the SAM family is one value of this struct, so there is one step
/// function for all of them and the special cases ("GSAM with α = 0 is SAM") hold by construction.
public struct GradientRule: Sendable, Equatable {
  public var perturbation: Perturbation
  public var covariance: Covariance
  public var penalty: Penalty
  public var combination: GradientCombination
  /// The radius ρ at step 0 (γ for Fisher SAM; the ρ of `ρ·σ` for variational SAM).
  public var rho: Double
  public var radius: RadiusSchedule
  /// The normalisation epsilon of the method's official code (1e-12 davda54/GSAM, 1e-7 VaSSO,
  /// SSAM, ESAM, 1e-16 ASAM).
  public var epsilon: Double
  public var base: BaseOptimizer
  public var learningRate: Double
  public var schedule: LearningRateSchedule

  public init(
    perturbation: Perturbation = .none, covariance: Covariance = .isotropic, penalty: Penalty = .none,
    combination: GradientCombination = .plain, rho: Double = 0, radius: RadiusSchedule = .constant,
    epsilon: Double = 1e-12, base: BaseOptimizer = .sgd, learningRate: Double,
    schedule: LearningRateSchedule = .constant
  ) {
    self.perturbation = perturbation
    self.covariance = covariance
    self.penalty = penalty
    self.combination = combination
    self.rho = rho
    self.radius = radius
    self.epsilon = epsilon
    self.base = base
    self.learningRate = learningRate
    self.schedule = schedule
  }

  /// Everything the rule carries between steps.
  public struct State: Sendable, Equatable {
    public var base = BaseOptimizer.State()
    /// The current radius (adapted by `targetSharpness`).
    public var rho: Double?
    /// Learned σ = softplus(s), and the base optimizer's state for `s`.
    public var sigmaParameter: Vec2?
    public var sigmaBase = BaseOptimizer.State()
    /// VaSSO's / F-SAM's gradient EMA.
    public var average: Vec2?
    /// LookSAM's stored orthogonal component `g_v`.
    public var orthogonal: Vec2 = .zero
    /// SSAM's mask (1 = perturbed coordinate).
    public var mask: Vec2?
    public init() {}

    /// The learned σ, if the rule learns one.
    public var sigma: Vec2? { sigmaParameter.map { Vec2(softplus($0.x), softplus($0.y)) } }
  }

  /// One step of the common SAM-type shape (ALGORITHMS.md section 0): the batch is drawn, `g = g(w)`,
  /// `e` is built from it, `g̃ = g(w + e)` under the same batch, the combination rule gives `d`, and
  /// the base optimizer moves the unperturbed `w` (kept as is, never rebuilt by subtracting `e`).
  ///
  /// Random draws within a step, in order: the oracle's noise pair; at step 0 SSAM-D's initial mask
  /// (one uniform); RST's uniform; ESAM's selection uniforms (one per step, or x then y); SSAM-D's
  /// regrowth uniforms; the Gaussian samples `ξ` (one pair per sample).
  func step<L: Landscape, R: RandomNumberGeneratorWithGaussian>(
    _ w: inout Vec2, step t: Int, of total: Int, state: inout State, oracle: inout Oracle<L>, rng: inout R
  ) -> StepRecord {
    let start = w
    let startGradients = oracle.gradientEvaluations
    let startFunctions = oracle.functionEvaluations
    oracle.beginStep(at: w, &rng)
    let lr = schedule.rate(base: learningRate, step: t, total: total)
    let inLoss = penalty.mode == .inLoss ? penalty.weightDecay : 0
    if t == 0 { initialize(&state, rng: &rng) }
    let sigma = state.sigma

    var perturbs = perturbation != .none
    var reuseWeight: Double?  // LookSAM between refreshes: α of the reused orthogonal part
    switch combination {
    case .randomized(let p):
      if !(rng.nextUniform() < p) { perturbs = false }
    case .lookSAM(let k, let alpha):
      if t % Swift.max(1, k) != 0 {
        perturbs = false
        reuseWeight = alpha
      }
    default: break
    }

    var g = Vec2.zero
    var lossAtW = 0.0
    if case .gaussian = perturbation, perturbs {
      // Random perturbation needs no clean gradient: its cost is one gradient per sample.
    } else {
      (lossAtW, g) = oracle.valueAndGradient(at: w)
      g += inLoss * w
    }

    var e = Vec2.zero
    var xi = Vec2.zero
    var gp = g
    var rho = 0.0
    if perturbs {
      rho = radius.radius(
        base: self.rho, current: state.rho ?? self.rho, step: t, total: total, learningRate: lr,
        range: schedule.range(base: learningRate, total: total), gradient: g)
      switch perturbation {
      case .none: break
      case .worstCase(let norm):
        let ascent = ascentVector(g, state: &state)
        let scale = covariance.scale(at: w, gradient: g, learned: sigma)
        let eps = epsilon * covariance.epsilonScale(scale)
        e = masked(
          ascent, scale: scale, rho: rho, epsilon: eps, norm: norm, t: t, total: total, state: &state, rng: &rng)
        xi = Vec2(scale.x != 0 ? e.x / scale.x : 0, scale.y != 0 ? e.y / scale.y : 0)
        gp = oracle.gradient(at: w + e) + inLoss * (w + e)
        if radius.measuresSharpness {
          let sharpness =
            oracle.value(at: w + e) + 0.5 * inLoss * (w + e).dot(w + e) - lossAtW
            - 0.5 * inLoss * w.dot(w)
          state.rho = radius.adapted(state.rho ?? self.rho, sharpness: sharpness)
        }
      case .gaussian(let samples):
        let scale = covariance.scale(at: w, gradient: g, learned: sigma)
        let n = Swift.max(1, samples)
        var sumG = Vec2.zero
        var sumGXi = Vec2.zero
        for _ in 0..<n {
          let z = rng.nextGaussianPair()
          let point = w + scale * z
          let gz = oracle.gradient(at: point) + inLoss * point
          sumG += gz
          sumGXi += gz * z
          e = scale * z
        }
        gp = sumG / Double(n)
        xi = sumGXi / Double(n)  // for the σ-gradient: mean of g̃ᵢ⊙ξᵢ
        g = gp
      }
    }

    var d: Vec2
    if let alpha = reuseWeight {
      d = g + alpha * (g.length / (state.orthogonal.length + 1e-12)) * state.orthogonal
    } else if perturbs {
      d = combination.direction(clean: g, perturbed: gp)
      if case .lookSAM = combination {
        let n = g.length + 1e-12
        state.orthogonal = gp - (g.dot(gp) / (n * n)) * g
      }
    } else {
      d = g
    }

    if let kl = penalty.kl, covariance.isLearned { d += kl.meanGradient(w) }
    if penalty.mode == .coupled { d += penalty.weightDecay * w }
    base.update(&w, direction: d, learningRate: lr, state: &state.base)
    if penalty.mode == .decoupled { w -= lr * penalty.weightDecay * start }

    if covariance.isLearned, perturbs, let s = state.sigmaParameter, let sigma {
      // ∇σ = g̃⊙ξ (+ KL), ξ held constant like reparametrised noise; chain rule to s: σ′(s) = logistic(s).
      var gradSigma: Vec2
      if case .gaussian = perturbation { gradSigma = xi } else { gradSigma = gp * xi }
      if let kl = penalty.kl { gradSigma += kl.sigmaGradient(sigma) }
      var parameter = s
      base.update(
        &parameter, direction: gradSigma * Vec2(logistic(s.x), logistic(s.y)), learningRate: lr,
        state: &state.sigmaBase)
      state.sigmaParameter = parameter
    }
    return StepRecord(
      point: start, gradient: g, perturbation: e, perturbedGradient: gp, direction: d, radius: rho,
      learningRate: lr, sigma: state.sigma,
      gradientEvaluations: oracle.gradientEvaluations - startGradients,
      functionEvaluations: oracle.functionEvaluations - startFunctions)
  }

  private func initialize<R: RandomNumberGeneratorWithGaussian>(_ state: inout State, rng: inout R) {
    if case .learnedDiagonal(let initial) = covariance, state.sigmaParameter == nil {
      state.sigmaParameter = Vec2(inverseSoftplus(initial.x), inverseSoftplus(initial.y))
    }
    if case .sparseDynamic(let sparsity, _, _) = combination, state.mask == nil {
      state.mask = SparseMask.initialDynamic(sparsity: sparsity, rng: &rng)
    }
  }

  /// The vector the worst case ascends along: `g`, or VaSSO's / F-SAM's smoothed version.
  private func ascentVector(_ g: Vec2, state: inout State) -> Vec2 {
    switch combination {
    case .vasso(let theta):
      let average = state.average.map { (1 - theta) * $0 + theta * g } ?? g
      state.average = average
      return average
    case .friendly(let sigma, let lambda):
      guard let previous = state.average else {
        state.average = g
        return g
      }
      state.average = lambda * previous + (1 - lambda) * g
      return g - sigma * previous
    default:
      return g
    }
  }

  /// The worst-case perturbation with SSAM's or ESAM's coordinate selection applied.
  private func masked<R: RandomNumberGeneratorWithGaussian>(
    _ a: Vec2, scale: Vec2, rho: Double, epsilon: Double, norm: Perturbation.Norm, t: Int, total: Int,
    state: inout State, rng: inout R
  ) -> Vec2 {
    switch combination {
    case .sparseFisher(let sparsity, let every):
      if t % Swift.max(1, every) == 0 || state.mask == nil {
        state.mask = SparseMask.fisher(squaredGradient: a * a, sparsity: sparsity)
      }
      return (state.mask ?? Vec2(1, 1))
        * Perturbation.worstCase(a, scale: scale, rho: rho, epsilon: epsilon, norm: norm)
    case .sparseDynamic(let sparsity, let every, let dropRate):
      let mask = state.mask ?? Vec2(1, 1)
      let e = mask * Perturbation.worstCase(a, scale: scale, rho: rho, epsilon: epsilon, norm: norm)
      if t > 0, t % Swift.max(1, every) == 0 {
        let progress = total > 0 ? Double(t) / Double(total) : 0
        let rate = dropRate * (1 + Foundation.cos(Double.pi * progress)) / 2
        state.mask = SparseMask.dynamicRefresh(
          mask, score: Vec2(Swift.abs(a.x), Swift.abs(a.y)), rate: rate,
          sparsity: sparsity, rng: &rng)
      }
      return e
    case .efficient(let beta, let mode):
      var selected = Vec2(1, 1)
      if t > 0 {
        switch mode {
        case .tensor:
          selected = rng.nextUniform() < beta ? Vec2(1, 1) : .zero
        case .coordinate:
          let sx = rng.nextUniform() < beta
          let sy = rng.nextUniform() < beta
          selected = Vec2(sx ? 1 : 0, sy ? 1 : 0)
        }
      }
      guard beta > 0 else { return .zero }
      return Perturbation.worstCase(selected * a, scale: scale, rho: rho / beta, epsilon: epsilon, norm: norm)
    default:
      return Perturbation.worstCase(a, scale: scale, rho: rho, epsilon: epsilon, norm: norm)
    }
  }
}

func softplus(_ s: Double) -> Double { s > 30 ? s : Foundation.log1p(Foundation.exp(s)) }
func inverseSoftplus(_ sigma: Double) -> Double { sigma > 30 ? sigma : Foundation.log(Foundation.expm1(sigma)) }
func logistic(_ s: Double) -> Double { 1 / (1 + Foundation.exp(-s)) }
