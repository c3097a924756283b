import Testing

@testable import Flatland

/// Every "Special cases" equivalence of ALGORITHMS.md Part B holds along whole trajectories
/// (200 steps, two landscapes): the reduced method and its special case visit the same points.
@Suite struct ReductionTests {
  static let cases: [(any Landscape, Vec2)] = [
    (Quadratic(a: 1, b: 10), Vec2(-1.6, 1.2)),
    (TwoValleys(), Vec2(0.3, 2)),
  ]

  func maxDistance(_ a: Trajectory, _ b: Trajectory) -> Double {
    guard a.points.count == b.points.count else { return .infinity }
    return zip(a.points, b.points).map { ($0 - $1).length }.max() ?? .infinity
  }

  func run(_ m: Method, _ index: Int, seed: UInt64 = 0) -> Trajectory {
    let (landscape, start) = Self.cases[index]
    return RouteExperiment(landscape: landscape, methods: [m], starts: [start], steps: 200, seed: seed).run()[0]
  }

  /// `lhs` and `rhs` (catalogue names with overrides, lr 0.03, ρ 0.1) trace the same route.
  func expectSame(
    _ lhs: (String, [String: String]), _ rhs: (String, [String: String]), _ i: Int, tolerance: Double = 1e-12
  ) throws {
    let a = run(try makeMethod(lhs.0, lhs.1, lr: 0.03, rho: 0.1), i, seed: 3)
    let b = run(try makeMethod(rhs.0, rhs.1, lr: 0.03, rho: 0.1), i, seed: 3)
    #expect(maxDistance(a, b) <= tolerance, "\(lhs) vs \(rhs) on case \(i): \(maxDistance(a, b))")
  }

  static let equivalences: [(String, (String, [String: String]), (String, [String: String]))] = [
    ("sam ρ = 0 is sgd", ("sam", ["rho": "0"]), ("sgd", [:])),
    ("gsam α = 0, constant ρ is sam", ("gsam", ["alpha": "0"]), ("sam", [:])),
    (
      "gsam α = 0, ρ_max ≠ ρ_min is sam with the lr-proportional radius",
      ("gsam", ["alpha": "0", "rho-min": "0.02", "schedule": "cosine", "lr-final": "0.003"]),
      ("sam", ["radius": "lr-proportional", "rho-min": "0.02", "schedule": "cosine", "lr-final": "0.003"])
    ),
    ("vasso θ = 1 is sam (ε 1e-7)", ("vasso", ["theta": "1"]), ("custom", ["epsilon": "1e-7"])),
    ("fsam σ = 0 is sam", ("fsam", ["sigma": "0"]), ("sam", [:])),
    ("looksam k = 1 is sam", ("looksam", ["k": "1"]), ("sam", [:])),
    ("rst p = 1 is sam", ("rst", ["p": "1"]), ("sam", [:])),
    ("rst p = 0 is sgd", ("rst", ["p": "0"]), ("sgd", [:])),
    ("fisher-sam η = 0 is sam with ρ = γ", ("fisher-sam", ["eta": "0", "gamma": "0.07"]), ("sam", ["rho": "0.07"])),
    (
      "ssam-f s = 0, refreshed before the step, is sam (ε 1e-7)",
      ("ssam-f", ["sparsity": "0", "timing": "before-step"]),
      ("custom", ["epsilon": "1e-7"])
    ),
    ("ssam-d s = 0 is sam (ε 1e-7)", ("ssam-d", ["sparsity": "0"]), ("custom", ["epsilon": "1e-7"])),
    ("ssam-f s = 1 is the base optimizer", ("ssam-f", ["sparsity": "1"]), ("sgd", [:])),
    ("esam β = 1 is sam (ε 1e-7)", ("esam", ["beta": "1"]), ("custom", ["epsilon": "1e-7"])),
    (
      "esam β = 1 per coordinate is sam (ε 1e-7)", ("esam", ["beta": "1", "mode": "coordinate"]),
      ("custom", ["epsilon": "1e-7"])
    ),
    (
      "asam davda54 form is ASAM with η = 0 and ε 1e-12", ("asam", ["form": "davda54"]),
      ("custom", ["covariance": "adaptive", "eta": "0"])
    ),
    ("random-sam σ = 0, kl = 0 is the base optimizer", ("random-sam", ["sigma": "0,0", "kl": "0"]), ("sgd", [:])),
    (
      "random-sam σ = 0 is the base optimizer with weight decay 2β/s₀²", ("random-sam", ["sigma": "0,0", "kl": "1"]),
      ("sgd", ["wd": "0.02"])
    ),
    ("mixsam κ = 0, kl = 0 is sam up to ε", ("mixsam", ["kappa-scale": "0", "kl": "0"]), ("sam", [:])),
    ("vsam σ = (1, 1) is sam", ("vsam", ["sigma": "1,1"]), ("sam", [:])),
    (
      "vsam σ = (0.5, 0.5) is sam with radius ρ/2 up to ε", ("vsam", ["sigma": "0.5,0.5"]),
      ("sam", ["rho": "0.05"])
    ),
    ("vsam σ = (2, 2) is sam with radius 2ρ up to ε", ("vsam", ["sigma": "2,2"]), ("sam", ["rho": "0.2"])),
    (
      "vsam learned with lr-sigma = 0 is vsam with fixed σ", ("vsam", ["learn": "true", "lr-sigma": "0"]),
      ("vsam", [:])
    ),
    ("sam-inf ρ = 0 is sgd", ("sam-inf", ["rho": "0"]), ("sgd", [:])),
    ("custom with the parts of gsam is gsam", ("custom", ["combination": "gsam"]), ("gsam", [:])),
  ]

