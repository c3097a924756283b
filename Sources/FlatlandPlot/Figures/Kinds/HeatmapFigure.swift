import Flatland
import Foundation

/// A heatmap over a landscape's window: a continuous quantity (sharpness, curvature) with a
/// colorbar, or the categorical basin map of a method with a legend; contour lines of the landscape
/// and its known minima on top.
///
/// ```swift
/// let map = GridMap(box: info.window, nx: 160, ny: 160) { MapQuantity.sharpness.value(of: l, at: $0, rho: 0.1) }
/// let figure = HeatmapFigure(landscape: info, field: field, content: .continuous(map, label: "S", signed: false))
/// ```
public struct HeatmapFigure {
  public enum Content {
    /// Values with a colorbar; `signed` centres a diverging map at 0, `logarithmic` uses a log scale.
    case continuous(GridMap, label: String, signed: Bool, logarithmic: Bool)
    /// The basin map of one method: a colour per known minimum reached.
    case basins(BasinMap)
  }

  public var info: LandscapeInfo
  /// The landscape on a grid, for the contour lines drawn over the map (`nil`: none).
  public var field: ScalarField?
  /// One panel per entry (same kind throughout); continuous panels share one colour scale.
  public var panels: [(title: String, content: Content)]
  public var style: FigureStyle = .standard
  public var colormap: Colormap?
  /// The colour scale's limits (`nil`: the values' range); values beyond take the end colours.
  public var colorRange: ClosedRange<Double>?
  /// Pango markup.
  public var title: String?
  public var footnote: String?
  /// With several panels: tick labels on every panel instead of only the outer ones.
  public var independentAxes = false
  /// Axis labels as Pango markup; default *x* and *y*.
  public var axisLabels = AxisLabels()

  public init(landscape info: LandscapeInfo, field: ScalarField?, content: Content) {
    self.init(landscape: info, field: field, panels: [("", content)])
  }

  /// Several maps side by side (e.g. sharpness for three radii, basins of SGD and SAM).
  public init(landscape info: LandscapeInfo, field: ScalarField?, panels: [(title: String, content: Content)]) {
    precondition(!panels.isEmpty, "a heatmap needs at least one panel")
    self.info = info
    self.field = field
    self.panels = panels
  }

  /// The shared colour scale of continuous panels: symmetric about 0 when signed, log when asked
  /// and the values are positive.
  func scale(of maps: [GridMap], signed: Bool, logarithmic: Bool) -> AxisScale {
    let finite = maps.flatMap(\.values).filter(\.isFinite)
    guard let lo = finite.min(), let hi = finite.max() else { return AxisScale(0, 1) }
    if signed {
      let m = max(abs(lo), abs(hi), 1e-300)
      return AxisScale(-m, m)
    }
    if logarithmic, hi > 0 {
      let low = max(finite.filter { $0 > 0 }.min() ?? hi * 1e-6, hi * 1e-8)
      return AxisScale(low, hi, logarithmic: true)
    }
    return hi > lo ? AxisScale(lo, hi) : AxisScale(lo - 1, hi + 1)
  }

  /// Cells where the quantity is not finite.
  static let undefinedColor = Color(hex: 0xBBBBBB)

  /// The colour of a basin: Okabe–Ito by minimum, dark grey for divergence, light grey for a
  /// stall away from the known minima, mid grey for still moving.
  static func color(of basin: BasinMap.Basin) -> Color {
    switch basin {
    case .minimum(let k): return k < 7 ? Palette.okabeIto[[1, 0, 6, 4, 2, 5, 7][k]] : Color(hex: 0x999999)
    case .diverged: return Color(hex: 0x333333)
    case .stalled: return Color(hex: 0xDDDDDD)
    case .moving: return Color(hex: 0xAAAAAA)
    }
  }

