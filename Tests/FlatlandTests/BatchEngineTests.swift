import Foundation
import Testing

@testable import Flatland

/// The batch engine makes, in each SIMD lane, bit for bit the route the scalar runner makes for that
/// run: every gradient method at its defaults and with each of its keys changed, with and without
/// noise, on routes that converge, orbit, stop at the step limit and diverge.
@Suite struct BatchEngineTests {
  /// Eleven starts: a full batch of eight and a partial one of three (padded lanes are ignored).
  static let starts = (0..<11).map { Vec2(-3.5 + 0.7 * Double($0), 2.9 - 0.45 * Double($0)) }

  /// The scalar runner's ends for `job`, one run at a time.
  func scalarEnds(_ job: BatchJob) -> [BatchEnd] {
    zip(job.starts, job.streams).map { start, stream in
      BatchEnd(
        Runner.run(
          job.method, on: job.landscape, from: start, steps: job.steps, noise: job.noise, stream: stream,
          divergenceRadius: job.divergenceRadius))
    }
  }

  /// The batch engine (odd runs keeping a thinned route) and the lean single run (`Runner.end`,
  /// keeping one too) against the scalar runner's full trajectory.
  func expectSame(_ method: Method, _ landscape: any Landscape, noise: NoiseModel, steps: Int, _ what: String) {
    var job = BatchJob(
      method: method, landscape: landscape, starts: Self.starts, steps: steps, noise: noise, seed: 7,
      convergenceSteps: true)
    job.paths = Self.starts.indices.map { $0 % 2 == 1 }
    job.pathEvery = 7
    let batch = BatchRunner.run(job)
    for (i, start) in job.starts.enumerated() {
      let t = Runner.run(
        job.method, on: landscape, from: start, steps: job.steps, noise: job.noise, stream: job.streams[i])
      let scalar = BatchEnd(t, pathEvery: i % 2 == 1 ? 7 : nil)
      if batch[i] != scalar {
        Issue.record("\(what), start \(i): batch \(batch[i]) ≠ scalar \(scalar)")
        return
      }
      let lean = Runner.end(
        job.method, on: landscape, from: start, steps: job.steps, noise: job.noise, stream: job.streams[i],
        pathEvery: 5)
      if lean != BatchEnd(t, pathEvery: 5) {
        Issue.record("\(what), start \(i): lean \(lean) ≠ scalar \(BatchEnd(t, pathEvery: 5))")
        return
      }
    }
  }

  static let gradientPresets = MethodPreset.allCases.filter { ![.es, .snes, .sepCMAES].contains($0) }

  @Test(arguments: gradientPresets)
  func everyPresetMatchesTheScalarRunner(_ preset: MethodPreset) throws {
    let defaults = MethodDefaults(learningRate: 0.01, rho: 0.1, sigma: Vec2(0.2, 0.3))
    let method = try MethodSpec(preset, [:]).method(defaults: defaults)
    for noise in [NoiseModel.none, .gaussian(0.3), .hessian(scale: 0.2)] {
      expectSame(method, Himmelblau(), noise: noise, steps: 150, "\(preset.rawValue), noise \(noise)")
    }
    // Fast convergence (the replay pass finds each run's convergence step) and divergence.
    let fast = try MethodSpec(preset, [:]).method(defaults: MethodDefaults(learningRate: 0.05, rho: 0.05))
    expectSame(fast, Quadratic(a: 1, b: 10), noise: .none, steps: 400, "\(preset.rawValue) converging")
    let wild = try MethodSpec(preset, [:]).method(defaults: MethodDefaults(learningRate: 0.3, rho: 0.1))
    expectSame(wild, Quadratic(a: 1, b: 10), noise: .none, steps: 60, "\(preset.rawValue) diverging")
  }

  /// Every key of every gradient method, at another value (with the settings that make it act), so
  /// each part of the framework runs in lanes: schedules, masks, learned σ, bases, penalties.
  @Test(arguments: gradientPresets)
  func everyKeyMatchesTheScalarRunner(_ preset: MethodPreset) throws {
    let defaults = MethodDefaults(learningRate: 0.01, rho: 0.1, sigma: Vec2(0.2, 0.3))
    var log = ProblemLog()
    var unused = Set<MethodKey>()
    var checked = 0
    for option in preset.options {
      var base = KeyEffectTests.prerequisites[option.key] ?? [:]
      if preset == .custom { base.merge(KeyEffectTests.customPrerequisites[option.key] ?? [:]) { _, c in c } }
      base = base.filter { preset.accepts($0.key) }
      guard let p = MethodSpec(preset, base).parameters(defaults: defaults, log: &log, at: .root, unused: &unused)
      else { continue }
      for value in KeyEffectTests.alternatives(option, option.value(in: p)).prefix(2) {
        var values = base
        values[option.key] = value
        guard let method = try? MethodSpec(preset, values).method(defaults: defaults) else { continue }
        expectSame(
          method, TwoValleys(), noise: .gaussian(0.2), steps: 120, "\(preset.rawValue) \(option.key.rawValue)=\(value)")
        checked += 1
      }
    }
    #expect(checked > 0 || preset.options.isEmpty)
  }

