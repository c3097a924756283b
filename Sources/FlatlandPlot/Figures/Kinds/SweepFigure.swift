import Flatland
import Foundation

/// A sweep as a heatmap over its two hyperparameters, one panel per method: the known minimum
/// most runs of a cell reach (categories with a legend), or a continuous quantity (loss, λ_max,
/// steps to converge, share diverged) with one colour scale shared by the panels. Log axes are
/// drawn as log axes; each cell is centred on its value.
public struct SweepFigure {
  public var info: LandscapeInfo
  public var sweeps: [ParameterSweep]
  public var quantity: SweepQuantity
  /// A log colour scale (positive continuous quantities).
  public var logarithmic = false
  public var style: FigureStyle = .standard
  public var colormap: Colormap?
  /// Pango markup.
  public var title: String?
  public var footnote: String?
  public var independentAxes = false
  /// Axis labels as Pango markup; `nil`: the swept keys' symbols and names.
  public var xLabel: String?
  public var yLabel: String?

  public init(landscape info: LandscapeInfo, sweeps: [ParameterSweep], quantity: SweepQuantity) {
    precondition(!sweeps.isEmpty, "a sweep figure needs at least one sweep")
    self.info = info
    self.sweeps = sweeps
    self.quantity = quantity
  }

  /// The symbols of swept keys, as legends write them.
  static let symbols: [MethodKey: String] = [
    .lr: "η", .rho: "ρ", .alpha: "α", .mu: "μ", .gamma: "γ", .beta: "β", .lambda: "λ", .theta: "θ", .sigma: "σ",
    .kappa: "κ", .sparsity: "s", .p: "p", .k: "k",
  ]

  static func symbol(_ key: MethodKey) -> String? { symbols[key] }

  /// A swept key's symbol in markup (its name when it has none): "<i>η</i>".
  static func symbolMarkup(_ key: MethodKey) -> String {
    symbols[key].map { "<i>\($0)</i>" } ?? escapeMarkup(key.rawValue)
  }

  /// The symbol of a swept key in markup, with its name: "<i>η</i>   (lr)".
  static func axisLabel(_ key: MethodKey) -> String {
    symbols[key] == nil ? symbolMarkup(key) : "\(symbolMarkup(key))   (\(key.rawValue))"
  }

  /// The number a cell shows (NaN: none, drawn grey).
  static func value(of cell: SweepCell, _ quantity: SweepQuantity) -> Double {
    switch quantity {
    case .minimum: return .nan
    case .loss: return cell.meanLoss
    case .sharpness: return cell.meanLambdaMax
    case .steps: return cell.medianConvergenceStep
    case .diverged: return cell.divergedShare
    }
  }

  var colorbarLabel: String {
    switch quantity {
    case .minimum: return ""
    case .loss: return "mean final loss  <i>L</i>(<i>w</i><sub>T</sub>)"
    case .sharpness: return "mean <i>λ</i><sub>max</sub>(<i>H</i>) at the end"
    case .steps: return "median steps to converge"
    case .diverged: return "share of runs that diverged"
    }
  }

  /// What a grey cell means.
  var emptyMeaning: String {
    switch quantity {
    case .steps: return "no run converged"
    case .diverged: return "no run (the method refuses these values)"
    default: return "every run diverged"
    }
  }

  /// Ticks of a sweep axis; a log axis narrower than a decade labels its 1–9 × 10ᵏ ticks.
  static func ticks(_ scale: AxisScale) -> [AxisTick] {
    var ticks = scale.ticks()
    if scale.isLogarithmic, ticks.filter({ !$0.label.isEmpty }).count < 2 {
      let labelled = ticks.filter { [1, 2, 5].contains(Int(($0.value / pow(10, floor(log10($0.value)))).rounded())) }
      let use = labelled.count >= 2 ? labelled : ticks
      ticks = ticks.map { t in
        var t = t
        if use.contains(where: { $0.value == t.value }) { t.label = numberMarkup(t.value) }
        return t
      }
    }
    // Labels at the very ends would run into the next panel's: keep them inside.
    if ticks.filter({ !$0.label.isEmpty }).count > 3 {
      ticks = ticks.map { t in
        var t = t
        if scale.position(t.value) < 0.04 || scale.position(t.value) > 0.96 { t.label = "" }
        return t
      }
    }
    return ticks
  }

