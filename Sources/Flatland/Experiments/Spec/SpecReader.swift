import Foundation

/// Reads typed values out of a spec tree, noting every type problem with its position instead of
/// stopping at the first, and recording where each value was written for later problems.
///
/// Conversions accept the value as TOML/JSON types (`steps = 500`) and as command-line text
/// (`--steps 500`); ranges and meanings are checked later, by the resolver, so one rule per
/// parameter holds wherever the value came from.
public struct SpecReader: Sendable {
  public var log: ProblemLog

  public init(sources: SpecSources = SpecSources()) { log = ProblemLog(sources: sources) }

  public var sources: SpecSources { log.sources }

  /// Notes where `node` (and its key) were written.
  public mutating func visit(_ node: SpecNode, at path: SpecPath, key: SpecLocation? = nil) {
    // The key's own position, once known, is not replaced by the value's.
    let keyLocation = key ?? (log.sources.keys[path] == nil ? node.location : nil)
    log.sources.record(path, key: keyLocation, value: node.location)
  }

  private mutating func typeError(_ node: SpecNode, at path: SpecPath, expected: String) {
    visit(node, at: path)
    defer { log.sources.markUnreadable(path) }
    if case .text(let t) = node.value {
      log.error("'\(t)' is not valid; expected \(expected)", at: path)
    } else {
      log.error("expected \(expected), not \(node.typeName) (\(node.shown))", at: path)
    }
  }

  // MARK: - Scalars

  /// A finite number: an integer or float, or text that parses as one.
  public mutating func number(_ node: SpecNode, at path: SpecPath, expected: String = "a finite number such as 0.05")
    -> Double?
  {
    visit(node, at: path)
    switch node.value {
    case .integer(let i): return Double(i)
    case .float(let d) where d.isFinite: return d
    case .text(let t):
      if let d = Double(t.trimmingCharacters(in: .whitespaces)), d.isFinite { return d }
    default: break
    }
    typeError(node, at: path, expected: expected)
    return nil
  }

  /// A whole number: an integer, a float with no fractional part, or text of one.
  public mutating func integer(_ node: SpecNode, at path: SpecPath, expected: String = "a whole number") -> Int64? {
    visit(node, at: path)
    switch node.value {
    case .integer(let i): return i
    case .float(let d) where d.isFinite && d == d.rounded() && Swift.abs(d) < 9e15: return Int64(d)
    case .text(let t):
      if let i = Int64(t.trimmingCharacters(in: .whitespaces)) { return i }
    default: break
    }
    typeError(node, at: path, expected: expected)
    return nil
  }

  /// A whole number that fits `UInt64` (random seeds): an integer, or a string or text of digits
  /// (TOML integers stop at 2⁶³ − 1).
  public mutating func unsigned(_ node: SpecNode, at path: SpecPath, expected: String) -> UInt64? {
    visit(node, at: path)
    switch node.value {
    case .integer(let i) where i >= 0: return UInt64(i)
    case .string(let t), .text(let t):
      if let u = UInt64(t.trimmingCharacters(in: .whitespaces)) { return u }
    default: break
    }
    typeError(node, at: path, expected: expected)
    return nil
  }

  public mutating func string(_ node: SpecNode, at path: SpecPath) -> String? {
    visit(node, at: path)
    switch node.value {
    case .string(let s), .text(let s): return s
    default:
      typeError(node, at: path, expected: "a string")
      return nil
    }
  }

  public mutating func bool(_ node: SpecNode, at path: SpecPath) -> Bool? {
    visit(node, at: path)
    switch node.value {
    case .bool(let b): return b
    case .text(let t):
      switch t.lowercased() {
      case "true", "yes", "1": return true
      case "false", "no", "0": return false
      default: break
      }
    default: break
    }
    typeError(node, at: path, expected: "true or false")
    return nil
  }

