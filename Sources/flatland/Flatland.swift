import ArgumentParser

/// `flatland`: sharpness-aware optimization on 2D landscapes, from the command line.
@main
struct FlatlandCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "flatland",
    abstract: "Explore SAM, GSAM, VSAM and SGD on two-dimensional loss landscapes.",
    discussion: """
      Examples:
        flatland plot --landscape two-valleys --methods sgd,sam,gsam,vsam --start 0.3,2 -o routes.png
        flatland plot --landscape quadratic --param a=1,b=10 --methods sgd,sam --rho 0.25 -o quad.pdf
        flatland list landscapes
        flatland demo --out plots
      """,
    subcommands: [PlotCommand.self, ListCommand.self, DemoCommand.self])
}
