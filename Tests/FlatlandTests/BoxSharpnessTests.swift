import Foundation
import Testing

@testable import Flatland

/// The ∞-ball (box) worst case is exact: at 100 points of Himmelblau and two-valleys with ρ = 0.6,
/// where the maximiser often lies mid-edge, it matches a brute-force maximum to 1e-9.
@Suite struct BoxSharpnessTests {
  /// Every local maximum of 4001 samples per edge refined by golden-section search, and the best of
  /// a 201² interior grid refined by clamped gradient ascent.
  func bruteForce<L: Landscape>(_ landscape: L, at w: Vec2, rho: Double) -> Double {
    let base = landscape.value(at: w)
    var best = -Double.infinity
    let n = 4000
    for k in 0..<4 {
      func e(_ s: Double) -> Vec2 {
        [Vec2(s, -rho), Vec2(s, rho), Vec2(-rho, s), Vec2(rho, s)][k]
      }
      let values = (0...n).map { landscape.value(at: w + e(-rho + 2 * rho * Double($0) / Double(n))) }
      for i in 0...n {
        let left = i == 0 ? -Double.infinity : values[i - 1]
        let right = i == n ? -Double.infinity : values[i + 1]
        guard values[i] >= left, values[i] >= right else { continue }
        let s = -rho + 2 * rho * Double(i) / Double(n)
        let h = 2 * rho / Double(n)
        let refined = Sharpness.goldenMaximum(max(-rho, s - h), min(rho, s + h)) { landscape.value(at: w + e($0)) }
        best = max(best, values[i], refined.value)
      }
    }
    var inner = (value: -Double.infinity, e: Vec2.zero)
    for i in 1..<200 {
      for j in 1..<200 {
        let e = Vec2(-rho + rho * Double(i) / 100, -rho + rho * Double(j) / 100)
        let v = landscape.value(at: w + e)
        if v > inner.value { inner = (v, e) }
      }
    }
    // Refine the interior candidate with tiny clamped gradient steps.
    var e = inner.e
    var value = inner.value
    var step = 0.01 * rho
    while step > 1e-15 {
      let g = landscape.gradient(at: w + e)
      guard g.length > 0 else { break }
      let raw = e + (step / g.length) * g
      let next = Vec2(min(rho, max(-rho, raw.x)), min(rho, max(-rho, raw.y)))
      let v = landscape.value(at: w + next)
      if v > value {
        (e, value) = (next, v)
      } else {
        step *= 0.5
      }
    }
    return max(best, value) - base
  }

  static let points: [Vec2] = (0..<50).map { k in
    // A fixed scatter over [-4, 4]² (Himmelblau) scaled to two-valleys' window below.
    let a = Double(k) * 2.399963
    let r = 4 * (Double(k) + 0.5).squareRoot() / 50.0.squareRoot()
    return Vec2(r * cos(a), r * sin(a))
  }

  @Test func boxSharpnessMatchesABruteForceMaximum() {
    let rho = 0.6
    var midEdge = 0
    let cases: [(any Landscape, Double)] = [(Himmelblau(), 1), (TwoValleys(), 0.6)]
    for (landscape, scale) in cases {
      for p in Self.points {
        let w = scale * p
        let fast = Sharpness.worstCaseBox(of: landscape, at: w, rho: rho)
        let slow = bruteForce(landscape, at: w, rho: rho)
        #expect(abs(fast.value - slow) <= 1e-9 * max(1, abs(slow)), "\(w): \(fast.value) vs \(slow)")
        // The maximiser is feasible and gives the value reported.
        #expect(abs(fast.perturbation.x) <= rho && abs(fast.perturbation.y) <= rho)
        let reached = landscape.value(at: w + fast.perturbation) - landscape.value(at: w)
        #expect(abs(reached - fast.value) < 1e-12)
        let onX = abs(fast.perturbation.x) == rho
        let onY = abs(fast.perturbation.y) == rho
        if onX != onY { midEdge += 1 }
      }
    }
    #expect(midEdge >= 20, "only \(midEdge) maximisers mid-edge: the test would not see the old fault")
  }
}