  /// Population methods take the scalar path inside the batch engine: the same ends too.
  @Test func populationMethodsMatchTheScalarRunner() throws {
    for preset in [MethodPreset.es, .snes, .sepCMAES] {
      let method = try MethodSpec(preset, [:]).method(defaults: MethodDefaults(learningRate: 0.05, rho: 0.1))
      expectSame(method, Himmelblau(), noise: .none, steps: 40, preset.rawValue)
    }
  }

  /// Lane arithmetic is the scalar arithmetic: a gradient over eight lanes is eight `Dual2` gradients.
  @Test func laneGradientsAreDualGradients() {
    let landscapes: [any Landscape] = [TwoValleys(), Himmelblau(), Rosenbrock(), Quadratic(a: 1, b: 10)]
    var w = LaneVec<Lanes8>.zero
    for i in 0..<8 { w[lane: i] = Vec2(-1.7 + 0.43 * Double(i), 0.9 - 0.31 * Double(i)) }
    for landscape in landscapes {
      let (v, g) = landscape.valueAndGradient(lanes: w)
      for i in 0..<8 {
        let (sv, sg) = landscape.valueAndGradient(at: w[lane: i])
        #expect(v[lane: i].bitPattern == sv.bitPattern && g[lane: i] == sg, "\(landscape.info.name) lane \(i)")
        #expect(landscape.value(lanes: w)[lane: i].bitPattern == landscape.value(at: w[lane: i]).bitPattern)
      }
    }
  }

  static let formulas = [
    "x^2 + 10*y^2", "(1 - x)^2 + 100*(y - x^2)^2", "-exp(-(x - 0.8)^2/0.045 - y^2/4.5) + 0.05*(x^2 + y^2)",
    "abs(x) + sqrt(y^2 + 1) + min(x, y)^2 - max(x*y, 0.5)", "x^-2 + pow(y^2 + 1, 1.5) + tanh(x) * sin(y) + cos(2*x)",
    "log(1 + x^2) + (2*3 - 4/5)^2 * y^2 - (-(x))^3 / 10",
  ]

  /// A typed formula runs as its compiled program in both runners: the same ends, and the program's
  /// values and gradients are the expression tree's, bit for bit.
  @Test(arguments: formulas)
  func formulasMatch(_ text: String) throws {
    let landscape = try ExpressionLandscape(parsing: text, window: 3)
    for method in [Method.sgd(learningRate: 0.002), .sam(learningRate: 0.002, rho: 0.05)] {
      expectSame(method, landscape, noise: .gaussian(0.1), steps: 80, "\(text), \(method.name)")
    }
    var rng = Xoshiro256StarStar(seed: 1)
    for _ in 0..<500 {
      let w = Vec2(6 * rng.nextUniform() - 3, 6 * rng.nextUniform() - 3)
      let (x, y) = Dual2.variables(at: w)
      let tree = landscape.root.evaluate(x, y)
      let program = landscape.evaluate(x, y)
      #expect(
        tree.value.bitPattern == program.value.bitPattern && tree.gradient == program.gradient,
        "\(text) at \(w): tree \(tree), program \(program)")
    }
  }

  /// A run's numbers do not depend on the batch around it: the same start gives the same end in
  /// any lane, next to any other starts.
  @Test func aRunDoesNotDependOnItsNeighbours() throws {
    let method = try MethodSpec(.rst, [:]).method(defaults: MethodDefaults(learningRate: 0.01, rho: 0.1))
    let alone = BatchRunner.run(
      BatchJob(
        method: method, landscape: Himmelblau(), starts: [Self.starts[3]], steps: 100, noise: .gaussian(0.3), seed: 2))
    let among = BatchRunner.run(
      BatchJob(method: method, landscape: Himmelblau(), starts: Self.starts, steps: 100, noise: .gaussian(0.3), seed: 2)
    )
    #expect(alone[0] == among[3])
  }
}
