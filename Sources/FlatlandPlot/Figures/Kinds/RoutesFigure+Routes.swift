import Flatland
import Foundation

/// Drawing the routes themselves: halos and nested stripes, fading trails, markers, direction arrows,
/// and the exit marker of a route that leaves the window.
extension RoutesFigure {
  /// All white halos, then all coloured lines (widest for the first method), so routes that
  /// coincide show as nested stripes; then every marker on top of every line.
  func drawRoutes(_ shown: [(Int, MethodGroup)], total: Int, frame: ChartFrame, into inner: inout [Scene.Item]) {
    let s = style.lineScale
    var lines: [(points: [Point], color: Color, width: Double)] = []
    for (index, group) in shown {
      let width = (2.6 + 1.6 * Double(total - 1 - index)) * s
      for trajectory in group.runs {
        let points = ContourPainter.devicePoints(visiblePoints(trajectory, frame: frame), frame: frame, tolerance: 0.2)
        lines.append((points, Palette.method(index), width))
      }
    }
    for line in lines {
      for (segment, alpha) in segments(line.points) {
        inner.append(.stroke(segment, .init(color: .white.withAlpha(0.85 * alpha), width: line.width + 3.2 * s)))
      }
    }
    for line in lines {
      for (segment, alpha) in segments(line.points) {
        inner.append(.stroke(segment, .init(color: line.color.withAlpha(alpha), width: line.width)))
      }
    }
    for (index, group) in shown {
      for trajectory in group.runs {
        drawRouteMarkers(trajectory, color: Palette.method(index), frame: frame, into: &inner)
      }
    }
  }

  /// The route as one path, or for a fading trail as pieces whose opacity grows toward the end.
  func segments(_ points: [Point]) -> [(Path, Double)] {
    switch trail {
    case .solid:
      return [(Self.tracedOnce(points), 1)]
    case .fading:
      let pieces = min(24, max(1, points.count - 1))
      var out: [(Path, Double)] = []
      for k in 0..<pieces {
        let a = k * (points.count - 1) / pieces
        let b = (k + 1) * (points.count - 1) / pieces
        guard b > a else { continue }
        out.append((Self.tracedOnce(points[a...b]), 0.12 + 0.88 * pow(Double(k + 1) / Double(pieces), 1.5)))
      }
      return out
    }
  }

  /// The polyline through `points`, with every segment that retraces one already in the path (to
  /// within a quarter pixel) left out. A route caught in a cycle retraces the same few segments
  /// for as long as it runs, and Cairo's stroker slows down with the square of overlapping edges
  /// (a 100 000-step cycle took 20 s); with round joins and caps, starting a new sub-path where
  /// a repeat is skipped paints the same pixels.
  static func tracedOnce<C: Collection>(_ points: C) -> Path where C.Element == Point {
    func cell(_ p: Point) -> SIMD2<Int64> {
      // Device coordinates are bounded by the figure size; clamping keeps the conversion total.
      func q(_ v: Double) -> Int64 { Int64(Swift.max(-1e15, Swift.min(1e15, (v * 4).rounded()))) }
      return SIMD2(q(p.x), q(p.y))
    }
    var path = Path()
    guard var previous = points.first else { return path }
    path.move(to: previous)
    var seen = Set<RouteSegment>()
    var open = true
    for p in points.dropFirst() {
      let a = cell(previous)
      let b = cell(p)
      let key = (a.x, a.y) < (b.x, b.y) ? RouteSegment(a: a, b: b) : RouteSegment(a: b, b: a)
      if seen.insert(key).inserted {
        if !open { path.move(to: previous) }
        path.line(to: p)
        open = true
      } else {
        open = false
      }
      previous = p
    }
    return path
  }

  func drawRouteMarkers(_ t: Trajectory, color: Color, frame: ChartFrame, into items: inout [Scene.Item]) {
    let s = style.lineScale
    for (tip, direction) in arrowPlacements(t, frame: frame) {
      let head = Marks.arrowhead(tip: tip, direction: direction, length: 15 * s)
      items.append(.stroke(head, .init(color: .white.withAlpha(0.9), width: 2.2 * s)))
      items.append(.fill(head, color, rule: .nonZero))
    }
    var start = Path()
    start.circle(center: frame.point(t.points[0]), radius: 7 * s)
    items.append(.fill(start, .white, rule: .nonZero))
    items.append(.stroke(start, .init(color: color, width: 3 * s)))
    if field.box.contains(t.end) {
      let end = Marks.diamond(at: frame.point(t.end), radius: 8 * s)
      items.append(.fill(end, color, rule: .nonZero))
      items.append(.stroke(end, .init(color: .white, width: 1.6 * s)))
    }
  }