  public func scene(measurer: TextMeasurer = TextMeasurer()) -> Scene {
    var images: [(Scene.Pixels, Box)] = []
    var colorbar: Colorbar?
    var legend: Legend?
    var smooth = false
    let grids = panels.compactMap { panel -> GridMap? in
      if case .continuous(let g, _, _, _) = panel.content { return g }
      return nil
    }
    let basinMaps = panels.compactMap { panel -> BasinMap? in
      if case .basins(let b) = panel.content { return b }
      return nil
    }
    var map = colormap ?? .viridis
    if case .continuous(_, let label, let signed, let logarithmic) = panels[0].content {
      map = colormap ?? (signed ? .coolwarm : .viridis)
      let axis =
        colorRange.map { AxisScale($0.lowerBound, $0.upperBound, logarithmic: logarithmic) }
        ?? scale(of: grids, signed: signed, logarithmic: logarithmic)
      for grid in grids {
        var colors: [Color] = []
        colors.reserveCapacity(grid.values.count)
        for j in stride(from: grid.ny - 1, through: 0, by: -1) {
          for i in 0..<grid.nx {
            let v = grid.values[j * grid.nx + i]
            colors.append(v.isFinite ? map.color(at: axis.position(v)) : Self.undefinedColor)
          }
        }
        images.append((Scene.Pixels(width: grid.nx, height: grid.ny, colors: colors), grid.box))
      }
      smooth = true
      colorbar = Colorbar(kind: .continuous(axis), colormap: map, label: label, style: style, measurer: measurer)
      var entries: [Legend.Entry] = []
      if let colorRange,
        grids.contains(where: { $0.values.contains { $0.isFinite && !colorRange.contains($0) } })
      {
        entries.append(
          Legend.Entry(
            swatch: .none,
            title: "colour scale \(formatShort(colorRange.lowerBound))–\(formatShort(colorRange.upperBound))",
            details: ["values beyond it take its end colours"]))
      }
      if grids.contains(where: { $0.values.contains { !$0.isFinite } }) {
        entries.append(
          Legend.Entry(swatch: .patch(Self.undefinedColor), title: "not finite (undefined or overflowing)"))
      }
      if let footnote {
        entries.append(
          Legend.Entry(
            swatch: .none, title: "", details: footnote.split(separator: "\n").map { escapeMarkup(String($0)) }))
      }
      if !entries.isEmpty { legend = Legend(entries: entries, style: style, measurer: measurer) }
    } else {
      for basins in basinMaps {
        var colors: [Color] = []
        for j in stride(from: basins.ny - 1, through: 0, by: -1) {
          for i in 0..<basins.nx { colors.append(Self.color(of: basins.basins[j * basins.nx + i])) }
        }
        images.append((Scene.Pixels(width: basins.nx, height: basins.ny, colors: colors), basins.box))
      }
      legend = Legend(entries: basinEntries(basinMaps), style: style, measurer: measurer)
    }

    let box = images[0].1
    let axes = AxesPainter(style: style, measurer: measurer)
    let xTicks = AxisScale(box.xmin, box.xmax).ticks()
    let yTicks = AxisScale(box.ymin, box.ymax).ticks()
    let aspect = box.width / box.height
    let columns = min(panels.count, 3)
    let rows = (panels.count + columns - 1) / columns
    let many = panels.count > 1
    let header = many ? measurer.size(of: "(a) X", size: style.fonts.legend).height + 6 * style.fontScale : 0
    let titleMarkup = title ?? "<b>\(escapeMarkup(info.name))</b>   \(info.titleMarkup)"
    let layouter = FigureLayout(
      style: style, measurer: measurer, title: titleMarkup, rows: rows, columns: columns,
      aspect: aspect > 0.5 && aspect < 2 ? aspect : nil,
      leftMargin: axes.leftMargin(yTicks: yTicks, yLabel: axisLabels.y, rotated: false),
      bottomMargin: axes.bottomMargin(xLabel: axisLabels.x), sharedAxes: many && !independentAxes, panelHeader: header,
      colorbarWidth: colorbar?.width, legend: legend
    )
    let layout = layouter.compute()
    var scene = layouter.scene(layout)
    let contours: (ContourPainter, ContourLevels)? = field.map { field in
      let levels = ContourLevels.automatic(for: info, field: field)
      var painter = ContourPainter(field: field, levels: levels, colormap: map, style: style)
      painter.filled = false
      painter.lineColor = Color.white.withAlpha(0.55)
      return (painter, levels)
    }
    let s = style.lineScale
    for (p, (pixels, box)) in images.enumerated() {
      let rect = layout.panels[p]
      let frame = ChartFrame(window: box, rect: rect)
      var inner: [Scene.Item] = [.image(pixels, rect, smooth: smooth)]
      contours?.0.draw(into: &inner, frame: frame)
      for minimum in info.minima where box.contains(minimum.location) {
        let c = frame.point(minimum.location)
        inner.append(.fill(Marks.star(at: c, radius: 9 * s), .white, rule: .nonZero))
        inner.append(.stroke(Marks.star(at: c, radius: 9 * s), .init(color: .ink, width: 1.3 * s)))
      }
      scene.items.append(.clipped(rect, inner))
      let column = p % columns
      let lastInColumn = p + columns >= panels.count
      axes.draw(
        frame, xTicks: xTicks, yTicks: yTicks, xLabel: axisLabels.x, yLabel: axisLabels.y,
        labelX: !many || lastInColumn || independentAxes,
        labelY: column == 0 || independentAxes, into: &scene)
      if many {
        let letter = "(\(String(UnicodeScalar(UInt8(97 + p % 26)))))"
        scene.text(
          .init(
            "<b>\(letter)</b>  \(panels[p].title)", at: Point(rect.x, rect.y - 4 * style.fontScale),
            size: style.fonts.legend, vertical: .bottom))
      }
    }
    if let colorbar, let bar = layout.colorbar { colorbar.draw(in: bar, into: &scene) }
    legend?.draw(
      at: layout.legendOrigin, columns: layout.legendColumns, columnWidth: layout.legendColumnWidth, into: &scene)
    return scene
  }

