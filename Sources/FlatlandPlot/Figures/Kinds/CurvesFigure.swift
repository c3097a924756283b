import Flatland
import Foundation

/// Loss curves: the loss gap `L − L_min`, the distance to the nearest known minimum, or the gradient
/// norm, against steps or against evaluations (the fair axis: SAM costs two gradients a step), on a
/// log or linear y axis. Repeats of one method and start (noisy runs) become a line (the mean,
/// geometric on a log axis) with a band from the smallest to the largest repeat. The numbers come
/// computed (`CurveStatistics`); the figure only draws them.
public struct CurvesFigure {
  public typealias Quantity = CurveQuantity
  public typealias Abscissa = CurveAbscissa

  public var info: LandscapeInfo
  public var statistics: CurveStatistics
  public var style: FigureStyle = .standard
  public var title: String?
  public var footnote: String?
  /// Replace the default axis labels (Pango markup); `nil` keeps the quantity's own.
  public var xLabelOverride: String?
  public var yLabelOverride: String?

  public init(landscape info: LandscapeInfo, statistics: CurveStatistics) {
    self.info = info
    self.statistics = statistics
  }

  var quantity: Quantity { statistics.request.quantity }
  var abscissa: Abscissa { statistics.request.abscissa }
  var logarithmic: Bool { statistics.request.logarithmic }

  /// One drawn line: its label and numbers.
  struct Series {
    var method: Int
    var start: Int
    var label: String
    var x: [Double]
    var y: [Double]
    var low: [Double]
    var high: [Double]
    var repeats: Int
    /// Steps at which repeats diverged.
    var divergedAt: [Int] = []
  }

  func series() -> [Series] {
    statistics.series.map { s in
      let label =
        "<b>\(s.method.legendName)</b>" + (statistics.startCount > 1 ? " · start \(s.start + 1)" : "")
        + (s.repeats.count > 1 ? " · \(s.repeats.count) repeats" : "")
      return Series(
        method: s.methodIndex, start: s.start, label: label, x: s.x, y: s.centre, low: s.low, high: s.high,
        repeats: s.repeats.count, divergedAt: s.divergedAt)
    }
  }

  var yLabel: String {
    if let yLabelOverride { return yLabelOverride }
    switch quantity {
    case .loss:
      return info.minima.isEmpty ? "<i>L</i>(<i>w</i>) − min <i>L</i>" : "<i>L</i>(<i>w</i>) − <i>L</i><sub>min</sub>"
    case .distance: return "distance to the nearest minimum"
    case .gradientNorm: return "‖∇<i>L</i>(<i>w</i>)‖"
    }
  }

  var xLabel: String { xLabelOverride ?? (abscissa == .steps ? "step" : "gradient evaluations") }

