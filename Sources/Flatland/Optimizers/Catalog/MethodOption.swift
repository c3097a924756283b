/// One hyperparameter of one preset: its key, the typed field it sets, the values it accepts, what
/// it means and its default. A preset's option table is the single source for reading the key,
/// checking it, filling its default, `flatland describe`, the generated reference and the
/// resolved spec.
public struct MethodOption: Sendable {
  public let key: MethodKey
  public let summary: String
  let binding: Binding
  public let defaultValue: MethodDefault
  /// The command-line flag shared by every method that sets this key (`--rho` sets `rho` and
  /// Fisher SAM's `gamma`).
  public let sharedFlag: SharedFlag?

  /// How a key reaches its typed field.
  enum Binding: Sendable {
    case number(WritableKeyPath<MethodParameters, Double> & Sendable, ClosedRange<Double>)
    case whole(WritableKeyPath<MethodParameters, Int> & Sendable, ClosedRange<Int>)
    case pair(WritableKeyPath<MethodParameters, Vec2> & Sendable, ClosedRange<Double>)
    case flag(WritableKeyPath<MethodParameters, Bool> & Sendable)
    case choice(ChoiceBinding)
  }

  /// A choice field, with its names and summaries from the choice type itself.
  struct ChoiceBinding: Sendable {
    let names: [String]
    let summaries: [String]
    let set: @Sendable (inout MethodParameters, String) -> Bool
    let get: @Sendable (MethodParameters) -> String

    init<E: SpecChoice>(_ field: WritableKeyPath<MethodParameters, E> & Sendable) {
      names = E.names
      summaries = E.allCases.map(\.summary)
      set = { p, name in
        guard let v = E(rawValue: name) else { return false }
        p[keyPath: field] = v
        return true
      }
      get = { $0[keyPath: field].rawValue }
    }
  }

  /// What values the key accepts.
  public enum Kind: Sendable, Equatable {
    case number(ClosedRange<Double>)
    case whole(ClosedRange<Int>)
    case pair(ClosedRange<Double>)
    case flag
    case choice([String])
  }

  public var kind: Kind {
    switch binding {
    case .number(_, let r): return .number(r)
    case .whole(_, let r): return .whole(r)
    case .pair(_, let r): return .pair(r)
    case .flag: return .flag
    case .choice(let c): return .choice(c.names)
    }
  }

  /// The choices with their summaries, for `describe`.
  public var choices: [(name: String, summary: String)] {
    if case .choice(let c) = binding { return Array(zip(c.names, c.summaries)) }
    return []
  }

  init(
    _ key: MethodKey, _ binding: Binding, _ summary: String, default value: MethodDefault, shared: SharedFlag? = nil
  ) {
    self.key = key
    self.binding = binding
    self.summary = summary
    self.defaultValue = value
    self.sharedFlag = shared
  }

  /// "a positive number", "a whole number from 1 to 10000", "one of sgd, momentum, …".
  public var expected: String {
    switch kind {
    case .number(let r): return numberRangeText(r)
    case .whole(let r): return "a whole number from \(r.lowerBound) to \(r.upperBound)"
    case .pair(let r):
      return "two numbers [a, b], each "
        + numberRangeText(r).replacingOccurrences(of: "a number ", with: "")
        .replacingOccurrences(of: "a positive number", with: "positive")
    case .flag: return "true or false"
    case .choice(let names): return "one of " + names.joined(separator: ", ")
    }
  }

  /// The value of this key in `p`.
  public func value(in p: MethodParameters) -> MethodValue {
    switch binding {
    case .number(let f, _): return .number(p[keyPath: f])
    case .whole(let f, _): return .number(Double(p[keyPath: f]))
    case .pair(let f, _): return .pair(p[keyPath: f])
    case .flag(let f): return .flag(p[keyPath: f])
    case .choice(let c): return .choice(c.get(p))
    }
  }

  /// Sets this key in `p`, or says why `value` is not accepted.
  func set(_ value: MethodValue, in p: inout MethodParameters) -> String? {
    // The message is built only when it is needed (setting is on the path of every sweep cell).
    var bad: String { "\(value) is not valid; expected \(expected)" }
    switch (binding, value) {
    case (.number(let f, let r), .number(let v)):
      guard v.isFinite, r.contains(v) else { return bad }
      p[keyPath: f] = v
    case (.whole(let f, let r), .number(let v)):
      guard v.isFinite, v == v.rounded(), v >= Double(r.lowerBound), v <= Double(r.upperBound) else { return bad }
      p[keyPath: f] = Int(v)
    case (.pair(let f, let r), .pair(let v)):
      guard v.isFinite, r.contains(v.x), r.contains(v.y) else { return bad }
      p[keyPath: f] = v
    case (.flag(let f), .flag(let v)):
      p[keyPath: f] = v
    case (.choice(let c), .choice(let name)):
      if let moved = MethodCatalog.movedChoices[key]?[name] {
        return "\(key.rawValue) = \(name) is a part of its own now: write \(moved)"
      }
      guard c.set(&p, name) else { return unknownNameMessage(key.rawValue, name, accepted: c.names) }
    default:
      return bad
    }
    return nil
  }
}

