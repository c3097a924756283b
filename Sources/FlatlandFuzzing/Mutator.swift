import Flatland

/// Seeded mutations of text and of command lines: inserting pieces that have broken parsers
/// before (huge numbers, unbalanced brackets, stray `$` and `\`), deleting, duplicating and swapping
/// spans, and splicing in pieces of other inputs. The same seed gives the same inputs.
public struct Mutator {
  var rng: Xoshiro256StarStar

  public init(seed: UInt64) { rng = Xoshiro256StarStar(seed: seed) }

  public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(rng.next() % UInt64(n)) }

  public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  public static let pieces = [
    "1e308", "-1e308", "1e-320", "0", "-0", "nan", "inf", "1/0", "(", ")", "((", "))", "^", "**", "*", "/", "+", "-",
    "--", ",", ".", "e", "x", "y", "pi", "exp(", "log(", "sqrt(", "sin(", "tanh(", "abs(", "min(", "max(", "pow(",
    "$", "$$", "\\", "\\rho", "\\|", "_", "^{", "{", "}", "\\frac", "\\mathrm{", "&", "<", ">", "\"", "'", "=", "[",
    "]",
    "[[", "]]", "#", "\n", " ", "=", "true", "false", "\"sam\"", "\"two-valleys\"", "-1", "99999999999999999999", "1e6",
    "0.5,0.05", "ρ", "∞", "\u{0}", "\t", "9999", "-0.0", "1e-300", "x^64", "(x)^(-1)", "tan(", "0x10",
  ]

  /// One to four edits of `text`, with pieces from `pieces` and from `others`.
  public mutating func mutate(_ text: String, others: [String] = [], edits: Int = 4) -> String {
    var chars = Array(text)
    for _ in 0..<(1 + below(edits)) {
      let at = chars.isEmpty ? 0 : below(chars.count + 1)
      switch below(6) {
      case 0, 1:
        let piece = Array(pick(Self.pieces))
        chars.insert(contentsOf: piece, at: Swift.min(at, chars.count))
      case 2:
        guard !chars.isEmpty else { continue }
        let start = Swift.min(at, chars.count - 1)
        let end = Swift.min(chars.count, start + 1 + below(8))
        chars.removeSubrange(start..<end)
      case 3:
        guard !chars.isEmpty else { continue }
        let start = Swift.min(at, chars.count - 1)
        let end = Swift.min(chars.count, start + 1 + below(12))
        chars.insert(contentsOf: Array(chars[start..<end]), at: end)
      case 4:
        guard !chars.isEmpty else { continue }
        chars[Swift.min(at, chars.count - 1)] = pick(Array("0123456789.+-*/^()[]{}$\\,=\"' xyzeE_#\n"))
      default:
        guard let other = others.isEmpty ? nil : Array(pick(others)), !other.isEmpty else { continue }
        let start = below(other.count)
        let end = Swift.min(other.count, start + 1 + below(24))
        chars.insert(contentsOf: other[start..<end], at: Swift.min(at, chars.count))
      }
    }
    return String(chars)
  }

  /// One to three edits of a command line: a token replaced, mutated, dropped, duplicated or
  /// moved, or a value from another command line.
  public mutating func mutate(arguments: [String], others: [[String]]) -> [String] {
    var args = arguments
    for _ in 0..<(1 + below(2)) {
      guard !args.isEmpty else { break }
      let k = 1 + below(Swift.max(1, args.count - 1))
      guard k < args.count else { continue }
      // Half the edits change a value and keep the command line's shape.
      switch below(12) {
      case 6...11:
        let values = args.indices.filter { $0 > 0 && !args[$0].hasPrefix("-") }
        if let v = values.isEmpty ? nil : pick(values) { args[v] = mutate(args[v], edits: 2) }
      case 0: args[k] = mutate(args[k])
      case 1: args[k] = pick(Self.pieces + ["--steps", "--grid", "--rho", "--lr", "--method", "-o", "--data", "--set"])
      case 2: args.remove(at: k)
      case 3: args.insert(args[k], at: k)
      case 4:
        let j = 1 + below(Swift.max(1, args.count - 1))
        if j < args.count { args.swapAt(k, j) }
      default:
        let other = pick(others)
        if other.count > 1 { args.insert(other[1 + below(other.count - 1)], at: k) }
      }
    }
    return args
  }
}
