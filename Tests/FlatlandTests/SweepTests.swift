import Foundation
import Testing

@testable import Flatland

/// Sweeps: axes read as written, every cell's runs are the scalar runner's runs of that cell's
/// method (and do not depend on the grid around them), and bad sweeps are refused with the key.
@Suite struct SweepTests {
  @Test func axesReadAsWritten() throws {
    let log = try SweepAxis.parse("lr=0.001:0.1:log:3").get()
    #expect(log.key == .lr && log.logarithmic && log.count == 3)
    #expect(log.values == [0.001, exp(0.5 * (Foundation.log(0.001) + Foundation.log(0.1))), 0.1])
    #expect(abs(log.values[1] - 0.01) < 1e-15)
    let lin = try SweepAxis.parse("rho=0:0.5").get()
    #expect(!lin.logarithmic && lin.count == SweepAxis.defaultCount && lin.values.first == 0 && lin.values.last == 0.5)
    #expect(try SweepAxis.parse(lin.description).get() == lin)
    // The cells' edges: half a step beyond each end, in log on a log axis.
    #expect(abs(log.edges.lowerBound - 0.001 / 10.0.squareRoot()) < 1e-15)
    for (text, part) in [
      ("lr", "KEY=FROM:TO"), ("rhoo=0:1", "did you mean"), ("lr=0:x", "'x' is not a number"),
      ("lr=0:0.1:log", "needs FROM and TO > 0"), ("rho=0:1:1", "2 to 256"), ("rho=1:0", "below TO"),
      ("rho=0:1:cubic", "neither lin, log nor a count"),
    ] {
      guard case .failure(let error) = SweepAxis.parse(text) else {
        Issue.record("\(text) was read")
        continue
      }
      #expect(error.message.contains(part), "\(text): \(error.message)")
    }
  }

  /// A 3 × 2 sweep of noisy SAM from two starts, twice each: every cell equals the scalar runs of
  /// its own method, keyed by its own identity.
  @Test func cellsAreTheScalarRunsOfTheirMethod() throws {
    let landscape = Himmelblau()
    let x = SweepAxis(.lr, from: 0.002, to: 0.02, logarithmic: true, count: 3)
    let y = SweepAxis(.rho, from: 0, to: 0.6, count: 2)
    let grid = SweepGrid(
      x: x, y: y, spec: MethodSpec(.sam), defaults: MethodDefaults(suggestedBy: landscape.info))
    let methods = grid.methods(label: nil)
    let starts = [Vec2(0, 0), Vec2(-1, 2)]
    let noise = NoiseModel.gaussian(sigma: Vec2(0.5, 0.5))
    let sweep = ParameterSweep(
      x: x, y: y, method: try #require(methods[0]), methods: methods, landscape: landscape, starts: starts,
      repeats: 2, steps: 80, noise: noise, seed: 5)
    #expect(Set(methods.map { $0!.identity }).count == 6, "each cell is its own method")
    for j in 0..<2 {
      for i in 0..<3 {
        let method = try #require(methods[j * 3 + i])
        #expect(method.hyperparameters.contains { $0.symbol == "ρ" && $0.text == formatShort(y.value(j)) })
        var k = 0
        for start in starts {
          for r in 0..<2 {
            let t = Runner.run(
              method, on: landscape, from: start, steps: 80, noise: noise,
              stream: Xoshiro256StarStar(seed: 5, method: method.identity, start: start, repeat: r))
            #expect(sweep.cell(i, j).runs[k].end == BatchEnd(t), "cell (\(i), \(j)) run \(k)")
            k += 1
          }
        }
      }
    }
    // The same values in another grid give the same cell.
    let other = SweepAxis(.lr, from: 0.002, to: 0.2, logarithmic: true, count: 2)
    let again = ParameterSweep(
      x: other, y: y, method: try #require(methods[0]),
      methods: SweepGrid(x: other, y: y, spec: MethodSpec(.sam), defaults: grid.defaults).methods(label: nil),
      landscape: landscape, starts: starts, repeats: 2, steps: 80, noise: noise, seed: 5)
    #expect(again.cell(0, 1).runs.map(\.end) == sweep.cell(0, 1).runs.map(\.end))
  }

