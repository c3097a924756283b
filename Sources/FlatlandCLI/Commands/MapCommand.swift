import ArgumentParser
import Flatland

/// `flatland map`: heatmaps of sharpness and curvature, or each method's basin map.
struct MapCommand: FigureCommand {
  static let configuration = CommandConfiguration(
    commandName: "map",
    abstract: "Heatmap of sharpness or curvature over the window, or each method's basin map.",
    discussion:
      "Quantities: sharpness (exact worst case S_ρ over the disk), adaptive-sharpness, proxy (SAM's first-order estimate), lambda-max, lambda-min (diverging map), trace, basins (which known minimum each method reaches from every start of a grid; one panel per method). Several radii (--rho 0.05,0.1,0.2) give one panel each with a shared colour scale; with basins, --rho is the methods' radius.\n\n"
      + Help.examples(
        "Examples:",
        [
          "flatland map --landscape two-valleys --quantity sharpness --rho 0.1 -o sharpness.png",
          "flatland map --landscape himmelblau --quantity basins --methods sgd,sam --rho 0.5 --grid 80 -o basins.png",
        ]))

  @OptionGroup var landscape: LandscapeFlags
  @OptionGroup var methods: MethodFlags
  @OptionGroup var runFlags: RunFlags
  @OptionGroup var output: OutputFlags

  @Option(
    parsing: .unconditional,
    help:
      "sharpness, adaptive-sharpness, proxy, loss, smoothed-loss, perturbed-loss, proxy-loss, lambda-max, lambda-min, trace, basins (default: sharpness)."
  )
  var quantity: String?

  @Option(parsing: .unconditional, help: "Grid cells per axis (default: 160; 60 for basins).")
  var grid: String?

  @Option(
    parsing: .unconditional,
    help:
      "Colormap: viridis, magma, inferno, plasma, cividis, coolwarm; _r reverses (default: viridis; coolwarm for signed maps)."
  )
  var colormap: String?

  @Flag(help: "Log colour scale (positive quantities).")
  var log = false

  @Option(
    parsing: .unconditional,
    help: "Colour scale LOW,HIGH; values beyond take its end colours (default: the values' range).")
  var range: String?

  @Flag(help: "With several panels, label the axes of every panel (default: only the outer ones).")
  var independentAxes = false

  func run() throws { try Pipeline.figure(tree(), saveSpec: output.saveSpec, quiet: output.quiet) }

  /// The spec tree of this command line.
  func tree() -> SpecTree {
    var tree = SpecTree()
    let basins = quantity == "basins"
    landscape.fill(&tree)
    methods.fill(
      &tree, defaults: ExperimentSpec.defaultMethods(for: [.figure(.map)], basinMap: basins), rhoGoesElsewhere: !basins)
    runFlags.fill(&tree)
    var keys = [SpecTree.entry("quantity", quantity, "--quantity"), SpecTree.entry("grid", grid, "--grid")]
    if !basins { keys.append(SpecTree.entry("rho", methods.rho, "--rho")) }
    output.fill(
      &tree, figure: .map,
      extra: keys + [
        SpecTree.entry("colormap", colormap, "--colormap"), SpecTree.entry("log", log, "--log"),
        SpecTree.entry("range", range, "--range"),
        SpecTree.entry("independent-axes", independentAxes, "--independent-axes"),
      ], data: .map, dataExtra: keys)
    return tree
  }
}
