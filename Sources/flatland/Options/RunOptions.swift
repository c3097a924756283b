import ArgumentParser
import Flatland

/// What to run: landscape, methods, starts and the optimizer settings shared by `plot`, `curves`,
/// `map` and `schematic`.
struct RunOptions: ParsableArguments {
  @OptionGroup var landscapeOptions: LandscapeOptions

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

  @Option(parsing: .unconditional, help: "Perturbation radius ρ.")
  var rho: String?

  @Option(parsing: .unconditional, help: "GSAM's α (weight of the orthogonal component).")
  var alpha = "0.4"

  @Option(parsing: .unconditional, help: "VSAM's fixed diagonal σ as SX,SY.")
  var sigma: String?

  @Option(parsing: .unconditional, help: "Momentum μ for 'momentum' and 'nesterov'.")
  var momentum = "0.9"

  @Option(
    parsing: .unconditional,
    help: "Gradient noise: S (isotropic Gaussian), SX,SY (diagonal) or hessian:S (covariance S²|H|); 0 = exact.")
  var noise = "0"

  @Option(parsing: .unconditional, help: "Random seed (only matters with noise or random methods).")
  var seed = "0"

  /// The landscape alone (for commands that need no methods).
  func surface() throws -> any Landscape { try landscapeOptions.surface() }

  /// Methods, in the order given: the `--methods` list, then each `--method`.
  func chosenMethods(for info: LandscapeInfo, defaults: [String] = ["sgd", "sam"]) throws -> [Method] {
    var problems = Problems()
    let chosen = chosenMethods(for: info, defaults: defaults, problems: &problems)
    try problems.finish()
    return chosen
  }

  /// The same, noting every problem instead of stopping at the first (a bad value falls back to the
  /// landscape's suggestion so the remaining flags are still checked).
  func chosenMethods(for info: LandscapeInfo, defaults: [String], problems: inout Problems) -> [Method] {
    let suggestion = info.suggested
    let learningRate =
      problems.check {
        let v = try lr.map { try Parse.number($0, flag: "--lr") } ?? suggestion.learningRate
        guard v > 0 else {
          throw FlatlandError.invalidValue(what: "--lr", text: lr ?? "", expected: "a learning rate > 0")
        }
        return v
      } ?? suggestion.learningRate
    let radius =
      problems.check {
        let v = try rho.map { try Parse.number($0, flag: "--rho") } ?? suggestion.rho
        guard v >= 0 else { throw FlatlandError.invalidValue(what: "--rho", text: rho ?? "", expected: "a radius ≥ 0") }
        return v
      } ?? suggestion.rho
    var settings = MethodCatalog.Settings(learningRate: learningRate, rho: radius)
    settings.alpha = problems.check { try Parse.number(alpha, flag: "--alpha") } ?? settings.alpha
    settings.momentum = problems.check { try Parse.number(momentum, flag: "--momentum") } ?? settings.momentum
    settings.sigma =
      problems.check {
        let v = try sigma.map { try Parse.pair($0, flag: "--sigma") } ?? suggestion.sigma
        guard v.x >= 0, v.y >= 0 else {
          throw FlatlandError.invalidValue(what: "--sigma", text: sigma ?? "", expected: "two tolerances ≥ 0")
        }
        return v
      } ?? suggestion.sigma
    settings.populationSigma = 0.05 * Swift.min(info.window.width, info.window.height)
    let names =
      problems.check { try methods.map { try Parse.methodNames($0) } ?? (method.isEmpty ? defaults : []) } ?? []
    var chosen = names.compactMap { name in problems.check { try MethodCatalog.make(name, settings: settings) } }
    for text in method {
      if let m = problems.check({
        let (name, overrides) = try MethodCatalog.parseSpecification(text)
        return try MethodCatalog.make(name, settings: settings, overrides: overrides)
      }) {
        chosen.append(m)
      }
    }
    return chosen
  }

  /// Every input checked, before any work: the experiment to run. All problems are reported at once.
  func experiment(repeats: Int = 1) throws -> RouteExperiment {
    var problems = Problems()
    let experiment = experiment(repeats: repeats, problems: &problems)
    try problems.finish()
    // swift-format-ignore: NeverForceUnwrap
    return experiment!
  }

  /// The experiment, noting every problem; `nil` only when the landscape itself is unusable.
  func experiment(repeats: Int, problems: inout Problems) -> RouteExperiment? {
    guard let surface = problems.check({ try surface() }) else {
      // Without a landscape there are no suggestions; still check what can be checked alone.
      _ = problems.check { try Parse.noise(noise) }
      _ = problems.check { try Parse.seed(seed) }
      return nil
    }
    let info = surface.info
    let starts =
      problems.check {
        let s = start.isEmpty ? info.suggested.starts : try start.map { try Parse.pair($0, flag: "--start") }
        for p in s where !info.domain.contains(p) {
          throw FlatlandError.startOutsideDomain(start: p, landscape: info.name, domain: info.domain)
        }
        return s
      } ?? info.suggested.starts
    let stepCount =
      problems.check {
        try steps.map { try Parse.whole($0, flag: "--steps", in: 1...1_000_000) } ?? info.suggested.steps
      }
      ?? info.suggested.steps
    let chosen = chosenMethods(for: info, defaults: ["sgd", "sam"], problems: &problems)
    let noiseModel = problems.check { try Parse.noise(noise) } ?? .none
    let seedValue = problems.check { try Parse.seed(seed) } ?? 0
    // Every step of every run is kept (points, losses, step records: about 150 bytes a step).
    let total = chosen.count * starts.count * repeats * stepCount
    if total > 20_000_000 {
      problems.note(
        FlatlandError.invalidValue(
          what: "--steps", text: "\(stepCount)",
          expected: "at most 2·10⁷ steps in all (methods × starts × repeats × steps = \(total)); use fewer"))
    }
    return RouteExperiment(
      landscape: surface, methods: chosen, starts: starts, steps: stepCount, noise: noiseModel, seed: seedValue,
      repeats: repeats)
  }

  /// "500 steps from (0.3, 2)\nnoise: none" for legends.
  static func footnote(_ e: RouteExperiment) -> String {
    let starts = e.starts.map { "(\(formatShort($0.x)), \(formatShort($0.y)))" }.joined(separator: ", ")
    return "\(e.steps) steps from \(starts)\nnoise: \(e.noise)" + (e.noise == .none ? "" : ", seed \(e.seed)")
  }
}
