/// One optimizer of the SAM family (or a zeroth-order baseline), assembled from the parts of
/// ALGORITHMS.md A3.
///
/// A method is data: a `GradientRule` (perturbation × covariance × penalty × combination × radius ×
/// base) or a `PopulationRule`, plus the names and hyperparameters a legend shows. The presets
/// (`Method.sam(…)`, `Method.gsam(…)`, …) and every `custom` combination share one step function.
///
/// ```swift
/// let sam = Method.sam(learningRate: 0.05, rho: 0.1)
/// var w = Vec2(1, 1), state = Method.State(totalSteps: 100)
/// var oracle = Oracle(landscape: Quadratic(a: 1, b: 10))
/// var rng = Xoshiro256StarStar(seed: 1)
/// let record = sam.step(&w, state: &state, oracle: &oracle, rng: &rng)
/// ```
public struct Method: Sendable, Equatable {
  /// Preset name used on the command line and in CSV files (`sam`); `custom` for user combinations.
  public var name: String
  /// Display name for legends (`SAM`).
  public var displayName: String
  public var rule: Rule
  /// The hyperparameters a legend shows, in order (`ρ = 0.1`, `η = 0.03`).
  public var hyperparameters: [Hyperparameter]
  /// A legend label chosen by the user, as Pango markup; replaces the display name in legends.
  public var label: String?
  /// What the method is, as 64 bits for its random streams: set by an experiment from the hash of
  /// its resolved spec; for methods built in code, a hash of the name and the rule. The label is
  /// not part of it (renaming a method does not change its numbers).
  public var identity: UInt64 {
    get { assignedIdentity ?? Self.hash("\(name)|\(rule)") }
    set { assignedIdentity = newValue }
  }
  private var assignedIdentity: UInt64?

  /// The first 64 bits of the SHA-256 of `text`.
  static func hash(_ text: String) -> UInt64 {
    SHA256.digest(Array(text.utf8)).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// The two kinds of update rule.
  public enum Rule: Sendable, Equatable {
    case gradient(GradientRule)
    case population(PopulationRule)
  }

  public init(name: String, displayName: String, rule: Rule, hyperparameters: [Hyperparameter], label: String? = nil) {
    self.name = name
    self.displayName = displayName
    self.rule = rule
    self.hyperparameters = hyperparameters
    self.label = label
  }

  /// The name a legend shows, as Pango markup: the user's label, or the escaped display name.
  public var legendName: String { label ?? escapeMarkup(displayName) }

  /// A named number shown in legends (`symbol` is Unicode, e.g. `ρ`); a custom method's parts
  /// have no symbol.
  public struct Hyperparameter: Sendable, Equatable, CustomStringConvertible {
    public var symbol: String
    public var text: String
    public init(_ symbol: String, _ text: String) {
      self.symbol = symbol
      self.text = text
    }

    /// `ρ = 0.1`, or the text alone without a symbol (`VaSSO EMA`).
    public var description: String { symbol.isEmpty ? text : "\(symbol) = \(text)" }
  }

  /// Everything a method carries from one step to the next.
  public struct State: Sendable, Equatable {
    public var step = 0
    /// The run's length, for schedules.
    public var totalSteps: Int
    public var gradient = GradientRule.State()
    public var population = PopulationRule.State()
    public init(totalSteps: Int) { self.totalSteps = totalSteps }
  }

  /// The gradient rule, when the method has one (every method but the zeroth-order ones).
  public var gradientRule: GradientRule? {
    if case .gradient(let r) = rule { return r }
    return nil
  }

  /// One step (a generation for population methods): draws the batch, evaluates, moves `w`.
  public func step<L: Landscape, R: RandomNumberGeneratorWithGaussian>(
    _ w: inout Vec2, state: inout State, oracle: inout Oracle<L>, rng: inout R
  ) -> StepRecord {
    defer { state.step += 1 }
    switch rule {
    case .gradient(let r):
      return r.step(&w, step: state.step, of: state.totalSteps, state: &state.gradient, oracle: &oracle, rng: &rng)
    case .population(let r):
      return r.step(&w, generation: state.step, state: &state.population, oracle: &oracle, rng: &rng)
    }
  }
}

/// What one step did, kept for figures (the SAM-step schematic draws `e` and `g̃`) and tests.
public struct StepRecord: Sendable, Equatable {
  /// The unperturbed point the step started from.
  public var point: Vec2
  /// The clean gradient `g(w)` (with this step's noise); for Gaussian perturbations the averaged
  /// sampled gradient; zero for population methods.
  public var gradient: Vec2
  /// The perturbation `e` (the last sample's for Gaussian perturbations); zero without one.
  public var perturbation: Vec2
  /// The gradient at `w + e` (equal to `gradient` without a perturbation).
  public var perturbedGradient: Vec2
  /// The direction handed to the base optimizer.
  public var direction: Vec2
  /// The radius ρ used this step (0 when the step did not perturb).
  public var radius: Double
  /// The learning rate used this step.
  public var learningRate: Double
  /// The learned σ after the step (learned-covariance and population methods), else nil.
  public var sigma: Vec2?
  /// Gradient evaluations spent by this step.
  public var gradientEvaluations: Int
  /// Function (loss-only) evaluations spent by this step.
  public var functionEvaluations: Int

  public init(
    point: Vec2, gradient: Vec2, perturbation: Vec2, perturbedGradient: Vec2, direction: Vec2, radius: Double,
    learningRate: Double, sigma: Vec2? = nil, gradientEvaluations: Int, functionEvaluations: Int
  ) {
    self.point = point
    self.gradient = gradient
    self.perturbation = perturbation
    self.perturbedGradient = perturbedGradient
    self.direction = direction
    self.radius = radius
    self.learningRate = learningRate
    self.sigma = sigma
    self.gradientEvaluations = gradientEvaluations
    self.functionEvaluations = functionEvaluations
  }

  /// A step that did nothing at `w` (no evaluation, no move).
  public static func idle(at w: Vec2) -> StepRecord {
    StepRecord(
      point: w, gradient: .zero, perturbation: .zero, perturbedGradient: .zero, direction: .zero, radius: 0,
      learningRate: 0, sigma: nil, gradientEvaluations: 0, functionEvaluations: 0)
  }
}

extension Method {
  /// The shape SAM-type methods perturb within at `w` (for lecture schematics): the radius ρ and
  /// the axis scale `T` of `‖T⁻¹e‖ ≤ ρ`, or a Gaussian's σ (with `rho` 1); `nil` without a perturbation.
  public func perturbationRegion(at w: Vec2, gradient g: Vec2) -> (rho: Double, scale: Vec2, gaussian: Bool)? {
    guard case .gradient(let rule) = rule else { return nil }
    switch rule.perturbation {
    case .none: return nil
    case .worstCase: return (rule.rho, rule.covariance.scale(at: w, gradient: g, learned: nil), false)
    case .gaussian: return (1, rule.covariance.scale(at: w, gradient: g, learned: nil), true)
    }
  }
}
