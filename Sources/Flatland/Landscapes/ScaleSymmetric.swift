/// `(x·y − 1)² + λ(x² + y²)`: the rescaling symmetry behind ASAM.
///
/// With λ = 0 every point of the hyperbola `xy = 1` is a minimum and represents the same product,
/// yet the curvature there, `2(x² + y²)`, changes along it (Dinh et al.'s argument): SAM drifts
/// toward the balanced point `x = y`. With `0 < λ < 1` the minima are isolated at
/// `x = y = ±sqrt(1 − λ)`, with value `2λ − λ²` and Hessian eigenvalues `4λ` and `4 − 4λ`.
public struct ScaleSymmetric: Landscape {
  public var lambda: Double

  public init(lambda: Double = 0) { self.lambda = lambda }

  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    let p = x * y - 1
    return p * p + lambda * (x * x + y * y)
  }

  public var info: LandscapeInfo {
    var minima: [KnownMinimum] = []
    if lambda >= 0 && lambda < 1 {
      let t = (1 - lambda).squareRoot()
      let value = 2 * lambda - lambda * lambda
      let label = lambda == 0 ? "balanced point of xy = 1" : ""
      minima = [
        KnownMinimum(location: Vec2(t, t), value: value, eigenvalues: (4 * lambda, 4 - 4 * lambda), label: label),
        KnownMinimum(location: Vec2(-t, -t), value: value, eigenvalues: (4 * lambda, 4 - 4 * lambda), label: label),
      ]
    }
    return LandscapeInfo(
      name: "scale-symmetric",
      summary: "(xy − 1)² + λ‖w‖²: minima along xy = 1 whose sharpness changes under rescaling",
      formula: lambda == 0 ? "(xy − 1)²" : "(xy − 1)² + \(formatShort(lambda))(x² + y²)",
      domain: Box(x: -20...20, y: -20...20),
      window: Box(x: -0.5...3.5, y: -0.5...3.5),
      minima: minima,
      suggested: SuggestedRun(starts: [Vec2(3, 0.2)], learningRate: 0.02, rho: 0.1, steps: 800),
      expression: "(x*y - 1)^2 + \(literal(lambda))*(x^2 + y^2)")
  }
}
