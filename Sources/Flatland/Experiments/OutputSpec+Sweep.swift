/// Resolving a sweep output: both axes given and different, every method taking both keys, the
/// corners of the grid valid for every method (the keys' valid values are intervals, so the
/// whole grid is), and the job within the batch engine's guard.
extension OutputSpec {
  func resolveSweep(
    at path: SpecPath, _ context: OutputContext, _ out: inout OutputSpec, _ look: inout FigureLook,
    _ log: inout ProblemLog
  ) -> Analysis? {
    var ok = true
    func fail(_ message: String, _ key: String, atKey: Bool = false) {
      log.error(message, at: path + key, atKey: atKey)
      ok = false
    }
    guard let x = sweepX, let y = sweepY else {
      for (key, axis, example) in [("x", sweepX, "lr=0.001:0.1:log:32"), ("y", sweepY, "rho=0:0.5:32")]
      where axis == nil {
        // A value that could not be read is already reported.
        if !log.sources.isUnreadable(path + key) {
          log.error("a sweep needs \(key) = \"KEY=FROM:TO[:lin|log][:COUNT]\", e.g. \(key) = \"\(example)\"", at: path)
        }
      }
      return nil
    }
    if x.key == y.key { fail("x and y both sweep \(x.key.rawValue); sweep two different keys", "y") }
    if context.methods > ExperimentSpec.Guards.panels {
      log.error("a sweep draws at most nine methods (one panel each)", at: .root + "methods")
      ok = false
    }
    for (m, spec) in context.methodSpecs.enumerated() {
      let methodPath = SpecPath.root + "methods" + m
      for (key, axis) in [("x", x), ("y", y)] {
        guard let option = spec.preset.option(axis.key) else {
          fail(
            "method '\(spec.preset.rawValue)' has no key \(axis.key.rawValue) to sweep; it takes "
              + spec.preset.options.filter { Self.sweepable($0) }.map(\.key.rawValue).joined(separator: ", "), key)
          continue
        }
        guard Self.sweepable(option) else {
          fail("\(axis.key.rawValue) of '\(spec.preset.rawValue)' is not a number; a sweep varies numbers", key)
          continue
        }
        if spec.values[axis.key] != nil {
          log.warning(
            "has no effect: the sweep's \(key) axis sets \(axis.key.rawValue) in every cell",
            at: methodPath + axis.key.rawValue, atKey: true)
        }
      }
    }
    guard ok else { return nil }
    for (m, spec) in context.methodSpecs.enumerated() {
      let grid = SweepGrid(x: x, y: y, spec: spec, defaults: context.defaults)
      corners: for vx in [x.from, x.to] {
        for vy in [y.from, y.to] {
          guard let problem = grid.problems(vx, vy).first else { continue }
          let key = problem.path.description.hasSuffix(y.key.rawValue) ? "y" : "x"
          fail(
            "method \(m + 1) ('\(spec.preset.rawValue)') cannot run the corner \(x.key.rawValue) = \(formatShort(vx)), "
              + "\(y.key.rawValue) = \(formatShort(vy)): \(problem.message)", key)
          break corners
        }
      }
    }
    let quantity: SweepQuantity
    if let q = sweepQuantity {
      quantity = q
      if q == .minimum, let info = context.info, info.minima.isEmpty {
        fail(
          "'minimum' sorts runs by the known minimum they reach, and '\(info.name)' has none listed (typed formulas "
            + "list none); show loss, sharpness, steps or diverged", "quantity")
      }
    } else {
      quantity = context.info?.minima.isEmpty == false ? .minimum : .loss
    }
    if isFigure {
      out.sweepQuantity = quantity
      look.sweepQuantity = quantity
      look.log = self.log ?? false
      out.log = look.log
      if look.log, quantity == .minimum || quantity == .diverged {
        log.warning(
          "has no effect on \(quantity.rawValue), whose colours are \(quantity == .minimum ? "categories" : "shares")",
          at: path + "log", atKey: true)
        look.log = false
      }
    }
    out.sweepX = x
    out.sweepY = y
    let runs = context.starts * context.repeats
    let total = Double(x.count * y.count) * Double(runs) * Double(context.steps) * Double(context.methods)
    if total > Double(ExperimentSpec.Guards.basinSteps) {
      fail(
        "\(x.count) × \(y.count) cells × \(runs) runs × \(context.steps) steps × \(context.methods) methods = "
          + "\(formatShort(total, digits: 3)) steps is over the limit of 3·10⁹ "
          + "(\(String(format: "%.1f", total / Double(ExperimentSpec.Guards.basinSteps)))×); use fewer values, "
          + "starts, repeats or steps", "x")
    }
    return ok ? .sweep(SweepRequest(x: x, y: y)) : nil
  }

  /// Keys a sweep can vary: numbers, whole numbers, and pairs (set to (v, v)).
  static func sweepable(_ option: MethodOption) -> Bool {
    switch option.kind {
    case .number, .whole, .pair: return true
    case .flag, .choice: return false
    }
  }
}

/// The two axes of a sweep (its methods are the experiment's).
public struct SweepRequest: Sendable, Hashable {
  public var x: SweepAxis
  public var y: SweepAxis

  public init(x: SweepAxis, y: SweepAxis) {
    self.x = x
    self.y = y
  }
}
