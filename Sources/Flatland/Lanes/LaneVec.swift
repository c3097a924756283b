/// A point or direction per lane: the `Vec2` of many runs at once.
///
/// Every operation mirrors `Vec2`'s (elementwise, in the same order), so over `Double` it gives
/// `Vec2`'s bits exactly.
public struct LaneVec<S: Lane>: Sendable, Equatable {
  public var x: S
  public var y: S

  @inline(__always) public init(_ x: S, _ y: S) {
    self.x = x
    self.y = y
  }
  /// The same point in every lane.
  @inline(__always) public init(_ w: Vec2) { self.init(S(w.x), S(w.y)) }

  public static var zero: LaneVec { LaneVec(S(0), S(0)) }

  /// The point of one run.
  @inline(__always) public subscript(lane i: Int) -> Vec2 {
    get { Vec2(x[lane: i], y[lane: i]) }
    set {
      x[lane: i] = newValue.x
      y[lane: i] = newValue.y
    }
  }

  @inline(__always) public static func + (l: LaneVec, r: LaneVec) -> LaneVec { LaneVec(l.x + r.x, l.y + r.y) }
  @inline(__always) public static func - (l: LaneVec, r: LaneVec) -> LaneVec { LaneVec(l.x - r.x, l.y - r.y) }
  @inline(__always) public static func * (l: LaneVec, r: LaneVec) -> LaneVec { LaneVec(l.x * r.x, l.y * r.y) }
  @inline(__always) public static func / (l: LaneVec, r: LaneVec) -> LaneVec { LaneVec(l.x / r.x, l.y / r.y) }
  @inline(__always) public static func * (l: S, r: LaneVec) -> LaneVec { LaneVec(l * r.x, l * r.y) }
  @inline(__always) public static func * (l: Double, r: LaneVec) -> LaneVec { S(l) * r }
  @inline(__always) public static func / (l: LaneVec, r: S) -> LaneVec { LaneVec(l.x / r, l.y / r) }
  @inline(__always) public static prefix func - (v: LaneVec) -> LaneVec { LaneVec(-v.x, -v.y) }
  @inline(__always) public static func += (l: inout LaneVec, r: LaneVec) { l = l + r }
  @inline(__always) public static func -= (l: inout LaneVec, r: LaneVec) { l = l - r }

  /// `⟨a, b⟩`.
  @inline(__always) public func dot(_ o: LaneVec) -> S { x * o.x + y * o.y }

  /// `Vec2.length` per lane: scaled by the larger component so huge values do not overflow.
  @inline(__always) public var length: S {
    let scale = S.larger(S.abs(x), S.abs(y))
    let u = x / scale
    let v = y / scale
    let scaled = scale * S.sqrt(u * u + v * v)
    return S.select(S.and(S.isLess(S(0), scale), S.isFinite(scale)), scaled, scale)
  }

  /// Both components finite, per lane.
  @inline(__always) public var isFinite: S.Mask { S.and(S.isFinite(x), S.isFinite(y)) }

  /// Both components exactly zero, per lane (`Vec2 == .zero`).
  @inline(__always) public var isZero: S.Mask { S.and(S.isEqual(x, S(0)), S.isEqual(y, S(0))) }

  /// `a` where `m` holds, else `b`.
  @inline(__always) public static func select(_ m: S.Mask, _ a: LaneVec, _ b: LaneVec) -> LaneVec {
    LaneVec(S.select(m, a.x, b.x), S.select(m, a.y, b.y))
  }

  /// `f` applied to each component lane by lane.
  public func map(_ f: (Double) -> Double) -> LaneVec { LaneVec(x.map(f), y.map(f)) }
}

extension LaneVec where S == Double {
  @inline(__always) public var vec2: Vec2 { Vec2(x, y) }
}
