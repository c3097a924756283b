import Foundation
import Testing

@testable import Flatland

/// Ensembles: every run is the scalar runner's run with the same key (its thinned route
/// included, diverging runs too), a run does not depend on the ensemble around it, and the
/// shares, intervals and histograms add up.
@Suite struct EnsembleTests {
  let landscape = Himmelblau()
  let noise = NoiseModel.gaussian(sigma: Vec2(1.5, 1.5))
  let starts = [Vec2(0, 0), Vec2(-1, 2)]

  func ensembles(repeats: Int, bundle: Int, steps: Int = 120) -> [Ensemble] {
    Ensemble.run(
      methods: [
        .sam(learningRate: 0.01, rho: 0.2), .vsam(learningRate: 0.01, rho: 0.2, sigma: Vec2(0.3, 1)),
        .sgd(learningRate: 0.06),
      ],
      landscape: landscape, starts: starts, repeats: repeats, steps: steps, noise: noise, seed: 9,
      bundle: Ensemble.Bundle(routesPerStart: bundle, points: 7))
  }

  @Test func everyRunIsTheScalarRun() throws {
    let all = ensembles(repeats: 3, bundle: 2)
    var diverged = 0
    for e in all {
      #expect(e.runs.count == 6)
      for run in e.runs {
        let t = Runner.run(
          e.method, on: landscape, from: starts[run.start], steps: 120, noise: noise,
          stream: Xoshiro256StarStar(
            seed: 9, method: e.method.identity, start: starts[run.start], repeat: run.repetition))
        // 120 steps kept at about 7 points: every 18th, and the end.
        #expect(
          run.end == BatchEnd(t, pathEvery: run.repetition < 2 ? 18 : nil),
          "\(e.method.name) run \(run.start)/\(run.repetition)")
        if run.repetition < 2 {
          #expect(run.end.path.first == starts[run.start] && run.end.path.last == t.end)
        }
        if case .diverged = t.outcome { diverged += 1 }
        if run.basin != .diverged {
          let (low, high) = landscape.hessian(at: t.end).eigenvalues
          #expect(run.lambdaMin == low && run.lambdaMax == high && run.loss == landscape.value(at: t.end))
        } else {
          #expect(run.lambdaMax.isNaN && run.loss.isNaN)
        }
      }
    }
    #expect(diverged > 0, "SGD at η = 0.06 diverges on Himmelblau, so the thinned route of a diverging run is tested")
  }

  @Test func aRunDoesNotDependOnTheEnsembleAroundIt() {
    let small = ensembles(repeats: 2, bundle: 0)
    let large = ensembles(repeats: 5, bundle: 0)
    for (a, b) in zip(small, large) {
      for run in a.runs {
        #expect(run.end == b.runs[run.start * 5 + run.repetition].end)
      }
    }
  }

  @Test func sharesIntervalsAndHistogramsAddUp() throws {
    let e = try #require(ensembles(repeats: 20, bundle: 0).first)
    #expect(abs(e.basins.map { e.share(of: $0) }.reduce(0, +) - 1) < 1e-12)
    for basin in e.basins {
      #expect(e.interval(of: basin).contains(e.share(of: basin)))
      #expect(e.interval(of: basin) == BasinMap.wilson(share: e.share(of: basin), count: 40))
    }
    let h = Histogram([e.lambdaMax, e.lambdaMin])
    #expect(h.counts.map { $0.reduce(0, +) } == [e.lambdaMax.count, e.lambdaMin.count])
    #expect(h.edges.first == min(e.lambdaMin.min()!, e.lambdaMax.min()!))
    #expect(h.edges.last == max(e.lambdaMin.max()!, e.lambdaMax.max()!))
    // Every value lands in the bin that holds it.
    let spike = Histogram([[2, 2, 2], [.nan]], bins: 4)
    #expect(spike.edges.first! < 2 && spike.edges.last! > 2 && spike.counts == [[0, 0, 3, 0], [0, 0, 0, 0]])
    let two = Histogram([[0, 0.25, 0.5, 1]], bins: 4)
    #expect(two.counts == [[1, 1, 1, 1]])
  }

  @Test func noiselessRepeatsAreFlaggedAsCopies() {
    let e = Ensemble.run(
      methods: [.sam(learningRate: 0.01, rho: 0.1)], landscape: landscape, starts: starts, repeats: 4, steps: 50,
      noise: .none, seed: 0)
    #expect(e[0].distinctEnds == [1, 1])
    let noisy = ensembles(repeats: 4, bundle: 0, steps: 50)
    #expect(noisy[0].distinctEnds.allSatisfy { $0 > 1 })
  }

  static func spec(
    repeats: Int?, noise: NoiseSpec?, bundle: Int? = nil, steps: Int? = 50, methods: Int = 1
  ) -> ExperimentSpec {
    var output = OutputSpec(.figure(.ensemble), file: "e.png")
    output.bundle = bundle
    return ExperimentSpec(
      landscape: LandscapeSpec(name: "himmelblau"),
      run: RunSpec(steps: steps, starts: [Vec2(0, 0)], noise: noise, repeats: repeats),
      methods: Array(repeating: MethodSpec(.sam), count: methods), outputs: [output])
  }

  @Test func badEnsemblesAreRefusedAtTheirKey() {
    func problems(_ spec: ExperimentSpec) -> [String] { spec.validate().map(\.description) }
    let noisy = NoiseSpec(.gaussian(sigma: Vec2(0.3, 0.3)))
    #expect(
      problems(Self.spec(repeats: nil, noise: noisy)).contains { $0.contains("run.repeats") && $0.contains("one run") })
    #expect(
      problems(Self.spec(repeats: 10, noise: nil)).contains {
        $0.contains("run.repeats") && $0.contains("copies of one run")
      })
    #expect(problems(Self.spec(repeats: 10, noise: noisy)).isEmpty)
    #expect(problems(Self.spec(repeats: 10, noise: noisy, bundle: 101)).contains { $0.contains("outputs[0].bundle") })
    #expect(
      problems(Self.spec(repeats: 10, noise: noisy, bundle: 20)).contains {
        $0.contains("has no effect beyond the 10 repeats")
      })
    #expect(
      problems(Self.spec(repeats: 1000, noise: noisy, steps: 1_000_000, methods: 4)).contains {
        $0.contains("1000 runs × 1000000 steps × 4 methods") && $0.contains("over the limit of 3·10⁹")
      })
  }

  /// The README's ensemble (examples/two-valleys-ensemble.toml): the numbers its text quotes.
  @Test func theReadmeEnsembleSaysWhatItMeasures() throws {
    // Built as the example file builds them: each method's stream is keyed by its resolved keys.
    let spec = ExperimentSpec(
      landscape: LandscapeSpec(name: "two-valleys"),
      run: RunSpec(
        steps: 1000, starts: [Vec2(0.3, 2)], noise: NoiseSpec(.gaussian(sigma: Vec2(0.3, 0.3))), repeats: 400),
      methods: [
        MethodSpec(.sgd, [.lr: 0.05]), MethodSpec(.sam, [.lr: 0.05, .rho: 0.2]),
        MethodSpec(.vsam, [.lr: 0.05, .rho: 0.2]),
      ], outputs: [OutputSpec(.data(.ensemble), file: "e.csv")])
    let experiment = try spec.resolve()
    let landscape = TwoValleys()
    let all = Ensemble.run(
      methods: experiment.methods, landscape: landscape, starts: experiment.starts, repeats: 400, steps: 1000,
      noise: experiment.noise, seed: 0)
    func percent(_ e: Ensemble, _ b: BasinMap.Basin) -> Int { Int((e.share(of: b) * 100).rounded()) }
    let (sgd, sam, vsam) = (all[0], all[1], all[2])
    #expect(percent(sgd, .minimum(0)) == 58 && percent(sgd, .minimum(1)) == 42)
    #expect(percent(vsam, .minimum(0)) == 61 && percent(vsam, .minimum(1)) == 39)
    #expect(sam.share(of: .minimum(1)) == 0 && percent(sam, .moving) == 33)
    #expect(sam.runs.filter { $0.lambdaMin < 0 }.count == 397)
    let meanX = sam.runs.map(\.end.end.x).reduce(0, +) / 400
    #expect(abs(meanX - 0.46) < 0.005, "\(meanX)")
    #expect(abs(landscape.info.minima[0].location.x - 0.79) < 0.005)
  }
}
