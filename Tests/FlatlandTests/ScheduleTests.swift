import Foundation
import Testing

@testable import Flatland

/// Learning-rate and radius schedules (ALGORITHMS.md A2, A4) at their defining points.
@Suite struct ScheduleTests {
  @Test func learningRateSchedules() {
    let step = LearningRateSchedule.step(every: 10, factor: 0.5)
    #expect(step.rate(base: 0.1, step: 9, total: 100) == 0.1)
    #expect(step.rate(base: 0.1, step: 10, total: 100) == 0.05)
    #expect(step.rate(base: 0.1, step: 25, total: 100) == 0.025)
    #expect(step.range(base: 0.1, total: 30) == 0.025...0.1)
    let cosine = LearningRateSchedule.cosine(final: 0.01)
    #expect(cosine.rate(base: 0.1, step: 0, total: 11) == 0.1)
    #expect(abs(cosine.rate(base: 0.1, step: 5, total: 11) - 0.055) < 1e-15)
    #expect(abs(cosine.rate(base: 0.1, step: 10, total: 11) - 0.01) < 1e-15)
    let warm = LearningRateSchedule.warmupCosine(warmup: 4, final: 0)
    #expect(warm.rate(base: 0.2, step: 0, total: 20) == 0.05)
    #expect(warm.rate(base: 0.2, step: 3, total: 20) == 0.2)
    #expect(abs(warm.rate(base: 0.2, step: 19, total: 20)) < 1e-15)
  }

  @Test func radiusSchedules() {
    func radius(_ s: RadiusSchedule, _ t: Int, lr: Double = 0.1, g: Vec2 = Vec2(3, 4)) -> Double {
      s.radius(base: 0.2, current: 0.2, step: t, total: 11, learningRate: lr, range: 0.01...0.1, gradient: LaneVec(g))
    }
    #expect(radius(.linear(final: 0), 0) == 0.2 && abs(radius(.linear(final: 0), 5) - 0.1) < 1e-15)
    #expect(abs(radius(.cosine(final: 0.1), 10) - 0.1) < 1e-15)
    // GSAM: ρ_min at lr_min, ρ at lr_max, linear in between.
    let proportional = RadiusSchedule.learningRateProportional(minimum: 0.05)
    #expect(abs(radius(proportional, 0, lr: 0.01) - 0.05) < 1e-15)
    #expect(abs(radius(proportional, 0, lr: 0.1) - 0.2) < 1e-15)
    #expect(abs(radius(proportional, 0, lr: 0.055) - 0.125) < 1e-15)
    // grad-scaled: ρ‖g‖/(‖g‖ + κ), ‖g‖ = 5.
    #expect(abs(radius(.gradientScaled(kappa: 5), 0) - 0.1) < 1e-15)
    #expect(radius(.gradientScaled(kappa: 5), 0, g: .zero) == 0)
    // target-sharpness: sharper than the target shrinks ρ, flatter grows it, within the bounds.
    let target = RadiusSchedule.targetSharpness(target: 0.01, kappa: 1, minimum: 0.05, maximum: 0.4)
    #expect(abs(target.adapted(0.2, sharpness: 0.02) - 0.2 * exp(-0.5)) < 1e-15)
    #expect(abs(target.adapted(0.2, sharpness: 0.005) - 0.2 * exp(0.5)) < 1e-15)
    #expect(target.adapted(0.06, sharpness: 10) == 0.05 && target.adapted(0.39, sharpness: 0) == 0.4)
  }

  /// A GSAM run under a cosine η: ρ at the first, middle and last step is juntang-zhuang/GSAM's
  /// `ProportionScheduler.step` value, `ρ_min + (ρ − ρ_min)·(η_t − η_min)/(η_max − η_min)`, with the
  /// η the step ran at (ρ at step 0, `rho-min` at the last, where η reaches `lr-final`).
  @Test func gsamRadiusFollowsTheLearningRateAlongARun() throws {
    let method = try makeMethod(
      "gsam", ["rho": "0.2", "rho-min": "0.02", "schedule": "cosine", "lr": "0.01", "lr-final": "0.001"])
    let t = Runner.run(method, on: Quadratic(a: 1, b: 10), from: Vec2(-1.6, 1.2), steps: 101)
    func official(_ lr: Double) -> Double { 0.02 + (0.2 - 0.02) * (lr - 0.001) / (0.01 - 0.001) }
    for k in [0, 50, 100] {
      let r = t.records[k]
      #expect(abs(r.radius - official(r.learningRate)) < 1e-15, "step \(k): ρ \(r.radius), η \(r.learningRate)")
    }
    #expect(abs(t.records[0].radius - 0.2) < 1e-15 && abs(t.records[100].radius - 0.02) < 1e-15)
    #expect(abs(t.records[50].learningRate - 0.0055) < 1e-15 && abs(t.records[50].radius - 0.11) < 1e-15)
  }

  /// With a grad-scaled radius SAM converges to the minimum of x² + 10y², where fixed-ρ SAM orbits.
  @Test func gradScaledRadiusLetsSAMConverge() throws {
    let fixed = Runner.run(
      try makeMethod("sam", lr: 0.04, rho: 0.25), on: Quadratic(), from: Vec2(-1.6, 1.2), steps: 400)
    let scaled = Runner.run(
      try makeMethod("sam", ["radius": "grad-scaled", "kappa": "5"], lr: 0.04, rho: 0.25),
      on: Quadratic(), from: Vec2(-1.6, 1.2), steps: 400)
    #expect(fixed.end.length > 0.05)
    #expect(scaled.end.length < 1e-6)
  }
}
