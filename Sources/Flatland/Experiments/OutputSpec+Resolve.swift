import Foundation

/// Resolving one output: its format from the file name, its look, and the analysis it needs, with
/// every default filled in and every value checked.
struct OutputContext {
  var info: LandscapeInfo?
  var methods: Int
  var steps: Int
  var suggestion: SuggestedRun?
  var defaultStart: Vec2?
  var landscape: (any Landscape)?
  var probe: LandscapeProbe?
  /// The methods as given (sweeps vary two of their keys) and the defaults they resolve with.
  var methodSpecs: [MethodSpec] = []
  var defaults = MethodDefaults(learningRate: 0.01, rho: 0.05)
  var starts = 1
  var repeats = 1
  /// No gradient noise: repeats then differ only through a method's own random draws.
  var noiseless = true
}

extension Experiment.Output {
  /// About how many landscape evaluations the output's analysis costs (for the evaluation guards):
  /// a gradient costs about three values, an exact worst case about a thousand.
  func evaluations(methods: Int, starts: Int, repeats: Int, steps: Int) -> Double {
    let runs = Double(methods * starts * repeats * steps) * 6
    switch analysis {
    case .trajectories: return runs
    case .routes(let grid): return runs + Double(grid * grid)
    case .curves: return runs * 1.2
    case .summary: return runs + Double(methods * starts * repeats) * 3000
    case .map(let m):
      let cells = Double(m.grid * m.grid)
      switch m.kind {
      // The batch engine: about three evaluations a step, eight runs per evaluation.
      case .basins: return cells * Double(steps * methods) * 0.4 + 40_000
      case .sharpness, .adaptiveSharpness, .perturbedLoss: return cells * Double(m.radii.count) * 1000 + 40_000
      case .smoothedLoss: return cells * Double(m.radii.count) * 4096 + 40_000
      case .loss, .proxyLoss: return cells * Double(max(1, m.radii.count)) * 6 + 40_000
      case .proxy: return cells * Double(m.radii.count) * 6 + 40_000
      case .lambdaMax, .lambdaMin, .trace: return cells * 6 + 40_000
      }
    // The batch engine, plus a replay pass for the steps to converge.
    case .sweep(let s): return Double(s.x.count * s.y.count * starts * repeats * steps * methods) * 0.8 + 40_000
    // The batch engine, its replay pass, and the contours.
    case .ensemble(let e): return Double(starts * repeats * steps * methods) * 0.8 + Double(e.contours * e.contours)
    case .slice(let s): return Double(s.samples) * 1000
    case .schematic(let s): return Double(s.grid * s.grid) + 100
    }
  }
}

