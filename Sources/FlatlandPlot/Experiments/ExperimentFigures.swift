import Flatland
import Foundation

/// The figure of each figure output of an experiment, drawn from its results: the figure kind the
/// output names, in the look it asks for. Nothing here computes a number of the experiment; the
/// footnotes only restate the resolved settings.
public enum ExperimentFigures {
  /// The style of a look: the preset, resized, with its dpi.
  public static func style(for look: FigureLook) -> FigureStyle {
    var style = FigureStyle(look.preset)
    if let size = look.size { style = style.resized(width: size.x, height: size.y) }
    if let dpi = look.dpi { style.dpi = Double(dpi) }
    return style
  }

  /// The scene of output `index` and the style it is rendered with.
  public static func scene(
    for index: Int, of experiment: Experiment, results: ExperimentResults, measurer: TextMeasurer = TextMeasurer()
  ) throws -> (scene: Scene, style: FigureStyle) {
    let output = experiment.outputs[index]
    let look = output.look
    let style = style(for: look)
    let info = results.info
    var labels = AxisLabels()
    if let x = look.xLabelMarkup { labels.x = x }
    if let y = look.yLabelMarkup { labels.y = y }
    switch results.products[index] {
    case .routes(let field):
      var figure = RoutesFigure(
        landscape: info, field: field, trajectories: results.trajectories,
        levels: try ContourLevels.make(look.levels, for: info, field: field))
      figure.style = style
      figure.title = experiment.titleMarkup
      if let colormap = look.colormap { figure.colormap = Colormap(colormap) }
      figure.contourLabels = look.contourLabels
      figure.trail = look.trail
      figure.panels = look.panels == .methods ? .perMethod(columns: look.columns) : .single
      figure.independentAxes = look.independentAxes
      figure.axisLabels = labels
      figure.footnote = runFootnote(experiment)
      return (figure.scene(measurer: measurer), style)
    case .curves(let statistics):
      var figure = CurvesFigure(landscape: info, statistics: statistics)
      figure.style = style
      figure.title = experiment.titleMarkup
      figure.xLabelOverride = look.xLabelMarkup
      figure.yLabelOverride = look.yLabelMarkup
      figure.footnote = runFootnote(experiment)
      return (figure.scene(measurer: measurer), style)
    case .map(let map):
      var figure = HeatmapFigure(landscape: info, field: map.contours, panels: panels(of: map, look: look))
      figure.style = style
      figure.title = experiment.titleMarkup
      figure.colormap = look.colormap.map(Colormap.init)
      figure.colorRange = look.range
      figure.independentAxes = look.independentAxes
      figure.axisLabels = labels
      if map.kind == .basins, case .map(let request) = output.analysis {
        figure.footnote =
          "\(request.grid)×\(request.grid) starts, \(experiment.steps) steps each\nnoise: \(experiment.noise)"
      }
      return (figure.scene(measurer: measurer), style)
    case .slice(let profile):
      var figure = SliceFigure(landscape: info, profile: profile)
      figure.style = style
      figure.title = experiment.titleMarkup
      figure.axisLabels = labels
      return (figure.scene(measurer: measurer), style)
    case .schematic(let geometry):
      var figure = SchematicFigure(landscape: info, geometry: geometry)
      figure.style = style
      figure.title = experiment.titleMarkup
      figure.axisLabels = labels
      return (figure.scene(measurer: measurer), style)
    case .sweep(let sweeps):
      var figure = SweepFigure(landscape: info, sweeps: sweeps, quantity: look.sweepQuantity)
      figure.style = style
      figure.title = experiment.titleMarkup
      figure.colormap = look.colormap.map(Colormap.init)
      figure.logarithmic = look.log
      figure.independentAxes = look.independentAxes
      figure.xLabel = look.xLabelMarkup
      figure.yLabel = look.yLabelMarkup
      figure.footnote = sweepFootnote(experiment, runs: sweeps[0].runsPerCell, quantity: look.sweepQuantity)
      return (figure.scene(measurer: measurer), style)
    case .ensemble(let ensembles, let contours):
      var figure = EnsembleFigure(landscape: info, field: contours, ensembles: ensembles)
      figure.style = style
      figure.title = experiment.titleMarkup
      if let colormap = look.colormap { figure.colormap = Colormap(colormap) }
      figure.axisLabels = labels
      figure.footnote = ensembleFootnote(experiment, bundle: output.spec.bundle ?? 0)
      return (figure.scene(measurer: measurer), style)
    case .trajectories, .summary:
      throw RenderError.cairo("output \(index) is data, not a figure")
    }
  }

  static func panels(of map: MapResult, look: FigureLook) -> [(title: String, content: HeatmapFigure.Content)] {
    let radii = map.panels.compactMap { panel -> Double? in
      if case .continuous(_, let rho) = panel { return rho }
      return nil
    }
    return map.panels.map { panel in
      switch panel {
      case .basins(let basins):
        let parameters = basins.method.hyperparameters.map(\.description).joined(separator: ", ")
        return ("<b>\(basins.method.legendName)</b>  \(escapeMarkup(parameters))", .basins(basins))
      case .continuous(let grid, let rho):
        // swift-format-ignore: NeverForceUnwrap
        let quantity = map.kind.quantity!
        let text = quantity.label + (radii.count == 1 ? "   ρ = \(formatShort(radii[0]))" : "")
        let label = (try? MathText.markup(text)) ?? escapeMarkup(text)
        return (
          "ρ = \(formatShort(rho ?? 0))",
          .continuous(grid, label: label, signed: quantity.isSigned, logarithmic: look.log)
        )
      }
    }
  }

  /// What the ensemble ran and what its panels draw, for its legend.
  static func ensembleFootnote(_ e: Experiment, bundle: Int) -> String {
    var lines = [
      "each method: \(e.starts.count * e.repeats) runs of \(e.steps) steps", "whiskers: 95% Wilson intervals",
    ]
    if bundle > 0 { lines.append("routes drawn: the first \(bundle) repeat\(bundle == 1 ? "" : "s") per start") }
    lines.append("noise: \(e.noise)" + ", seed \(e.seed)")
    return lines.joined(separator: "\n")
  }

  /// What each cell of a sweep ran, for its legend.
  static func sweepFootnote(_ e: Experiment, runs: Int, quantity: SweepQuantity) -> String {
    let starts = e.starts.map { "(\(formatShort($0.x)), \(formatShort($0.y)))" }
    // Three starts a line, so a long list stays inside the legend.
    var rows = stride(from: 0, to: starts.count, by: 3).map {
      starts[$0..<min($0 + 3, starts.count)].joined(separator: ", ")
    }
    rows[0] = (starts.count == 1 ? "from " : "from \(starts.count) starts: ") + rows[0]
    if e.repeats > 1 { rows[rows.count - 1] += " × \(e.repeats) repeats" }
    var lines = ["each cell: \(runs) run\(runs == 1 ? "" : "s") of \(e.steps) steps"] + rows
    lines.append("noise: \(e.noise)" + (e.noise == .none ? "" : ", seed \(e.seed)"))
    if quantity == .minimum, runs > 1 { lines.insert("colour: where most of them end", at: 1) }
    return lines.joined(separator: "\n")
  }

  /// "500 steps from (0.3, 2)\nnoise: none" for legends.
  static func runFootnote(_ e: Experiment) -> String {
    let starts = e.starts.map { "(\(formatShort($0.x)), \(formatShort($0.y)))" }.joined(separator: ", ")
    return "\(e.steps) steps from \(starts)\nnoise: \(e.noise)" + (e.noise == .none ? "" : ", seed \(e.seed)")
  }
}
