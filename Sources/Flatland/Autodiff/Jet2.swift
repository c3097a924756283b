import Foundation

/// Second-order forward-mode jet in two variables: value, exact gradient and exact Hessian.
///
/// Product rule: `H(uv) = u·H(v) + v·H(u) + ∇u∇vᵀ + ∇v∇uᵀ`; unary chain rule:
/// `H(f∘u) = f′(u)·H(u) + f″(u)·∇u∇uᵀ`. Every landscape formula evaluated over `Jet2` gives the
/// Hessian used for sharpness, eigenvalues and the known-minima checks.
public struct Jet2: LandscapeScalar, Equatable {
  public var value: Double
  public var gradient: Vec2
  public var hessian: Sym2

  public init(value: Double, gradient: Vec2, hessian: Sym2) {
    self.value = value
    self.gradient = gradient
    self.hessian = hessian
  }

  public init(_ constant: Double) { self.init(value: constant, gradient: .zero, hessian: .zero) }

  /// The coordinate functions `x` and `y` at the point `w`.
  public static func variables(at w: Vec2) -> (x: Jet2, y: Jet2) {
    (
      Jet2(value: w.x, gradient: Vec2(1, 0), hessian: .zero),
      Jet2(value: w.y, gradient: Vec2(0, 1), hessian: .zero)
    )
  }

  /// Chain rule for a unary function `f` with `f′ = d1`, `f″ = d2` at `value`.
  func mapped(_ f: Double, _ d1: Double, _ d2: Double) -> Jet2 {
    Jet2(value: f, gradient: d1 * gradient, hessian: d1 * hessian + d2 * Sym2.outer(gradient))
  }

  public static func + (l: Jet2, r: Jet2) -> Jet2 {
    Jet2(value: l.value + r.value, gradient: l.gradient + r.gradient, hessian: l.hessian + r.hessian)
  }
  public static func - (l: Jet2, r: Jet2) -> Jet2 {
    Jet2(value: l.value - r.value, gradient: l.gradient - r.gradient, hessian: l.hessian - r.hessian)
  }
  public static func * (l: Jet2, r: Jet2) -> Jet2 {
    Jet2(
      value: l.value * r.value,
      gradient: l.value * r.gradient + r.value * l.gradient,
      hessian: l.value * r.hessian + r.value * l.hessian + Sym2.symmetricOuter(l.gradient, r.gradient))
  }
  public static func / (l: Jet2, r: Jet2) -> Jet2 {
    let inv = 1 / r.value
    return l * r.mapped(inv, -inv * inv, 2 * inv * inv * inv)
  }
  public static prefix func - (x: Jet2) -> Jet2 {
    Jet2(value: -x.value, gradient: -x.gradient, hessian: -1 * x.hessian)
  }

  public static func exp(_ x: Jet2) -> Jet2 {
    let e = LaneExp.exp(x.value)
    return x.mapped(e, e, e)
  }
  public static func log(_ x: Jet2) -> Jet2 {
    let inv = 1 / x.value
    return x.mapped(Foundation.log(x.value), inv, -inv * inv)
  }
  public static func sqrt(_ x: Jet2) -> Jet2 {
    // At exactly 0: zero derivatives (a subgradient, as for `abs`), never ∞·0 = NaN.
    if x.value == 0 { return Jet2(0) }
    let s = x.value.squareRoot()
    return x.mapped(s, 0.5 / s, -0.25 / (s * x.value))
  }
  public static func sin(_ x: Jet2) -> Jet2 {
    let s = Foundation.sin(x.value)
    return x.mapped(s, Foundation.cos(x.value), -s)
  }
  public static func cos(_ x: Jet2) -> Jet2 {
    let c = Foundation.cos(x.value)
    return x.mapped(c, -Foundation.sin(x.value), -c)
  }
  public static func tan(_ x: Jet2) -> Jet2 {
    let t = Foundation.tan(x.value)
    let d1 = 1 + t * t
    return x.mapped(t, d1, 2 * t * d1)
  }
  public static func tanh(_ x: Jet2) -> Jet2 {
    let t = Foundation.tanh(x.value)
    let d1 = 1 - t * t
    return x.mapped(t, d1, -2 * t * d1)
  }
  public static func abs(_ x: Jet2) -> Jet2 {
    let s: Double = x.value > 0 ? 1 : (x.value < 0 ? -1 : 0)
    return x.mapped(Swift.abs(x.value), s, 0)
  }
}
