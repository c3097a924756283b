import ArgumentParser
import Flatland
import Foundation

/// `flatland`: sharpness-aware optimization on 2D landscapes, from the command line.
///
/// Exit status: 0 on success; 2 when the input is refused (every problem is printed, one per line,
/// and nothing is written); 1 when something fails while writing; 64 for a command line that does
/// not parse.
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
        flatland run examples/two-valleys.toml --out out
        flatland lecture --out slides
        flatland list methods
        flatland describe two-valleys
        flatland demo --out plots
      """,
    version: FlatlandVersion.string,
    subcommands: [
      PlotCommand.self, CurvesCommand.self, MapCommand.self, SliceCommand.self, SchematicCommand.self,
      RunCommand.self, LectureCommand.self, DemoCommand.self, ListCommand.self, DescribeCommand.self,
      ReferenceCommand.self,
    ])

  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let problems as SpecProblems {
      for p in problems.problems {
        let kind = p.severity == .error ? "error" : "warning"
        FileHandle.standardError.write(Data("\(kind): \(p)\n".utf8))
      }
      Foundation.exit(2)
    } catch let error as OutputError {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      Foundation.exit(1)
    } catch {
      exit(withError: error)
    }
  }
}
