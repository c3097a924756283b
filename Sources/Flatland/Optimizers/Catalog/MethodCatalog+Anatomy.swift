/// What a method is made of, read off the method itself (so listings cannot drift from the code):
/// its place on each axis of ALGORITHMS.md A3 and its cost per step.
extension MethodCatalog {
  /// Documented settings that change a preset's rule enough to be listed on their own.
  public static let variants: [(preset: MethodPreset, values: [MethodKey: MethodValue])] = [
    (.asam, [.form: "davda54"]), (.gsam, [.minimizeFp: false]), (.gsam, [.adaptive: true]),
    (.esam, [.mode: "coordinate"]),
    (.vsam, [.learn: true]), (.sam, [.radius: "grad-scaled"]), (.sam, [.radius: "target-sharpness"]),
  ]

  /// The parts of one method, each as a short label.
  public struct Anatomy: Sendable, Equatable {
    public var perturbation: String
    public var covariance: String
    public var penalty: String
    /// Which steps perturb, the ascent direction and the mask ("—" without a worst case).
    public var when: String
    public var direction: String
    public var mask: String
    public var combination: String
    public var cost: MethodCost

    /// The parts as `name value` pairs, in the order of ALGORITHMS.md A3.
    public var parts: [(name: String, value: String)] {
      [
        ("perturbation", perturbation), ("covariance", covariance), ("penalty", penalty), ("when", when),
        ("direction", direction), ("mask", mask), ("combination", combination),
      ]
    }
  }

  public static func anatomy(of method: Method) -> Anatomy {
    switch method.rule {
    case .gradient(let r):
      var perturbation = perturbationLabel(r.perturbation)
      if r.perturbation != .none, r.radius != .constant { perturbation += ", ρ \(r.radius.label)" }
      let perturbs = r.perturbation != .none
      let worstCase = r.perturbation.isWorstCase
      return Anatomy(
        perturbation: perturbation, covariance: perturbs ? r.covariance.label : "—", penalty: r.penalty.label,
        when: perturbs ? r.when.label : "—", direction: worstCase ? r.direction.label : "—",
        mask: worstCase ? r.mask.label : "—", combination: perturbs ? r.combination.label : "—",
        cost: method.cost)
    case .population(let p):
      return Anatomy(
        perturbation: "population", covariance: p.label, penalty: "none", when: "—", direction: "—", mask: "—",
        combination: "—", cost: method.cost)
    }
  }
}
