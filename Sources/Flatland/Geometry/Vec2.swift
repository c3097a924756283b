/// A point or direction in the plane: the parameters `w = (x, y)` of every landscape.
///
/// `SIMD2<Double>` gives elementwise `+ − * /` for free; the helpers below add the few vector
/// operations the update rules of ALGORITHMS.md are written in.
public typealias Vec2 = SIMD2<Double>

extension SIMD2 where Scalar == Double {
  /// The Euclidean norm `sqrt(x² + y²)`, computed without overflow for huge components.
  public var length: Double {
    let scale = Swift.max(Swift.abs(x), Swift.abs(y))
    guard scale > 0, scale.isFinite else { return scale }
    let u = x / scale
    let v = y / scale
    return scale * (u * u + v * v).squareRoot()
  }

  /// The dot product `⟨a, b⟩`.
  public func dot(_ other: Vec2) -> Double { x * other.x + y * other.y }

  /// True when both components are finite (neither NaN nor ±∞).
  public var isFinite: Bool { x.isFinite && y.isFinite }
}
