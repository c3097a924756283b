import Dispatch
import Flatland
import Foundation

/// The landscape-with-routes figure: filled contour bands and lines, a colorbar, the known minima,
/// and every trajectory with start, end and direction markers, plus a legend that names each method
/// with its hyperparameters and says how each run ended.
///
/// ```swift
/// let field = ScalarField(sampling: landscape, over: landscape.info.window, nx: 400, ny: 400)
/// let figure = RoutesFigure(landscape: landscape.info, field: field, trajectories: runs)
/// let png = try CairoRenderer.render(figure.scene(), as: .png)
/// ```
public struct RoutesFigure {
  public var info: LandscapeInfo
  public var field: ScalarField
  public var levels: ContourLevels
  public var trajectories: [Trajectory]
  public var width: Double = 1200
  public var height: Double = 900
  public var colormap: Colormap = .viridis
  /// Pango markup; defaults to the landscape's name and formula.
  public var title: String?
  /// Small print under the legend (steps, noise, seed), for reproducibility.
  public var footnote: String?

  public init(
    landscape info: LandscapeInfo, field: ScalarField, trajectories: [Trajectory], levels: ContourLevels? = nil
  ) {
    self.info = info
    self.field = field
    self.trajectories = trajectories
    self.levels = levels ?? .automatic(for: info, field: field)
  }

