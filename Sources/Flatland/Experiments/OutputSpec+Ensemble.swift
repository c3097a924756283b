extension OutputSpec {
  /// The ensemble's request: its bundle checked against the repeats, its size against the guards.
  func resolveEnsemble(
    at path: SpecPath, _ context: OutputContext, contours: Int, _ out: inout OutputSpec, _ log: inout ProblemLog
  ) -> Analysis? {
    var ok = true
    let runs = context.starts * context.repeats
    if context.methods > ExperimentSpec.Guards.panels {
      log.error("an ensemble draws at most nine methods (one panel each)", at: .root + "methods")
      ok = false
    }
    if runs < 2 {
      log.error(
        "an ensemble of one run shows nothing a route does not; give repeats (e.g. repeats = 100, with noise) or "
          + "several starts", at: .root + "run" + "repeats")
      ok = false
    } else if context.repeats > 1, context.noiseless {
      log.warning(
        "with noise = none the repeats differ only where a method draws random numbers (random SAM, MFVI, MixSAM, ES, …); "
          + "for SGD or SAM they are copies of one run: add noise, e.g. noise = { kind = \"gaussian\", sigma = 0.3 } "
          + "(--noise 0.3)", at: .root + "run" + "repeats",
        atKey: true)
    }
    var bundle = 0
    if isFigure {
      bundle = Swift.min(context.repeats, 30)
      if let given = self.bundle {
        if let b = check(given, at: path + "bundle", in: 0...100, &log) {
          bundle = Swift.min(b, context.repeats)
          if b > context.repeats {
            log.warning(
              "has no effect beyond the \(context.repeats) repeats: every repeat's route is drawn", at: path + "bundle",
              atKey: true)
          }
        } else {
          ok = false
        }
      }
      out.bundle = bundle
    }
    let total = Double(runs) * Double(context.steps) * Double(context.methods)
    if total > Double(ExperimentSpec.Guards.basinSteps) {
      log.error(
        "\(runs) runs × \(context.steps) steps × \(context.methods) methods = \(formatShort(total, digits: 3)) steps is "
          + "over the limit of 3·10⁹ (\(String(format: "%.1f", total / Double(ExperimentSpec.Guards.basinSteps)))×); "
          + "use fewer starts, repeats or steps", at: .root + "run" + "repeats")
      ok = false
    }
    return ok ? .ensemble(EnsembleRequest(bundle: bundle, contours: contours)) : nil
  }
}

/// What an ensemble keeps beyond its ends: routes per method and start, and the contour grid.
public struct EnsembleRequest: Sendable, Hashable {
  public var bundle: Int
  public var contours: Int

  public init(bundle: Int, contours: Int) {
    self.bundle = bundle
    self.contours = contours
  }
}
