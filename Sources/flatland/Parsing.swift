import Flatland
import Foundation

/// Turns command-line text into numbers, with errors that quote the flag and the bad text.
enum Parse {
  static func number(_ text: String, flag: String) throws -> Double {
    guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v.isFinite else {
      throw FlatlandError.invalidValue(what: flag, text: text, expected: "a finite number such as 0.05")
    }
    return v
  }

  /// A whole number within `range`.
  static func whole(_ text: String, flag: String, in range: ClosedRange<Int>) throws -> Int {
    guard let v = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(v) else {
      throw FlatlandError.invalidValue(
        what: flag, text: text, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return v
  }

  /// A random seed: any whole number from 0 to 2⁶⁴ − 1.
  static func seed(_ text: String) throws -> UInt64 {
    guard let v = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
      throw FlatlandError.invalidValue(
        what: "--seed", text: text, expected: "a whole number from 0 to 18446744073709551615")
    }
    return v
  }

  /// `X,Y` → a point.
  static func pair(_ text: String, flag: String) throws -> Vec2 {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2, let x = Double(parts[0].trimmingCharacters(in: .whitespaces)),
      let y = Double(parts[1].trimmingCharacters(in: .whitespaces)), x.isFinite, y.isFinite
    else {
      throw FlatlandError.invalidValue(what: flag, text: text, expected: "two finite numbers X,Y such as 0.3,2")
    }
    return Vec2(x, y)
  }

  /// `a=1,b=10` → a dictionary; a key may appear once.
  static func assignments(_ text: String, flag: String) throws -> [String: Double] {
    var out: [String: Double] = [:]
    for item in text.split(separator: ",") {
      let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, !parts[0].isEmpty else {
        throw FlatlandError.invalidValue(what: flag, text: String(item), expected: "NAME=VALUE pairs such as a=1,b=10")
      }
      guard out[parts[0]] == nil else {
        throw FlatlandError.invalidValue(what: flag, text: String(item), expected: "each name once")
      }
      out[parts[0]] = try number(parts[1], flag: "\(flag) \(parts[0])")
    }
    return out
  }

  /// `1200x900` → a size in pixels (points for vector formats).
  static func size(_ text: String) throws -> (Double, Double) {
    let parts = text.lowercased().split(separator: "x")
    guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (200...10000).contains(w),
      (200...10000).contains(h)
    else {
      throw FlatlandError.invalidValue(
        what: "--size", text: text, expected: "WIDTHxHEIGHT between 200 and 10000, e.g. 1200x900")
    }
    return (Double(w), Double(h))
  }

  /// `sgd,sam` → distinct preset names.
  static func methodNames(_ text: String) throws -> [String] {
    let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    guard !names.isEmpty else {
      throw FlatlandError.invalidValue(
        what: "--methods", text: text, expected: "a comma-separated list such as sgd,sam")
    }
    for (i, name) in names.enumerated() where names[..<i].contains(name) {
      throw FlatlandError.invalidValue(what: "--methods", text: text, expected: "each method once ('\(name)' repeats)")
    }
    return names
  }

  /// `--noise`: `S`, `SX,SY` or `hessian:S`; zero means exact gradients.
  static func noise(_ text: String) throws -> NoiseModel {
    let expected = "S, SX,SY or hessian:S with standard deviations ≥ 0"
    if text.hasPrefix("hessian:") {
      let s = try number(String(text.dropFirst("hessian:".count)), flag: "--noise")
      guard s >= 0 else { throw FlatlandError.invalidValue(what: "--noise", text: text, expected: expected) }
      return s == 0 ? .none : .hessian(scale: s)
    }
    let sigma =
      text.contains(",") ? try pair(text, flag: "--noise") : Vec2(repeating: try number(text, flag: "--noise"))
    guard sigma.x >= 0, sigma.y >= 0 else {
      throw FlatlandError.invalidValue(what: "--noise", text: text, expected: expected)
    }
    return sigma == .zero ? .none : .gaussian(sigma: sigma)
  }
}
