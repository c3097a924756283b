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
  ///
  /// `shared`: keys set by a shared command-line flag; where such a key cannot act it is left
  /// unused (and added to `unused`) instead of refused.
  public func parameters(
    defaults d: MethodDefaults, log: inout ProblemLog, at path: SpecPath, shared: Set<MethodKey> = [],
    unused: inout Set<MethodKey>
  ) -> MethodParameters? {
    var p = MethodParameters()
    let options = preset.options
    func apply(_ option: MethodOption, _ value: MethodValue) {
      // Defaults are valid by construction (a test resolves every preset with its defaults).
      _ = option.set(value, in: &p)
    }
    for option in options where values[option.key] == nil {
      // Defaults that follow other keys (rho-min, when) are set below, once those are known.
      if let value = defaultValue(of: option, d) { apply(option, value) }
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
    for option in options where values[option.key] == nil {
      if let value = option.defaultValue.following(p) { apply(option, value) }
    }
    for (key, value) in values.sorted(by: { $0.key < $1.key }) {
      guard let option = preset.option(key), let relevance = MethodCatalog.relevance(of: key, in: preset),
        !relevance.holds(p)
      else { continue }
      // Keys a shared flag set (`--momentum` for every method) are simply not used where they
      // cannot act; the caller reports a flag that acts nowhere.
      if shared.contains(key) {
        unused.insert(key)
        continue
      }
      if let d = defaultValue(of: option, d), d == value { continue }
      log.error(
        "\(key.rawValue) has no effect here: it acts only with \(relevance.when); remove it or set that",
        at: path + key.rawValue, atKey: true)
      ok = false
    }
    if values[.radius] == .choice(RadiusChoice.lrProportional.rawValue), values[.rhoMin] == nil {
      // GSAM's preset keeps ρ_min = ρ by default; asked for by name, the schedule should act.
      log.error(
        "radius = lr-proportional runs ρ from rho-min up to rho as η decays, and rho-min defaults to rho here, so ρ would stay constant: give rho-min below rho",
        at: path + MethodKey.radius.rawValue)
      ok = false
    }
    for (key, message) in MethodCatalog.contradictions(p, preset) {
      log.error(message, at: path + key.rawValue)
      ok = false
    }
    return ok ? p : nil
  }

  /// The constant or landscape default of `option`, if it has one.
  func defaultValue(of option: MethodOption, _ d: MethodDefaults) -> MethodValue? {
    switch option.defaultValue {
    case .value(let v): return v
    case .suggestedLearningRate: return .number(d.learningRate)
    case .suggestedRho: return .number(d.rho)
    case .suggestedRhoPerCoordinate: return .pair(d.rhoPerCoordinate)
    case .suggestedSigma: return .pair(d.sigma)
    case .suggestedSigmaLearningRate: return .number(d.learningRate / 10)
    case .populationSigma: return .number(d.populationSigma)
    case .rhoMinimum, .perturbationSchedule: return nil
    }
  }

  /// The keys a spec table for this method accepts: `name`, `label` and the preset's options.
  public var acceptedKeys: [String] { ["name", "label"] + preset.options.map(\.key.rawValue) }

  /// The method, with `labelMarkup` (the label already translated to Pango markup) in legends.
  public func method(defaults: MethodDefaults, labelMarkup: String? = nil) throws(SpecProblems) -> Method {
    var log = ProblemLog()
    var unused = Set<MethodKey>()
    guard let p = parameters(defaults: defaults, log: &log, at: .root, unused: &unused) else {
      throw SpecProblems(log.sorted)
    }
    var method = preset.entry.build(p)
    method.label = labelMarkup
    return method
  }

  /// This spec with every key the preset accepts and that acts under `p` set to its value there
  /// (the resolved form written beside a run's outputs): keys that cannot act (`target` without
  /// the target-sharpness radius) are left out, so the resolved spec reads as what ran.
  public func filled(with p: MethodParameters) -> MethodSpec {
    var out = self
    out.values = [:]
    for option in preset.options {
      if let relevance = MethodCatalog.relevance(of: option.key, in: preset), !relevance.holds(p) { continue }
      out.values[option.key] = option.value(in: p)
    }
    return out
  }

  /// This filled spec without the keys that hold their fixed default (a constant, or one that
  /// follows another key, like rho-min under lr-proportional): the form a method's random streams
  /// are keyed by, so that a default written out, or a key added in a later version with a
  /// default that keeps the old behaviour, leaves the streams as they were.
  public func essential(with p: MethodParameters) -> MethodSpec {
    var out = self
    for option in preset.options {
      guard let value = out.values[option.key] else { continue }
      let fixed: MethodValue?
      if case .value(let v) = option.defaultValue { fixed = v } else { fixed = option.defaultValue.following(p) }
      if let fixed, fixed == value { out.values[option.key] = nil }
    }
    return out
  }

  /// What the method is, for its random streams: a hash of this spec's canonical form without the
  /// label (call it on the essential spec, so that defaults written out or added give the same
  /// streams).
  public var identity: UInt64 {
    var bare = self
    bare.label = nil
    return Method.hash(JSONWriter.compact(bare.node))
  }
}
