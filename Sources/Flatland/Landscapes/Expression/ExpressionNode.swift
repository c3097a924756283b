import Foundation

/// A parsed formula in `x` and `y` (ALGORITHMS.md A7 `expression`), evaluated over any
/// `LandscapeScalar`, so its gradients and Hessians are exact.
public indirect enum ExpressionNode: Sendable, Equatable {
  case constant(Double)
  case x
  case y
  case negate(ExpressionNode)
  case binary(BinaryOperator, ExpressionNode, ExpressionNode)
  /// `base ^ n` with a whole-number exponent: repeated multiplication, exact for negative bases.
  case integerPower(ExpressionNode, Int)
  case function(Function, [ExpressionNode])

  public enum BinaryOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    /// `a ^ b = exp(b·ln a)` (a real exponent; NaN for a negative base).
    case power = "^"
  }

  /// The functions of the grammar and how many arguments each takes.
  public enum Function: String, Sendable, CaseIterable {
    case exp, log, sqrt, sin, cos, tan, tanh, abs, min, max, pow

    var arity: Int { [.min, .max, .pow].contains(self) ? 2 : 1 }
  }

  /// The value (and, over jets, the derivatives) at `(x, y)`.
  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    switch self {
    case .constant(let c): return T(c)
    case .x: return x
    case .y: return y
    case .negate(let a): return -a.evaluate(x, y)
    case .binary(let op, let a, let b):
      let (l, r) = (a.evaluate(x, y), b.evaluate(x, y))
      switch op {
      case .add: return l + r
      case .subtract: return l - r
      case .multiply: return l * r
      case .divide: return l / r
      case .power: return T.exp(r * T.log(l))
      }
    case .integerPower(let a, let n):
      return Self.power(a.evaluate(x, y), n)
    case .function(let f, let args):
      let a = args[0].evaluate(x, y)
      switch f {
      case .exp: return T.exp(a)
      case .log: return T.log(a)
      case .sqrt: return T.sqrt(a)
      case .sin: return T.sin(a)
      case .cos: return T.cos(a)
      case .tan: return T.tan(a)
      case .tanh: return T.tanh(a)
      case .abs: return T.abs(a)
      case .min:
        let b = args[1].evaluate(x, y)
        return T.minimum(a, b)
      case .max:
        let b = args[1].evaluate(x, y)
        return T.maximum(a, b)
      case .pow:
        let b = args[1].evaluate(x, y)
        return T.exp(b * T.log(a))
      }
    }
  }

  /// `a^n` by repeated squaring; `n < 0` is `1/a^|n|`.
  static func power<T: LandscapeArithmetic>(_ a: T, _ n: Int) -> T {
    if n == 0 { return T(1) }
    if n < 0 { return T(1) / power(a, -n) }
    var result: T? = nil
    var base = a
    var k = n
    while k > 0 {
      if k & 1 == 1 { result = result.map { $0 * base } ?? base }
      k >>= 1
      if k > 0 { base = base * base }
    }
    return result ?? T(1)
  }

  /// Values along a row `y`, `x = x0 + i·dx`: one pass per node over the whole row, so a grid of a
  /// typed formula costs a few array operations per node instead of a tree walk per point.
  func evaluateRow(y: Double, x0: Double, dx: Double, count: Int) -> [Double] {
    switch self {
    case .constant(let c): return [Double](repeating: c, count: count)
    case .x: return (0..<count).map { x0 + Double($0) * dx }
    case .y: return [Double](repeating: y, count: count)
    case .negate(let a): return a.evaluateRow(y: y, x0: x0, dx: dx, count: count).map { -$0 }
    case .binary(let op, let a, let b):
      var l = a.evaluateRow(y: y, x0: x0, dx: dx, count: count)
      let r = b.evaluateRow(y: y, x0: x0, dx: dx, count: count)
      for i in 0..<count {
        switch op {
        case .add: l[i] += r[i]
        case .subtract: l[i] -= r[i]
        case .multiply: l[i] *= r[i]
        case .divide: l[i] /= r[i]
        case .power: l[i] = Double.exp(r[i] * Double.log(l[i]))
        }
      }
      return l
    case .integerPower(let a, let n):
      return a.evaluateRow(y: y, x0: x0, dx: dx, count: count).map { Self.power($0, n) }
    case .function(let f, let args):
      var a = args[0].evaluateRow(y: y, x0: x0, dx: dx, count: count)
      let b = f.arity == 2 ? args[1].evaluateRow(y: y, x0: x0, dx: dx, count: count) : []
      for i in 0..<count {
        switch f {
        case .exp: a[i] = LaneExp.exp(a[i])
        case .log: a[i] = Foundation.log(a[i])
        case .sqrt: a[i] = a[i].squareRoot()
        case .sin: a[i] = Foundation.sin(a[i])
        case .cos: a[i] = Foundation.cos(a[i])
        case .tan: a[i] = Foundation.tan(a[i])
        case .tanh: a[i] = Foundation.tanh(a[i])
        case .abs: a[i] = Swift.abs(a[i])
        case .min: a[i] = b[i] < a[i] ? b[i] : a[i]
        case .max: a[i] = b[i] > a[i] ? b[i] : a[i]
        case .pow: a[i] = LaneExp.exp(b[i] * Foundation.log(a[i]))
        }
      }
      return a
    }
  }

  /// Whether the node is a literal number (after folding unary minus).
  var constantValue: Double? {
    switch self {
    case .constant(let c): return c
    case .negate(let a): return a.constantValue.map { -$0 }
    default: return nil
    }
  }

  /// The number of nodes: what one evaluation costs, for the resource guard on formulas.
  public var size: Int {
    switch self {
    case .constant, .x, .y: return 1
    case .negate(let a), .integerPower(let a, _): return 1 + a.size
    case .binary(_, let a, let b): return 1 + a.size + b.size
    case .function(_, let args): return 1 + args.reduce(0) { $0 + $1.size }
    }
  }
}
