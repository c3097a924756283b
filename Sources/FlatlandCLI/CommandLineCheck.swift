import Flatland
import Foundation

/// Checks of the raw command line that the argument parser does not make: an option given twice
/// (the parser would keep the last silently), and short-option clusters (`-zh` would print help).
enum CommandLineCheck {
  /// A command line refused by these checks (exit status 64, like the parser's own refusals).
  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  /// Options that may be repeated.
  static let repeatable: Set<String> = ["--method", "--start", "--set"]
  /// Options that take no value.
  static let flags: Set<String> = [
    "--contour-labels", "--independent-axes", "--linear", "--log", "--check", "--help", "-h", "--version",
  ]

  static func problem(in arguments: [String]) -> String? {
    var seen: [String: String] = [:]
    var k = 0
    while k < arguments.count {
      let token = arguments[k]
      k += 1
      if token == "--" { break }
      if token.hasPrefix("--"), let eq = token.firstIndex(of: "=") {
        let name = String(token[..<eq])
        if let problem = note(name, String(token[token.index(after: eq)...]), &seen) { return problem }
        continue
      }
      if flags.contains(token) {
        if let problem = note(token, "", &seen) { return problem }
      } else if token.hasPrefix("--") || token == "-o" {
        let value = k < arguments.count ? arguments[k] : ""
        k += 1
        if let problem = note(token == "-o" ? "--output" : token, value, &seen) { return problem }
      } else if token.count > 2, token.hasPrefix("-"), token.dropFirst().allSatisfy(\.isLetter) {
        return "'\(token)' is not an option: give short options one at a time (-o FILE, -h)"
      }
    }
    return nil
  }

  private static func note(_ name: String, _ value: String, _ seen: inout [String: String]) -> String? {
    guard !repeatable.contains(name) else { return nil }
    if let first = seen[name] {
      let values = first.isEmpty && value.isEmpty ? "" : " ('\(first)' and '\(value)')"
      return "\(name) is given twice\(values); give it once"
    }
    seen[name] = value
    return nil
  }

  /// The parser's message with a far-fetched "Did you mean" removed, or `nil` to leave it as is.
  static func withoutFarSuggestion(_ message: String) -> String? {
    guard
      let range = message.range(
        of: #"Unknown option '(-[^']+)'\. Did you mean '(-[^']+)'\?"#, options: .regularExpression)
    else { return nil }
    let found = String(message[range])
    let quoted = found.split(separator: "'").map(String.init)
    guard quoted.count >= 4 else { return nil }
    let (given, suggested) = (quoted[1].trimmingCharacters(in: ["-"]), quoted[3].trimmingCharacters(in: ["-"]))
    if closestMatch(to: given, in: [suggested]) != nil { return nil }
    return message.replacingCharacters(in: range, with: "Unknown option '\(quoted[1])'.")
  }
}
