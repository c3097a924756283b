/// A 2D loss surface: one formula, generic over the scalar type, plus what a figure needs to know.
///
/// The formula is written once in `evaluate(_:_:)`; evaluated over `Double` it gives values, over
/// `Dual2` exact gradients, over `Jet2` exact Hessians, over `LaneDual<Lanes8>` eight gradients at once.
///
/// ```swift
/// let bowl = Quadratic(a: 1, b: 10)
/// bowl.value(at: Vec2(1, 1))      // 11
/// bowl.gradient(at: Vec2(1, 1))   // (2, 20)
/// ```
public protocol Landscape: Sendable {
  /// Name, summary, windows, known minima and hints for plotting.
  var info: LandscapeInfo { get }
  /// The loss at `(x, y)`.
  func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T

  // The entry points below are requirements with default implementations (not mere extension
  // methods) so that each conforming type gets them specialised for its own formula: a call through
  // `any Landscape` or a generic parameter then runs concrete, inlined arithmetic.

  /// The loss `L(w)`.
  func value(at w: Vec2) -> Double
  /// The exact gradient `∇L(w)` (forward mode, first order).
  func gradient(at w: Vec2) -> Vec2
  /// Value and exact gradient in one pass.
  func valueAndGradient(at w: Vec2) -> (value: Double, gradient: Vec2)
  /// Value, gradient and exact Hessian (forward mode, second order).
  func jet(at w: Vec2) -> Jet2
  /// Values along one grid row: `out[i] = L(x0 + i·dx, y)` for `i < out.count`. One dynamic call
  /// per row instead of one per point when a figure samples its grid through `any Landscape`.
  func sampleRow(y: Double, x0: Double, dx: Double, into out: UnsafeMutableBufferPointer<Double>)
  /// Loss and exact gradient of eight runs at once (the batch engine), bit for bit `Dual2`'s per lane.
  func valueAndGradient(lanes w: LaneVec<Lanes8>) -> (value: Lanes8, gradient: LaneVec<Lanes8>)
  /// The loss of eight runs at once.
  func value(lanes w: LaneVec<Lanes8>) -> Lanes8
  /// One route of the scalar runner (`Runner.run`), compiled for this landscape's own formula: the
  /// runner's entry point, not meant to be implemented.
  func runRoute(
    _ method: Method, from start: Vec2, steps: Int, noise: NoiseModel, stream: Xoshiro256StarStar,
    startIndex: Int, repeatIndex: Int, divergenceRadius: Double?
  ) -> Trajectory
  /// The end of one run of a gradient rule (`Runner.end`), compiled for this landscape's own
  /// formula: its entry point, not meant to be implemented.
  func runEnd(
    _ rule: GradientRule, from start: Vec2, steps: Int, noise: NoiseModel, stream: Xoshiro256StarStar,
    divergenceRadius: Double?, pathEvery: Int?, convergenceStep: Bool, info: LandscapeInfo?
  ) -> BatchEnd
  /// Eight runs of the batch engine (`BatchRunner`), compiled for this landscape's own formula:
  /// the engine's entry point, not meant to be implemented.
  func runLanes(
    _ rule: GradientRule, _ job: BatchJob, _ info: LandscapeInfo, _ starts: [Vec2], _ streams: [Xoshiro256StarStar],
    paths: [Bool]
  ) -> [BatchEnd]
}

extension Landscape {
  public func value(at w: Vec2) -> Double { evaluate(w.x, w.y) }

  public func gradient(at w: Vec2) -> Vec2 {
    let (x, y) = Dual2.variables(at: w)
    return evaluate(x, y).gradient
  }

  public func valueAndGradient(at w: Vec2) -> (value: Double, gradient: Vec2) {
    let (x, y) = Dual2.variables(at: w)
    let d = evaluate(x, y)
    return (d.value, d.gradient)
  }

  public func jet(at w: Vec2) -> Jet2 {
    let (x, y) = Jet2.variables(at: w)
    return evaluate(x, y)
  }

  public func sampleRow(y: Double, x0: Double, dx: Double, into out: UnsafeMutableBufferPointer<Double>) {
    for i in out.indices { out[i] = evaluate(x0 + Double(i) * dx, y) }
  }

  public func valueAndGradient(lanes w: LaneVec<Lanes8>) -> (value: Lanes8, gradient: LaneVec<Lanes8>) {
    let (x, y) = LaneDual<Lanes8>.variables(at: w)
    let d = evaluate(x, y)
    return (d.value, d.gradient)
  }

  public func value(lanes w: LaneVec<Lanes8>) -> Lanes8 { evaluate(w.x, w.y) }

