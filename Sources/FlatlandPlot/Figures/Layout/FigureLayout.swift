/// Places the parts of a figure: a title on top, a grid of panels, a colorbar right of the grid, and
/// a legend in a column on the right or in rows under the grid.
struct FigureLayout {
  var style: FigureStyle
  var measurer: TextMeasurer
  var title: String?
  var rows = 1
  var columns = 1
  /// Width / height of each panel's plot area; `nil` fills the space.
  var aspect: Double?
  /// Axis room left of and under each plot (from `AxesPainter`); with shared axes only the outer
  /// panels need it, inner ones get `innerGap`.
  var leftMargin: Double
  var bottomMargin: Double
  var sharedAxes = false
  /// Room above each panel for its letter and title.
  var panelHeader = 0.0
  /// Total width of the colorbar with its labels; `nil` for none.
  var colorbarWidth: Double?
  var legend: Legend?
  /// Width reserved for a right-hand legend as a fraction of the figure (fixed, so consecutive
  /// figures of one landscape keep their plot in the same place).
  var legendFraction = 0.28

  struct Result {
    var height: Double
    /// The title's type size: the style's, or smaller so that a long title fits the width.
    var titleSize: Double
    var titleBaseline: Double
    var panels: [Rect]
    var colorbar: Rect?
    var legendOrigin: Point
    var legendColumns: Int
    var legendColumnWidth: Double
  }

  var unit: Double { style.fontScale }

  /// An empty scene of the laid-out size with the title set at the top.
  func scene(_ result: Result) -> Scene {
    var scene = Scene(width: style.width, height: result.height)
    if let title, !title.isEmpty {
      scene.text(
        .init(
          title, at: Point(style.width / 2, result.titleBaseline), size: result.titleSize, horizontal: .center,
          vertical: .top))
    }
    return scene
  }

  func compute() -> Result {
    let width = style.width
    let pad = 24 * unit
    let titleSize =
      title.map { t in
        let natural = measurer.size(of: t, size: style.fonts.title).width
        return natural > width - 2 * pad
          ? style.fonts.title * max(0.55, (width - 2 * pad) / natural) : style.fonts.title
      } ?? style.fonts.title
    let titleHeight = title.map { measurer.size(of: $0, size: titleSize).height + 14 * unit } ?? 0
    let top = pad + titleHeight
    let gap = (sharedAxes ? 22 : 30) * unit
    let colorbarRoom = colorbarWidth.map { 30 * unit + $0 } ?? 0
    let rightLegend = legend != nil && !style.legendBelow
    let legendRoom = rightLegend ? legendFraction * width + 24 * unit : 0
    let gridWidth = width - 2 * pad - colorbarRoom - legendRoom
    let innerLeft = sharedAxes ? gap : leftMargin + gap
    let innerBottom = sharedAxes ? gap : bottomMargin + gap
    var plotWidth = max(20, (gridWidth - leftMargin - Double(columns - 1) * innerLeft) / Double(columns))

    // Legend under the grid: as many columns as fit.
    var legendColumns = 1
    var legendColumnWidth = 0.0
    var legendHeight = 0.0
    if let legend, style.legendBelow {
      let available = width - 2 * pad
      legendColumnWidth = legend.columnWidth + 14 * unit
      legendColumns = max(1, min(legend.entries.count, Int(available / max(1, legendColumnWidth))))
      legendColumnWidth = available / Double(legendColumns)
      legendHeight = legend.height(columns: legendColumns) + 10 * unit
    }

    var plotHeight: Double
    let height: Double
    if let fixed = style.height {
      height = fixed
      let gridHeight = fixed - top - pad - legendHeight
      plotHeight = max(
        20, (gridHeight - bottomMargin - Double(rows) * panelHeader - Double(rows - 1) * innerBottom) / Double(rows))
      if let aspect {
        if plotWidth / plotHeight > aspect { plotWidth = plotHeight * aspect } else { plotHeight = plotWidth / aspect }
      }
    } else {
      plotHeight = plotWidth / (aspect ?? 1.3)
      height =
        top + Double(rows) * (plotHeight + panelHeader) + Double(rows - 1) * innerBottom + bottomMargin + legendHeight
        + pad
    }

    let usedWidth = leftMargin + Double(columns) * plotWidth + Double(columns - 1) * innerLeft
    let usedHeight = Double(rows) * (plotHeight + panelHeader) + Double(rows - 1) * innerBottom + bottomMargin
    let x0 = pad + max(0, (gridWidth - usedWidth) / 2) + leftMargin
    let availableHeight = height - top - pad - legendHeight
    let y0 = top + max(0, (availableHeight - usedHeight) / 2) + panelHeader
    var panels: [Rect] = []
    for r in 0..<rows {
      for c in 0..<columns {
        panels.append(
          Rect(
            x: x0 + Double(c) * (plotWidth + innerLeft), y: y0 + Double(r) * (plotHeight + panelHeader + innerBottom),
            width: plotWidth, height: plotHeight))
      }
    }
    let gridTop = panels.first?.y ?? top
    let gridBottom = panels.last?.maxY ?? top
    let gridRight = panels.map(\.maxX).max() ?? pad
    let colorbar = colorbarWidth.map { _ in
      Rect(x: gridRight + 30 * unit, y: gridTop, width: 22 * unit, height: gridBottom - gridTop)
    }
    let legendOrigin: Point
    if style.legendBelow {
      legendOrigin = Point(pad, gridBottom + bottomMargin + 10 * unit)
    } else {
      legendOrigin = Point(width - pad - legendFraction * width, gridTop)
    }
    return Result(
      height: height, titleSize: titleSize, titleBaseline: pad, panels: panels, colorbar: colorbar,
      legendOrigin: legendOrigin,
      legendColumns: legendColumns, legendColumnWidth: legendColumnWidth)
  }
}
