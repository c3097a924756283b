import Foundation

/// The presets of ALGORITHMS.md A3 by command-line name, their options, and how shared settings
/// (`--lr`, `--rho`, …, or the landscape's suggestion) reach them.
///
/// ```swift
/// let m = try MethodCatalog.make("gsam", settings: .init(learningRate: 0.03, rho: 0.1), overrides: ["alpha": "0.3"])
/// ```
public enum MethodCatalog {
  /// Settings shared by every method of one command.
  public struct Settings: Sendable {
    public var learningRate: Double
    public var rho: Double
    public var alpha: Double = 0.4
    /// VSAM's fixed diagonal σ.
    public var sigma: Vec2 = Vec2(1, 1)
    public var momentum: Double = 0.9
    /// Initial search scale of the zeroth-order methods.
    public var populationSigma: Double = 0.25

    public init(learningRate: Double, rho: Double) {
      self.learningRate = learningRate
      self.rho = rho
    }
  }

  /// One preset: where it sits in the taxonomy, where it comes from, what it accepts.
  public struct Entry: Sendable {
    public var name: String
    /// Family for galleries and listings (`worst-case`, `gsam & smoothing`, …).
    public var family: Family
    public var summary: String
    /// Paper (authors, year, arXiv id) and how the rule was verified (ALGORITHMS.md tags).
    public var paper: String
    public var verification: String
    public var options: [MethodOption]
    let build: @Sendable (MethodValues) -> Method
  }

  public enum Family: String, Sendable, CaseIterable {
    case base = "base optimizers"
    case worstCase = "worst-case SAM"
    case directions = "GSAM and smoothed directions"
    case efficient = "cheaper SAM"
    case variational = "variational"
    case zerothOrder = "zeroth order"

    /// A file-name-friendly slug (`worst-case`).
    public var slug: String {
      switch self {
      case .base: return "base"
      case .worstCase: return "worst-case"
      case .directions: return "gsam-directions"
      case .efficient: return "cheaper-sam"
      case .variational: return "variational"
      case .zerothOrder: return "zeroth-order"
      }
    }
  }

  public static var names: [String] { entries.map(\.name) }

  /// The entry called `name`, or an error listing the presets.
  public static func entry(named name: String) throws -> Entry {
    guard let entry = entries.first(where: { $0.name == name }) else {
      throw FlatlandError.unknownName(kind: "method", name: name, accepted: names)
    }
    return entry
  }

  /// The preset `name` with `settings`, its options overridden by `overrides` (key → text).
  /// Unknown keys and malformed values are errors that list what the method accepts.
  public static func make(_ name: String, settings: Settings, overrides: [String: String] = [:]) throws -> Method {
    let entry = try entry(named: name)
    let accepted = entry.options.map(\.key)
    var values: [String: MethodOption.Value] = [:]
    for option in entry.options { values[option.key] = option.defaultValue(settings) }
    for (key, text) in overrides.sorted(by: { $0.key < $1.key }) {
      guard let option = entry.options.first(where: { $0.key == key }) else {
        throw FlatlandError.unknownName(kind: "hyperparameter of method '\(name)'", name: key, accepted: accepted)
      }
      values[key] = try option.parse(text, method: name)
    }
    let parsed = MethodValues(values: values, explicit: Set(overrides.keys))
    try validateCombination(parsed, method: name)
    return entry.build(parsed)
  }

  /// Parses `name:key=value,key=value` (a value may itself contain a comma: `sigma=0.5,0.05`).
  public static func parseSpecification(_ text: String) throws -> (name: String, overrides: [String: String]) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let colon = trimmed.firstIndex(of: ":") else { return (trimmed, [:]) }
    let name = String(trimmed[..<colon])
    var overrides: [String: String] = [:]
    var lastKey: String?
    for token in trimmed[trimmed.index(after: colon)...].split(separator: ",", omittingEmptySubsequences: false) {
      let piece = token.trimmingCharacters(in: .whitespaces)
      if let eq = piece.firstIndex(of: "=") {
        let key = String(piece[..<eq])
        guard !key.isEmpty, overrides[key] == nil else {
          throw FlatlandError.invalidValue(
            what: "method '\(name)'", text: text,
            expected: key.isEmpty ? "key=value pairs" : "each hyperparameter once ('\(key)' is repeated)")
        }
        overrides[key] = String(piece[piece.index(after: eq)...])
        lastKey = key
      } else if let key = lastKey, !piece.isEmpty {
        overrides[key, default: ""] += "," + piece
      } else {
        throw FlatlandError.invalidValue(what: "method '\(name)'", text: text, expected: "NAME:key=value,key=value")
      }
    }
    return (name, overrides)
  }

  static func validateCombination(_ v: MethodValues, method: String) throws {
    if v.has("base"), v.choice("base") == "adam", v.has("mu"), v.explicit.contains("mu") {
      throw FlatlandError.invalidValue(
        what: "hyperparameter 'mu' of method '\(method)'", text: "\(v.number("mu"))",
        expected: "no momentum with base=adam (Adam has β₁ = 0.9)")
    }
  }
}
