import Foundation
import Testing

@testable import Flatland

/// Presets whose rule has an expectation: the averages over many independent runs agree with it
/// within five standard errors. Also cost accounting and the optax oracle.
@Suite struct StochasticPresetTests {
  static let bowl = Quadratic(a: 1, b: 10)
  static let start = Vec2(1, 0.5)
  static let runs = 4000

  /// Random SAM's step is `−η·g(w + σξ)`; on a quadratic its mean is the SGD step and its
  /// variance `η²·(Hσ)²` per coordinate.
  @Test func randomSAMMeanStepIsTheGradientStep() {
    let sigma = Vec2(0.3, 0.1)
    let method = preset("random-sam", ["sigma": "0.3,0.1"])
    var sum = Vec2.zero
    for seed in 0..<Self.runs {
      sum += Runner.run(method, on: Self.bowl, from: Self.start, steps: 1, seed: UInt64(seed)).points[1]
    }
    let mean = sum / Double(Self.runs)
    let expected = Self.start - 0.01 * Self.bowl.gradient(at: Self.start)
    let sd = 0.01 * Vec2(2, 20) * sigma / Double(Self.runs).squareRoot()
    #expect(abs(mean.x - expected.x) < 5 * sd.x && abs(mean.y - expected.y) < 5 * sd.y, "\(mean) vs \(expected)")
  }

  /// RST spends 1 + p gradients per step on average (a SAM step with probability p).
  @Test func rstCostsOnePlusPGradientsPerStep() {
    let p = 0.3
    let t = Runner.run(preset("rst", ["p": "0.3"]), on: Self.bowl, from: Self.start, steps: 20_000, seed: 5)
    let perStep = Double(t.gradientEvaluations.last ?? 0) / 20_000
    let se = (p * (1 - p) / 20_000).squareRoot()
    #expect(abs(perStep - (1 + p)) < 5 * se, "\(perStep)")
    #expect(abs(preset("rst", ["p": "0.3"]).cost.gradients - 1.3) < 1e-15)
  }

