/// Parses the formula grammar of ALGORITHMS.md A7:
///
///     expression := term (("+" | "-") term)*
///     term       := unary (("*" | "/") unary)*
///     unary      := ("-" | "+") unary | power
///     power      := primary (("^" | "**") unary)?        right-associative: 2^3^2 = 2^9
///     primary    := number | x | y | pi | e | name "(" expression ("," expression)* ")" | "(" expression ")"
///
/// `-x^2` is `-(x^2)`. Errors name the column (1-based) of the offending character. Input longer
/// than `maximumLength` characters or nested deeper than `maximumDepth` is refused before it can
/// exhaust the stack.
public struct ExpressionParser {
  public static let maximumLength = 4000
  public static let maximumDepth = 64

  private let characters: [Character]
  private var position = 0
  private var depth = 0

  private init(_ text: String) { characters = Array(text) }

  /// The tree of `text`, or an `ExpressionError` pointing at the problem.
  public static func parse(_ text: String) throws(ExpressionError) -> ExpressionNode {
    guard text.count <= maximumLength else { throw .tooLong(length: text.count, limit: maximumLength) }
    var parser = ExpressionParser(text)
    parser.skipSpaces()
    guard parser.position < parser.characters.count else { throw .empty }
    let node = try parser.expression()
    parser.skipSpaces()
    if parser.position < parser.characters.count {
      throw .unexpected(String(parser.characters[parser.position]), column: parser.position + 1)
    }
    return node
  }

  static let constants: [String: Double] = ["pi": Double.pi, "e": 2.718_281_828_459_045_235_36]
  /// Every name the grammar knows, for "unknown name" errors.
  public static var acceptedNames: [String] {
    ["x", "y"] + constants.keys.sorted() + ExpressionNode.Function.allCases.map(\.rawValue)
  }

  private mutating func skipSpaces() {
    while position < characters.count, characters[position].isWhitespace { position += 1 }
  }

  private mutating func peek() -> Character? {
    skipSpaces()
    return position < characters.count ? characters[position] : nil
  }

  /// Parentheses and function calls nest at most `maximumDepth` levels (the documented limit);
  /// chains of signs and powers (`- - x`, `2^2^x`) at most `maximumChain`, so that evaluation never
  /// recurses deeper than a worker thread's stack allows.
  public static let maximumChain = 256
  private var chain = 0

  private mutating func enter() throws(ExpressionError) {
    depth += 1
    if depth > Self.maximumDepth { throw .tooDeep(column: position + 1, limit: Self.maximumDepth) }
  }

  private mutating func enterChain() throws(ExpressionError) {
    chain += 1
    if chain > Self.maximumChain { throw .chainTooLong(column: position + 1, limit: Self.maximumChain) }
  }

  private mutating func expression() throws(ExpressionError) -> ExpressionNode {
    var node = try term()
    while let c = peek(), c == "+" || c == "-" {
      position += 1
      let rhs = try term()
      node = .binary(c == "+" ? .add : .subtract, node, rhs)
    }
    return node
  }

  private mutating func term() throws(ExpressionError) -> ExpressionNode {
    var node = try unary()
    while let c = peek(), c == "*" || c == "/" {
      if c == "*", position + 1 < characters.count, characters[position + 1] == "*" { break }
      position += 1
      let rhs = try unary()
      node = .binary(c == "*" ? .multiply : .divide, node, rhs)
    }
    return node
  }

  private mutating func unary() throws(ExpressionError) -> ExpressionNode {
    try enterChain()
    defer { chain -= 1 }
    if let c = peek(), c == "-" || c == "+" {
      position += 1
      let operand = try unary()
      if c == "+" { return operand }
      if case .constant(let v) = operand { return .constant(-v) }
      return .negate(operand)
    }
    return try power()
  }

  private mutating func power() throws(ExpressionError) -> ExpressionNode {
    let base = try primary()
    guard let c = peek() else { return base }
    if c == "^" {
      position += 1
    } else if c == "*", position + 1 < characters.count, characters[position + 1] == "*" {
      position += 2
    } else {
      return base
    }
    let exponent = try unary()
    return Self.makePower(base, exponent)
  }

  static func makePower(_ base: ExpressionNode, _ exponent: ExpressionNode) -> ExpressionNode {
    if let n = exponent.constantValue, n == n.rounded(), Swift.abs(n) <= 64 {
      return .integerPower(base, Int(n))
    }
    return .binary(.power, base, exponent)
  }

