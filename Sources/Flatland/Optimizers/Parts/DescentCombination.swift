/// How the gradients of one step become the direction `d` handed to the base optimizer
/// (ALGORITHMS.md A3; sections 4 and 10): on a step that perturbs, from the clean gradient `g` and
/// the perturbed one `g̃`; on a step that does not (under a `PerturbationSchedule`), from `g` alone.
public enum DescentCombination: Sendable, Equatable {
  /// `d = g̃` on perturbing steps, `d = g` otherwise (SAM, and RST's mixing).
  case plain
  /// GSAM (Zhuang et al. 2022, google-research/big_vision `gsam_gradient`; juntang-zhuang/GSAM).
  /// With `minimizeFp` (the default): `g_⊥ = g − ⟨g, ĝ_p⟩ĝ_p`, `d = g̃ − α·g_⊥`. Without
  /// (`minimize_fp = False`): `d = g + α·(g̃ − ⟨g̃, ĝ⟩ĝ)`. The JAX code normalises without an
  /// epsilon; where the vector normalised is zero the projection is skipped (no NaN). α = 0 is
  /// `plain`. Steps that do not perturb descend on `g`.
  case gsam(alpha: Double, minimizeFp: Bool)
  /// LookSAM's reuse (Liu et al. 2022, Algorithm 1, `[code-unofficial]`): a perturbing step descends
  /// on `g̃` and stores `g_v`, the part of `g̃` orthogonal to `g`; a step that does not perturb
  /// descends on `g + α·(‖g‖/‖g_v‖)·g_v`. Norms carry a 1e-12 epsilon (`[unverified]` value).
  /// Under every-step perturbation it is `plain`; α = 0 is `plain` under any schedule.
  case lookSAM(alpha: Double)

  /// LookSAM's stored orthogonal component `g_v` (zero before the first perturbing step).
  /// LookSAM's stored orthogonal part, per lane.
  public struct LaneState<S: Lane>: Sendable, Equatable {
    public var orthogonal = LaneVec<S>.zero
    public init() {}
  }
  public typealias State = LaneState<Double>

  @inline(__always)
  func direction<S: Lane>(clean g: LaneVec<S>, perturbed gp: LaneVec<S>, state: inout LaneState<S>) -> LaneVec<S> {
    switch self {
    case .plain:
      return gp
    case .gsam(let alpha, let minimizeFp):
      if minimizeFp { return gp - alpha * Self.orthogonalPart(of: g, to: gp) }
      return g + alpha * Self.orthogonalPart(of: gp, to: g)
    case .lookSAM:
      let n = g.length + S(1e-12)
      state.orthogonal = gp - (g.dot(gp) / (n * n)) * g
      return gp
    }
  }

  @inline(__always)
  func direction<S: Lane>(clean g: LaneVec<S>, state: LaneState<S>) -> LaneVec<S> {
    guard case .lookSAM(let alpha) = self else { return g }
    let o = state.orthogonal
    let reused = g + (S(alpha) * (g.length / (o.length + S(1e-12)))) * o
    return LaneVec.select(o.isZero, g, reused)
  }

  @inline(__always)
  static func orthogonalPart<S: Lane>(of v: LaneVec<S>, to u: LaneVec<S>) -> LaneVec<S> {
    let norm = u.length
    let unit = u / norm
    return LaneVec.select(S.isLess(S(0), norm), v - v.dot(unit) * unit, .zero)
  }

  public var label: String {
    switch self {
    case .plain: return "plain"
    case .gsam(_, let fp): return fp ? "GSAM decomposition" : "GSAM decomposition (of g̃ against g)"
    case .lookSAM: return "LookSAM reuse"
    }
  }
}
