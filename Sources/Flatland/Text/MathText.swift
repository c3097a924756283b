import Foundation

/// A small TeX-like label syntax, translated to Pango markup: `"loss at $\rho = 0.1$"`,
/// `"$x_1^2 + 10 x_2^2$"`, `"$\nabla L(w)$"`, `"$\|\epsilon\|_2 \le \rho$"`.
///
/// Outside `$…$` text is literal (escaped; `\$` is a dollar sign). Inside, letters are italic
/// variables, digits and operators upright, `-` becomes a true minus, `_x` / `_{…}` and `^x` / `^{…}`
/// are real sub- and superscripts, and commands give Greek letters (lower case italic, as in TeX),
/// symbols (`\nabla \partial \| \le \ge \ne \approx \cdot \times \pm \infty \odot \to \sum`),
/// upright operator names (`\min \max \exp \log \sin \cos \arg`), `\mathrm{…}`/`\text{…}`,
/// `\mathbf{…}`, accents (`\hat \tilde \bar \vec \dot`) and spaces (`\, \; \quad`).
/// Malformed input is an error that names the column, never a crash.
public enum MathText {
  /// The Pango markup for `source`.
  public static func markup(_ source: String) throws(MathTextError) -> String {
    var parser = Parser(Array(source))
    return try parser.document()
  }

  /// Markup for text that may or may not use the syntax: plain text without `$` is only escaped.
  public static func markupOrEscaped(_ source: String) throws(MathTextError) -> String {
    source.contains("$") || source.contains("\\") ? try markup(source) : escapeMarkup(source)
  }