  /// One of the choices of `E`, with a suggestion when the name is close to one.
  public mutating func choice<E: SpecChoice>(_ node: SpecNode, at path: SpecPath, _ type: E.Type, what: String) -> E? {
    guard let name = string(node, at: path) else { return nil }
    if let value = E(rawValue: name) { return value }
    log.error(unknownNameMessage(what, name, accepted: E.names), at: path)
    log.sources.markUnreadable(path)
    return nil
  }

  // MARK: - Lists

  /// Numbers given as an array, or as comma-separated text (`--rho 0.05,0.1`); `count` fixes the
  /// length (a pair is two).
  public mutating func numbers(_ node: SpecNode, at path: SpecPath, count: Int? = nil, expected: String)
    -> [Double]?
  {
    visit(node, at: path)
    switch node.value {
    case .array(let items):
      guard count == nil || items.count == count else { break }
      var out: [Double] = []
      var ok = true
      for (i, item) in items.enumerated() {
        if let v = number(item, at: path + i, expected: "a finite number") { out.append(v) } else { ok = false }
      }
      return ok ? out : nil
    case .text(let t):
      let parts = t.split(separator: ",", omittingEmptySubsequences: false)
      let values = parts.map { Double($0.trimmingCharacters(in: .whitespaces)) }
      if count == nil || parts.count == count, !parts.isEmpty, values.allSatisfy({ $0?.isFinite ?? false }) {
        return values.compactMap { $0 }
      }
    case .integer, .float:
      if count == nil || count == 1, let v = number(node, at: path) { return [v] }
    default: break
    }
    typeError(node, at: path, expected: expected)
    return nil
  }

  /// `[x, y]` or `X,Y`.
  public mutating func pair(_ node: SpecNode, at path: SpecPath, expected: String = "two finite numbers [x, y]")
    -> Vec2?
  {
    numbers(node, at: path, count: 2, expected: expected).map { Vec2($0[0], $0[1]) }
  }

  /// An array whose elements are read by `element`; a single command-line text is one element.
  public mutating func array<T>(
    _ node: SpecNode, at path: SpecPath, expected: String, element: (inout SpecReader, SpecNode, SpecPath) -> T?
  ) -> [T]? {
    visit(node, at: path)
    guard case .array(let items) = node.value else {
      typeError(node, at: path, expected: expected)
      return nil
    }
    var out: [T] = []
    for (i, item) in items.enumerated() {
      visit(item, at: path + i)
      guard let v = element(&self, item, path + i) else {
        log.sources.markIncomplete(path)
        continue
      }
      // An element that could not be read is left out: later elements move up, and so do their
      // positions, so later problems still point at the right lines.
      if out.count != i { log.sources.move(path + i, to: path + out.count) }
      out.append(v)
    }
    return out
  }

  // MARK: - Tables

  /// Walks a table: each entry is handed to `read` when its key is accepted; other keys are
  /// problems that list the accepted ones and suggest the closest.
  public mutating func table(
    _ node: SpecNode, at path: SpecPath, what: String, accepted: [String],
    read: (inout SpecReader, String, SpecNode, SpecPath) -> Void
  ) {
    visit(node, at: path)
    guard let entries = node.entries else {
      typeError(node, at: path, expected: "a table (\(what))")
      return
    }
    for entry in entries {
      let p = path + entry.key
      visit(entry.node, at: p, key: entry.keyLocation)
      if accepted.contains(entry.key) {
        read(&self, entry.key, entry.node, p)
      } else {
        log.error(unknownNameMessage("key", entry.key, in: what, accepted: accepted), at: p, atKey: true)
      }
    }
  }
}

/// "unknown key 'rhoo' in method 'sam' (did you mean 'rho'?); accepted: lr, rho, …".
public func unknownNameMessage(_ kind: String, _ name: String, in context: String? = nil, accepted: [String]) -> String
{
  let suggestion = closestMatch(to: name, in: accepted).map { " (did you mean '\($0)'?)" } ?? ""
  let list = accepted.isEmpty ? "none" : accepted.joined(separator: ", ")
  return "unknown \(kind) '\(name)'\(context.map { " in \($0)" } ?? "")\(suggestion); accepted: \(list)"
}