  /// Builds the scene. Text is measured with the engine that will draw it.
  public func scene(measurer: TextMeasurer = TextMeasurer()) -> Scene {
    let s = min(width / 1200, height / 900)
    let fonts = Fonts(scale: s)
    var scene = Scene(width: width, height: height)
    let methods = methodGroups()

    // --- Layout: title on top, axes left and bottom, colorbar and legend on the right.
    let titleMarkup = title ?? "<b>\(escapeMarkup(info.name))</b>   \(info.titleMarkup)"
    let titleHeight = measurer.size(of: titleMarkup, size: fonts.title).height
    let xTicks = NiceNumbers.ticks(field.box.xmin, field.box.xmax)
    let yTicks = NiceNumbers.ticks(field.box.ymin, field.box.ymax)
    let yLabelWidth = yTicks.map { measurer.size(of: tickLabel($0), size: fonts.tick).width }.max() ?? 0
    let tickHeight = measurer.size(of: "0", size: fonts.tick).height
    let colorbarTicks = colorbarTickMarks()
    let colorbarLabelWidth = colorbarTicks.map { measurer.size(of: $0.label, size: fonts.tick).width }.max() ?? 0
    // The legend gets a fixed column, so the plot sits in the same place whatever the legend says
    // (consecutive slides of one landscape line up); a legend too wide for it is set smaller.
    let legendWidth = 0.28 * width
    func widest(_ lines: [LegendLine]) -> Double {
      lines.map { measurer.size(of: $0.markup, size: $0.size, bold: $0.bold).width + $0.indent }.max() ?? 0
    }
    var legend = legendLines(methods, fonts: fonts)
    let natural = widest(legend)
    if natural > legendWidth {
      legend = legendLines(methods, fonts: Fonts(scale: s * max(0.6, legendWidth / natural)))
    }

    let top = 24 * s + titleHeight + 18 * s
    let bottom = tickHeight + 8 * s + tickHeight * 1.3 + 24 * s
    var left = 24 * s + tickHeight * 1.2 + 10 * s + yLabelWidth + 10 * s
    let colorbarWidth = 22 * s
    let right =
      30 * s + colorbarWidth + 8 * s + colorbarLabelWidth + 10 * s + tickHeight * 1.3 + 34 * s + legendWidth + 24 * s
    var plotWidth = max(50, width - left - right)
    var plotHeight = max(50, height - top - bottom)
    let aspect = field.box.width / field.box.height
    if aspect > 0.5 && aspect < 2 {  // equal scaling on both axes when the window is not too skewed
      if plotWidth / plotHeight > aspect { plotWidth = plotHeight * aspect } else { plotHeight = plotWidth / aspect }
    }
    left += max(0, (width - left - right - plotWidth) / 2)
    let plotTop = top + max(0, (height - top - bottom - plotHeight) / 2)
    let plot = Rect(x: left, y: plotTop, width: plotWidth, height: plotHeight)
    let frame = PlotFrame(window: field.box, rect: plot)

    // --- Title.
    scene.text(.init(titleMarkup, at: Point(width / 2, 24 * s), size: fonts.title, horizontal: .center, vertical: .top))

    // --- Plot contents, clipped to the axes.
    var inner: [Scene.Item] = []
    drawContours(into: &inner, frame: frame, s: s)
    // All white halos, then all coloured lines (widest for the first method), so routes that
    // coincide show as nested stripes; then every marker on top of every line.
    var lines: [(path: Path, color: Color, width: Double)] = []
    for (index, group) in methods.enumerated() {
      let width = (2.6 + 1.6 * Double(methods.count - 1 - index)) * s
      for trajectory in group.runs {
        lines.append((routePath(trajectory, frame: frame), Palette.method(index), width))
      }
    }
    for line in lines {
      inner.append(.stroke(line.path, .init(color: .white.withAlpha(0.85), width: line.width + 3.2 * s)))
    }
    for line in lines { inner.append(.stroke(line.path, .init(color: line.color, width: line.width))) }
    for (index, group) in methods.enumerated() {
      for trajectory in group.runs {
        drawRouteMarkers(trajectory, color: Palette.method(index), frame: frame, s: s, into: &inner)
      }
    }
    for minimum in info.minima where field.box.contains(minimum.location) {
      let p = frame.point(minimum.location)
      inner.append(.fill(Marks.star(at: p, radius: 9 * s), .white, rule: .nonZero))
      inner.append(.stroke(Marks.star(at: p, radius: 9 * s), .init(color: .ink, width: 1.3 * s)))
    }
    scene.items.append(.clipped(plot, inner))
    for (index, group) in methods.enumerated() {
      for trajectory in group.runs {
        drawExit(trajectory, color: Palette.method(index), frame: frame, s: s, into: &scene)
      }
    }

    // --- Axes frame, ticks and labels.
    scene.stroke(Path.rectangle(plot), .init(color: .ink, width: 1.2 * s, joins: .miter))
    let tickLength = 6 * s
    for x in xTicks {
      let p = frame.point(Vec2(x, field.box.ymin))
      var path = Path()
      path.polyline([p, Point(p.x, p.y + tickLength)])
      scene.stroke(path, .init(color: .ink, width: 1.1 * s))
      scene.text(
        .init(
          tickLabel(x), at: Point(p.x, p.y + tickLength + 3 * s), size: fonts.tick, horizontal: .center, vertical: .top)
      )
    }
    for y in yTicks {
      let p = frame.point(Vec2(field.box.xmin, y))
      var path = Path()
      path.polyline([p, Point(p.x - tickLength, p.y)])
      scene.stroke(path, .init(color: .ink, width: 1.1 * s))
      scene.text(
        .init(
          tickLabel(y), at: Point(p.x - tickLength - 4 * s, p.y), size: fonts.tick, horizontal: .right,
          vertical: .middle))
    }
    scene.text(
      .init(
        "<i>x</i>", at: Point(plot.center.x, plot.maxY + tickLength + tickHeight + 10 * s), size: fonts.label,
        horizontal: .center, vertical: .top))
    scene.text(
      .init(
        "<i>y</i>", at: Point(plot.x - tickLength - yLabelWidth - 16 * s, plot.center.y), size: fonts.label,
        horizontal: .right, vertical: .middle))

    // --- Colorbar.
    let bar = Rect(x: plot.maxX + 30 * s, y: plot.y, width: colorbarWidth, height: plot.height)
    drawColorbar(bar, ticks: colorbarTicks, fonts: fonts, s: s, labelOffset: colorbarLabelWidth, into: &scene)

    // --- Legend.
    let legendX = bar.maxX + 8 * s + colorbarLabelWidth + 10 * s + tickHeight * 1.3 + 34 * s
    drawLegend(legend, methods: methods, at: Point(legendX, plot.y), s: s, measurer: measurer, into: &scene)
    return scene
  }

  // MARK: - Methods and legend

  struct MethodGroup {
    var method: Method
    var runs: [Trajectory]
  }

