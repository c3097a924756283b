import ArgumentParser
import Flatland

/// `flatland reference`: prints `docs/experiment-files.md`, generated from the spec types
/// (`make docs` writes it; a test fails when the committed file drifts).
struct ReferenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reference", abstract: "Print the reference of experiment files (docs/experiment-files.md).",
    shouldDisplay: false)

  func run() { print(ExperimentReference.markdown(), terminator: "") }
}
