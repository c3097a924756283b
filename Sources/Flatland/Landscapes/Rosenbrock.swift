/// Rosenbrock's banana `(a − x)² + b(y − x²)²`: a curved, very ill-conditioned valley with its
/// minimum at `(a, a²)` (Hessian `[[2 + 8ba², −4ba], [−4ba, 2b]]` there).
public struct Rosenbrock: Landscape {
  public var a: Double
  public var b: Double

  public init(a: Double = 1, b: Double = 100) {
    self.a = a
    self.b = b
  }

  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    let p = a - x
    let q = y - x * x
    return p * p + b * q * q
  }

  public var info: LandscapeInfo {
    let hessian = Sym2(xx: 2 + 8 * b * a * a, xy: -4 * b * a, yy: 2 * b)
    let (lo, hi) = hessian.eigenvalues
    let minima = b > 0 ? [KnownMinimum(location: Vec2(a, a * a), value: 0, eigenvalues: (lo, hi))] : []
    return LandscapeInfo(
      name: "rosenbrock",
      summary: "curved narrow valley, minimum at (a, a²); needs log-spaced contours",
      formula: b == 100 && a == 1 ? "(1 − x)² + 100(y − x²)²" : "(\(formatShort(a)) − x)² + \(formatShort(b))(y − x²)²",
      domain: Box(x: -10...10, y: -10...10),
      window: Box(x: (a - 3)...(a + 1.5), y: (a * a - 2)...(a * a + 2.5)),
      minima: minima,
      contourScale: .logarithmic,
      suggested: SuggestedRun(starts: [Vec2(-1.5, 2)], learningRate: 0.0015, rho: 0.05, steps: 2000),
      expression: "(\(literal(a)) - x)^2 + \(literal(b))*(y - x^2)^2")
  }
}
