/// How a stochastic oracle corrupts gradients (ALGORITHMS.md A5).
public enum NoiseModel: Sendable, Equatable, CustomStringConvertible {
  /// Exact gradients.
  case none
  /// `g + σ⊙ξ` with `ξ ~ N(0, I)`, one `ξ` per step shared by every evaluation in that step.
  case gaussian(sigma: Vec2)

  /// Isotropic Gaussian noise of standard deviation `sigma`.
  public static func gaussian(_ sigma: Double) -> NoiseModel { .gaussian(sigma: Vec2(sigma, sigma)) }

  public var description: String {
    switch self {
    case .none: return "none"
    case .gaussian(let s) where s.x == s.y: return "gaussian(σ=\(formatShort(s.x)))"
    case .gaussian(let s): return "gaussian(σ=(\(formatShort(s.x)), \(formatShort(s.y))))"
    }
  }
}
