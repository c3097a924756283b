import Flatland
import Foundation
import Synchronization

/// A progress bar on stderr for long jobs: drawn only on a terminal, only once a job has run for
/// half a second and looks set to take more than a second, at most ten times a second, with the
/// rate and the time left; erased when the job ends. Nothing at all when stderr is not a
/// terminal or with `--quiet`.
final class ProgressBar: Sendable {
  private struct State {
    var started = Date()
    var lastDrawn = Date.distantPast
    var drawn = false
  }
  private let state = Mutex(State())
  private let label: String
  /// Work per counted unit (steps per run), for the rate in point-steps per second.
  private let stepsPerUnit: Int

  private init(label: String, stepsPerUnit: Int) {
    self.label = label
    self.stepsPerUnit = stepsPerUnit
  }

  /// A bar when stderr is a terminal and the user did not ask for quiet; nil otherwise.
  static func make(label: String, stepsPerUnit: Int, quiet: Bool) -> ProgressBar? {
    guard !quiet, isatty(STDERR_FILENO) != 0 else { return nil }
    return ProgressBar(label: label, stepsPerUnit: stepsPerUnit)
  }

  /// The handler the library calls as work finishes.
  var handler: ProgressHandler { { [self] done, total in self.update(done, total) } }

  func update(_ done: Int, _ total: Int) {
    let line: String? = state.withLock { s in
      let now = Date()
      let elapsed = now.timeIntervalSince(s.started)
      guard done < total else {
        defer { s.drawn = false }
        return s.drawn ? "\r\u{1B}[K" : nil
      }
      let fraction = total > 0 ? Double(done) / Double(total) : 0
      let expected = fraction > 0 ? elapsed / fraction : .infinity
      guard elapsed >= 0.5, expected > 1, now.timeIntervalSince(s.lastDrawn) >= 0.1 else { return nil }
      s.lastDrawn = now
      s.drawn = true
      return "\r" + Self.render(label, fraction, elapsed, Double(done * stepsPerUnit) / elapsed, expected - elapsed)
    }
    if let line { FileHandle.standardError.write(Data(line.utf8)) }
  }

  /// `basins  [██████▌     ]  55%  48.1 M point-steps/s  3 s left`.
  static func render(_ label: String, _ fraction: Double, _ elapsed: Double, _ rate: Double, _ left: Double) -> String {
    let width = 24
    let eighths = Int((fraction * Double(width * 8)).rounded(.down))
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    var bar = String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    bar += String(repeating: " ", count: Swift.max(0, width - bar.count))
    let percent = Int((fraction * 100).rounded(.down))
    let speed = rate >= 1e6 ? String(format: "%.1f M", rate / 1e6) : String(format: "%.0f k", rate / 1e3)
    let remaining = left >= 60 ? "\(Int(left / 60)) min \(Int(left) % 60) s" : "\(Int(left.rounded(.up))) s"
    return "\(label)  [\(bar)]  \(percent)%  \(speed) point-steps/s  \(remaining) left\u{1B}[K"
  }
}
