/// How a method moves away from `w` before its second look at the landscape
/// (ALGORITHMS.md A3, the "perturbation" axis). The shape of the region comes from `Covariance`.
public enum Perturbation: Sendable, Equatable {
  /// No perturbation: one gradient per step (SGD, momentum, Adam).
  case none
  /// First-order worst case in the region `‖T⁻¹e‖_p ≤ ρ` (SAM and its relatives):
  /// p = 2 gives `e = ρ·T²⊙a / (‖T⊙a‖ + ε)`, p = ∞ gives `e = ρ·T⊙sign(a)`, where `a` is the
  /// ascent vector (the gradient, or VaSSO's / F-SAM's smoothed version of it).
  case worstCase(norm: Norm)
  /// `e = σ⊙ξ`, `ξ ~ N(0, I)`: random weight perturbation (random SAM, MFVI). The gradients at
  /// `samples` independent draws are averaged; no clean gradient is taken.
  case gaussian(samples: Int)

  /// Whether the method ascends (the parts that shape an ascent apply only then).
  var isWorstCase: Bool {
    if case .worstCase = self { return true }
    return false
  }

  /// The dual pair of norms SAM's first-order solution depends on.
  public enum Norm: String, Sendable, Equatable {
    case l2 = "p = 2"
    case lInfinity = "p = ∞"
  }

  /// The worst-case perturbation for ascent vector `a` with scaling `T` and radius `rho`.
  ///
  /// `epsilon` is the normalisation epsilon of the method's official code. At `T⊙a = 0` the
  /// result is exactly zero, never NaN (ALGORITHMS.md A1), whatever the epsilon.
  @inline(__always)
  static func worstCase<S: Lane>(
    _ a: LaneVec<S>, scale t: LaneVec<S>, rho: S, epsilon: S, norm: Norm
  ) -> LaneVec<S> {
    switch norm {
    case .l2:
      let scaled = t * a
      let length = scaled.length
      let e = (rho / (length + epsilon)) * (t * scaled)
      return LaneVec.select(S.isLess(S(0), length), e, .zero)
    case .lInfinity:
      return (rho * t) * LaneVec(sign(a.x), sign(a.y))
    }
  }

  @inline(__always) private static func sign<S: Lane>(_ v: S) -> S {
    S.select(S.isLess(S(0), v), S(1), S.select(S.isLess(v, S(0)), S(-1), S(0)))
  }
}
