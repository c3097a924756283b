import Foundation

/// The arithmetic of independent runs stepped side by side: one run (`Double`) or eight (`Lanes8`).
///
/// The update rules of every gradient method are written once over a `Lane`, so the scalar runner
/// (width 1) and the batch engine (width 8) execute the same operations in the same order and their
/// end points agree bit for bit. Control flow that depends on values becomes a lane mask and a
/// `select`; what cannot be a mask (a random draw, SSAM's sparse masks) runs lane by lane.
public protocol Lane: LandscapeArithmetic, Equatable {
  /// One truth value per lane.
  associatedtype Mask: Sendable
  /// How many runs one value carries.
  static var width: Int { get }
  /// The value of one run.
  subscript(lane i: Int) -> Double { get set }

  static func isLess(_ a: Self, _ b: Self) -> Mask
  static func isLessOrEqual(_ a: Self, _ b: Self) -> Mask
  static func isEqual(_ a: Self, _ b: Self) -> Mask
  /// Neither NaN nor ±∞, per lane.
  static func isFinite(_ a: Self) -> Mask
  static func and(_ a: Mask, _ b: Mask) -> Mask
  static func or(_ a: Mask, _ b: Mask) -> Mask
  static func not(_ a: Mask) -> Mask
  static func any(_ m: Mask) -> Bool
  static func all(_ m: Mask) -> Bool
  /// The same truth value in every lane.
  static func mask(_ value: Bool) -> Mask
  /// A truth value per lane, computed lane by lane (random draws, sparse masks).
  static func mask(_ lane: (Int) -> Bool) -> Mask
  static func isSet(_ m: Mask, lane i: Int) -> Bool
  /// `a` where `m` holds, else `b`: for one lane exactly `m ? a : b`.
  static func select(_ m: Mask, _ a: Self, _ b: Self) -> Self
  /// `2ⁿ` for integral `n` in [−1022, 1023], built from its bits (exact).
  static func powerOfTwo(_ n: Self) -> Self
  /// `f` applied lane by lane (the rare transcendental of a schedule or a learned σ).
  func map(_ f: (Double) -> Double) -> Self

}

extension Lane {
  @inline(__always) public static func isGreater(_ a: Self, _ b: Self) -> Mask { isLess(b, a) }
  /// `Swift.max(a, b)` lane by lane, NaN handling included (`b >= a ? b : a`).
  @inline(__always) public static func larger(_ a: Self, _ b: Self) -> Self { select(isLessOrEqual(a, b), b, a) }
  public func map(_ f: (Double) -> Double) -> Self {
    var out = self
    for i in 0..<Self.width { out[lane: i] = f(self[lane: i]) }
    return out
  }
}

extension Double: Lane {
  public typealias Mask = Bool
  public static var width: Int { 1 }
  public subscript(lane i: Int) -> Double {
    get { self }
    set { self = newValue }
  }
  @inline(__always) public static func isLess(_ a: Double, _ b: Double) -> Bool { a < b }
  @inline(__always) public static func isLessOrEqual(_ a: Double, _ b: Double) -> Bool { a <= b }
  @inline(__always) public static func isEqual(_ a: Double, _ b: Double) -> Bool { a == b }
  @inline(__always) public static func isFinite(_ a: Double) -> Bool { a.isFinite }
  @inline(__always) public static func and(_ a: Bool, _ b: Bool) -> Bool { a && b }
  @inline(__always) public static func or(_ a: Bool, _ b: Bool) -> Bool { a || b }
  @inline(__always) public static func not(_ a: Bool) -> Bool { !a }
  @inline(__always) public static func any(_ m: Bool) -> Bool { m }
  @inline(__always) public static func all(_ m: Bool) -> Bool { m }
  @inline(__always) public static func mask(_ value: Bool) -> Bool { value }
  @inline(__always) public static func mask(_ lane: (Int) -> Bool) -> Bool { lane(0) }
  @inline(__always) public static func isSet(_ m: Bool, lane i: Int) -> Bool { m }
  @inline(__always) public static func select(_ m: Bool, _ a: Double, _ b: Double) -> Double { m ? a : b }
  public func map(_ f: (Double) -> Double) -> Double { f(self) }
  @inline(__always) public static func powerOfTwo(_ n: Double) -> Double {
    Double(bitPattern: UInt64(truncatingIfNeeded: Int64(n) + 1023) << 52)
  }

}
