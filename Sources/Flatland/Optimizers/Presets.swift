/// The named methods of the foundation: each a point in the perturbation × combination × base space.
extension Method {
  /// Plain gradient descent, `w ← w − η·g`.
  public static func sgd(learningRate lr: Double) -> Method {
    Method(
      name: "sgd", displayName: "SGD", perturbation: .none, combination: .plain, base: .sgd(learningRate: lr),
      hyperparameters: [.init("η", formatShort(lr))])
  }

  /// Heavy-ball momentum with PyTorch semantics (ALGORITHMS.md 0.1).
  public static func momentum(learningRate lr: Double, momentum mu: Double = 0.9, nesterov: Bool = false) -> Method {
    Method(
      name: nesterov ? "nesterov" : "momentum", displayName: nesterov ? "Nesterov" : "Momentum",
      perturbation: .none, combination: .plain,
      base: .momentum(learningRate: lr, momentum: mu, nesterov: nesterov),
      hyperparameters: [.init("η", formatShort(lr)), .init("μ", formatShort(mu))])
  }

  /// SAM, p = 2 (Foret et al. 2021): `e = ρ·g/(‖g‖ + 1e-12)`, descend on `g(w + e)`.
  /// The 1e-12 epsilon is davda54/sam's; at `g = 0` the perturbation is 0.
  public static func sam(learningRate lr: Double, rho: Double) -> Method {
    Method(
      name: "sam", displayName: "SAM", perturbation: .worstCase(rho: rho, scale: Vec2(1, 1), epsilon: 1e-12),
      combination: .plain, base: .sgd(learningRate: lr),
      hyperparameters: [.init("ρ", formatShort(rho)), .init("η", formatShort(lr))])
  }

  /// GSAM (Zhuang et al. 2022) with a constant radius: SAM's perturbation (ε = 1e-12), then
  /// `d = g_p − α·g_⊥`. α = 0 is SAM exactly.
  public static func gsam(learningRate lr: Double, rho: Double, alpha: Double) -> Method {
    Method(
      name: "gsam", displayName: "GSAM", perturbation: .worstCase(rho: rho, scale: Vec2(1, 1), epsilon: 1e-12),
      combination: .gsam(alpha: alpha), base: .sgd(learningRate: lr),
      hyperparameters: [.init("ρ", formatShort(rho)), .init("α", formatShort(alpha)), .init("η", formatShort(lr))])
  }

  /// Variational SAM with a fixed, user-chosen diagonal σ (the thesis's method): the worst case in
  /// the ellipse `‖e/σ‖ ≤ ρ`, `e = ρ·σ²⊙g/‖σ⊙g‖`. σ says how much tolerance each parameter gets:
  /// a small σₓ means "flatness along x does not matter". `σ = (c, c)` is SAM with radius `cρ`.
  ///
  /// `[unverified]` in ALGORITHMS.md: no code was released with Ujváry et al. 2022; this rule is
  /// the reconstruction stated there (section 13). It has no official epsilon; SAM's 1e-12 is used,
  /// in whitened units, so the reduction to SAM is exact (see `Perturbation.worstCase`).
  public static func vsam(learningRate lr: Double, rho: Double, sigma: Vec2) -> Method {
    Method(
      name: "vsam", displayName: "VSAM", perturbation: .worstCase(rho: rho, scale: sigma, epsilon: 1e-12),
      combination: .plain, base: .sgd(learningRate: lr),
      hyperparameters: [
        .init("ρ", formatShort(rho)), .init("σ", "(\(formatShort(sigma.x)), \(formatShort(sigma.y)))"),
        .init("η", formatShort(lr)),
      ])
  }
}
