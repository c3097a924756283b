import Foundation

/// Small shapes shared by figure kinds: markers and arrowheads, as device-space paths.
public enum Marks {
  /// A five-pointed star centred at `c` with outer radius `r` (known minima).
  public static func star(at c: Point, radius r: Double) -> Path {
    var points: [Point] = []
    for k in 0..<10 {
      let angle = -Double.pi / 2 + Double(k) * Double.pi / 5
      let radius = k % 2 == 0 ? r : r * 0.45
      points.append(Point(c.x + radius * cos(angle), c.y + radius * sin(angle)))
    }
    var p = Path()
    p.polyline(points, closed: true)
    return p
  }

  /// A diamond (route ends).
  public static func diamond(at c: Point, radius r: Double) -> Path {
    var p = Path()
    p.polyline([Point(c.x, c.y - r), Point(c.x + r, c.y), Point(c.x, c.y + r), Point(c.x - r, c.y)], closed: true)
    return p
  }

  /// A filled arrowhead with its tip at `tip`, pointing along `direction` (device space).
  public static func arrowhead(tip: Point, direction: (dx: Double, dy: Double), length: Double) -> Path {
    let norm = (direction.dx * direction.dx + direction.dy * direction.dy).squareRoot()
    guard norm > 0 else { return Path() }
    let ux = direction.dx / norm
    let uy = direction.dy / norm
    let back = Point(tip.x - length * ux, tip.y - length * uy)
    let half = length * 0.5
    var p = Path()
    p.polyline(
      [tip, Point(back.x - half * uy, back.y + half * ux), Point(back.x + half * uy, back.y - half * ux)],
      closed: true)
    return p
  }

  /// A straight arrow from `from` to `to`: a shaft that stops where the head begins, and the head.
  /// Draw the shaft with `stroke` and fill the head.
  public static func arrow(from: Point, to: Point, headLength: Double) -> (shaft: Path, head: Path) {
    let dx = to.x - from.x
    let dy = to.y - from.y
    let length = (dx * dx + dy * dy).squareRoot()
    guard length > 0 else { return (Path(), Path()) }
    let head = min(headLength, 0.6 * length)
    var shaft = Path()
    shaft.polyline([from, Point(to.x - 0.8 * head * dx / length, to.y - 0.8 * head * dy / length)])
    return (shaft, arrowhead(tip: to, direction: (dx, dy), length: head))
  }

  /// An axis-aligned ellipse with semi-axes `rx`, `ry` as a polygon of 96 vertices.
  public static func ellipse(center c: Point, rx: Double, ry: Double) -> Path {
    var p = Path()
    p.polyline(
      (0..<96).map { k in
        let t = Double(k) * 2 * Double.pi / 96
        return Point(c.x + rx * cos(t), c.y + ry * sin(t))
      }, closed: true)
    return p
  }
}
