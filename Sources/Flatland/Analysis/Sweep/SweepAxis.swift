import Foundation

/// One axis of a hyperparameter sweep: a method key and the values it takes, evenly spaced on a
/// linear or a log scale. Written `KEY=FROM:TO[:lin|log][:COUNT]`, e.g. `lr=0.001:0.1:log:64`
/// (the same text on the command line and in an experiment file).
public struct SweepAxis: Sendable, Hashable, CustomStringConvertible {
  public var key: MethodKey
  public var from: Double
  public var to: Double
  public var logarithmic: Bool
  public var count: Int

  /// Values per axis when the text gives no count.
  public static let defaultCount = 32
  /// Values per axis a sweep accepts.
  public static let counts = 2...256

  /// `from < to`.
  public init(_ key: MethodKey, from: Double, to: Double, logarithmic: Bool = false, count: Int = defaultCount) {
    self.key = key
    self.from = from
    self.to = to
    self.logarithmic = logarithmic
    self.count = count
  }

  /// Reads `KEY=FROM:TO[:lin|log][:COUNT]`; the error says what was expected.
  public static func parse(_ text: String) -> Result<SweepAxis, SweepAxisError> {
    let example = "such as lr=0.001:0.1:log:64 or rho=0:0.5:32"
    guard let equals = text.firstIndex(of: "=") else {
      return .failure(.init("expected KEY=FROM:TO[:lin|log][:COUNT] \(example), not '\(text)'"))
    }
    let name = text[..<equals].trimmingCharacters(in: .whitespaces)
    guard let key = MethodKey(rawValue: name) else {
      return .failure(
        .init(
          unknownNameMessage("method key", name, accepted: MethodKey.allCases.map(\.rawValue))
            + " (a sweep varies a method's number, e.g. lr, rho, alpha)"))
    }
    let parts = text[text.index(after: equals)...].split(separator: ":", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard parts.count >= 2, parts.count <= 4 else {
      return .failure(.init("expected \(name)=FROM:TO[:lin|log][:COUNT] \(example), not '\(text)'"))
    }
    guard let from = Double(parts[0]), from.isFinite else {
      return .failure(.init("'\(parts[0])' is not a number; expected FROM in \(name)=FROM:TO…"))
    }
    guard let to = Double(parts[1]), to.isFinite else {
      return .failure(.init("'\(parts[1])' is not a number; expected TO in \(name)=FROM:TO…"))
    }
    var logarithmic = false
    var count = defaultCount
    for part in parts.dropFirst(2) {
      switch part {
      case "lin", "linear": logarithmic = false
      case "log": logarithmic = true
      default:
        guard let n = Int(part) else {
          return .failure(
            .init("'\(part)' is neither lin, log nor a count; expected \(name)=FROM:TO[:lin|log][:COUNT]"))
        }
        count = n
      }
    }
    guard counts.contains(count) else {
      return .failure(.init("\(count) values is not valid; a sweep axis takes 2 to 256"))
    }
    guard from < to else {
      return .failure(
        .init("FROM must be below TO (\(formatShort(from)) to \(formatShort(to))); give a range, e.g. \(name)=0:0.5"))
    }
    if logarithmic, !(from > 0 && to > 0) {
      return .failure(.init("a log axis needs FROM and TO > 0 (\(formatShort(from)) to \(formatShort(to))); use lin"))
    }
    return .success(SweepAxis(key, from: from, to: to, logarithmic: logarithmic, count: count))
  }

  /// `lr=0.001:0.1:log:64`: what `parse` reads.
  public var description: String {
    "\(key.rawValue)=\(formatShort(from, digits: 12)):\(formatShort(to, digits: 12)):\(logarithmic ? "log" : "lin"):\(count)"
  }

  /// The `i`-th value: `from` and `to` exactly at the ends, evenly spaced (in log on a log axis).
  public func value(_ i: Int) -> Double {
    if i == 0 { return from }
    if i == count - 1 { return to }
    let t = Double(i) / Double(count - 1)
    if logarithmic { return exp(log(from) + t * (log(to) - log(from))) }
    return from + t * (to - from)
  }

  public var values: [Double] { (0..<count).map(value) }

  /// The edges of the cells drawn around the values: half a step beyond each end (in log on a
  /// log axis), so each value sits at its cell's centre.
  public var edges: ClosedRange<Double> {
    let half = 0.5 / Double(count - 1)
    if logarithmic {
      let (a, b) = (log(from), log(to))
      return exp(a - half * (b - a))...exp(b + half * (b - a))
    }
    return (from - half * (to - from))...(to + half * (to - from))
  }
}

/// Why a sweep axis could not be read.
public struct SweepAxisError: Error, Sendable, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
}
