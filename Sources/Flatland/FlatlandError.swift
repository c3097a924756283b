/// Problems with user input, each phrased as what was wrong and what is accepted instead.
public enum FlatlandError: Error, CustomStringConvertible, Equatable {
  case unknownName(kind: String, name: String, accepted: [String])
  case invalidParameter(landscape: String, name: String, value: Double, expected: String)
  case invalidValue(what: String, text: String, expected: String)
  case startOutsideDomain(start: Vec2, landscape: String, domain: Box)

  public var description: String {
    switch self {
    case .unknownName(let kind, let name, let accepted):
      let suggestion = closestMatch(to: name, in: accepted).map { " (did you mean '\($0)'?)" } ?? ""
      let list = accepted.isEmpty ? "none" : accepted.joined(separator: ", ")
      return "unknown \(kind) '\(name)'\(suggestion); accepted: \(list)"
    case .invalidParameter(let landscape, let name, let value, let expected):
      return "parameter '\(name)' of landscape '\(landscape)' is \(formatShort(value)); expected \(expected)"
    case .invalidValue(let what, let text, let expected):
      return "\(what): '\(text)' is not valid; expected \(expected)"
    case .startOutsideDomain(let start, let landscape, let domain):
      return "start (\(formatShort(start.x)), \(formatShort(start.y))) is outside the domain of '\(landscape)', "
        + "\(domain); choose a start inside it"
    }
  }
}

/// The accepted name nearest to `name` by edit distance, when it is close enough to be a typo.
public func closestMatch(to name: String, in accepted: [String]) -> String? {
  let scored = accepted.map { ($0, editDistance(Array(name.lowercased()), Array($0.lowercased()))) }
  // Very short names (a, c) are too close to everything for a suggestion to mean anything.
  guard name.count >= 3, let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= Swift.max(1, name.count / 3) else {
    return nil
  }
  return best.0
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in stride(from: 1, through: b.count, by: 1) {
      current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}
