import Foundation
import Testing

@testable import Flatland

/// The variational family against its official code: Tests/Fixtures/reference_variational.py
/// transcribes zsiga007/Rethinking-SAM's `RandomSAM`, `MFVI`, `MixSAM` and `VSAM` step for step
/// (PyTorch's SGD and Adam over the mean and M), replaying Flatland's random stream. 150 steps on
/// Himmelblau, points and σ to 1e-12.
@Suite struct VariationalReferenceTests {
  struct Reference: Decodable {
    struct Case: Decodable {
      var overrides: [String: String]
      var points: [[Double]]
      var sigmas: [[Double]]
    }
    var cases: [String: Case]

    static let shared: Reference = {
      let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reference_variational.json")
      // swift-format-ignore: NeverUseForceTry
      return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()
  }

  static let names = Reference.shared.cases.keys.sorted()

  @Test(arguments: names)
  func matchesTheReleasedRule(_ key: String) throws {
    let c = try #require(Reference.shared.cases[key])
    let name = String(key.split(separator: " ")[0])
    let method = try makeMethod(name, c.overrides)
    let t = Runner.run(method, on: Himmelblau(), from: Vec2(-1, 1), steps: c.points.count - 1, seed: 7)
    if case .diverged = t.outcome { Issue.record("\(key) diverged: \(t.outcome)") }
    #expect(t.points.count == c.points.count)
    var worst = 0.0
    for (k, point) in t.points.enumerated() where k < c.points.count {
      worst = max(worst, abs(point.x - c.points[k][0]), abs(point.y - c.points[k][1]))
    }
    #expect(worst < 1e-12, "\(key): positions differ by \(worst)")
    // σ after each step, where the method keeps one (the mean-field methods' |M| is fixed otherwise).
    if let first = t.records.first, first.sigma != nil {
      var worstSigma = 0.0
      for (k, record) in t.records.enumerated() {
        let sigma = try #require(record.sigma)
        worstSigma = max(worstSigma, abs(sigma.x - c.sigmas[k + 1][0]), abs(sigma.y - c.sigmas[k + 1][1]))
      }
      #expect(worstSigma < 1e-12, "\(key): σ differs by \(worstSigma)")
    }
  }

  /// Where the loss is flat only the prior moves σ: the KL's `− log σ` (the fixed rule) grows it
  /// toward s₀, the release's `+ log|M|` shrinks it toward zero.
  @Test func theReleasedEntropySignShrinksSigma() throws {
    func sigma(_ form: String) throws -> Vec2 {
      let m = try makeMethod("mfvi", ["form": form, "sigma": "0.3,0.3", "kl": "0.05", "lr-sigma": "0.01"])
      let t = Runner.run(m, on: Quadratic(a: 0, b: 0), from: Vec2(0, 0), steps: 20, seed: 3)
      return try #require(t.records.last?.sigma)
    }
    let released = try sigma("as-released")
    let fixed = try sigma("released")
    #expect(released.x < 0.28 && released.y < 0.28, "as released: \(released)")
    #expect(fixed.x > 0.32 && fixed.y > 0.32, "fixed: \(fixed)")
  }
}
