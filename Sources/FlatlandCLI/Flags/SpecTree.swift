import Flatland

/// Builds the spec tree a command line describes: every flag's text goes in as untyped text at
/// the key it sets, located at the flag, and the one reader of experiment files converts and
/// checks it. No command parses a value itself.
struct SpecTree {
  var root = SpecNode.table()
  /// Problems found while building (a malformed `--method`), reported with the reader's.
  var problems: [SpecProblem] = []

  static func text(_ value: String, _ flag: String) -> SpecNode { SpecNode(.text(value), at: .flag(flag)) }

  /// Sets `root[table][key]` (creating the table).
  mutating func set(_ table: String?, _ key: String, _ node: SpecNode) {
    guard let table else {
      root.set(key, node, keyLocation: node.location)
      return
    }
    var inner = root[table] ?? .table()
    inner.set(key, node, keyLocation: node.location)
    root.set(table, inner)
  }

  mutating func set(_ table: String?, _ key: String, text value: String?, flag: String) {
    guard let value else { return }
    set(table, key, Self.text(value, flag))
  }

  /// Appends an output table.
  mutating func addOutput(_ entries: [SpecNode.Entry]) {
    var outputs = root["outputs"]?.elements ?? []
    outputs.append(.table(entries))
    root.set("outputs", .array(outputs))
  }

  static func entry(_ key: String, _ value: String?, _ flag: String) -> SpecNode.Entry? {
    value.map { SpecNode.Entry(key: key, keyLocation: .flag(flag), node: text($0, flag)) }
  }

  static func entry(_ key: String, _ value: Bool, _ flag: String) -> SpecNode.Entry? {
    value ? SpecNode.Entry(key: key, keyLocation: .flag(flag), node: SpecNode(.bool(true), at: .flag(flag))) : nil
  }

  static func string(_ key: String, _ value: String) -> SpecNode.Entry {
    SpecNode.Entry(key: key, node: .string(value))
  }
}
