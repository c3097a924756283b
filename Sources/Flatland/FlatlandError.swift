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

/// Edit distance with adjacent transpositions counted as one edit (optimal string alignment), so
/// `gsma` is one step from `gsam`.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
  for i in 0...a.count { d[i][0] = i }
  for j in 0...b.count { d[0][j] = j }
  for i in 1...a.count {
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1) }
    }
  }
  return d[a.count][b.count]
}
