import Foundation

/// `a·u² + b·v²` in coordinates `(u, v)` rotated by `angle` about `center`: the thesis's
/// local-convergence study, where SAM with a fixed radius orbits the minimum instead of reaching it.
public struct Quadratic: Landscape {
  public var a: Double
  public var b: Double
  /// Rotation of the principal axes, in degrees (counter-clockwise). Setting it recomputes the
  /// cosine and sine the formula uses.
  public var angle: Double {
    didSet {
      c = Foundation.cos(angle * .pi / 180)
      s = Foundation.sin(angle * .pi / 180)
    }
  }
  public var center: Vec2
  // cos/sin of the angle, kept with it.
  private var c: Double
  private var s: Double

  public init(a: Double = 1, b: Double = 10, angle: Double = 0, center: Vec2 = .zero) {
    self.a = a
    self.b = b
    self.angle = angle
    self.center = center
    c = Foundation.cos(angle * .pi / 180)
    s = Foundation.sin(angle * .pi / 180)
  }

  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    let dx = x - center.x
    let dy = y - center.y
    let u = rotated(dx, dy).u
    let v = rotated(dx, dy).v
    return a * u * u + b * v * v
  }

  func rotated<T: LandscapeArithmetic>(_ dx: T, _ dy: T) -> (u: T, v: T) {
    (c * dx + s * dy, c * dy - s * dx)
  }

  public var info: LandscapeInfo {
    let angleText = angle == 0 ? "" : ", axes rotated \(formatShort(angle))°"
    let centerText = center == .zero ? "" : " about (\(formatShort(center.x)), \(formatShort(center.y)))"
    let formula =
      angle == 0 && center == .zero
      ? "\(coefficient(a))x² + \(coefficient(b))y²"
      : "\(coefficient(a))u² + \(coefficient(b))v²\(angleText)\(centerText)"
    let minima =
      a > 0 && b > 0
      ? [KnownMinimum(location: center, value: 0, eigenvalues: (2 * a, 2 * b), label: "minimum")]
      : []
    let reach = 2.0
    let sharpest = Swift.max(Swift.abs(a), Swift.abs(b), 1e-12)
    return LandscapeInfo(
      name: "quadratic",
      summary: "a·x² + b·y², optionally rotated and shifted; curvatures 2a and 2b",
      formula: formula,
      domain: Box(center: center, halfWidth: 50),
      window: Box(center: center, halfWidth: reach),
      minima: minima,
      suggested: SuggestedRun(
        starts: [center + Vec2(-1.6, 1.2)], learningRate: 0.4 / sharpest, rho: 0.1, steps: 200),
      expression: expression)
  }

  /// The formula in the typed-formula grammar.
  var expression: String {
    let dx = center.x == 0 ? "x" : "(x - \(literal(center.x)))"
    let dy = center.y == 0 ? "y" : "(y - \(literal(center.y)))"
    if angle == 0 {
      return "\(literal(a))*\(dx)^2 + \(literal(b))*\(dy)^2"
    }
    let u = "(\(literal(c))*\(dx) + \(literal(s))*\(dy))"
    let v = "(\(literal(c))*\(dy) - \(literal(s))*\(dx))"
    return "\(literal(a))*\(u)^2 + \(literal(b))*\(v)^2"
  }

  private func coefficient(_ v: Double) -> String { v == 1 ? "" : formatShort(v) }
}
