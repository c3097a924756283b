/// How the gradients of one step become the direction `d` handed to the base optimizer, including
/// the rules that reshape or skip the ascent (ALGORITHMS.md A3, "gradient combination").
public enum GradientCombination: Sendable, Equatable {
  /// `d = g̃`, the gradient at the perturbed point (SAM, ASAM, VSAM, …).
  case plain
  /// GSAM (Zhuang et al. 2022, big_vision `gsam_gradient`). With `minimizeFp` (the default):
  /// `g_⊥ = g − ⟨g, ĝ_p⟩ĝ_p`, `d = g_p − α·g_⊥`. Without (`minimize_fp = False`):
  /// `d = g + α·(g_p − ⟨g_p, ĝ⟩ĝ)`. The JAX code normalises without an epsilon; where the vector
  /// normalised is zero the projection is skipped (no NaN).
  case gsam(alpha: Double, minimizeFp: Bool)
  /// LookSAM (Liu et al. 2022, `[code-unofficial]`): a SAM step every `k` steps that stores
  /// `g_v`, the part of `g̃` orthogonal to `g`; in between `d = g + α·(‖g‖/‖g_v‖)·g_v` from one
  /// gradient. Norms carry a 1e-12 epsilon (`[unverified]` value). k = 1 is SAM.
  case lookSAM(k: Int, alpha: Double)
  /// VaSSO (Li & Giannakis 2023, BingcongLi/VaSSO): the ascent follows `d ← (1−θ)·d + θ·g`,
  /// started at the first gradient. θ = 1 is SAM (with VaSSO's 1e-7 epsilon).
  case vasso(theta: Double)
  /// F-SAM (Li et al. 2024, nblt/F-SAM): ascent along `g − σ·m` with the previous EMA `m`, then
  /// `m ← λ·m + (1−λ)·g`; the first step ascends along `g`. σ = 0 is SAM.
  case friendly(sigma: Double, lambda: Double)
  /// SSAM-F (Mi et al. 2022): only the `⌊(1−s)·2⌋` coordinates with the largest squared gradient
  /// are perturbed; the mask is refreshed every `every` steps. The norm is over the full gradient.
  case sparseFisher(sparsity: Double, every: Int)
  /// SSAM-D: a mask of `2 − ⌈2s⌉` live coordinates; every `every` steps the weakest live ones
  /// (by |g|) die at a cosine-decaying rate and as many random dead ones regrow.
  case sparseDynamic(sparsity: Double, every: Int, dropRate: Double)
  /// ESAM's stochastic weight perturbation (Du et al. 2022, dydjw9/Efficient_SAM): each step after
  /// the first perturbs only a random selection (kept with probability β), scaled to `ρ/β`.
  case efficient(beta: Double, mode: SelectionMode)
  /// RST (Zhao et al. 2023, `[paper]`): each step is a SAM step with probability `p`, otherwise a
  /// plain step on `g`. p = 1 is SAM, p = 0 the base optimizer.
  case randomized(p: Double)

  /// ESAM's two readings of "per tensor" for a two-parameter model.
  public enum SelectionMode: String, Sendable, Equatable, CaseIterable {
    /// `w` is one tensor: the whole perturbation is kept or dropped (faithful to the code).
    case tensor
    /// Each coordinate is kept independently.
    case coordinate
  }

  /// Short name for tables and custom legends.
  public var label: String {
    switch self {
    case .plain: return "plain"
    case .gsam(_, let fp): return fp ? "GSAM decomposition" : "GSAM decomposition (of g̃ against g)"
    case .lookSAM: return "LookSAM reuse"
    case .vasso: return "VaSSO smoothing"
    case .friendly: return "F-SAM smoothing"
    case .sparseFisher: return "SSAM Fisher mask"
    case .sparseDynamic: return "SSAM dynamic mask"
    case .efficient(_, let mode): return "ESAM selection (\(mode.rawValue))"
    case .randomized: return "RST random mixing"
    }
  }

  /// `d` from the clean gradient `g` and the gradient `gp` at the perturbed point.
  func direction(clean g: Vec2, perturbed gp: Vec2) -> Vec2 {
    guard case .gsam(let alpha, let minimizeFp) = self else { return gp }
    if minimizeFp {
      return gp - alpha * Self.orthogonalPart(of: g, to: gp)
    }
    return g + alpha * Self.orthogonalPart(of: gp, to: g)
  }

  /// `v − ⟨v, û⟩û`, or zero when `u = 0` (no direction to project on).
  static func orthogonalPart(of v: Vec2, to u: Vec2) -> Vec2 {
    let norm = u.length
    guard norm > 0 else { return .zero }
    let unit = u / norm
    return v - v.dot(unit) * unit
  }
}
