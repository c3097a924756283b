/// The shape of the perturbation region, `T` in `‖T⁻¹e‖ ≤ ρ` or the σ of a Gaussian
/// (ALGORITHMS.md A3, the "covariance shape" axis).
public enum Covariance: Sendable, Equatable {
  /// `T = I`: a disk of radius ρ (SAM).
  case isotropic
  /// `T = diag(σ)` with σ chosen by the user: an axis-aligned ellipse (variational SAM with fixed σ,
  /// random SAM's noise scale).
  case diagonal(Vec2)
  /// `T = diag(σ)` with σ learned under the method's penalty (MFVI, learned variational SAM);
  /// the value is σ's starting point. σ = softplus(s) keeps it positive.
  case learnedDiagonal(initial: Vec2)
  /// `T = |w| + η` (ASAM's weight-adaptive region, SamsungLabs/ASAM `ascent_step`). With η = 0 it is
  /// davda54/sam's `adaptive=True`; a coordinate at zero is then never perturbed.
  case weightAdaptive(eta: Double)
  /// `T = 1/sqrt(1 + η·g²)`: Fisher SAM's ellipse `eᵀFe ≤ γ²` with the empirical Fisher diagonal,
  /// which gives `e = γ·(g/f)/sqrt(Σ g²/f)`, `f = 1 + η·g²`. η = 0 is SAM.
  case fisher(eta: Double)

  /// `T` at the point `w` with clean gradient `g`, given the current learned σ (if any).
  func scale(at w: Vec2, gradient g: Vec2, learned sigma: Vec2?) -> Vec2 {
    switch self {
    case .isotropic: return Vec2(1, 1)
    case .diagonal(let s): return s
    case .learnedDiagonal(let initial): return sigma ?? initial
    case .weightAdaptive(let eta): return Vec2(Swift.abs(w.x) + eta, Swift.abs(w.y) + eta)
    case .fisher(let eta): return Vec2(1 / (1 + eta * g.x * g.x).squareRoot(), 1 / (1 + eta * g.y * g.y).squareRoot())
    }
  }

  /// For a σ chosen in parameter units the epsilon is applied in whitened units
  /// (`ε·sqrt(σₓσᵧ)`), so `σ = (c, c)` is SAM with radius `cρ` exactly, epsilon included.
  func epsilonScale(_ t: Vec2) -> Double {
    switch self {
    case .diagonal, .learnedDiagonal: return (t.x * t.y).magnitude.squareRoot()
    case .isotropic, .weightAdaptive, .fisher: return 1
    }
  }

  var isLearned: Bool {
    if case .learnedDiagonal = self { return true }
    return false
  }

  /// A learned σ's parameter `s` (σ = softplus(s); `nil` before step 0) and the base optimizer's
  /// state for it.
  public struct State: Sendable, Equatable {
    public var parameter: Vec2?
    public var base = BaseOptimizer.State()
    public init() {}

    /// The learned σ, once the run has started.
    public var sigma: Vec2? { parameter.map { Vec2(softplus($0.x), softplus($0.y)) } }
  }

  /// Sets a learned σ's parameter from its starting value (step 0).
  func start(_ state: inout State) {
    if case .learnedDiagonal(let initial) = self, state.parameter == nil {
      state.parameter = Vec2(inverseSoftplus(initial.x), inverseSoftplus(initial.y))
    }
  }
}