  /// Trajectories grouped by method (one colour each), in first-appearance order.
  func methodGroups() -> [MethodGroup] {
    var groups: [MethodGroup] = []
    for t in trajectories {
      if let i = groups.firstIndex(where: { $0.method == t.method }) {
        groups[i].runs.append(t)
      } else {
        groups.append(MethodGroup(method: t.method, runs: [t]))
      }
    }
    return groups
  }

  struct Fonts {
    var title, label, tick, legend, small: Double
    init(scale s: Double) {
      title = 24 * s
      label = 21 * s
      tick = 16 * s
      legend = 17 * s
      small = 14 * s
    }
  }

  struct LegendLine {
    enum Kind {
      case method(Int)
      case parameters, detail, minimum, note
    }
    var kind: Kind
    var markup: String
    var size: Double
    var bold: Bool
    var indent: Double
  }

  func legendLines(_ groups: [MethodGroup], fonts: Fonts) -> [LegendLine] {
    let indent = 52 * fonts.legend / 17
    var lines: [LegendLine] = []
    for (i, group) in groups.enumerated() {
      let parameters = Self.wrapped(
        group.method.hyperparameters.map { $0.symbol.isEmpty ? $0.text : "\($0.symbol) = \($0.text)" })
      lines.append(
        LegendLine(
          kind: .method(i), markup: "<b>\(escapeMarkup(group.method.displayName))</b>", size: fonts.legend,
          bold: false, indent: indent))
      for text in parameters {
        lines.append(
          LegendLine(kind: .parameters, markup: escapeMarkup(text), size: fonts.small, bold: false, indent: indent))
      }
      for run in group.runs {
        let prefix = group.runs.count > 1 ? "start \(run.run + 1): " : ""
        lines.append(
          LegendLine(
            kind: .detail, markup: escapeMarkup(prefix + run.outcome.summary(minima: info.minima)),
            size: fonts.small, bold: false, indent: indent))
      }
    }
    if info.minima.contains(where: { field.box.contains($0.location) }) {
      lines.append(LegendLine(kind: .minimum, markup: "known minimum", size: fonts.legend, bold: false, indent: indent))
    }
    lines.append(
      LegendLine(kind: .note, markup: "○ start   ◆ end   ➤ direction", size: fonts.small, bold: false, indent: 0))
    if let footnote {
      for line in footnote.split(separator: "\n") {
        lines.append(LegendLine(kind: .note, markup: String(line), size: fonts.small, bold: false, indent: 0))
      }
    }
    return lines
  }

