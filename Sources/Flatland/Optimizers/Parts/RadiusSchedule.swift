import Foundation

/// How the perturbation radius ρ evolves over a run (ALGORITHMS.md A4).
public enum RadiusSchedule: Sendable, Equatable {
  case constant
  /// From ρ at step 0 to `final` at the last step, linearly.
  case linear(final: Double)
  /// From ρ to `final` along half a cosine.
  case cosine(final: Double)
  /// GSAM's rule: `ρ_t = ρ_min + (ρ − ρ_min)·(η_t − η_min)/(η_max − η_min)`, ρ itself when the
  /// learning rate is constant. Not clamped, as in the official code.
  case learningRateProportional(minimum: Double)
  /// `[experimental]` `ρ_t = ρ·‖g‖/(‖g‖ + κ)`: vanishes at a minimum, so SAM converges to it
  /// instead of orbiting.
  case gradientScaled(kappa: Double)
  /// `[experimental]` steer ρ so that the measured sharpness `s = L(w+e) − L(w)` approaches τ:
  /// `ρ ← clamp(ρ·exp(κ·(τ − s)/max(τ, |s|)), ρ_min, ρ_max)`; one extra function evaluation.
  case targetSharpness(target: Double, kappa: Double, minimum: Double, maximum: Double)

  /// ρ at step `t` of `total`, for the current learning rate and clean gradient.
  @inline(__always)
  func radius<S: Lane>(
    base rho: Double, current: S, step t: Int, total: Int, learningRate lr: Double,
    range: ClosedRange<Double>, gradient g: LaneVec<S>
  ) -> S {
    let progress = total > 1 ? Double(t) / Double(total - 1) : 0
    switch self {
    case .constant: return S(rho)
    case .linear(let final): return S(rho + (final - rho) * progress)
    case .cosine(let final): return S(final + (rho - final) * (1 + Foundation.cos(Double.pi * progress)) / 2)
    case .learningRateProportional(let minimum):
      guard range.upperBound > range.lowerBound else { return S(rho) }
      return S(minimum + (rho - minimum) * (lr - range.lowerBound) / (range.upperBound - range.lowerBound))
    case .gradientScaled(let kappa):
      let n = g.length
      return S.select(S.isLess(S(0), n + S(kappa)), S(rho) * n / (n + S(kappa)), S(0))
    case .targetSharpness: return current
    }
  }

  func adapted(_ rho: Double, sharpness s: Double) -> Double {
    guard case .targetSharpness(let tau, let kappa, let lo, let hi) = self, s.isFinite else { return rho }
    let scale = Swift.max(tau, Swift.abs(s))
    let next = scale > 0 ? rho * Foundation.exp(kappa * (tau - s) / scale) : rho
    return Swift.min(Swift.max(next, lo), hi)
  }

  /// The radius target-sharpness has steered to (`nil` before its first measurement).
  /// The adapted radius, per lane; nil until a step has measured sharpness (then ρ₀ stands in).
  public struct LaneState<S: Lane>: Sendable, Equatable {
    public var current: S?
    public init() {}
  }
  public typealias State = LaneState<Double>

  var measuresSharpness: Bool {
    if case .targetSharpness = self { return true }
    return false
  }

  public var label: String {
    switch self {
    case .constant: return "constant"
    case .linear: return "linear"
    case .cosine: return "cosine"
    case .learningRateProportional: return "∝ lr"
    case .gradientScaled: return "grad-scaled (experimental)"
    case .targetSharpness: return "target-sharpness (experimental)"
    }
  }
}
