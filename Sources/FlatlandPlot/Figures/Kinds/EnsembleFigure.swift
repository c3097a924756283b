import Flatland
import Foundation

/// An ensemble of noisy runs: one panel per method with the landscape's contours, a bundle of its
/// routes and the end of every run; then three charts the methods share — the share of runs per
/// basin with 95% Wilson whiskers, and histograms of λ_max and λ_min of the Hessian at the ends
/// (the SAM paper's spectrum figure, in 2D), each known minimum's own value marked.
public struct EnsembleFigure {
  public var info: LandscapeInfo
  public var field: ScalarField
  public var levels: ContourLevels
  public var ensembles: [Ensemble]
  public var style: FigureStyle = .standard
  public var colormap: Colormap = .viridis
  /// Pango markup; defaults to the landscape's name and the ensemble's size.
  public var title: String?
  /// Small print at the end of the legend (steps, noise, seed).
  public var footnote: String?
  public var axisLabels = AxisLabels()

  public init(landscape info: LandscapeInfo, field: ScalarField, ensembles: [Ensemble]) {
    precondition(!ensembles.isEmpty, "an ensemble figure needs at least one ensemble")
    self.info = info
    self.field = field
    self.ensembles = ensembles
    levels = .automatic(for: info, field: field)
  }

  /// The panels in reading order: one per method, then the shares and the two spectra.
  enum Panel {
    case routes(Int)
    case shares, lambdaMax, lambdaMin
  }

  var panelList: [Panel] { ensembles.indices.map { .routes($0) } + [.shares, .lambdaMax, .lambdaMin] }

  public func scene(measurer: TextMeasurer = TextMeasurer()) -> Scene {
    // Five or more panels need the whole width: the legend goes under them in every preset.
    var figure = self
    figure.style.legendBelow = true
    return figure.laidOut(measurer: measurer)
  }

  func laidOut(measurer: TextMeasurer) -> Scene {
    let panels = panelList
    let axes = AxesPainter(style: style, measurer: measurer)
    let xTicks = AxisScale(field.box.xmin, field.box.xmax).ticks(target: 5)
    let yTicks = AxisScale(field.box.ymin, field.box.ymax).ticks(target: 5)
    let charts = Charts(figure: self, measurer: measurer)
    let chartYLabel = charts.yLabel
    let left = max(
      axes.leftMargin(yTicks: yTicks, yLabel: axisLabels.y, rotated: false),
      axes.leftMargin(yTicks: charts.shareTicks, yLabel: chartYLabel, rotated: true))
    let legend = Legend(entries: legendEntries(), style: style, measurer: measurer)
    let header = measurer.size(of: "(a) X", size: style.fonts.legend).height + 6 * style.fontScale
    let aspect = field.box.width / field.box.height
    func layouter(columns: Int) -> FigureLayout {
      FigureLayout(
        style: style, measurer: measurer, title: title ?? defaultTitle, rows: (panels.count + columns - 1) / columns,
        columns: columns, aspect: aspect > 0.5 && aspect < 2 ? aspect : 1, leftMargin: left,
        bottomMargin: axes.bottomMargin(xLabel: axisLabels.x), sharedAxes: false, panelHeader: header,
        colorbarWidth: nil, legend: legend)
    }
    // The grid whose panels come out largest: wide canvases take more columns, a journal column
    // fewer. Where the height follows the content, only grids at most 1.6 times as tall as
    // wide qualify (else the shortest).
    let all = (1...min(4, panels.count)).map { c in (c, layouter(columns: c).compute()) }
    // Grids too wide for the canvas (their panels at the layout's minimum width) are out.
    let inside = all.filter { c in
      c.1.panels[0].width >= Swift.max(50 * style.fontScale, 1.5 * left)
        && (c.1.panels.map(\.maxX).max() ?? 0) <= style.width
    }
    let candidates = inside.isEmpty ? [all[0]] : inside
    let fitting = candidates.filter { $0.1.height <= 1.6 * style.width }
    // swift-format-ignore: NeverForceUnwrap
    let (columns, layout) =
      fitting.isEmpty
      ? candidates.min { $0.1.height < $1.1.height }!
      : fitting.max { a, b in a.1.panels[0].width < b.1.panels[0].width * 0.999 }!
    let layouter = layouter(columns: columns)
    var scene = layouter.scene(layout)
    for (p, panel) in panels.enumerated() {
      let rect = layout.panels[p]
      var heading: String
      var short: String
      switch panel {
      case .routes(let m):
        let frame = ChartFrame(window: field.box, rect: rect)
        drawRoutesPanel(m, frame: frame, into: &scene)
        axes.draw(
          frame, xTicks: xTicks, yTicks: yTicks, xLabel: axisLabels.x, yLabel: axisLabels.y, into: &scene)
        heading = "<b>\(ensembles[m].method.legendName)</b>"
        short = heading
      case .shares:
        charts.drawShares(in: rect, axes: axes, into: &scene)
        heading = "where the runs end"
        short = "ends"
      case .lambdaMax:
        charts.drawSpectrum(\.lambdaMax, in: rect, axes: axes, into: &scene)
        heading = "<i>λ</i><sub>max</sub>(<i>H</i>) at the ends"
        short = "<i>λ</i><sub>max</sub>(<i>H</i>)"
      case .lambdaMin:
        charts.drawSpectrum(\.lambdaMin, in: rect, axes: axes, into: &scene)
        heading = "<i>λ</i><sub>min</sub>(<i>H</i>) at the ends"
        short = "<i>λ</i><sub>min</sub>(<i>H</i>)"
      }
      let letter = "(\(String(UnicodeScalar(UInt8(97 + p % 26)))))"
      // A heading wider than its panel (and the gap after it) takes its short form.
      let room = rect.width + 20 * style.fontScale
      if measurer.size(of: "<b>\(letter)</b>  \(heading)", size: style.fonts.legend).width > room { heading = short }
      scene.text(
        .init(
          "<b>\(letter)</b>  \(heading)", at: Point(rect.x, rect.y - 4 * style.fontScale), size: style.fonts.legend,
          vertical: .bottom))
    }
    legend.draw(
      at: layout.legendOrigin, columns: layout.legendColumns, columnWidth: layout.legendColumnWidth, into: &scene)
    return scene
  }

