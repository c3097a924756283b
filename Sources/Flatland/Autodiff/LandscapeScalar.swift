import Foundation

/// The arithmetic a landscape formula is written in, once, for every use.
///
/// Adopted by `Double` (values, for grids and losses), `Dual2` (value + exact gradient), `Jet2`
/// (value + gradient + Hessian), and by many runs side by side: `Lanes8` (eight values) and
/// `LaneDual` (eight values with their gradients) for the batch engine. A formula written against
/// this protocol therefore yields exact derivatives of itself, one run or eight at a time;
/// finite differences appear only in tests, as a cross-check.
public protocol LandscapeArithmetic: Sendable {
  /// A constant (zero derivatives).
  init(_ constant: Double)

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
  // Arithmetic with a constant, which the operators below route through: requirements (with
  // defaults) so that a dual number can skip the derivative terms a constant contributes nothing
  // to. (Division by a constant stays `l * (1/r)` for every type alike.)
  /// `x + c`.
  static func shifted(_ x: Self, by c: Double) -> Self
  /// `c − x`.
  static func subtracted(_ x: Self, from c: Double) -> Self
  /// `c · x`.
  static func scaled(_ x: Self, by c: Double) -> Self

  /// The smaller of two values, with its derivatives (lane by lane for lanes).
  static func minimum(_ a: Self, _ b: Self) -> Self
  /// The larger of two values, with its derivatives.
  static func maximum(_ a: Self, _ b: Self) -> Self
}

/// A landscape scalar with one plain value: one run's arithmetic.
public protocol LandscapeScalar: LandscapeArithmetic {
  /// The plain value, dropping any derivative information.
  var value: Double { get }
}

extension LandscapeScalar {
  // `b` when it is strictly smaller, else `a`: the typed formula's rule for `min(a, b)`.
  public static func minimum(_ a: Self, _ b: Self) -> Self { b.value < a.value ? b : a }
  public static func maximum(_ a: Self, _ b: Self) -> Self { b.value > a.value ? b : a }
}

// Mixed scalar–constant arithmetic, so formulas read like the paper: `2 * x * x - 1`.
extension LandscapeArithmetic {
  public static func shifted(_ x: Self, by c: Double) -> Self { x + Self(c) }
  public static func subtracted(_ x: Self, from c: Double) -> Self { Self(c) - x }
  public static func scaled(_ x: Self, by c: Double) -> Self { Self(c) * x }

  @inline(__always) public static func + (l: Self, r: Double) -> Self { shifted(l, by: r) }
  @inline(__always) public static func + (l: Double, r: Self) -> Self { shifted(r, by: l) }
  @inline(__always) public static func - (l: Self, r: Double) -> Self { shifted(l, by: -r) }
  @inline(__always) public static func - (l: Double, r: Self) -> Self { subtracted(r, from: l) }
  @inline(__always) public static func * (l: Self, r: Double) -> Self { scaled(l, by: r) }
  @inline(__always) public static func * (l: Double, r: Self) -> Self { scaled(r, by: l) }
  @inline(__always) public static func / (l: Self, r: Double) -> Self { l * Self(1 / r) }

  /// `x²`, the most common power in landscapes.
  public static func square(_ x: Self) -> Self { x * x }
}

extension Double: LandscapeScalar {
  public var value: Double { self }
  public static func exp(_ x: Double) -> Double { LaneExp.exp(x) }
  public static func log(_ x: Double) -> Double { Foundation.log(x) }
  public static func sqrt(_ x: Double) -> Double { x.squareRoot() }
  public static func sin(_ x: Double) -> Double { Foundation.sin(x) }
  public static func cos(_ x: Double) -> Double { Foundation.cos(x) }
  public static func tan(_ x: Double) -> Double { Foundation.tan(x) }
  public static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
  public static func abs(_ x: Double) -> Double { Swift.abs(x) }
  public static func minimum(_ a: Double, _ b: Double) -> Double { b < a ? b : a }
  public static func maximum(_ a: Double, _ b: Double) -> Double { b > a ? b : a }
}
