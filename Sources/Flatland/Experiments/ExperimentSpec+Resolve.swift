import Foundation

/// Resolution: every default filled in one place (the landscape's suggestions, then each method's
/// own), every value checked against its one rule, the resource guards applied, and every problem
/// reported at once — before anything is computed.
extension ExperimentSpec {
  /// Limits that keep a job within this machine's reach; a refused job says which and by how much.
  public enum Guards {
    /// Every step of every run is kept (points, losses, records: about 150 bytes a step).
    public static let totalSteps = 20_000_000
    /// Basin maps: grid² × steps × methods (the batch engine does about 5·10⁷ a second on two
    /// cores: this is about a minute).
    public static let basinSteps = 3_000_000_000
    /// Basin maps: starts per axis (a 1024² map is a million runs).
    public static let basinGrid = 1024
    /// Exact worst cases cost about a thousand evaluations per node.
    public static let sharpnessGrid = 600
    public static let steps = 1...1_000_000
    public static let repeats = 1...1000
    public static let grid = 20...4000
    public static let size = 200...10000
    public static let dpi = 18...2400
    public static let panels = 9
    /// Pixels of one PNG (about 4 bytes each while it is drawn): 10⁸, e.g. 10000 × 10000 at 72 dpi.
    public static let pixels = 100_000_000
    /// Formula nodes × evaluations of a job on a typed formula (about 30 s on two cores, the formula
    /// compiled and run eight lanes at a time).
    public static let formulaCost = 20_000_000_000.0
    /// Landscape evaluations of a whole job, on any landscape (a minute or two on two cores): the
    /// grids × evaluations per node of maps, plus the runs.
    public static let evaluations = 3_000_000_000.0
  }

  /// The key of an output a cost problem is best shown at: its grid or radii where they were
  /// written (a flag, a line of a file), else the output itself.
  static func pointAt(_ output: SpecPath, _ sources: SpecSources) -> SpecPath {
    for key in ["grid", "radii", "rho"] where sources.location(of: output + key) != nil { return output + key }
    return output
  }

