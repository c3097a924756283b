/// GSAM's figure 1 in numbers: along one axis, the loss `f`, SAM's max-pooled loss
/// `f_p(w) = max_{‖ε‖ ≤ ρ} f(w + ε)` (the exact worst case over the 2D disk) and the surrogate gap
/// `h = f_p − f`.
public struct SliceProfile: Sendable {
  public var axis: SliceAxis
  /// The fixed other coordinate.
  public var at: Double
  public var rho: Double
  /// Positions along the axis.
  public var t: [Double]
  public var f: [Double]
  public var fp: [Double]
  /// `h = f_p − f`.
  public var gap: [Double]

  public init(axis: SliceAxis, at: Double, rho: Double, t: [Double], f: [Double], fp: [Double]) {
    self.axis = axis
    self.at = at
    self.rho = rho
    self.t = t
    self.f = f
    self.fp = fp
    gap = zip(fp, f).map { $0 - $1 }
  }

  /// `samples` evenly spaced points over `range`.
  public init<L: Landscape>(
    of landscape: L, along axis: SliceAxis, at: Double, range: ClosedRange<Double>, rho: Double, samples: Int
  ) {
    let ts = (0..<samples).map {
      range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(samples - 1)
    }
    let points = ts.map { axis == .x ? Vec2($0, at) : Vec2(at, $0) }
    let f = points.map { landscape.value(at: $0) }
    let fp = points.map { landscape.value(at: $0) + Sharpness.worstCase(of: landscape, at: $0, rho: rho).value }
    self.init(axis: axis, at: at, rho: rho, t: ts, f: f, fp: fp)
  }

  /// The point of sample `k`.
  public func point(_ k: Int) -> Vec2 { axis == .x ? Vec2(t[k], at) : Vec2(at, t[k]) }
}
