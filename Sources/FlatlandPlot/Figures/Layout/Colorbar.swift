import Foundation

/// A colour scale beside the plot: the bands of contour levels (linear or log, with an "under"
/// tip for log levels), or a continuous map over a linear or log range.
struct Colorbar {
  enum Kind {
    case levels(ContourLevels)
    case continuous(AxisScale)
  }

  var kind: Kind
  var colormap: Colormap
  /// Pango markup written along the bar.
  var label: String
  var style: FigureStyle
  var measurer: TextMeasurer

  var unit: Double { style.fontScale }
  var barWidth: Double { 22 * unit }

  /// Ticks with their positions in `[0, 1]` along the bar.
  func ticks() -> [(position: Double, tick: AxisTick)] {
    switch kind {
    case .continuous(let scale):
      return scale.ticks(target: 7).map { (scale.position($0.value), $0) }
    case .levels(let levels):
      guard let lo = levels.levels.first, let hi = levels.levels.last else { return [] }
      switch levels.scale {
      case .linear:
        return NiceNumbers.ticks(lo, hi, target: 7).map {
          (levels.axisPosition($0), AxisTick(value: $0, label: numberMarkup($0), major: true))
        }
      case .logarithmic(let offset):
        return AxisScale(lo - offset, hi - offset, logarithmic: true).ticks(target: 8).map {
          (levels.axisPosition(offset + $0.value), $0)
        }
      }
    }
  }

  /// Total width: bar, ticks, labels and the rotated title.
  var width: Double {
    let widest = ticks().map { measurer.size(of: $0.tick.label, size: style.fonts.tick).width }.max() ?? 0
    return barWidth + 9 * unit + widest + 10 * unit + measurer.size(of: label, size: style.fonts.tick).height
  }

  func draw(in bar: Rect, into scene: inout Scene) {
    let fonts = style.fonts
    switch kind {
    case .levels(let levels):
      let values = levels.levels
      for k in 1..<values.count {
        let y0 = bar.maxY - levels.axisPosition(values[k - 1]) * bar.height
        let y1 = bar.maxY - levels.axisPosition(values[k]) * bar.height
        // Overlap by half a point so antialiased edges of neighbouring bands leave no seam.
        scene.fill(
          Path.rectangle(Rect(x: bar.x, y: y1 - 0.5, width: bar.width, height: y0 - y1 + (k == 1 ? 0.5 : 1))),
          levels.bandColor(k, colormap: colormap))
      }
    case .continuous:
      let steps = 128
      for k in 0..<steps {
        let y0 = bar.maxY - Double(k) / Double(steps) * bar.height
        let y1 = bar.maxY - Double(k + 1) / Double(steps) * bar.height
        scene.fill(
          Path.rectangle(Rect(x: bar.x, y: y1 - 0.5, width: bar.width, height: y0 - y1 + 1)),
          colormap.color(at: (Double(k) + 0.5) / Double(steps)))
      }
    }
    var outline = Path.rectangle(bar)
    if case .levels(let levels) = kind, levels.isLogarithmic {
      let tipHeight = 16 * unit
      var tip = Path()
      tip.polyline(
        [Point(bar.x, bar.maxY), Point(bar.maxX, bar.maxY), Point(bar.center.x, bar.maxY + tipHeight)], closed: true)
      scene.fill(tip, levels.bandColor(0, colormap: colormap))
      outline = Path()
      outline.polyline(
        [
          Point(bar.x, bar.y), Point(bar.maxX, bar.y), Point(bar.maxX, bar.maxY),
          Point(bar.center.x, bar.maxY + tipHeight), Point(bar.x, bar.maxY),
        ],
        closed: true)
    }
    scene.stroke(outline, .init(color: .ink, width: 1 * style.lineScale, joins: .miter))
    var widest = 0.0
    for (position, tick) in ticks() {
      let y = bar.maxY - position * bar.height
      var path = Path()
      path.polyline([Point(bar.maxX, y), Point(bar.maxX + (tick.major ? 6 : 3.5) * unit, y)])
      scene.stroke(path, .init(color: .ink, width: 1 * style.lineScale))
      if !tick.label.isEmpty {
        widest = max(widest, measurer.size(of: tick.label, size: fonts.tick).width)
        scene.text(.init(tick.label, at: Point(bar.maxX + 9 * unit, y), size: fonts.tick, vertical: .middle))
      }
    }
    scene.text(
      .init(
        label, at: Point(bar.maxX + 9 * unit + widest + 10 * unit, bar.center.y), size: fonts.tick,
        horizontal: .center, vertical: .top, rotation: Double.pi / 2))
  }
}
