import ArgumentParser
import Flatland
import Foundation

/// `flatland`: sharpness-aware optimization on 2D landscapes, from the command line.
///
/// Exit status: 0 on success; 2 when the input is refused (every problem is printed, one per line,
/// and nothing is written); 1 when something fails while writing; 64 for a command line that does
/// not parse.
public struct FlatlandCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "flatland",
    abstract: "Explore SAM and the whole sharpness-aware family on two-dimensional loss landscapes.",
    discussion: Help.examples(
      "Examples:",
      [
        "flatland plot --landscape two-valleys --methods sgd,sam,gsam,vsam --start 0.3,2 -o routes.png",
        "flatland plot --landscape quadratic --param a=1,b=10 --methods sgd,sam --rho 0.25 -o quad.pdf",
        "flatland curves --landscape two-valleys --methods sgd,sam --x evaluations -o curves.png",
        "flatland map --landscape two-valleys --quantity sharpness --rho 0.1 -o sharpness.png",
        "flatland slice --landscape two-valleys --along x --at 0 -o slice.pdf",
        "flatland schematic --landscape two-valleys --at 0.45,0.6 --methods sam --rho 0.25 -o step.png",
        "flatland run examples/two-valleys.toml --out out",
        "flatland lecture --out slides",
        "flatland list methods",
        "flatland describe two-valleys",
        "flatland demo --out plots",
      ]),
    version: FlatlandVersion.string,
    subcommands: [
      PlotCommand.self, CurvesCommand.self, MapCommand.self, SweepCommand.self, EnsembleCommand.self,
      SliceCommand.self,
      SchematicCommand.self,
      RunCommand.self, LectureCommand.self, DemoCommand.self, ListCommand.self, DescribeCommand.self,
      ReferenceCommand.self,
    ])

  public init() {}

  /// The command a command line asks for, after the checks the argument parser does not make (an
  /// option given twice, `-zh`). The binary, the tests and the fuzz harness all parse through here.
  public static func parse(_ arguments: [String]) throws -> any ParsableCommand {
    if let problem = CommandLineCheck.problem(in: arguments) { throw CommandLineCheck.Problem(description: problem) }
    return try parseAsRoot(arguments)
  }

  public static func main() {
    AtomicFile.removePartialsOnInterrupt()
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
      var command = try parse(arguments)
      try command.run()
    } catch let error as CommandLineCheck.Problem {
      FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
      Foundation.exit(64)
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
      // ArgumentParser suggests the nearest option even when it is far (`--foo` → `--rho`);
      // keep a suggestion only when it is close enough to be a typo.
      var message = fullMessage(for: error)
      // The parser stops at the first problem and reports a missing -o before an unknown option;
      // parse again with a stand-in output so that the other problem is reported too.
      if message.contains("Missing expected argument '--output"), !arguments.contains("--help"),
        case .failure(let other) = Result(catching: { try parseAsRoot(arguments + ["-o", "stand-in.png"]) })
      {
        let first = fullMessage(for: other).split(separator: "\n").first.map(String.init) ?? ""
        message = (CommandLineCheck.withoutFarSuggestion(first) ?? first) + "\n" + message
      }
      if exitCode(for: error) != .success {
        let fixed = CommandLineCheck.withoutFarSuggestion(message) ?? message
        FileHandle.standardError.write(Data((fixed.hasSuffix("\n") ? fixed : fixed + "\n").utf8))
        Foundation.exit(exitCode(for: error).rawValue)
      }
      exit(withError: error)
    }
  }
}
