import ArgumentParser
import Flatland
import FlatlandPlot

/// `flatland map`: heatmaps of sharpness and curvature, or the basin map of one method.
struct MapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "map",
    abstract: "Heatmap of sharpness or curvature over the window, or a method's basin map.",
    discussion: """
      Quantities: sharpness (exact worst case S_ρ over the disk), adaptive-sharpness, proxy (SAM's
      first-order estimate), lambda-max, lambda-min (diverging map), trace, basins (which known minimum
      each method reaches from every start of a grid; one panel per method). Several radii
      (--rho 0.05,0.1,0.2) give one panel each with a shared colour scale.
      Examples:
        flatland map --landscape two-valleys --quantity sharpness --rho 0.1 -o sharpness.png
        flatland map --landscape himmelblau --quantity basins --methods sam --rho 0.5 --grid 80 -o basins.png
      """)

  @OptionGroup var runOptions: RunOptions
  @OptionGroup var figure: FigureOptions

  @Option(parsing: .unconditional, help: "sharpness, adaptive-sharpness, proxy, lambda-max, lambda-min, trace, basins.")
  var quantity = "sharpness"

  @Flag(help: "Log colour scale (positive quantities).")
  var log = false

  func run() throws {
    try reportingErrors {
      let surface = try runOptions.surface()
      let info = surface.info
      let style = try figure.style()
      let title = try figure.titleMarkup()
      let labels = try figure.axisLabels()
      let map = try figure.chosenColormap()
      let radii =
        try runOptions.rho.map { text in
          try text.split(separator: ",").map { try Parse.number(String($0), flag: "--rho") }
        } ?? [info.suggested.rho]
      guard !radii.isEmpty, radii.count <= 9, radii.allSatisfy({ $0 >= 0 }) else {
        throw FlatlandError.invalidValue(
          what: "--rho", text: runOptions.rho ?? "", expected: "one to nine radii ≥ 0, e.g. 0.05,0.1,0.2")
      }
      var panels: [(title: String, content: HeatmapFigure.Content)] = []
      var footnote: String
      if quantity == "basins" {
        let nodes = try figure.gridNodes(default: 60)
        guard radii.count == 1 else {
          throw FlatlandError.invalidValue(
            what: "--rho", text: runOptions.rho ?? "", expected: "one radius for basin maps (panels are per method)")
        }
        let methods = try runOptions.chosenMethods(for: info, defaults: ["sgd"])
        guard methods.count <= 9 else {
          throw FlatlandError.invalidValue(
            what: "--methods", text: runOptions.methods ?? "", expected: "at most nine methods (one panel each)")
        }
        let steps =
          try runOptions.steps.map { try Parse.whole($0, flag: "--steps", in: 1...1_000_000) } ?? info.suggested.steps
        guard nodes * nodes * steps * methods.count <= 400_000_000 else {
          throw FlatlandError.invalidValue(
            what: "--grid", text: "\(nodes)",
            expected: "at most 4·10⁸ steps in all (grid² × steps); lower --grid or --steps")
        }
        let noise = try Parse.noise(runOptions.noise)
        let seed = try Parse.seed(runOptions.seed)
        try figure.checkOutput()
        TextMeasurer.warmUpInBackground()
        for method in methods {
          let basins = BasinMap(
            method: method, landscape: surface, box: info.window, nx: nodes, ny: nodes, steps: steps, noise: noise,
            seed: seed)
          let parameters = method.hyperparameters.map { "\($0.symbol) = \($0.text)" }.joined(separator: ", ")
          panels.append(("<b>\(escapeMarkup(method.displayName))</b>  \(escapeMarkup(parameters))", .basins(basins)))
        }
        footnote = "\(nodes)×\(nodes) starts, \(steps) steps each\nnoise: \(noise)"
      } else {
        guard let q = MapQuantity(rawValue: quantity) else {
          throw FlatlandError.unknownName(
            kind: "value for --quantity", name: quantity, accepted: MapQuantity.allCases.map(\.rawValue) + ["basins"])
        }
        let nodes = try figure.gridNodes(default: 160)
        // An exact worst case costs about a thousand evaluations per node.
        guard nodes <= 600 || [.lambdaMax, .lambdaMin, .trace, .proxy].contains(q) else {
          throw FlatlandError.invalidValue(
            what: "--grid", text: "\(nodes)", expected: "at most 600 nodes per axis for sharpness maps")
        }
        try figure.checkOutput()
        TextMeasurer.warmUpInBackground()
        let usesRadius = !(q == .lambdaMax || q == .lambdaMin || q == .trace)
        let label = try MathText.markup(
          q.label + (usesRadius && radii.count == 1 ? "   ρ = \(formatShort(radii[0]))" : ""))
        for radius in usesRadius ? radii : [radii[0]] {
          let grid = GridMap(box: info.window, nx: nodes, ny: nodes) { q.value(of: surface, at: $0, rho: radius) }
          panels.append(
            ("ρ = \(formatShort(radius))", .continuous(grid, label: label, signed: q.isSigned, logarithmic: log)))
        }
        footnote = ""
      }
      var heatmap = HeatmapFigure(
        landscape: info, field: ScalarField(sampling: surface, over: info.window, nx: 200, ny: 200), panels: panels)
      heatmap.style = style
      heatmap.title = title
      heatmap.colormap = map
      heatmap.independentAxes = figure.independentAxes
      heatmap.axisLabels = labels
      if !footnote.isEmpty { heatmap.footnote = footnote }
      try figure.write(heatmap.scene(), style: style)
    }
  }
}