  var defaultTitle: String {
    let e = ensembles[0]
    let runs = e.runs.count
    let starts = e.starts.count
    let what =
      starts == 1
      ? "\(runs) runs from one start"
      : "\(runs) runs: \(starts) starts × \(e.repeats) repeat\(e.repeats == 1 ? "" : "s")"
    return "<b>\(escapeMarkup(info.name))</b>   \(what)"
  }

  /// Contours, the bundle (thin translucent routes), every end as a translucent dot (so where
  /// many land reads as a dark spot), the starts and the known minima.
  func drawRoutesPanel(_ m: Int, frame: ChartFrame, into scene: inout Scene) {
    let s = style.lineScale
    let color = Palette.method(m)
    let ensemble = ensembles[m]
    var inner: [Scene.Item] = []
    let painter = ContourPainter(field: field, levels: levels, colormap: colormap, style: style)
    _ = painter.draw(into: &inner, frame: frame)
    let drawn = ensemble.runs.filter { !$0.end.path.isEmpty }
    // Fainter as the bundle grows, so thirty routes read as a band rather than a solid mass.
    let alpha = max(0.18, min(0.7, 4 / Double(max(1, drawn.count / max(1, ensemble.starts.count)))))
    // Every halo under every line, each route traced once.
    let routes = drawn.map {
      RoutesFigure.tracedOnce(ContourPainter.devicePoints($0.end.path, frame: frame, tolerance: 0.3))
    }
    for route in routes { inner.append(.stroke(route, .init(color: .white.withAlpha(0.35 * alpha), width: 3 * s))) }
    for route in routes { inner.append(.stroke(route, .init(color: color.withAlpha(alpha), width: 1.3 * s))) }
    // Under the ends: runs that reach a minimum pile up on its star.
    for minimum in info.minima where field.box.contains(minimum.location) {
      let p = frame.point(minimum.location)
      inner.append(.stroke(Marks.star(at: p, radius: 9 * s), .init(color: .ink, width: 1.3 * s)))
    }
    var ends = Path()
    var core = Path()
    for run in ensemble.runs where run.basin != .diverged && field.box.contains(run.end.end) {
      let p = frame.point(run.end.end)
      ends.circle(center: p, radius: 3.2 * s)
      core.circle(center: p, radius: 2.2 * s)
    }
    let dotAlpha = max(0.12, min(0.8, 20 / Double(max(1, ensemble.runs.count))))
    inner.append(.fill(ends, .white.withAlpha(min(0.9, 2 * dotAlpha)), rule: .nonZero))
    inner.append(.fill(core, color.withAlpha(max(dotAlpha, 0.35)), rule: .nonZero))
    for start in ensemble.starts where field.box.contains(start) {
      var ring = Path()
      ring.circle(center: frame.point(start), radius: 5.5 * s)
      inner.append(.fill(ring, .white, rule: .nonZero))
      inner.append(.stroke(ring, .init(color: color, width: 2 * s)))
    }
    scene.items.append(.clipped(frame.rect, inner))
  }

