import Flatland

/// A strict scanner of TOML 1.0 syntax that records where every key, table header and value was
/// written, by path (`methods[1].rho`).
///
/// It runs before TOMLKit sees the text, for two reasons: TOMLKit does not say where its values
/// came from, and its parser (toml++ 3.4) asserts — aborting the process — on some malformed
/// input (`[$a]`, `a = [1,}]`, found by the fuzz harness). Every syntax error is therefore reported
/// here, with its line and column, and TOMLKit reads only text that is valid TOML; what remains
/// for it are the rules about meaning (a key defined twice, a table redefined).
struct TOMLLocator {
  typealias Position = (line: Int, column: Int)

  struct SyntaxError: Error {
    var message: String
    var position: Position
  }

  private(set) var keys: [SpecPath: Position] = [:]
  private(set) var values: [SpecPath: Position] = [:]

  private let chars: [Unicode.Scalar]
  private var i = 0
  private var line = 1
  private var column = 1
  /// How many `[[name]]` tables each array of tables has so far.
  private var arrayCounts: [[String]: Int] = [:]
  private var depth = 0

  init(_ text: String) throws(SyntaxError) {
    chars = Array(text.unicodeScalars)
    try scanDocument()
  }

  private var here: Position { (line, column) }
  private func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < chars.count ? chars[i + offset] : nil }

  private func fail(_ message: String) -> SyntaxError {
    let found: String
    switch peek() {
    case nil: found = "the end of the file"
    case "\n"?, "\r"?: found = "the end of the line"
    case let c?: found = c.value < 0x20 || c.value == 0x7F ? String(format: "U+%04X", c.value) : "'\(c)'"
    }
    return SyntaxError(message: "\(message), not \(found)", position: here)
  }

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

  private mutating func advance(_ n: Int) { for _ in 0..<n { advance() } }

  private func isControl(_ c: Unicode.Scalar) -> Bool { (c.value < 0x20 && c != "\t") || c.value == 0x7F }

  private mutating func skipSpaces() {
    while let c = peek(), c == " " || c == "\t" { advance() }
  }

  /// A comment, if there is one, up to the end of the line.
  private mutating func skipComment() throws(SyntaxError) {
    guard peek() == "#" else { return }
    while let c = peek(), c != "\n" {
      if c == "\r", peek(1) == "\n" { break }
      if isControl(c) { throw fail("a comment may not hold control characters") }
      advance()
    }
  }

  /// The end of a line: spaces, a comment, then a newline or the end of the file.
  private mutating func endOfLine() throws(SyntaxError) {
    skipSpaces()
    try skipComment()
    guard let c = peek() else { return }
    if c == "\r", peek(1) == "\n" {
      advance(2)
    } else if c == "\n" {
      advance()
    } else {
      throw fail("expected the end of the line (or a # comment)")
    }
  }

  /// Spaces, comments and newlines (inside arrays).
  private mutating func skipBlankLines() throws(SyntaxError) {
    while true {
      skipSpaces()
      try skipComment()
      if peek() == "\n" {
        advance()
      } else if peek() == "\r", peek(1) == "\n" {
        advance(2)
      } else {
        return
      }
    }
  }

  // MARK: - Document

  private mutating func scanDocument() throws(SyntaxError) {
    var current = SpecPath.root
    while true {
      try skipBlankLines()
      guard let c = peek() else { return }
      if c == "[" {
        let start = here
        let array = peek(1) == "["
        advance(array ? 2 : 1)
        skipSpaces()
        let names = try scanKey()
        skipSpaces()
        guard peek() == "]", !array || peek(1) == "]" else {
          throw fail(array ? "expected ']]' to close the header" : "expected ']' to close the header")
        }
        advance(array ? 2 : 1)
        try endOfLine()
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
        try scanKeyValue(in: current)
        try endOfLine()
      }
    }
  }

  /// The path of a header: prefixes that are arrays of tables refer to their last element.
  private func resolve(_ names: [String]) -> SpecPath {
    var path = SpecPath.root
    for (k, name) in names.enumerated() {
      path = path + name
      if k < names.count - 1, let count = arrayCounts[Array(names[...k])] { path = path + (count - 1) }
    }
    return path
  }

  // MARK: - Keys

  private mutating func scanKey() throws(SyntaxError) -> [String] {
    var names: [String] = []
    while true {
      skipSpaces()
      names.append(try scanSimpleKey())
      skipSpaces()
      guard peek() == "." else { return names }
      advance()
    }
  }

  private mutating func scanSimpleKey() throws(SyntaxError) -> String {
    guard let c = peek() else { throw fail("expected a key") }
    if c == "\"" { return try scanBasicString() }
    if c == "'" { return try scanLiteralString() }
    var out = String.UnicodeScalarView()
    while let d = peek(), d.isBareKeyCharacter {
      out.append(d)
      advance()
    }
    guard !out.isEmpty else { throw fail("expected a key (letters, digits, - and _, or a quoted key)") }
    return String(out)
  }

  private mutating func scanKeyValue(in table: SpecPath) throws(SyntaxError) {
    let keyStart = here
    let names = try scanKey()
    var path = table
    for name in names {
      path = path + name
      if keys[path] == nil { keys[path] = keyStart }
    }
    skipSpaces()
    guard peek() == "=" else { throw fail("expected '=' after the key") }
    advance()
    skipSpaces()
    try scanValue(at: path)
  }

  // MARK: - Values

  private mutating func scanValue(at path: SpecPath) throws(SyntaxError) {
    values[path] = here
    guard let c = peek() else { throw fail("expected a value") }
    switch c {
    case "\"":
      if peek(1) == "\"", peek(2) == "\"" { try scanMultilineBasic() } else { _ = try scanBasicString() }
    case "'":
      if peek(1) == "'", peek(2) == "'" { try scanMultilineLiteral() } else { _ = try scanLiteralString() }
    case "[": try scanArray(at: path)
    case "{": try scanInlineTable(at: path)
    case "t", "f": try scanWord(c == "t" ? "true" : "false")
    default: try scanNumber()
    }
  }

  private mutating func scanWord(_ word: String) throws(SyntaxError) {
    for scalar in word.unicodeScalars {
      guard peek() == scalar else { throw fail("expected \(word)") }
      advance()
    }
    try requireValueEnd()
  }

  /// What may follow a value: spaces, a comma, a closing bracket, a comment or the line's end.
  private mutating func requireValueEnd() throws(SyntaxError) {
    guard let c = peek() else { return }
    guard c == " " || c == "\t" || c == "," || c == "]" || c == "}" || c == "#" || c == "\n" || c == "\r" else {
      throw fail("expected the value to end")
    }
  }

  private mutating func scanArray(at path: SpecPath) throws(SyntaxError) {
    try nest()
    defer { depth -= 1 }
    advance()
    var index = 0
    while true {
      try skipBlankLines()
      if peek() == "]" {
        advance()
        return
      }
      try scanValue(at: path + index)
      index += 1
      try skipBlankLines()
      if peek() == "," {
        advance()
        continue
      }
      guard peek() == "]" else { throw fail("expected ',' or ']' in the array") }
      advance()
      return
    }
  }

  private mutating func scanInlineTable(at path: SpecPath) throws(SyntaxError) {
    try nest()
    defer { depth -= 1 }
    advance()
    skipSpaces()
    if peek() == "}" {
      advance()
      return
    }
    while true {
      skipSpaces()
      try scanKeyValue(in: path)
      skipSpaces()
      if peek() == "," {
        advance()
        continue
      }
      guard peek() == "}" else { throw fail("expected ',' or '}' in the inline table (on one line)") }
      advance()
      return
    }
  }

  private mutating func nest() throws(SyntaxError) {
    depth += 1
    if depth > 64 { throw fail("arrays and inline tables nest at most 64 deep") }
  }

  /// `"…"` with TOML's escapes; returns the text (for quoted keys).
  private mutating func scanBasicString() throws(SyntaxError) -> String {
    advance()
    var out = String.UnicodeScalarView()
    while true {
      guard let c = peek(), c != "\n" else { throw fail("a string is not closed on its line") }
      if c == "\"" {
        advance()
        return String(out)
      }
      if c == "\\" {
        advance()
        if let e = try scanEscape() { out.append(e) }
        continue
      }
      if isControl(c) { throw fail("a string may not hold control characters; write them as escapes") }
      out.append(c)
      advance()
    }
  }

  /// One escape after a backslash; `nil` for a line-ending backslash (multi-line strings only).
  private mutating func scanEscape(multiline: Bool = false) throws(SyntaxError) -> Unicode.Scalar? {
    guard let e = peek() else { throw fail("an escape is cut off") }
    let simple: [Unicode.Scalar: Unicode.Scalar] = [
      "b": "\u{8}", "t": "\t", "n": "\n", "f": "\u{C}", "r": "\r", "\"": "\"", "\\": "\\",
    ]
    if let s = simple[e] {
      advance()
      return s
    }
    if e == "u" || e == "U" {
      advance()
      var v: UInt32 = 0
      for _ in 0..<(e == "u" ? 4 : 8) {
        guard let h = peek(), let d = Int(String(h), radix: 16) else { throw fail("expected hex digits in \\\(e)") }
        v = v * 16 + UInt32(d)
        advance()
      }
      guard let scalar = Unicode.Scalar(v) else { throw fail("\\\(e) names no Unicode scalar") }
      return scalar
    }
    if multiline, e == " " || e == "\t" || e == "\n" || e == "\r" {
      // A line-ending backslash: the newline and the whitespace after it are trimmed.
      skipSpaces()
      guard peek() == "\n" || (peek() == "\r" && peek(1) == "\n") else {
        throw fail("a backslash before spaces must end the line")
      }
      while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
      return nil
    }
    throw fail("unknown escape; use \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX")
  }

  private mutating func scanLiteralString() throws(SyntaxError) -> String {
    advance()
    var out = String.UnicodeScalarView()
    while true {
      guard let c = peek(), c != "\n" else { throw fail("a string is not closed on its line") }
      if c == "'" {
        advance()
        return String(out)
      }
      if isControl(c) { throw fail("a string may not hold control characters") }
      out.append(c)
      advance()
    }
  }

  private mutating func scanMultilineBasic() throws(SyntaxError) {
    advance(3)
    while true {
      guard let c = peek() else { throw fail("a \"\"\" string is never closed") }
      if c == "\"", peek(1) == "\"", peek(2) == "\"" {
        advance(3)
        // Up to two more quotes belong to the string.
        for _ in 0..<2 where peek() == "\"" { advance() }
        return
      }
      if c == "\\" {
        advance()
        _ = try scanEscape(multiline: true)
        continue
      }
      if isControl(c), c != "\n", !(c == "\r" && peek(1) == "\n") {
        throw fail("a string may not hold control characters")
      }
      advance()
    }
  }

  private mutating func scanMultilineLiteral() throws(SyntaxError) {
    advance(3)
    while true {
      guard let c = peek() else { throw fail("a ''' string is never closed") }
      if c == "'", peek(1) == "'", peek(2) == "'" {
        advance(3)
        for _ in 0..<2 where peek() == "'" { advance() }
        return
      }
      if isControl(c), c != "\n", !(c == "\r" && peek(1) == "\n") {
        throw fail("a string may not hold control characters")
      }
      advance()
    }
  }

  /// Integers (decimal, 0x, 0o, 0b, with single underscores between digits) and floats (with
  /// a fraction and/or exponent, inf, nan). Dates and times are refused: no key takes one.
  private mutating func scanNumber() throws(SyntaxError) {
    var token = String.UnicodeScalarView()
    let start = here
    while let c = peek(), c.isNumberCharacter {
      token.append(c)
      advance()
    }
    let text = String(token)
    if text.isEmpty { throw fail("expected a value (a number, a string, true or false, an array or a table)") }
    if Self.looksLikeDate(text) || (peek() == ":" && text.allSatisfy(\.isNumber)) {
      throw SyntaxError(
        message: "dates and times are not values of experiment files; write a number or a string", position: start)
    }
    guard Self.isNumber(text) else {
      throw SyntaxError(message: "'\(text)' is not a TOML number (write 0.5, 1e-3, 42, inf or nan)", position: start)
    }
    try requireValueEnd()
  }

  static func looksLikeDate(_ t: String) -> Bool {
    let c = Array(t)
    return c.count >= 5 && c[0...3].allSatisfy(\.isNumber) && c[4] == "-"
  }

  static func isNumber(_ text: String) -> Bool {
    var t = Substring(text)
    if t == "inf" || t == "+inf" || t == "-inf" || t == "nan" || t == "+nan" || t == "-nan" { return true }
    for (prefix, digits) in [("0x", "0123456789abcdefABCDEF"), ("0o", "01234567"), ("0b", "01")]
    where t.hasPrefix(prefix) {
      return digitRun(t.dropFirst(2), digits)
    }
    if t.first == "+" || t.first == "-" { t = t.dropFirst() }
    // Integer part: 0, or a digit run without a leading zero.
    var intPart = t.prefix { $0.isASCII && ($0.isNumber || $0 == "_") }
    t = t.dropFirst(intPart.count)
    guard digitRun(intPart, "0123456789"), !(intPart.count > 1 && intPart.first == "0") else { return false }
    intPart = ""
    if t.first == "." {
      t = t.dropFirst()
      let fraction = t.prefix { $0.isASCII && ($0.isNumber || $0 == "_") }
      guard digitRun(fraction, "0123456789") else { return false }
      t = t.dropFirst(fraction.count)
    }
    if t.first == "e" || t.first == "E" {
      t = t.dropFirst()
      if t.first == "+" || t.first == "-" { t = t.dropFirst() }
      let exponent = t.prefix { $0.isASCII && ($0.isNumber || $0 == "_") }
      guard digitRun(exponent, "0123456789") else { return false }
      t = t.dropFirst(exponent.count)
    }
    return t.isEmpty
  }

  /// Digits from `allowed`, at least one, with single underscores only between digits.
  static func digitRun(_ s: Substring, _ allowed: String) -> Bool {
    guard let first = s.first, let last = s.last, first != "_", last != "_", !s.contains("__") else { return false }
    return s.allSatisfy { $0 == "_" || allowed.contains($0) }
  }
}

extension Unicode.Scalar {
  fileprivate var isBareKeyCharacter: Bool {
    ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self) || self == "-" || self == "_"
  }

  fileprivate var isNumberCharacter: Bool {
    ("0"..."9").contains(self) || ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "+" || self == "-"
      || self == "." || self == "_"
  }
}
