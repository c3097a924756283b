import Testing

@testable import Flatland

/// The first three steps of every foundation optimizer on x² + 10y² match an independent reference
/// (Tests/Fixtures/reference_steps.py, plain Python written from ALGORITHMS.md) to 1e-12.
@Suite struct OptimizerReferenceTests {
  static let bowl = Quadratic(a: 1, b: 10)
  static let methods: [String: Method] = [
    "sgd": .sgd(learningRate: 0.01),
    "momentum": .momentum(learningRate: 0.01, momentum: 0.9),
    "sam": .sam(learningRate: 0.01, rho: 0.05),
    "gsam": .gsam(learningRate: 0.01, rho: 0.05, alpha: 0.3),
    "vsam": .vsam(learningRate: 0.01, rho: 0.05, sigma: Vec2(0.5, 0.2)),
  ]

  @Test(arguments: ["sgd", "momentum", "sam", "gsam", "vsam"])
  func firstThreeStepsMatchTheReference(_ name: String) throws {
    let expected = try #require(ReferenceSteps.shared.steps[name])
    let trajectory = Runner.run(try #require(Self.methods[name]), on: Self.bowl, from: Vec2(1, 0.5), steps: 3)
    #expect(trajectory.points.count == 4)
    for (point, reference) in zip(trajectory.points, expected) {
      #expect(
        abs(point.x - reference[0]) <= 1e-12 && abs(point.y - reference[1]) <= 1e-12,
        "\(name): \(point) vs \(reference)")
    }
  }

  /// Hand-checked: SGD's first step is w − η·(2x, 20y) = (1 − 0.02, 0.5 − 0.1).
  @Test func sgdFirstStepByHand() {
    let t = Runner.run(.sgd(learningRate: 0.01), on: Self.bowl, from: Vec2(1, 0.5), steps: 1)
    #expect(t.points[1] == Vec2(0.98, 0.4))
  }

  /// Hand-checked: at w = (1, 0.5), g = (2, 10), ‖g‖ = √104, e = 0.05·g/‖g‖, and SAM descends on
  /// g(w + e) = (2(1 + e₁), 20(0.5 + e₂)).
  @Test func samFirstStepByHand() {
    let n = 104.0.squareRoot()
    let e = Vec2(0.05 * 2 / n, 0.05 * 10 / n)
    let expected = Vec2(1, 0.5) - 0.01 * Vec2(2 * (1 + e.x), 20 * (0.5 + e.y))
    let t = Runner.run(.sam(learningRate: 0.01, rho: 0.05), on: Self.bowl, from: Vec2(1, 0.5), steps: 1)
    #expect(close(t.points[1], expected, 1e-14))
    #expect(close(t.records[0].perturbation, e, 1e-12))
    #expect(t.gradientEvaluations == [0, 2])
  }

  @Test func costAccountingCountsGradients() {
    let sgd = Runner.run(.sgd(learningRate: 0.01), on: Self.bowl, from: Vec2(1, 0.5), steps: 5)
    let sam = Runner.run(.sam(learningRate: 0.01, rho: 0.05), on: Self.bowl, from: Vec2(1, 0.5), steps: 5)
    #expect(sgd.gradientEvaluations == [0, 1, 2, 3, 4, 5])
    #expect(sam.gradientEvaluations == [0, 2, 4, 6, 8, 10])
  }

  @Test func xoshiroMatchesTheReferenceImplementation() {
    var rng = Xoshiro256StarStar(seed: 42)
    let outputs = (0..<5).map { _ in String(rng.next()) }
    #expect(outputs == ReferenceSteps.shared.xoshiroSeed42)
  }

  @Test func gaussianDrawsHaveUnitMomentsAndNoNaN() {
    var rng = Xoshiro256StarStar(seed: 3)
    var sum = Vec2.zero
    var sumSquares = Vec2.zero
    let n = 40_000
    for _ in 0..<n {
      let z = rng.nextGaussianPair()
      #expect(z.isFinite)
      sum += z
      sumSquares += z * z
    }
    let mean = sum / Double(n)
    let variance = sumSquares / Double(n) - mean * mean
    // 5 standard errors: mean ± 5/√n, variance ± 5·√(2/n).
    #expect(abs(mean.x) < 0.025 && abs(mean.y) < 0.025)
    #expect(abs(variance.x - 1) < 0.036 && abs(variance.y - 1) < 0.036)
  }
}
