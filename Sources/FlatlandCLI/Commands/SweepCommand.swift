import ArgumentParser
import Flatland

/// `flatland sweep`: one heatmap per method over two of its hyperparameters.
struct SweepCommand: FigureCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract:
      "Heatmap over two hyperparameters: which minimum the runs reach, final loss, sharpness, steps or divergence.",
    discussion:
      "Each axis is KEY=FROM:TO[:lin|log][:COUNT] (32 values unless given, 2 to 256), KEY a number of every method (lr, rho, alpha, momentum's mu, …; a pair key such as sigma is set to (v, v)). Each cell runs every start (--start, repeatable) × --repeats noisy repeats through the batch engine; --data writes every cell's numbers, whatever the figure shows.\n\n"
      + Help.examples(
        "Examples:",
        [
          "flatland sweep --landscape two-valleys --methods sam --x lr=0.01:0.5:log:64 --y rho=0:0.6:64 -o sweep.png",
          "flatland sweep --landscape himmelblau --methods sam --x lr=0.001:0.1:log --y rho=0:1 --quantity steps --data sweep.csv -o steps.png",
        ]))

  @OptionGroup var landscape: LandscapeFlags
  @OptionGroup var methods: MethodFlags
  @OptionGroup var starts: StartFlags
  @OptionGroup var runFlags: RunFlags
  @OptionGroup var output: OutputFlags

  @Option(parsing: .unconditional, help: "The x axis: KEY=FROM:TO[:lin|log][:COUNT], e.g. lr=0.001:0.1:log:64.")
  var x: String

  @Option(parsing: .unconditional, help: "The y axis: KEY=FROM:TO[:lin|log][:COUNT], e.g. rho=0:0.5:64.")
  var y: String

  @Option(
    parsing: .unconditional,
    help:
      "What each cell shows: minimum, loss, sharpness, steps, diverged (default: minimum; loss without known minima).")
  var quantity: String?

  @Option(parsing: .unconditional, help: "Runs per start and cell, differing only in their noise (default: 1).")
  var repeats: String?

  @Option(
    parsing: .unconditional,
    help: "Colormap: viridis, magma, inferno, plasma, cividis, coolwarm; _r reverses (default: viridis).")
  var colormap: String?

  @Flag(help: "Log colour scale (loss, sharpness, steps).")
  var log = false

  @Flag(help: "With several panels, label the axes of every panel (default: only the outer ones).")
  var independentAxes = false

  func run() throws { try Pipeline.figure(tree(), saveSpec: output.saveSpec, quiet: output.quiet) }

  /// The spec tree of this command line.
  func tree() -> SpecTree {
    var tree = SpecTree()
    landscape.fill(&tree)
    methods.fill(&tree, defaults: ExperimentSpec.defaultMethods(for: [.figure(.sweep)], basinMap: false))
    starts.fill(&tree)
    runFlags.fill(&tree)
    tree.set("run", "repeats", text: repeats, flag: "--repeats")
    let axes = [SpecTree.entry("x", x, "--x"), SpecTree.entry("y", y, "--y")]
    output.fill(
      &tree, figure: .sweep,
      extra: axes + [
        SpecTree.entry("quantity", quantity, "--quantity"), SpecTree.entry("colormap", colormap, "--colormap"),
        SpecTree.entry("log", log, "--log"), SpecTree.entry("independent-axes", independentAxes, "--independent-axes"),
      ], data: .sweep, dataExtra: axes)
    return tree
  }
}