  public func runRoute(
    _ method: Method, from start: Vec2, steps: Int, noise: NoiseModel, stream: Xoshiro256StarStar,
    startIndex: Int, repeatIndex: Int, divergenceRadius: Double?
  ) -> Trajectory {
    Runner.route(
      method, on: self, from: start, steps: steps, noise: noise, stream: stream, startIndex: startIndex,
      repeatIndex: repeatIndex, divergenceRadius: divergenceRadius)
  }

  public func runEnd(
    _ rule: GradientRule, from start: Vec2, steps: Int, noise: NoiseModel, stream: Xoshiro256StarStar,
    divergenceRadius: Double?, pathEvery: Int?, convergenceStep: Bool, info: LandscapeInfo?
  ) -> BatchEnd {
    Runner.lean(
      rule, on: self, from: start, steps: steps, noise: noise, stream: stream, divergenceRadius: divergenceRadius,
      pathEvery: pathEvery, convergenceStep: convergenceStep, info: info)
  }

  public func runLanes(
    _ rule: GradientRule, _ job: BatchJob, _ info: LandscapeInfo, _ starts: [Vec2], _ streams: [Xoshiro256StarStar],
    paths: [Bool]
  ) -> [BatchEnd] {
    BatchRunner.runLanes(rule, job, self, info, starts, streams, paths: paths)
  }

  /// The exact Hessian `∇²L(w)`.
  public func hessian(at w: Vec2) -> Sym2 { jet(at: w).hessian }
}

/// Everything about a landscape that is not its formula.
public struct LandscapeInfo: Sendable {
  /// Catalogue name used on the command line (`two-valleys`).
  public var name: String
  /// One line for `flatland list landscapes`.
  public var summary: String
  /// The formula in readable Unicode, for titles (`x² + 10y²`).
  public var formula: String
  /// Where starting points make sense; a start outside it is rejected as a likely typo.
  public var domain: Box
  /// The default plot window.
  public var window: Box
  /// Every known local minimum, with value and Hessian eigenvalues (checked by tests).
  public var minima: [KnownMinimum]
  /// Whether contours read better on a log scale (huge dynamic range near the minima).
  public var contourScale: ContourScale
  /// Settings that give an instructive figure out of the box.
  public var suggested: SuggestedRun
  /// The formula in the typed-formula grammar (`x^2 + 10*y^2`); parsing it gives the same landscape.
  public var expression: String
  /// The formula as Pango markup for figure titles (italic variables, true superscripts).
  public var titleMarkup: String

  public init(
    name: String, summary: String, formula: String, domain: Box, window: Box,
    minima: [KnownMinimum], contourScale: ContourScale = .linear, suggested: SuggestedRun,
    expression: String = "", titleMarkup: String? = nil
  ) {
    self.expression = expression
    self.titleMarkup = titleMarkup ?? escapeForMarkup(formula)
    self.name = name
    self.summary = summary
    self.formula = formula
    self.domain = domain
    self.window = window
    self.minima = minima
    self.contourScale = contourScale
    self.suggested = suggested
  }
}

/// A local minimum known in advance: where, how deep, how curved.
public struct KnownMinimum: Sendable, Equatable {
  public var location: Vec2
  public var value: Double
  /// Hessian eigenvalues at the minimum, ascending: the flat and the sharp curvature.
  public var eigenvalues: (min: Double, max: Double)
  /// A short name for legends (`sharp-x well`); empty when the location says enough.
  public var label: String

  public init(location: Vec2, value: Double, eigenvalues: (Double, Double), label: String = "") {
    self.location = location
    self.value = value
    self.eigenvalues = (Swift.min(eigenvalues.0, eigenvalues.1), Swift.max(eigenvalues.0, eigenvalues.1))
    self.label = label
  }

  public static func == (l: KnownMinimum, r: KnownMinimum) -> Bool {
    l.location == r.location && l.value == r.value && l.eigenvalues == r.eigenvalues && l.label == r.label
  }
}

/// How contour levels are spaced by default.
public enum ContourScale: String, Sendable {
  case linear
  /// Log-spaced levels of `L − L_min + δ`, for landscapes whose interesting part is a tiny range.
  case logarithmic
}

/// Defaults the command line falls back on when a flag is not given.
public struct SuggestedRun: Sendable {
  public var starts: [Vec2]
  public var learningRate: Double
  public var rho: Double
  public var steps: Int
  /// VSAM's per-axis tolerance σ; `(1, 1)` (plain SAM) unless the landscape has a story for it.
  public var sigma: Vec2

  public init(starts: [Vec2], learningRate: Double, rho: Double, steps: Int, sigma: Vec2 = Vec2(1, 1)) {
    self.starts = starts
    self.learningRate = learningRate
    self.rho = rho
    self.steps = steps
    self.sigma = sigma
  }
}

/// `&`, `<` and `>` escaped for Pango markup.
func escapeForMarkup(_ text: String) -> String {
  text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    .replacingOccurrences(of: ">", with: "&gt;")
}
