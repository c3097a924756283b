/// Value and exact gradient of many runs at once: `Dual2` over lanes.
///
/// Every rule is `Dual2`'s, written in the same order, so over `Lanes8` each lane holds exactly the
/// bits `Dual2` gives for that run; the batch engine's gradients are the scalar runner's.
public struct LaneDual<S: Lane>: LandscapeArithmetic {
  public var value: S
  public var dx: S
  public var dy: S

  @inline(__always) public init(value: S, dx: S, dy: S) {
    self.value = value
    self.dx = dx
    self.dy = dy
  }
  @inline(__always) public init(_ constant: Double) { self.init(value: S(constant), dx: S(0), dy: S(0)) }

  /// The coordinate functions `x` and `y` at the points `w`.
  @inline(__always) public static func variables(at w: LaneVec<S>) -> (x: LaneDual, y: LaneDual) {
    (LaneDual(value: w.x, dx: S(1), dy: S(0)), LaneDual(value: w.y, dx: S(0), dy: S(1)))
  }

  public var gradient: LaneVec<S> { LaneVec(dx, dy) }

  @inline(__always) func mapped(_ f: S, _ d: S) -> LaneDual { LaneDual(value: f, dx: d * dx, dy: d * dy) }

  @inline(__always) public static func + (l: LaneDual, r: LaneDual) -> LaneDual {
    LaneDual(value: l.value + r.value, dx: l.dx + r.dx, dy: l.dy + r.dy)
  }
  @inline(__always) public static func - (l: LaneDual, r: LaneDual) -> LaneDual {
    LaneDual(value: l.value - r.value, dx: l.dx - r.dx, dy: l.dy - r.dy)
  }
  @inline(__always) public static func * (l: LaneDual, r: LaneDual) -> LaneDual {
    LaneDual(value: l.value * r.value, dx: l.value * r.dx + r.value * l.dx, dy: l.value * r.dy + r.value * l.dy)
  }
  @inline(__always) public static func / (l: LaneDual, r: LaneDual) -> LaneDual {
    let q = l.value / r.value
    return LaneDual(value: q, dx: (l.dx - q * r.dx) / r.value, dy: (l.dy - q * r.dy) / r.value)
  }
  @inline(__always) public static prefix func - (x: LaneDual) -> LaneDual {
    LaneDual(value: -x.value, dx: -x.dx, dy: -x.dy)
  }

  // A constant has no derivative: the same shortcuts as `Dual2`'s, in the same order.
  @inline(__always) public static func shifted(_ x: LaneDual, by c: Double) -> LaneDual {
    LaneDual(value: x.value + S(c), dx: x.dx, dy: x.dy)
  }
  @inline(__always) public static func subtracted(_ x: LaneDual, from c: Double) -> LaneDual {
    LaneDual(value: S(c) - x.value, dx: -x.dx, dy: -x.dy)
  }
  @inline(__always) public static func scaled(_ x: LaneDual, by c: Double) -> LaneDual {
    LaneDual(value: S(c) * x.value, dx: S(c) * x.dx, dy: S(c) * x.dy)
  }

  @inline(__always) public static func exp(_ x: LaneDual) -> LaneDual {
    let e = S.exp(x.value)
    return x.mapped(e, e)
  }
  public static func log(_ x: LaneDual) -> LaneDual { x.mapped(S.log(x.value), S(1) / x.value) }
  public static func sqrt(_ x: LaneDual) -> LaneDual {
    // At exactly 0: zero derivatives, as `Dual2.sqrt`.
    let s = S.sqrt(x.value)
    let mapped = x.mapped(s, S(0.5) / s)
    let zero = S.isEqual(x.value, S(0))
    return LaneDual(
      value: S.select(zero, S(0), mapped.value), dx: S.select(zero, S(0), mapped.dx),
      dy: S.select(zero, S(0), mapped.dy))
  }
  public static func sin(_ x: LaneDual) -> LaneDual { x.mapped(S.sin(x.value), S.cos(x.value)) }
  public static func cos(_ x: LaneDual) -> LaneDual { x.mapped(S.cos(x.value), -S.sin(x.value)) }
  public static func tan(_ x: LaneDual) -> LaneDual {
    let t = S.tan(x.value)
    return x.mapped(t, S(1) + t * t)
  }
  public static func tanh(_ x: LaneDual) -> LaneDual {
    let t = S.tanh(x.value)
    return x.mapped(t, S(1) - t * t)
  }
  public static func abs(_ x: LaneDual) -> LaneDual {
    let sign = S.select(S.isLess(S(0), x.value), S(1), S.select(S.isLess(x.value, S(0)), S(-1), S(0)))
    return x.mapped(S.abs(x.value), sign)
  }
  public static func minimum(_ a: LaneDual, _ b: LaneDual) -> LaneDual { choose(S.isLess(b.value, a.value), b, a) }
  public static func maximum(_ a: LaneDual, _ b: LaneDual) -> LaneDual { choose(S.isLess(a.value, b.value), b, a) }

  @inline(__always) static func choose(_ m: S.Mask, _ a: LaneDual, _ b: LaneDual) -> LaneDual {
    LaneDual(value: S.select(m, a.value, b.value), dx: S.select(m, a.dx, b.dx), dy: S.select(m, a.dy, b.dy))
  }
}