  @Test(arguments: 0..<equivalences.count)
  func specialCaseHolds(_ k: Int) throws {
    let (name, lhs, rhs) = Self.equivalences[k]
    // ε enters as ρ·σ²g/(‖σg‖ + ε) against cρ·g/(‖g‖ + ε): the two differ by ε(1/c − 1) in ‖g‖.
    let tolerance = name.hasSuffix("up to ε") ? 1e-10 : 1e-12
    for i in 0..<Self.cases.count { try expectSame(lhs, rhs, i, tolerance: tolerance) }
  }

  /// Without weight decay its mode cannot matter: coupled, decoupled and in-loss agree. (A spec
  /// refuses `wd-mode` with `wd = 0` for that reason, so the parameters are built directly.)
  @Test func weightDecayModesAgreeWithoutDecay() throws {
    var log = ProblemLog()
    var unused = Set<MethodKey>()
    let defaults = MethodDefaults(learningRate: 0.03, rho: 0.1)
    let base = try #require(MethodSpec(.sam).parameters(defaults: defaults, log: &log, at: .root, unused: &unused))
    #expect(base.wd == 0 && base.wdMode == .coupled)
    let coupled = MethodPreset.sam.entry.build(base)
    for mode in [Penalty.WeightDecayMode.decoupled, .inLoss] {
      var p = base
      p.wdMode = mode
      for i in 0..<Self.cases.count {
        #expect(maxDistance(run(coupled, i), run(MethodPreset.sam.entry.build(p), i)) == 0, "\(mode), case \(i)")
      }
    }
  }

