/// A symmetric 2×2 matrix `[[xx, xy], [xy, yy]]`: Hessians and covariances.
public struct Sym2: Sendable, Equatable, CustomStringConvertible {
  public var xx: Double
  public var xy: Double
  public var yy: Double

  public init(xx: Double, xy: Double, yy: Double) {
    self.xx = xx
    self.xy = xy
    self.yy = yy
  }

  /// The zero matrix.
  public static let zero = Sym2(xx: 0, xy: 0, yy: 0)

  /// `diag(a, b)`.
  public static func diagonal(_ a: Double, _ b: Double) -> Sym2 {
    Sym2(xx: a, xy: 0, yy: b)
  }

  /// `a·aᵀ`.
  public static func outer(_ a: Vec2) -> Sym2 {
    Sym2(xx: a.x * a.x, xy: a.x * a.y, yy: a.y * a.y)
  }

  /// `a·bᵀ + b·aᵀ`, the symmetric part that appears in the product rule for Hessians.
  public static func symmetricOuter(_ a: Vec2, _ b: Vec2) -> Sym2 {
    Sym2(xx: 2 * a.x * b.x, xy: a.x * b.y + a.y * b.x, yy: 2 * a.y * b.y)
  }

  public static func + (l: Sym2, r: Sym2) -> Sym2 {
    Sym2(xx: l.xx + r.xx, xy: l.xy + r.xy, yy: l.yy + r.yy)
  }

  public static func - (l: Sym2, r: Sym2) -> Sym2 {
    Sym2(xx: l.xx - r.xx, xy: l.xy - r.xy, yy: l.yy - r.yy)
  }

  public static func * (s: Double, m: Sym2) -> Sym2 {
    Sym2(xx: s * m.xx, xy: s * m.xy, yy: s * m.yy)
  }

  /// The matrix–vector product `M·v`.
  public static func * (m: Sym2, v: Vec2) -> Vec2 {
    Vec2(m.xx * v.x + m.xy * v.y, m.xy * v.x + m.yy * v.y)
  }

  public var trace: Double { xx + yy }
  public var determinant: Double { xx * yy - xy * xy }

  /// Eigenvalues in ascending order, `(λ_min, λ_max)`.
  ///
  /// `λ = (xx+yy)/2 ∓ sqrt(((xx−yy)/2)² + xy²)`; the hypot form avoids cancellation in the radicand,
  /// and halving before adding keeps entries near ±1.8e308 from overflowing (halving is exact, so
  /// the result is bit for bit the same elsewhere).
  public var eigenvalues: (min: Double, max: Double) {
    let mean = xx / 2 + yy / 2
    let radius = Vec2(xx / 2 - yy / 2, xy).length
    return (mean - radius, mean + radius)
  }

  /// Unit eigenvectors matching `eigenvalues` (`min` first). For a multiple of the identity any
  /// basis is an eigenbasis; the axes are returned.
  public var eigenvectors: (min: Vec2, max: Vec2) {
    let (_, high) = eigenvalues
    // (M − λI)v = 0: take the larger of the two rows' perpendiculars for stability.
    let a = Vec2(xy, high - xx)
    let b = Vec2(high - yy, xy)
    let v = a.length >= b.length ? a : b
    guard v.length > 0 else { return (Vec2(0, 1), Vec2(1, 0)) }
    let vmax = v / v.length
    return (Vec2(-vmax.y, vmax.x), vmax)
  }

  public var description: String { "[[\(xx), \(xy)], [\(xy), \(yy)]]" }

  /// `|M|^½` restricted to the positive part of the spectrum: `Σ sqrt(max(λᵢ, 0))·vᵢvᵢᵀ`.
  /// Used to draw noise with covariance `|H|` (negative curvature contributes nothing).
  public var positiveSquareRoot: Sym2 {
    let (low, high) = eigenvalues
    let (vLow, vHigh) = eigenvectors
    return Swift.max(low, 0).squareRoot() * Sym2.outer(vLow) + Swift.max(high, 0).squareRoot() * Sym2.outer(vHigh)
  }

  /// `M·v`.
  public func applied(to v: Vec2) -> Vec2 { self * v }
}
