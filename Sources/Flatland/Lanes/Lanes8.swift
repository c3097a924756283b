import Foundation

/// Eight runs' values in one SIMD register group: the batch engine's lane type.
///
/// Arithmetic is elementwise IEEE, identical to eight scalar operations; the transcendental
/// functions call the scalar ones lane by lane, so a formula over `Lanes8` gives exactly the
/// eight values it gives over `Double`.
public struct Lanes8: Lane {
  public typealias Mask = SIMDMask<SIMD8<Int64>>
  public var v: SIMD8<Double>

  @inline(__always) public init(_ v: SIMD8<Double>) { self.v = v }
  @inline(__always) public init(_ constant: Double) { v = SIMD8(repeating: constant) }

  public static var width: Int { 8 }
  public subscript(lane i: Int) -> Double {
    @inline(__always) get { v[i] }
    @inline(__always) set { v[i] = newValue }
  }

  @inline(__always) public static func + (l: Lanes8, r: Lanes8) -> Lanes8 { Lanes8(l.v + r.v) }
  @inline(__always) public static func - (l: Lanes8, r: Lanes8) -> Lanes8 { Lanes8(l.v - r.v) }
  @inline(__always) public static func * (l: Lanes8, r: Lanes8) -> Lanes8 { Lanes8(l.v * r.v) }
  @inline(__always) public static func / (l: Lanes8, r: Lanes8) -> Lanes8 { Lanes8(l.v / r.v) }
  @inline(__always) public static prefix func - (x: Lanes8) -> Lanes8 { Lanes8(-x.v) }

  @inline(__always) public static func exp(_ x: Lanes8) -> Lanes8 { LaneExp.exp(x) }
  public static func log(_ x: Lanes8) -> Lanes8 { x.map(Foundation.log) }
  @inline(__always) public static func sqrt(_ x: Lanes8) -> Lanes8 { Lanes8(x.v.squareRoot()) }
  public static func sin(_ x: Lanes8) -> Lanes8 { x.map(Foundation.sin) }
  public static func cos(_ x: Lanes8) -> Lanes8 { x.map(Foundation.cos) }
  public static func tan(_ x: Lanes8) -> Lanes8 { x.map(Foundation.tan) }
  public static func tanh(_ x: Lanes8) -> Lanes8 { x.map(Foundation.tanh) }
  @inline(__always) public static func abs(_ x: Lanes8) -> Lanes8 {
    // Clearing the sign bit: `Swift.abs` exactly, −0 and NaN included.
    let bits = unsafeBitCast(x.v, to: SIMD8<UInt64>.self) & SIMD8(repeating: 0x7fff_ffff_ffff_ffff)
    return Lanes8(unsafeBitCast(bits, to: SIMD8<Double>.self))
  }
  @inline(__always) public static func minimum(_ a: Lanes8, _ b: Lanes8) -> Lanes8 { select(isLess(b, a), b, a) }
  @inline(__always) public static func maximum(_ a: Lanes8, _ b: Lanes8) -> Lanes8 { select(isLess(a, b), b, a) }

  @inline(__always) public static func isLess(_ a: Lanes8, _ b: Lanes8) -> Mask { a.v .< b.v }
  @inline(__always) public static func isLessOrEqual(_ a: Lanes8, _ b: Lanes8) -> Mask { a.v .<= b.v }
  @inline(__always) public static func isEqual(_ a: Lanes8, _ b: Lanes8) -> Mask { a.v .== b.v }
  // x − x is 0 for every finite x and NaN for ±∞ and NaN.
  @inline(__always) public static func isFinite(_ a: Lanes8) -> Mask { a.v - a.v .== 0 }
  @inline(__always) public static func and(_ a: Mask, _ b: Mask) -> Mask { a .& b }
  @inline(__always) public static func or(_ a: Mask, _ b: Mask) -> Mask { a .| b }
  @inline(__always) public static func not(_ a: Mask) -> Mask { .!a }
  // Reductions by halving (the standard library's go through a generic `min`/`max`).
  @inline(__always) public static func any(_ m: Mask) -> Bool {
    let bits = unsafeBitCast(m, to: SIMD8<Int64>.self)
    let four = bits.lowHalf | bits.highHalf
    let two = four.lowHalf | four.highHalf
    return (two[0] | two[1]) != 0
  }
  @inline(__always) public static func all(_ m: Mask) -> Bool {
    let bits = unsafeBitCast(m, to: SIMD8<Int64>.self)
    let four = bits.lowHalf & bits.highHalf
    let two = four.lowHalf & four.highHalf
    return (two[0] & two[1]) != 0
  }
  @inline(__always) public static func mask(_ value: Bool) -> Mask { Mask(repeating: value) }
  @inline(__always) public static func mask(_ lane: (Int) -> Bool) -> Mask {
    var m = Mask(repeating: false)
    for i in 0..<8 { m[i] = lane(i) }
    return m
  }
  @inline(__always) public static func isSet(_ m: Mask, lane i: Int) -> Bool { m[i] }
  @inline(__always) public static func powerOfTwo(_ n: Lanes8) -> Lanes8 {
    // n + 1.5·2⁵² puts n in the low bits of the significand (|n| < 2⁵¹); then shift it into the exponent.
    let magic = 6_755_399_441_055_744.0
    let biased =
      unsafeBitCast(n.v + SIMD8(repeating: magic), to: SIMD8<Int64>.self)
      &- SIMD8(repeating: Int64(bitPattern: magic.bitPattern) &- 1023)
    return Lanes8(unsafeBitCast(biased &<< 52, to: SIMD8<Double>.self))
  }
  @inline(__always) public static func select(_ m: Mask, _ a: Lanes8, _ b: Lanes8) -> Lanes8 {
    Lanes8(b.v.replacing(with: a.v, where: m))
  }

}
