import ArgumentParser
import Flatland

/// `flatland ensemble`: many noisy runs per method, where they end and how curved it is there.
struct EnsembleCommand: FigureCommand {
  static let configuration = CommandConfiguration(
    commandName: "ensemble",
    abstract:
      "Many noisy runs per method: route bundles, end points, share per minimum, Hessian spectra at the ends.",
    discussion:
      "Each method runs from every start (--start, repeatable) --repeats times (100 unless given), the repeats differing only in their random streams — so give --noise (or a method that draws random numbers, such as VSAM). One panel per method shows a bundle of the routes (--bundle per start) and the end of every run; three charts show the share of runs per basin with 95% Wilson intervals and histograms of λ_max and λ_min of the Hessian at the ends, each known minimum's value dashed. Repeat k from a start is the same run as repeat k of `flatland curves`. --data writes every run.\n\n"
      + Help.examples(
        "Examples:",
        [
          "flatland ensemble --landscape two-valleys --methods sgd,sam --noise 0.5 --repeats 400 -o ensemble.png",
          "flatland ensemble --landscape himmelblau --methods sam --start 0,0 --noise 2 --data runs.csv -o ends.png",
        ]))

  @OptionGroup var landscape: LandscapeFlags
  @OptionGroup var methods: MethodFlags
  @OptionGroup var starts: StartFlags
  @OptionGroup var runFlags: RunFlags
  @OptionGroup var output: OutputFlags

  @Option(parsing: .unconditional, help: "Runs per method and start, differing only in their noise (default: 100).")
  var repeats: String?

  @Option(
    parsing: .unconditional, help: "Routes drawn per method and start, 0 to 100 (default: the repeats, at most 30).")
  var bundle: String?

  @Option(parsing: .unconditional, help: "Contour grid nodes per axis (default: 300).")
  var grid: String?

  @Option(
    parsing: .unconditional,
    help: "Colormap: viridis, magma, inferno, plasma, cividis, coolwarm; _r reverses (default: viridis).")
  var colormap: String?

  func run() throws { try Pipeline.figure(tree(), saveSpec: output.saveSpec, quiet: output.quiet) }

  /// The spec tree of this command line.
  func tree() -> SpecTree {
    var tree = SpecTree()
    landscape.fill(&tree)
    methods.fill(&tree, defaults: ExperimentSpec.defaultMethods(for: [.figure(.ensemble)], basinMap: false))
    starts.fill(&tree)
    runFlags.fill(&tree)
    tree.set("run", "repeats", text: repeats ?? "100", flag: "--repeats")
    output.fill(
      &tree, figure: .ensemble,
      extra: [
        SpecTree.entry("bundle", bundle, "--bundle"), SpecTree.entry("grid", grid, "--grid"),
        SpecTree.entry("colormap", colormap, "--colormap"),
      ], data: .ensemble, dataExtra: [])
    return tree
  }
}
