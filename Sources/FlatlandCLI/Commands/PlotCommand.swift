import ArgumentParser
import Flatland

/// `flatland plot`: routes of several methods on one landscape, as a figure and optionally a CSV.
struct PlotCommand: FigureCommand {
  static let configuration = CommandConfiguration(
    commandName: "plot",
    abstract: "Draw the routes of several methods on a landscape (PNG, SVG or PDF by extension).",
    discussion: "Unset flags fall back to the landscape's suggestion ('flatland describe NAME').\n"
      + Help.examples(
        "Example:",
        [
          "flatland plot --landscape two-valleys --methods sgd,sam,gsam,vsam --start 0.3,2 -o routes.png --data routes.csv"
        ]))

  @OptionGroup var landscape: LandscapeFlags
  @OptionGroup var methods: MethodFlags
  @OptionGroup var starts: StartFlags
  @OptionGroup var runFlags: RunFlags
  @OptionGroup var output: OutputFlags

  @Option(parsing: .unconditional, help: "Contour grid nodes per axis (default: 400).")
  var grid: String?

  @Option(
    parsing: .unconditional,
    help: "Colormap: viridis, magma, inferno, plasma, cividis, coolwarm; _r reverses (default: viridis).")
  var colormap: String?

  @Option(
    parsing: .unconditional,
    help: "Contour levels: auto, linear, log, quantile, or values such as 0,1,2,5 (default: auto).")
  var levels: String?

  @Flag(help: "Write the level values on the contour lines.")
  var contourLabels = false

  @Option(parsing: .unconditional, help: "Route style: solid, or fading (old steps fade out) (default: solid).")
  var trail: String?

  @Option(
    parsing: .unconditional,
    help: "Panels: single, or methods (one panel per method, shared colorbar) (default: single).")
  var panels: String?

  @Option(
    parsing: .unconditional,
    help: "Columns of the panel grid with --panels methods (default: as square a grid as fits).")
  var columns: String?

  @Flag(help: "With several panels, label the axes of every panel (default: only the outer ones).")
  var independentAxes = false

  func run() throws { try Pipeline.figure(tree(), saveSpec: output.saveSpec, quiet: output.quiet) }

  /// The spec tree of this command line.
  func tree() -> SpecTree {
    var tree = SpecTree()
    landscape.fill(&tree)
    methods.fill(&tree, defaults: ExperimentSpec.defaultMethods(for: [.figure(.routes)], basinMap: false))
    starts.fill(&tree)
    runFlags.fill(&tree)
    output.fill(
      &tree, figure: .routes,
      extra: [
        SpecTree.entry("grid", grid, "--grid"), SpecTree.entry("colormap", colormap, "--colormap"),
        SpecTree.entry("independent-axes", independentAxes, "--independent-axes"),
        SpecTree.entry("levels", levels, "--levels"),
        SpecTree.entry("contour-labels", contourLabels, "--contour-labels"),
        SpecTree.entry("trail", trail, "--trail"), SpecTree.entry("panels", panels, "--panels"),
        SpecTree.entry("columns", columns, "--columns"),
      ], data: .trajectories)
    return tree
  }
}
