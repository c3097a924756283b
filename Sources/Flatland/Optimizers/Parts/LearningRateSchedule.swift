import Foundation

/// The learning rate over a run (ALGORITHMS.md A2).
public enum LearningRateSchedule: Sendable, Equatable {
  case constant
  /// Multiply by `factor` every `every` steps.
  case step(every: Int, factor: Double)
  /// Half a cosine from η to `final` over the run.
  case cosine(final: Double)
  /// Linear warm-up from 0 over `warmup` steps, then half a cosine down to `final`.
  case warmupCosine(warmup: Int, final: Double)

  /// η at step `t` (0-based) of `total`.
  func rate(base lr: Double, step t: Int, total: Int) -> Double {
    switch self {
    case .constant:
      return lr
    case .step(let every, let factor):
      return lr * Foundation.pow(factor, Double(t / Swift.max(1, every)))
    case .cosine(let final):
      let progress = total > 1 ? Double(t) / Double(total - 1) : 0
      return final + (lr - final) * (1 + Foundation.cos(Double.pi * progress)) / 2
    case .warmupCosine(let warmup, let final):
      if t < warmup { return lr * Double(t + 1) / Double(warmup) }
      let span = Swift.max(1, total - 1 - warmup)
      let progress = Swift.min(1, Double(t - warmup) / Double(span))
      return final + (lr - final) * (1 + Foundation.cos(Double.pi * progress)) / 2
    }
  }

  /// The smallest and largest rates over `total` steps (GSAM's `lr_min`, `lr_max`). Warm-up is not
  /// counted: as in GSAM's code, ρ may dip below ρ_min while the rate is still rising.
  func range(base lr: Double, total: Int) -> ClosedRange<Double> {
    switch self {
    case .constant: return lr...lr
    case .step(_, let factor):
      let last = rate(base: lr, step: Swift.max(0, total - 1), total: total)
      return factor <= 1 ? last...lr : lr...last
    case .cosine(let final), .warmupCosine(_, let final): return Swift.min(lr, final)...Swift.max(lr, final)
    }
  }

  public var label: String {
    switch self {
    case .constant: return "constant"
    case .step: return "step"
    case .cosine: return "cosine"
    case .warmupCosine: return "warm-up + cosine"
    }
  }
}
