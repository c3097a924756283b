import ArgumentParser
import Flatland

/// `flatland curves`: loss, distance or gradient norm against steps or evaluations.
struct CurvesCommand: FigureCommand {
  static let configuration = CommandConfiguration(
    commandName: "curves",
    abstract: "Plot loss curves of several methods (log y; mean and band over noisy repeats).",
    discussion: Help.examples(
      "Example (a fair comparison at equal cost, 20 noisy repeats):",
      [
        "flatland curves --landscape two-valleys --methods sgd,sam,looksam --noise 0.3 --repeats 20 --x evaluations -o curves.png"
      ]))

  @OptionGroup var landscape: LandscapeFlags
  @OptionGroup var methods: MethodFlags
  @OptionGroup var starts: StartFlags
  @OptionGroup var runFlags: RunFlags
  @OptionGroup var output: OutputFlags

  @Option(
    parsing: .unconditional,
    help: "What to plot: loss (L − L_min), distance (to the nearest minimum), grad-norm (default: loss).")
  var y: String?

  @Option(
    parsing: .unconditional,
    help: "Against: steps, or evaluations (gradient evaluations; function ones for ES) (default: steps).")
  var x: String?

  @Option(parsing: .unconditional, help: "Runs per method and start, differing only in their noise (default: 1).")
  var repeats: String?

  @Flag(help: "Linear y axis and arithmetic means instead of log and geometric.")
  var linear = false

  func run() throws { try Pipeline.figure(tree(), saveSpec: output.saveSpec, quiet: output.quiet) }

  /// The spec tree of this command line.
  func tree() -> SpecTree {
    var tree = SpecTree()
    landscape.fill(&tree)
    methods.fill(&tree, defaults: ExperimentSpec.defaultMethods(for: [.figure(.curves)], basinMap: false))
    starts.fill(&tree)
    runFlags.fill(&tree)
    tree.set("run", "repeats", text: repeats, flag: "--repeats")
    let keys = [
      SpecTree.entry("y", y, "--y"), SpecTree.entry("x", x, "--x"), SpecTree.entry("linear", linear, "--linear"),
    ]
    output.fill(&tree, figure: .curves, extra: keys, data: .curves, dataExtra: keys)
    return tree
  }
}
