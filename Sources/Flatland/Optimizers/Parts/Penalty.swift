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

  /// `KL(N(μ, σ²) ‖ N(0, s₀²I))` weighted by β (ALGORITHMS.md 13, `[unverified]`):
  /// `∂/∂μ = β·μ/s₀²`, `∂/∂σ = β·(σ/s₀² − 1/σ)`.
  public struct KLPrior: Sendable, Equatable {
    public var weight: Double
    public var priorSigma: Double
    public init(weight: Double, priorSigma: Double) {
      self.weight = weight
      self.priorSigma = priorSigma
    }

    @inline(__always) func meanGradient<S: Lane>(_ mu: LaneVec<S>) -> LaneVec<S> {
      weight / (priorSigma * priorSigma) * mu
    }
    @inline(__always) func sigmaGradient<S: Lane>(_ sigma: LaneVec<S>) -> LaneVec<S> {
      let p2 = S(priorSigma * priorSigma)
      return weight * LaneVec(sigma.x / p2 - S(1) / sigma.x, sigma.y / p2 - S(1) / sigma.y)
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
