/// When a method perturbs: on every step, on every k-th, or on a random share of its steps
/// (ALGORITHMS.md A3; sections 10 and 11). A step that does not perturb takes one gradient, and the
/// `DescentCombination` decides what it descends on (the clean gradient, or LookSAM's reuse).
public enum PerturbationSchedule: Sendable, Equatable {
  /// Every step perturbs (SAM and almost every relative).
  case everyStep
  /// Steps `t ≡ 0 (mod k)` perturb, the first one included: LookSAM's refresh cadence (Liu et al.
  /// 2022, Algorithm 1; no official code, `[code-unofficial]` reimplementations agree). k = 1 is
  /// `everyStep`.
  case periodic(every: Int)
  /// Each step perturbs with probability `p`, from one uniform per step: RST (Zhao et al. 2023,
  /// Bernoulli(p) per step, `[paper]`; the official JAX code was not located). p = 1 is `everyStep`
  /// (the uniform is still drawn, so the streams of other parts do not shift), p = 0 never perturbs.
  case random(probability: Double)

  /// Whether step `t` perturbs; draws RST's uniform.
  /// Which lanes perturb at step `t` (RST draws one uniform per lane).
  @inline(__always)
  func perturbs<S: Lane, R: LaneRandom>(step t: Int, lanes: S.Type, rng: inout R) -> S.Mask {
    switch self {
    case .everyStep: return S.mask(true)
    case .periodic(let k): return S.mask(t % Swift.max(1, k) == 0)
    case .random(let p): return S.mask { rng.uniform(lane: $0) < p }
    }
  }

  var share: Double {
    switch self {
    case .everyStep: return 1
    case .periodic(let k): return 1 / Double(Swift.max(1, k))
    case .random(let p): return p
    }
  }

  /// The share as a symbol for cost formulas (`1/k`, `p`); empty for every step.
  var shareSymbol: String {
    switch self {
    case .everyStep: return ""
    case .periodic: return "1/k"
    case .random: return "p"
    }
  }

  /// Short name for tables and custom legends.
  public var label: String {
    switch self {
    case .everyStep: return "every step"
    case .periodic(let k): return "every \(k) steps"
    case .random: return "random steps (RST)"
    }
  }
}
