/// An experiment as data: the landscape, the methods, how they run, and what to write — as read
/// from a TOML or JSON file, built from command-line flags, or written in code. Every field may be
/// missing; `resolve()` fills the defaults (the landscape's suggestions, then each method's),
/// checks everything at once, and returns a runnable `Experiment`.
///
/// ```swift
/// var spec = ExperimentSpec(landscape: LandscapeSpec(name: "two-valleys"))
/// spec.methods = [MethodSpec(.sgd), MethodSpec(.sam, [.rho: 0.1])]
/// spec.outputs = [OutputSpec(.figure(.routes), file: "routes.png")]
/// let experiment = try spec.resolve()
/// ```
public struct ExperimentSpec: Sendable, Equatable {
  /// Figure title in the label syntax; default: the landscape's name and formula.
  public var title: String?
  public var seed: UInt64?
  public var landscape: LandscapeSpec?
  public var run: RunSpec
  /// `nil`: the default methods (see `resolve()`).
  public var methods: [MethodSpec]?
  public var outputs: [OutputSpec]
  /// Where each value was written (files, flags), so problems can point at it.
  public var sources: SpecSources

  public init(
    title: String? = nil, seed: UInt64? = nil, landscape: LandscapeSpec? = nil, run: RunSpec = RunSpec(),
    methods: [MethodSpec]? = nil, outputs: [OutputSpec] = [], sources: SpecSources = SpecSources()
  ) {
    self.title = title
    self.seed = seed
    self.landscape = landscape
    self.run = run
    self.methods = methods
    self.outputs = outputs
    self.sources = sources
  }
}

/// Which landscape: a catalogue name with parameters, or a formula; and the plot window.
public struct LandscapeSpec: Sendable, Equatable {
  public var name: String?
  public var formula: String?
  public var params: [String: Double]
  /// The plot window (it also scales divergence and convergence tolerances).
  public var window: Box?

  public init(name: String? = nil, formula: String? = nil, params: [String: Double] = [:], window: Box? = nil) {
    self.name = name
    self.formula = formula
    self.params = params
    self.window = window
  }
}

/// How every method runs: steps, starts, gradient noise, repeats.
public struct RunSpec: Sendable, Equatable {
  public var steps: Int?
  public var starts: [Vec2]?
  public var noise: NoiseSpec?
  /// Runs per method and start, differing only in their random streams.
  public var repeats: Int?

  public init(steps: Int? = nil, starts: [Vec2]? = nil, noise: NoiseSpec? = nil, repeats: Int? = nil) {
    self.steps = steps
    self.starts = starts
    self.noise = noise
    self.repeats = repeats
  }
}

/// Gradient noise (ALGORITHMS.md A5): `{ kind = "gaussian", sigma = 0.1 }`.
public struct NoiseSpec: Sendable, Equatable {
  public var kind: NoiseKind?
  /// Standard deviation: one for isotropic noise, two for diagonal.
  public var sigma: [Double]?
  /// `s` of Hessian-shaped noise, covariance `s²·|H(w)|`.
  public var scale: Double?

  public init(kind: NoiseKind? = nil, sigma: [Double]? = nil, scale: Double? = nil) {
    self.kind = kind
    self.sigma = sigma
    self.scale = scale
  }

  /// The spec of a noise model (the resolved form).
  public init(_ model: NoiseModel) {
    switch model {
    case .none: self.init(kind: NoiseKind.none)
    case .gaussian(let s): self.init(kind: .gaussian, sigma: s.x == s.y ? [s.x] : [s.x, s.y])
    case .hessian(let s): self.init(kind: .hessian, scale: s)
    }
  }
}

public enum NoiseKind: String, SpecChoice {
  case none, gaussian, hessian

  public var summary: String {
    switch self {
    case .none: return "exact gradients"
    case .gaussian: return "g + σ⊙ξ, one draw per step shared by the step's evaluations (sigma = s or [sx, sy])"
    case .hessian: return "covariance scale²·|H(w)|, SGD-like, strong in sharp directions (scale = s)"
    }
  }
}
