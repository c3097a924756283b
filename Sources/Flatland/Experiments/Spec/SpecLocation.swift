/// Where a value was written: a position in a spec file, or the command-line flag that gave it.
public enum SpecLocation: Sendable, Hashable, CustomStringConvertible {
  /// 1-based line and column in `file` (as the user named it).
  case file(String, line: Int, column: Int)
  /// A command-line flag, quoted as typed (`--rho`, `--method sam:rho=0.1`, `--set run.steps=5`).
  case flag(String)

  public var description: String {
    switch self {
    case .file(let file, let line, let column): return "\(file):\(line):\(column)"
    case .flag(let flag): return flag
    }
  }

  /// Orders file positions for reports (problems appear in the order of the file); flags keep
  /// their given order.
  var sortKey: (String, Int, Int) {
    switch self {
    case .file(let f, let l, let c): return (f, l, c)
    case .flag: return ("", 0, 0)
    }
  }
}

/// Every path of a spec mapped to where it was written, so that problems found long after reading
/// (a range, a guard, a contradiction) still point at the line or the flag.
public struct SpecSources: Sendable, Equatable {
  /// Position of each key (or array element).
  public private(set) var keys: [SpecPath: SpecLocation] = [:]
  /// Position of each value; for a flag the same as the key's.
  public private(set) var values: [SpecPath: SpecLocation] = [:]
  /// Paths whose value could not be read (a wrong type, an unknown name): later checks stay
  /// silent there, so one mistake is reported once.
  public private(set) var unreadable: Set<SpecPath> = []
  /// Elements that moved up when an element before them could not be read, back to the index the
  /// user wrote, so problems name `methods[2]` when the file's third method is meant.
  public private(set) var written: [SpecPath: SpecPath] = [:]

  public init() {}

  public mutating func record(_ path: SpecPath, key: SpecLocation?, value: SpecLocation?) {
    if let key { keys[path] = key }
    if let value { values[path] = value }
  }

  /// Arrays some of whose elements could not be read (and were left out).
  public private(set) var incomplete: Set<SpecPath> = []

  public mutating func markUnreadable(_ path: SpecPath) { unreadable.insert(path) }

  public mutating func markIncomplete(_ path: SpecPath) { incomplete.insert(path) }

  /// Whether `path` or a table or array holding it could not be read.
  public func isUnreadable(_ path: SpecPath) -> Bool {
    var p = path
    while true {
      if unreadable.contains(p) { return true }
      guard !p.components.isEmpty else { return false }
      p.components.removeLast()
    }
  }

  /// Whether some value inside `path` could not be read.
  public func hasUnreadable(under path: SpecPath) -> Bool {
    unreadable.contains { $0.components.starts(with: path.components) }
  }

  /// Moves every position under `old` to `new` (array elements that shifted when an element
  /// before them could not be read).
  public mutating func move(_ old: SpecPath, to new: SpecPath) {
    func under(_ path: SpecPath, _ prefix: SpecPath) -> Bool { path.components.starts(with: prefix.components) }
    func moved(_ path: SpecPath) -> SpecPath {
      SpecPath(new.components + path.components.dropFirst(old.components.count))
    }
    func moved(_ table: [SpecPath: SpecLocation]) -> [SpecPath: SpecLocation] {
      var out = table.filter { !under($0.key, new) && !under($0.key, old) }
      for (path, location) in table where under(path, old) { out[moved(path)] = location }
      return out
    }
    keys = moved(keys)
    values = moved(values)
    written[new] = written[old] ?? old
    unreadable = Set(
      unreadable.filter { !under($0, new) && !under($0, old) } + unreadable.filter { under($0, old) }.map(moved))
  }

  /// `path` as the user wrote it (indices before any element was left out).
  public func writtenPath(_ path: SpecPath) -> SpecPath {
    for k in stride(from: path.components.count, through: 1, by: -1) {
      let prefix = SpecPath(Array(path.components[..<k]))
      if let original = written[prefix] { return SpecPath(original.components + path.components[k...]) }
    }
    return path
  }

  /// Where the value at `path` was written: the value itself, else its key, else the nearest
  /// enclosing table or array that has a position.
  public func location(of path: SpecPath) -> SpecLocation? {
    var p = path
    while true {
      if let v = values[p] ?? keys[p] { return v }
      guard !p.components.isEmpty else { return nil }
      p.components.removeLast()
    }
  }

  /// Where the key at `path` was written (for unknown or misplaced keys).
  public func keyLocation(of path: SpecPath) -> SpecLocation? { keys[path] ?? location(of: path) }

  /// Sources are bookkeeping, not content: two specs that say the same thing are equal.
  public static func == (a: SpecSources, b: SpecSources) -> Bool { true }
}
