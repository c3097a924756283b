import Foundation
import Testing

@testable import Flatland

/// Combinations of parts that no preset has match Tests/Fixtures/reference_compositions.py, a
/// plain-Python composition written from the part definitions, to 1e-12; and every part set to its
/// identity leaves the rest of a method unchanged (so alone it is SAM).
@Suite struct CompositionReferenceTests {
  struct Case: Decodable, Sendable, CustomStringConvertible {
    var name: String
    var keys: [String: String]
    var noise: Double?
    var points: [[Double]]
    var description: String { name }
  }

  struct Fixture: Decodable {
    var cases: [Case]
  }

  static let cases: [Case] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/reference_compositions.json")
    // swift-format-ignore: NeverUseForceTry
    return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url)).cases
  }()

  @Test(arguments: cases)
  func compositionMatchesThePythonReference(_ c: Case) throws {
    let method = try makeMethod("custom", c.keys)
    let t = Runner.run(
      method, on: Quadratic(a: 1, b: 10), from: Vec2(1, 0.5), steps: c.points.count - 1,
      noise: c.noise.map { .gaussian($0) } ?? .none, seed: 7)
    #expect(t.points.count == c.points.count)
    for (k, (point, reference)) in zip(t.points, c.points).enumerated() {
      #expect(close(point, Vec2(reference[0], reference[1]), 1e-12), "\(c.name) step \(k): \(point) vs \(reference)")
    }
  }

  @Test func tenOrMoreCombinationsAreChecked() {
    #expect(Self.cases.count >= 10)
    // Each case combines at least two parts beyond SAM's.
    let partKeys: Set<String> = ["when", "direction", "mask", "combination", "covariance", "perturbation", "base"]
    for c in Self.cases {
      #expect(c.keys.keys.filter(partKeys.contains).count >= 2, "\(c.name) combines fewer than two parts")
    }
  }

  /// A part at its identity value, and the method it must then equal.
  static let identities: [(part: String, identity: [String: String], equivalent: [String: String])] = [
    (
      "mask ssam-f, s = 0, refreshed before the step", ["mask": "ssam-f", "sparsity": "0", "timing": "before-step"], [:]
    ),
    ("mask ssam-d, s = 0", ["mask": "ssam-d", "sparsity": "0"], [:]),
    ("mask esam, β = 1", ["mask": "esam", "beta": "1"], [:]),
    ("when every-k, k = 1", ["when": "every-k", "k": "1"], [:]),
    ("when random, p = 1", ["when": "random", "p": "1"], [:]),
    ("direction vasso, θ = 1", ["direction": "vasso", "theta": "1"], [:]),
    ("direction fsam, σ = 0", ["direction": "fsam", "smoothing": "0"], [:]),
    ("combination gsam, α = 0", ["combination": "gsam", "alpha": "0"], [:]),
    (
      "combination looksam, α = 0", ["combination": "looksam", "alpha": "0", "when": "every-k", "k": "3"],
      ["when": "every-k", "k": "3"]
    ),
  ]

  /// Other parts the identities are composed with (none stochastic, so extra draws cannot matter).
  static let contexts: [[String: String]] = [
    [:],
    ["direction": "vasso", "theta": "0.5", "combination": "gsam", "alpha": "0.3"],
    ["mask": "ssam-f", "sparsity": "0.5", "every": "4", "covariance": "adaptive", "base": "adam"],
    ["direction": "fsam", "smoothing": "0.7", "lambda": "0.5", "radius": "cosine", "rho-final": "0.02"],
  ]

  @Test(arguments: 0..<identities.count)
  func aPartAtItsIdentityChangesNothing(_ k: Int) throws {
    let (part, identity, equivalent) = Self.identities[k]
    for context in Self.contexts {
      // The identity's keys win over the context's (a context's mask is replaced by the identity mask).
      let touched = Set(identity.keys).union(equivalent.keys)
      let clash = context.keys.contains { key in
        ["mask", "direction", "combination", "when"].contains(key) && touched.contains(key)
      }
      if clash { continue }
      let a = try makeMethod("custom", context.merging(identity) { _, new in new }, lr: 0.03, rho: 0.1)
      let b = try makeMethod("custom", context.merging(equivalent) { _, new in new }, lr: 0.03, rho: 0.1)
      for (landscape, start) in ReductionTests.cases {
        let ta = RouteExperiment(landscape: landscape, methods: [a], starts: [start], steps: 200, seed: 3).run()[0]
        let tb = RouteExperiment(landscape: landscape, methods: [b], starts: [start], steps: 200, seed: 3).run()[0]
        let distance = zip(ta.points, tb.points).map { ($0 - $1).length }.max() ?? .infinity
        #expect(ta.points.count == tb.points.count && distance <= 1e-12, "\(part) in \(context): \(distance)")
      }
    }
  }

  /// Alone, each identity is SAM itself (custom's ε is SAM's 1e-12).
  @Test(arguments: 0..<identities.count)
  func alonePartAtItsIdentityIsSAM(_ k: Int) throws {
    let (part, identity, equivalent) = Self.identities[k]
    guard equivalent.isEmpty else { return }
    let a = try makeMethod("custom", identity, lr: 0.03, rho: 0.1)
    let b = try makeMethod("sam", [:], lr: 0.03, rho: 0.1)
    for (landscape, start) in ReductionTests.cases {
      let ta = RouteExperiment(landscape: landscape, methods: [a], starts: [start], steps: 200, seed: 3).run()[0]
      let tb = RouteExperiment(landscape: landscape, methods: [b], starts: [start], steps: 200, seed: 3).run()[0]
      let distance = zip(ta.points, tb.points).map { ($0 - $1).length }.max() ?? .infinity
      #expect(distance <= 1e-12, "\(part): \(distance)")
    }
  }

  /// The parts and their costs read off the method: a custom LookSAM-like method costs 1 + 1/k.
  @Test func costAndPartsComeFromTheParts() throws {
    let m = try makeMethod("custom", ["when": "every-k", "k": "4", "combination": "looksam", "direction": "vasso"])
    #expect(m.cost.gradients == 1.25)
    #expect(m.cost.formula == "1 + 1/k")
    let rst = try makeMethod("custom", ["when": "random", "p": "0.3", "perturbation": "gaussian", "samples": "3"])
    #expect(close(rst.cost.gradients, 0.7 + 0.3 * 3, 1e-15))
    let anatomy = MethodCatalog.anatomy(of: m)
    #expect(
      anatomy.when == "every 4 steps" && anatomy.direction == "VaSSO EMA" && anatomy.combination == "LookSAM reuse")
    #expect(anatomy.mask == "all coordinates")
  }

  /// Every preset is a named composition: `custom` given the keys `composition(of:)` reads off the
  /// preset builds the same rule, for the defaults, the documented variants and layered settings.
  @Test func everyPresetIsACompositionOfParts() throws {
    var specs: [(String, [String: String])] =
      MethodPreset.names.map { ($0, [:]) }
      + MethodCatalog.variants.map { v in
        (v.preset.rawValue, v.values.reduce(into: [:]) { $0[$1.key.rawValue] = "\($1.value)" })
      }
    specs += [
      ("gsam", ["schedule": "cosine", "lr-final": "0.001", "rho-min": "0.01", "base": "adam"]),
      ("looksam", ["k": "3", "base": "nesterov", "wd": "0.1", "wd-mode": "decoupled"]),
      ("vsam", ["learn": "true", "sigma": "0.5,0.2", "radius": "cosine", "rho-final": "0.01"]),
      ("ssam-d", ["schedule": "warmup-cosine", "warmup": "3", "lr-final": "0.001"]),
      ("esam", ["mode": "coordinate", "schedule": "step", "lr-every": "5", "lr-factor": "0.5"]),
      ("random-sam", ["samples": "3", "sigma": "0.1,0.2"]),
    ]
    var checked = 0
    for (name, overrides) in specs {
      let method = try makeMethod(name, overrides)
      guard let rule = method.gradientRule else { continue }
      let keys = try #require(MethodCatalog.composition(of: rule), "\(name) \(overrides) has no composition")
      let rebuilt = try MethodSpec(.custom, keys).method(defaults: MethodDefaults(learningRate: 0.01, rho: 0.05))
      #expect(rebuilt.gradientRule == rule, "\(name) \(overrides): \(keys)")
      checked += 1
    }
    #expect(checked >= 25)
  }

  /// The README's composition (examples/composition-vasso-ssam.toml): VaSSO + SSAM-F leaves the
  /// 2-cycle SAM, SSAM-F and VaSSO each settle into on x² + 10y², η 0.04, ρ 0.25.
  @Test func vassoWithTheSSAMMaskLeavesSAMsCycle() throws {
    func route(_ name: String, _ keys: [String: String]) throws -> Trajectory {
      let method = try makeMethod(name, keys.merging(["lr": "0.04", "rho": "0.25"]) { a, _ in a })
      return Runner.run(method, on: Quadratic(a: 1, b: 10), from: Vec2(-1.6, 1.2), steps: 200)
    }
    let samLoss = try route("sam", [:]).losses[200]
    for (name, keys) in [("sam", [:]), ("ssam-f", [:]), ("vasso", ["theta": "0.2"])] {
      let t = try route(name, keys)
      #expect(abs(abs(t.points[200].y) - 1.0 / 6) < 1e-6, "\(name) ends at \(t.points[200])")
      #expect(abs(t.losses[200] - samLoss) < 1e-6, "\(name): \(t.losses[200])")
    }
    let vasso = try route("vasso", ["theta": "0.2"])
    #expect(vasso.losses[25] < 5e-6, "VaSSO's closest approach: \(vasso.losses[25])")
    let composed = try route("custom", ["direction": "vasso", "theta": "0.2", "mask": "ssam-f"])
    #expect(abs(composed.points[200].y) < 1e-120)
    let tail = 150...200
    let amplitude = tail.map { abs(composed.points[$0].x) }.max() ?? .infinity
    #expect(amplitude > 0.031 && amplitude < 0.0315, "x-cycle amplitude \(amplitude)")
    let losses = tail.map { composed.losses[$0] }
    #expect((losses.min() ?? 0) > 6.9e-5 && (losses.max() ?? 1) < 9.85e-4, "\(losses.min()!) … \(losses.max()!)")
    #expect(samLoss / (losses.max() ?? 1) > 280)
    // Refreshed before the step (Flatland's earlier timing), the x-cycle is smaller.
    let before = try route("custom", ["direction": "vasso", "theta": "0.2", "mask": "ssam-f", "timing": "before-step"])
    let beforeAmplitude = tail.map { abs(before.points[$0].x) }.max() ?? .infinity
    #expect(beforeAmplitude > 0.0205 && beforeAmplitude < 0.021, "before-step amplitude \(beforeAmplitude)")
  }

  /// `custom:combination=looksam` alone is LookSAM (the schedule defaults to every k steps).
  @Test func customLookSAMDefaultsToEveryKSteps() throws {
    let custom = try makeMethod("custom", ["combination": "looksam", "alpha": "0.7", "k": "5"])
    let preset = try makeMethod("looksam", ["alpha": "0.7", "k": "5"])
    #expect(custom.gradientRule == preset.gradientRule)
  }
}
