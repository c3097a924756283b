import Foundation
import Testing

@testable import Flatland

/// The lane exponential against glibc's `exp`: the documented bound, the IEEE special cases, and one
/// lane equal to eight.
@Suite struct LaneExpTests {
  /// ulps between two finite doubles of the same sign (0 when equal).
  static func ulps(_ a: Double, _ b: Double) -> UInt64 {
    if a == b { return 0 }
    let x = Int64(bitPattern: a.bitPattern)
    let y = Int64(bitPattern: b.bitPattern)
    return x > y ? UInt64(x - y) : UInt64(y - x)
  }

  @Test func withinOneUlpOfGlibcOnAMillionPoints() {
    var rng = Xoshiro256StarStar(seed: 11)
    var worst: UInt64 = 0
    var exact = 0
    let count = 1_000_000
    for k in 0..<count {
      // Half over the whole finite range, half over [−1, 1] where landscapes live.
      let u = rng.nextUniform()
      let x = k % 2 == 0 ? -745 + u * (709.78 + 745) : 2 * u - 1
      let d = Self.ulps(LaneExp.exp(x), Foundation.exp(x))
      worst = max(worst, d)
      if d == 0 { exact += 1 }
    }
    #expect(worst <= 1, "worst \(worst) ulp")
    print("lane exp: worst \(worst) ulp, \(exact) of \(count) exactly glibc's")
    #expect(Double(exact) / Double(count) > 0.9)
  }

  @Test func specialCases() {
    #expect(LaneExp.exp(0.0) == 1)
    #expect(LaneExp.exp(-0.0) == 1)
    #expect(LaneExp.exp(Double.infinity) == .infinity)
    #expect(LaneExp.exp(-Double.infinity) == 0)
    #expect(LaneExp.exp(Double.nan).isNaN)
    #expect(LaneExp.exp(710.0) == .infinity && LaneExp.exp(709.78) == Foundation.exp(709.78))
    #expect(LaneExp.exp(-746.0) == 0)
    for x in [-700.0, -708.5, -720.3, -744.9, -745.1] {  // subnormal results round once
      #expect(Self.ulps(LaneExp.exp(x), Foundation.exp(x)) <= 1, "exp(\(x))")
    }
    #expect(Self.ulps(LaneExp.exp(1.0), M_E) <= 1)
  }

  @Test func eightLanesAreEightScalars() {
    var rng = Xoshiro256StarStar(seed: 3)
    for _ in 0..<10_000 {
      var x = Lanes8(0)
      for i in 0..<8 { x[lane: i] = -800 + 1600 * rng.nextUniform() }
      let e = Lanes8.exp(x)
      for i in 0..<8 {
        let s = LaneExp.exp(x[lane: i])
        #expect(e[lane: i].bitPattern == s.bitPattern || (e[lane: i].isNaN && s.isNaN))
      }
    }
  }
}
