import Foundation

/// A typed formula compiled once into a flat list of instructions: what every evaluation runs.
///
/// Walking the expression tree costs a pointer chase and a reference count per node and point, and
/// two threads retaining the same nodes contend for them. The program is a flat array in memory of
/// its own, read through a raw pointer (no reference counting while it runs), with every subtree
/// that does not involve `x` or `y` folded into one constant. It runs over any scalar type:
/// `Double` for values, `Dual2`/`Jet2` for derivatives, eight lanes at once for the batch engine,
/// and each instruction is the tree node's own operation, so the values are the tree's.
final class ExpressionProgram: @unchecked Sendable {
  enum Op: UInt8 {
    case constant, x, y, negate, add, subtract, multiply, divide, power
    case exp, log, sqrt, sin, cos, tan, tanh, abs, minimum, maximum
  }

  struct Instruction {
    var op: Op
    var a: Int32 = 0
    var b: Int32 = 0
    var constant = 0.0
  }

  /// The instructions in order; the last one's register is the result. Owned by this object,
  /// read by `run` without retaining anything.
  let code: UnsafeMutableBufferPointer<Instruction>

  init(_ root: ExpressionNode) {
    var list: [Instruction] = []
    _ = Self.emit(root, into: &list)
    code = .allocate(capacity: list.count)
    _ = code.initialize(from: list)
  }

  deinit { code.deallocate() }

  /// Appends the instructions of `node` and returns the register holding its value.
  private static func emit(_ node: ExpressionNode, into list: inout [Instruction]) -> Int32 {
    func push(_ i: Instruction) -> Int32 {
      list.append(i)
      return Int32(list.count - 1)
    }
    if !node.involvesVariables {
      return push(Instruction(op: .constant, constant: node.evaluate(0.0, 0.0)))
    }
    switch node {
    case .constant(let c): return push(Instruction(op: .constant, constant: c))
    case .x: return push(Instruction(op: .x))
    case .y: return push(Instruction(op: .y))
    case .negate(let a): return push(Instruction(op: .negate, a: emit(a, into: &list)))
    case .binary(let op, let l, let r):
      let a = emit(l, into: &list)
      let b = emit(r, into: &list)
      let code: Op
      switch op {
      case .add: code = .add
      case .subtract: code = .subtract
      case .multiply: code = .multiply
      case .divide: code = .divide
      case .power: code = .power
      }
      return push(Instruction(op: code, a: a, b: b))
    case .integerPower(let base, let n):
      // `ExpressionNode.power`'s repeated squaring, unrolled: the same multiplications in order.
      let a = emit(base, into: &list)
      if n == 0 { return push(Instruction(op: .constant, constant: 1)) }
      var result: Int32? = nil
      var square = a
      var k = Swift.abs(n)
      while k > 0 {
        if k & 1 == 1 { result = result.map { push(Instruction(op: .multiply, a: $0, b: square)) } ?? square }
        k >>= 1
        if k > 0 { square = push(Instruction(op: .multiply, a: square, b: square)) }
      }
      // swift-format-ignore: NeverForceUnwrap
      let positive = result!
      guard n < 0 else { return positive }
      let one = push(Instruction(op: .constant, constant: 1))
      return push(Instruction(op: .divide, a: one, b: positive))
    case .function(let f, let args):
      let a = emit(args[0], into: &list)
      let b = args.count > 1 ? emit(args[1], into: &list) : 0
      let code: Op
      switch f {
      case .exp: code = .exp
      case .log: code = .log
      case .sqrt: code = .sqrt
      case .sin: code = .sin
      case .cos: code = .cos
      case .tan: code = .tan
      case .tanh: code = .tanh
      case .abs: code = .abs
      case .min: code = .minimum
      case .max: code = .maximum
      case .pow: code = .power
      }
      return push(Instruction(op: code, a: a, b: b))
    }
  }

  /// The formula at `(x, y)` over any scalar type; `code` is a program's instructions.
  @inline(__always)
  static func run<T: LandscapeArithmetic>(_ code: UnsafeBufferPointer<Instruction>, _ x: T, _ y: T) -> T {
    let r = Registers.pointer(for: T.self, count: code.count)
    for i in 0..<code.count {
      let ins = code[i]
      let value: T
      switch ins.op {
      case .constant: value = T(ins.constant)
      case .x: value = x
      case .y: value = y
      case .negate: value = -r[Int(ins.a)]
      case .add: value = r[Int(ins.a)] + r[Int(ins.b)]
      case .subtract: value = r[Int(ins.a)] - r[Int(ins.b)]
      case .multiply: value = r[Int(ins.a)] * r[Int(ins.b)]
      case .divide: value = r[Int(ins.a)] / r[Int(ins.b)]
      case .power: value = T.exp(r[Int(ins.b)] * T.log(r[Int(ins.a)]))
      case .exp: value = T.exp(r[Int(ins.a)])
      case .log: value = T.log(r[Int(ins.a)])
      case .sqrt: value = T.sqrt(r[Int(ins.a)])
      case .sin: value = T.sin(r[Int(ins.a)])
      case .cos: value = T.cos(r[Int(ins.a)])
      case .tan: value = T.tan(r[Int(ins.a)])
      case .tanh: value = T.tanh(r[Int(ins.a)])
      case .abs: value = T.abs(r[Int(ins.a)])
      case .minimum: value = T.minimum(r[Int(ins.a)], r[Int(ins.b)])
      case .maximum: value = T.maximum(r[Int(ins.a)], r[Int(ins.b)])
      }
      r[i] = value
    }
    return r[code.count - 1]
  }

  /// The register file: one block per thread, reused by every run on it (a run never starts
  /// another), so a program allocates nothing while it runs. The scalar types are plain values.
  enum Registers {
    private static let key: pthread_key_t = {
      var key = pthread_key_t()
      pthread_key_create(&key) { free($0) }
      return key
    }()

    @inline(__always)
    static func pointer<T>(for _: T.Type, count: Int) -> UnsafeMutablePointer<T> {
      let bytes = count * MemoryLayout<T>.stride + 64
      if let block = pthread_getspecific(key), block.load(as: Int.self) >= bytes {
        return (block + 64).bindMemory(to: T.self, capacity: count)
      }
      if let old = pthread_getspecific(key) { free(old) }
      let size = Swift.max(bytes, 64 * 1024)
      // swift-format-ignore: NeverForceUnwrap
      let block = aligned_alloc(64, (size + 63) / 64 * 64)!
      block.storeBytes(of: size, as: Int.self)
      pthread_setspecific(key, block)
      return (block + 64).bindMemory(to: T.self, capacity: count)
    }
  }
}

extension ExpressionNode {
  /// Whether `x` or `y` occurs in this subtree (else it is a constant, folded at compile time).
  var involvesVariables: Bool {
    switch self {
    case .constant: return false
    case .x, .y: return true
    case .negate(let a), .integerPower(let a, _): return a.involvesVariables
    case .binary(_, let a, let b): return a.involvesVariables || b.involvesVariables
    case .function(_, let args): return args.contains { $0.involvesVariables }
    }
  }
}
