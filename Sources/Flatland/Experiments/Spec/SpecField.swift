/// One key of a spec table: how it is read, how it is written back, and how the reference
/// (`docs/experiment-files.md`) describes it. Each table's fields are declared once, as a list of
/// these, so reading, writing and documentation cannot disagree.
public struct SpecField<Root>: Sendable {
  public let key: String
  /// The TOML type, as the reference shows it (`integer`, `[x, y]`, `"name"`).
  public let type: String
  public let summary: String
  /// The default as the reference states it (`0`, `the landscape's`, `required`).
  public let defaultText: String
  /// A TOML value for the reference (`500`, `[[0.3, 2.0]]`).
  public let example: String
  let read: @Sendable (inout Root, SpecNode, SpecPath, inout SpecReader) -> Void
  let write: @Sendable (Root) -> SpecNode?

  public init(
    _ key: String, type: String, summary: String, default defaultText: String, example: String,
    read: @escaping @Sendable (inout Root, SpecNode, SpecPath, inout SpecReader) -> Void,
    write: @escaping @Sendable (Root) -> SpecNode?
  ) {
    self.key = key
    self.type = type
    self.summary = summary
    self.defaultText = defaultText
    self.example = example
    self.read = read
    self.write = write
  }
}

extension SpecField {
  public static func string(
    _ key: String, _ field: WritableKeyPath<Root, String?> & Sendable, summary: String, default d: String = "none",
    example: String
  ) -> SpecField {
    SpecField(
      key, type: "string", summary: summary, default: d, example: example,
      read: { root, node, path, reader in root[keyPath: field] = reader.string(node, at: path) },
      write: { root in root[keyPath: field].map { .string($0) } })
  }

  public static func number(
    _ key: String, _ field: WritableKeyPath<Root, Double?> & Sendable, summary: String, default d: String,
    example: String
  ) -> SpecField {
    SpecField(
      key, type: "number", summary: summary, default: d, example: example,
      read: { root, node, path, reader in root[keyPath: field] = reader.number(node, at: path) },
      write: { root in root[keyPath: field].map { .float($0) } })
  }

  public static func integer(
    _ key: String, _ field: WritableKeyPath<Root, Int?> & Sendable, summary: String, default d: String,
    example: String
  ) -> SpecField {
    SpecField(
      key, type: "integer", summary: summary, default: d, example: example,
      read: { root, node, path, reader in
        root[keyPath: field] = reader.integer(node, at: path).map { Int(clamping: $0) }
      },
      write: { root in root[keyPath: field].map { .integer(Int64($0)) } })
  }

  public static func bool(
    _ key: String, _ field: WritableKeyPath<Root, Bool?> & Sendable, summary: String, default d: String = "false",
    example: String = "true"
  ) -> SpecField {
    SpecField(
      key, type: "boolean", summary: summary, default: d, example: example,
      read: { root, node, path, reader in root[keyPath: field] = reader.bool(node, at: path) },
      write: { root in root[keyPath: field].map { .bool($0) } })
  }

  public static func pair(
    _ key: String, _ field: WritableKeyPath<Root, Vec2?> & Sendable, summary: String, default d: String,
    example: String
  ) -> SpecField {
    SpecField(
      key, type: "[x, y]", summary: summary, default: d, example: example,
      read: { root, node, path, reader in root[keyPath: field] = reader.pair(node, at: path) },
      write: { root in root[keyPath: field].map { .pair($0) } })
  }

  public static func choice<E: SpecChoice>(
    _ key: String, _ field: WritableKeyPath<Root, E?> & Sendable, what: String, summary: String, default d: String,
    example: String? = nil
  ) -> SpecField {
    SpecField(
      key, type: E.names.map { "\"\($0)\"" }.joined(separator: " | "), summary: summary, default: d,
      example: example ?? "\"\(E.names[0])\"",
      read: { root, node, path, reader in root[keyPath: field] = reader.choice(node, at: path, E.self, what: what) },
      write: { root in root[keyPath: field].map { .string($0.rawValue) } })
  }
}

extension SpecNode {
  public static func string(_ s: String) -> SpecNode { SpecNode(.string(s)) }
  public static func float(_ d: Double) -> SpecNode { SpecNode(.float(d)) }
  public static func integer(_ i: Int64) -> SpecNode { SpecNode(.integer(i)) }
  public static func bool(_ b: Bool) -> SpecNode { SpecNode(.bool(b)) }
  public static func array(_ items: [SpecNode]) -> SpecNode { SpecNode(.array(items)) }
  public static func pair(_ v: Vec2) -> SpecNode { .array([.float(v.x), .float(v.y)]) }

  /// A table from fields of `root`, in the fields' order, skipping unset ones.
  public static func table<Root>(_ root: Root, _ fields: [SpecField<Root>]) -> SpecNode {
    .table(fields.compactMap { f in f.write(root).map { Entry(key: f.key, node: $0) } })
  }
}

extension SpecReader {
  /// Reads a table into `root` through `fields`; unknown keys are problems with suggestions.
  public mutating func fields<Root>(
    _ node: SpecNode, at path: SpecPath, into root: inout Root, _ fields: [SpecField<Root>], what: String
  ) {
    table(node, at: path, what: what, accepted: fields.map(\.key)) { reader, key, value, p in
      if let field = fields.first(where: { $0.key == key }) { field.read(&root, value, p, &reader) }
    }
  }
}
