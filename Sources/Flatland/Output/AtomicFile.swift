import Foundation

/// Writes whole files or nothing: the bytes go to a temporary file beside the target, then a rename
/// replaces the target in one step. An interrupted run never leaves half a figure.
public enum AtomicFile {
  public static func write(_ data: Data, to url: URL) throws {
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
    do {
      try data.write(to: temporary)
      if rename(temporary.path, url.path) != 0 {
        let code = errno
        throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(code))])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw OutputError.cannotWrite(path: url.path, reason: Self.reason(error))
    }
  }

  /// Checks, before any work is done, that `url` can be created: its folder exists and is writable.
  /// Paths are reported as the user typed them.
  public static func checkWritable(_ path: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    let directory = folder.isEmpty ? "." : folder
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw OutputError.cannotWrite(path: path, reason: "folder '\(directory)' does not exist")
    }
    guard FileManager.default.isWritableFile(atPath: directory) else {
      throw OutputError.cannotWrite(path: path, reason: "folder '\(directory)' is not writable")
    }
    var targetIsDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &targetIsDirectory), targetIsDirectory.boolValue {
      throw OutputError.cannotWrite(path: path, reason: "it is a folder")
    }
  }

  private static func reason(_ error: Error) -> String {
    if let error = error as? OutputError { return error.description }
    return (error as NSError).localizedDescription
  }
}

/// An output file that cannot be produced.
public enum OutputError: Error, CustomStringConvertible, Equatable {
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason): return "cannot write '\(path)': \(reason)"
    }
  }
}
