/// Writes a spec tree as JSON: objects one key per line, arrays of scalars on one line, numbers
/// with full round-trip precision, NaN and ±∞ as `null` (JSON has no such numbers).
public enum JSONWriter {
  public static func document(_ node: SpecNode) -> String { pretty(node, indent: "") + "\n" }

  /// Without whitespace: the canonical form hashed into spec hashes.
  public static func compact(_ node: SpecNode) -> String {
    switch node.value {
    case .table(let entries):
      return "{" + entries.map { "\(TOMLWriter.basic($0.key)):\(compact($0.node))" }.joined(separator: ",") + "}"
    case .array(let items): return "[" + items.map(compact).joined(separator: ",") + "]"
    default: return scalar(node)
    }
  }

  static func pretty(_ node: SpecNode, indent: String) -> String {
    let inner = indent + "  "
    switch node.value {
    case .table(let entries):
      guard !entries.isEmpty else { return "{}" }
      return "{\n"
        + entries.map { "\(inner)\(TOMLWriter.basic($0.key)): \(pretty($0.node, indent: inner))" }
        .joined(separator: ",\n") + "\n\(indent)}"
    case .array(let items):
      guard !items.isEmpty else { return "[]" }
      if items.allSatisfy({ $0.entries == nil && $0.elements == nil }) || items.allSatisfy(isSmallArray) {
        return "[" + items.map { pretty($0, indent: inner) }.joined(separator: ", ") + "]"
      }
      return "[\n" + items.map { inner + pretty($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
    default:
      return scalar(node)
    }
  }

  static func isSmallArray(_ node: SpecNode) -> Bool {
    guard let items = node.elements else { return false }
    return items.count <= 4 && items.allSatisfy { $0.entries == nil && $0.elements == nil }
  }

  static func scalar(_ node: SpecNode) -> String {
    switch node.value {
    case .string(let s), .text(let s): return TOMLWriter.basic(s)
    case .integer(let i): return String(i)
    case .float(let d): return d.isFinite ? "\(d)" : "null"
    case .bool(let b): return b ? "true" : "false"
    case .table, .array: return compact(node)
    }
  }
}
