import Flatland
import Foundation

/// Experiment files on disk: `.toml` (TOMLKit) or `.json` (Flatland's own reader), both into the
/// same spec tree with every position recorded.
public enum SpecFile {
  /// The tree of the file at `path` (named in problems as given).
  public static func load(_ path: String) throws(SpecProblems) -> SpecNode {
    let ext = (path as NSString).pathExtension.lowercased()
    guard ext == "toml" || ext == "json" else {
      throw SpecProblems([
        SpecProblem("an experiment file ends in .toml or .json", at: .root, location: .flag(path))
      ])
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
      throw SpecProblems([SpecProblem("no such file", at: .root, location: .flag(path))])
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SpecProblems([SpecProblem("cannot be read (permissions?)", at: .root, location: .flag(path))])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw SpecProblems([SpecProblem("is not UTF-8 text", at: .root, location: .flag(path))])
    }
    return ext == "toml" ? try TOMLSpecReader.read(text, file: path) : try JSONReader.read(text, file: path)
  }

  /// The spec of the file at `path`, read and checked for types and unknown keys.
  public static func spec(_ path: String, settings: [String] = []) throws(SpecProblems) -> ExperimentSpec {
    var node = try load(path)
    try SpecSettings.apply(settings, to: &node)
    return try ExperimentSpec.load(node)
  }

  /// Writes `spec` as TOML to `path` atomically, with `comments` on top.
  public static func writeTOML(_ spec: ExperimentSpec, to path: String, comments: [String] = []) throws {
    let text = TOMLWriter.document(spec.node, comments: comments)
    try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: path))
  }
}