  /// A share as a percentage with the digits its resolution supports: one decimal from a thousand
  /// starts on (or below 10%), whole percents for coarse maps.
  static func percent(_ share: Double, of count: Int) -> String {
    let p = share * 100
    return count >= 1000 || (p > 0 && p < 10) ? String(format: "%.1f%%", p) : "\(Int(p.rounded()))%"
  }

  /// A basin's legend name: the minimum's label and place, or the outcome.
  static func name(of basin: BasinMap.Basin, _ info: LandscapeInfo) -> String {
    switch basin {
    case .minimum(let k):
      let m = info.minima[k]
      let at = "(\(formatShort(m.location.x, digits: 3)), \(formatShort(m.location.y, digits: 3)))"
      return m.label.isEmpty ? "minimum \(at)" : "\(m.label) \(at)"
    case .diverged: return "diverged"
    case .stalled: return "stalled (at rest, no known minimum)"
    case .moving: return "still moving at the step limit"
    }
  }

  func basinEntries(_ maps: [BasinMap]) -> [Legend.Entry] {
    let shares = maps.map(\.shares)
    var entries: [Legend.Entry] = []
    if maps.count == 1, let method = maps.first?.method {
      entries.append(
        Legend.Entry(
          swatch: .none, title: "<b>\(method.legendName)</b> ends in",
          details: [escapeMarkup(method.hyperparameters.map(\.description).joined(separator: ", "))],
          blackDetails: 1))
    }
    let kinds = (info.minima.indices.map { BasinMap.Basin.minimum($0) } + [.diverged, .stalled, .moving]).filter {
      kind in
      shares.contains { ($0[kind] ?? 0) > 0 }
    }
    for kind in kinds {
      let name = HeatmapFigure.name(of: kind, info)
      let detail: String
      if maps.count == 1 {
        let share = shares[0][kind] ?? 0
        let range = maps[0].interval(of: kind)
        let n = maps[0].basins.count
        detail =
          "\(Self.percent(share, of: n)) of \(n) starts (95%: \(Self.percent(range.lowerBound, of: n))–\(Self.percent(range.upperBound, of: n)))"
      } else {
        detail = zip(maps, shares).map { "\($0.method.legendName) \(Self.percent($1[kind] ?? 0, of: $0.basins.count))" }
          .joined(separator: " · ")
      }
      entries.append(
        Legend.Entry(
          swatch: .patch(Self.color(of: kind)), title: escapeMarkup(name),
          details: [maps.count == 1 ? escapeMarkup(detail) : detail]))
    }
    if let footnote {
      entries.append(
        Legend.Entry(
          swatch: .none, title: "", details: footnote.split(separator: "\n").map { escapeMarkup(String($0)) }))
    }
    return entries
  }
}
