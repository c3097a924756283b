import ArgumentParser
import Flatland
import FlatlandPlot

/// `flatland curves`: loss, distance or gradient norm against steps or evaluations.
struct CurvesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "curves",
    abstract: "Plot loss curves of several methods (log y; mean and band over noisy repeats).",
    discussion: """
      Example (fair comparison at equal cost, 20 noisy repeats):
        flatland curves --landscape two-valleys --methods sgd,sam,looksam --noise 0.3 --repeats 20 \\
          --x evaluations -o curves.png
      """)

  @OptionGroup var runOptions: RunOptions
  @OptionGroup var figure: FigureOptions

  @Option(
    parsing: .unconditional, help: "What to plot: loss (L − L_min), distance (to the nearest minimum), grad-norm.")
  var y = "loss"

  @Option(parsing: .unconditional, help: "Against: steps, or evaluations (gradient evaluations; function ones for ES).")
  var x = "steps"

  @Option(parsing: .unconditional, help: "Runs per method and start, differing only in their noise.")
  var repeats = "1"

  @Flag(help: "Linear y axis instead of log.")
  var linear = false

  func run() throws {
    try reportingErrors {
      guard let quantity = CurvesFigure.Quantity(rawValue: y) else {
        throw FlatlandError.unknownName(
          kind: "value for --y", name: y, accepted: CurvesFigure.Quantity.allCases.map(\.rawValue))
      }
      guard let abscissa = CurvesFigure.Abscissa(rawValue: x) else {
        throw FlatlandError.unknownName(
          kind: "value for --x", name: x, accepted: CurvesFigure.Abscissa.allCases.map(\.rawValue))
      }
      let count = try Parse.whole(repeats, flag: "--repeats", in: 1...1000)
      let experiment = try runOptions.experiment(repeats: count)
      if quantity == .distance, experiment.landscape.info.minima.isEmpty {
        throw FlatlandError.invalidValue(
          what: "--y", text: y, expected: "loss or grad-norm: '\(experiment.landscape.info.name)' has no known minima")
      }
      let style = try figure.style()
      let title = try figure.titleMarkup()
      let labels = (
        x: try FigureOptions.label(figure.xlabel, flag: "--xlabel"),
        y: try FigureOptions.label(figure.ylabel, flag: "--ylabel")
      )
      try figure.checkOutput()
      TextMeasurer.warmUpInBackground()
      var curves = CurvesFigure(landscape: experiment.landscape, trajectories: experiment.run())
      curves.quantity = quantity
      curves.abscissa = abscissa
      curves.logarithmic = !linear
      curves.style = style
      curves.title = title
      curves.xLabelOverride = labels.x
      curves.yLabelOverride = labels.y
      curves.footnote = RunOptions.footnote(experiment)
      try figure.write(curves.scene(), style: style)
    }
  }
}
