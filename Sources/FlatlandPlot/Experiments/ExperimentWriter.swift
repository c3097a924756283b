import Flatland
import Foundation

/// Writes an experiment's outputs: every figure and data file rendered in memory first, then each
/// written atomically (temporary file, then rename), each carrying its provenance.
public enum ExperimentWriter {
  /// The path of `file` inside `folder` (absolute files are kept).
  public static func path(_ file: String, in folder: String) -> String {
    file.hasPrefix("/") || folder.isEmpty || folder == "." ? file : (folder as NSString).appendingPathComponent(file)
  }

  /// Problems that would stop the outputs from being written (missing or read-only folders,
  /// folders in the way), found before any computation. `folder` may not exist yet; its nearest
  /// existing ancestor must be writable.
  public static func problems(writing experiment: Experiment, into folder: String) -> [SpecProblem] {
    var problems: [SpecProblem] = []
    for (i, output) in experiment.outputs.enumerated() {
      let target = path(output.file, in: folder)
      if let reason = unwritable(target) {
        problems.append(
          SpecProblem(
            "cannot write '\(target)': \(reason)", at: .root + "outputs" + i + "file",
            location: experiment.spec.sources.location(of: .root + "outputs" + i + "file")))
      }
    }
    return problems
  }

  /// Why `path` cannot be created, or `nil`.
  public static func unwritable(_ path: String) -> String? {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      return "it is a folder"
    }
    var folder = (path as NSString).deletingLastPathComponent
    if folder.isEmpty { folder = "." }
    while !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
      let parent = (folder as NSString).deletingLastPathComponent
      folder = parent == folder || parent.isEmpty ? "." : parent
      if folder == "." {
        _ = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
        break
      }
    }
    guard isDirectory.boolValue else { return "'\(folder)' is a file, not a folder" }
    guard FileManager.default.isWritableFile(atPath: folder) else { return "folder '\(folder)' is not writable" }
    return nil
  }

  /// The bytes of output `index`.
  public static func render(_ index: Int, of experiment: Experiment, results: ExperimentResults) throws -> Data {
    let output = experiment.outputs[index]
    let provenance = experiment.provenance(forOutput: index)
    switch results.products[index] {
    case .trajectories:
      return Data(TrajectoryCSV.render(results.trajectories, provenance: provenance).utf8)
    case .summary(let runs):
      return Data(AnalysisJSON.summary(runs, info: results.info, provenance: provenance).utf8)
    case .curves(let statistics) where !output.spec.isFigure:
      return Data(AnalysisCSV.curves(statistics, provenance: provenance).utf8)
    case .map(let map) where !output.spec.isFigure:
      return Data(AnalysisCSV.map(map, info: results.info, provenance: provenance).utf8)
    case .slice(let profile) where !output.spec.isFigure:
      return Data(AnalysisCSV.slice(profile, provenance: provenance).utf8)
    case .schematic(let geometry) where !output.spec.isFigure:
      return Data(AnalysisJSON.schematic(geometry, provenance: provenance).utf8)
    case .sweep(let sweeps) where !output.spec.isFigure:
      return Data(AnalysisCSV.sweep(sweeps, provenance: provenance).utf8)
    case .ensemble(let ensembles, _) where !output.spec.isFigure:
      return Data(AnalysisCSV.ensemble(ensembles, provenance: provenance).utf8)
    case .routes, .curves, .map, .slice, .schematic, .sweep, .ensemble:
      let (scene, style) = try ExperimentFigures.scene(for: index, of: experiment, results: results)
      // swift-format-ignore: NeverForceUnwrap
      let format = ImageFormat(rawValue: output.format.rawValue)!
      return try CairoRenderer.render(scene, as: format, pixelScale: style.pixelScale, provenance: provenance)
    }
  }

  /// Renders every output, then writes them into `folder` (created when missing); returns the
  /// paths written, in order.
  @discardableResult
  public static func write(_ experiment: Experiment, _ results: ExperimentResults, into folder: String) throws
    -> [String]
  {
    let files = try experiment.outputs.indices.map { try render($0, of: experiment, results: results) }
    var written: [String] = []
    for (output, data) in zip(experiment.outputs, files) {
      let target = path(output.file, in: folder)
      let parent = (target as NSString).deletingLastPathComponent
      if !parent.isEmpty { try createFolder(parent) }
      try AtomicFile.write(data, to: URL(fileURLWithPath: target))
      written.append(target)
    }
    return written
  }

  /// `mkdir -p`, with a plain message when it fails.
  public static func createFolder(_ folder: String) throws {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw OutputError.cannotWrite(path: folder, reason: "the folder cannot be created")
    }
  }
}
