/// The vector the worst-case perturbation ascends along (ALGORITHMS.md A3, sections 6 and 7):
/// the current clean gradient, or a smoothed version of the gradient stream.
///
/// The direction sees every clean gradient a run takes, also on steps that do not perturb (under a
/// `PerturbationSchedule` other than every step), because its state estimates the gradient stream;
/// it is only *used* on steps that perturb. Every preset perturbs on every step, where the two
/// readings agree.
public enum AscentDirection: Sendable, Equatable {
  /// `a = g`, the clean gradient (SAM).
  case gradient
  /// VaSSO (Li & Giannakis 2023, BingcongLi/VaSSO `solver/vasso.py`, `first_step`):
  /// `d ← (1−θ)·d + θ·g`, started at the first gradient, no bias correction; `a = d`. θ = 1 is
  /// `gradient`.
  case vasso(theta: Double)
  /// F-SAM (Li et al. 2024, nblt/F-SAM `utils.py`, `FriendlySAM.first_step`): `a = g − σ·m` with the
  /// *previous* EMA `m`, then `m ← λ·m + (1−λ)·g`; the first step ascends along `g` and sets `m = g`.
  /// σ = 0 is `gradient`.
  case friendly(sigma: Double, lambda: Double)
  /// MixSAM (zsiga007/Rethinking-SAM, `meanfield_optimizer.py`, `MixSAM._get_perturbation`,
  /// lines 225–261): `a = √D·g/(‖g‖ + ε) + κ·ξ`, `ξ ~ N(0, I)`, D = 2; the worst case then
  /// normalises `a` to the radius, as the release rescales it to norm √D before multiplying by
  /// `|M| = ρ/√D`. κ = 0 is `gradient` up to the epsilon.
  case mixed(kappa: Double)

  /// Whether the direction draws a Gaussian pair each step that perturbs.
  var isRandom: Bool {
    if case .mixed = self { return true }
    return false
  }

  /// The smoothed gradient the direction carries (VaSSO's `d`, F-SAM's `m`); `nil` before the
  /// first gradient.
  /// The running average, per lane; nil before the first gradient (the same step in every lane).
  public struct LaneState<S: Lane>: Sendable, Equatable {
    public var average: LaneVec<S>?
    public init() {}
  }
  public typealias State = LaneState<Double>

  /// The ascent vector for clean gradient `g`; `noise` is the step's Gaussian pair where the
  /// direction is random (zero otherwise), `epsilon` the rule's normalisation epsilon.
  @inline(__always)
  func ascent<S: Lane>(_ g: LaneVec<S>, noise: LaneVec<S>, epsilon: S, state: inout LaneState<S>) -> LaneVec<S> {
    switch self {
    case .gradient:
      return g
    case .mixed(let kappa):
      return (S(2.0.squareRoot()) / (g.length + epsilon)) * g + S(kappa) * noise
    case .vasso(let theta):
      let average = state.average.map { (1 - theta) * $0 + theta * g } ?? g
      state.average = average
      return average
    case .friendly(let sigma, let lambda):
      guard let previous = state.average else {
        state.average = g
        return g
      }
      state.average = lambda * previous + (1 - lambda) * g
      return g - sigma * previous
    }
  }

  public var label: String {
    switch self {
    case .gradient: return "current gradient"
    case .vasso: return "VaSSO EMA"
    case .friendly: return "F-SAM g − σm"
    case .mixed: return "MixSAM ĝ + κξ"
    }
  }
}
