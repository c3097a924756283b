/// How the clean gradient `g` and the perturbed gradient `g̃ = g(w + e)` become the direction `d`
/// handed to the base optimizer (ALGORITHMS.md A3, "gradient combination").
public enum GradientCombination: Sendable, Equatable {
  /// `d = g̃` (SAM, VSAM); without a perturbation `g̃ = g` and this is plain gradient descent.
  case plain
  /// GSAM (Zhuang et al. 2022, official JAX `gsam_gradient`): decompose the clean gradient against
  /// the perturbed one, `g_⊥ = g − ⟨g, ĝ_p⟩ĝ_p`, and descend on `d = g_p − α·g_⊥`.
  /// `g_⊥ ⟂ g_p`, so α never changes the component along `g_p`; α = 0 is SAM.
  ///
  /// The JAX code normalises `g_p` without an epsilon; at `g_p = 0` it would give NaN. Here the
  /// decomposition is skipped there (`g_⊥ = 0`), so `d = g_p = 0`.
  case gsam(alpha: Double)

  public func direction(clean g: Vec2, perturbed gp: Vec2) -> Vec2 {
    switch self {
    case .plain:
      return gp
    case .gsam(let alpha):
      let norm = gp.length
      guard norm > 0 else { return gp }
      let unit = gp / norm
      let orthogonal = g - g.dot(unit) * unit
      return gp - alpha * orthogonal
    }
  }
}
