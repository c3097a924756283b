import ArgumentParser
import ExperimentsTOML
import Flatland
import FlatlandPlot
import Foundation

/// `flatland run`: experiment files → every output they declare, the resolved spec and a summary.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run experiment files (.toml or .json): every figure and data file they declare.",
    discussion:
      "Beside the outputs, each FILE writes NAME.resolved.toml (the experiment with every default filled in) and, when it has runs, NAME.summary.json. 'docs/experiment-files.md' lists every key.\n\n"
      + Help.examples(
        "Examples:",
        [
          "flatland run examples/two-valleys.toml --out out",
          "flatland run examples/two-valleys.toml --out out --set run.steps=50 --set 'methods[*].lr=0.01'",
          "flatland run examples/*.toml --out plots",
        ]))

  @Argument(help: "Experiment files (.toml or .json).")
  var files: [String]

  @Option(help: "Folder the outputs are written to, relative file names resolved inside it (created when missing).")
  var out = "."

  @Option(
    name: .customLong("set"), parsing: .unconditionalSingleValue,
    help: "Change a key before running: KEY.PATH=VALUE, e.g. run.steps=50 or 'methods[*].lr=0.01'; repeatable.")
  var settings: [String] = []

  @Option(help: "Write every figure in this format instead: png, svg or pdf.")
  var format: String?

  @Flag(help: "Only check the files: report every problem, run nothing, write nothing.")
  var check = false

  @Flag(help: "Print nothing but problems: no 'wrote' lines, no progress bar.")
  var quiet = false

  func run() throws {
    let jobs = try Self.jobs(files, folder: out, settings: settings, format: format, extras: true)
    if check {
      var problems: [SpecProblem] = jobs.flatMap(\.early)
      for job in jobs {
        do { problems += try job.spec.resolve().warnings } catch { problems += error.problems }
      }
      if problems.contains(where: { $0.severity == .error }) { throw SpecProblems(problems) }
      Pipeline.report(problems)
      print(
        "ok: \(jobs.count) experiment file\(jobs.count == 1 ? "" : "s"), \(jobs.map(\.spec.outputs.count).reduce(0, +)) outputs"
      )
      return
    }
    try Pipeline.execute(jobs, quiet: quiet)
  }

  /// One job per file: read, `--set` applied, figures switched to `format`, and (with `extras`) a
  /// summary output and the resolved spec beside the outputs. Every file's problems at once.
  static func jobs(_ files: [String], folder: String, settings: [String], format: String?, extras: Bool) throws
    -> [Pipeline.Job]
  {
    var problems: [SpecProblem] = []
    var imageFormat: OutputFormat?
    if let format {
      if let f = OutputFormat(rawValue: format.lowercased()), f.isImage {
        imageFormat = f
      } else {
        problems.append(
          SpecProblem("'\(format)' is not valid; expected png, svg or pdf", at: .root, location: .flag("--format")))
      }
    }
    var isFolder: ObjCBool = false
    if folder.isEmpty {
      problems.append(SpecProblem("expected a folder name, not an empty string", at: .root, location: .flag("--out")))
    } else if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
      problems.append(SpecProblem("'\(folder)' is a file, not a folder", at: .root, location: .flag("--out")))
    }
    var jobs: [Pipeline.Job] = []
    for file in files {
      var node: SpecNode
      do {
        node = try SpecFile.load(file)
        try SpecSettings.apply(settings, to: &node)
      } catch {
        problems += error.problems
        continue
      }
      var (spec, early) = ExperimentSpec.read(node)
      let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
      if let imageFormat {
        for k in spec.outputs.indices where spec.outputs[k].isFigure {
          if let f = spec.outputs[k].file {
            spec.outputs[k].file = (f as NSString).deletingPathExtension + "." + imageFormat.rawValue
          }
        }
      }
      let hasRuns = spec.outputs.contains { output in
        switch output.kind {
        case .figure(.routes), .figure(.curves), .data(.trajectories), .data(.curves): return true
        default: return false
        }
      }
      if extras, hasRuns, !spec.outputs.contains(where: { $0.kind == .data(.summary) }) {
        spec.outputs.append(OutputSpec(.data(.summary), file: "\(stem).summary.json"))
      }
      let resolved = extras ? ExperimentWriter.path("\(stem).resolved.toml", in: folder) : nil
      jobs.append(Pipeline.Job(spec: spec, folder: folder, resolvedSpec: resolved, early: early))
    }
    if problems.contains(where: { $0.severity == .error }) {
      throw SpecProblems(problems + jobs.flatMap(\.early))
    }
    if !problems.isEmpty, !jobs.isEmpty { jobs[0].early += problems }
    return jobs
  }
}