  /// The experiment, or every problem at once.
  public func resolve() throws(SpecProblems) -> Experiment {
    var log = ProblemLog(sources: sources)
    var resolved = ExperimentSpec(title: title, seed: seed ?? 0, sources: sources)
    let built = resolveLandscape(&log)
    resolved.landscape = built.map { LandscapeSpec(resolving: landscape ?? LandscapeSpec(), $0) }
    let info = built?.landscape.info
    let probe = built.map { LandscapeProbe($0.landscape, over: $0.landscape.info.window) }
    if let probe, let info {
      let what = landscape?.formula.map { "'\($0)'" } ?? "'\(info.name)'"
      let path = SpecPath.root + "landscape" + (landscape?.formula != nil ? "formula" : "name")
      if probe.finite == 0 {
        log.error(
          "\(what) is not finite anywhere in the window \(info.window) (NaN or ±∞ at every point); "
            + "nothing can be drawn or descended", at: path)
      } else if probe.isConstant {
        log.error(
          "\(what) is constant (\(formatShort(probe.low))) over the window \(info.window); nothing can be drawn "
            + "or descended", at: path)
      }
    }
    let titleMarkup = label(title, at: .root + "title", &log)

    // Runs.
    let suggestion = info?.suggested
    let steps = check(run.steps, at: .root + "run" + "steps", in: Guards.steps, &log) ?? suggestion?.steps ?? 1
    let repeats = check(run.repeats, at: .root + "run" + "repeats", in: Guards.repeats, &log) ?? 1
    let starts = run.starts ?? suggestion?.starts ?? []
    if let info, run.starts != nil {
      for (i, p) in starts.enumerated() where !info.domain.contains(p) {
        log.error(
          "start (\(formatShort(p.x)), \(formatShort(p.y))) is outside the domain of '\(info.name)', \(info.domain); "
            + "choose a start inside it", at: .root + "run" + "starts" + i)
      }
    }
    if run.starts?.isEmpty == true, !sources.incomplete.contains(.root + "run" + "starts") {
      log.error("give at least one start such as [[0.3, 2.0]]", at: .root + "run" + "starts")
    }
    let noise = resolveNoise(&log)
    resolved.run = RunSpec(steps: steps, starts: starts, noise: NoiseSpec(noise), repeats: repeats)

    // Outputs, before methods: they decide the default methods.
    if outputs.isEmpty, !sources.incomplete.contains(.root + "outputs") {
      log.error("an experiment needs at least one [[outputs]] table (a figure or data to write)", at: .root + "outputs")
    }
    let defaultMethods = Self.defaultMethods(
      for: outputs.map(\.kind), basinMap: outputs.contains { $0.quantity == .basins })
    let needsMethods = outputs.contains { output in
      switch output.kind {
      case .figure(.map), .data(.map): return output.quantity == .basins
      case .figure(.slice), .data(.slice): return false
      default: return true
      }
    }
    let methodSpecs = methods ?? (needsMethods ? defaultMethods.map { MethodSpec($0) } : [])
    if methods?.isEmpty == false && !needsMethods {
      log.warning(
        "no output uses the methods (sharpness maps and slices need none)", at: .root + "methods", atKey: true)
    }
    let defaults = info.map { MethodDefaults(suggestedBy: $0) } ?? MethodDefaults(learningRate: 0.01, rho: 0.05)
    var builtMethods: [Method] = []
    var resolvedMethods: [MethodSpec] = []
    // Shared flags (`--momentum`) reach every method that takes their key; one that acts in none
    // of them is a warning.
    var sharedUse: [String: (given: Int, unused: Int, key: MethodKey)] = [:]
    var given = self
    for (i, m) in methodSpecs.enumerated() {
      let path = SpecPath.root + "methods" + i
      let markup = label(m.label, at: path + "label", &log)
      var shared = Set<MethodKey>()
      for key in m.values.keys {
        if case .flag(let f)? = sources.location(of: path + key.rawValue),
          SharedFlag.allCases.contains(where: { $0.flag == f })
        {
          shared.insert(key)
          sharedUse[f, default: (0, 0, key)].given += 1
        }
      }
      var unused = Set<MethodKey>()
      let parameters = m.parameters(defaults: defaults, log: &log, at: path, shared: shared, unused: &unused)
      for key in unused {
        if case .flag(let f)? = sources.location(of: path + key.rawValue) { sharedUse[f]?.unused += 1 }
        given.methods?[i].values[key] = nil
      }
      guard let p = parameters else { continue }
      var method = m.preset.entry.build(p)
      method.label = markup
      let filled = m.filled(with: p)
      method.identity = filled.essential(with: p).identity
      builtMethods.append(method)
      resolvedMethods.append(filled)
    }
    resolved.methods = resolvedMethods
    // A sweep's cells start from the methods as given (shared-flag keys that act nowhere removed).
    let sweepSpecs = methodSpecs.enumerated().map { i, m in given.methods?[i] ?? m }
    for (flag, use) in sharedUse.sorted(by: { $0.key < $1.key }) where use.given > 0 && use.unused == use.given {
      let when =
        methodSpecs.compactMap { MethodCatalog.relevance(of: use.key, in: $0.preset)?.when }.first ?? "another setting"
      log.add(
        SpecProblem(
          "has no effect: no method here uses it (it acts with \(when))", at: .root + "methods",
          location: .flag(flag), severity: .warning))
    }

    // Outputs.
    var plans: [Experiment.Output] = []
    for (i, output) in outputs.enumerated() {
      let context = OutputContext(
        info: info, methods: methodSpecs.count, steps: steps, suggestion: suggestion, defaultStart: starts.first,
        landscape: built?.landscape, probe: probe, methodSpecs: sweepSpecs, defaults: defaults,
        starts: starts.count, repeats: repeats, noiseless: noise == .none)
      if let plan = output.resolve(at: .root + "outputs" + i, context, &log) { plans.append(plan) }
    }
    resolved.outputs = plans.map(\.spec)
    for (i, plan) in plans.enumerated() {
      for earlier in plans[..<i] where earlier.file == plan.file {
        log.error(
          "'\(plan.file)' is written by an earlier output too; give each output its own file",
          at: .root + "outputs" + i + "file")
      }
    }

    // Guards over the whole job.
    if plans.contains(where: { $0.analysis.needsTrajectories }) {
      let total = methodSpecs.count * starts.count * repeats * steps
      if total > Guards.totalSteps {
        log.error(
          "\(total) steps in all (methods × starts × repeats × steps) is over the limit of 2·10⁷ "
            + "(\(String(format: "%.1f", Double(total) / Double(Guards.totalSteps)))×); use fewer",
          at: .root + "run" + "steps")
      }
    }
    let costs = plans.map {
      $0.evaluations(methods: methodSpecs.count, starts: starts.count, repeats: repeats, steps: steps)
    }
    let evaluations = costs.reduce(0, +)
    if evaluations > Guards.evaluations, let worst = costs.indices.max(by: { costs[$0] < costs[$1] }) {
      log.error(
        "this job costs about \(formatShort(evaluations, digits: 3)) landscape evaluations, over the limit of 3·10⁹ "
          + "(\(String(format: "%.1f", evaluations / Guards.evaluations))×); this output is the largest part: use a "
          + "coarser grid, fewer radii or fewer steps", at: Self.pointAt(.root + "outputs" + worst, sources))
    }
    if let root = (built?.landscape as? ExpressionLandscape)?.root {
      let cost = Double(root.size) * evaluations
      if cost > Guards.formulaCost {
        log.error(
          "this job costs about \(formatShort(cost, digits: 2)) formula-node evaluations (\(root.size) nodes × its "
            + "evaluations), over the limit of 2·10¹⁰ (\(String(format: "%.1f", cost / Guards.formulaCost))×); "
            + "use a shorter formula, a coarser grid or fewer steps", at: .root + "landscape" + "formula")
      }
    }
    try log.finish()
    // swift-format-ignore: NeverForceUnwrap
    let surface = built!.landscape
    return Experiment(
      spec: resolved, given: given, landscape: surface, info: info!, titleMarkup: titleMarkup, methods: builtMethods,
      methodSpecs: sweepSpecs, methodDefaults: defaults, starts: starts, steps: steps, noise: noise, seed: seed ?? 0,
      repeats: repeats, outputs: plans,
      warnings: log.sorted.filter { $0.severity == .warning })
  }