  public func scene(measurer: TextMeasurer = TextMeasurer()) -> Scene {
    let first = sweeps[0]
    let xScale = AxisScale(first.x.edges.lowerBound, first.x.edges.upperBound, logarithmic: first.x.logarithmic)
    let yScale = AxisScale(first.y.edges.lowerBound, first.y.edges.upperBound, logarithmic: first.y.logarithmic)
    var images: [Scene.Pixels] = []
    var colorbar: Colorbar?
    var entries: [Legend.Entry] = []
    let map = colormap ?? .viridis
    if quantity == .minimum {
      for sweep in sweeps {
        var colors: [Color] = []
        for j in stride(from: sweep.y.count - 1, through: 0, by: -1) {
          for i in 0..<sweep.x.count {
            colors.append(sweep.cell(i, j).mode.map(HeatmapFigure.color(of:)) ?? HeatmapFigure.undefinedColor)
          }
        }
        images.append(Scene.Pixels(width: sweep.x.count, height: sweep.y.count, colors: colors))
      }
      entries = minimumEntries()
    } else {
      let values = sweeps.map { sweep in sweep.cells.map { Self.value(of: $0, quantity) } }
      let finite = values.joined().filter(\.isFinite)
      var scale = AxisScale(0, 1)
      if quantity != .diverged, let lo = finite.min(), let hi = finite.max() {
        if logarithmic, hi > 0 {
          scale = AxisScale(Swift.max(finite.filter { $0 > 0 }.min() ?? hi * 1e-6, hi * 1e-8), hi, logarithmic: true)
        } else {
          scale = hi > lo ? AxisScale(lo, hi) : AxisScale(lo - 1, hi + 1)
        }
      }
      for (sweep, v) in zip(sweeps, values) {
        var colors: [Color] = []
        for j in stride(from: sweep.y.count - 1, through: 0, by: -1) {
          for i in 0..<sweep.x.count {
            let value = v[j * sweep.x.count + i]
            colors.append(value.isFinite ? map.color(at: scale.position(value)) : HeatmapFigure.undefinedColor)
          }
        }
        images.append(Scene.Pixels(width: sweep.x.count, height: sweep.y.count, colors: colors))
      }
      // Without a single value (no run converged anywhere) a colour scale would only mislead.
      if !finite.isEmpty {
        colorbar = Colorbar(
          kind: .continuous(scale), colormap: map, label: colorbarLabel, style: style, measurer: measurer)
      }
      if values.joined().contains(where: { !$0.isFinite }) {
        entries.append(Legend.Entry(swatch: .patch(HeatmapFigure.undefinedColor), title: emptyMeaning))
      }
    }
    if let footnote {
      entries.append(
        Legend.Entry(
          swatch: .none, title: "", details: footnote.split(separator: "\n").map { escapeMarkup(String($0)) }))
    }
    let legend = entries.isEmpty ? nil : Legend(entries: entries, style: style, measurer: measurer)

    let xLabel = self.xLabel ?? Self.axisLabel(first.x.key)
    let yLabel = self.yLabel ?? Self.axisLabel(first.y.key)
    let xTicks = Self.ticks(xScale)
    let yTicks = Self.ticks(yScale)
    let axes = AxesPainter(style: style, measurer: measurer)
    let columns = min(sweeps.count, 3)
    let rows = (sweeps.count + columns - 1) / columns
    let many = sweeps.count > 1
    let header = measurer.size(of: "(a) X", size: style.fonts.legend).height + 6 * style.fontScale
    let titleMarkup = title ?? defaultTitle
    let layouter = FigureLayout(
      style: style, measurer: measurer, title: titleMarkup, rows: rows, columns: columns, aspect: 1,
      leftMargin: axes.leftMargin(yTicks: yTicks, yLabel: yLabel, rotated: false),
      bottomMargin: axes.bottomMargin(xLabel: xLabel), sharedAxes: many && !independentAxes, panelHeader: header,
      colorbarWidth: colorbar?.width, legend: legend)
    let layout = layouter.compute()
    var scene = layouter.scene(layout)
    for (p, pixels) in images.enumerated() {
      let rect = layout.panels[p]
      let frame = ChartFrame(x: xScale, y: yScale, rect: rect)
      scene.items.append(.clipped(rect, [.image(pixels, rect, smooth: false)]))
      let column = p % columns
      axes.draw(
        frame, xTicks: xTicks, yTicks: yTicks, xLabel: xLabel, yLabel: yLabel,
        labelX: !many || p + columns >= sweeps.count || independentAxes, labelY: column == 0 || independentAxes,
        into: &scene)
      let letter = many ? "<b>(\(String(UnicodeScalar(UInt8(97 + p % 26)))))</b>  " : ""
      scene.text(
        .init(
          letter + panelTitle(sweeps[p]), at: Point(rect.x, rect.y - 4 * style.fontScale), size: style.fonts.legend,
          vertical: .bottom))
    }
    if let colorbar, let bar = layout.colorbar { colorbar.draw(in: bar, into: &scene) }
    legend?.draw(
      at: layout.legendOrigin, columns: layout.legendColumns, columnWidth: layout.legendColumnWidth, into: &scene)
    return scene
  }

