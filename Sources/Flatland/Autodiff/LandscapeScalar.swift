import Foundation

/// The arithmetic a landscape formula is written in, once, for every use.
///
/// Adopted by `Double` (values, for grids and losses), `Dual2` (value + exact gradient) and `Jet2`
/// (value + gradient + Hessian). A formula written against this protocol therefore yields exact
/// derivatives of itself; finite differences appear only in tests, as a cross-check.
public protocol LandscapeScalar: Sendable {
  /// A constant (zero derivatives).
  init(_ constant: Double)
  /// The plain value, dropping any derivative information.
  var value: Double { get }

  static func + (l: Self, r: Self) -> Self
  static func - (l: Self, r: Self) -> Self
  static func * (l: Self, r: Self) -> Self
  static func / (l: Self, r: Self) -> Self
  static prefix func - (x: Self) -> Self

  static func exp(_ x: Self) -> Self
  static func log(_ x: Self) -> Self
  /// `√x`; at exactly 0 its derivatives are taken as 0 (the kink of Ackley's minimum), never NaN.
  static func sqrt(_ x: Self) -> Self
  static func sin(_ x: Self) -> Self
  static func cos(_ x: Self) -> Self
  static func tan(_ x: Self) -> Self
  static func tanh(_ x: Self) -> Self
  /// `|x|`, with derivative `sign(x)` and zero curvature (the kink at 0 gets derivative 0, never NaN).
  static func abs(_ x: Self) -> Self
}

// Mixed scalar–constant arithmetic, so formulas read like the paper: `2 * x * x - 1`.
extension LandscapeScalar {
  public static func + (l: Self, r: Double) -> Self { l + Self(r) }
  public static func + (l: Double, r: Self) -> Self { Self(l) + r }
  public static func - (l: Self, r: Double) -> Self { l - Self(r) }
  public static func - (l: Double, r: Self) -> Self { Self(l) - r }
  public static func * (l: Self, r: Double) -> Self { l * Self(r) }
  public static func * (l: Double, r: Self) -> Self { Self(l) * r }
  public static func / (l: Self, r: Double) -> Self { l * Self(1 / r) }

  /// `x²`, the most common power in landscapes.
  public static func square(_ x: Self) -> Self { x * x }
}

extension Double: LandscapeScalar {
  public var value: Double { self }
  public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
  public static func log(_ x: Double) -> Double { Foundation.log(x) }
  public static func sqrt(_ x: Double) -> Double { x.squareRoot() }
  public static func sin(_ x: Double) -> Double { Foundation.sin(x) }
  public static func cos(_ x: Double) -> Double { Foundation.cos(x) }
  public static func tan(_ x: Double) -> Double { Foundation.tan(x) }
  public static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
  public static func abs(_ x: Double) -> Double { Swift.abs(x) }
}
