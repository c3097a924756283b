/// How a stochastic oracle corrupts gradients (ALGORITHMS.md A5). One sample per step, shared by
/// every gradient evaluated in that step.
public enum NoiseModel: Sendable, Equatable, CustomStringConvertible {
  /// Exact gradients.
  case none
  /// `g + σ⊙ξ` with `ξ ~ N(0, I)`: isotropic when `σₓ = σᵧ`, diagonal otherwise.
  case gaussian(sigma: Vec2)
  /// `g + s·|H(w)|^½·ξ`: covariance `s²·|H(w)|`, where `|H|` keeps the positive part of the Hessian's
  /// spectrum at the step's clean point — SGD-like noise, strong in sharp directions.
  case hessian(scale: Double)

  /// Isotropic Gaussian noise of standard deviation `sigma`.
  public static func gaussian(_ sigma: Double) -> NoiseModel { .gaussian(sigma: Vec2(sigma, sigma)) }

  public var description: String {
    switch self {
    case .none: return "none"
    case .gaussian(let s) where s.x == s.y: return "gaussian(σ=\(formatShort(s.x)))"
    case .gaussian(let s): return "gaussian(σ=(\(formatShort(s.x)), \(formatShort(s.y))))"
    case .hessian(let s): return "hessian-shaped(s=\(formatShort(s)))"
    }
  }
}
