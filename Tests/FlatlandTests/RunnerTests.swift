import Foundation
import Testing

@testable import Flatland

@Suite struct RunnerTests {
  @Test func divergenceIsAnOutcomeNotACrash() {
    // η = 0.2 on 10y²: the y-factor is |1 − 0.2·20| = 3 per step.
    let t = Runner.run(.sgd(learningRate: 0.2), on: Quadratic(a: 1, b: 10), from: Vec2(1, 1), steps: 1000)
    guard case .diverged(let step, _) = t.outcome else {
      Issue.record("expected divergence, got \(t.outcome)")
      return
    }
    #expect(step < 1000 && t.points.count == step + 1)
    #expect(t.points.allSatisfy { $0.isFinite } && t.losses.allSatisfy { $0.isFinite })
    #expect(t.outcome.summary(minima: []) == "diverged at step \(step)")
  }

  @Test func overflowToInfinityStopsTheRunCleanly() {
    let t = Runner.run(
      .sgd(learningRate: 1e300), on: Quadratic(a: 1, b: 10), from: Vec2(1, 1), steps: 10, divergenceRadius: .infinity)
    // Step 1 lands at (−2e300, −2e301), whose loss overflows: the run stops there, keeping the start.
    #expect(t.outcome == .diverged(step: 1, reason: "the iterate or its loss became NaN or infinite"))
    #expect(t.steps == 0)
    #expect(t.points.allSatisfy { $0.isFinite })
  }

  @Test func sgdConvergesToTheKnownMinimumItFallsInto() {
    let landscape = TwoValleys()
    let t = Runner.run(.sgd(learningRate: 0.03), on: landscape, from: Vec2(0.3, 2), steps: 500)
    guard case .converged(let step, _, let minimum) = t.outcome else {
      Issue.record("expected convergence, got \(t.outcome)")
      return
    }
    #expect(minimum == 0 && step > 10 && step < 500)
  }

  @Test func fixedRadiusSAMOrbitsInsteadOfConverging() {
    let t = Runner.run(
      .sam(learningRate: 0.04, rho: 0.25), on: Quadratic(a: 1, b: 10), from: Vec2(-1.6, 1.2), steps: 200)
    guard case .stepLimit(let nearest, let distance) = t.outcome else {
      Issue.record("expected the step limit, got \(t.outcome)")
      return
    }
    // The 2-cycle in y has amplitude b·η·ρ/(1 − b·η) = 10·0.04·0.25/0.6 ≈ 0.167.
    #expect(nearest == 0 && distance > 0.1 && distance < 0.25)
  }

  @Test func sameSeedSameCSVBytesAndAddingARunChangesNoOther() {
    let methods: [Method] = [.sgd(learningRate: 0.03), .sam(learningRate: 0.03, rho: 0.1)]
    func csv(_ methods: [Method], seed: UInt64) -> String {
      TrajectoryCSV.render(
        RouteExperiment(
          landscape: TwoValleys(), methods: methods, starts: [Vec2(0.3, 2), Vec2(-1, -1)], steps: 50,
          noise: .gaussian(0.3), seed: seed
        ).run())
    }
    #expect(csv(methods, seed: 9) == csv(methods, seed: 9))
    #expect(csv(methods, seed: 9) != csv(methods, seed: 10))
    let extended = csv(methods + [.gsam(learningRate: 0.03, rho: 0.1, alpha: 0.4)], seed: 9)
    #expect(extended.hasPrefix(csv(methods, seed: 9)))
  }

  @Test func csvRoundTripsEveryNumber() throws {
    let t = Runner.run(.sam(learningRate: 0.03, rho: 0.1), on: TwoValleys(), from: Vec2(0.3, 2), steps: 20)
    let rows = TrajectoryCSV.render([t]).split(separator: "\n")
    #expect(rows[0] == "method,start,repeat,step,x,y,loss,grad_evals,func_evals" && rows.count == 22)
    for (k, row) in rows.dropFirst().enumerated() {
      let cells = row.split(separator: ",")
      #expect(cells[0] == "sam" && cells[1] == "0" && cells[2] == "0" && Int(cells[3]) == k)
      #expect(Double(String(cells[4])) == t.points[k].x && Double(String(cells[5])) == t.points[k].y)
      #expect(Double(String(cells[6])) == t.losses[k] && Int(cells[7]) == 2 * k && cells[8] == "0")
    }
  }

  @Test func noiseIsSharedWithinAStep() {
    // With noise, SAM's clean and perturbed gradients differ by exactly the landscape's difference.
    let landscape = Quadratic(a: 1, b: 10)
    let t = Runner.run(
      .sam(learningRate: 0.01, rho: 0.05), on: landscape, from: Vec2(1, 0.5), steps: 3, noise: .gaussian(0.5), seed: 1)
    for r in t.records {
      let exact = landscape.gradient(at: r.point + r.perturbation) - landscape.gradient(at: r.point)
      #expect(close(r.perturbedGradient - r.gradient, exact, 1e-12))
      #expect(r.gradient != landscape.gradient(at: r.point))
    }
  }
}

@Suite struct CatalogTests {
  @Test func unknownNamesSuggestTheClosestOne() {
    #expect(throws: FlatlandError.self) { try LandscapeCatalog.make("himelblau") }
    do {
      _ = try LandscapeCatalog.make("himelblau")
    } catch {
      #expect("\(error)".contains("did you mean 'himmelblau'?"))
      #expect("\(error)".contains("accepted: quadratic, two-valleys, himmelblau, rosenbrock, scale-symmetric"))
    }
  }

  @Test func unknownParametersListTheAcceptedOnes() {
    do {
      _ = try LandscapeCatalog.make("quadratic", parameters: ["c": 1])
      Issue.record("expected an error")
    } catch {
      #expect("\(error)" == "unknown parameter of landscape 'quadratic' 'c'; accepted: a, b, angle, cx, cy")
    }
  }

  @Test func invalidWidthsAreRejected() {
    #expect(throws: FlatlandError.self) { try LandscapeCatalog.make("two-valleys", parameters: ["s1x": 0]) }
  }

  @Test func unknownMethod() {
    #expect(throws: SpecProblems.self) { try makeMethod("adamw") }
  }
}

@Suite struct FormattingTests {
  @Test(arguments: [
    (3.0, "3"), (-2.805118, "-2.805"), (0.05, "0.05"), (7e-5, "7e-5"), (1.5e12, "1.5e12"), (1234567.0, "1234567"),
    (Double.nan, "NaN"), (-Double.infinity, "−∞"),
  ])
  func shortNumbersReadWell(_ value: Double, _ text: String) {
    #expect(formatShort(value) == text)
  }

  /// Two methods with one preset name stay apart in the CSV: `sam` and `sam#2`.
  @Test func methodsSharingANameAreNumberedInTheCSV() {
    let runs = RouteExperiment(
      landscape: Quadratic(), methods: [.sam(learningRate: 0.01, rho: 0.05), .sam(learningRate: 0.01, rho: 0.2)],
      starts: [Vec2(1, 1)], steps: 2
    ).run()
    let names = TrajectoryCSV.render(runs).split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
    #expect(TrajectoryCSV.render(runs).hasPrefix("method,start,repeat,step,x,y,loss,grad_evals,func_evals\n"))
    #expect(names == ["sam", "sam", "sam", "sam#2", "sam#2", "sam#2"])
  }
}
