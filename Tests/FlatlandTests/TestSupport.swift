import Foundation

@testable import Flatland

/// Every built-in landscape with default parameters, for sweeps.
let allLandscapes: [any Landscape] = LandscapeCatalog.entries.map(\.standard)

/// `|a − b| ≤ tolerance · max(1, |a|, |b|)`.
func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
  abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

func close(_ a: Vec2, _ b: Vec2, _ tolerance: Double) -> Bool {
  close(a.x, b.x, tolerance) && close(a.y, b.y, tolerance)
}

/// The committed output of Tests/Fixtures/reference_steps.py (independent Python reference).
struct ReferenceSteps: Decodable {
  var steps: [String: [[Double]]]
  var xoshiroSeed42: [String]

  enum CodingKeys: String, CodingKey {
    case steps
    case xoshiroSeed42 = "xoshiro256starstar_seed_42"
  }

  static let shared: ReferenceSteps = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/reference_steps.json")
    // swift-format-ignore: NeverUseForceTry
    return try! JSONDecoder().decode(ReferenceSteps.self, from: Data(contentsOf: url))
  }()
}

/// The committed output of Tests/Fixtures/reference_presets.py (every preset, independent Python).
struct ReferencePresets: Decodable {
  var steps: [String: [[Double]]]

  static let shared: ReferencePresets = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/reference_presets.json")
    // swift-format-ignore: NeverUseForceTry
    return try! JSONDecoder().decode(ReferencePresets.self, from: Data(contentsOf: url))
  }()
}

/// A preset from the catalogue with keys given as text, exactly as `--method name:key=value` and
/// `[[methods]]` tables reach it (through the spec reader), on a landscape suggesting `lr` and `rho`.
func makeMethod(_ name: String, _ overrides: [String: String] = [:], lr: Double = 0.01, rho: Double = 0.05) throws
  -> Method
{
  var entries = [SpecNode.Entry(key: "name", node: SpecNode(.text(name)))]
  for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
    entries.append(SpecNode.Entry(key: key, node: SpecNode(.text(value))))
  }
  var reader = SpecReader()
  guard let spec = MethodSpec.read(.table(entries), at: .root, &reader), !reader.log.hasErrors else {
    throw SpecProblems(reader.log.sorted)
  }
  return try spec.method(defaults: MethodDefaults(learningRate: lr, rho: rho))
}

/// The same, for presets and keys known to be valid (lr 0.01, ρ 0.05 unless overridden).
func preset(_ name: String, _ overrides: [String: String] = [:]) -> Method {
  // swift-format-ignore: NeverUseForceTry
  try! makeMethod(name, overrides)
}
