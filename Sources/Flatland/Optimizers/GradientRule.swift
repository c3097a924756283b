import Foundation

/// A gradient-based method as a composition of independent parts (ALGORITHMS.md A3): perturbation ×
/// covariance × penalty, when to perturb (`PerturbationSchedule`), which direction to ascend along
/// (`AscentDirection`), which coordinates to touch (`PerturbationMask`), how the descent direction
/// is formed (`DescentCombination`), the radius schedule and the base optimizer with its
/// learning-rate schedule. Every preset of the SAM family is one value of this struct, so there is
/// one step function for all of them, any combination of parts is a method, and the special cases
/// ("GSAM with α = 0 is SAM") hold by construction. No part reads another's state.
///
/// ```swift
/// // VaSSO's smoothed ascent, SSAM's Fisher mask and GSAM's decomposition, on Adam:
/// let rule = GradientRule(
///   perturbation: .worstCase(norm: .l2), direction: .vasso(theta: 0.5),
///   mask: .sparseFisher(sparsity: 0.5, every: 10), combination: .gsam(alpha: 0.3, minimizeFp: true),
///   rho: 0.1, base: .standardAdam, learningRate: 0.01)
/// ```
public struct GradientRule: Sendable, Equatable {
  public var perturbation: Perturbation
  public var covariance: Covariance
  public var penalty: Penalty
  /// Which steps perturb.
  public var when: PerturbationSchedule
  /// What the worst case ascends along.
  public var direction: AscentDirection
  /// Which coordinates the worst case touches.
  public var mask: PerturbationMask
  /// How `d` is formed from the step's gradients.
  public var combination: DescentCombination
  /// The radius ρ at step 0 (γ for Fisher SAM; the ρ of `ρ·σ` for variational SAM).
  public var rho: Double
  public var radius: RadiusSchedule
  /// The normalisation epsilon of the method's official code (1e-12 davda54/GSAM, 1e-7 VaSSO,
  /// SSAM, ESAM, 1e-16 ASAM).
  public var epsilon: Double
  public var base: BaseOptimizer
  public var learningRate: Double
  public var learningRateSchedule: LearningRateSchedule

  public init(
    perturbation: Perturbation = .none, covariance: Covariance = .isotropic, penalty: Penalty = .none,
    when: PerturbationSchedule = .everyStep, direction: AscentDirection = .gradient, mask: PerturbationMask = .all,
    combination: DescentCombination = .plain, rho: Double = 0, radius: RadiusSchedule = .constant,
    epsilon: Double = 1e-12, base: BaseOptimizer = .sgd, learningRate: Double,
    learningRateSchedule: LearningRateSchedule = .constant
  ) {
    self.perturbation = perturbation
    self.covariance = covariance
    self.penalty = penalty
    self.when = when
    self.direction = direction
    self.mask = mask
    self.combination = combination
    self.rho = rho
    self.radius = radius
    self.epsilon = epsilon
    self.base = base
    self.learningRate = learningRate
    self.learningRateSchedule = learningRateSchedule
  }

  /// Everything the rule carries between steps: one state per part that has one.
  public struct State: Sendable, Equatable {
    public var base = BaseOptimizer.State()
    public var radius = RadiusSchedule.State()
    public var covariance = Covariance.State()
    public var direction = AscentDirection.State()
    public var mask = PerturbationMask.State()
    public var combination = DescentCombination.State()
    public init() {}

    /// The learned σ, if the rule learns one.
    public var sigma: Vec2? { covariance.sigma }
  }