  var defaultTitle: String {
    let what: String
    switch quantity {
    case .minimum: what = "where the runs end"
    case .loss: what = "final loss"
    case .sharpness: what = "sharpness at the end"
    case .steps: what = "steps to converge"
    case .diverged: what = "divergence"
    }
    return
      "<b>\(escapeMarkup(info.name))</b>   \(what) over \(Self.symbolMarkup(sweeps[0].x.key)) "
      + "and \(Self.symbolMarkup(sweeps[0].y.key))"
  }

  /// The method's name and the hyperparameters the sweep does not vary.
  func panelTitle(_ sweep: ParameterSweep) -> String {
    let swept = [Self.symbol(sweep.x.key), Self.symbol(sweep.y.key)].compactMap { $0 }
    let fixed = sweep.method.hyperparameters.filter { !swept.contains($0.symbol) }.map(\.description)
    return "<b>\(sweep.method.legendName)</b>"
      + (fixed.isEmpty ? "" : "  " + escapeMarkup(fixed.joined(separator: ", ")))
  }

  /// The basins the cells' modes show, with the share of cells per method.
  func minimumEntries() -> [Legend.Entry] {
    var entries: [Legend.Entry] = []
    let cellsPerSweep = sweeps.map { s in s.cells.compactMap(\.mode) }
    var kinds = (info.minima.indices.map { BasinMap.Basin.minimum($0) } + [.diverged, .stalled, .moving]).filter {
      kind in cellsPerSweep.contains { $0.contains(kind) }
    }
    kinds.sort { SweepCell.rank($0) < SweepCell.rank($1) }
    for kind in kinds {
      let name = HeatmapFigure.name(of: kind, info)
      let detail = zip(sweeps, cellsPerSweep).map { sweep, modes in
        let share = Double(modes.filter { $0 == kind }.count) / Double(max(1, sweep.cells.count))
        let percent = HeatmapFigure.percent(share, of: sweep.cells.count)
        return sweeps.count == 1 ? "\(percent) of cells" : "\(sweep.method.legendName) \(percent)"
      }.joined(separator: " · ")
      entries.append(
        Legend.Entry(swatch: .patch(HeatmapFigure.color(of: kind)), title: escapeMarkup(name), details: [detail]))
    }
    return entries
  }
}
