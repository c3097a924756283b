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

/// Sharpness maps run the exact worst case eight points at a time: bit for bit the scalar search.
@Suite struct LaneSharpnessTests {
  static let cases: [(String, any Landscape)] = [
    ("two-valleys", TwoValleys()), ("himmelblau", Himmelblau()), ("rosenbrock", Rosenbrock()),
    ("quadratic", Quadratic(a: 1, b: 1)),
  ]

  @Test(arguments: [0.05, 0.3, 1.2])
  func worstCasesInLanesAreTheScalarOnes(_ rho: Double) throws {
    var landscapes = Self.cases
    let formula = try ExpressionLandscape(
      parsing: "sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2)", window: Box(x: -2...2, y: -2...2))
    landscapes.append(("formula", formula))
    for (name, landscape) in landscapes {
      let window = landscape.info.window
      // 24 points: three groups of eight.
      // The origin (symmetric: tied samples) and a point near the formula's local maximum at
      // (π/6, 0), where the interior beats the circle and the projected ascent runs.
      var points = [Vec2.zero, Vec2(0.5, 0.02)]
      for k in 2..<24 {
        let u = Double((k * 7) % 24) / 24
        let v = Double((k * 5) % 24) / 24
        points.append(Vec2(window.xmin + window.width * u, window.ymin + window.height * v))
      }
      for group in stride(from: 0, to: 24, by: 8) {
        var w = LaneVec<Lanes8>.zero
        for l in 0..<8 { w[lane: l] = points[group + l] }
        for quantity in [MapQuantity.sharpness, .adaptiveSharpness, .perturbedLoss] {
          let lanes = openAndEvaluate(landscape, quantity, w, rho)
          for l in 0..<8 {
            let scalar = openScalar(landscape, quantity, points[group + l], rho)
            let same = lanes[lane: l].bitPattern == scalar.bitPattern
            #expect(same, "\(name) \(quantity.rawValue) ρ = \(rho) at \(points[group + l])")
          }
        }
      }
    }
  }

  func openAndEvaluate<L: Landscape>(_ l: L, _ q: MapQuantity, _ w: LaneVec<Lanes8>, _ rho: Double) -> Lanes8 {
    q.values(of: l, at: w, rho: rho)
  }
  func openScalar<L: Landscape>(_ l: L, _ q: MapQuantity, _ w: Vec2, _ rho: Double) -> Double {
    q.value(of: l, at: w, rho: rho)
  }

  @Test func topThreeIsAStableDescendingSortsPrefix() {
    #expect(Sharpness.topThree([1, 3, 3, 2, 3]) == [1, 2, 4])
    #expect(Sharpness.topThree([.nan, 1, .nan, 0]) == [1, 3, 0])
    #expect(Sharpness.topThree([5]) == [0])
    let values = (0..<200).map { Double(($0 * 37) % 23) }
    #expect(Sharpness.topThree(values) == Array(values.indices.sorted { values[$0] > values[$1] }.prefix(3)))
  }
}
