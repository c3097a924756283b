/// Frames, ticks, tick labels and axis labels of one plot rectangle, sized by the figure's style.
struct AxesPainter {
  var style: FigureStyle
  var measurer: TextMeasurer

  var fonts: FigureStyle.Fonts { style.fonts }
  var unit: Double { style.fontScale }
  var tickLength: Double { 6 * unit }
  var tickHeight: Double { measurer.size(of: "0", size: fonts.tick).height }

  /// Room left of the plot for y tick labels and the y label.
  func leftMargin(yTicks: [AxisTick], yLabel: String?, rotated: Bool) -> Double {
    let widest = yTicks.map { measurer.size(of: $0.label, size: fonts.tick).width }.max() ?? 0
    var margin = tickLength + 4 * unit + widest
    if let yLabel {
      let size = measurer.size(of: yLabel, size: fonts.label)
      margin += 10 * unit + (rotated ? size.height : size.width)
    }
    return margin
  }

  /// Room under the plot for x tick labels and the x label.
  func bottomMargin(xLabel: String?) -> Double {
    tickLength + 3 * unit + tickHeight
      + (xLabel.map { 6 * unit + measurer.size(of: $0, size: fonts.label).height } ?? 0)
  }

  /// Light grid lines at the major ticks (drawn under the data by charts).
  func drawGrid(_ frame: ChartFrame, xTicks: [AxisTick], yTicks: [AxisTick], into items: inout [Scene.Item]) {
    let rect = frame.rect
    var grid = Path()
    for t in xTicks where t.major {
      let p = frame.point(t.value, frame.y.low)
      grid.polyline([Point(p.x, rect.y), Point(p.x, rect.maxY)])
    }
    for t in yTicks where t.major {
      let p = frame.point(frame.x.low, t.value)
      grid.polyline([Point(rect.x, p.y), Point(rect.maxX, p.y)])
    }
    items.append(.stroke(grid, .init(color: Color(hex: 0xE3E3E3), width: 0.8 * style.lineScale)))
  }

  /// Draws the frame, the ticks (labels only where asked) and the axis labels.
  func draw(
    _ frame: ChartFrame, xTicks: [AxisTick], yTicks: [AxisTick], xLabel: String?, yLabel: String?,
    labelX: Bool = true, labelY: Bool = true, rotateYLabel: Bool = false,
    into scene: inout Scene
  ) {
    let rect = frame.rect
    let line = 1.1 * style.lineScale
    scene.stroke(Path.rectangle(rect), .init(color: .ink, width: 1.2 * style.lineScale, joins: .miter))
    var widest = 0.0
    for t in xTicks {
      let px = rect.x + frame.x.position(t.value) * rect.width
      guard px >= rect.x - 0.5, px <= rect.maxX + 0.5 else { continue }
      var path = Path()
      path.polyline([Point(px, rect.maxY), Point(px, rect.maxY + tickLength * (t.major ? 1 : 0.6))])
      scene.stroke(path, .init(color: .ink, width: line))
      if labelX, !t.label.isEmpty {
        scene.text(
          .init(
            t.label, at: Point(px, rect.maxY + tickLength + 3 * unit), size: fonts.tick, horizontal: .center,
            vertical: .top))
      }
    }
    for t in yTicks {
      let py = rect.maxY - frame.y.position(t.value) * rect.height
      guard py >= rect.y - 0.5, py <= rect.maxY + 0.5 else { continue }
      var path = Path()
      path.polyline([Point(rect.x, py), Point(rect.x - tickLength * (t.major ? 1 : 0.6), py)])
      scene.stroke(path, .init(color: .ink, width: line))
      if labelY, !t.label.isEmpty {
        widest = max(widest, measurer.size(of: t.label, size: fonts.tick).width)
        scene.text(
          .init(
            t.label, at: Point(rect.x - tickLength - 4 * unit, py), size: fonts.tick, horizontal: .right,
            vertical: .middle))
      }
    }
    if labelX, let xLabel {
      scene.text(
        .init(
          xLabel, at: Point(rect.center.x, rect.maxY + tickLength + tickHeight + 8 * unit), size: fonts.label,
          horizontal: .center, vertical: .top))
    }
    if labelY, let yLabel {
      let x = rect.x - tickLength - 4 * unit - widest - 10 * unit
      scene.text(
        .init(
          yLabel, at: Point(x, rect.center.y), size: fonts.label, horizontal: rotateYLabel ? .center : .right,
          vertical: rotateYLabel ? .bottom : .middle, rotation: rotateYLabel ? Double.pi / 2 : 0))
    }
  }
}
