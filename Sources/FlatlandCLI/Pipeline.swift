import ArgumentParser
import ExperimentsTOML
import Flatland
import FlatlandPlot
import Foundation

/// Every command's one path: a spec tree → the spec (read, every type checked) → the experiment
/// (resolved, every rule and guard checked, every problem at once) → the run → figures and data
/// files. Nothing is computed before everything is checked, and nothing is written for a refused
/// input.
enum Pipeline {
  /// One experiment to run: its spec and where its outputs go.
  struct Job {
    var spec: ExperimentSpec
    /// Folder the outputs' files are relative to.
    var folder: String
    /// Write the spec as given (the `--save-spec` of figure commands) to this file.
    var saveSpec: String?
    /// Write the resolved spec here (`flatland run`'s `<stem>.resolved.toml`).
    var resolvedSpec: String?
    /// Problems found while building the spec (flags), reported with the others.
    var early: [SpecProblem] = []
  }

  /// The spec of a command line's tree, or its problems.
  static func read(_ tree: SpecTree) -> (spec: ExperimentSpec, problems: [SpecProblem]) {
    let (spec, problems) = ExperimentSpec.read(tree.root)
    return (spec, tree.problems + problems)
  }

  /// Resolves every job first (so a mistake in the last file stops the first), then runs and
  /// writes each, printing each file written.
  static func execute(_ jobs: [Job], quiet: Bool = false) throws {
    var problems: [SpecProblem] = []
    var experiments: [Experiment] = []
    var claimed: [String: Int] = [:]
    for job in jobs {
      problems += job.early
      do {
        let experiment = try job.spec.resolve()
        problems += experiment.warnings
        problems += ExperimentWriter.problems(writing: experiment, into: job.folder)
        for extra in [job.saveSpec, job.resolvedSpec].compactMap({ $0 }) {
          if let reason = ExperimentWriter.unwritable(extra) {
            problems.append(SpecProblem("cannot write '\(extra)': \(reason)", at: .root, location: nil))
          }
        }
        for output in experiment.outputs {
          let path = ExperimentWriter.path(output.file, in: job.folder)
          if let other = claimed[path], other != experiments.count {
            problems.append(SpecProblem("'\(path)' is written by two experiments; rename one", at: .root))
          }
          claimed[path] = experiments.count
        }
        experiments.append(experiment)
      } catch {
        problems += error.problems
      }
    }
    let errors = problems.filter { $0.severity == .error }
    if !errors.isEmpty { throw SpecProblems(problems).sorted }
    report(problems)
    TextMeasurer.warmUpInBackground()
    for (job, experiment) in zip(jobs, experiments) {
      let bar = ProgressBar.make(label: "running", stepsPerUnit: Swift.max(1, experiment.steps), quiet: quiet)
      let results = experiment.run(progress: bar?.handler)
      for path in try ExperimentWriter.write(experiment, results, into: job.folder) where !quiet {
        print("wrote \(path)")
      }
      if let saveSpec = job.saveSpec {
        try write(
          experiment.given, to: saveSpec, comments: ["A Flatland experiment; run it with: flatland run \(saveSpec)"])
        if !quiet { print("wrote \(saveSpec)") }
      }
      if let resolved = job.resolvedSpec {
        try write(
          experiment.spec, to: resolved,
          comments: [
            "The resolved experiment: every default filled in. Rerun with: flatland run \(resolved)",
            experiment.provenance.line,
          ])
        if !quiet { print("wrote \(resolved)") }
      }
    }
  }

  /// Writes a spec as TOML, or as JSON for `.json` files.
  static func write(_ spec: ExperimentSpec, to path: String, comments: [String]) throws {
    if path.lowercased().hasSuffix(".json") {
      try AtomicFile.write(Data(JSONWriter.document(spec.node).utf8), to: URL(fileURLWithPath: path))
    } else {
      try SpecFile.writeTOML(spec, to: path, comments: comments)
    }
  }

  /// Warnings on stderr, one line each.
  static func report(_ problems: [SpecProblem]) {
    for p in problems where p.severity == .warning {
      FileHandle.standardError.write(Data("warning: \(p)\n".utf8))
    }
  }

  /// A figure command: its tree, resolved, run and written.
  static func figure(_ tree: SpecTree, saveSpec: String?, quiet: Bool = false) throws {
    let (spec, problems) = read(tree)
    if let saveSpec, !(saveSpec.lowercased().hasSuffix(".toml") || saveSpec.lowercased().hasSuffix(".json")) {
      throw SpecProblems(
        problems + [
          SpecProblem(
            "'\(saveSpec)' is not valid; expected a .toml or .json file", at: .root,
            location: .flag("--save-spec"))
        ])
    }
    try execute([Job(spec: spec, folder: ".", saveSpec: saveSpec, early: problems)], quiet: quiet)
  }
}

/// A command that draws one figure from its flags.
protocol FigureCommand: ParsableCommand {
  /// The spec tree its flags describe.
  func tree() -> SpecTree
}

/// For the fuzz harness and tests: the spec a figure command line describes, read (types and
/// unknown keys checked), with the problems found so far; `nil` when the command line does not
/// parse or is not a figure command.
public func figureSpec(forCommandLine arguments: [String]) -> (spec: ExperimentSpec, problems: [SpecProblem])? {
  guard let command = try? FlatlandCommand.parse(arguments) as? any FigureCommand else { return nil }
  return Pipeline.read(command.tree())
}

/// Whether `command` draws one figure from its flags (`plot`, `curves`, `map`, `slice`,
/// `schematic`), as opposed to running files or listing.
public func isFigureCommand(_ command: any ParsableCommand) -> Bool { command is any FigureCommand }
