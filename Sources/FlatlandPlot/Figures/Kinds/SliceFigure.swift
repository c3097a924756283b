import Flatland
import Foundation

/// GSAM's figure 1 along one axis of a landscape: the loss `f`, SAM's max-pooled loss
/// `f_p(w) = max_{‖ε‖ ≤ ρ} f(w + ε)` and the surrogate gap `h = f_p − f` in a second panel, drawn
/// from a computed `SliceProfile`.
public struct SliceFigure {
  public typealias Axis = SliceAxis

  public var info: LandscapeInfo
  public var profile: SliceProfile
  public var style: FigureStyle = .standard
  public var title: String?
  /// Names of the two coordinates (Pango markup); default *x* and *y*.
  public var axisLabels = AxisLabels()

  public init(landscape info: LandscapeInfo, profile: SliceProfile) {
    self.info = info
    self.profile = profile
  }

  var axis: Axis { profile.axis }
  var at: Double { profile.at }
  var rho: Double { profile.rho }
  var t: [Double] { profile.t }
  var f: [Double] { profile.f }
  var fp: [Double] { profile.fp }

  public func scene(measurer: TextMeasurer = TextMeasurer()) -> Scene {
    let h = profile.gap
    let xAxis = AxisScale(t.first ?? 0, t.last ?? 1)
    let top = niceAxis((f + fp).filter(\.isFinite))
    let bottom = niceAxis([0] + h.filter(\.isFinite))
    let axes = AxesPainter(style: style, measurer: measurer)
    let (along, other) = axis == .x ? (axisLabels.x, axisLabels.y) : (axisLabels.y, axisLabels.x)
    let xLabel = along + "   (" + other + " = \(numberMarkup(at)))"
    let rhoText = "ρ = \(numberMarkup(rho))"
    let entries = [
      Legend.Entry(swatch: .line(.ink, dash: [], band: false), title: "<i>f</i>(<i>w</i>), the loss"),
      Legend.Entry(
        swatch: .line(Palette.okabeIto[0], dash: [7, 4], band: false),
        title: "<i>f</i><sub>p</sub>(<i>w</i>) = max<sub>‖ε‖ ≤ ρ</sub> <i>f</i>(<i>w</i> + ε)",
        details: ["exact worst case over the disk, \(rhoText)"], blackDetails: 1),
      Legend.Entry(
        swatch: .line(Palette.okabeIto[1], dash: [], band: true),
        title: "<i>h</i>(<i>w</i>) = <i>f</i><sub>p</sub> − <i>f</i>, the surrogate gap",
        details: ["≈ ½ρ²λ<sub>max</sub> near a minimum"], blackDetails: 1),
    ]
    let legend = Legend(entries: entries, style: style, measurer: measurer)
    let leftMargin = max(
      axes.leftMargin(yTicks: top.ticks(), yLabel: "loss", rotated: true),
      axes.leftMargin(yTicks: bottom.ticks(), yLabel: "gap", rotated: true))
    let titleMarkup = title ?? "<b>\(escapeMarkup(info.name))</b>   \(info.titleMarkup)"
    let layouter = FigureLayout(
      style: style, measurer: measurer, title: titleMarkup, rows: 2, columns: 1, aspect: 2.6, leftMargin: leftMargin,
      bottomMargin: axes.bottomMargin(xLabel: xLabel), sharedAxes: true, colorbarWidth: nil, legend: legend
    )
    let layout = layouter.compute()
    var scene = layouter.scene(layout)
    let s = style.lineScale
    let upper = ChartFrame(x: xAxis, y: top, rect: layout.panels[0])
    let lower = ChartFrame(x: xAxis, y: bottom, rect: layout.panels[1])
    func line(_ ys: [Double], _ frame: ChartFrame) -> Path {
      var p = Path()
      p.polyline(t.indices.filter { ys[$0].isFinite }.map { frame.point(t[$0], ys[$0]) })
      return p
    }
    var inner: [Scene.Item] = []
    inner.append(.stroke(line(f, upper), .init(color: .ink, width: 2.4 * s)))
    inner.append(.stroke(line(fp, upper), .init(color: Palette.okabeIto[0], width: 2.4 * s, dash: [7 * s, 4 * s])))
    for m in info.minima {
      let other = axis == .x ? m.location.y : m.location.x
      let along = axis == .x ? m.location.x : m.location.y
      guard abs(other - at) < 1e-9, xAxis.low...xAxis.high ~= along else { continue }
      let p = upper.point(along, m.value)
      inner.append(.fill(Marks.star(at: p, radius: 8 * s), .white, rule: .nonZero))
      inner.append(.stroke(Marks.star(at: p, radius: 8 * s), .init(color: .ink, width: 1.2 * s)))
    }
    scene.items.append(.clipped(upper.rect, inner))
    var gap: [Scene.Item] = []
    var area = Path()
    let pts = t.indices.filter { h[$0].isFinite }.map { lower.point(t[$0], h[$0]) }
    if let first = pts.first, let last = pts.last {
      area.polyline([Point(first.x, lower.point(0, 0).y)] + pts + [Point(last.x, lower.point(0, 0).y)], closed: true)
      gap.append(.fill(area, Palette.okabeIto[1].withAlpha(0.25), rule: .nonZero))
    }
    gap.append(.stroke(line(h, lower), .init(color: Palette.okabeIto[1], width: 2.4 * s)))
    scene.items.append(.clipped(lower.rect, gap))
    axes.draw(
      upper, xTicks: xAxis.ticks(), yTicks: top.ticks(), xLabel: nil, yLabel: "loss", labelX: false,
      rotateYLabel: true, into: &scene)
    axes.draw(
      lower, xTicks: xAxis.ticks(), yTicks: bottom.ticks(target: 4), xLabel: xLabel, yLabel: "gap",
      rotateYLabel: true, into: &scene)
    legend.draw(
      at: layout.legendOrigin, columns: layout.legendColumns, columnWidth: layout.legendColumnWidth, into: &scene)
    return scene
  }

  func niceAxis(_ values: [Double]) -> AxisScale {
    let lo = values.min() ?? 0
    let hi = values.max() ?? 1
    let ticks = NiceNumbers.covering(lo, hi > lo ? hi : lo + 1, maxIntervals: 5)
    return AxisScale(ticks.first ?? lo, ticks.last ?? hi)
  }
}
