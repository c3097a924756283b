/// A spec as a tree of values with their source positions: what TOML, JSON, command-line flags and
/// `--set` all become before one reader turns the tree into an `ExperimentSpec`.
///
/// Tables keep their keys in the order written. `text` is untyped command-line text (`--rho 0.1`):
/// the reader converts it to whatever the key expects, while a TOML or JSON string stays a string.
public struct SpecNode: Sendable, Equatable {
  public indirect enum Value: Sendable, Equatable {
    case table([Entry])
    case array([SpecNode])
    case string(String)
    /// Command-line text, converted by the reader to the type the key expects.
    case text(String)
    case integer(Int64)
    case float(Double)
    case bool(Bool)
  }

  /// One key of a table, with where the key itself was written.
  public struct Entry: Sendable, Equatable {
    public var key: String
    public var keyLocation: SpecLocation?
    public var node: SpecNode

    public init(key: String, keyLocation: SpecLocation? = nil, node: SpecNode) {
      self.key = key
      self.keyLocation = keyLocation
      self.node = node
    }
  }

  public var value: Value
  /// Where the value was written.
  public var location: SpecLocation?

  public init(_ value: Value, at location: SpecLocation? = nil) {
    self.value = value
    self.location = location
  }

  public static func table(_ entries: [Entry] = [], at location: SpecLocation? = nil) -> SpecNode {
    SpecNode(.table(entries), at: location)
  }

  /// The entries when this is a table.
  public var entries: [Entry]? {
    if case .table(let e) = value { return e }
    return nil
  }

  /// The element nodes when this is an array.
  public var elements: [SpecNode]? {
    if case .array(let e) = value { return e }
    return nil
  }

  /// The node under `key` when this is a table.
  public subscript(key: String) -> SpecNode? {
    entries?.first { $0.key == key }?.node
  }

  /// Sets (or adds, at the end) `key` in a table; does nothing on other values.
  public mutating func set(_ key: String, _ node: SpecNode, keyLocation: SpecLocation? = nil) {
    guard case .table(var e) = value else { return }
    if let i = e.firstIndex(where: { $0.key == key }) {
      e[i].node = node
      if let keyLocation { e[i].keyLocation = keyLocation }
    } else {
      e.append(Entry(key: key, keyLocation: keyLocation ?? node.location, node: node))
    }
    value = .table(e)
  }

  /// Removes `key` from a table.
  public mutating func remove(_ key: String) {
    guard case .table(var e) = value else { return }
    e.removeAll { $0.key == key }
    value = .table(e)
  }

  /// A short name of the value's type for messages ("a string", "a table").
  public var typeName: String {
    switch value {
    case .table: return "a table"
    case .array: return "an array"
    case .string: return "a string"
    case .text: return "text"
    case .integer: return "an integer"
    case .float: return "a number"
    case .bool: return "a boolean"
    }
  }

  /// The value as the user wrote it, for messages: `'abc'`, `-1`, `[1, 2]`.
  public var shown: String {
    switch value {
    case .table: return "a table"
    case .array(let items): return "[" + items.map(\.shown).joined(separator: ", ") + "]"
    case .string(let s): return "\"\(s)\""
    case .text(let s): return "'\(s)'"
    case .integer(let i): return String(i)
    case .float(let d): return formatShort(d, digits: 6)
    case .bool(let b): return b ? "true" : "false"
    }
  }
}
