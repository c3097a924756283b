import ArgumentParser
import Flatland

/// `flatland slice`: f, SAM's max-pooled f_p and the surrogate gap h along one axis.
struct SliceCommand: FigureCommand {
  static let configuration = CommandConfiguration(
    commandName: "slice",
    abstract: "Plot f, f_p = max over the ρ-ball and the surrogate gap h along one axis (GSAM's figure 1).",
    discussion: Help.examples(
      "Examples:",
      [
        "flatland slice --landscape two-valleys --along x --at 0 --rho 0.1 -o slice.png",
        "flatland slice --landscape \"0.2*x^2 - exp(-20*(x-1)^2) - 0.6*exp(-(x+1)^2)\" --rho 0.3 -o gsam-fig1.pdf",
      ]))

  @OptionGroup var landscape: LandscapeFlags

  @Option(parsing: .unconditional, help: "The axis to slice along: x or y (default: x).")
  var along: String?

  @Option(parsing: .unconditional, help: "The fixed value of the other coordinate (default: 0).")
  var at: String?

  @Option(parsing: .unconditional, help: "Radius ρ of the ball f_p maximises over (default: the landscape's).")
  var rho: String?

  @Option(parsing: .unconditional, help: "Samples along the axis (default: 400).")
  var grid: String?

  @OptionGroup var output: OutputFlags

  func run() throws { try Pipeline.figure(tree(), saveSpec: output.saveSpec, quiet: output.quiet) }

  /// The spec tree of this command line.
  func tree() -> SpecTree {
    var tree = SpecTree()
    landscape.fill(&tree)
    let keys = [
      SpecTree.entry("along", along, "--along"), SpecTree.entry("at", at, "--at"), SpecTree.entry("rho", rho, "--rho"),
      SpecTree.entry("grid", grid, "--grid"),
    ]
    output.fill(&tree, figure: .slice, extra: keys, data: .slice, dataExtra: keys)
    return tree
  }
}
