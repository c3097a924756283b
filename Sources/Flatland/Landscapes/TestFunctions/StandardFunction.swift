/// The classic optimisation test functions (ALGORITHMS.md A7). Each is a small struct whose formula
/// is written once, generic over the scalar type; its `info` lists every local minimum in the plot
/// window found by Newton's method on the exact Hessian from a grid of seeds (checked against the
/// published locations in the tests).
protocol StandardFunction: Landscape {
  static var name: String { get }
  static var summary: String { get }
  static var expression: String { get }
  static var domain: Box { get }
  static var window: Box { get }
  static var contourScale: ContourScale { get }
  static var suggested: SuggestedRun { get }
  /// Where Newton starts looking for minima (default: a 24 × 24 grid over the window).
  static var seeds: [Vec2] { get }
}

extension StandardFunction {
  static var contourScale: ContourScale { .linear }
  static var seeds: [Vec2] { gridSeeds(window, 24) }

  /// The metadata, computed once per type (the minima search costs a few thousand jets).
  func makeInfo() -> LandscapeInfo {
    let tree = try? ExpressionParser.parse(Self.expression)
    return LandscapeInfo(
      name: Self.name, summary: Self.summary,
      formula: tree?.unicode ?? Self.expression,
      domain: Self.domain, window: Self.window,
      minima: findMinima(of: self, seeds: Self.seeds, in: Self.window), contourScale: Self.contourScale,
      suggested: Self.suggested, expression: Self.expression,
      // Long formulas (Goldstein–Price) would crowd the title; they stay in `flatland list`.
      titleMarkup: Self.expression.count <= 70 ? tree?.markup : "")
  }
}

/// `(x + 2y − 7)² + (2x + y − 5)²`: a tilted bowl, minimum 0 at (1, 3), Hessian eigenvalues 2 and 18.
public struct Booth: StandardFunction {
  public init() {}
  static let name = "booth"
  static let summary = "tilted quadratic bowl, minimum 0 at (1, 3)"
  static let expression = "(x + 2*y - 7)^2 + (2*x + y - 5)^2"
  static let domain = Box(x: -10...10, y: -10...10)
  static let window = Box(x: -4...6, y: -2...8)
  static let suggested = SuggestedRun(starts: [Vec2(-3, -1)], learningRate: 0.02, rho: 0.2, steps: 200)
  static let cached = Booth().makeInfo()
  public var info: LandscapeInfo { Self.cached }
  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    let p = x + 2 * y - 7
    let q = 2 * x + y - 5
    return p * p + q * q
  }
}

/// `0.26(x² + y²) − 0.48xy`: a long, almost flat valley along x = y; minimum 0 at the origin.
public struct Matyas: StandardFunction {
  public init() {}
  static let name = "matyas"
  static let summary = "nearly flat valley along x = y (eigenvalues 0.04 and 1)"
  static let expression = "0.26*(x^2 + y^2) - 0.48*x*y"
  static let domain = Box(x: -10...10, y: -10...10)
  static let window = Box(x: -10...10, y: -10...10)
  static let suggested = SuggestedRun(starts: [Vec2(-8, 6)], learningRate: 0.5, rho: 0.5, steps: 300)
  static let cached = Matyas().makeInfo()
  public var info: LandscapeInfo { Self.cached }
  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    0.26 * (x * x + y * y) - 0.48 * x * y
  }
}

/// Beale: `(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²`, minimum 0 at (3, 0.5) in a
/// narrow curved valley; needs log contours.
public struct Beale: StandardFunction {
  public init() {}
  static let name = "beale"
  static let summary = "narrow curved valleys, minimum 0 at (3, 0.5); log contours"
  static let expression = "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2"
  static let domain = Box(x: -4.5...4.5, y: -4.5...4.5)
  static let window = Box(x: -4.5...4.5, y: -4.5...4.5)
  static let contourScale = ContourScale.logarithmic
  static let suggested = SuggestedRun(starts: [Vec2(1, 1.5)], learningRate: 0.002, rho: 0.05, steps: 1000)
  static let cached = Beale().makeInfo()
  public var info: LandscapeInfo { Self.cached }
  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    let a = 1.5 - x + x * y
    let b = 2.25 - x + x * y * y
    let c = 2.625 - x + x * y * y * y
    return a * a + b * b + c * c
  }
}

/// Goldstein–Price: global minimum 3 at (0, −1) and three local minima (30, 84, 840); values span
/// six decades, so it needs log contours.
public struct GoldsteinPrice: StandardFunction {
  public init() {}
  static let name = "goldstein-price"
  static let summary = "global minimum 3 at (0, −1), local minima 30, 84, 840; log contours"
  static let expression =
    "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
    + "*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))"
  static let domain = Box(x: -2...2, y: -2...2)
  static let window = Box(x: -2...2, y: -2...2)
  static let contourScale = ContourScale.logarithmic
  static let suggested = SuggestedRun(starts: [Vec2(-0.3, 0.5)], learningRate: 2e-5, rho: 0.05, steps: 1000)
  static let cached = GoldsteinPrice().makeInfo()
  public var info: LandscapeInfo { Self.cached }
  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    let s = x + y + 1
    let t = 2 * x - 3 * y
    let a = 1 + s * s * (19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y)
    let b = 30 + t * t * (18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y)
    return a * b
  }
}