  /// The methods of an experiment that names none: SAM for a schematic or a sweep, SGD for a basin
  /// map, SGD and SAM otherwise.
  public static func defaultMethods(for kinds: [OutputKind], basinMap: Bool) -> [MethodPreset] {
    if kinds.contains(.figure(.schematic)) || kinds.contains(.data(.schematic)) { return [.sam] }
    if kinds.contains(.figure(.sweep)) || kinds.contains(.data(.sweep)) { return [.sam] }
    return basinMap ? [.sgd] : [.sgd, .sam]
  }

  /// Every problem (errors and warnings); empty when the spec is good as written.
  public func validate() -> [SpecProblem] {
    do {
      return try resolve().warnings
    } catch {
      return error.problems
    }
  }

  // MARK: - Parts

  struct BuiltLandscape {
    var landscape: any Landscape
    /// The catalogue parameters with their values (empty for formulas).
    var parameters: [String: Double]
  }

  func resolveLandscape(_ log: inout ProblemLog) -> BuiltLandscape? {
    guard let spec = landscape else {
      log.error(
        "a landscape is needed: [landscape] with name = \"two-valleys\" or formula = \"x^2 + 10*y^2\"",
        at: .root + "landscape")
      return nil
    }
    let path = SpecPath.root + "landscape"
    var window: Box?
    if let w = spec.window {
      if !(w.xmin < w.xmax && w.ymin < w.ymax) {
        log.error("expected xmin < xmax and ymin < ymax, not \(w)", at: path + "window")
      } else if !(w.width.isFinite && w.height.isFinite) {
        log.error("the window is too large (its width overflows); use a smaller one", at: path + "window")
      } else {
        window = w
      }
    }
    switch (spec.name, spec.formula) {
    case (nil, nil):
      log.error("give name = \"…\" (see `flatland list landscapes`) or formula = \"…\"", at: path)
      return nil
    case (_?, _?):
      log.error("give a name or a formula, not both", at: path + "formula", atKey: true)
      return nil
    case (nil, let formula?):
      for key in spec.params.keys.sorted() {
        log.error(
          key == "window"
            ? "a formula takes its window as window = [xmin, xmax, ymin, ymax], not a parameter"
            : "a formula landscape has no parameters", at: path + "params" + key, atKey: true)
      }
      do {
        let box = window ?? Box(x: -3...3, y: -3...3)
        return BuiltLandscape(landscape: try ExpressionLandscape(parsing: formula, window: box), parameters: [:])
      } catch {
        log.error("not a formula in x and y: \(error)", at: path + "formula")
        return nil
      }
    case (let name?, nil):
      guard let entry = LandscapeCatalog.entries.first(where: { $0.name == name }) else {
        let hint =
          LandscapeCatalog.looksLikeFormula(name) ? "" : "; a formula goes in formula = \"…\" instead"
        log.error(unknownNameMessage("landscape", name, accepted: LandscapeCatalog.names) + hint, at: path + "name")
        return nil
      }
      let accepted = entry.parameters.map(\.name)
      var ok = true
      for key in spec.params.keys.sorted() where !accepted.contains(key) {
        log.error(
          unknownNameMessage("parameter", key, in: "'\(name)'", accepted: accepted), at: path + "params" + key,
          atKey: true)
        ok = false
      }
      guard ok else { return nil }
      do {
        var values: [String: Double] = [:]
        for p in entry.parameters { values[p.name] = spec.params[p.name] ?? p.defaultValue }
        var built = try LandscapeCatalog.make(name, parameters: spec.params)
        if let window { built = built.windowed(window) }
        return BuiltLandscape(landscape: built, parameters: values)
      } catch let error as FlatlandError {
        if case .invalidParameter(_, let key, _, _) = error {
          log.error(error.description, at: path + "params" + key)
        } else {
          log.error(error.description, at: path)
        }
        return nil
      } catch {
        log.error("\(error)", at: path)
        return nil
      }
    }
  }

