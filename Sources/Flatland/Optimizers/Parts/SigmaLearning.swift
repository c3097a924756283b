/// How a learned σ is stored, which gradient moves it and at what rate: the three choices on which
/// the released variational optimisers (zsiga007/Rethinking-SAM, `meanfield_optimizer.py`) and the
/// reconstruction written before they were found differ (`docs/methods.md`).
public struct SigmaLearning: Sendable, Equatable {
  /// What the optimiser actually updates.
  public enum Parameter: Sendable, Equatable {
    /// `σ = softplus(s)`: the reconstruction.
    case softplus
    /// `σ = |M|`, M started at σ₀: the released MFVI (`torch.abs(M)`, line 78).
    case absolute
    /// `σ = 1/|M|`, M started at 1/σ₀: the released VSAM (`param.grad / (M**2)`, line 331).
    case reciprocal
  }

  /// The data term of σ's gradient, before the prior's.
  public enum Signal: Sendable, Equatable {
    /// `g̃⊙ξ` with `ξ = e/σ`: the reparametrisation gradient of the loss at the perturbed point.
    case perturbed
    /// `(g̃ + prior's mean term)⊙ξ`: the released MFVI multiplies ξ by the mean's gradient after
    /// the prior's `2β·μ/σ_p²` was added to it (lines 89 and 166), a zero-mean extra.
    case perturbedWithMeanPrior
    /// `∂/∂σ ρ‖σ⊙g‖ = ρ·σ⊙g²/‖σ⊙g‖` with the **clean** gradient: the released VSAM's `mloss`
    /// (line 309), taken before the ascent. 0 where `σ⊙g = 0` (the release would give NaN).
    case cleanRadius
  }

  public var parameter: Parameter
  public var signal: Signal
  /// σ's own constant learning rate (`lr_sigma`, `lr_M`, which no lr schedule touches in the
  /// release); `nil`: μ's scheduled rate, as in the reconstruction.
  public var learningRate: Double?

  public init(parameter: Parameter, signal: Signal, learningRate: Double?) {
    self.parameter = parameter
    self.signal = signal
    self.learningRate = learningRate
  }

  /// The reconstruction of ALGORITHMS.md 13: softplus, `g̃⊙ξ`, μ's rate.
  public static let reconstruction = SigmaLearning(parameter: .softplus, signal: .perturbed, learningRate: nil)

  /// The stored parameter for a σ.
  func parameter(for sigma: Double) -> Double {
    switch parameter {
    case .softplus: return inverseSoftplus(sigma)
    case .absolute: return sigma
    case .reciprocal: return 1 / sigma
    }
  }

  /// σ for a stored parameter, lane by lane.
  @inline(__always)
  func sigma<S: Lane>(_ p: LaneVec<S>) -> LaneVec<S> {
    switch parameter {
    case .softplus: return p.map(softplus)
    case .absolute: return LaneVec(S.abs(p.x), S.abs(p.y))
    case .reciprocal: return LaneVec(S(1) / S.abs(p.x), S(1) / S.abs(p.y))
    }
  }

  /// `∂σ/∂parameter`, to carry σ's gradient to the parameter.
  @inline(__always)
  func derivative<S: Lane>(_ p: LaneVec<S>, sigma: LaneVec<S>) -> LaneVec<S> {
    switch parameter {
    case .softplus: return p.map(logistic)
    case .absolute: return LaneVec(Self.sign(p.x), Self.sign(p.y))
    case .reciprocal: return LaneVec(-Self.sign(p.x) * sigma.x * sigma.x, -Self.sign(p.y) * sigma.y * sigma.y)
    }
  }

  /// `torch.sign`: 0 at 0.
  @inline(__always) private static func sign<S: Lane>(_ v: S) -> S {
    S.select(S.isLess(S(0), v), S(1), S.select(S.isLess(v, S(0)), S(-1), S(0)))
  }

  /// The released VSAM's signal, `ρ·σ⊙g²/‖σ⊙g‖`.
  @inline(__always)
  static func cleanRadius<S: Lane>(_ g: LaneVec<S>, sigma: LaneVec<S>, rho: S) -> LaneVec<S> {
    let scaled = sigma * g
    let length = scaled.length
    let signal = (rho / length) * (scaled * g)
    return LaneVec.select(S.isLess(S(0), length), signal, .zero)
  }
}
