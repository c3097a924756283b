/// What a method is made of, read off the method itself (so listings cannot drift from the code):
/// its place on each axis of ALGORITHMS.md A3 and its cost per step.
extension MethodCatalog {
  /// Documented settings that change a preset's rule enough to be listed on their own.
  public static let variants: [(preset: MethodPreset, values: [MethodKey: MethodValue])] = [
    (.asam, [.form: "davda54"]), (.gsam, [.minimizeFp: false]), (.esam, [.mode: "coordinate"]),
    (.vsam, [.learn: true]), (.sam, [.radius: "grad-scaled"]), (.sam, [.radius: "target-sharpness"]),
  ]

  /// The axes of one method.
  public struct Anatomy: Sendable, Equatable {
    public var perturbation: String
    public var covariance: String
    public var penalty: String
    public var combination: String
    public var cost: MethodCost
  }

  public static func anatomy(of method: Method) -> Anatomy {
    switch method.rule {
    case .gradient(let r):
      var perturbation = perturbationLabel(r.perturbation)
      if r.perturbation != .none, r.radius != .constant { perturbation += ", ρ \(r.radius.label)" }
      return Anatomy(
        perturbation: perturbation, covariance: r.perturbation == .none ? "—" : r.covariance.label,
        penalty: r.penalty.label, combination: r.combination.label, cost: method.cost)
    case .population(let p):
      return Anatomy(
        perturbation: "population", covariance: p.label, penalty: "none", combination: "—", cost: method.cost)
    }
  }
}
