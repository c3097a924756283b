import Flatland
import Foundation

/// The landscape-with-routes figure: filled contour bands and lines (optionally labelled), a
/// colorbar, the known minima, and every trajectory with start, end and direction markers, plus a
/// legend that names each method with its hyperparameters and says how each run ended. One panel,
/// or one panel per method sharing axes and colorbar.
///
/// ```swift
/// let field = ScalarField(sampling: landscape, over: landscape.info.window, nx: 400, ny: 400)
/// var figure = RoutesFigure(landscape: landscape.info, field: field, trajectories: runs)
/// figure.style = .paper
/// let pdf = try CairoRenderer.render(figure.scene(), as: .pdf)
/// ```
public struct RoutesFigure {
  public var info: LandscapeInfo
  public var field: ScalarField
  public var levels: ContourLevels
  public var trajectories: [Trajectory]
  public var style: FigureStyle = .standard
  public var colormap: Colormap = .viridis
  /// Pango markup; defaults to the landscape's name and formula.
  public var title: String?
  /// Small print under the legend (steps, noise, seed), for reproducibility.
  public var footnote: String?
  /// Inline value labels on the contour lines.
  public var contourLabels = false
  /// How routes are drawn.
  public var trail: Trail = .solid
  /// One panel for all methods, or one per method.
  public var panels: Panels = .single
  /// With several panels: tick labels on every panel instead of only the outer ones.
  public var independentAxes = false
  /// Axis labels as Pango markup (`MathText.markup("$w_1$")`); default *x* and *y*.
  public var axisLabels = AxisLabels()

  public typealias Trail = TrailStyle

  public enum Panels: Sendable, Equatable {
    case single
    /// One panel per method, in `columns` columns (nil: as square a grid as possible).
    case perMethod(columns: Int?)
  }

  public init(
    landscape info: LandscapeInfo, field: ScalarField, trajectories: [Trajectory], levels: ContourLevels? = nil
  ) {
    self.info = info
    self.field = field
    self.trajectories = trajectories
    self.levels = levels ?? .automatic(for: info, field: field)
  }

  /// Sets the size, scaling type and lines with it (`style.resized`).
  public mutating func resize(width: Double, height: Double) {
    style = style.resized(width: width, height: height)
  }

  /// Builds the scene. Text is measured with the engine that will draw it.
  public func scene(measurer: TextMeasurer = TextMeasurer()) -> Scene {
    let groups = methodGroups()
    let axes = AxesPainter(style: style, measurer: measurer)
    let xTicks = AxisScale(field.box.xmin, field.box.xmax).ticks()
    let yTicks = AxisScale(field.box.ymin, field.box.ymax).ticks()
    let colorbar = Colorbar(
      kind: .levels(levels), colormap: colormap, label: colorbarLabel, style: style, measurer: measurer)
    var legend = Legend(entries: legendEntries(groups), style: style, measurer: measurer)
    if !style.legendBelow, legend.columnWidth > 0.28 * style.width {
      // A legend too wide for its column is set smaller rather than cut.
      var smaller = style
      smaller.fontScale *= max(0.6, 0.28 * style.width / legend.columnWidth)
      legend.style = smaller
    }
    let titleMarkup = title ?? "<b>\(escapeMarkup(info.name))</b>   \(info.titleMarkup)"
    let (rows, columns) = grid(groups.count)
    let perMethod = rows * columns > 1
    let header = perMethod ? measurer.size(of: "(a) X", size: style.fonts.legend).height + 6 * style.fontScale : 0
    let aspect = field.box.width / field.box.height
    let layouter = FigureLayout(
      style: style, measurer: measurer, title: titleMarkup.isEmpty ? nil : titleMarkup, rows: rows, columns: columns,
      aspect: aspect > 0.5 && aspect < 2 ? aspect : nil,
      leftMargin: axes.leftMargin(yTicks: yTicks, yLabel: axisLabels.y, rotated: false),
      bottomMargin: axes.bottomMargin(xLabel: axisLabels.x), sharedAxes: perMethod && !independentAxes,
      panelHeader: header,
      colorbarWidth: colorbar.width, legend: legend
    )
    let layout = layouter.compute()
    var scene = layouter.scene(layout)
    for (p, rect) in layout.panels.enumerated() {
      let shown = perMethod ? (p < groups.count ? [p] : []) : Array(groups.indices)
      if perMethod && shown.isEmpty { continue }
      let frame = ChartFrame(window: field.box, rect: rect)
      drawPanel(frame, methods: shown, groups: groups, measurer: measurer, into: &scene)
      let column = p % columns
      let row = p / columns
      let lastInColumn = perMethod ? (row == rows - 1 || p + columns >= groups.count) : true
      axes.draw(
        frame, xTicks: xTicks, yTicks: yTicks, xLabel: axisLabels.x, yLabel: axisLabels.y,
        labelX: lastInColumn || independentAxes,
        labelY: column == 0 || independentAxes, into: &scene)
      if perMethod {
        let letter = "(\(String(UnicodeScalar(UInt8(97 + p % 26)))))"
        scene.text(
          .init(
            "<b>\(letter)</b>  \(groups[p].method.legendName)",
            at: Point(rect.x, rect.y - 4 * style.fontScale), size: style.fonts.legend, vertical: .bottom))
      }
    }
    if let bar = layout.colorbar { colorbar.draw(in: bar, into: &scene) }
    legend.draw(
      at: layout.legendOrigin, columns: layout.legendColumns, columnWidth: layout.legendColumnWidth, into: &scene)
    return scene
  }

