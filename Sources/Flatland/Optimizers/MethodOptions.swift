/// The hyperparameters a method accepts on the command line (`--method sam:rho=0.1,lr=0.02`),
/// typed, with defaults, so that an unknown or malformed one is an error that lists what is accepted.
public struct MethodOption: Sendable {
  public var key: String
  public var summary: String
  public var kind: Kind
  /// The default for a given set of shared settings (landscape suggestion and shared flags).
  let defaultValue: @Sendable (MethodCatalog.Settings) -> Value

  public enum Kind: Sendable, Equatable {
    /// A finite number in the range.
    case number(ClosedRange<Double>)
    /// A whole number in the range.
    case whole(ClosedRange<Int>)
    /// Two numbers `a,b`, each in the range.
    case pair(ClosedRange<Double>)
    /// `true` or `false`.
    case flag
    /// One of the names.
    case choice([String])

    var expected: String {
      switch self {
      case .number(let r): return "a number in \(rangeText(r.lowerBound, r.upperBound))"
      case .whole(let r): return "a whole number in \(r.lowerBound)…\(r.upperBound)"
      case .pair(let r): return "two numbers A,B in \(rangeText(r.lowerBound, r.upperBound))"
      case .flag: return "true or false"
      case .choice(let names): return "one of " + names.joined(separator: ", ")
      }
    }
  }

  /// A parsed option value.
  public enum Value: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case pair(Vec2)
    case flag(Bool)
    case choice(String)

    public var description: String {
      switch self {
      case .number(let v): return formatShort(v)
      case .pair(let v): return "\(formatShort(v.x)),\(formatShort(v.y))"
      case .flag(let b): return b ? "true" : "false"
      case .choice(let s): return s
      }
    }
  }

  public init(
    _ key: String, _ kind: Kind, _ summary: String, default value: @escaping @Sendable (MethodCatalog.Settings) -> Value
  ) {
    self.key = key
    self.kind = kind
    self.summary = summary
    self.defaultValue = value
  }

  /// Parses `text` for this option; `method` names the method in the error.
  func parse(_ text: String, method: String) throws -> Value {
    let what = "hyperparameter '\(key)' of method '\(method)'"
    func bad() -> FlatlandError { .invalidValue(what: what, text: text, expected: kind.expected) }
    switch kind {
    case .number(let range):
      guard let v = Double(text), v.isFinite, range.contains(v) else { throw bad() }
      return .number(v)
    case .whole(let range):
      guard let v = Int(text), range.contains(v) else { throw bad() }
      return .number(Double(v))
    case .pair(let range):
      let parts = text.split(separator: ",", omittingEmptySubsequences: false)
      guard parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), range.contains(a), range.contains(b)
      else { throw bad() }
      return .pair(Vec2(a, b))
    case .flag:
      switch text.lowercased() {
      case "true", "yes", "1": return .flag(true)
      case "false", "no", "0": return .flag(false)
      default: throw bad()
      }
    case .choice(let names):
      guard names.contains(text) else {
        throw FlatlandError.unknownName(kind: "value for \(what)", name: text, accepted: names)
      }
      return .choice(text)
    }
  }
}

/// The values of one method's options after defaults and overrides, read by the preset builders.
public struct MethodValues: Sendable {
  var values: [String: MethodOption.Value]
  /// Keys the user set explicitly (legends show common options only when set).
  var explicit: Set<String>

  func number(_ key: String) -> Double {
    if case .number(let v)? = values[key] { return v }
    preconditionFailure("option \(key) is not a number")
  }
  func whole(_ key: String) -> Int { Int(number(key)) }
  func pair(_ key: String) -> Vec2 {
    if case .pair(let v)? = values[key] { return v }
    preconditionFailure("option \(key) is not a pair")
  }
  func flag(_ key: String) -> Bool {
    if case .flag(let v)? = values[key] { return v }
    preconditionFailure("option \(key) is not a flag")
  }
  func choice(_ key: String) -> String {
    if case .choice(let v)? = values[key] { return v }
    preconditionFailure("option \(key) is not a choice")
  }
  func has(_ key: String) -> Bool { values[key] != nil }
}

private func rangeText(_ a: Double, _ b: Double) -> String {
  let low = a == -.greatestFiniteMagnitude ? "−∞" : formatShort(a)
  let high = b == .greatestFiniteMagnitude ? "∞" : formatShort(b)
  return "[\(low), \(high)]"
}