  static let greek: [String: String] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ",
    "chi": "χ", "psi": "ψ", "omega": "ω",
  ]
  static let upperGreek: [String: String] = [
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ",
    "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
  ]
  static let symbols: [String: String] = [
    "nabla": "∇", "partial": "∂", "|": "‖", "Vert": "‖", "le": " ≤ ", "leq": " ≤ ", "ge": " ≥ ", "geq": " ≥ ",
    "ne": " ≠ ", "neq": " ≠ ", "approx": " ≈ ", "sim": " ∼ ", "cdot": "·", "times": " × ", "pm": " ± ",
    "infty": "∞", "in": " ∈ ", "to": " → ", "rightarrow": " → ", "leftarrow": " ← ", "mapsto": " ↦ ",
    "sum": "∑", "prod": "∏", "sqrt": "√", "ell": "ℓ", "odot": " ⊙ ", "top": "⊤", "langle": "⟨", "rangle": "⟩",
    "{": "{", "}": "}", "$": "$", "%": "%", "_": "_", "&": "&amp;", ",": "\u{2009}", ";": "\u{2005}",
    "quad": "\u{2003}", "!": "", " ": " ", "star": "⋆", "ast": "∗", "circ": "∘", "propto": " ∝ ", "equiv": " ≡ ",
    "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "dots": "…", "ldots": "…", "cdots": "⋯",
  ]
  static let operators: Set<String> = [
    "min", "max", "exp", "log", "ln", "sin", "cos", "tan", "tanh", "arg", "det", "tr", "diag", "sign", "softplus",
  ]
  static let accents: [String: Character] = [
    "hat": "\u{0302}", "tilde": "\u{0303}", "bar": "\u{0304}", "vec": "\u{20D7}", "dot": "\u{0307}",
  ]
  static let groups: Set<String> = ["mathrm", "text", "operatorname", "mathbf", "mathit"]

  static var commandNames: [String] {
    (Array(greek.keys) + Array(upperGreek.keys) + symbols.keys.filter { $0.first?.isLetter ?? false }
      + Array(operators) + Array(accents.keys) + Array(groups)).sorted()
  }

  struct Parser {
    let chars: [Character]
    var i = 0
    var depth = 0

    init(_ chars: [Character]) { self.chars = chars }

    mutating func document() throws(MathTextError) -> String {
      var out = ""
      while i < chars.count {
        let c = chars[i]
        if c == "\\", i + 1 < chars.count, chars[i + 1] == "$" {
          out += "$"
          i += 2
        } else if c == "$", let close = closingDollar(after: i) {
          let open = i
          i += 1
          let math = try sequence(until: "$", opened: open)
          guard i == close else { throw .unclosedMath(column: open + 1) }
          i += 1
          out += math
        } else if c == "$", i + 1 < chars.count, !chars[i + 1].isWhitespace, !chars[i + 1].isNumber,
          !chars[(i + 1)...].contains("$")
        {
          throw .unclosedMath(column: i + 1)
        } else {
          out += escapeMarkup(String(c))
          i += 1
        }
      }
      return out
    }

    /// The `$` that closes math opened at `open`, as in Pandoc: math starts right after `$` (no
    /// space) and ends right before the next unescaped `$` (no space), which no digit follows. A
    /// `$` without one is a dollar sign: `costs $5 and $10` stays text.
    func closingDollar(after open: Int) -> Int? {
      guard open + 1 < chars.count, !chars[open + 1].isWhitespace else { return nil }
      var j = open + 1
      while j < chars.count {
        if chars[j] == "\\" {
          j += 2
          continue
        }
        if chars[j] == "$" {
          let spaceBefore = chars[j - 1].isWhitespace
          let digitAfter = j + 1 < chars.count && chars[j + 1].isNumber
          return spaceBefore || digitAfter || j == open + 1 ? nil : j
        }
        j += 1
      }
      return nil
    }

    /// Math up to `terminator` (`$` or `}`), not consuming it.
    mutating func sequence(until terminator: Character, opened: Int) throws(MathTextError) -> String {
      depth += 1
      defer { depth -= 1 }
      if depth > 32 { throw .tooDeep(column: i + 1) }
      var out = ""
      while i < chars.count, chars[i] != terminator {
        let trimmed = out.trimmingCharacters(in: .whitespaces)
        if chars[i] == "-",
          trimmed.isEmpty || ["(", "[", ",", "=", "≤", "≥", "+", "−"].contains(trimmed.last.map(String.init) ?? "")
        {
          out += "−"  // a unary minus hugs its operand
          i += 1
          continue
        }
        out += try atom(allowScripts: true)
      }
      return out
    }

    /// One item, with any sub/superscripts that follow it.
    mutating func atom(allowScripts: Bool) throws(MathTextError) -> String {
      let c = chars[i]
      var out: String
      switch c {
      case "{":
        let open = i
        i += 1
        out = try sequence(until: "}", opened: open)
        guard i < chars.count, chars[i] == "}" else { throw .unclosedBrace(column: open + 1) }
        i += 1
      case "}":
        throw .unexpected("}", column: i + 1)
      case "_", "^":
        throw .scriptWithoutBase(String(c), column: i + 1)
      case "\\":
        out = try command()
      case "-":
        out = " − "
        i += 1
      case "+", "=", "<", ">":
        out = " " + escapeMarkup(c == "<" ? "<" : (c == ">" ? ">" : String(c))) + " "
        i += 1
      case " ", "\t", "\n":
        out = ""
        i += 1
      default:
        if c.isLetter {
          var word = ""
          while i < chars.count, chars[i].isLetter {
            word.append(chars[i])
            i += 1
          }
          out = "<i>\(escapeMarkup(word))</i>"
        } else {
          // A comma in math is followed by a thin space, as TeX sets it: (w₁, w₂).
          out = c == "," ? ",\u{2009}" : escapeMarkup(String(c))
          i += 1
        }
      }
      while allowScripts, i < chars.count, chars[i] == "_" || chars[i] == "^" {
        let tag = chars[i] == "_" ? "sub" : "sup"
        let at = i
        i += 1
        while i < chars.count, chars[i] == " " { i += 1 }
        guard i < chars.count, chars[i] != "$", chars[i] != "}" else {
          throw .scriptWithoutArgument(tag == "sub" ? "_" : "^", column: at + 1)
        }
        let script = try atom(allowScripts: false)
        out += "<\(tag)>\(script.trimmingCharacters(in: .whitespaces))</\(tag)>"
      }
      return out
    }

    mutating func command() throws(MathTextError) -> String {
      let start = i
      i += 1
      guard i < chars.count else { throw .unexpectedEnd(column: start + 1) }
      var name = ""
      if chars[i].isLetter {
        while i < chars.count, chars[i].isLetter {
          name.append(chars[i])
          i += 1
        }
      } else {
        name = String(chars[i])
        i += 1
      }
      if let g = MathText.greek[name] { return "<i>\(g)</i>" }
      if let g = MathText.upperGreek[name] { return g }
      if let s = MathText.symbols[name] { return s }
      if MathText.operators.contains(name) { return name }
      if let accent = MathText.accents[name] {
        guard i < chars.count else { throw .scriptWithoutArgument("\\" + name, column: start + 1) }
        let inner = try atom(allowScripts: false)
        // Put the combining accent after the first visible character of the argument.
        return combine(inner, accent)
      }
      if MathText.groups.contains(name) {
        guard i < chars.count, chars[i] == "{" else { throw .missingGroup(name, column: i + 1) }
        let open = i
        i += 1
        var text = ""
        var level = 0
        while i < chars.count, !(chars[i] == "}" && level == 0) {
          if chars[i] == "{" { level += 1 }
          if chars[i] == "}" { level -= 1 }
          text.append(chars[i])
          i += 1
        }
        guard i < chars.count else { throw .unclosedBrace(column: open + 1) }
        i += 1
        switch name {
        case "mathbf": return "<b>\(escapeMarkup(text))</b>"
        case "mathit": return "<i>\(escapeMarkup(text))</i>"
        default: return escapeMarkup(text)
        }
      }
      throw .unknownCommand(name, column: start + 1, suggestion: closestCommand(name))
    }

    func combine(_ markup: String, _ accent: Character) -> String {
      var out = ""
      var inTag = false
      var placed = false
      for c in markup {
        out.append(c)
        if c == "<" {
          inTag = true
        } else if c == ">" {
          inTag = false
        } else if !inTag, !placed, c != " " {
          out.append(accent)
          placed = true
        }
      }
      return out
    }

    func closestCommand(_ name: String) -> String? { closestMatch(to: name, in: MathText.commandNames) }
  }
}

