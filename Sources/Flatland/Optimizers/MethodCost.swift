/// Evaluations a method spends per step, as in the papers' cost tables (ALGORITHMS.md A3, 16).
public struct MethodCost: Sendable, Equatable, CustomStringConvertible {
  /// Expected gradient evaluations per step.
  public var gradients: Double
  /// Expected function (loss-only) evaluations per step.
  public var functions: Double
  /// The rule behind the numbers (`1 + 1/k`, `1 + p`, `n f`).
  public var formula: String

  public var description: String {
    var parts: [String] = []
    if gradients > 0 || functions == 0 {
      let value = formatShort(gradients, digits: 3)
      parts.append(formula.isEmpty || formula == value ? "\(value) g" : "\(value) g (\(formula))")
    }
    if functions > 0 { parts.append("\(formatShort(functions, digits: 3)) f") }
    return parts.joined(separator: " + ")
  }
}

extension Method {
  /// The expected cost per step, derived from the method's parts (so tables cannot drift).
  public var cost: MethodCost {
    switch rule {
    case .population(let p):
      return MethodCost(gradients: 0, functions: Double(p.population), formula: "population")
    case .gradient(let r):
      var cost: MethodCost
      switch r.perturbation {
      case .none: cost = MethodCost(gradients: 1, functions: 0, formula: "")
      case .gaussian(let n):
        cost = MethodCost(gradients: Double(n), functions: 0, formula: n == 1 ? "" : "1 per sample")
      case .worstCase:
        switch r.combination {
        case .lookSAM(let k, _): cost = MethodCost(gradients: 1 + 1 / Double(k), functions: 0, formula: "1 + 1/k")
        case .randomized(let p): cost = MethodCost(gradients: 1 + p, functions: 0, formula: "1 + p")
        default: cost = MethodCost(gradients: 2, functions: 0, formula: "")
        }
      }
      if r.radius.measuresSharpness, r.perturbation != .none {
        cost.functions = cost.gradients - 1
        cost.formula += cost.formula.isEmpty ? "sharpness probe" : ", sharpness probe"
      }
      return cost
    }
  }
}
