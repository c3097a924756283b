import Dispatch
import Foundation

/// Writes whole files or nothing: the bytes go to a temporary file beside the target, then a rename
/// replaces the target in one step. An interrupted run never leaves half a figure.
public enum AtomicFile {
  public static func write(_ data: Data, to url: URL) throws {
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
    Partials.shared.insert(temporary.path)
    defer { Partials.shared.remove(temporary.path) }
    do {
      try data.write(to: temporary)
      // For the interruption test only: hold the temporary file so that a signal can arrive.
      if let pause = ProcessInfo.processInfo.environment["FLATLAND_TEST_HOLD_PARTIAL"], let s = Double(pause) {
        Thread.sleep(forTimeInterval: s)
      }
      if rename(temporary.path, url.path) != 0 {
        let code = errno
        throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(code))])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw OutputError.cannotWrite(path: url.path, reason: Self.reason(error))
    }
  }

  /// Removes every temporary file still being written when SIGINT or SIGTERM arrives, then exits
  /// with 130 or 143 (128 + the signal), so an interrupted run leaves no `.NAME.partial-PID` behind.
  /// The handlers run on a dispatch queue, not in signal context, so they may take the lock.
  public static func removePartialsOnInterrupt() {
    for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        for path in Partials.shared.all() { unlink(path) }
        exit(status)
      }
      source.resume()
      Partials.shared.keep(source)
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

/// The temporary files being written right now, for the interrupt handler.
final class Partials: @unchecked Sendable {
  static let shared = Partials()
  private var paths: Set<String> = []
  private var sources: [any DispatchSourceSignal] = []
  private let lock = NSLock()

  func insert(_ path: String) {
    lock.lock()
    paths.insert(path)
    lock.unlock()
  }

  func remove(_ path: String) {
    lock.lock()
    paths.remove(path)
    lock.unlock()
  }

  func all() -> [String] {
    lock.lock()
    defer { lock.unlock() }
    return Array(paths)
  }

  func keep(_ source: any DispatchSourceSignal) {
    lock.lock()
    sources.append(source)
    lock.unlock()
  }
}
