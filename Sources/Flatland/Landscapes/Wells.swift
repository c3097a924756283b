import Foundation

/// Any mixture of Gaussian wells on a bowl (ALGORITHMS.md A7 `wells`):
/// `L(w) = −Σᵢ dᵢ·exp(−½(uᵢ²/sᵢₓ² + vᵢ²/sᵢᵧ²)) + λ‖w‖²`, where `(uᵢ, vᵢ)` is `w − cᵢ` rotated by −θᵢ.
/// An isolated well's curvature along its own axis is ≈ dᵢ/sᵢ² + 2λ; the listed minima are exact
/// (Newton on the Hessian from each centre), since overlapping wells shift and reshape each other.
public struct Wells: Landscape {
  public struct Well: Sendable, Equatable {
    public var center: Vec2
    public var depth: Double
    public var width: Vec2
    /// Rotation of the well's axes in degrees.
    public var angle: Double

    public init(center: Vec2, depth: Double, width: Vec2, angle: Double = 0) {
      self.center = center
      self.depth = depth
      self.width = width
      self.angle = angle
    }
  }

  public let wells: [Well]
  public let bowl: Double
  /// cos and sin of each well's angle, computed once: `evaluate` runs for every grid node.
  private let rotations: [(c: Double, s: Double)]
  public private(set) var info: LandscapeInfo
  let name: String

  public init(wells: [Well], bowl: Double, name: String = "wells", summary: String? = nil, window: Box? = nil) {
    self.wells = wells
    self.bowl = bowl
    rotations = wells.map { (Foundation.cos($0.angle * .pi / 180), Foundation.sin($0.angle * .pi / 180)) }
    self.name = name
    let reach =
      wells.map { Swift.max(Swift.abs($0.center.x), Swift.abs($0.center.y)) + 2.5 * Swift.max($0.width.x, $0.width.y) }
      .max() ?? 2
    let box = window ?? Box(center: .zero, halfWidth: Swift.min(Swift.max(reach, 1), 10))
    info = LandscapeInfo(
      name: name, summary: summary ?? "\(wells.count) Gaussian wells (depth, widths, rotation) on a bowl λ‖w‖²",
      formula: "\(wells.count) Gaussian wells + \(formatShort(bowl))‖w‖²", domain: Box(center: .zero, halfWidth: 50),
      window: box, minima: [],
      suggested: SuggestedRun(starts: [Vec2(0.3, 0.6 * box.ymax)], learningRate: 0.03, rho: 0.1, steps: 500),
      expression: Self.expression(wells, bowl))
    var withMinima = info
    withMinima.minima = findMinima(of: self, seeds: wells.map(\.center), in: Box(center: .zero, halfWidth: 50))
    info = withMinima
  }

  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    var sum = bowl * (x * x + y * y)
    for (w, (c, s)) in zip(wells, rotations) {
      let dx = x - w.center.x
      let dy = y - w.center.y
      let u = c * dx + s * dy
      let v = c * dy - s * dx
      sum = sum - w.depth * T.exp(-0.5 * (u * u / (w.width.x * w.width.x) + v * v / (w.width.y * w.width.y)))
    }
    return sum
  }

  static func expression(_ wells: [Well], _ bowl: Double) -> String {
    var terms = ["\(literal(bowl))*(x^2 + y^2)"]
    for w in wells {
      let c = literal(Foundation.cos(w.angle * .pi / 180))
      let s = literal(Foundation.sin(w.angle * .pi / 180))
      let dx = "(x - \(literal(w.center.x)))"
      let dy = "(y - \(literal(w.center.y)))"
      let u = w.angle == 0 ? dx : "(\(c)*\(dx) + \(s)*\(dy))"
      let v = w.angle == 0 ? dy : "(\(c)*\(dy) - \(s)*\(dx))"
      terms.append(
        "- \(literal(w.depth))*exp(-0.5*(\(u)^2/\(literal(w.width.x * w.width.x)) + \(v)^2/\(literal(w.width.y * w.width.y))))"
      )
    }
    return terms.joined(separator: " ")
  }

  /// GSAM's figure-3 setting: a few narrow, deeper wells beside one wide basin.
  public static func sharpAndFlat(
    narrowDepth: Double = 1.25, narrowWidth: Double = 0.12, wideDepth: Double = 1, wideWidth: Double = 0.8,
    bowl: Double = 0.02
  ) -> Wells {
    Wells(
      wells: [
        Well(center: Vec2(-1, 0), depth: wideDepth, width: Vec2(wideWidth, wideWidth)),
        Well(center: Vec2(1, -0.9), depth: narrowDepth, width: Vec2(narrowWidth, narrowWidth)),
        Well(center: Vec2(1.2, 0.2), depth: narrowDepth, width: Vec2(narrowWidth, narrowWidth)),
        Well(center: Vec2(0.7, 1.2), depth: narrowDepth, width: Vec2(narrowWidth, narrowWidth)),
      ], bowl: bowl, name: "sharp-and-flat",
      summary: "three narrow deep wells beside one wide basin (GSAM's figure 3 setting)",
      window: Box(x: -2.5...2.5, y: -2.5...2.5))
  }
}