/// A label that could not be read, with the column to look at.
public enum MathTextError: Error, Equatable, CustomStringConvertible {
  case unclosedMath(column: Int)
  case unclosedBrace(column: Int)
  case unexpected(String, column: Int)
  case scriptWithoutBase(String, column: Int)
  case scriptWithoutArgument(String, column: Int)
  case unknownCommand(String, column: Int, suggestion: String?)
  case missingGroup(String, column: Int)
  case unexpectedEnd(column: Int)
  case tooDeep(column: Int)

  public var description: String {
    switch self {
    case .unclosedMath(let c): return "'$' at column \(c) opens math that is never closed"
    case .unclosedBrace(let c): return "'{' at column \(c) is never closed"
    case .unexpected(let s, let c): return "unexpected '\(s)' at column \(c)"
    case .scriptWithoutBase(let s, let c): return "'\(s)' at column \(c) has nothing to attach to; write e.g. x\(s)2"
    case .scriptWithoutArgument(let s, let c): return "'\(s)' at column \(c) needs an argument, e.g. \(s){2}"
    case .unknownCommand(let name, let c, let suggestion):
      return "unknown command '\\\(name)' at column \(c)" + (suggestion.map { " (did you mean '\\\($0)'?)" } ?? "")
    case .missingGroup(let name, let c): return "'\\\(name)' needs a {…} group at column \(c)"
    case .unexpectedEnd(let c): return "'\\' at column \(c) ends the label; write \\\\ for a backslash command"
    case .tooDeep(let c): return "braces nest too deeply at column \(c)"
    }
  }
}

/// Escapes `&`, `<`, `>` (and quotes) so arbitrary text is valid Pango markup.
public func escapeMarkup(_ s: String) -> String {
  var out = ""
  for c in s {
    switch c {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&apos;"
    default: out.append(c)
    }
  }
  return out
}
