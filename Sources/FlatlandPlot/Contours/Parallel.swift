import Foundation

/// Lets disjoint writes into one buffer cross `concurrentPerform`'s `@Sendable` boundary.
struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

/// Collects one result per index from `DispatchQueue.concurrentPerform` workers, in index order,
/// so parallel work gives the same output as a sequential loop.
final class IndexedResults<T>: @unchecked Sendable {
  private var storage: [T?]
  private let lock = NSLock()

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: T) {
    lock.lock()
    storage[index] = value
    lock.unlock()
  }

  /// Every result; `nil` where a worker stored none.
  func values() -> [T?] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
