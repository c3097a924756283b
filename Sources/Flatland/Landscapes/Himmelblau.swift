/// Himmelblau's function `(x² + y − 11)² + (x + y² − 7)²`: four minima of value 0 with different
/// curvature, the best standard flat-versus-sharp test case.
public struct Himmelblau: Landscape {
  public init() {}

  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    let p = x * x + y - 11
    let q = x + y * y - 7
    return p * p + q * q
  }

  /// The published locations (6 digits), refined by Newton's method to machine precision.
  static let publishedMinima: [Vec2] = [
    Vec2(3, 2), Vec2(-2.805118, 3.131312), Vec2(-3.779310, -3.283186), Vec2(3.584428, -1.848126),
  ]

  public var info: LandscapeInfo {
    LandscapeInfo(
      name: "himmelblau",
      summary: "four minima of value 0 with different curvature (flattest at (3, 2))",
      formula: "(x² + y − 11)² + (x + y² − 7)²",
      domain: Box(x: -10...10, y: -10...10),
      window: Box(x: -5...5, y: -5...5),
      minima: Self.publishedMinima.compactMap { refineMinimum(of: self, near: $0) },
      contourScale: .logarithmic,
      suggested: SuggestedRun(
        starts: [Vec2(-1, 1), Vec2(0, -1), Vec2(1, 4.5), Vec2(-4.5, 0.5)], learningRate: 0.005, rho: 0.1,
        steps: 300),
      expression: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2")
  }
}
