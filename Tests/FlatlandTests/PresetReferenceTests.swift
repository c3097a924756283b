import Testing

@testable import Flatland

/// Every preset's first six steps on x² + 10y² match Tests/Fixtures/reference_presets.py, an
/// independent plain-Python implementation written from ALGORITHMS.md, to 1e-12. Stochastic presets
/// replay the same random stream (seed 7), so their draws are checked too.
@Suite struct PresetReferenceTests {
  struct Case: Sendable, CustomStringConvertible {
    var key: String
    var name: String
    var overrides: [String: String] = [:]
    var noise: NoiseModel = .none
    var description: String { key }
  }

  static let cases: [Case] = [
    Case(key: "sgd", name: "sgd"), Case(key: "momentum", name: "momentum"), Case(key: "nesterov", name: "nesterov"),
    Case(key: "adam", name: "adam"), Case(key: "sam", name: "sam"), Case(key: "sam-inf", name: "sam-inf"),
    Case(key: "asam", name: "asam"), Case(key: "asam-davda54", name: "asam", overrides: ["form": "davda54"]),
    Case(key: "fisher-sam", name: "fisher-sam"), Case(key: "gsam", name: "gsam", overrides: ["alpha": "0.3"]),
    Case(key: "gsam-adaptive", name: "gsam", overrides: ["alpha": "0.3", "adaptive": "true"]),
    Case(key: "gsam-fp-false", name: "gsam", overrides: ["alpha": "0.3", "minimize-fp": "false"]),
    Case(
      key: "gsam-cosine", name: "gsam",
      overrides: ["alpha": "0.3", "schedule": "cosine", "lr-final": "0.001", "rho-min": "0.01"]),
    Case(key: "vasso", name: "vasso", overrides: ["theta": "0.7"]),
    Case(key: "fsam", name: "fsam", overrides: ["sigma": "0.8", "lambda": "0.6"]),
    Case(key: "ssam-f", name: "ssam-f", overrides: ["every": "2"]),
    Case(key: "ssam-f-official-120", name: "ssam-f", overrides: ["every": "5"]),
    Case(key: "ssam-f-as-released-120", name: "ssam-f", overrides: ["every": "5", "timing": "as-released"]),
    Case(key: "ssam-f-before-step", name: "ssam-f", overrides: ["every": "2", "timing": "before-step"]),
    Case(key: "ssam-d", name: "ssam-d", overrides: ["every": "2"]),
    Case(key: "esam", name: "esam"), Case(key: "esam-coordinate", name: "esam", overrides: ["mode": "coordinate"]),
    Case(key: "looksam", name: "looksam", overrides: ["k": "2"]), Case(key: "rst", name: "rst"),
    // The reconstruction's forms; the released rules are VariationalReferenceTests'.
    Case(key: "random-sam", name: "random-sam", overrides: ["sigma": "0.1,0.05", "kl": "0"]),
    Case(
      key: "mfvi", name: "mfvi", overrides: ["sigma": "0.1,0.05", "form": "exact-kl", "kl": "0.01", "prior": "1"]),
    Case(key: "vsam", name: "vsam", overrides: ["sigma": "0.5,0.2"]),
    Case(key: "vsam-learned", name: "vsam", overrides: ["sigma": "0.5,0.2", "learn": "true", "form": "exact-kl"]),
    Case(key: "mixsam", name: "mixsam"),
    Case(key: "es", name: "es", overrides: ["population": "8", "sigma": "0.1", "lr": "0.01"]),
    Case(key: "snes", name: "snes", overrides: ["sigma": "0.2"]),
    Case(key: "sep-cma-es", name: "sep-cma-es", overrides: ["sigma": "0.2"]),
    Case(key: "sam-wd-coupled", name: "sam", overrides: ["wd": "0.1"]),
    Case(key: "sam-wd-in-loss", name: "sam", overrides: ["wd": "0.1", "wd-mode": "in-loss"]),
    Case(key: "sam-wd-decoupled", name: "sam", overrides: ["wd": "0.1", "wd-mode": "decoupled", "base": "momentum"]),
    Case(key: "sam-momentum", name: "sam", overrides: ["base": "momentum"]),
    Case(key: "sam-adam", name: "sam", overrides: ["base": "adam"]),
    Case(key: "sam-grad-scaled", name: "sam", overrides: ["radius": "grad-scaled"]),
    Case(key: "sam-target-sharpness", name: "sam", overrides: ["radius": "target-sharpness"]),
    Case(key: "sam-noise", name: "sam", noise: .gaussian(0.5)),
  ]

  @Test(arguments: cases)
  func firstSixStepsMatchTheReference(_ c: Case) throws {
    let expected = try #require(ReferencePresets.shared.steps[c.key], "no fixture for \(c.key)")
    let t = Runner.run(
      preset(c.name, c.overrides), on: Quadratic(a: 1, b: 10), from: Vec2(1, 0.5), steps: expected.count - 1,
      noise: c.noise, seed: 7)
    #expect(t.points.count == expected.count)
    for (k, (point, reference)) in zip(t.points, expected).enumerated() {
      #expect(close(point, Vec2(reference[0], reference[1]), 1e-12), "\(c.key) step \(k): \(point) vs \(reference)")
    }
  }

  @Test func everyPresetHasAReferenceCase() {
    let covered = Set(Self.cases.map(\.name))
    for name in MethodPreset.names where name != "custom" {
      #expect(covered.contains(name), "\(name) has no reference case")
    }
  }
}
