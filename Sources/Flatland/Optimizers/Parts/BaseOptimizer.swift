import Foundation

/// The step that consumes the final direction `d` at the **unperturbed** point (ALGORITHMS.md A2,
/// section 0.1, PyTorch semantics).
public enum BaseOptimizer: Sendable, Equatable {
  /// `w ← w − η·d`.
  case sgd
  /// Heavy-ball momentum, PyTorch style: on the first step `b ← d` (a copy, not zero-initialised),
  /// afterwards `b ← μ·b + d` (dampening 0); `w ← w − η·b`, or `w ← w − η·(d + μ·b)` with Nesterov.
  case momentum(Double, nesterov: Bool)
  /// Adam (Kingma & Ba), bias-corrected: `m ← β₁m + (1−β₁)d`, `v ← β₂v + (1−β₂)d²`,
  /// `w ← w − η·m̂/(sqrt(v̂) + ε)`.
  case adam(beta1: Double, beta2: Double, epsilon: Double)

  public static let standardAdam = BaseOptimizer.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)

  /// The state a base optimizer carries between steps.
  /// The moment buffers and step count, per lane. The buffer starts at zero and the count at 0: a
  /// lane's first update (count 0) takes `d` itself as momentum, as `buffer = d` would.
  public struct LaneState<S: Lane>: Sendable, Equatable {
    public var buffer = LaneVec<S>.zero
    public var second = LaneVec<S>.zero
    public var count = S(0)
    public init() {}
  }
  public typealias State = LaneState<Double>

  /// One update of `w` along `d` in the lanes where `active` holds (a learned σ moves only on the
  /// steps that perturb); the other lanes keep their point and state.
  @inline(__always)
  func update<S: Lane>(
    _ w: inout LaneVec<S>, direction d: LaneVec<S>, learningRate lr: Double, state: inout LaneState<S>,
    active: S.Mask
  ) {
    let everywhere = S.all(active)
    // Kept only when some lane sits this update out (a copy of the state is not free).
    let previous = everywhere ? nil : (state, w)
    let first = S.isEqual(state.count, S(0))
    state.count = state.count + S(1)
    switch self {
    case .sgd:
      w -= lr * d
    case .momentum(let mu, let nesterov):
      let buffer = LaneVec.select(first, d, mu * state.buffer + d)
      state.buffer = buffer
      w -= lr * (nesterov ? d + mu * buffer : buffer)
    case .adam(let b1, let b2, let eps):
      let m = b1 * state.buffer + (1 - b1) * d
      let v = b2 * state.second + ((1 - b2) * d) * d
      state.buffer = m
      state.second = v
      let t = state.count
      let (c1, c2) = Self.biasCorrections(b1, b2, t)
      let mHat = m / c1
      let vHat = v / c2
      let step = lr * mHat
      w -= LaneVec(step.x / (S.sqrt(vHat.x) + S(eps)), step.y / (S.sqrt(vHat.y) + S(eps)))
    }
    if let (kept, before) = previous {
      w = LaneVec.select(active, w, before)
      state.buffer = LaneVec.select(active, state.buffer, kept.buffer)
      state.second = LaneVec.select(active, state.second, kept.second)
      state.count = S.select(active, state.count, kept.count)
    }
  }

  /// `1 − β₁ᵗ` and `1 − β₂ᵗ` per lane: two `pow` calls when every lane is at the same step.
  @inline(__always)
  static func biasCorrections<S: Lane>(_ b1: Double, _ b2: Double, _ t: S) -> (S, S) {
    let t0 = t[lane: 0]
    if S.all(S.isEqual(t, S(t0))) { return (S(1 - Foundation.pow(b1, t0)), S(1 - Foundation.pow(b2, t0))) }
    return (t.map { 1 - Foundation.pow(b1, $0) }, t.map { 1 - Foundation.pow(b2, $0) })
  }

  /// One update of a single point (population methods).
  public func update(_ w: inout Vec2, direction d: Vec2, learningRate lr: Double, state: inout State) {
    var lanes = LaneVec<Double>(w)
    update(&lanes, direction: LaneVec(d), learningRate: lr, state: &state, active: true)
    w = lanes.vec2
  }

  public var label: String {
    switch self {
    case .sgd: return "SGD"
    case .momentum(_, let nesterov): return nesterov ? "Nesterov" : "momentum"
    case .adam: return "Adam"
    }
  }
}
