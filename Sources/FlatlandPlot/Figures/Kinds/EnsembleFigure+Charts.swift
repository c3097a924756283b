import Flatland
import Foundation

extension EnsembleFigure {
  /// The charts every method shares: shares per basin and the two spectra at the ends.
  struct Charts {
    var figure: EnsembleFigure
    var measurer: TextMeasurer

    var style: FigureStyle { figure.style }
    var ensembles: [Ensemble] { figure.ensembles }
    var yLabel: String { "share of runs" }

    /// 0, 25, 50, 75, 100 %.
    var shareTicks: [AxisTick] {
      stride(from: 0.0, through: 1.0, by: 0.25).map { AxisTick(value: $0, label: "\(Int($0 * 100))%", major: true) }
    }

    /// Grouped bars, one group per basin and one bar per method, with the Wilson interval as a
    /// whisker: how often each method ends where, and how sure that is.
    func drawShares(in rect: Rect, axes: AxesPainter, into scene: inout Scene) {
      let kinds = figure.basins
      let count = Double(max(1, kinds.count))
      let frame = ChartFrame(x: AxisScale(0, count), y: AxisScale(0, 1.05), rect: rect)
      let names = figure.barNames(room: 0.92 * rect.width / count, measurer: measurer)
      let ticks = kinds.enumerated().map { c, _ in
        AxisTick(value: Double(c) + 0.5, label: escapeMarkup(names[c]), major: true)
      }
      var inner: [Scene.Item] = []
      axes.drawGrid(frame, xTicks: [], yTicks: shareTicks, into: &inner)
      let s = style.lineScale
      let group = 0.72
      let width = group / Double(ensembles.count)
      var whiskers = Path()
      for (c, basin) in kinds.enumerated() {
        for (m, e) in ensembles.enumerated() {
          let x0 = Double(c) + (1 - group) / 2 + Double(m) * width
          let share = e.share(of: basin)
          let low = frame.point(x0 + 0.08 * width, 0)
          let high = frame.point(x0 + 0.92 * width, share)
          let bar = Rect(x: low.x, y: high.y, width: high.x - low.x, height: low.y - high.y)
          inner.append(.fill(Path.rectangle(bar), Palette.method(m).withAlpha(0.85), rule: .nonZero))
          let r = e.interval(of: basin)
          let mid = x0 + 0.5 * width
          let bottom = frame.point(mid, r.lowerBound)
          let top = frame.point(mid, r.upperBound)
          let cap = 0.22 * (high.x - low.x)
          whiskers.polyline([bottom, top])
          whiskers.polyline([Point(bottom.x - cap, bottom.y), Point(bottom.x + cap, bottom.y)])
          whiskers.polyline([Point(top.x - cap, top.y), Point(top.x + cap, top.y)])
        }
      }
      inner.append(.stroke(whiskers, .init(color: .ink, width: 1.2 * s)))
      scene.items.append(.clipped(rect, inner))
      axes.draw(frame, xTicks: ticks, yTicks: shareTicks, xLabel: nil, yLabel: yLabel, rotateYLabel: true, into: &scene)
    }

    /// Overlaid histograms of an eigenvalue at the ends, one outline per method over shared bins,
    /// heights as shares of each method's runs; each known minimum's own value as a dashed line.
    func drawSpectrum(
      _ values: KeyPath<Ensemble, [Double]>, in rect: Rect, axes: AxesPainter, into scene: inout Scene
    ) {
      let samples = ensembles.map { $0[keyPath: values] }
      guard samples.contains(where: { !$0.isEmpty }) else {
        // No end to take a Hessian at: say so rather than draw empty axes.
        scene.stroke(Path.rectangle(rect), .init(color: .ink, width: 1.2 * style.lineScale, joins: .miter))
        scene.text(
          .init(
            "every run diverged", at: rect.center, size: style.fonts.legend, color: Color(hex: 0x666666),
            horizontal: .center, vertical: .middle))
        return
      }
      let histogram = Histogram(samples)
      let edges = histogram.edges
      let shares = zip(histogram.counts, ensembles).map { counts, e in
        counts.map { Double($0) / Double(max(1, e.runs.count)) }
      }
      let top = max(0.05, (shares.joined().max() ?? 0) * 1.12)
      // swift-format-ignore: NeverForceUnwrap
      let frame = ChartFrame(x: AxisScale(edges.first!, edges.last!), y: AxisScale(0, top), rect: rect)
      let xTicks = frame.x.ticks(target: 4)
      let yTicks = AxisScale(0, top).ticks(target: 4).map {
        AxisTick(value: $0.value, label: "\(formatShort($0.value * 100, digits: 3))%", major: true)
      }
      var inner: [Scene.Item] = []
      axes.drawGrid(frame, xTicks: xTicks, yTicks: yTicks, into: &inner)
      let s = style.lineScale
      let isMax = values == \Ensemble.lambdaMax
      // Each known minimum's own eigenvalue, where the bins reach it.
      let marked = figure.info.minima.indices.compactMap { k -> (Int, Double)? in
        let v = isMax ? figure.info.minima[k].eigenvalues.max : figure.info.minima[k].eigenvalues.min
        return v >= edges[0] && v <= edges[edges.count - 1] ? (k, v) : nil
      }
      var references = Path()
      for (_, v) in marked { references.polyline([frame.point(v, 0), frame.point(v, top)]) }
      inner.append(.stroke(references, .init(color: Color(hex: 0x777777), width: 1.1 * s, dash: [5 * s, 4 * s])))
      for (m, heights) in shares.enumerated() where heights.contains(where: { $0 > 0 }) {
        var outline = Path()
        var points = [frame.point(edges[0], 0)]
        for (i, h) in heights.enumerated() {
          points.append(frame.point(edges[i], h))
          points.append(frame.point(edges[i + 1], h))
        }
        points.append(frame.point(edges[edges.count - 1], 0))
        outline.polyline(points)
        var area = outline
        area.close()
        inner.append(.fill(area, Palette.method(m).withAlpha(0.16), rule: .nonZero))
        inner.append(.stroke(outline, .init(color: Palette.method(m), width: 1.8 * s)))
      }
      scene.items.append(.clipped(rect, inner))
      // Each minimum's name beside its line, on the side with room, a line lower when it would
      // run into the one before.
      var placed: [Rect] = []
      let size = style.fonts.tick * 0.85
      for (minimum, v) in marked {
        let p = frame.point(v, top)
        let right = frame.x.position(v) < 0.6
        let markup = escapeMarkup(figure.shortName(.minimum(minimum)))
        let box = measurer.size(of: markup, size: size)
        let x = p.x + (right ? 4 : -4) * style.fontScale
        var label = Rect(
          x: right ? x : x - box.width, y: p.y + 3 * style.fontScale, width: box.width, height: box.height)
        while placed.contains(where: { $0.intersects(label) }) { label.y += box.height }
        placed.append(label)
        scene.text(
          .init(
            markup, at: Point(x, label.y), size: size, color: Color(hex: 0x555555), horizontal: right ? .left : .right,
            vertical: .top))
      }
      axes.draw(
        frame, xTicks: xTicks, yTicks: yTicks, xLabel: isMax ? "<i>λ</i><sub>max</sub>" : "<i>λ</i><sub>min</sub>",
        yLabel: yLabel, rotateYLabel: true, into: &scene)
    }
  }
}
