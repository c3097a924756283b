/// The shape of the perturbation region, `T` in `‖T⁻¹e‖ ≤ ρ` or the σ of a Gaussian
/// (ALGORITHMS.md A3, the "covariance shape" axis).
public enum Covariance: Sendable, Equatable {
  /// `T = I`: a disk of radius ρ (SAM).
  case isotropic
  /// `T = diag(σ)` with σ chosen by the user: an axis-aligned ellipse (variational SAM with fixed σ,
  /// random SAM's noise scale).
  case diagonal(Vec2)
  /// `T = diag(σ)` with σ learned under the method's penalty (MFVI, learned variational SAM),
  /// from `initial`, stored and moved as `learning` says.
  case learnedDiagonal(initial: Vec2, learning: SigmaLearning = .reconstruction)
  /// `T = |w| + η` (ASAM's weight-adaptive region, SamsungLabs/ASAM `ascent_step`). With η = 0 it is
  /// davda54/sam's `adaptive=True`; a coordinate at zero is then never perturbed.
  case weightAdaptive(eta: Double)
  /// `T = 1/sqrt(1 + η·g²)`: Fisher SAM's ellipse `eᵀFe ≤ γ²` with the empirical Fisher diagonal,
  /// which gives `e = γ·(g/f)/sqrt(Σ g²/f)`, `f = 1 + η·g²`. η = 0 is SAM.
  case fisher(eta: Double)

  /// `T` at the point `w` with clean gradient `g`, given the current learned σ (if any).
  @inline(__always)
  func scale<S: Lane>(at w: LaneVec<S>, gradient g: LaneVec<S>, learned sigma: LaneVec<S>?) -> LaneVec<S> {
    switch self {
    case .isotropic: return LaneVec(Vec2(1, 1))
    case .diagonal(let s): return LaneVec(s)
    case .learnedDiagonal(let initial, _): return sigma ?? LaneVec(initial)
    case .weightAdaptive(let eta): return LaneVec(S.abs(w.x) + S(eta), S.abs(w.y) + S(eta))
    case .fisher(let eta):
      return LaneVec(S(1) / S.sqrt(S(1) + S(eta) * g.x * g.x), S(1) / S.sqrt(S(1) + S(eta) * g.y * g.y))
    }
  }

  /// The axis scale at one point (for schematics).
  func scale(at w: Vec2, gradient g: Vec2, learned sigma: Vec2?) -> Vec2 {
    scale(at: LaneVec<Double>(w), gradient: LaneVec(g), learned: sigma.map { LaneVec($0) }).vec2
  }

  var isLearned: Bool { learning != nil }

  /// How the learned σ is stored and moved, if σ is learned.
  var learning: SigmaLearning? {
    if case .learnedDiagonal(_, let learning) = self { return learning }
    return nil
  }

  /// The learned σ's stored parameter (`nil` before step 0), σ itself and the base optimizer's
  /// state for the parameter, per lane.
  public struct LaneState<S: Lane>: Sendable, Equatable {
    public var parameter: LaneVec<S>?
    public var sigma: LaneVec<S>?
    public var base = BaseOptimizer.LaneState<S>()
    public init() {}
  }
  public typealias State = LaneState<Double>

  func start<S: Lane>(_ state: inout LaneState<S>) {
    if case .learnedDiagonal(let initial, let learning) = self, state.parameter == nil {
      let parameter = LaneVec<S>(Vec2(learning.parameter(for: initial.x), learning.parameter(for: initial.y)))
      state.parameter = parameter
      state.sigma = learning.sigma(parameter)
    }
  }
}
