import Flatland
import FlatlandPlot

/// Every problem with the input, collected so that one run reports them all (DESIGN: validate the
/// whole request before computing anything, report every problem at once) — still on one line.
struct Problems {
  private(set) var messages: [String] = []

  /// Runs `body`; a failure is noted and `nil` returned, so checking can go on.
  mutating func check<T>(_ body: () throws -> T) -> T? {
    do {
      return try body()
    } catch {
      note(error)
      return nil
    }
  }

  mutating func note(_ error: any Error) {
    let text = String(describing: error)
    if !messages.contains(text) { messages.append(text) }
  }

  /// Throws one error listing every problem, if there were any.
  func finish() throws {
    guard !messages.isEmpty else { return }
    throw CLIError(messages.joined(separator: "; "))
  }
}
