import ArgumentParser
import Flatland
import FlatlandPlot
import Foundation

/// `flatland plot`: routes of several methods on one landscape, as a figure and optionally a CSV.
struct PlotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plot",
    abstract: "Draw the routes of several methods on a landscape (PNG, SVG or PDF by extension).",
    discussion: """
      Unset flags fall back to the landscape's suggestion (see 'flatland list landscapes').
      Example:
        flatland plot --landscape two-valleys --methods sgd,sam,gsam,vsam --start 0.3,2 --steps 500 \\
          -o routes.png --data routes.csv
      """)

  @OptionGroup var runOptions: RunOptions
  @OptionGroup var figure: FigureOptions

  @Option(parsing: .unconditional, help: "Also write the trajectories as CSV (method,run,step,x,y,loss,grad_evals).")
  var data: String?

  @Option(parsing: .unconditional, help: "Contour levels: auto, linear, log, quantile, or values such as 0,1,2,5.")
  var levels = "auto"

  @Flag(help: "Write the level values on the contour lines.")
  var contourLabels = false

  @Option(parsing: .unconditional, help: "Route style: solid, or fading (old steps fade out).")
  var trail = "solid"

  @Option(parsing: .unconditional, help: "Panels: single, or methods (one panel per method, shared colorbar).")
  var panels = "single"

  @Option(parsing: .unconditional, help: "Columns of the panel grid with --panels methods.")
  var columns: String?

  func run() throws {
    try reportingErrors {
      let job = try validated()
      try job.execute()
    }
  }

  /// Checks every input before any computation, so a mistake costs nothing and writes nothing; every
  /// problem is reported at once.
  func validated() throws -> PlotJob {
    var problems = Problems()
    let experiment = runOptions.experiment(repeats: 1, problems: &problems)
    let style = problems.check { try figure.style() } ?? .standard
    let gridNodes = problems.check { try figure.gridNodes(default: 400) } ?? 400
    let map = problems.check { try figure.chosenColormap() } ?? nil
    let title = problems.check { try figure.titleMarkup() } ?? nil
    let labels = problems.check { try figure.axisLabels() } ?? AxisLabels()
    let routeTrail = problems.check {
      guard let t = RoutesFigure.Trail(rawValue: trail) else {
        throw FlatlandError.unknownName(
          kind: "value for --trail", name: trail, accepted: RoutesFigure.Trail.allCases.map(\.rawValue))
      }
      return t
    }
    let panelGrid = problems.check { () throws -> RoutesFigure.Panels in
      switch panels {
      case "single": return .single
      case "methods":
        return .perMethod(columns: try columns.map { try Parse.whole($0, flag: "--columns", in: 1...12) })
      default:
        throw FlatlandError.unknownName(kind: "value for --panels", name: panels, accepted: ["single", "methods"])
      }
    }
    _ = problems.check { try figure.checkOutput(besides: data.map { [$0] } ?? []) }
    if let data { _ = problems.check { try AtomicFile.checkWritable(data) } }
    if let experiment {
      // Levels are checked against a coarse field now, so a bad list fails before the runs.
      let info = experiment.landscape.info
      _ = problems.check {
        try ContourLevels.parse(
          levels, for: info, field: ScalarField(sampling: experiment.landscape, over: info.window, nx: 20, ny: 20))
      }
    }
    try problems.finish()
    guard let experiment, let routeTrail, let panelGrid else { throw CLIError("invalid input") }
    return PlotJob(
      experiment: experiment, figure: figure, data: data, style: style, grid: gridNodes, colormap: map, title: title,
      levels: levels, contourLabels: contourLabels, trail: routeTrail, panels: panelGrid, axisLabels: labels)
  }
}

/// A validated `plot` request: compute, draw, write.
struct PlotJob {
  var experiment: RouteExperiment
  var figure: FigureOptions
  var data: String?
  var style: FigureStyle
  var grid: Int
  var colormap: Colormap?
  var title: String?
  var levels: String
  var contourLabels: Bool
  var trail: RoutesFigure.Trail
  var panels: RoutesFigure.Panels
  var axisLabels: AxisLabels

  func execute() throws {
    TextMeasurer.warmUpInBackground()
    let trajectories = experiment.run()
    let info = experiment.landscape.info
    let field = ScalarField(sampling: experiment.landscape, over: info.window, nx: grid, ny: grid)
    var routes = RoutesFigure(
      landscape: info, field: field, trajectories: trajectories,
      levels: try ContourLevels.parse(levels, for: info, field: field))
    routes.style = style
    routes.title = title
    if let colormap { routes.colormap = colormap }
    routes.contourLabels = contourLabels
    routes.trail = trail
    routes.panels = panels
    routes.independentAxes = figure.independentAxes
    routes.axisLabels = axisLabels
    routes.footnote = RunOptions.footnote(experiment)
    try figure.write(routes.scene(), style: style)
    if let data {
      try AtomicFile.write(Data(TrajectoryCSV.render(trajectories).utf8), to: URL(fileURLWithPath: data))
    }
  }
}

/// A user-facing failure: ArgumentParser prints it as one line after "Error:" and exits non-zero.
struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ message: String) { description = message }
}
