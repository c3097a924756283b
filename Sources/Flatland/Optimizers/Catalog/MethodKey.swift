/// Every hyperparameter key a method accepts somewhere (`--method sam:rho=0.1`, `rho = 0.1` under
/// `[[methods]]`). Which keys a preset takes, with their types, ranges and defaults, is its option
/// table (`MethodPreset.options`).
public enum MethodKey: String, CaseIterable, Sendable, Hashable, Comparable {
  // Learning rate, base optimizer, weight decay.
  case lr, base, mu, wd
  case wdMode = "wd-mode"
  case schedule
  case lrFinal = "lr-final"
  case lrEvery = "lr-every"
  case lrFactor = "lr-factor"
  case warmup
  // Radius and its schedule.
  case rho, gamma, radius
  case rhoFinal = "rho-final"
  case kappa, target
  case rhoMin = "rho-min"
  case rhoMax = "rho-max"
  // Method-specific.
  case alpha
  case minimizeFp = "minimize-fp"
  case eta, form, theta, sigma, lambda, sparsity, every
  case dropRate = "drop-rate"
  case beta, mode, k, p, samples, learn, kl, prior, population, adaptive, timing
  case lrSigma = "lr-sigma"
  case kappaScale = "kappa-scale"
  // custom's parts.
  case perturbation, covariance, penalty, when, direction, mask, combination, epsilon, smoothing

  public static func < (a: MethodKey, b: MethodKey) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// A typed hyperparameter value. Literals make specs in code read naturally:
/// `MethodSpec(.gsam, [.rho: 0.05, .alpha: 0.3, .base: "adam", .minimizeFp: false])`.
public enum MethodValue: Sendable, Hashable, CustomStringConvertible, ExpressibleByFloatLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByStringLiteral
{
  case number(Double)
  case pair(Vec2)
  case flag(Bool)
  /// The name of a choice (`"adam"`); checked against the key's choices when resolved.
  case choice(String)

  public init(floatLiteral value: Double) { self = .number(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(booleanLiteral value: Bool) { self = .flag(value) }
  public init(stringLiteral value: String) { self = .choice(value) }

  /// As written on the command line (`0.05`, `0.5,0.05`, `true`, `adam`).
  public var description: String {
    switch self {
    case .number(let v): return formatShort(v, digits: 6)
    case .pair(let v): return "\(formatShort(v.x, digits: 6)),\(formatShort(v.y, digits: 6))"
    case .flag(let b): return b ? "true" : "false"
    case .choice(let s): return s
    }
  }
}
