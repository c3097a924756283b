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

  @Option(parsing: .unconditional, help: "Landscape name (see 'flatland list landscapes') or a formula in x and y.")
  var landscape = "two-valleys"

  @Option(parsing: .unconditional, help: "Landscape parameters, e.g. a=1,b=10.")
  var param: String?

  @Option(
    parsing: .unconditional, help: "Comma-separated presets sharing the flags below (see 'flatland list methods').")
  var methods: String?

  @Option(
    parsing: .unconditionalSingleValue,
    help: "One method with its own hyperparameters, NAME:key=value,…; repeatable (e.g. vsam:sigma=0.5,0.05).")
  var method: [String] = []

  @Option(parsing: .unconditionalSingleValue, help: "Start X,Y; repeat for several starts.")
  var start: [String] = []

  @Option(parsing: .unconditional, help: "Steps per run.")
  var steps: String?

  @Option(parsing: .unconditional, help: "Learning rate η.")
  var lr: String?

  @Option(parsing: .unconditional, help: "Perturbation radius ρ (sam, gsam, vsam).")
  var rho: String?

  @Option(parsing: .unconditional, help: "GSAM's α (weight of the orthogonal component).")
  var alpha = "0.4"

  @Option(parsing: .unconditional, help: "VSAM's fixed diagonal σ as SX,SY.")
  var sigma: String?

  @Option(parsing: .unconditional, help: "Momentum μ for 'momentum'.")
  var momentum = "0.9"

  @Option(
    parsing: .unconditional,
    help: "Gradient noise: S (isotropic Gaussian), SX,SY (diagonal) or hessian:S (covariance S²|H|); 0 = exact.")
  var noise = "0"

  @Option(parsing: .unconditional, help: "Random seed (only matters with noise).")
  var seed = "0"

  @Option(name: [.short, .customLong("output")], parsing: .unconditional, help: "Figure file: .png, .svg or .pdf.")
  var output: String

  @Option(parsing: .unconditional, help: "Also write the trajectories as CSV (method,run,step,x,y,loss,grad_evals).")
  var data: String?

  @Option(parsing: .unconditional, help: "Figure size WIDTHxHEIGHT in pixels (points for SVG/PDF).")
  var size = "1200x900"

  @Option(parsing: .unconditional, help: "Grid resolution for the contours (nodes per axis).")
  var grid = "400"

  @Option(parsing: .unconditional, help: "Figure title (Pango markup); default: landscape name and formula.")
  var title: String?

  func run() throws {
    do {
      let job = try validated()
      try job.execute()
    } catch let error as FlatlandError {
      throw CLIError(error.description)
    } catch let error as OutputError {
      throw CLIError(error.description)
    } catch let error as RenderError {
      throw CLIError(error.description)
    }
  }

  /// Checks every input before any computation, so a mistake costs nothing and writes nothing.
  func validated() throws -> PlotJob {
    let parameters = try param.map { try Parse.assignments($0, flag: "--param") } ?? [:]
    let surface = try LandscapeCatalog.make(landscape, parameters: parameters)
    let info = surface.info
    let suggestion = info.suggested
    let starts = start.isEmpty ? suggestion.starts : try start.map { try Parse.pair($0, flag: "--start") }
    for s in starts where !info.domain.contains(s) {
      throw FlatlandError.startOutsideDomain(start: s, landscape: info.name, domain: info.domain)
    }
    let stepCount = try steps.map { try Parse.whole($0, flag: "--steps", in: 1...1_000_000) } ?? suggestion.steps
    let learningRate = try lr.map { try Parse.number($0, flag: "--lr") } ?? suggestion.learningRate
    guard learningRate > 0 else {
      throw FlatlandError.invalidValue(what: "--lr", text: lr ?? "", expected: "a learning rate > 0")
    }
    let radius = try rho.map { try Parse.number($0, flag: "--rho") } ?? suggestion.rho
    guard radius >= 0 else {
      throw FlatlandError.invalidValue(what: "--rho", text: rho ?? "", expected: "a radius ≥ 0")
    }
    var settings = MethodCatalog.Settings(learningRate: learningRate, rho: radius)
    settings.alpha = try Parse.number(alpha, flag: "--alpha")
    settings.momentum = try Parse.number(momentum, flag: "--momentum")
    settings.sigma = try sigma.map { try Parse.pair($0, flag: "--sigma") } ?? suggestion.sigma
    guard settings.sigma.x >= 0, settings.sigma.y >= 0 else {
      throw FlatlandError.invalidValue(what: "--sigma", text: sigma ?? "", expected: "two tolerances ≥ 0")
    }
    settings.populationSigma = 0.05 * Swift.min(info.window.width, info.window.height)
    var chosen = try (methods.map { try Parse.methodNames($0) } ?? (method.isEmpty ? ["sgd", "sam"] : []))
      .map { try MethodCatalog.make($0, settings: settings) }
    for text in method {
      let (name, overrides) = try MethodCatalog.parseSpecification(text)
      chosen.append(try MethodCatalog.make(name, settings: settings, overrides: overrides))
    }
    let noiseModel = try Parse.noise(noise)
    let (width, height) = try Parse.size(size)
    let gridNodes = try Parse.whole(grid, flag: "--grid", in: 20...4000)
    let seedValue = try Parse.seed(seed)
    for path in [output] + (data.map { [$0] } ?? []) {
      try AtomicFile.checkWritable(path)
    }
    guard ImageFormat(path: output) != nil else {
      throw OutputError.cannotWrite(path: output, reason: "unsupported extension; use .png, .svg or .pdf")
    }
    if let data, data == output {
      throw FlatlandError.invalidValue(what: "--data", text: data, expected: "a file other than the figure")
    }
    let experiment = RouteExperiment(
      landscape: surface, methods: chosen, starts: starts, steps: stepCount,
      noise: noiseModel, seed: seedValue)
    return PlotJob(
      experiment: experiment, output: output, data: data, width: width, height: height, grid: gridNodes, title: title)
  }
}

/// A validated `plot` request: compute, draw, write.
struct PlotJob {
  var experiment: RouteExperiment
  var output: String
  var data: String?
  var width: Double
  var height: Double
  var grid: Int
  var title: String?

  func execute() throws {
    TextMeasurer.warmUpInBackground()
    let trajectories = experiment.run()
    let info = experiment.landscape.info
    let field = ScalarField(sampling: experiment.landscape, over: info.window, nx: grid, ny: grid)
    var figure = RoutesFigure(landscape: info, field: field, trajectories: trajectories)
    figure.width = width
    figure.height = height
    figure.title = title
    let starts = experiment.starts.map { "(\(formatShort($0.x)), \(formatShort($0.y)))" }.joined(separator: ", ")
    figure.footnote =
      "\(experiment.steps) steps from \(starts)\nnoise: \(experiment.noise)"
      + (experiment.noise == .none ? "" : ", seed \(experiment.seed)")
    try FigureFile.write(figure.scene(), to: output)
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
