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
}