  /// Joins items with ", " into lines of at most `width` characters, so long method descriptions
  /// wrap instead of shrinking the whole legend.
  static func wrapped(_ items: [String], width: Int = 44) -> [String] {
    var lines: [String] = []
    var current = ""
    for item in items {
      if current.isEmpty {
        current = item
      } else if current.count + 2 + item.count <= width {
        current += ", " + item
      } else {
        lines.append(current + ",")
        current = item
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  func drawLegend(
    _ lines: [LegendLine], methods: [MethodGroup], at origin: Point, s: Double, measurer: TextMeasurer,
    into scene: inout Scene
  ) {
    var y = origin.y
    for line in lines {
      let h = measurer.size(of: line.markup, size: line.size, bold: line.bold).height
      switch line.kind {
      case .method(let i):
        y += 6 * s
        let midY = y + h / 2
        let color = Palette.method(i)
        var sample = Path()
        sample.polyline([Point(origin.x + 4 * s, midY), Point(origin.x + 40 * s, midY)])
        scene.stroke(sample, .init(color: .white.withAlpha(0.9), width: 6 * s))
        scene.stroke(sample, .init(color: color, width: 3 * s))
        var start = Path()
        start.circle(center: Point(origin.x + 6 * s, midY), radius: 5 * s)
        scene.fill(start, .white)
        scene.stroke(start, .init(color: color, width: 2.2 * s))
        scene.fill(Marks.diamond(at: Point(origin.x + 38 * s, midY), radius: 6 * s), color)
      case .minimum:
        y += 10 * s
        let c = Point(origin.x + 22 * s, y + h / 2)
        scene.fill(Marks.star(at: c, radius: 9 * s), .white)
        scene.stroke(Marks.star(at: c, radius: 9 * s), .init(color: .ink, width: 1.3 * s))
      case .note:
        y += 8 * s
      case .detail, .parameters:
        break
      }
      let color: Color = { if case .detail = line.kind { return Color(hex: 0x555555) } else { return .ink } }()
      scene.text(
        .init(
          line.markup, at: Point(origin.x + line.indent, y), size: line.size, color: color, vertical: .top,
          bold: line.bold))
      y += h + 2 * s
    }
  }

  // MARK: - Contours and colorbar

  func drawContours(into items: inout [Scene.Item], frame: PlotFrame, s: Double) {
    let values = levels.levels
    let contours = MarchingSquares.contours(of: field, at: values)
    // Painter's algorithm over nested sub-level sets: the top band first, then {z ≤ l} for each
    // level downwards. Each fill's antialiased edge lies over its neighbouring band, never over the
    // background, so no seams appear between bands.
    let topBand = values.count - 1
    items.append(.fill(Path.rectangle(frame.rect), levels.bandColor(topBand, colormap: colormap), rule: .nonZero))
    let lowest = levels.isLogarithmic ? 0 : 1
    for k in stride(from: values.count - 2, through: lowest, by: -1) {
      var path = Path()
      for loop in contours[k].boundaries { path.polyline(frame.points(loop.points), closed: true) }
      if !path.isEmpty { items.append(.fill(path, levels.bandColor(k, colormap: colormap), rule: .evenOdd)) }
    }
    var lines = Path()
    for k in values.indices.dropFirst().dropLast() {
      for line in contours[k].lines { lines.polyline(frame.points(line.points), closed: line.closed) }
    }
    items.append(.stroke(lines, .init(color: Color.black.withAlpha(0.28), width: 0.9 * s, joins: .bevel)))
  }

  struct ColorbarTick {
    var position: Double
    var label: String
    var major: Bool
  }

  func colorbarTickMarks() -> [ColorbarTick] {
    guard let lo = levels.levels.first, let hi = levels.levels.last else { return [] }
    switch levels.scale {
    case .linear:
      return NiceNumbers.ticks(lo, hi, target: 7).map {
        ColorbarTick(position: levels.axisPosition($0), label: tickLabel($0), major: true)
      }
    case .logarithmic(let offset):
      var ticks: [ColorbarTick] = []
      let a = lo - offset
      let b = hi - offset
      var k = Int(floor(log10(a)))
      while pow(10, Double(k)) <= b * (1 + 1e-9) {
        for m in 1...9 {
          let v = Double(m) * pow(10, Double(k))
          guard v >= a * (1 - 1e-9), v <= b * (1 + 1e-9) else { continue }
          let label = m == 1 ? decadeLabel(k) : ""
          ticks.append(ColorbarTick(position: levels.axisPosition(offset + v), label: label, major: m == 1))
        }
        k += 1
      }
      return ticks
    }
  }

  func decadeLabel(_ k: Int) -> String {
    if k == 0 { return "1" }
    if k == 1 { return "10" }
    return "10<sup>\(k < 0 ? "−" : "")\(abs(k))</sup>"
  }

  func drawColorbar(
    _ bar: Rect, ticks: [ColorbarTick], fonts: Fonts, s: Double, labelOffset: Double, into scene: inout Scene
  ) {
    let values = levels.levels
    for k in 1..<values.count {
      let y0 = bar.maxY - levels.axisPosition(values[k - 1]) * bar.height
      let y1 = bar.maxY - levels.axisPosition(values[k]) * bar.height
      // Overlap by half a pixel so antialiased edges of neighbouring bands leave no seam.
      scene.fill(
        Path.rectangle(Rect(x: bar.x, y: y1 - 0.5, width: bar.width, height: y0 - y1 + (k == 1 ? 0.5 : 1))),
        levels.bandColor(k, colormap: colormap))
    }
    var outline = Path.rectangle(bar)
    if levels.isLogarithmic {
      // The band below the lowest level: an "extend" tip under the bar.
      var tip = Path()
      tip.polyline(
        [Point(bar.x, bar.maxY), Point(bar.maxX, bar.maxY), Point(bar.center.x, bar.maxY + 16 * s)], closed: true)
      scene.fill(tip, levels.bandColor(0, colormap: colormap))
      outline = Path()
      outline.polyline(
        [
          Point(bar.x, bar.y), Point(bar.maxX, bar.y), Point(bar.maxX, bar.maxY),
          Point(bar.center.x, bar.maxY + 16 * s), Point(bar.x, bar.maxY),
        ],
        closed: true)
    }
    scene.stroke(outline, .init(color: .ink, width: 1 * s, joins: .miter))
    for tick in ticks {
      let y = bar.maxY - tick.position * bar.height
      var path = Path()
      path.polyline([Point(bar.maxX, y), Point(bar.maxX + (tick.major ? 6 : 3.5) * s, y)])
      scene.stroke(path, .init(color: .ink, width: 1 * s))
      if !tick.label.isEmpty {
        scene.text(.init(tick.label, at: Point(bar.maxX + 9 * s, y), size: fonts.tick, vertical: .middle))
      }
    }
    let label: String
    switch levels.scale {
    case .linear: label = "<i>L</i>(<i>x</i>, <i>y</i>)"
    case .logarithmic(let offset):
      label =
        offset == 0 ? "<i>L</i>(<i>x</i>, <i>y</i>)   (log scale)" : "<i>L</i> − <i>L</i><sub>min</sub>   (log scale)"
    }
    scene.text(
      .init(
        label, at: Point(bar.maxX + 9 * s + labelOffset + 10 * s, bar.center.y), size: fonts.tick,
        horizontal: .center, vertical: .top, rotation: Double.pi / 2))
  }

  // MARK: - Routes

  /// The device-space path of a route's visible part.
  func routePath(_ t: Trajectory, frame: PlotFrame) -> Path {
    var route = Path()
    route.polyline(frame.points(visiblePoints(t, frame: frame), tolerance: 0.2))
    return route
  }

  func drawRouteMarkers(_ t: Trajectory, color: Color, frame: PlotFrame, s: Double, into items: inout [Scene.Item]) {
    for (tip, direction) in arrowPlacements(t, frame: frame, s: s) {
      let head = Marks.arrowhead(tip: tip, direction: direction, length: 15 * s)
      items.append(.stroke(head, .init(color: .white.withAlpha(0.9), width: 2.2 * s)))
      items.append(.fill(head, color, rule: .nonZero))
    }
    var start = Path()
    start.circle(center: frame.point(t.points[0]), radius: 7 * s)
    items.append(.fill(start, .white, rule: .nonZero))
    items.append(.stroke(start, .init(color: color, width: 3 * s)))
    if frame.window.contains(t.end) {
      let end = Marks.diamond(at: frame.point(t.end), radius: 8 * s)
      items.append(.fill(end, color, rule: .nonZero))
      items.append(.stroke(end, .init(color: .white, width: 1.6 * s)))
    }
  }

  /// The part of a route worth drawing: all of it, clipped by the plot, unless the run diverged;
  /// a diverged route ends at its first exit from the window (marked there), since the blow-up
  /// outside would otherwise sweep across the whole plot.
  func visiblePoints(_ t: Trajectory, frame: PlotFrame) -> [Vec2] {
    guard case .diverged = t.outcome, let exit = t.points.firstIndex(where: { !frame.window.contains($0) }) else {
      return t.points
    }
    return Array(t.points[...exit])
  }

  /// Arrowheads spread along the approach: the part of the route before it first comes within a
  /// few pixels of where it ends (an orbit or zigzag around a minimum would otherwise take them all).
  func arrowPlacements(_ t: Trajectory, frame: PlotFrame, s: Double) -> [(Point, (dx: Double, dy: Double))] {
    var device = frame.points(t.points, tolerance: 0)
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
  func drawExit(_ t: Trajectory, color: Color, frame: PlotFrame, s: Double, into scene: inout Scene) {
    guard let k = t.points.firstIndex(where: { !frame.window.contains($0) }), k > 0 else { return }
    let a = t.points[k - 1]
    let b = t.points[k]
    let window = frame.window
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
    let head = Marks.arrowhead(tip: crossing, direction: (pb.x - pa.x, pb.y - pa.y), length: 18 * s)
    scene.stroke(head, .init(color: .white, width: 2.5 * s))
    scene.fill(head, color)
  }

  func tickLabel(_ v: Double) -> String {
    formatShort(v).replacingOccurrences(of: "-", with: "−")
  }
}
