import Foundation

/// Resolving one output: its format from the file name, its look, and the analysis it needs, with
/// every default filled in and every value checked.
struct OutputContext {
  var info: LandscapeInfo?
  var methods: Int
  var steps: Int
  var suggestion: SuggestedRun?
  var defaultStart: Vec2?
}

extension OutputSpec {
  func resolve(at path: SpecPath, _ context: OutputContext, _ log: inout ProblemLog) -> Experiment.Output? {
    guard let file, !file.isEmpty else {
      log.error("an output needs file = \"…\" (the extension picks the format)", at: path)
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
      look.colormap = colormap
      out.colormap = colormap
      look.xLabelMarkup = label(xlabel, at: path + "xlabel", &log)
      look.yLabelMarkup = label(ylabel, at: path + "ylabel", &log)
      out.xlabel = xlabel
      out.ylabel = ylabel
      if kind == .figure(.routes) || kind == .figure(.map) {
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
      }
      out.levels = look.levels
      look.contourLabels = contourLabels ?? false
      look.trail = trail ?? .solid
      look.panels = panels ?? .single
      out.contourLabels = look.contourLabels
      out.trail = look.trail
      out.panels = look.panels
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
        if radii != nil {
          fail(
            "basin maps run each method with its own ρ: set rho under [[methods]] (on the command line, --rho with "
              + "--quantity basins does that)", "rho", atKey: true)
        }
        let nodes = gridNodes(default: 60)
        out.grid = nodes
        if context.methods > ExperimentSpec.Guards.panels {
          log.error("a basin map draws at most nine methods (one panel each)", at: .root + "methods")
          ok = false
        }
        let total = nodes * nodes * context.steps * context.methods
        if total > ExperimentSpec.Guards.basinSteps {
          fail(
            "\(nodes)² starts × \(context.steps) steps × \(context.methods) methods = \(total) steps is over the limit of "
              + "4·10⁸ (\(String(format: "%.1f", Double(total) / Double(ExperimentSpec.Guards.basinSteps)))×); "
              + "lower grid or steps", "grid")
        }
        analysis = .map(MapRequest(kind: quantity, radii: [], grid: nodes))
      } else {
        let usesRadius = [.sharpness, .adaptiveSharpness, .proxy].contains(quantity)
        let radii = self.radii ?? [context.suggestion?.rho ?? 0.05]
        if radii.isEmpty || radii.count > ExperimentSpec.Guards.panels || !radii.allSatisfy({ $0 >= 0 }) {
          fail("expected one to nine radii ≥ 0, e.g. [0.05, 0.1, 0.2]", "rho")
        }
        if !usesRadius, self.radii != nil {
          log.warning("has no effect on \(quantity.rawValue), which needs no radius", at: path + "rho", atKey: true)
        }
        let nodes = gridNodes(default: 160)
        out.grid = nodes
        if [.sharpness, .adaptiveSharpness].contains(quantity), nodes > ExperimentSpec.Guards.sharpnessGrid {
          fail(
            "\(nodes) is not valid; sharpness maps take at most \(ExperimentSpec.Guards.sharpnessGrid) nodes per axis "
              + "(an exact worst case costs about a thousand evaluations per node)", "grid")
        }
        if usesRadius { out.radii = radii }
        look.log = kind == .figure(.map) ? (self.log ?? false) : false
        analysis = .map(MapRequest(kind: quantity, radii: usesRadius ? radii : [], grid: nodes))
      }
      if kind == .figure(.map) { out.log = look.log }
    case .figure(.slice), .data(.slice):
      let rho = self.rho ?? context.suggestion?.rho ?? 0.05
      if !(rho > 0) { fail("\(formatShort(rho)) is not valid; expected a radius > 0", "rho") }
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
