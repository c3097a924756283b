import Foundation
import Testing

@testable import Flatland

/// Sharpness measures (ALGORITHMS.md section 15) against closed forms, and basin maps.
@Suite struct AnalysisTests {
  /// `S_ρ(w) = max_θ [2ρ(a x cos θ + b y sin θ) + ρ²(a cos²θ + b sin²θ)]` for `a x² + b y²`, by a
  /// dense θ grid with a local parabola fit (independent of the toolkit's search).
  func closedForm(a: Double, b: Double, w: Vec2, rho: Double) -> Double {
    func s(_ t: Double) -> Double {
      2 * rho * (a * w.x * cos(t) + b * w.y * sin(t)) + rho * rho * (a * cos(t) * cos(t) + b * sin(t) * sin(t))
    }
    let n = 200_000
    var best = -Double.infinity
    var bestT = 0.0
    for k in 0..<n {
      let t = 2 * Double.pi * Double(k) / Double(n)
      if s(t) > best { (best, bestT) = (s(t), t) }
    }
    var lo = bestT - 2 * Double.pi / Double(n)
    var hi = bestT + 2 * Double.pi / Double(n)
    for _ in 0..<100 {
      let m1 = lo + (hi - lo) / 3
      let m2 = hi - (hi - lo) / 3
      if s(m1) < s(m2) { lo = m1 } else { hi = m2 }
    }
    return s((lo + hi) / 2)
  }

  @Test(arguments: [Vec2(0, 0), Vec2(0.3, -0.2), Vec2(1, 0), Vec2(0, 0.5), Vec2(-1.2, 0.7)])
  func worstCaseSharpnessMatchesTheClosedForm(_ w: Vec2) {
    let bowl = Quadratic(a: 1, b: 10)
    for rho in [0.05, 0.1, 0.3] {
      let s = Sharpness.worstCase(of: bowl, at: w, rho: rho)
      #expect(abs(s.value - closedForm(a: 1, b: 10, w: w, rho: rho)) < 1e-10, "w \(w), ρ \(rho)")
      #expect(abs(s.perturbation.length - rho) < 1e-9)
    }
    // At the minimum: ρ²·max(a, b); the ∞-ball: ρ²(a + b).
    #expect(abs(Sharpness.worstCase(of: bowl, at: .zero, rho: 0.1).value - 0.1) < 1e-12)
    #expect(abs(Sharpness.worstCaseBox(of: bowl, at: .zero, rho: 0.1).value - 0.11) < 1e-12)
  }

  /// For non-convex landscapes the maximum can lie inside the disk: at the bottom of a Gaussian hole
  /// the worst case over a large disk is the rim it reaches, and the search must not miss a bump.
  @Test func interiorMaximaAreFound() throws {
    let bump = try ExpressionLandscape(parsing: "exp(-50*((x-0.1)^2 + y^2))")
    let s = Sharpness.worstCase(of: bump, at: .zero, rho: 0.5)
    #expect(abs(s.value - (1 - exp(-0.5))) < 1e-9)
    #expect((s.perturbation - Vec2(0.1, 0)).length < 1e-4)
  }

  @Test func proxyIsALowerBoundAndUndefinedAtZeroGradient() {
    let l = TwoValleys()
    for w in [Vec2(0.3, 0.5), Vec2(-1, 1), Vec2(0.9, -0.4)] {
      let proxy = Sharpness.firstOrderProxy(of: l, at: w, rho: 0.1)!
      #expect(proxy <= Sharpness.worstCase(of: l, at: w, rho: 0.1).value + 1e-12)
    }
    #expect(Sharpness.firstOrderProxy(of: Quadratic(), at: .zero, rho: 0.1) == nil)
    #expect(Sharpness.surrogateGap(of: Quadratic(), at: .zero, rho: 0.1) > 0)
  }

  /// Adaptive sharpness with η = 0 does not change under w → c⊙w when L is rescaled to match
  /// (the scale invariance that motivates ASAM): L(x, y) and L(x/2, 3y) at (2x₀, y₀/3).
  @Test func adaptiveSharpnessIsScaleInvariant() throws {
    let l = try ExpressionLandscape(parsing: "(x*y - 1)^2")
    let scaled = try ExpressionLandscape(parsing: "((x/2)*(3*y) - 1)^2")
    let w = Vec2(0.8, 1.1)
    let a = Sharpness.adaptive(of: l, at: w, rho: 0.2, eta: 0).value
    let b = Sharpness.adaptive(of: scaled, at: Vec2(2 * w.x, w.y / 3), rho: 0.2, eta: 0).value
    #expect(abs(a - b) < 1e-10)
    let plainA = Sharpness.worstCase(of: l, at: w, rho: 0.2).value
    let plainB = Sharpness.worstCase(of: scaled, at: Vec2(2 * w.x, w.y / 3), rho: 0.2).value
    #expect(abs(plainA - plainB) > 1e-3)
  }

  @Test func mapQuantitiesAgreeWithTheHessian() {
    let q = Quadratic(a: 1, b: 10, angle: 30)
    #expect(abs(MapQuantity.lambdaMax.value(of: q, at: Vec2(0.3, 0.1), rho: 0) - 20) < 1e-12)
    #expect(abs(MapQuantity.lambdaMin.value(of: q, at: Vec2(0.3, 0.1), rho: 0) - 2) < 1e-12)
    #expect(abs(MapQuantity.trace.value(of: q, at: .zero, rho: 0) - 22) < 1e-12)
    let grid = GridMap(box: Box(x: -1...1, y: -1...1), nx: 4, ny: 3) { $0.x + 10 * $0.y }
    #expect(grid.values[1] == grid.center(1, 0).x + 10 * grid.center(1, 0).y)
  }

  @Test func basinMapsClassifyEveryStart() {
    let one = BasinMap(
      method: .sgd(learningRate: 0.05), landscape: Quadratic(a: 1, b: 1), box: Box(x: -2...2, y: -2...2), nx: 8,
      ny: 8, steps: 200)
    #expect(one.basins.allSatisfy { $0 == .minimum(0) })
    let himmelblau = BasinMap(
      method: .sgd(learningRate: 0.005), landscape: Himmelblau(), box: Box(x: -5...5, y: -5...5), nx: 10, ny: 10,
      steps: 600)
    #expect(abs(himmelblau.shares.values.reduce(0, +) - 1) < 1e-12)
    #expect(Set(himmelblau.basins).count >= 4)
    // Each corner of the window belongs to the minimum in its quadrant.
    #expect(himmelblau.basins[9 * 10 + 9] == .minimum(0))
    let diverging = BasinMap(
      method: .sgd(learningRate: 1.5), landscape: Quadratic(a: 1, b: 1), box: Box(x: -2...2, y: -2...2), nx: 3,
      ny: 3, steps: 100)
    #expect(diverging.basins.filter { $0 == .diverged }.count == 8)
  }
}