  /// One step of the common SAM-type shape (ALGORITHMS.md section 0): the batch is drawn; the
  /// schedule says whether this step perturbs; `g = g(w)`; the direction gives the ascent `a`; the
  /// perturbation, shaped by the covariance and masked, gives `e`; `g̃ = g(w + e)` under the same
  /// batch; the combination gives `d`; the base optimizer moves the unperturbed `w` (kept as is,
  /// never rebuilt by subtracting `e`).
  ///
  /// Random draws within a step, in order: the oracle's noise pair; at step 0 SSAM-D's initial mask
  /// (one uniform); RST's uniform; ESAM's selection uniforms (one per step, or x then y); SSAM-D's
  /// death-count and regrowth uniforms; the Gaussian samples `ξ` (one pair per sample).
  func step<L: Landscape, R: RandomNumberGeneratorWithGaussian>(
    _ w: inout Vec2, step t: Int, of total: Int, state: inout State, oracle: inout Oracle<L>, rng: inout R
  ) -> StepRecord {
    let start = w
    let startGradients = oracle.gradientEvaluations
    let startFunctions = oracle.functionEvaluations
    oracle.beginStep(at: w, &rng)
    let lr = learningRateSchedule.rate(base: learningRate, step: t, total: total)
    let inLoss = penalty.mode == .inLoss ? penalty.weightDecay : 0
    if t == 0 {
      covariance.start(&state.covariance)
      mask.start(&state.mask, rng: &rng)
    }
    let sigma = state.sigma
    let perturbs = perturbation != .none && when.perturbs(step: t, rng: &rng)

    var g = Vec2.zero
    var lossAtW = 0.0
    if case .gaussian = perturbation, perturbs {
      // Random perturbation needs no clean gradient: its cost is one gradient per sample.
    } else {
      (lossAtW, g) = oracle.valueAndGradient(at: w)
      g += inLoss * w
    }

    var e = Vec2.zero
    var gp = g
    // ∇σ before the KL term: g̃⊙ξ with ξ = e/σ (worst case), the mean of g̃ᵢ⊙ξᵢ (Gaussian).
    var sigmaSignal = Vec2.zero
    var rho = 0.0
    switch perturbation {
    case .none:
      break
    case .worstCase(let norm):
      // The direction sees every clean gradient, also on steps that do not perturb.
      let ascent = direction.ascent(g, state: &state.direction)
      guard perturbs else { break }
      rho = currentRadius(t, total, lr, g, state.radius)
      let scale = covariance.scale(at: w, gradient: g, learned: sigma)
      let selection = mask.selection(gradient: g, step: t, of: total, state: &state.mask, rng: &rng)
      if selection.radiusDivisor != 0 {
        e =
          selection.after
          * Perturbation.worstCase(
            selection.before * ascent, scale: scale, rho: rho / selection.radiusDivisor,
            epsilon: epsilon * covariance.epsilonScale(scale), norm: norm)
      }
      gp = oracle.gradient(at: w + e) + inLoss * (w + e)
      sigmaSignal = gp * Vec2(scale.x != 0 ? e.x / scale.x : 0, scale.y != 0 ? e.y / scale.y : 0)
      if radius.measuresSharpness {
        let sharpness =
          oracle.value(at: w + e) + 0.5 * inLoss * (w + e).dot(w + e) - lossAtW - 0.5 * inLoss * w.dot(w)
        state.radius.current = radius.adapted(state.radius.current ?? self.rho, sharpness: sharpness)
      }
    case .gaussian(let samples):
      guard perturbs else { break }
      rho = currentRadius(t, total, lr, g, state.radius)
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
      sigmaSignal = sumGXi / Double(n)
      g = gp
    }

    var d =
      perturbs
      ? combination.direction(clean: g, perturbed: gp, state: &state.combination)
      : combination.direction(clean: g, state: state.combination)

    if let kl = penalty.kl, covariance.isLearned { d += kl.meanGradient(w) }
    if penalty.mode == .coupled { d += penalty.weightDecay * w }
    base.update(&w, direction: d, learningRate: lr, state: &state.base)
    if penalty.mode == .decoupled { w -= lr * penalty.weightDecay * start }

    if perturbation.isWorstCase, mask.refreshes(after: t) {
      // SSAM-F's official timing: the Fisher at the new weights, under this step's batch.
      let next = oracle.gradient(at: w) + inLoss * w
      mask.refresh(&state.mask, gradient: next, leftover: gp, step: t)
    }
    if covariance.isLearned, perturbs, let s = state.covariance.parameter, let sigma {
      // ∇σ = g̃⊙ξ (+ KL), ξ held constant like reparametrised noise; chain rule to s: σ′(s) = logistic(s).
      var gradSigma = sigmaSignal
      if let kl = penalty.kl { gradSigma += kl.sigmaGradient(sigma) }
      var parameter = s
      base.update(
        &parameter, direction: gradSigma * Vec2(logistic(s.x), logistic(s.y)), learningRate: lr,
        state: &state.covariance.base)
      state.covariance.parameter = parameter
    }
    return StepRecord(
      point: start, gradient: g, perturbation: e, perturbedGradient: gp, direction: d, radius: rho,
      learningRate: lr, sigma: state.sigma,
      gradientEvaluations: oracle.gradientEvaluations - startGradients,
      functionEvaluations: oracle.functionEvaluations - startFunctions)
  }

  /// ρ at step `t` under the radius schedule.
  private func currentRadius(_ t: Int, _ total: Int, _ lr: Double, _ g: Vec2, _ state: RadiusSchedule.State) -> Double {
    radius.radius(
      base: rho, current: state.current ?? rho, step: t, total: total, learningRate: lr,
      range: learningRateSchedule.range(base: learningRate, total: total), gradient: g)
  }
}

func softplus(_ s: Double) -> Double { s > 30 ? s : Foundation.log1p(Foundation.exp(s)) }
func inverseSoftplus(_ sigma: Double) -> Double { sigma > 30 ? sigma : Foundation.log(Foundation.expm1(sigma)) }
func logistic(_ s: Double) -> Double { 1 / (1 + Foundation.exp(-s)) }