  func resolveNoise(_ log: inout ProblemLog) -> NoiseModel {
    guard let noise = run.noise else { return .none }
    let path = SpecPath.root + "run" + "noise"
    let kind = noise.kind ?? (noise.sigma != nil ? .gaussian : noise.scale != nil ? .hessian : NoiseKind.none)
    switch kind {
    case .none:
      if noise.sigma != nil { log.error("noise of kind none takes no sigma", at: path + "sigma", atKey: true) }
      if noise.scale != nil { log.error("noise of kind none takes no scale", at: path + "scale", atKey: true) }
      return .none
    case .gaussian:
      if noise.scale != nil {
        log.error("gaussian noise takes sigma, not scale (scale is for hessian noise)", at: path + "scale", atKey: true)
      }
      guard let s = noise.sigma else {
        log.error("gaussian noise needs sigma = s or [sx, sy]", at: path)
        return .none
      }
      guard s.count == 1 || s.count == 2, s.allSatisfy({ $0 >= 0 }) else {
        log.error("expected one standard deviation s or two [sx, sy], each ≥ 0", at: path + "sigma")
        return .none
      }
      let sigma = s.count == 1 ? Vec2(s[0], s[0]) : Vec2(s[0], s[1])
      return sigma == .zero ? .none : .gaussian(sigma: sigma)
    case .hessian:
      if noise.sigma != nil {
        log.error("hessian noise takes scale, not sigma (sigma is for gaussian noise)", at: path + "sigma", atKey: true)
      }
      guard let s = noise.scale else {
        log.error("hessian noise needs scale = s (covariance s²·|H(w)|)", at: path)
        return .none
      }
      guard s >= 0 else {
        log.error("\(formatShort(s)) is not valid; expected a scale ≥ 0", at: path + "scale")
        return .none
      }
      return s == 0 ? .none : .hessian(scale: s)
    }
  }
}

/// A label in the label syntax as Pango markup, or a problem naming the column.
func label(_ text: String?, at path: SpecPath, _ log: inout ProblemLog) -> String? {
  guard let text else { return nil }
  do {
    return try MathText.markupOrEscaped(text)
  } catch {
    log.error("'\(text)' is not valid; expected text with $math$: \(error)", at: path)
    return nil
  }
}

/// A whole number within `range`, or a problem.
func check(_ value: Int?, at path: SpecPath, in range: ClosedRange<Int>, _ log: inout ProblemLog) -> Int? {
  guard let value else { return nil }
  guard range.contains(value) else {
    log.error(
      "\(value) is not valid; expected a whole number from \(range.lowerBound) to \(range.upperBound)", at: path)
    return nil
  }
  return value
}

extension LandscapeSpec {
  /// The resolved form: every parameter with its value, and the window.
  init(resolving spec: LandscapeSpec, _ built: ExperimentSpec.BuiltLandscape) {
    self.init(name: spec.name, formula: spec.formula, params: built.parameters, window: built.landscape.info.window)
  }
}