  /// ESAM (per tensor) keeps the perturbation with probability β, and then its length is ρ/β.
  @Test func esamKeepsTheFractionBetaAtRadiusRhoOverBeta() {
    let t = Runner.run(preset("esam", ["beta": "0.6"]), on: Self.bowl, from: Vec2(3, 2), steps: 5_000, seed: 2)
    let kept = t.records.dropFirst().filter { $0.perturbation != .zero }
    let fraction = Double(kept.count) / Double(t.records.count - 1)
    #expect(abs(fraction - 0.6) < 5 * (0.6 * 0.4 / 5_000).squareRoot(), "\(fraction)")
    #expect(
      kept.allSatisfy { r in
        let n = r.gradient.length
        return abs(r.perturbation.length - 0.05 / 0.6 * n / (n + 1e-7)) < 1e-12
      })
  }

  /// MFVI learns σ toward the balance of data and prior terms: on a quadratic `E[∇σ] = σ·diag(H)`,
  /// so σᵢ² → β/(β/s₀² + Hᵢᵢ) (s₀ = 10 by default); the sharp direction gets the smaller σ. So does
  /// the exact-KL reconstruction, with s₀ = 1.
  @Test(arguments: ["released", "exact-kl"])
  func mfviLearnsASmallerSigmaAlongTheSharpAxis(_ form: String) throws {
    let s0 = form == "released" ? 10.0 : 1.0
    let t = Runner.run(
      preset("mfvi", ["sigma": "0.3,0.3", "kl": "0.1", "form": form, "prior": "\(s0)"]), on: Self.bowl, from: .zero,
      steps: 20_000, seed: 4)
    let sigma = try #require(t.records.last?.sigma)
    let b = 0.1 / (s0 * s0)
    let expected = Vec2((0.1 / (b + 2)).squareRoot(), (0.1 / (b + 20)).squareRoot())
    #expect(sigma.y < sigma.x)
    #expect(abs(sigma.x - expected.x) / expected.x < 0.25 && abs(sigma.y - expected.y) / expected.y < 0.25, "\(sigma)")
  }

  /// Noise models (ALGORITHMS.md A5): the per-step draw has covariance diag(σ²) for diagonal
  /// Gaussian noise and s²·|H(w)| for Hessian-shaped noise (here a rotated quadratic, so |H| has
  /// off-diagonal terms and the square root must be the matrix one).
  @Test func noiseDrawsHaveTheStatedCovariance() {
    let rotated = Quadratic(a: 1, b: 10, angle: 30)
    let h = rotated.hessian(at: .zero)
    for (model, expected) in [
      (NoiseModel.gaussian(sigma: Vec2(0.5, 2)), Sym2.diagonal(0.25, 4)), (.hessian(scale: 0.3), 0.09 * h),
    ] {
      var oracle = Oracle(landscape: rotated, noise: model)
      var rng = Xoshiro256StarStar(seed: 9)
      var sum = Sym2.zero
      let n = 40_000
      for _ in 0..<n {
        oracle.beginStep(at: Vec2(0.4, -0.2), &rng)
        sum = sum + Sym2.outer(oracle.stepNoise)
      }
      let c = (1 / Double(n)) * sum
      // Each entry within 5 standard errors (≈ sqrt(2/n) relative for a Gaussian second moment).
      let tolerance = 5 * (2.0 / Double(n)).squareRoot() * max(expected.xx, expected.yy)
      #expect(abs(c.xx - expected.xx) < tolerance && abs(c.yy - expected.yy) < tolerance, "\(model): \(c)")
      #expect(abs(c.xy - expected.xy) < tolerance, "\(model): \(c)")
    }
  }

  @Test func costsMatchTheTables() {
    let look = Runner.run(preset("looksam", ["k": "5"]), on: Self.bowl, from: Self.start, steps: 10)
    #expect(look.gradientEvaluations.last == 12)
    #expect(abs(preset("looksam", ["k": "5"]).cost.gradients - 1.2) < 1e-15)
    let es = Runner.run(preset("es", ["population": "12"]), on: Self.bowl, from: Self.start, steps: 4)
    #expect(es.gradientEvaluations.last == 0 && es.functionEvaluations.last == 48)
    let probe = Runner.run(preset("sam", ["radius": "target-sharpness"]), on: Self.bowl, from: Self.start, steps: 4)
    #expect(probe.gradientEvaluations.last == 8 && probe.functionEvaluations.last == 4)
    let mc = Runner.run(preset("random-sam", ["samples": "3"]), on: Self.bowl, from: Self.start, steps: 4)
    #expect(mc.gradientEvaluations.last == 12)
    // SSAM-F's mask refresh (the code's timing) takes one more gradient after steps 0, every, …
    let ssamF = Runner.run(preset("ssam-f", ["every": "2"]), on: Self.bowl, from: Self.start, steps: 4)
    #expect(ssamF.gradientEvaluations == [0, 3, 5, 8, 10])
    #expect(abs(preset("ssam-f", ["every": "2"]).cost.gradients - 2.5) < 1e-15)
    #expect(preset("ssam-f", ["every": "2"]).cost.formula == "2 + 1/every")
    for name in ["sam", "asam", "gsam", "vsam", "vasso", "fsam", "esam", "fisher-sam"] {
      let t = Runner.run(preset(name), on: Self.bowl, from: Self.start, steps: 3)
      #expect(t.gradientEvaluations == [0, 2, 4, 6] && preset(name).cost.gradients == 2, "\(name)")
    }
  }

  /// The zeroth-order baselines lower the loss of the quadratic over 200 generations for every seed.
  @Test(arguments: ["es", "snes", "sep-cma-es"])
  func zerothOrderMethodsDescend(_ name: String) {
    for seed in UInt64(0)..<10 {
      let t = Runner.run(preset(name), on: Self.bowl, from: Vec2(1.5, 1), steps: 200, seed: seed)
      #expect(t.losses[200] < 0.5 * t.losses[0], "\(name) seed \(seed): \(t.losses[0]) → \(t.losses[200])")
    }
  }

  /// `sam` agrees with optax.contrib.sam (Tests/Fixtures/reference_optax_sam.py, optax 0.2.8).
  /// optax has no epsilon: SAM with ε = 0 matches it over all 200 steps; the preset (ε = 1e-12)
  /// matches over the first 60, after which SAM's orbit around the minimum amplifies the
  /// 1e-12/‖g‖ difference (measured: 1e-9 by step 200).
  @Test func samMatchesOptax() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/reference_optax_sam.json")
    struct Fixture: Decodable { var points: [[Double]] }
    let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    #expect(fixture.points.count == 201)
    let exact = Runner.run(preset("custom", ["epsilon": "0"]), on: Self.bowl, from: Self.start, steps: 200)
    for (k, (p, r)) in zip(exact.points, fixture.points).enumerated() {
      #expect(close(p, Vec2(r[0], r[1]), 1e-13), "ε = 0, step \(k): \(p) vs \(r)")
    }
    let sam = Runner.run(.sam(learningRate: 0.01, rho: 0.05), on: Self.bowl, from: Self.start, steps: 60)
    for (k, (p, r)) in zip(sam.points, fixture.points).enumerated() {
      #expect(close(p, Vec2(r[0], r[1]), 1e-12), "step \(k): \(p) vs \(r)")
    }
  }
}
