import Foundation

/// Readable renderings of a formula: Unicode for terminals and legends (`x² + 10·y²`), Pango markup
/// with italic variables and true superscripts for figure titles.
extension ExpressionNode {
  /// Unicode text: whole-number powers as superscripts, `·` for products, minimal parentheses.
  public var unicode: String { render(markup: false) }

  /// Pango markup: `<i>x</i><sup>2</sup> + 10·<i>y</i><sup>2</sup>`.
  public var markup: String { render(markup: true) }

  private var precedence: Int {
    switch self {
    case .constant(let c): return c < 0 ? 2 : 5
    case .x, .y, .function: return 5
    case .integerPower, .binary(.power, _, _): return 4
    case .negate: return 3
    case .binary(.multiply, _, _), .binary(.divide, _, _): return 2
    case .binary: return 1
    }
  }

  private func render(markup: Bool) -> String {
    func wrap(_ node: ExpressionNode, below level: Int) -> String {
      let text = node.render(markup: markup)
      return node.precedence < level ? "(\(text))" : text
    }
    func superscript(_ text: String) -> String {
      if markup { return "<sup>\(text)</sup>" }
      let map: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
      ]
      if text.allSatisfy({ map[$0] != nil }) { return String(text.map { map[$0]! }) }
      return "^" + (text.count > 1 ? "(\(text))" : text)
    }
    switch self {
    case .constant(let c):
      if c == Double.pi { return "π" }
      if c == ExpressionParser.constants["e"] { return markup ? "<i>e</i>" : "e" }
      return formatShort(c, digits: 10).replacingOccurrences(of: "-", with: "−")
    case .x: return markup ? "<i>x</i>" : "x"
    case .y: return markup ? "<i>y</i>" : "y"
    case .negate(let a): return "−" + wrap(a, below: 4)
    case .integerPower(let a, let n):
      return wrap(a, below: 5) + superscript(String(n))
    case .binary(.power, let a, let b):
      return wrap(a, below: 5) + superscript(b.render(markup: markup))
    case .binary(let op, let a, let b):
      switch op {
      case .add:
        if case .negate(let inner) = b { return "\(wrap(a, below: 1)) − \(wrap(inner, below: 2))" }
        if let c = b.constantValue, c < 0 {
          return "\(wrap(a, below: 1)) − \(ExpressionNode.constant(-c).render(markup: markup))"
        }
        return "\(wrap(a, below: 1)) + \(wrap(b, below: 1))"
      case .subtract: return "\(wrap(a, below: 1)) − \(wrap(b, below: 2))"
      case .multiply: return "\(wrap(a, below: 2))·\(wrap(b, below: 3))"
      case .divide: return "\(wrap(a, below: 2))/\(wrap(b, below: 3))"
      case .power: return ""
      }
    case .function(let f, let args):
      return f.rawValue + "(" + args.map { $0.render(markup: markup) }.joined(separator: ", ") + ")"
    }
  }
}
