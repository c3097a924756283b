import Flatland
import Foundation

/// Filled contour bands, contour lines and optional inline value labels for one field in one frame.
struct ContourPainter {
  var field: ScalarField
  var levels: ContourLevels
  var colormap: Colormap
  var style: FigureStyle
  /// Draw the bands (false: lines only, over a heatmap).
  var filled = true
  var lineColor = Color.black.withAlpha(0.28)

  /// Bands and lines, in painting order. Returns the contours so labels can reuse them.
  @discardableResult
  func draw(into items: inout [Scene.Item], frame: ChartFrame) -> [MarchingSquares.LevelContours] {
    let values = levels.levels
    let contours = MarchingSquares.contours(of: field, at: values)
    let points = { (ws: [Vec2], tolerance: Double) in Self.devicePoints(ws, frame: frame, tolerance: tolerance) }
    if filled {
      // Painter's algorithm over nested sub-level sets: the top band first, then {z ≤ l} for each
      // level downwards. Each fill's antialiased edge lies over its neighbouring band, never over the
      // background, so no seams appear between bands.
      let topBand = values.count - 1
      items.append(.fill(Path.rectangle(frame.rect), levels.bandColor(topBand, colormap: colormap), rule: .nonZero))
      let lowest = levels.isLogarithmic ? 0 : 1
      for k in stride(from: values.count - 2, through: lowest, by: -1) {
        var path = Path()
        for loop in contours[k].boundaries { path.polyline(points(loop.points, 0.5), closed: true) }
        if !path.isEmpty { items.append(.fill(path, levels.bandColor(k, colormap: colormap), rule: .evenOdd)) }
      }
    }
    if filled, let undefined = undefinedRegion(frame: frame) {
      items.append(.fill(undefined, Self.undefinedColor, rule: .nonZero))
    }
    var lines = Path()
    for k in values.indices.dropFirst(levels.isLogarithmic ? 0 : 1).dropLast() {
      for line in contours[k].lines { lines.polyline(points(line.points, 0.5), closed: line.closed) }
    }
    items.append(.stroke(lines, .init(color: lineColor, width: 0.9 * style.lineScale, joins: .bevel)))
    return contours
  }

  /// Where the landscape is undefined (NaN, e.g. `log(x)` for x ≤ 0) or overflows (±∞): shown in
  /// neutral grey, never
  /// in a band's colour, so no value is suggested where there is none.
  static let undefinedColor = Color(hex: 0xC8C8C8)

  /// The grid cells with a NaN corner, merged into runs along each row; `nil` when there are none.
  func undefinedRegion(frame: ChartFrame) -> Path? {
    let (nx, ny) = (field.nx, field.ny)
    var path = Path()
    for j in 0..<(ny - 1) {
      var i = 0
      while i < nx - 1 {
        func undefined(_ i: Int) -> Bool {
          !field[i, j].isFinite || !field[i + 1, j].isFinite || !field[i, j + 1].isFinite
            || !field[i + 1, j + 1].isFinite
        }
        guard undefined(i) else {
          i += 1
          continue
        }
        let start = i
        while i < nx - 1, undefined(i) { i += 1 }
        let a = frame.point(Vec2(field.box.xmin + Double(start) * field.dx, field.box.ymin + Double(j) * field.dy))
        let b = frame.point(Vec2(field.box.xmin + Double(i) * field.dx, field.box.ymin + Double(j + 1) * field.dy))
        path.polyline([a, Point(b.x, a.y), b, Point(a.x, b.y)], closed: true)
      }
    }
    return path.isEmpty ? nil : path
  }

