/// Six-hump camel: `(4 − 2.1x² + x⁴/3)x² + xy + (4y² − 4)y²`; two global minima ≈ −1.0316 at
/// ±(0.0898, −0.7126) and four local ones.
public struct SixHumpCamel: StandardFunction {
  public init() {}
  static let name = "six-hump-camel"
  static let summary = "two global minima −1.0316 and four local ones of different sharpness"
  static let expression = "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (4*y^2 - 4)*y^2"
  static let domain = Box(x: -3...3, y: -2...2)
  static let window = Box(x: -2.5...2.5, y: -1.5...1.5)
  static let suggested = SuggestedRun(starts: [Vec2(-1.2, 1.2)], learningRate: 0.01, rho: 0.05, steps: 400)
  static let cached = SixHumpCamel().makeInfo()
  public var info: LandscapeInfo { Self.cached }
  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    let x2 = x * x
    let y2 = y * y
    return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (4 * y2 - 4) * y2
  }
}

/// Three-hump camel: `2x² − 1.05x⁴ + x⁶/6 + xy + y²`; global minimum 0 at the origin, two local ones.
public struct ThreeHumpCamel: StandardFunction {
  public init() {}
  static let name = "three-hump-camel"
  static let summary = "global minimum 0 at the origin beside two shallower local minima"
  static let expression = "2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2"
  static let domain = Box(x: -5...5, y: -5...5)
  static let window = Box(x: -2.5...2.5, y: -2.5...2.5)
  static let suggested = SuggestedRun(starts: [Vec2(-2.2, 2)], learningRate: 0.02, rho: 0.1, steps: 400)
  static let cached = ThreeHumpCamel().makeInfo()
  public var info: LandscapeInfo { Self.cached }
  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    let x2 = x * x
    return 2 * x2 - 1.05 * x2 * x2 + x2 * x2 * x2 / 6 + x * y + y * y
  }
}
