import Foundation

/// Styblinski–Tang: `½Σ(xᵢ⁴ − 16xᵢ² + 5xᵢ)`; four minima, the global one ≈ −78.33 at (−2.9035, −2.9035).
public struct StyblinskiTang: StandardFunction {
  public init() {}
  static let name = "styblinski-tang"
  static let summary = "four minima, global −78.33 at (−2.904, −2.904)"
  static let expression = "0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)"
  static let domain = Box(x: -5...5, y: -5...5)
  static let window = Box(x: -5...5, y: -5...5)
  static let suggested = SuggestedRun(starts: [Vec2(0.5, 0.3)], learningRate: 0.01, rho: 0.2, steps: 300)
  static let cached = StyblinskiTang().makeInfo()
  public var info: LandscapeInfo { Self.cached }
  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    let x2 = x * x
    let y2 = y * y
    return 0.5 * (x2 * x2 - 16 * x2 + 5 * x + y2 * y2 - 16 * y2 + 5 * y)
  }
}

/// Rastrigin: `20 + Σ(xᵢ² − 10cos(2πxᵢ))`; global minimum 0 at the origin and a lattice of local minima
/// near the integer points (121 in the window).
public struct Rastrigin: StandardFunction {
  public init() {}
  static let name = "rastrigin"
  static let summary = "a lattice of 121 local minima around the global 0 at the origin"
  static let expression = "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)"
  static let domain = Box(x: -5.12...5.12, y: -5.12...5.12)
  static let window = Box(x: -5.12...5.12, y: -5.12...5.12)
  static let seeds = (-5...5).flatMap { i in (-5...5).map { Vec2(Double(i), Double($0)) } }
  static let suggested = SuggestedRun(starts: [Vec2(2.3, 3.4)], learningRate: 0.002, rho: 0.3, steps: 500)
  static let cached = Rastrigin().makeInfo()
  public var info: LandscapeInfo { Self.cached }
  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    20 + x * x - 10 * T.cos(2 * Double.pi * x) + y * y - 10 * T.cos(2 * Double.pi * y)
  }
}

/// Ackley: `−20·exp(−0.2·sqrt(½(x² + y²))) − exp(½(cos 2πx + cos 2πy)) + e + 20`; global minimum 0
/// at the origin, where the function has a kink (no gradient, unbounded curvature), and a lattice
/// of local minima. At the kink the derivative of the square root is taken as 0 (a subgradient),
/// so gradients there are finite, never NaN.
public struct Ackley: StandardFunction {
  public init() {}
  static let name = "ackley"
  static let summary = "non-differentiable global minimum 0 at the origin inside a lattice of local minima"
  static let expression = "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20"
  static let domain = Box(x: -5...5, y: -5...5)
  static let window = Box(x: -5...5, y: -5...5)
  static let seeds = (-5...5).flatMap { i in (-5...5).map { Vec2(Double(i), Double($0)) } }.filter { $0 != .zero }
  static let suggested = SuggestedRun(starts: [Vec2(2.3, 3.4)], learningRate: 0.02, rho: 0.5, steps: 500)
  static let cached: LandscapeInfo = {
    var info = Ackley().makeInfo()
    info.minima.removeAll { $0.location.length < 1e-6 }
    info.minima.insert(
      KnownMinimum(location: .zero, value: 0, eigenvalues: (.infinity, .infinity), label: "kink"), at: 0)
    return info
  }()
  public var info: LandscapeInfo { Self.cached }
  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    // At the origin `sqrt` has zero derivatives (see `LandscapeScalar.sqrt`): the kink gives no NaN.
    let r = T.sqrt(0.5 * (x * x + y * y))
    return -20 * T.exp(-0.2 * r) - T.exp(0.5 * (T.cos(2 * Double.pi * x) + T.cos(2 * Double.pi * y))) + M_E + 20
  }
}

/// Easom: `−cos x·cos y·exp(−((x − π)² + (y − π)²))`; a single narrow hole of depth −1 at (π, π) in a
/// plateau that is flat to machine precision — gradient methods started away from it do not move.
public struct Easom: StandardFunction {
  public init() {}
  static let name = "easom"
  static let summary = "one narrow hole −1 at (π, π) in an almost perfectly flat plateau"
  static let expression = "-cos(x)*cos(y)*exp(-((x - pi)^2 + (y - pi)^2))"
  static let domain = Box(x: -100...100, y: -100...100)
  static let window = Box(x: 0...6.3, y: 0...6.3)
  static let suggested = SuggestedRun(starts: [Vec2(2.2, 4.2)], learningRate: 0.1, rho: 0.2, steps: 300)
  static let cached = Easom().makeInfo()
  public var info: LandscapeInfo { Self.cached }
  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    let dx = x - Double.pi
    let dy = y - Double.pi
    return -(T.cos(x) * T.cos(y)) * T.exp(-(dx * dx + dy * dy))
  }
}
