/// One optimizer of the SAM family, assembled from the parts of ALGORITHMS.md A3.
///
/// A method is data: a perturbation rule, a gradient-combination rule and a base optimizer. The
/// presets (`Method.sam(…)`, `Method.gsam(…)`, …) are points in that space, so every method shares
/// one step function and a special case such as "GSAM with α = 0 is SAM" holds by construction.
///
/// ```swift
/// let sam = Method.sam(learningRate: 0.05, rho: 0.1)
/// var w = Vec2(1, 1), state = Method.State()
/// var oracle = Oracle(landscape: Quadratic(a: 1, b: 10))
/// var rng = Xoshiro256StarStar(seed: 1)
/// let record = sam.step(&w, state: &state, oracle: &oracle, rng: &rng)
/// ```
public struct Method: Sendable, Equatable {
  /// Preset name used on the command line and in CSV files (`sam`).
  public var name: String
  /// Display name for legends (`SAM`).
  public var displayName: String
  public var perturbation: Perturbation
  public var combination: GradientCombination
  public var base: BaseOptimizer
  /// The hyperparameters a legend shows, in order (`ρ = 0.1`, `η = 0.03`).
  public var hyperparameters: [Hyperparameter]

  public init(
    name: String, displayName: String, perturbation: Perturbation, combination: GradientCombination,
    base: BaseOptimizer, hyperparameters: [Hyperparameter]
  ) {
    self.name = name
    self.displayName = displayName
    self.perturbation = perturbation
    self.combination = combination
    self.base = base
    self.hyperparameters = hyperparameters
  }

  /// A named number shown in legends (`symbol` is Unicode, e.g. `ρ`).
  public struct Hyperparameter: Sendable, Equatable {
    public var symbol: String
    public var text: String
    public init(_ symbol: String, _ text: String) {
      self.symbol = symbol
      self.text = text
    }
  }

  /// Everything a method carries from one step to the next.
  public struct State: Sendable, Equatable {
    public var base = BaseOptimizer.State()
    public var step = 0
    public init() {}
  }

  /// Gradient evaluations per step.
  public var gradientEvaluationsPerStep: Int { perturbation.gradientEvaluations }

  /// One step of the common SAM-type shape (ALGORITHMS.md section 0): draw the batch, `g = g(w)`,
  /// `e` from `g`, `g̃ = g(w + e)` under the same batch, combine, and let the base optimizer move
  /// the unperturbed `w` (kept as is, never reconstructed by subtracting `e`).
  public func step<L: Landscape, R: RandomNumberGeneratorWithGaussian>(
    _ w: inout Vec2, state: inout State, oracle: inout Oracle<L>, rng: inout R
  ) -> StepRecord {
    oracle.beginStep(&rng)
    let start = w
    let g = oracle.gradient(at: w)
    let e = perturbation.perturbation(for: g)
    let perturbed = perturbation == .none ? g : oracle.gradient(at: w + e)
    let d = combination.direction(clean: g, perturbed: perturbed)
    base.update(&w, direction: d, state: &state.base)
    state.step += 1
    return StepRecord(
      point: start, gradient: g, perturbation: e, perturbedGradient: perturbed, direction: d,
      gradientEvaluations: perturbation.gradientEvaluations)
  }
}

/// What one step did, kept for figures (the SAM-step schematic draws `e` and `g̃`) and tests.
public struct StepRecord: Sendable, Equatable {
  /// The unperturbed point the step started from.
  public var point: Vec2
  /// The clean gradient `g(w)` (with this step's noise).
  public var gradient: Vec2
  /// The perturbation `e`; zero for methods without one.
  public var perturbation: Vec2
  /// The gradient at `w + e` (equal to `gradient` without a perturbation).
  public var perturbedGradient: Vec2
  /// The direction handed to the base optimizer.
  public var direction: Vec2
  /// Gradient evaluations spent by this step.
  public var gradientEvaluations: Int
}
