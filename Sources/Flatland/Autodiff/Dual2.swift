import Foundation

/// First-order forward-mode jet in two variables: a value and its exact gradient.
///
/// The optimizers need only gradients, so this is the cheap path (about a third of `Jet2`'s work).
public struct Dual2: LandscapeScalar, Equatable {
  public var value: Double
  public var gradient: Vec2

  public init(value: Double, gradient: Vec2) {
    self.value = value
    self.gradient = gradient
  }

  public init(_ constant: Double) { self.init(value: constant, gradient: .zero) }

  /// The coordinate functions `x` and `y` at the point `w`, ready to be fed to a formula.
  public static func variables(at w: Vec2) -> (x: Dual2, y: Dual2) {
    (Dual2(value: w.x, gradient: Vec2(1, 0)), Dual2(value: w.y, gradient: Vec2(0, 1)))
  }

  /// Chain rule for a unary function with derivative `d` at `value`.
  func mapped(_ f: Double, _ d: Double) -> Dual2 { Dual2(value: f, gradient: d * gradient) }

  public static func + (l: Dual2, r: Dual2) -> Dual2 {
    Dual2(value: l.value + r.value, gradient: l.gradient + r.gradient)
  }
  public static func - (l: Dual2, r: Dual2) -> Dual2 {
    Dual2(value: l.value - r.value, gradient: l.gradient - r.gradient)
  }
  public static func * (l: Dual2, r: Dual2) -> Dual2 {
    Dual2(value: l.value * r.value, gradient: l.value * r.gradient + r.value * l.gradient)
  }
  public static func / (l: Dual2, r: Dual2) -> Dual2 {
    let q = l.value / r.value
    return Dual2(value: q, gradient: (l.gradient - q * r.gradient) / r.value)
  }
  public static prefix func - (x: Dual2) -> Dual2 { Dual2(value: -x.value, gradient: -x.gradient) }

  // A constant has no derivative: these skip the terms it would contribute (LaneDual mirrors them).
  public static func shifted(_ x: Dual2, by c: Double) -> Dual2 { Dual2(value: x.value + c, gradient: x.gradient) }
  public static func subtracted(_ x: Dual2, from c: Double) -> Dual2 {
    Dual2(value: c - x.value, gradient: -x.gradient)
  }
  public static func scaled(_ x: Dual2, by c: Double) -> Dual2 { Dual2(value: c * x.value, gradient: c * x.gradient) }

  @inline(__always) public static func exp(_ x: Dual2) -> Dual2 {
    let e = LaneExp.exp(x.value)
    return x.mapped(e, e)
  }
  public static func log(_ x: Dual2) -> Dual2 { x.mapped(Foundation.log(x.value), 1 / x.value) }
  public static func sqrt(_ x: Dual2) -> Dual2 {
    // At exactly 0 the derivative is unbounded: take 0 (a subgradient, as for `abs`), never ∞·0 = NaN.
    if x.value == 0 { return Dual2(0) }
    let s = x.value.squareRoot()
    return x.mapped(s, 0.5 / s)
  }
  public static func sin(_ x: Dual2) -> Dual2 { x.mapped(Foundation.sin(x.value), Foundation.cos(x.value)) }
  public static func cos(_ x: Dual2) -> Dual2 { x.mapped(Foundation.cos(x.value), -Foundation.sin(x.value)) }
  public static func tan(_ x: Dual2) -> Dual2 {
    let t = Foundation.tan(x.value)
    return x.mapped(t, 1 + t * t)
  }
  public static func tanh(_ x: Dual2) -> Dual2 {
    let t = Foundation.tanh(x.value)
    return x.mapped(t, 1 - t * t)
  }
  public static func abs(_ x: Dual2) -> Dual2 {
    x.mapped(Swift.abs(x.value), x.value > 0 ? 1 : (x.value < 0 ? -1 : 0))
  }
}
