/// The ascent step `e` that a SAM-type method takes before its second gradient evaluation
/// (ALGORITHMS.md A3, "perturbation" × "covariance shape").
public enum Perturbation: Sendable, Equatable {
  /// No perturbation: one gradient per step (SGD, momentum).
  case none
  /// First-order worst case in the ellipse `‖T⁻¹e‖₂ ≤ ρ` with a fixed diagonal `T`:
  /// `e = ρ·T²⊙g / (‖T⊙g‖ + ε·τ)`, `τ = sqrt(Tₓ·Tᵧ)`.
  ///
  /// - `T = (1, 1)`, `ε = 1e-12`: SAM, p = 2, as in davda54/sam and GSAM (`e = ρ·g/(‖g‖ + ε)`).
  /// - `T = σ`: variational SAM with a user-chosen diagonal σ (Ujváry et al.; the thesis).
  ///   The epsilon is measured in whitened units (`τ`), so that `σ = (c, c)` gives
  ///   `cρ·g/(‖g‖ + ε)`: SAM with radius `cρ` and SAM's own epsilon, not just approximately.
  ///
  /// At `T⊙g = 0` the perturbation is exactly zero, never NaN (ALGORITHMS.md A1), whatever `ε`.
  case worstCase(rho: Double, scale: Vec2, epsilon: Double)

  /// The perturbation for the clean gradient `g`.
  public func perturbation(for g: Vec2) -> Vec2 {
    switch self {
    case .none:
      return .zero
    case .worstCase(let rho, let scale, let epsilon):
      let scaled = scale * g
      let norm = scaled.length
      guard norm > 0 else { return .zero }
      let tau = (scale.x * scale.y).magnitude.squareRoot()
      return (rho / (norm + epsilon * tau)) * (scale * scaled)
    }
  }

  /// Gradient evaluations this perturbation costs per step (the clean one plus the perturbed one).
  public var gradientEvaluations: Int { self == .none ? 1 : 2 }
}
