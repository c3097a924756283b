import ArgumentParser

/// `flatland`: sharpness-aware optimization on 2D landscapes, from the command line.
@main
struct FlatlandCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "flatland",
    abstract: "Explore SAM and the whole sharpness-aware family on two-dimensional loss landscapes.",
    discussion: """
      Examples:
        flatland plot --landscape two-valleys --methods sgd,sam,gsam,vsam --start 0.3,2 -o routes.png
        flatland plot --landscape quadratic --param a=1,b=10 --methods sgd,sam --rho 0.25 -o quad.pdf
        flatland curves --landscape two-valleys --methods sgd,sam --x evaluations -o curves.png
        flatland map --landscape two-valleys --quantity sharpness --rho 0.1 -o sharpness.png
        flatland slice --landscape two-valleys --along x --at 0 -o slice.pdf
        flatland schematic --landscape two-valleys --at 0.45,0.6 --methods sam --rho 0.25 -o step.png
        flatland lecture --out slides
        flatland list landscapes
        flatland demo --out plots
      """,
    subcommands: [
      PlotCommand.self, CurvesCommand.self, MapCommand.self, SliceCommand.self, SchematicCommand.self,
      LectureCommand.self,
      ListCommand.self, DemoCommand.self,
    ])
}
