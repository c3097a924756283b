/// The forms of the variational methods' learned σ (`docs/methods.md`).
public enum VariationalForm: String, SpecChoice {
  /// The released update rule (zsiga007/Rethinking-SAM), its one bug fixed: MFVI's entropy term
  /// enters with the KL's sign.
  case released
  /// The release bit for bit, MFVI's `+ log|M|` included (which pushes σ through zero).
  case asReleased = "as-released"
  /// The exact KL with σ = softplus(s) moved at μ's rate: the reconstruction written before the
  /// release was found.
  case exactKL = "exact-kl"

  public var summary: String {
    switch self {
    case .released: return "zsiga007/Rethinking-SAM's rule (MFVI: its entropy sign fixed)"
    case .asReleased: return "MFVI as released, + log|M| included (σ is pushed through 0)"
    case .exactKL: return "exact KL, σ = softplus(s) at μ's learning rate (the reconstruction)"
    }
  }
}

extension VariationalForm {
  /// The prior and the σ learning of a variational method in this form. The release's mean-field
  /// optimisers (random SAM, MFVI, MixSAM) put `2β·μ/s₀²` on the mean; its VSAM, the one with a
  /// worst case *and* a learned σ, puts the prior on σ alone and moves M = 1/σ by the clean
  /// gradient's `ρ‖g/M‖`. `klWeight` nil: no prior.
  func parts(
    worstCase: Bool, learned: Bool, klWeight: Double?, priorSigma: Double, sigmaLearningRate: Double
  ) -> (kl: Penalty.KLPrior?, learning: SigmaLearning) {
    if self == .exactKL {
      return (klWeight.map { .exact(weight: $0, priorSigma: priorSigma) }, .reconstruction)
    }
    if worstCase, learned {
      return (
        klWeight.map { .sigmaOnly(weight: $0, priorSigma: priorSigma) },
        SigmaLearning(parameter: .reciprocal, signal: .cleanRadius, learningRate: sigmaLearningRate)
      )
    }
    return (
      klWeight.map { .meanField(weight: $0, priorSigma: priorSigma, asReleased: self == .asReleased) },
      SigmaLearning(parameter: .absolute, signal: .perturbedWithMeanPrior, learningRate: sigmaLearningRate)
    )
  }

  /// Whether `as-released` differs from `released` here: only MFVI's σ term has a bug.
  static func asReleasedActs(worstCase: Bool, learned: Bool, prior: Bool) -> Bool { !worstCase && learned && prior }
}
