/// `flatland list methods`: one row per preset, read off the methods the catalogue builds.
extension MethodCatalog {
  /// Rows of name, perturbation, covariance, penalty, combination, cost, defaults, source.
  /// Documented options that change a preset's rule enough to earn their own row.
  static let variants: [(String, [String: String])] = [
    ("asam", ["form": "davda54"]), ("gsam", ["minimize-fp": "false"]), ("esam", ["mode": "coordinate"]),
    ("vsam", ["learn": "true"]), ("sam", ["radius": "grad-scaled"]), ("sam", ["radius": "target-sharpness"]),
  ]

  public static func table(settings: Settings = Settings(learningRate: 0.01, rho: 0.05)) -> [[String]] {
    let rows =
      entries.map { ($0, [String: String]()) } + variants.compactMap { v in (try? entry(named: v.0)).map { ($0, v.1) } }
    return rows.compactMap { entry, overrides in
      guard let method = try? make(entry.name, settings: settings, overrides: overrides) else { return nil }
      let name = ([entry.name] + overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        .joined(separator: " ")
      let common = Set(baseOptions.map(\.key) + radiusOptions().map(\.key)).subtracting(["rho"])
      let shown = entry.name == "custom" ? ["perturbation", "covariance", "penalty", "combination"] : nil
      let defaults = entry.options.filter { !common.contains($0.key) && overrides[$0.key] == nil }
        .filter { shown?.contains($0.key) ?? true }
        .map { "\($0.key)=\($0.defaultValue(settings))" }.joined(separator: " ")
      let source = entry.paper == "—" ? entry.verification : "\(entry.paper) [\(entry.verification)]"
      switch method.rule {
      case .gradient(let r):
        var perturbation = perturbationLabel(r.perturbation)
        if r.perturbation != .none, r.radius != .constant { perturbation += ", ρ \(r.radius.label)" }
        return [
          name, perturbation, r.perturbation == .none ? "—" : r.covariance.label, r.penalty.label,
          r.combination.label, method.cost.description, defaults, source,
        ]
      case .population(let p):
        return [name, "population", p.label, "none", "—", method.cost.description, defaults, source]
      }
    }
  }
}
