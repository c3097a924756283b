/// Terms added to the loss beyond the landscape itself (ALGORITHMS.md A2, A3 "penalty" axis).
public struct Penalty: Sendable, Equatable {
  /// Weight decay λ (0: none) and where it acts.
  public var weightDecay: Double
  public var mode: WeightDecayMode
  /// The KL term to a Gaussian prior, for methods that learn σ.
  public var kl: KLPrior?

  public init(weightDecay: Double = 0, mode: WeightDecayMode = .coupled, kl: KLPrior? = nil) {
    self.weightDecay = weightDecay
    self.mode = mode
    self.kl = kl
  }

  public static let none = Penalty()

  /// The three weight-decay conventions of the official codes; with λ = 0 they agree.
  public enum WeightDecayMode: String, Sendable, Equatable, CaseIterable {
    /// `d ← d + λ·w` at the unperturbed `w` before the base optimizer (PyTorch `SGD(weight_decay=)`).
    case coupled
    /// `½λ‖w‖²` is part of the loss, so `λ·w` enters both gradients, the second at `w + e`
    /// (google-research/sam).
    case inLoss = "in-loss"
    /// `w ← w − η·λ·w` beside the optimizer's step (AdamW, optax chains).
    case decoupled
  }

  /// A Gaussian prior N(0, s₀²I) on the weights, weighted by β, in one of the forms the variational
  /// methods use (`docs/methods.md`). With `σ` the posterior's standard deviation, the term is
  /// `β·[meanFactor·‖μ‖²/(2s₀²) + Σ σ²/(2s₀²) + entropySign·Σ log σ]`:
  /// - the exact `KL(N(μ, σ²) ‖ N(0, s₀²I))`: mean factor 1, entropy sign −1;
  /// - zsiga007/Rethinking-SAM's mean-field optimisers (`meanfield_optimizer.py`, lines 89 and 160):
  ///   mean factor 2 (`2β·μ/σ_prior²`), and as released an entropy sign of +1 (`+ log|M|`), the
  ///   opposite of the KL's;
  /// - its VSAM (`mpenalty`, line 320): no mean term, `β = 1/data_len` and `s₀² = sigma_prior`.
  public struct KLPrior: Sendable, Equatable {
    public var weight: Double
    public var priorSigma: Double
    public var meanFactor: Double
    public var entropySign: Double

    public init(weight: Double, priorSigma: Double, meanFactor: Double = 1, entropySign: Double = -1) {
      self.weight = weight
      self.priorSigma = priorSigma
      self.meanFactor = meanFactor
      self.entropySign = entropySign
    }

    /// The exact KL (`∂/∂μ = β·μ/s₀²`, `∂/∂σ = β·(σ/s₀² − 1/σ)`).
    public static func exact(weight: Double, priorSigma: Double) -> KLPrior {
      KLPrior(weight: weight, priorSigma: priorSigma)
    }

    /// The released mean-field prior, `2β·μ/σ_p²` on the mean; `asReleased` keeps its `+ log|M|`.
    public static func meanField(weight: Double, priorSigma: Double, asReleased: Bool = false) -> KLPrior {
      KLPrior(weight: weight, priorSigma: priorSigma, meanFactor: 2, entropySign: asReleased ? 1 : -1)
    }

    /// The released VSAM's σ penalty: the KL's σ part, nothing on the mean.
    public static func sigmaOnly(weight: Double, priorSigma: Double) -> KLPrior {
      KLPrior(weight: weight, priorSigma: priorSigma, meanFactor: 0)
    }

    @inline(__always) func meanGradient<S: Lane>(_ mu: LaneVec<S>) -> LaneVec<S> {
      meanFactor * weight / (priorSigma * priorSigma) * mu
    }
    @inline(__always) func sigmaGradient<S: Lane>(_ sigma: LaneVec<S>) -> LaneVec<S> {
      let p2 = S(priorSigma * priorSigma)
      let sign = S(entropySign)
      return weight * LaneVec(sigma.x / p2 + sign / sigma.x, sigma.y / p2 + sign / sigma.y)
    }
  }

  /// Short description for tables and custom legends.
  public var label: String {
    var parts: [String] = []
    if weightDecay != 0 { parts.append("L2 (\(mode.rawValue))") }
    if kl != nil { parts.append("KL") }
    return parts.isEmpty ? "none" : parts.joined(separator: " + ")
  }
}