  /// The two weight-decay settings a spec refuses as "the same update as coupled" are: decoupled
  /// decay under SGD, and in-loss decay without a perturbation (parameters built directly, past
  /// the refusal). Equal to rounding, 1e-12 along 200 steps.
  @Test func refusedWeightDecayModesAreCoupledDecay() throws {
    var log = ProblemLog()
    var unused = Set<MethodKey>()
    let defaults = MethodDefaults(learningRate: 0.03, rho: 0.1)
    for (preset, mode) in [
      (MethodPreset.sam, Penalty.WeightDecayMode.decoupled), (.gsam, .decoupled), (.sgd, .inLoss),
      (.adam, .inLoss), (.momentum, .inLoss),
    ] {
      var p = try #require(MethodSpec(preset).parameters(defaults: defaults, log: &log, at: .root, unused: &unused))
      p.wd = 0.2
      let coupled = preset.entry.build(p)
      p.wdMode = mode
      let other = preset.entry.build(p)
      #expect(coupled.rule != other.rule)
      for i in 0..<Self.cases.count {
        let d = maxDistance(run(coupled, i), run(other, i))
        #expect(d <= 1e-12, "\(preset.rawValue) with \(mode.rawValue), case \(i): \(d)")
      }
      #expect(throws: SpecProblems.self) {
        try MethodSpec(preset, [.wd: 0.2, .wdMode: .choice(mode.rawValue)]).method(defaults: defaults)
      }
    }
  }

  /// ASAM with |w| ≪ η is SAM with radius ρη (approximately: T = η(1 + |w|/η)).
  @Test func asamWithHugeEtaApproachesSAM() throws {
    let asam = try makeMethod("asam", ["eta": "1e8", "rho": "1e-9"], lr: 0.03, rho: 0.1)
    for i in 0..<Self.cases.count {
      #expect(maxDistance(run(asam, i), run(.sam(learningRate: 0.03, rho: 0.1), i)) <= 1e-6)
    }
  }

  /// LookSAM with α = 0 is "SAM-k": a SAM step every k steps, plain gradient steps in between.
  @Test func lookSAMWithZeroAlphaIsSAMEveryK() {
    let bowl = Quadratic(a: 1, b: 10)
    let t = Runner.run(preset("looksam", ["alpha": "0", "k": "3"]), on: bowl, from: Vec2(1, 0.5), steps: 12)
    var w = Vec2(1, 0.5)
    for k in 0..<12 {
      let g = bowl.gradient(at: w)
      let e = k % 3 == 0 ? 0.05 * g / (g.length + 1e-12) : .zero
      w -= 0.01 * bowl.gradient(at: w + e)
      #expect(close(t.points[k + 1], w, 1e-13), "step \(k + 1)")
    }
  }

  /// ALGORITHMS.md A1: at exactly g = 0 the perturbation is zero and nothing becomes NaN, for every
  /// preset, every documented variant and custom combinations of every axis.
  @Test func noMethodProducesNaNAtAZeroGradient() throws {
    var specs: [(String, [String: String])] =
      MethodPreset.names.map { ($0, [:]) }
      + MethodCatalog.variants.map { v in
        (v.preset.rawValue, v.values.reduce(into: [:]) { $0[$1.key.rawValue] = "\($1.value)" })
      }
    let parts: [[String: String]] =
      [["combination": "plain"], ["combination": "gsam"], ["combination": "looksam"]]
      + ["vasso", "fsam"].map { ["direction": $0] } + ["ssam-f", "ssam-d", "esam"].map { ["mask": $0] }
      + [["when": "every-k"], ["when": "random"]]
    for covariance in ["isotropic", "diagonal", "learned", "adaptive", "fisher"] {
      for part in parts {
        var keys = part.merging(["covariance": covariance]) { a, _ in a }
        if covariance == "learned" { keys["penalty"] = "kl" }  // the KL acts only on a learned σ
        specs.append(("custom", keys))
      }
    }
    for perturbation in ["none", "worst-case-inf", "gaussian"] {
      specs.append(("custom", ["perturbation": perturbation]))
    }
    for (name, overrides) in specs {
      let method = try makeMethod(name, overrides, lr: 0.1, rho: 0.1)
      let t = Runner.run(method, on: Quadratic(a: 1, b: 10), from: .zero, steps: 5, seed: 1)
      #expect(t.steps == 5 && t.points.allSatisfy { $0.isFinite }, "\(name) \(overrides)")
      #expect(t.records.allSatisfy { $0.direction.isFinite && $0.perturbation.isFinite }, "\(name) \(overrides)")
      // MixSAM's ascent is mixed with noise, so at g = 0 it is ρ in a random direction (as released).
      if case .gradient(let rule) = method.rule, case .worstCase = rule.perturbation, !rule.direction.isRandom {
        #expect(t.records.allSatisfy { $0.perturbation == .zero }, "\(name) \(overrides)")
      }
    }
  }
}