  /// The part of a route worth drawing: all of it, clipped by the plot, unless the run diverged;
  /// a diverged route ends at its first exit from the window (marked there), since the blow-up
  /// outside would otherwise sweep across the whole plot.
  func visiblePoints(_ t: Trajectory, frame: ChartFrame) -> [Vec2] {
    guard case .diverged = t.outcome, let exit = t.points.firstIndex(where: { !field.box.contains($0) }) else {
      return t.points
    }
    return Array(t.points[...exit])
  }

  /// Arrowheads spread along the approach: the part of the route before it first comes within a
  /// few points of where it ends (an orbit or zigzag around a minimum would otherwise take them all).
  func arrowPlacements(_ t: Trajectory, frame: ChartFrame) -> [(Point, (dx: Double, dy: Double))] {
    let s = style.lineScale
    var device = ContourPainter.devicePoints(t.points, frame: frame, tolerance: 0)
    if let exit = device.firstIndex(where: { !frame.rect.contains($0) }) { device = Array(device[..<exit]) }
    guard device.count >= 2 else { return [] }
    let end = frame.point(t.end)
    let near = 12 * s
    let approachEnd = device.firstIndex { hypot($0.x - end.x, $0.y - end.y) < near } ?? device.count - 1
    let approach = Array(device[...max(1, approachEnd)])
    var cumulative = [0.0]
    for k in 1..<approach.count {
      cumulative.append(cumulative[k - 1] + hypot(approach[k].x - approach[k - 1].x, approach[k].y - approach[k - 1].y))
    }
    let total = cumulative[cumulative.count - 1]
    guard total > 40 * s else { return [] }
    let count = max(1, min(4, Int(total / (140 * s))))
    func position(_ arc: Double) -> Point {
      let k = max(1, cumulative.firstIndex { $0 >= arc } ?? cumulative.count - 1)
      let f = (arc - cumulative[k - 1]) / max(1e-12, cumulative[k] - cumulative[k - 1])
      return Point(
        approach[k - 1].x + f * (approach[k].x - approach[k - 1].x),
        approach[k - 1].y + f * (approach[k].y - approach[k - 1].y))
    }
    var result: [(Point, (dx: Double, dy: Double))] = []
    for i in 0..<count {
      let arc = total * (Double(i) + 0.5) / Double(count)
      let window = min(total / 12, 25 * s)
      let a = position(max(0, arc - window))
      let b = position(min(total, arc + window))
      result.append((position(arc), (b.x - a.x, b.y - a.y)))
    }
    return result
  }

  /// A route that leaves the window gets an arrowhead where it crosses the frame.
  func drawExit(_ t: Trajectory, color: Color, frame: ChartFrame, into scene: inout Scene) {
    let window = field.box
    guard let k = t.points.firstIndex(where: { !window.contains($0) }), k > 0 else { return }
    let a = t.points[k - 1]
    let b = t.points[k]
    var tExit = 1.0
    for (p, q, lo, hi) in [(a.x, b.x, window.xmin, window.xmax), (a.y, b.y, window.ymin, window.ymax)] where q != p {
      for bound in [lo, hi] {
        let u = (bound - p) / (q - p)
        if u >= 0, u < tExit, (q - p) * (bound - (lo + hi) / 2) > 0 { tExit = u }
      }
    }
    let crossing = frame.point(a + tExit * (b - a))
    let pa = frame.point(a)
    let pb = frame.point(b)
    let head = Marks.arrowhead(tip: crossing, direction: (pb.x - pa.x, pb.y - pa.y), length: 18 * style.lineScale)
    scene.stroke(head, .init(color: .white, width: 2.5 * style.lineScale))
    scene.fill(head, color)
  }
}

/// A route segment between two quarter-pixel cells, in either direction.
private struct RouteSegment: Hashable {
  var a: SIMD2<Int64>
  var b: SIMD2<Int64>
}
