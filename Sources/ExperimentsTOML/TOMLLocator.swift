import Flatland

/// Finds where every key and value of a TOML document was written, by path (`methods[1].rho`).
///
/// TOMLKit parses and checks the document but does not say where its values came from; this
/// scanner walks the same text (already known to be valid TOML) and records the line and column
/// of each key, table header and value, so problems found later can point at them.
struct TOMLLocator {
  typealias Position = (line: Int, column: Int)

  private(set) var keys: [SpecPath: Position] = [:]
  private(set) var values: [SpecPath: Position] = [:]

  private let chars: [Unicode.Scalar]
  private var i = 0
  private var line = 1
  private var column = 1
  /// How many `[[name]]` tables each array of tables has so far.
  private var arrayCounts: [[String]: Int] = [:]

  init(_ text: String) {
    chars = Array(text.unicodeScalars)
    scanDocument()
  }

  private var here: Position { (line, column) }
  private var atEnd: Bool { i >= chars.count }
  private func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < chars.count ? chars[i + offset] : nil }

  private mutating func advance() {
    guard i < chars.count else { return }
    if chars[i] == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    i += 1
  }

  private mutating func skipBlank(newlines: Bool) {
    while let c = peek() {
      if c == " " || c == "\t" || (newlines && (c == "\n" || c == "\r")) {
        advance()
      } else if c == "#" {
        while let d = peek(), d != "\n" { advance() }
      } else {
        break
      }
    }
  }

  private mutating func scanDocument() {
    var current = SpecPath.root
    while true {
      skipBlank(newlines: true)
      guard let c = peek() else { return }
      if c == "[" {
        let start = here
        let array = peek(1) == "["
        advance()
        if array { advance() }
        let names = scanKey()
        skipBlank(newlines: false)
        advance()
        if array { advance() }
        if array {
          let index = arrayCounts[names, default: 0]
          arrayCounts[names] = index + 1
          let base = resolve(names)
          if keys[base] == nil { keys[base] = start }
          current = base + index
        } else {
          current = resolve(names)
        }
        if keys[current] == nil { keys[current] = start }
        if values[current] == nil { values[current] = start }
      } else {
        scanKeyValue(in: current)
      }
    }
  }

  /// The path of a header: prefixes that are arrays of tables refer to their last element.
  private func resolve(_ names: [String]) -> SpecPath {
    var path = SpecPath.root
    for (k, name) in names.enumerated() {
      path = path + name
      let prefix = Array(names[...k])
      if k < names.count - 1, let count = arrayCounts[prefix] { path = path + (count - 1) }
    }
    return path
  }

  /// A dotted key; records nothing itself.
  private mutating func scanKey() -> [String] {
    var names: [String] = []
    while true {
      skipBlank(newlines: false)
      names.append(scanSimpleKey())
      skipBlank(newlines: false)
      guard peek() == "." else { return names }
      advance()
    }
  }

  private mutating func scanSimpleKey() -> String {
    guard let c = peek() else { return "" }
    if c == "\"" || c == "'" { return scanQuotedKey(c) }
    var out = String.UnicodeScalarView()
    while let d = peek(), d.isBareKeyCharacter {
      out.append(d)
      advance()
    }
    return String(out)
  }

  private mutating func scanQuotedKey(_ quote: Unicode.Scalar) -> String {
    advance()
    var out = String.UnicodeScalarView()
    while let c = peek(), c != quote {
      if quote == "\"", c == "\\" {
        advance()
        if let e = peek() {
          switch e {
          case "n": out.append("\n")
          case "t": out.append("\t")
          case "\"": out.append("\"")
          case "\\": out.append("\\")
          default: out.append(e)
          }
        }
        advance()
        continue
      }
      out.append(c)
      advance()
    }
    advance()
    return String(out)
  }

  private mutating func scanKeyValue(in table: SpecPath) {
    let keyStart = here
    let names = scanKey()
    var path = table
    for name in names {
      path = path + name
      if keys[path] == nil { keys[path] = keyStart }
    }
    skipBlank(newlines: false)
    if peek() == "=" { advance() }
    skipBlank(newlines: false)
    scanValue(at: path)
  }

  private mutating func scanValue(at path: SpecPath) {
    values[path] = here
    guard let c = peek() else { return }
    switch c {
    case "\"", "'":
      if peek(1) == c, peek(2) == c {
        scanMultilineString(c)
      } else {
        _ = scanQuotedKey(c)
      }
    case "[":
      advance()
      var index = 0
      while true {
        skipBlank(newlines: true)
        guard let d = peek() else { return }
        if d == "]" {
          advance()
          return
        }
        if d == "," {
          advance()
          continue
        }
        scanValue(at: path + index)
        index += 1
      }
    case "{":
      advance()
      while true {
        skipBlank(newlines: true)
        guard let d = peek() else { return }
        if d == "}" {
          advance()
          return
        }
        if d == "," {
          advance()
          continue
        }
        scanKeyValue(in: path)
      }
    default:
      while let d = peek(), d != ",", d != "]", d != "}", d != "#", d != "\n", d != "\r" { advance() }
    }
  }

  private mutating func scanMultilineString(_ quote: Unicode.Scalar) {
    for _ in 0..<3 { advance() }
    while let c = peek() {
      if quote == "\"", c == "\\" {
        advance()
        advance()
        continue
      }
      if c == quote, peek(1) == quote, peek(2) == quote {
        for _ in 0..<3 { advance() }
        // Up to two more quotes belong to the string's content.
        while peek() == quote { advance() }
        return
      }
      advance()
    }
  }
}

extension Unicode.Scalar {
  fileprivate var isBareKeyCharacter: Bool {
    ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self) || self == "-" || self == "_"
  }
}
