import ArgumentParser
import ExperimentsTOML
import Flatland
import FlatlandCLI
import FlatlandPlot
import Foundation

/// Which parser an input goes through.
public enum FuzzStage: String, CaseIterable, Sendable {
  case formula, label, spec, cli
}

/// What became of one input. A crash has no case: it ends the process, which is the point.
public enum FuzzVerdict: Sendable, Equatable {
  /// Accepted, run and rendered in memory.
  case accepted
  /// Refused with a message.
  case refused
  /// Refused, but the real command wrote these files.
  case strayFiles([String])
  /// Refused in-process, yet the real command ran: the harness and the tool disagree.
  case disagreement
}

/// The checks behind `make fuzz` and the libFuzzer target: every input must be refused by name or
/// accepted and rendered, at a tiny grid and step count, in memory.
public final class InputChecks {
  /// The folder the real commands run in (the current folder while checking a command line).
  let scratch: URL
  let measurer = TextMeasurer()

  public init(scratch: URL) { self.scratch = scratch }

  /// Keeps an accepted experiment cheap: a few steps, starts and methods, tiny grids and figures.
  public static func shrink(_ spec: inout ExperimentSpec) {
    spec.run.steps = Swift.min(spec.run.steps ?? 5, 5)
    spec.run.repeats = Swift.min(spec.run.repeats ?? 1, 2)
    if let starts = spec.run.starts, starts.count > 2 { spec.run.starts = Array(starts.prefix(2)) }
    if let methods = spec.methods, methods.count > 3 { spec.methods = Array(methods.prefix(3)) }
    for k in spec.methods?.indices ?? (0..<0) {
      for key in [MethodKey.samples, .population] {
        if case .number(let n)? = spec.methods?[k].values[key], n > 64 { spec.methods?[k].values[key] = .number(64) }
      }
    }
    for k in spec.outputs.indices {
      if OutputSpec.fields(for: spec.outputs[k].kind).contains(where: { $0.key == "grid" }) {
        spec.outputs[k].grid = 20
      }
      if spec.outputs[k].isFigure {
        spec.outputs[k].size = Vec2(200, 200)
        spec.outputs[k].dpi = nil
      }
      if let radii = spec.outputs[k].radii, radii.count > 2 { spec.outputs[k].radii = Array(radii.prefix(2)) }
      // A sweep builds and runs a method per cell: three values per axis.
      if let n = spec.outputs[k].sweepX?.count, n > 3 { spec.outputs[k].sweepX?.count = 3 }
      if let n = spec.outputs[k].sweepY?.count, n > 3 { spec.outputs[k].sweepY?.count = 3 }
    }
  }

  /// Resolves, runs and renders every output in memory; `false` when the spec is refused.
  public func render(_ spec: ExperimentSpec) -> Bool {
    var spec = spec
    Self.shrink(&spec)
    guard let experiment = try? spec.resolve() else { return false }
    let results = experiment.run()
    for k in experiment.outputs.indices { _ = try? ExperimentWriter.render(k, of: experiment, results: results) }
    return true
  }

  /// A formula as a landscape, with routes (and, for `variant % 4 == 0`, a map) over it.
  public func formula(_ text: String, variant: Int = 0) -> FuzzVerdict {
    guard (try? ExpressionParser.parse(text)) != nil else { return .refused }
    var spec = ExperimentSpec(landscape: LandscapeSpec(formula: text))
    spec.methods = [MethodSpec(.sgd), MethodSpec(.sam)]
    spec.outputs = [OutputSpec(.figure(.routes), file: "f.png")]
    if variant % 4 == 0 {
      var map = OutputSpec(.figure(.map), file: "m.png")
      map.quantity = variant % 8 == 0 ? .lambdaMin : .sharpness
      spec.outputs.append(map)
    }
    return render(spec) ? .accepted : .refused
  }

  /// A label through the label syntax and Pango.
  public func label(_ text: String) -> FuzzVerdict {
    guard let markup = try? MathText.markupOrEscaped(text) else { return .refused }
    _ = measurer.size(of: markup, size: 12)
    return .accepted
  }

  /// An experiment file's text through the TOML reader and the spec.
  public func spec(_ text: String) -> FuzzVerdict {
    guard let node = try? TOMLSpecReader.read(text, file: "fuzz.toml"), let spec = try? ExperimentSpec.load(node)
    else { return .refused }
    return render(spec) ? .accepted : .refused
  }

  /// A command line through the figure commands' flags. With `runRefused`, a refused one is also
  /// given to the real command (in `scratch`), which must refuse it too and write nothing.
  public func commandLine(_ arguments: [String], runRefused: Bool) -> FuzzVerdict {
    if let (spec, problems) = figureSpec(forCommandLine: arguments),
      !problems.contains(where: { $0.severity == .error }),
      render(spec)
    {
      return .accepted
    }
    guard runRefused, var command = try? FlatlandCommand.parse(arguments), isFigureCommand(command) else {
      return .refused
    }
    let previous = FileManager.default.currentDirectoryPath
    _ = FileManager.default.changeCurrentDirectoryPath(scratch.path)
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    let ran = (try? command.run()) != nil
    let left = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? []
    for file in left { try? FileManager.default.removeItem(at: scratch.appendingPathComponent(file)) }
    if ran { return .disagreement }
    return left.isEmpty ? .refused : .strayFiles(left)
  }

  /// One libFuzzer input: the first byte picks the stage, the rest is the text (for a command
  /// line, its arguments separated by newlines).
  public func bytes(_ data: [UInt8]) -> FuzzVerdict {
    guard let first = data.first else { return .refused }
    let text = String(decoding: data.dropFirst(), as: UTF8.self)
    switch FuzzStage.allCases[Int(first) % FuzzStage.allCases.count] {
    case .formula: return formula(text, variant: Int(first) / 4)
    case .label: return label(text)
    case .spec: return spec(text)
    case .cli:
      return commandLine(
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), runRefused: true)
    }
  }
}
