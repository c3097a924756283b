import ArgumentParser
import Flatland

/// `flatland schematic`: one SAM-type step drawn as geometry, for lectures.
struct SchematicCommand: FigureCommand {
  static let configuration = CommandConfiguration(
    commandName: "schematic",
    abstract: "Draw one step of a method at a point: gradient, ρ-ball or ellipse, ε, ∇L(w + ε), the step.",
    discussion: Help.examples(
      "The default preset is slide (1920×1080). Examples:",
      [
        "flatland schematic --landscape two-valleys --at 0.45,0.6 --methods sam --rho 0.25 -o sam-step.png",
        "flatland schematic --landscape two-valleys --at 0.45,0.6 --method vsam:sigma=0.3,1,rho=0.25 -o vsam-step.png",
      ]))

  @OptionGroup var landscape: LandscapeFlags
  @OptionGroup var methods: MethodFlags
  @OptionGroup var output: OutputFlags

  @Option(parsing: .unconditional, help: "The point w as X,Y (default: the landscape's first suggested start).")
  var at: String?

  @Option(parsing: .unconditional, help: "Contour grid nodes per axis (default: 240).")
  var grid: String?

  func run() throws { try Pipeline.figure(tree(), saveSpec: output.saveSpec, quiet: output.quiet) }

  /// The spec tree of this command line.
  func tree() -> SpecTree {
    var tree = SpecTree()
    landscape.fill(&tree)
    methods.fill(&tree, defaults: ExperimentSpec.defaultMethods(for: [.figure(.schematic)], basinMap: false))
    let keys = [SpecTree.entry("at", at, "--at")]
    output.fill(
      &tree, figure: .schematic, extra: keys + [SpecTree.entry("grid", grid, "--grid")], data: .schematic,
      dataExtra: keys)
    return tree
  }
}