  /// Inline labels on the contour lines: on every other level, at the point of its longest line
  /// farthest from the labels already placed; a label whose box would collide with another (or leave
  /// the plot) is skipped. Each sits on a small patch of its band colour, which hides the line.
  @discardableResult
  func drawLabels(
    _ contours: [MarchingSquares.LevelContours], frame: ChartFrame, measurer: TextMeasurer, avoid: [Rect] = [],
    into items: inout [Scene.Item]
  ) -> [Rect] {
    let fonts = style.fonts
    let size = fonts.small * 0.95
    var placed: [Rect] = avoid
    let interior = levels.levels.indices.dropFirst(levels.isLogarithmic ? 0 : 1).dropLast()
    let step = max(1, interior.count / 7)
    for k in interior where (k - interior.lowerBound) % step == 0 {
      let text = labelText(levels.levels[k])
      let extent = measurer.size(of: text, size: size)
      let candidates = contours[k].lines.sorted { $0.points.count > $1.points.count }.prefix(3)
      var best: (point: Point, angle: Double, score: Double)?
      for line in candidates {
        let device = Self.devicePoints(line.points, frame: frame, tolerance: 0.5)
        guard device.count >= 8 else { continue }
        for index in stride(from: device.count / 8, to: device.count - device.count / 8, by: max(1, device.count / 24))
        {
          let p = device[index]
          let box = Rect(
            x: p.x - extent.width / 2 - 2, y: p.y - extent.height / 2 - 1, width: extent.width + 4,
            height: extent.height + 2)
          guard frame.rect.contains(Point(box.x, box.y)), frame.rect.contains(Point(box.maxX, box.maxY)),
            !placed.contains(where: { $0.intersects(box) })
          else { continue }
          let distance = placed.map { hypot($0.center.x - p.x, $0.center.y - p.y) }.min() ?? 1e9
          let a = device[max(0, index - 3)]
          let b = device[min(device.count - 1, index + 3)]
          var angle = atan2(-(b.y - a.y), b.x - a.x)
          if angle > Double.pi / 2 { angle -= Double.pi }
          if angle < -Double.pi / 2 { angle += Double.pi }
          if best == nil || distance > best!.score { best = (p, angle, distance) }
        }
      }
      guard let best else { continue }
      let box = Rect(
        x: best.point.x - extent.width / 2 - 2, y: best.point.y - extent.height / 2 - 1, width: extent.width + 4,
        height: extent.height + 2)
      placed.append(box)
      let band = levels.bandColor(k, colormap: colormap)
      // A patch of the band colour under the text, turned with it, hides the line there.
      let (c, s) = (cos(best.angle), sin(best.angle))
      let (hw, hh) = (extent.width / 2 + 2, extent.height / 2)
      var patch = Path()
      patch.polyline(
        [(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)].map { dx, dy in
          Point(best.point.x + dx * c + dy * s, best.point.y - dx * s + dy * c)
        }, closed: true)
      items.append(.fill(patch, band, rule: .nonZero))
      let ink: Color = band.luminance > 0.2 ? .ink : .white
      items.append(
        .text(
          .init(
            text, at: best.point, size: size, color: ink, horizontal: .center, vertical: .middle, rotation: best.angle))
      )
    }
    return Array(placed.dropFirst(avoid.count))
  }

  func labelText(_ level: Double) -> String {
    switch levels.scale {
    case .linear: return numberMarkup(level)
    case .logarithmic(let offset):
      let v = level - offset
      let k = Int(log10(v).rounded())
      if abs(v - pow(10, Double(k))) < 1e-9 * v { return decadeMarkup(k) }
      return numberMarkup(v)
    }
  }

  /// Device points of a data polyline, simplified: vertices closer than `tolerance` to the last kept
  /// one are dropped, then Douglas–Peucker removes every vertex within `tolerance` of the line
  /// through its neighbours (a grid finer than the output adds nothing but bytes to SVG and PDF, and
  /// time to every fill and stroke).
  static func devicePoints(_ ws: [Vec2], frame: ChartFrame, tolerance: Double) -> [Point] {
    var out: [Point] = []
    out.reserveCapacity(ws.count)
    for (k, w) in ws.enumerated() {
      let p = frame.point(w)
      if let last = out.last, k != ws.count - 1, abs(p.x - last.x) < tolerance, abs(p.y - last.y) < tolerance {
        continue
      }
      out.append(p)
    }
    return tolerance > 0 ? simplified(out, tolerance: tolerance * 0.5) : out
  }

  /// Douglas–Peucker with an explicit stack (no recursion depth limit on long contours), run on
  /// windows of at most `window` points whose ends are kept. Douglas–Peucker costs the square of
  /// the length when every vertex must stay (a route zig-zagging in a cycle: 100 000 steps took
  /// 60 s); windows bound it by `n·window` and keep a few more vertices, each exactly on the line.
  static func simplified(_ points: [Point], tolerance: Double, window: Int = 2048) -> [Point] {
    guard points.count > 2 else { return points }
    var keep = [Bool](repeating: false, count: points.count)
    keep[0] = true
    keep[points.count - 1] = true
    var stack: [(Int, Int)] = []
    var start = 0
    while start < points.count - 1 {
      let end = Swift.min(points.count - 1, start + window)
      keep[end] = true
      stack.append((start, end))
      start = end
    }
    let t2 = tolerance * tolerance
    while let (a, b) = stack.popLast() {
      guard b > a + 1 else { continue }
      let (ax, ay) = (points[a].x, points[a].y)
      let (dx, dy) = (points[b].x - ax, points[b].y - ay)
      let length2 = dx * dx + dy * dy
      var worst = -1.0
      var index = a
      for k in (a + 1)..<b {
        let (px, py) = (points[k].x - ax, points[k].y - ay)
        let d2: Double
        if length2 == 0 {
          d2 = px * px + py * py
        } else {
          let cross = px * dy - py * dx
          d2 = cross * cross / length2
        }
        if d2 > worst {
          worst = d2
          index = k
        }
      }
      if worst > t2 {
        keep[index] = true
        stack.append((a, index))
        stack.append((index, b))
      }
    }
    return points.indices.filter { keep[$0] }.map { points[$0] }
  }
}

extension Rect {
  func intersects(_ o: Rect) -> Bool { x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY }
}