  @Test func cellSummaries() {
    func run(_ basin: BasinMap.Basin, step: Int, loss: Double) -> SweepCell.Run {
      let outcome: Outcome =
        basin == .diverged ? .diverged(step: 3, reason: "x") : .converged(step: step, point: .zero, minimum: 0)
      return SweepCell.Run(
        end: BatchEnd(end: .zero, steps: 10, outcome: outcome, convergenceStepKnown: true), basin: basin, loss: loss,
        lambdaMax: loss * 2)
    }
    let cell = SweepCell(runs: [
      run(.minimum(1), step: 4, loss: 1), run(.minimum(1), step: 8, loss: 3), run(.minimum(0), step: 20, loss: 5),
      run(.diverged, step: 0, loss: .nan),
    ])
    #expect(cell.mode == .minimum(1) && cell.modeShare == 0.5 && cell.divergedShare == 0.25)
    #expect(cell.meanLoss == 3 && cell.meanLambdaMax == 6 && cell.medianConvergenceStep == 8)
    #expect(cell.convergedShare == 0.75)
    // Ties go to the known minimum of lowest index.
    #expect(
      SweepCell(runs: [run(.minimum(2), step: 1, loss: 0), run(.minimum(0), step: 1, loss: 0)]).mode == .minimum(0))
  }

  static func sweep(_ methods: [MethodSpec], x: String, y: String, landscape: LandscapeSpec? = nil) -> ExperimentSpec {
    var output = OutputSpec(.figure(.sweep), file: "s.png")
    output.sweepX = try? SweepAxis.parse(x).get()
    output.sweepY = try? SweepAxis.parse(y).get()
    return ExperimentSpec(
      landscape: landscape ?? LandscapeSpec(name: "himmelblau"), methods: methods, outputs: [output])
  }

  @Test func badSweepsAreRefusedAtTheirKey() {
    func messages(_ spec: ExperimentSpec) -> [String] { spec.validate().map(\.description) }
    #expect(
      messages(Self.sweep([MethodSpec(.sgd)], x: "lr=0.01:0.1", y: "rho=0:1")).contains {
        $0.contains("outputs[0].y") && $0.contains("method 'sgd' has no key rho")
      })
    #expect(
      messages(Self.sweep([MethodSpec(.sam)], x: "lr=0:0.1", y: "rho=0:1")).contains {
        $0.contains("outputs[0].x") && $0.contains("cannot run the corner lr = 0, rho = 0")
      })
    #expect(
      messages(Self.sweep([MethodSpec(.sam)], x: "rho=0:0.1", y: "rho=0:1")).contains {
        $0.contains("sweep two different keys")
      })
    #expect(
      messages(Self.sweep([MethodSpec(.sam, [.rho: 0.2])], x: "lr=0.01:0.1", y: "rho=0:1")).contains {
        $0.contains("methods[0].rho") && $0.contains("the sweep's y axis sets rho")
      })
    var formula = Self.sweep(
      [MethodSpec(.sam)], x: "lr=0.01:0.1", y: "rho=0:1", landscape: LandscapeSpec(formula: "x^2 + y^2"))
    formula.outputs[0].sweepQuantity = .minimum
    #expect(messages(formula).contains { $0.contains("has none listed") })
    formula.outputs[0].sweepQuantity = nil
    #expect(formula.validate().filter { $0.severity == .error }.isEmpty, "loss is the default without minima")
    var big = Self.sweep([MethodSpec(.sam)], x: "lr=0.01:0.1:256", y: "rho=0:1:256")
    big.run = RunSpec(steps: 100_000)
    #expect(messages(big).contains { $0.contains("over the limit of 3·10⁹") })
  }
}
