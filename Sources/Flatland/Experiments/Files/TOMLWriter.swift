import Foundation

/// Writes a spec tree as TOML in the layout of the examples: top-level keys, then `[tables]`, then
/// `[[arrays of tables]]`, nested tables inline (`params = { d1 = 0.8 }`), numbers with full
/// round-trip precision, so reading the text back gives the same tree.
public enum TOMLWriter {
  /// The document; `comments` become `#` lines at the top.
  public static func document(_ root: SpecNode, comments: [String] = []) -> String {
    var out = comments.map { "# \($0)\n" }.joined()
    let entries = root.entries ?? []
    let isSection = { (e: SpecNode.Entry) -> Bool in
      if e.node.entries != nil { return true }
      if let items = e.node.elements, !items.isEmpty, items.allSatisfy({ $0.entries != nil }) { return true }
      return false
    }
    for e in entries where !isSection(e) { out += "\(key(e.key)) = \(inline(e.node))\n" }
    for e in entries where isSection(e) {
      if let table = e.node.entries {
        out += "\n[\(key(e.key))]\n"
        for inner in table { out += "\(key(inner.key)) = \(inline(inner.node))\n" }
      } else if let items = e.node.elements {
        for item in items {
          out += "\n[[\(key(e.key))]]\n"
          for inner in item.entries ?? [] { out += "\(key(inner.key)) = \(inline(inner.node))\n" }
        }
      }
    }
    return out
  }

  /// A value on one line.
  public static func inline(_ node: SpecNode) -> String {
    switch node.value {
    case .table(let entries):
      return entries.isEmpty
        ? "{}" : "{ " + entries.map { "\(key($0.key)) = \(inline($0.node))" }.joined(separator: ", ") + " }"
    case .array(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
    case .string(let s), .text(let s): return quoted(s)
    case .integer(let i): return String(i)
    case .float(let d): return float(d)
    case .bool(let b): return b ? "true" : "false"
    }
  }

  /// Shortest round-trip digits; always with a point or an exponent, as TOML floats need.
  static func float(_ d: Double) -> String {
    guard d.isFinite else { return d.isNaN ? "nan" : (d > 0 ? "inf" : "-inf") }
    let s = "\(d)"
    return s.contains(".") || s.contains("e") ? s : s + ".0"
  }

  static func key(_ k: String) -> String {
    let bare =
      !k.isEmpty
      && k.unicodeScalars.allSatisfy {
        $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_")
      }
    return bare ? k : quoted(k)
  }

  /// A literal string (`'…'`) when the text has backslashes and nothing a literal string cannot
  /// hold, so labels read as typed (`'$\rho$'`); a basic string with escapes otherwise.
  static func quoted(_ s: String) -> String {
    if s.contains("\\"), !s.contains("'"), !s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      return "'" + s + "'"
    }
    return basic(s)
  }

  static func basic(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += String(format: "\\u%04X", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
