/// One method of an experiment: a preset, the hyperparameters the user set, and an optional legend
/// label (label syntax, e.g. `"SAM, $\\rho = 0.1$"`).
///
/// ```swift
/// let spec = MethodSpec(.gsam, [.rho: 0.05, .alpha: 0.3, .base: "adam"])
/// let method = try spec.method(defaults: MethodDefaults(learningRate: 0.03, rho: 0.1))
/// ```
public struct MethodSpec: Sendable, Equatable {
  public var preset: MethodPreset
  /// Keys set explicitly; every other key takes its default when the spec is resolved.
  public var values: [MethodKey: MethodValue]
  public var label: String?

  public init(_ preset: MethodPreset, _ values: [MethodKey: MethodValue] = [:], label: String? = nil) {
    self.preset = preset
    self.values = values
    self.label = label
  }

  /// The typed parameters: the landscape's defaults, then the preset's, then the explicit values.
  /// Problems are noted at `path` + key (`methods[1].rho`).
  public func parameters(defaults d: MethodDefaults, log: inout ProblemLog, at path: SpecPath) -> MethodParameters? {
    var p = MethodParameters()
    let options = preset.options
    func apply(_ option: MethodOption, _ value: MethodValue) {
      // Defaults are valid by construction (a test resolves every preset with its defaults).
      _ = option.set(value, in: &p)
    }
    for option in options where values[option.key] == nil {
      switch option.defaultValue {
      case .value(let v): apply(option, v)
      case .suggestedLearningRate: apply(option, .number(d.learningRate))
      case .suggestedRho: apply(option, .number(d.rho))
      case .suggestedRhoPair: apply(option, .pair(Vec2(d.rho, d.rho)))
      case .suggestedSigma: apply(option, .pair(d.sigma))
      case .populationSigma: apply(option, .number(d.populationSigma))
      case .rhoMinimum: break  // depends on the resolved radius: below
      }
    }
    var ok = true
    for (key, value) in values.sorted(by: { $0.key < $1.key }) {
      guard let option = preset.option(key) else {
        log.error(
          unknownNameMessage("key", key.rawValue, in: "method '\(preset.rawValue)'", accepted: acceptedKeys),
          at: path + key.rawValue, atKey: true)
        ok = false
        continue
      }
      if let problem = option.set(value, in: &p) {
        log.error(problem, at: path + key.rawValue)
        ok = false
      }
    }
    if let option = preset.option(.rhoMin), values[.rhoMin] == nil {
      apply(option, .number(p.radius == .lrProportional ? p.rho : 1e-4))
    }
    if preset.accepts(.base), p.base == .adam, values[.mu] != nil {
      log.error("has no effect with base = adam (Adam's β₁ is 0.9); remove it or choose momentum", at: path + "mu")
      ok = false
    }
    return ok ? p : nil
  }

  /// The keys a spec table for this method accepts: `name`, `label` and the preset's options.
  public var acceptedKeys: [String] { ["name", "label"] + preset.options.map(\.key.rawValue) }

  /// The method, with `labelMarkup` (the label already translated to Pango markup) in legends.
  public func method(defaults: MethodDefaults, labelMarkup: String? = nil) throws(SpecProblems) -> Method {
    var log = ProblemLog()
    guard let p = parameters(defaults: defaults, log: &log, at: .root) else { throw SpecProblems(log.sorted) }
    var method = preset.entry.build(p)
    method.label = labelMarkup
    return method
  }

  /// This spec with every key the preset accepts set to its value in `p` (the resolved form
  /// written beside a run's outputs).
  public func filled(with p: MethodParameters) -> MethodSpec {
    var out = self
    for option in preset.options { out.values[option.key] = option.value(in: p) }
    // Adam has no μ (its β₁ is fixed); writing it would make the resolved spec refuse itself.
    if preset.accepts(.base), p.base == .adam { out.values[.mu] = nil }
    return out
  }
}