  /// Rows and columns of the panel grid.
  func grid(_ methods: Int) -> (rows: Int, columns: Int) {
    guard case .perMethod(let requested) = panels, methods > 1 else { return (1, 1) }
    let columns = max(1, min(methods, requested ?? Int(Double(methods).squareRoot().rounded(.up))))
    return ((methods + columns - 1) / columns, columns)
  }

  var colorbarLabel: String {
    switch levels.scale {
    case .linear: return "<i>L</i>(\(axisLabels.x), \(axisLabels.y))"
    case .logarithmic(let offset):
      return offset == 0
        ? "<i>L</i>(\(axisLabels.x), \(axisLabels.y))   (log scale)" : "<i>L</i> − <i>L</i><sub>min</sub>   (log scale)"
    }
  }

  func drawPanel(
    _ frame: ChartFrame, methods shown: [Int], groups: [MethodGroup], measurer: TextMeasurer, into scene: inout Scene
  ) {
    var inner: [Scene.Item] = []
    let painter = ContourPainter(field: field, levels: levels, colormap: colormap, style: style)
    let contours = painter.draw(into: &inner, frame: frame)
    if contourLabels {
      painter.drawLabels(contours, frame: frame, measurer: measurer, into: &inner)
    }
    drawRoutes(shown.map { ($0, groups[$0]) }, total: groups.count, frame: frame, into: &inner)
    let s = style.lineScale
    for minimum in info.minima where field.box.contains(minimum.location) {
      let p = frame.point(minimum.location)
      inner.append(.fill(Marks.star(at: p, radius: 9 * s), .white, rule: .nonZero))
      inner.append(.stroke(Marks.star(at: p, radius: 9 * s), .init(color: .ink, width: 1.3 * s)))
    }
    drawStartNumbers(shown.flatMap { groups[$0].runs }, frame: frame, measurer: measurer, into: &inner)
    scene.items.append(.clipped(frame.rect, inner))
    for index in shown {
      for trajectory in groups[index].runs {
        drawExit(trajectory, color: Palette.method(index), frame: frame, into: &scene)
      }
    }
  }

  /// With several starts, each start's number (as the legend's "start k" counts them) on a white
  /// tag beside its circle, once however many methods leave from it.
  func drawStartNumbers(_ runs: [Trajectory], frame: ChartFrame, measurer: TextMeasurer, into items: inout [Scene.Item])
  {
    var starts: [(run: Int, point: Vec2)] = []
    for t in trajectories where !starts.contains(where: { $0.run == t.run }) { starts.append((t.run, t.points[0])) }
    guard starts.count > 1 else { return }
    let s = style.lineScale
    let size = style.fonts.legend * 0.85
    for (run, point) in starts where runs.contains(where: { $0.run == run }) && field.box.contains(point) {
      let p = frame.point(point)
      let text = "<b>\(run + 1)</b>"
      let box = measurer.size(of: text, size: size)
      var tag = Rect(
        x: p.x + 8 * s, y: p.y - 8 * s - box.height, width: box.width + 6 * style.fontScale,
        height: box.height)
      // Kept inside the plot: to the left of a start near the right edge, below one near the top.
      if tag.maxX > frame.rect.maxX { tag.x = p.x - 8 * s - tag.width }
      if tag.y < frame.rect.y { tag.y = p.y + 8 * s }
      items.append(.fill(Path.rectangle(tag), .white.withAlpha(0.85), rule: .nonZero))
      items.append(
        .text(.init(text, at: Point(tag.x + 3 * style.fontScale, tag.y), size: size, vertical: .top)))
    }
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

  func legendEntries(_ groups: [MethodGroup]) -> [Legend.Entry] {
    var entries: [Legend.Entry] = []
    for (i, group) in groups.enumerated() {
      let parameters = Self.wrapped(
        group.method.hyperparameters.map(\.description))
      let outcomes = group.runs.map { run in
        (group.runs.count > 1 ? "start \(run.run + 1): " : "") + run.outcome.summary(minima: info.minima)
      }
      let name = "<b>\(group.method.legendName)</b>"
      if style.legendBelow, parameters.count == 1 {
        // Paper columns are short of height: the hyperparameters share the name's line.
        entries.append(
          Legend.Entry(
            swatch: .route(Palette.method(i)),
            title: name + "  <span size=\"smaller\">\(escapeMarkup(parameters[0]))</span>",
            details: outcomes.map(escapeMarkup)))
      } else {
        entries.append(
          Legend.Entry(
            swatch: .route(Palette.method(i)), title: name, details: (parameters + outcomes).map(escapeMarkup),
            blackDetails: parameters.count))
      }
    }
    if info.minima.contains(where: { field.box.contains($0.location) }) {
      entries.append(Legend.Entry(swatch: .star, title: "known minimum"))
    }
    let nan = field.values.contains(where: \.isNaN)
    let infinite = field.values.contains(where: \.isInfinite)
    if nan || infinite {
      let title =
        nan && infinite
        ? "<i>L</i> undefined (NaN) or overflowing (±∞)" : nan ? "<i>L</i> undefined (NaN)" : "<i>L</i> overflows (±∞)"
      entries.append(Legend.Entry(swatch: .patch(ContourPainter.undefinedColor), title: title))
    }
    let footer = (footnote?.split(separator: "\n").map { escapeMarkup(String($0)) }) ?? []
    entries.append(Legend.Entry(swatch: .none, title: "○ start   ◆ end   ➤ direction", details: footer))
    return entries
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
}