extension OutputSpec {
  func resolve(at path: SpecPath, _ context: OutputContext, _ log: inout ProblemLog) -> Experiment.Output? {
    guard let file else {
      log.error("an output needs file = \"…\" (the extension picks the format)", at: path)
      return nil
    }
    guard !file.isEmpty else {
      log.error("expected a file name (the extension picks the format), not an empty string", at: path + "file")
      return nil
    }
    var ok = true
    func fail(_ message: String, _ key: String, atKey: Bool = false) {
      log.error(message, at: path + key, atKey: atKey)
      ok = false
    }
    let format = OutputFormat(path: file)
    let accepted: [OutputFormat]
    switch kind {
    case .figure: accepted = [.png, .svg, .pdf]
    case .data(let d): accepted = [OutputFormat(rawValue: d.fileExtension)!]
    }
    if format == nil || !accepted.contains(format!) {
      fail(
        "unsupported extension for \(kind.phrase); use "
          + accepted.map { ".\($0.rawValue)" }.joined(separator: ", ")
          .replacingLastComma(with: " or "), "file")
    }

    var look = FigureLook()
    var out = OutputSpec(kind, file: file)
    if isFigure {
      look.preset = preset ?? (kind == .figure(.schematic) ? .slide : .default)
      out.preset = look.preset
      if let size {
        let whole = size.x == size.x.rounded() && size.y == size.y.rounded()
        if whole,
          Double(ExperimentSpec.Guards.size.lowerBound)...Double(ExperimentSpec.Guards.size.upperBound) ~= size.x,
          Double(ExperimentSpec.Guards.size.lowerBound)...Double(ExperimentSpec.Guards.size.upperBound) ~= size.y
        {
          look.size = size
          out.size = size
        } else {
          fail(
            "\(formatShort(size.x))x\(formatShort(size.y)) is not valid; expected WIDTHxHEIGHT, each a whole number "
              + "from 200 to 10000, e.g. 1200x900", "size")
        }
      }
      if let dpi {
        if let d = check(dpi, at: path + "dpi", in: ExperimentSpec.Guards.dpi, &log) {
          look.dpi = d
          out.dpi = d
        } else {
          ok = false
        }
      }
      if let format, format.isImage {
        let width = look.size?.x ?? look.preset.width
        // Paper presets take the height their content needs: at most 1.6 times their width.
        let height = look.size?.y ?? look.preset.height ?? 1.6 * width
        let scale = Double(look.dpi.map(Double.init) ?? look.preset.dpi) / 72
        let pixels = width * scale * (height * scale)
        if format == .png, pixels > Double(ExperimentSpec.Guards.pixels) {
          fail(
            "the PNG would have about \(formatShort(width * scale, digits: 3)) × \(formatShort(height * scale, digits: 3)) "
              + "= \(formatShort(pixels, digits: 2)) pixels, over the limit of 10⁸ "
              + "(\(String(format: "%.1f", pixels / Double(ExperimentSpec.Guards.pixels)))×); lower dpi or size",
            dpi != nil ? "dpi" : "size")
        }
        if format != .png, dpi != nil {
          log.warning(
            "has no effect on \(format.rawValue.uppercased()) output, which is vector", at: path + "dpi", atKey: true)
        }
      }
      look.colormap = colormap
      out.colormap = colormap
      look.xLabelMarkup = label(xlabel, at: path + "xlabel", &log)
      look.yLabelMarkup = label(ylabel, at: path + "ylabel", &log)
      out.xlabel = xlabel
      out.ylabel = ylabel
      if kind == .figure(.routes) || kind == .figure(.map) || kind == .figure(.sweep) {
        look.independentAxes = independentAxes ?? false
        out.independentAxes = look.independentAxes
      }
    }
    func gridNodes(default value: Int) -> Int {
      guard let grid else { return value }
      guard let g = check(grid, at: path + "grid", in: ExperimentSpec.Guards.grid, &log) else {
        ok = false
        return value
      }
      return g
    }

    let analysis: Analysis
    switch kind {
    case .figure(.routes):
      let nodes = gridNodes(default: 400)
      out.grid = nodes
      look.levels = levels ?? .auto
      if case .explicit(let v) = look.levels,
        v.count < 2 || !zip(v, v.dropFirst()).allSatisfy({ $0 < $1 })
      {
        fail("expected at least two finite, strictly increasing levels", "levels")
      } else if case .explicit(let v) = look.levels, let probe = context.probe, probe.finite > 0, let first = v.first,
        let last = v.last, last < probe.low || first > probe.high
      {
        fail(
          "every level lies outside the landscape's values over the window (about \(formatShort(probe.low)) to "
            + "\(formatShort(probe.high))); the figure would be one band", "levels")
      }
      out.levels = look.levels
      look.contourLabels = contourLabels ?? false
      look.trail = trail ?? .solid
      look.panels = panels ?? .single
      out.contourLabels = look.contourLabels
      out.trail = look.trail
      out.panels = look.panels
      if columns != nil, look.panels != .methods {
        log.warning("has no effect without panels = \"methods\"", at: path + "columns", atKey: true)
      }
      if look.independentAxes, look.panels != .methods {
        log.warning("has no effect with a single panel", at: path + "independent-axes", atKey: true)
      }
      if let columns {
        if let c = check(columns, at: path + "columns", in: 1...12, &log) {
          look.columns = c
          out.columns = c
        } else {
          ok = false
        }
      }
      analysis = .routes(grid: nodes)
    case .data(.trajectories):
      analysis = .trajectories
    case .figure(.curves), .data(.curves):
      let request = CurveRequest(quantity: y ?? .loss, abscissa: x ?? .steps, logarithmic: !(linear ?? false))
      if request.quantity == .distance, let info = context.info, info.minima.isEmpty {
        fail("distance needs known minima and '\(info.name)' has none; use loss or grad-norm", "y")
      }
      look.linear = !request.logarithmic
      out.y = request.quantity
      out.x = request.abscissa
      out.linear = look.linear
      analysis = .curves(request)
    case .figure(.map), .data(.map):
      let quantity = self.quantity ?? .sharpness
      out.quantity = quantity
      if quantity == .basins {
        if let info = context.info, info.minima.isEmpty {
          fail(
            "a basin map sorts starts by the known minimum they reach, and '\(info.name)' has none listed "
              + "(typed formulas list none); map a catalogue landscape, or draw routes instead", "quantity")
        }
        if self.log == true {
          log.warning("has no effect on a basin map, whose colours are categories", at: path + "log", atKey: true)
        }
        if radii != nil {
          fail(
            "basin maps run each method with its own ρ: set rho under [[methods]] (on the command line, --rho with "
              + "--quantity basins does that)", "rho", atKey: true)
        }
        let nodes = gridNodes(default: 256)
        out.grid = nodes
        if nodes > ExperimentSpec.Guards.basinGrid {
          fail("a basin map has at most 1024² starts (\(nodes)² asked for); lower grid", "grid")
        }
        if context.methods > ExperimentSpec.Guards.panels {
          log.error("a basin map draws at most nine methods (one panel each)", at: .root + "methods")
          ok = false
        }
        let total = nodes * nodes * context.steps * context.methods
        if total > ExperimentSpec.Guards.basinSteps {
          fail(
            "\(nodes)² starts × \(context.steps) steps × \(context.methods) methods = \(total) steps is over the limit of "
              + "3·10⁹ (\(String(format: "%.1f", Double(total) / Double(ExperimentSpec.Guards.basinSteps)))×); "
              + "lower grid or steps", "grid")
        }
        analysis = .map(MapRequest(kind: quantity, radii: [], grid: nodes))
      } else {
        let usesRadius = [.sharpness, .adaptiveSharpness, .proxy, .smoothedLoss, .perturbedLoss, .proxyLoss].contains(
          quantity)
        let radii = self.radii ?? [context.suggestion?.rho ?? 0.05]
        if radii.isEmpty || radii.count > ExperimentSpec.Guards.panels || !radii.allSatisfy({ $0 >= 0 }) {
          fail("expected one to nine radii ≥ 0, e.g. [0.05, 0.1, 0.2]", "rho")
        }
        if !usesRadius, self.radii != nil {
          log.warning("has no effect on \(quantity.rawValue), which needs no radius", at: path + "rho", atKey: true)
        }
        let nodes = gridNodes(default: 160)
        out.grid = nodes
        if [.sharpness, .adaptiveSharpness, .perturbedLoss, .smoothedLoss].contains(quantity),
          nodes > ExperimentSpec.Guards.sharpnessGrid
        {
          fail(
            "\(nodes) is not valid; sharpness maps take at most \(ExperimentSpec.Guards.sharpnessGrid) nodes per axis "
              + "(an exact worst case costs about a thousand evaluations per node)", "grid")
        }
        if usesRadius { out.radii = radii }
        look.log = kind == .figure(.map) ? (self.log ?? false) : false
        if look.log, quantity.quantity?.isSigned == true {
          log.warning(
            "has no effect on \(quantity.rawValue), which is signed (a log scale needs positive values)",
            at: path + "log", atKey: true)
          look.log = false
        }
        analysis = .map(MapRequest(kind: quantity, radii: usesRadius ? radii : [], grid: nodes))
      }
      if kind == .figure(.map) { out.log = look.log }
      if let range {
        if quantity == .basins {
          log.warning("has no effect on a basin map, whose colours are categories", at: path + "range", atKey: true)
        } else if !(range.x.isFinite && range.y.isFinite && range.x < range.y) {
          fail("expected [low, high] with low < high, both finite, e.g. [0.49, 0.7]", "range")
        } else if look.log, !(range.x > 0) {
          fail("a log colour scale needs low > 0", "range")
        } else {
          look.range = range.x...range.y
          out.range = range
        }
      }
    case .figure(.slice), .data(.slice):
      let rho = self.rho ?? context.suggestion?.rho ?? 0.05
      if !(rho > 0) { fail("\(formatShort(rho)) is not valid; expected a radius > 0", "rho") }
      if let info = context.info, let landscape = context.landscape {
        let axis = along ?? .x
        let at = sliceAt ?? 0
        let other = axis == .x ? (info.domain.ymin...info.domain.ymax) : (info.domain.xmin...info.domain.xmax)
        if !other.contains(at) {
          fail(
            "\(axis == .x ? "y" : "x") = \(formatShort(at)) is outside the domain of '\(info.name)', \(info.domain); "
              + "slice through it", "at")
        } else if LandscapeProbe(landscape, along: axis, at: at, over: info.window).finite == 0 {
          fail("the landscape is not finite anywhere along this slice; choose another at", "at")
        }
      }
      let nodes = gridNodes(default: 400)
      let request = SliceRequest(axis: along ?? .x, at: sliceAt ?? 0, rho: rho, samples: nodes)
      out.along = request.axis
      out.sliceAt = request.at
      out.rho = request.rho
      out.grid = nodes
      analysis = .slice(request)
    case .figure(.schematic), .data(.schematic):
      if context.methods != 1 {
        log.error(
          "a schematic draws one step of exactly one method; this experiment has \(context.methods)",
          at: .root + "methods", atKey: true)
        ok = false
      }
      let point = self.point ?? context.suggestion?.starts.first ?? .zero
      if let info = context.info, !info.domain.contains(point) {
        fail(
          "the point (\(formatShort(point.x)), \(formatShort(point.y))) is outside the domain of '\(info.name)', "
            + "\(info.domain); choose one inside it", "at")
      }
      let nodes = kind == .figure(.schematic) ? gridNodes(default: 240) : 240
      out.point = point
      if kind == .figure(.schematic) { out.grid = nodes }
      analysis = .schematic(SchematicRequest(point: point, grid: nodes))
    case .data(.summary):
      analysis = .summary
    case .figure(.sweep), .data(.sweep):
      guard let sweep = resolveSweep(at: path, context, &out, &look, &log) else { return nil }
      analysis = sweep
    case .figure(.ensemble), .data(.ensemble):
      let nodes = kind == .figure(.ensemble) ? gridNodes(default: 300) : 300
      if kind == .figure(.ensemble) { out.grid = nodes }
      guard let ensemble = resolveEnsemble(at: path, context, contours: nodes, &out, &log) else { return nil }
      analysis = ensemble
    }
    guard ok, let format else { return nil }
    return Experiment.Output(spec: out, file: file, format: format, analysis: analysis, look: look)
  }
}

extension String {
  /// "a, b, c" → "a, b or c".
  func replacingLastComma(with text: String) -> String {
    guard let r = range(of: ", ", options: .backwards) else { return self }
    return replacingCharacters(in: r, with: text)
  }
}