  private mutating func primary() throws(ExpressionError) -> ExpressionNode {
    guard let c = peek() else { throw .unexpectedEnd(expected: "a number, x, y, a function or '('") }
    let column = position + 1
    if c == "(" {
      position += 1
      try enter()
      defer { depth -= 1 }
      let inner = try expression()
      guard peek() == ")" else {
        if let d = peek() {
          throw .unexpected(String(d), column: position + 1, expected: "')' to close '(' at column \(column)")
        }
        throw .unclosed(column: column)
      }
      position += 1
      return inner
    }
    if c.isNumber || c == "." { return try number() }
    if c.isLetter || c == "_" {
      var name = ""
      while position < characters.count,
        characters[position].isLetter || characters[position].isNumber
          || characters[position] == "_"
      {
        name.append(characters[position])
        position += 1
      }
      switch name {
      case "x": return .x
      case "y": return .y
      default: break
      }
      if let value = Self.constants[name] { return .constant(value) }
      guard let function = ExpressionNode.Function(rawValue: name) else {
        throw .unknownName(name, column: column, accepted: Self.acceptedNames)
      }
      guard peek() == "(" else {
        throw .missingArguments(function: name, column: position + 1)
      }
      position += 1
      try enter()
      defer { depth -= 1 }
      var args = [try expression()]
      while peek() == "," {
        position += 1
        args.append(try expression())
      }
      guard peek() == ")" else {
        if let d = peek() { throw .unexpected(String(d), column: position + 1, expected: "',' or ')' in \(name)(…)") }
        throw .unclosed(column: column + name.count)
      }
      position += 1
      guard args.count == function.arity else {
        throw .wrongArgumentCount(function: name, expected: function.arity, got: args.count, column: column)
      }
      if function == .pow { return Self.makePower(args[0], args[1]) }
      return .function(function, args)
    }
    throw .unexpected(String(c), column: column)
  }

  private mutating func number() throws(ExpressionError) -> ExpressionNode {
    let start = position
    while position < characters.count, characters[position].isNumber || characters[position] == "." {
      position += 1
    }
    if position < characters.count, characters[position] == "e" || characters[position] == "E" {
      var look = position + 1
      if look < characters.count, characters[look] == "+" || characters[look] == "-" { look += 1 }
      if look < characters.count, characters[look].isNumber {
        position = look
        while position < characters.count, characters[position].isNumber { position += 1 }
      }
    }
    let text = String(characters[start..<position])
    guard let value = Double(text) else { throw .badNumber(text, column: start + 1) }
    guard value.isFinite else { throw .badNumber(text, column: start + 1) }
    return .constant(value)
  }
}

/// A formula that could not be read, with the column to look at.
public enum ExpressionError: Error, Equatable, CustomStringConvertible {
  case empty
  case tooLong(length: Int, limit: Int)
  case tooDeep(column: Int, limit: Int)
  case chainTooLong(column: Int, limit: Int)
  case unexpected(String, column: Int, expected: String? = nil)
  case unexpectedEnd(expected: String)
  case unclosed(column: Int)
  case unknownName(String, column: Int, accepted: [String])
  case missingArguments(function: String, column: Int)
  case wrongArgumentCount(function: String, expected: Int, got: Int, column: Int)
  case badNumber(String, column: Int)

  public var description: String {
    switch self {
    case .empty: return "the formula is empty; write it in x and y, e.g. x^2 + 10*y^2"
    case .tooLong(let length, let limit): return "the formula has \(length) characters; at most \(limit) are accepted"
    case .tooDeep(let column, let limit):
      return "the formula nests deeper than \(limit) levels at column \(column); simplify it"
    case .chainTooLong(let column, let limit):
      return "the formula chains more than \(limit) signs or powers in a row at column \(column); simplify it"
    case .unexpected(let text, let column, let expected):
      return "unexpected '\(text)' at column \(column)" + (expected.map { "; expected \($0)" } ?? "")
    case .unexpectedEnd(let expected): return "the formula ends too early; expected \(expected)"
    case .unclosed(let column): return "'(' at column \(column) is never closed"
    case .unknownName(let name, let column, let accepted):
      let suggestion = closestMatch(to: name, in: accepted).map { " (did you mean '\($0)'?)" } ?? ""
      return "unknown name '\(name)' at column \(column)\(suggestion); accepted: \(accepted.joined(separator: ", "))"
    case .missingArguments(let function, let column):
      return "function '\(function)' needs its arguments in parentheses at column \(column), e.g. \(function)(x)"
    case .wrongArgumentCount(let function, let expected, let got, let column):
      return
        "function '\(function)' at column \(column) takes \(expected) argument\(expected == 1 ? "" : "s"), got \(got)"
    case .badNumber(let text, let column): return "'\(text)' at column \(column) is not a finite number"
    }
  }
}
