import Flatland
import Foundation
import Testing

@testable import FlatlandPlot

/// Long routes stay cheap to draw without changing what is drawn: a cycle's retraced segments are
/// stroked once, and Douglas–Peucker on windows keeps every vertex it must.
@Suite struct RoutePathTests {
  /// Lines drawn by a path, as unordered endpoint pairs.
  func segments(_ path: Path) -> [(Point, Point)] {
    var out: [(Point, Point)] = []
    var current: Point?
    for element in path.elements {
      switch element {
      case .move(let p): current = p
      case .line(let p):
        if let c = current { out.append((c, p)) }
        current = p
      default: break
      }
    }
    return out
  }

  @Test func aCycleIsStrokedOnce() {
    // A transient, then 10 000 steps of a 2-cycle between two points.
    var points = [Point(0, 0), Point(10, 5), Point(20, 8)]
    for k in 0..<10_000 { points.append(k % 2 == 0 ? Point(30, 40) : Point(30.05, 10)) }
    let drawn = segments(RoutesFigure.tracedOnce(points))
    #expect(drawn.count == 4)  // three transient segments and the cycle's one
    // Every segment of the route is drawn, to within a quarter pixel.
    for (a, b) in zip(points, points.dropFirst()) {
      func near(_ p: Point, _ q: Point) -> Bool { abs(p.x - q.x) <= 0.25 && abs(p.y - q.y) <= 0.25 }
      let covered = drawn.contains { s in (near(s.0, a) && near(s.1, b)) || (near(s.0, b) && near(s.1, a)) }
      #expect(covered, "segment \(a) → \(b) is not drawn")
    }
  }

  @Test func aRouteThatNeverRepeatsIsOnePolyline() {
    let points = (0..<500).map { Point(Double($0), 100 + 50 * sin(Double($0) / 20)) }
    let path = RoutesFigure.tracedOnce(points)
    #expect(path.elements.count == points.count)  // one move, then every line
  }

  @Test func windowedSimplificationKeepsAZigZagAndItsTolerance() {
    // Every vertex of a zig-zag is far from its chord: all must stay, in windows or not.
    let zigzag = (0..<20_000).map { Point(Double($0) * 0.5, $0 % 2 == 0 ? 0 : 5) }
    #expect(ContourPainter.simplified(zigzag, tolerance: 0.1, window: 512).count == zigzag.count)
    // A smooth curve: windows keep a few more vertices, and every dropped vertex is within the
    // tolerance of the simplified line.
    let curve = (0..<20_000).map { Point(Double($0) * 0.05, 300 * sin(Double($0) / 3000)) }
    let whole = ContourPainter.simplified(curve, tolerance: 0.1, window: 100_000)
    let windowed = ContourPainter.simplified(curve, tolerance: 0.1, window: 512)
    #expect(windowed.count >= whole.count && windowed.count <= whole.count + 20_000 / 512 + 1)
    var j = 0
    for p in curve {
      while j + 1 < windowed.count - 1, windowed[j + 1].x < p.x { j += 1 }
      let a = windowed[j]
      let b = windowed[min(j + 1, windowed.count - 1)]
      let dx: Double = b.x - a.x
      let dy: Double = b.y - a.y
      let length: Double = (dx * dx + dy * dy).squareRoot()
      let cross: Double = (p.x - a.x) * dy - (p.y - a.y) * dx
      let distance = length == 0 ? 0 : abs(cross) / length
      #expect(distance <= 0.1 + 1e-9)
    }
  }
}
