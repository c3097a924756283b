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
  /// The expected cost per step, derived from the method's parts (so tables cannot drift): a step
  /// that does not perturb takes one gradient; a perturbing one takes two (worst case) or one per
  /// Gaussian sample, and target-sharpness adds one loss evaluation; the schedule's share `f` of
  /// perturbing steps weighs the two.
  public var cost: MethodCost {
    switch rule {
    case .population(let p):
      return MethodCost(gradients: 0, functions: Double(p.population), formula: "population")
    case .gradient(let r):
      let f = r.when.share
      let share = r.when.shareSymbol
      switch r.perturbation {
      case .none:
        return MethodCost(gradients: 1, functions: 0, formula: "")
      case .gaussian(let n):
        let gradients = (1 - f) + f * Double(n)
        let formula: String
        if share.isEmpty {
          formula = n == 1 ? "" : "1 per sample"
        } else {
          formula = n == 1 ? "" : "1 − \(share) + \(share)·n"
        }
        return MethodCost(gradients: gradients, functions: 0, formula: formula)
      case .worstCase:
        var cost = MethodCost(gradients: 1 + f, functions: 0, formula: share.isEmpty ? "" : "1 + \(share)")
        if r.mask.refreshGradients > 0 {
          cost.gradients += r.mask.refreshGradients
          cost.formula = (share.isEmpty ? "2" : cost.formula) + " + 1/every"
        }
        if r.radius.measuresSharpness {
          cost.functions = f
          cost.formula += cost.formula.isEmpty ? "sharpness probe" : ", sharpness probe"
        }
        return cost
      }
    }
  }
}
