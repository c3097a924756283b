/// The presets by command-line name, and how shared settings (`--lr`, `--rho`, …) reach them.
public enum MethodCatalog {
  /// Settings shared by every method of one command; `nil` means "the landscape's suggestion".
  public struct Settings: Sendable {
    public var learningRate: Double
    public var rho: Double
    public var alpha: Double = 0.4
    public var sigma: Vec2 = Vec2(1, 1)
    public var momentum: Double = 0.9

    public init(learningRate: Double, rho: Double) {
      self.learningRate = learningRate
      self.rho = rho
    }
  }

  /// One preset: its name, a one-line description and how to build it.
  public struct Entry: Sendable {
    public var name: String
    public var summary: String
    let build: @Sendable (Settings) -> Method
  }

  public static let entries: [Entry] = [
    Entry(name: "sgd", summary: "gradient descent, 1 gradient/step") { .sgd(learningRate: $0.learningRate) },
    Entry(name: "momentum", summary: "heavy-ball momentum μ (PyTorch semantics), 1 gradient/step") {
      .momentum(learningRate: $0.learningRate, momentum: $0.momentum)
    },
    Entry(name: "sam", summary: "SAM p = 2, radius ρ, 2 gradients/step") {
      .sam(learningRate: $0.learningRate, rho: $0.rho)
    },
    Entry(name: "gsam", summary: "GSAM: SAM plus −α·(g ⟂ g̃), 2 gradients/step") {
      .gsam(learningRate: $0.learningRate, rho: $0.rho, alpha: $0.alpha)
    },
    Entry(name: "vsam", summary: "variational SAM, fixed diagonal σ: e = ρσ²g/‖σg‖, 2 gradients/step") {
      .vsam(learningRate: $0.learningRate, rho: $0.rho, sigma: $0.sigma)
    },
  ]

  public static var names: [String] { entries.map(\.name) }

  /// The preset `name` with `settings`, or an error listing the presets.
  public static func make(_ name: String, settings: Settings) throws -> Method {
    guard let entry = entries.first(where: { $0.name == name }) else {
      throw FlatlandError.unknownName(kind: "method", name: name, accepted: names)
    }
    return entry.build(settings)
  }
}
