/// Reads JSON (RFC 8259) into a spec tree with the line and column of every key and value, so a
/// `.json` experiment file gets the same `file:line:column` problems as a TOML one.
public enum JSONReader {
  public static func read(_ text: String, file: String) throws(SpecProblems) -> SpecNode {
    var parser = Parser(Array(text.unicodeScalars), file: file)
    do {
      parser.skipSpace()
      let node = try parser.value(depth: 0)
      parser.skipSpace()
      guard parser.i == parser.chars.count else { throw parser.error("unexpected text after the JSON value") }
      guard node.entries != nil else { throw parser.error("an experiment file holds one JSON object", at: (1, 1)) }
      return node
    } catch let problem as SpecProblem {
      throw SpecProblems([problem])
    } catch {
      throw SpecProblems([SpecProblem("\(error)", at: .root)])
    }
  }

  struct Parser {
    let chars: [Unicode.Scalar]
    let file: String
    var i = 0
    var line = 1
    var column = 1

    init(_ chars: [Unicode.Scalar], file: String) {
      self.chars = chars
      self.file = file
    }

    var here: SpecLocation { .file(file, line: line, column: column) }

    func error(_ message: String, at position: (Int, Int)? = nil) -> SpecProblem {
      let (l, c) = position ?? (line, column)
      return SpecProblem("not valid JSON: \(message)", at: .root, location: .file(file, line: l, column: c))
    }

    mutating func advance() {
      if chars[i] == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      i += 1
    }

    mutating func skipSpace() {
      while i < chars.count, [" ", "\t", "\n", "\r"].contains(chars[i]) { advance() }
    }

    mutating func expect(_ c: Unicode.Scalar) throws {
      guard i < chars.count, chars[i] == c else {
        throw error(i < chars.count ? "expected '\(c)', found '\(chars[i])'" : "expected '\(c)' before the end")
      }
      advance()
    }

    mutating func value(depth: Int) throws -> SpecNode {
      guard depth < 64 else { throw error("nested too deeply") }
      guard i < chars.count else { throw error("expected a value before the end") }
      let at = here
      switch chars[i] {
      case "{":
        advance()
        var entries: [SpecNode.Entry] = []
        skipSpace()
        if i < chars.count, chars[i] == "}" {
          advance()
          return SpecNode(.table(entries), at: at)
        }
        while true {
          skipSpace()
          let keyAt = here
          guard i < chars.count, chars[i] == "\"" else { throw error("expected a key in double quotes") }
          let key = try string()
          if entries.contains(where: { $0.key == key }) {
            guard case .file(_, let l, let c) = keyAt else { throw error("the key \"\(key)\" appears twice") }
            throw error("the key \"\(key)\" appears twice", at: (l, c))
          }
          skipSpace()
          try expect(":")
          skipSpace()
          entries.append(SpecNode.Entry(key: key, keyLocation: keyAt, node: try value(depth: depth + 1)))
          skipSpace()
          if i < chars.count, chars[i] == "," {
            advance()
            continue
          }
          try expect("}")
          return SpecNode(.table(entries), at: at)
        }
      case "[":
        advance()
        var items: [SpecNode] = []
        skipSpace()
        if i < chars.count, chars[i] == "]" {
          advance()
          return SpecNode(.array(items), at: at)
        }
        while true {
          skipSpace()
          items.append(try value(depth: depth + 1))
          skipSpace()
          if i < chars.count, chars[i] == "," {
            advance()
            continue
          }
          try expect("]")
          return SpecNode(.array(items), at: at)
        }
      case "\"":
        return SpecNode(.string(try string()), at: at)
      case "t", "f", "n":
        for (word, node) in [("true", SpecNode.Value.bool(true)), ("false", .bool(false))] where matches(word) {
          for _ in word.unicodeScalars { advance() }
          return SpecNode(node, at: at)
        }
        if matches("null") { throw error("null is not a value of experiment files; leave the key out") }
        throw error("unexpected '\(chars[i])'")
      default:
        return try number(at: at)
      }
    }

    func matches(_ word: String) -> Bool {
      let w = Array(word.unicodeScalars)
      return i + w.count <= chars.count && Array(chars[i..<i + w.count]) == w
    }

    mutating func string() throws -> String {
      try expect("\"")
      var out = String.UnicodeScalarView()
      while true {
        guard i < chars.count else { throw error("a string is never closed") }
        let c = chars[i]
        if c == "\"" {
          advance()
          return String(out)
        }
        if c.value < 0x20 { throw error("a control character inside a string; write it as an escape") }
        if c == "\\" {
          advance()
          guard i < chars.count else { throw error("a string is never closed") }
          let e = chars[i]
          advance()
          switch e {
          case "\"": out.append("\"")
          case "\\": out.append("\\")
          case "/": out.append("/")
          case "b": out.append("\u{8}")
          case "f": out.append("\u{C}")
          case "n": out.append("\n")
          case "r": out.append("\r")
          case "t": out.append("\t")
          case "u":
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code) {
              guard matches("\\u") else { throw error("a lone surrogate in a \\u escape") }
              advance()
              advance()
              let low = try hex4()
              guard (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate in a \\u escape") }
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("an invalid \\u escape") }
            out.append(scalar)
          default: throw error("unknown escape '\\\(e)'")
          }
          continue
        }
        out.append(c)
        advance()
      }
    }

    mutating func hex4() throws -> UInt32 {
      var v: UInt32 = 0
      for _ in 0..<4 {
        guard i < chars.count, let d = Int(String(chars[i]), radix: 16) else { throw error("expected four hex digits") }
        v = v * 16 + UInt32(d)
        advance()
      }
      return v
    }

    mutating func number(at: SpecLocation) throws -> SpecNode {
      var text = ""
      while i < chars.count, "+-0123456789.eE".unicodeScalars.contains(chars[i]) {
        text.unicodeScalars.append(chars[i])
        advance()
      }
      guard !text.isEmpty else { throw error("unexpected '\(chars[i])'") }
      if !text.contains(where: { ".eE".contains($0) }), let v = Int64(text) { return SpecNode(.integer(v), at: at) }
      guard let v = Double(text), v.isFinite, text.first != "+" else { throw error("'\(text)' is not a number") }
      return SpecNode(.float(v), at: at)
    }
  }
}