  /// A basin's short name for the chart's axis: the minimum's label when short, else its number.
  func shortName(_ basin: BasinMap.Basin) -> String {
    switch basin {
    case .minimum(let k):
      let label = info.minima[k].label
      return !label.isEmpty && label.count <= 12 ? label : "min \(k + 1)"
    case .diverged: return "diverged"
    case .stalled: return "stalled"
    case .moving: return "moving"
    }
  }

  /// Every basin some method's runs end in, known minima first.
  var basins: [BasinMap.Basin] {
    Set(ensembles.flatMap(\.basins)).sorted { SweepCell.rank($0) < SweepCell.rank($1) }
  }

  /// The bar chart's basin names: the short names when they fit under their group, else the
  /// minima by number (`#1`, named in the legend) and the outcomes in full.
  func barNames(room: Double, measurer: TextMeasurer) -> [String] {
    let kinds = basins
    let names = kinds.map(shortName)
    func fit(_ names: [String]) -> Bool {
      names.allSatisfy { measurer.size(of: escapeMarkup($0), size: style.fonts.tick).width <= room }
    }
    if fit(names) { return names }
    let numbered = kinds.map { b in
      if case .minimum(let k) = b { return "#\(k + 1)" }
      return shortName(b)
    }
    if fit(numbered) { return numbered }
    return numbered.map { $0.count > 3 ? $0.prefix(3) + "." : $0 }
  }

  func legendEntries() -> [Legend.Entry] {
    var entries: [Legend.Entry] = []
    for (m, e) in ensembles.enumerated() {
      let parameters = RoutesFigure.wrapped(e.method.hyperparameters.map(\.description))
      var details = parameters
      for basin in e.basins {
        let r = e.interval(of: basin)
        let runs = e.runs.count
        details.append(
          "\(shortName(basin)): \(HeatmapFigure.percent(e.share(of: basin), of: runs)) "
            + "[\(HeatmapFigure.percent(r.lowerBound, of: runs))–\(HeatmapFigure.percent(r.upperBound, of: runs))]")
      }
      let copies = e.distinctEnds.filter { $0 == 1 }.count
      if e.repeats > 1, copies == e.starts.count {
        details.append("every repeat is the same run (nothing random)")
      }
      entries.append(
        Legend.Entry(
          swatch: .route(Palette.method(m)), title: "<b>\(e.method.legendName)</b>",
          details: details.map(escapeMarkup), blackDetails: parameters.count))
    }
    entries.append(
      Legend.Entry(
        swatch: .star, title: "known minimum",
        details: info.minima.indices.map { escapeMarkup("#\($0 + 1) \(HeatmapFigure.name(of: .minimum($0), info))") }))
    let footer = (footnote?.split(separator: "\n").map { escapeMarkup(String($0)) }) ?? []
    entries.append(Legend.Entry(swatch: .none, title: "○ start   ● end of a run", details: footer))
    return entries
  }
}