  public func scene(measurer: TextMeasurer = TextMeasurer()) -> Scene {
    let all = series()
    let xs = all.flatMap(\.x).filter(\.isFinite)
    let ys = all.flatMap { $0.low + $0.high + $0.y }.filter { $0.isFinite && (!logarithmic || $0 > 0) }
    let xAxis = AxisScale(0, max(1, xs.max() ?? 1))
    let yAxis: AxisScale
    if logarithmic {
      let hi = ys.max() ?? 1
      let lo = max(ys.min() ?? hi / 10, hi * 1e-16)
      yAxis = AxisScale(pow(10, floor(log10(lo))), pow(10, ceil(log10(hi)) + (hi == lo ? 1 : 0)), logarithmic: true)
    } else {
      let lo = min(0, ys.min() ?? 0)
      let hi = ys.max() ?? 1
      let ticks = NiceNumbers.covering(lo, hi > lo ? hi : lo + 1, maxIntervals: 6)
      yAxis = AxisScale(ticks.first ?? lo, ticks.last ?? hi)
    }
    let axes = AxesPainter(style: style, measurer: measurer)
    // Steps and evaluations are whole numbers: no tick at 0.4 of a step.
    let xTicks = xAxis.ticks().filter { $0.value == $0.value.rounded() }
    let yTicks = yAxis.ticks()
    let dashes: [[Double]] = [[], [7, 4], [2, 3], [10, 3, 2, 3]]
    var entries = all.map { s in
      var notes: [String] = []
      if let first = s.divergedAt.min() {
        notes.append(
          s.repeats == 1
            ? "diverged at step \(first)"
            : "\(s.divergedAt.count) of \(s.repeats) repeats diverged (first at step \(first))")
      }
      return Legend.Entry(
        swatch: .line(Palette.method(s.method), dash: dashes[s.start % dashes.count], band: s.repeats > 1),
        title: s.label, details: notes)
    }
    if all.contains(where: { $0.repeats > 1 }) || footnote != nil {
      var details: [String] = []
      if all.contains(where: { $0.repeats > 1 }) {
        let many = all.contains { $0.repeats >= 10 }
        details.append(logarithmic ? "line: geometric mean of the repeats" : "line: mean of the repeats")
        details.append(many ? "band: 10% to 90% of the repeats" : "band: smallest to largest repeat")
      }
      details += footnote.map { $0.split(separator: "\n").map { escapeMarkup(String($0)) } } ?? []
      entries.append(Legend.Entry(swatch: .none, title: "", details: details))
    }
    let legend = Legend(entries: entries, style: style, measurer: measurer)
    let titleMarkup = title ?? "<b>\(escapeMarkup(info.name))</b>   \(info.titleMarkup)"
    let layouter = FigureLayout(
      style: style, measurer: measurer, title: titleMarkup, aspect: 1.3,
      leftMargin: axes.leftMargin(yTicks: yTicks, yLabel: yLabel, rotated: true),
      bottomMargin: axes.bottomMargin(xLabel: xLabel), colorbarWidth: nil, legend: legend
    )
    let layout = layouter.compute()
    var scene = layouter.scene(layout)
    let frame = ChartFrame(x: xAxis, y: yAxis, rect: layout.panels[0])
    axes.drawGrid(frame, xTicks: xTicks, yTicks: yTicks, into: &scene.items)
    var inner: [Scene.Item] = []
    let s = style.lineScale
    for series in all where series.repeats > 1 {
      var band = Path()
      let upper = series.x.indices.filter { series.high[$0].isFinite }.map {
        frame.point(series.x[$0], clampY(series.high[$0], yAxis))
      }
      let lower = series.x.indices.reversed().filter { series.low[$0].isFinite }.map {
        frame.point(series.x[$0], clampY(series.low[$0], yAxis))
      }
      band.polyline(upper + lower, closed: true)
      inner.append(.fill(band, Palette.method(series.method).withAlpha(0.2), rule: .nonZero))
    }
    for series in all {
      let points = series.x.indices.filter { series.y[$0].isFinite }.map {
        frame.point(series.x[$0], clampY(series.y[$0], yAxis))
      }
      var path = Path()
      path.polyline(thinned(points))
      inner.append(
        .stroke(
          path,
          .init(
            color: Palette.method(series.method), width: 2.6 * s,
            dash: dashes[series.start % dashes.count].map { $0 * s })))
    }
    scene.items.append(.clipped(frame.rect, inner))
    axes.draw(
      frame, xTicks: xTicks, yTicks: yTicks, xLabel: xLabel, yLabel: yLabel, rotateYLabel: true, into: &scene)
    legend.draw(
      at: layout.legendOrigin, columns: layout.legendColumns, columnWidth: layout.legendColumnWidth, into: &scene)
    return scene
  }

  func clampY(_ v: Double, _ axis: AxisScale) -> Double { axis.isLogarithmic ? max(v, axis.low * 1e-3) : v }

  /// Drops vertices closer than a quarter point to the last kept one.
  func thinned(_ points: [Point]) -> [Point] {
    var out: [Point] = []
    for (k, p) in points.enumerated() {
      if let last = out.last, k != points.count - 1, abs(p.x - last.x) < 0.25, abs(p.y - last.y) < 0.25 { continue }
      out.append(p)
    }
    return out
  }
}
