import ArgumentParser
import Flatland
import Foundation

/// `flatland demo`: the README gallery, which is `flatland run` over the experiment files in
/// `examples/`.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Render the gallery (the figures shown in the README): 'flatland run' over examples/*.toml.",
    discussion: "Example: flatland demo --out plots")

  @Option(help: "Folder for the figures (created when missing).")
  var out = "plots"

  @Option(help: "The folder of experiment files (default: examples/ of the repository).")
  var examples: String?

  func run() throws {
    let folder = try ExamplesFolder.locate(examples, subfolder: nil)
    try Pipeline.execute(
      try RunCommand.jobs(ExamplesFolder.specs(in: folder), folder: out, settings: [], format: nil, extras: true))
  }
}

/// `flatland lecture`: slides that tell SAM's story in order, from the experiment files in
/// `examples/lecture/`.
struct LectureCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lecture",
    abstract: "Write a pack of 1920×1080 slides on SAM: the step, the max-pooled loss, sharpness, routes, orbits.",
    discussion: "Example: flatland lecture --out slides   (or --format pdf for vector slides)")

  @Option(help: "Folder for the slides (created when missing).")
  var out = "lecture"

  @Option(help: "File format of the slides: png, svg or pdf.")
  var format = "png"

  @Option(help: "The folder of slide files (default: examples/lecture/ of the repository).")
  var slides: String?

  func run() throws {
    let folder = try ExamplesFolder.locate(slides, subfolder: "lecture")
    try Pipeline.execute(
      try RunCommand.jobs(ExamplesFolder.specs(in: folder), folder: out, settings: [], format: format, extras: false))
  }
}

/// Finds the repository's `examples/` folder: given, in the current folder, or beside the
/// executable (`.build/release/flatland` → the repository it was built in).
enum ExamplesFolder {
  static func locate(_ given: String?, subfolder: String?) throws -> String {
    let marker = subfolder.map { "\($0)/01-sam-step.toml" } ?? "two-valleys.toml"
    if let given {
      guard FileManager.default.fileExists(atPath: given) else {
        throw CLIError("folder '\(given)' does not exist")
      }
      return given
    }
    var candidates = ["examples"]
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<6 {
      candidates.append(directory.appendingPathComponent("examples").path)
      directory.deleteLastPathComponent()
    }
    for candidate in candidates
    where FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent(marker)) {
      return subfolder.map { (candidate as NSString).appendingPathComponent($0) } ?? candidate
    }
    throw CLIError(
      "cannot find the examples folder (looked in ./examples and beside the flatland executable); "
        + "run from the repository or pass \(subfolder == nil ? "--examples" : "--slides") DIR")
  }

  /// The experiment files of a folder, sorted.
  static func specs(in folder: String) throws -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let specs = names.filter { $0.hasSuffix(".toml") || $0.hasSuffix(".json") }.sorted()
    guard !specs.isEmpty else { throw CLIError("'\(folder)' holds no experiment files (.toml or .json)") }
    return specs.map { (folder as NSString).appendingPathComponent($0) }
  }
}

/// A user-facing failure: one line on stderr after "error:", exit status 1.
struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ message: String) { description = message }
}
