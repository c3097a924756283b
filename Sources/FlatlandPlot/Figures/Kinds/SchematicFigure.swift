import Flatland
import Foundation

/// The lecture picture of one SAM-type step at a point `w`: the gradient, the region the method
/// perturbs within (the ρ-ball, or an ellipse for ASAM / VSAM / Fisher SAM), the perturbation ε to
/// `w + ε`, the gradient found there, and the step the method takes from `w` beside the plain
/// gradient step, over the landscape's contours — drawn from a computed `StepGeometry`.
public struct SchematicFigure {
  public var info: LandscapeInfo
  public var geometry: StepGeometry
  public var style: FigureStyle = .slide
  public var title: String?
  /// Axis labels as Pango markup; default *x* and *y*.
  public var axisLabels = AxisLabels()

  public init(landscape info: LandscapeInfo, geometry: StepGeometry) {
    self.info = info
    self.geometry = geometry
  }

  var point: Vec2 { geometry.point }
  var method: Method { geometry.method }
  var record: StepRecord { geometry.record }
  var region: StepGeometry.Region? { geometry.region }
  var field: ScalarField { geometry.field }

  public func scene(measurer: TextMeasurer = TextMeasurer()) -> Scene {
    let box = field.box
    let axes = AxesPainter(style: style, measurer: measurer)
    let xTicks = AxisScale(box.xmin, box.xmax).ticks(target: 5)
    let yTicks = AxisScale(box.ymin, box.ymax).ticks(target: 5)
    let colors = (
      gradient: Color.ink, perturbation: Palette.okabeIto[0], perturbed: Palette.okabeIto[5], step: Palette.okabeIto[1]
    )
    let rhoText = region.map { numberMarkup($0.rho) } ?? "0"
    let regionName: String = {
      guard let region else { return "no perturbation" }
      if region.gaussian { return "one standard deviation of the Gaussian ε ~ N(0, σ²)" }
      return region.scale.x == region.scale.y && region.scale.x == 1
        ? "the ball ‖ε‖ ≤ ρ = \(rhoText)"
        : "the ellipse ‖ε/T‖ ≤ ρ = \(rhoText), T = (\(numberMarkup(region.scale.x)), \(numberMarkup(region.scale.y)))"
    }()
    var entries = [
      Legend.Entry(
        swatch: .none, title: "<b>One \(method.legendName) step</b>",
        details: [escapeMarkup(method.hyperparameters.map(\.description).joined(separator: ", "))],
        blackDetails: 1),
      Legend.Entry(
        swatch: .line(colors.gradient, dash: [5, 3], band: false),
        title: "−∇<i>L</i>(<i>w</i>): the plain gradient step"),
      Legend.Entry(
        swatch: .line(colors.perturbation, dash: [], band: false), title: "ε: the perturbation", details: [regionName]),
      Legend.Entry(
        swatch: .line(colors.perturbed, dash: [], band: false), title: "∇<i>L</i>(<i>w</i> + ε): the gradient there"),
      Legend.Entry(
        swatch: .line(colors.step, dash: [], band: false), title: "the step taken from <i>w</i>",
        details: ["(directions shown, lengths to scale with each other)"]),
    ]
    if region == nil {
      // Nothing is perturbed: only the gradient and the step mean anything.
      entries.removeSubrange(2...3)
    }
    let legend = Legend(entries: entries, style: style, measurer: measurer)
    let titleMarkup =
      title
      ?? "<b>\(method.legendName)</b> at <i>w</i> = (\(numberMarkup(point.x)), \(numberMarkup(point.y))) on \(escapeMarkup(info.name))"
    let layouter = FigureLayout(
      style: style, measurer: measurer, title: titleMarkup, aspect: 1,
      leftMargin: axes.leftMargin(yTicks: yTicks, yLabel: axisLabels.y, rotated: false),
      bottomMargin: axes.bottomMargin(xLabel: axisLabels.x), colorbarWidth: nil, legend: legend, legendFraction: 0.36
    )
    let layout = layouter.compute()
    var scene = layouter.scene(layout)
    let frame = ChartFrame(window: box, rect: layout.panels[0])
    var inner: [Scene.Item] = []
    let painter = ContourPainter(
      field: field, levels: .linear(low: field.finiteRange?.min ?? 0, high: field.finiteRange?.max ?? 1, bands: 12),
      colormap: .viridis, style: style)
    painter.draw(into: &inner, frame: frame)
    inner.append(.fill(Path.rectangle(frame.rect), Color.white.withAlpha(0.4), rule: .nonZero))
    let s = style.lineScale
    let w = frame.point(point)
    let e = record.perturbation
    let perturbed = frame.point(point + e)
    // Region.
    if let region {
      let radius = region.gaussian ? 1.0 : region.rho
      let rx = abs(frame.point(point + Vec2(radius * region.scale.x, 0)).x - w.x)
      let ry = abs(frame.point(point + Vec2(0, radius * region.scale.y)).y - w.y)
      let outline = Marks.ellipse(center: w, rx: rx, ry: ry)
      inner.append(.fill(outline, colors.perturbation.withAlpha(0.10), rule: .nonZero))
      inner.append(.stroke(outline, .init(color: colors.perturbation, width: 2 * s, dash: [8 * s, 5 * s])))
    }
    // Arrows: gradients scaled together so the longer one is 1.1ρ·max(T) long in data units.
    let reach = max(region.map { $0.rho * max($0.scale.x, $0.scale.y) } ?? 0, e.length, 0.03 * info.window.diagonal)
    let longest = max(record.gradient.length, record.perturbedGradient.length, record.direction.length, 1e-300)
    let k = 1.5 * reach / longest
    func arrow(_ from: Vec2, _ v: Vec2, _ color: Color, width: Double, dash: [Double] = []) {
      let (shaft, head) = Marks.arrow(from: frame.point(from), to: frame.point(from + v), headLength: 16 * s)
      inner.append(.stroke(shaft, .init(color: .white.withAlpha(0.85), width: width + 3 * s)))
      inner.append(.stroke(shaft, .init(color: color, width: width, dash: dash)))
      inner.append(.fill(head, color, rule: .nonZero))
    }
    arrow(point, -k * record.gradient, colors.gradient, width: 2.2 * s, dash: [7 * s, 4 * s])
    if region != nil {
      arrow(point, e, colors.perturbation, width: 3 * s)
      arrow(point + e, k * record.perturbedGradient, colors.perturbed, width: 2.6 * s)
    }
    arrow(point, -k * record.direction, colors.step, width: 3.6 * s)
    for (p, c) in [(w, colors.gradient)] + (region == nil ? [] : [(perturbed, colors.perturbation)]) {
      var dot = Path()
      dot.circle(center: p, radius: 5.5 * s)
      inner.append(.fill(dot, c, rule: .nonZero))
      inner.append(.stroke(dot, .init(color: .white, width: 1.5 * s)))
    }
    // Labels with leader lines, pushed away from the arrows they name.
    let away = { (v: Vec2, distance: Double) -> (Double, Double) in
      let p = frame.point(point + v)
      let dx = p.x - w.x
      let dy = p.y - w.y
      let n = max(1e-9, (dx * dx + dy * dy).squareRoot())
      return (-dy / n * distance, dx / n * distance)
    }
    let d = 34 * style.fontScale
    let direction = region == nil ? -record.gradient : e
    var notes = [
      Annotation(point: w, text: "<i>w</i>", offset: away(direction, -d)),
      Annotation(point: perturbed, text: "<i>w</i> + ε", offset: away(e, d), color: colors.perturbation),
      Annotation(
        point: frame.point(point + e + k * record.perturbedGradient), text: "∇<i>L</i>(<i>w</i> + ε)",
        offset: away(k * record.perturbedGradient, d), color: colors.perturbed),
      Annotation(
        point: frame.point(point - k * record.direction), text: "step", offset: away(-k * record.direction, -d),
        color: colors.step),
    ]
    if region == nil { notes.removeSubrange(1...2) }
    for note in notes { note.draw(style: style, measurer: measurer, into: &inner) }
    scene.items.append(.clipped(frame.rect, inner))
    axes.draw(frame, xTicks: xTicks, yTicks: yTicks, xLabel: axisLabels.x, yLabel: axisLabels.y, into: &scene)
    legend.draw(
      at: layout.legendOrigin, columns: layout.legendColumns, columnWidth: layout.legendColumnWidth, into: &scene)
    return scene
  }
}
