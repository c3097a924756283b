import Testing

@testable import Flatland

/// The special cases of ALGORITHMS.md hold along whole trajectories (200 steps, two landscapes).
@Suite struct ReductionTests {
  static let cases: [(any Landscape, Vec2)] = [
    (Quadratic(a: 1, b: 10), Vec2(-1.6, 1.2)),
    (TwoValleys(), Vec2(0.3, 2)),
  ]

  func maxDistance(_ a: Trajectory, _ b: Trajectory) -> Double {
    zip(a.points, b.points).map { ($0 - $1).length }.max() ?? .infinity
  }

  func run(_ m: Method, _ index: Int) -> Trajectory {
    let (landscape, start) = Self.cases[index]
    return RouteExperiment(landscape: landscape, methods: [m], starts: [start], steps: 200).run()[0]
  }

  @Test(arguments: [0, 1])
  func samWithZeroRadiusIsSGD(_ i: Int) {
    let sam = run(.sam(learningRate: 0.03, rho: 0), i)
    let sgd = run(.sgd(learningRate: 0.03), i)
    #expect(sam.points == sgd.points)
  }

  @Test(arguments: [0, 1])
  func gsamWithZeroAlphaIsSAM(_ i: Int) {
    let gsam = run(.gsam(learningRate: 0.03, rho: 0.1, alpha: 0), i)
    let sam = run(.sam(learningRate: 0.03, rho: 0.1), i)
    #expect(maxDistance(gsam, sam) <= 1e-12)
  }

  @Test(arguments: [0, 1])
  func vsamWithEqualSigmaIsSAMWithScaledRadius(_ i: Int) {
    for c in [0.5, 2.0] {
      let vsam = run(.vsam(learningRate: 0.03, rho: 0.1, sigma: Vec2(c, c)), i)
      let sam = run(.sam(learningRate: 0.03, rho: c * 0.1), i)
      #expect(maxDistance(vsam, sam) <= 1e-12, "c = \(c)")
    }
  }

  @Test func noMethodProducesNaNAtAZeroGradient() {
    for method: Method in [
      .sam(learningRate: 0.1, rho: 0.1), .gsam(learningRate: 0.1, rho: 0.1, alpha: 0.5),
      .vsam(learningRate: 0.1, rho: 0.1, sigma: Vec2(1, 0.1)), .momentum(learningRate: 0.1),
    ] {
      let t = Runner.run(method, on: Quadratic(a: 1, b: 10), from: .zero, steps: 5)
      #expect(t.points.allSatisfy { $0 == .zero }, "\(method.name)")
      #expect(t.records.allSatisfy { $0.perturbation == .zero && $0.direction == .zero })
    }
  }
}
