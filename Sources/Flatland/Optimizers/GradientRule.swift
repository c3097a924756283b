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

  /// Everything the rule carries between steps, per lane: one state per part that has one.
  public struct LaneState<S: Lane>: Sendable, Equatable {
    public var base = BaseOptimizer.LaneState<S>()
    public var radius = RadiusSchedule.LaneState<S>()
    public var covariance = Covariance.LaneState<S>()
    public var direction = AscentDirection.LaneState<S>()
    /// SSAM's and ESAM's masks, one scalar state per lane (their refreshes are discrete and random).
    public var mask = [PerturbationMask.State](repeating: PerturbationMask.State(), count: S.width)
    public var combination = DescentCombination.LaneState<S>()
    public init() {}
  }
  public typealias State = LaneState<Double>

  /// What one step did, per lane (the scalar runner turns it into a `StepRecord`).
  struct LaneStep<S: Lane> {
    /// The loss at the step's start, in the lanes that evaluated it (`lossKnown`): the batch engine
    /// checks a route's loss for divergence with it instead of evaluating it again.
    var loss: S
    var lossKnown: S.Mask
    var gradient: LaneVec<S>
    var perturbation: LaneVec<S>
    var perturbedGradient: LaneVec<S>
    var direction: LaneVec<S>
    var radius: S
    var learningRate: Double
  }

  /// One step of one run: the width-1 case of `advance`, so the scalar runner and the batch engine
  /// execute the same arithmetic.
  func step<L: Landscape, R: RandomNumberGeneratorWithGaussian>(
    _ w: inout Vec2, step t: Int, of total: Int, state: inout State, oracle: inout Oracle<L>, rng: inout R
  ) -> StepRecord {
    let start = w
    let startGradients = oracle.gradientEvaluations
    let startFunctions = oracle.functionEvaluations
    var lanes = LaneVec<Double>(w)
    var stream = SingleStream(rng)
    let done = advance(&lanes, step: t, of: total, state: &state, oracle: &oracle, rng: &stream)
    rng = stream.stream
    w = lanes.vec2
    return StepRecord(
      point: start, gradient: done.gradient.vec2, perturbation: done.perturbation.vec2,
      perturbedGradient: done.perturbedGradient.vec2, direction: done.direction.vec2, radius: done.radius,
      learningRate: done.learningRate, sigma: state.sigma,
      gradientEvaluations: oracle.gradientEvaluations - startGradients,
      functionEvaluations: oracle.functionEvaluations - startFunctions)
  }

  /// One step of the common SAM-type shape (ALGORITHMS.md section 0), in every lane: the batch is
  /// drawn; the schedule says which lanes perturb; `g = g(w)`; the direction gives the ascent `a`;
  /// the perturbation, shaped by the covariance and masked, gives `e`; `g̃ = g(w + e)` under the
  /// same batch; the combination gives `d`; the base optimizer moves the unperturbed `w` (kept as
  /// is, never rebuilt by subtracting `e`). A lane that does not perturb gets `e = 0`, `g̃ = g`.
  ///
  /// Random draws within a step, in order, per lane: the oracle's noise pair; at step 0 SSAM-D's
  /// initial mask (one uniform); RST's uniform; ESAM's selection uniforms (one per step, or x then
  /// y); SSAM-D's death-count and regrowth uniforms; the Gaussian samples `ξ` (one pair per sample).
  @inline(__always)
  func advance<S: Lane, O: GradientOracle, R: LaneRandom>(
    _ w: inout LaneVec<S>, step t: Int, of total: Int, state: inout LaneState<S>, oracle: inout O, rng: inout R
  ) -> LaneStep<S> where O.S == S {
    typealias V = LaneVec<S>
    let all = S.mask(true)
    let start = w
    oracle.beginStep(at: w, rng: &rng)
    let lr = learningRateSchedule.rate(base: learningRate, step: t, total: total)
    let inLoss = penalty.mode == .inLoss ? penalty.weightDecay : 0
    if t == 0 {
      covariance.start(&state.covariance)
      if mask != .all {
        for i in 0..<S.width { rng.withStream(lane: i) { mask.start(&state.mask[i], rng: &$0) } }
      }
    }
    let sigma = state.covariance.sigma
    let perturbs = perturbation == .none ? S.mask(false) : when.perturbs(step: t, lanes: S.self, rng: &rng)
    let anyPerturbs = S.any(perturbs)
    let gaussian: Bool
    if case .gaussian = perturbation { gaussian = true } else { gaussian = false }

    // Random perturbation needs no clean gradient where it perturbs: its cost is one gradient per sample.
    let needsClean = gaussian ? S.not(perturbs) : all
    var g = V.zero
    var lossAtW = S(0)
    if S.any(needsClean) {
      let (value, gradient) = oracle.valueAndGradient(at: w, counting: needsClean)
      lossAtW = S.select(needsClean, value, S(0))
      g = V.select(needsClean, gradient + inLoss * w, .zero)
    }

    var e = V.zero
    var gp = g
    // ∇σ before the KL term: g̃⊙ξ with ξ = e/σ (worst case), the mean of g̃ᵢ⊙ξᵢ (Gaussian).
    var sigmaSignal = V.zero
    var rho = S(0)
    switch perturbation {
    case .none:
      break
    case .worstCase(let norm):
      // The direction sees every clean gradient, also on steps that do not perturb.
      var noise = V.zero
      if direction.isRandom, anyPerturbs {
        for i in 0..<S.width where S.isSet(perturbs, lane: i) { noise[lane: i] = rng.gaussianPair(lane: i) }
      }
      let ascent = direction.ascent(g, noise: noise, epsilon: S(epsilon), state: &state.direction)
      guard anyPerturbs else { break }
      rho = currentRadius(t, total, lr, g, state.radius)
      let scale = covariance.scale(at: w, gradient: g, learned: sigma)
      let (before, after, divisor) = select(g, perturbs, step: t, of: total, state: &state, rng: &rng)
      if divisor != 0 {
        e =
          after
          * Perturbation.worstCase(
            before * ascent, scale: scale, rho: rho / S(divisor),
            epsilon: S(epsilon), norm: norm)
      }
      e = V.select(perturbs, e, .zero)
      gp = V.select(perturbs, oracle.gradient(at: w + e, counting: perturbs) + inLoss * (w + e), g)
      let xi = V(
        S.select(S.isEqual(scale.x, S(0)), S(0), e.x / scale.x), S.select(S.isEqual(scale.y, S(0)), S(0), e.y / scale.y)
      )
      if let sigma, covariance.learning?.signal == .cleanRadius {
        sigmaSignal = SigmaLearning.cleanRadius(g, sigma: sigma, rho: rho)
      } else {
        sigmaSignal = gp * xi
      }
      if radius.measuresSharpness {
        let moved = w + e
        let sharpness =
          oracle.value(at: moved, counting: perturbs) + S(0.5 * inLoss) * moved.dot(moved) - lossAtW
          - S(0.5 * inLoss) * w.dot(w)
        let current = state.radius.current ?? S(self.rho)
        var adapted = current
        for i in 0..<S.width where S.isSet(perturbs, lane: i) {
          adapted[lane: i] = radius.adapted(current[lane: i], sharpness: sharpness[lane: i])
        }
        state.radius.current = adapted
      }
      rho = S.select(perturbs, rho, S(0))
    case .gaussian(let samples):
      guard anyPerturbs else { break }
      rho = S.select(perturbs, currentRadius(t, total, lr, g, state.radius), S(0))
      let scale = covariance.scale(at: w, gradient: g, learned: sigma)
      let n = Swift.max(1, samples)
      var sumG = V.zero
      var sumGXi = V.zero
      var sumXi = V.zero
      for _ in 0..<n {
        var z = V.zero
        for i in 0..<S.width where S.isSet(perturbs, lane: i) { z[lane: i] = rng.gaussianPair(lane: i) }
        let point = w + scale * z
        let gz = oracle.gradient(at: point, counting: perturbs) + inLoss * point
        sumG += gz
        sumGXi += gz * z
        sumXi += z
        e = scale * z
      }
      gp = V.select(perturbs, sumG / S(Double(n)), g)
      sigmaSignal = sumGXi / S(Double(n))
      if let kl = penalty.kl, covariance.learning?.signal == .perturbedWithMeanPrior {
        sigmaSignal += kl.meanGradient(w) * (sumXi / S(Double(n)))
      }
      g = gp
      e = V.select(perturbs, e, .zero)
    }

    // A lane that does not perturb reads the combination's state before this step's update.
    var d = combination.direction(clean: g, state: state.combination)
    if anyPerturbs {
      let kept = state.combination.orthogonal
      let perturbed = combination.direction(clean: g, perturbed: gp, state: &state.combination)
      d = V.select(perturbs, perturbed, d)
      state.combination.orthogonal = V.select(perturbs, state.combination.orthogonal, kept)
    }

    if let kl = penalty.kl, kl.meanFactor != 0 { d += kl.meanGradient(w) }
    if penalty.mode == .coupled { d += penalty.weightDecay * w }
    base.update(&w, direction: d, learningRate: lr, state: &state.base, active: all)
    if penalty.mode == .decoupled { w -= (lr * penalty.weightDecay) * start }

    if perturbation.isWorstCase, mask.refreshes(after: t) {
      // SSAM-F's official timing: the Fisher at the new weights, under this step's batch.
      let next = oracle.gradient(at: w, counting: all) + inLoss * w
      for i in 0..<S.width {
        mask.refresh(&state.mask[i], gradient: next[lane: i], leftover: gp[lane: i], step: t)
      }
    }
    if let learning = covariance.learning, anyPerturbs, let s = state.covariance.parameter, let sigma {
      // ∇σ = signal (+ prior), ξ held constant like reparametrised noise; chain rule to the parameter.
      var gradSigma = sigmaSignal
      if let kl = penalty.kl { gradSigma += kl.sigmaGradient(sigma) }
      var parameter = s
      base.update(
        &parameter, direction: gradSigma * learning.derivative(s, sigma: sigma),
        learningRate: learning.learningRate ?? lr, state: &state.covariance.base, active: perturbs)
      state.covariance.parameter = parameter
      state.covariance.sigma = learning.sigma(parameter)
    }
    return LaneStep(
      loss: lossAtW, lossKnown: needsClean, gradient: g, perturbation: e, perturbedGradient: gp, direction: d,
      radius: rho, learningRate: lr)
  }

  /// The mask's selection in every lane that perturbs (lane by lane: SSAM's masks are discrete and
  /// random); the other lanes keep everything.
  @inline(__always)
  private func select<S: Lane, R: LaneRandom>(
    _ g: LaneVec<S>, _ perturbs: S.Mask, step t: Int, of total: Int, state: inout LaneState<S>, rng: inout R
  ) -> (before: LaneVec<S>, after: LaneVec<S>, divisor: Double) {
    guard mask != .all else { return (LaneVec(Vec2(1, 1)), LaneVec(Vec2(1, 1)), 1) }
    var before = LaneVec<S>(Vec2(1, 1))
    var after = before
    var divisor = 1.0
    for i in 0..<S.width where S.isSet(perturbs, lane: i) {
      let chosen = rng.withStream(lane: i) {
        mask.selection(gradient: g[lane: i], step: t, of: total, state: &state.mask[i], rng: &$0)
      }
      before[lane: i] = chosen.before
      after[lane: i] = chosen.after
      divisor = chosen.radiusDivisor
    }
    return (before, after, divisor)
  }

  /// ρ at step `t` under the radius schedule.
  @inline(__always)
  private func currentRadius<S: Lane>(
    _ t: Int, _ total: Int, _ lr: Double, _ g: LaneVec<S>, _ state: RadiusSchedule.LaneState<S>
  ) -> S {
    radius.radius(
      base: rho, current: state.current ?? S(rho), step: t, total: total, learningRate: lr,
      range: learningRateSchedule.range(base: learningRate, total: total), gradient: g)
  }
}

extension GradientRule.LaneState where S == Double {
  /// The learned σ, if the rule learns one.
  public var sigma: Vec2? { covariance.sigma?.vec2 }
}

func softplus(_ s: Double) -> Double { s > 30 ? s : Foundation.log1p(Foundation.exp(s)) }
func inverseSoftplus(_ sigma: Double) -> Double { sigma > 30 ? sigma : Foundation.log(Foundation.expm1(sigma)) }
func logistic(_ s: Double) -> Double { 1 / (1 + Foundation.exp(-s)) }