/// Where a default comes from: a constant, or the landscape (ALGORITHMS.md A3: the landscape's
/// suggestion first, then the method's own default).
public enum MethodDefault: Sendable, Equatable, CustomStringConvertible {
  case value(MethodValue)
  /// The landscape's suggested learning rate η.
  case suggestedLearningRate
  /// The landscape's suggested radius ρ.
  case suggestedRho
  /// `(ρ/√2, ρ/√2)` with the landscape's suggested ρ: the released mean-field optimisers' σ₀ =
  /// ρ/√D at D = 2, so that a draw σ⊙ξ has mean square length ρ².
  case suggestedRhoPerCoordinate
  /// The landscape's η/10, a learned σ's rate: the release's `|M|` moves by `lr·g̃⊙ξ`, of the
  /// gradient's size, which at η itself throws σ far past its scale on the steep toys.
  case suggestedSigmaLearningRate
  /// The landscape's suggested VSAM σ.
  case suggestedSigma
  /// 5% of the shorter side of the landscape's window.
  case populationSigma
  /// The method's own ρ under the lr-proportional radius (GSAM's ρ_min = ρ, so a constant
  /// learning rate keeps ρ), else 1e-4 (the lower clamp of target-sharpness).
  case rhoMinimum
  /// `every-k` under LookSAM's reuse (which needs steps that do not perturb), else `every-step`.
  case perturbationSchedule

  public var description: String {
    switch self {
    case .value(let v): return v.description
    case .suggestedLearningRate: return "the landscape's η"
    case .suggestedRho: return "the landscape's ρ"
    case .suggestedRhoPerCoordinate: return "(ρ/√2, ρ/√2), the landscape's ρ"
    case .suggestedSigmaLearningRate: return "the landscape's η/10"
    case .suggestedSigma: return "the landscape's σ"
    case .populationSigma: return "5% of the window"
    case .rhoMinimum: return "ρ with radius=lr-proportional, else 0.0001"
    case .perturbationSchedule: return "every-step (every-k with looksam)"
    }
  }
}

extension MethodDefault {
  /// A default that follows another key, given the other keys' values in `p`; `nil` for the
  /// constant and landscape defaults.
  public func following(_ p: MethodParameters) -> MethodValue? {
    switch self {
    case .rhoMinimum: return .number(p.radius == .lrProportional ? p.rho : 1e-4)
    case .perturbationSchedule:
      return .choice(p.combination == .looksam ? WhenChoice.everyK.rawValue : WhenChoice.everyStep.rawValue)
    case .value, .suggestedLearningRate, .suggestedRho, .suggestedRhoPerCoordinate, .suggestedSigma, .populationSigma,
      .suggestedSigmaLearningRate:
      return nil
    }
  }

  /// The choice this default usually selects, for marking it in listings.
  public var usualChoice: String? {
    switch self {
    case .value(.choice(let name)): return name
    case .perturbationSchedule: return WhenChoice.everyStep.rawValue
    default: return nil
    }
  }
}

/// The shared command-line flags that set a key of every method that takes it.
public enum SharedFlag: String, Sendable, CaseIterable {
  case lr, rho, alpha, sigma, momentum

  public var flag: String { "--" + rawValue }
}

/// "a positive number", "a number ≥ 0", "a number from 0 to 1", "a finite number".
func numberRangeText(_ r: ClosedRange<Double>) -> String {
  let huge = Double.greatestFiniteMagnitude
  switch (r.lowerBound, r.upperBound) {
  case (Double.leastNonzeroMagnitude, huge): return "a positive number"
  case (0, huge): return "a number ≥ 0"
  case (-huge, huge): return "a finite number"
  case (Double.leastNonzeroMagnitude, let b): return "a number > 0 and ≤ \(formatShort(b, digits: 6))"
  case (let a, huge): return "a number ≥ \(formatShort(a, digits: 6))"
  case (let a, let b): return "a number from \(formatShort(a)) to \(formatShort(b, digits: 6))"
  }
}
