import Dispatch

/// The methods of a sweep's cells: the experiment's method spec with the two swept keys set to a
/// cell's values, resolved as any method is (so every check and default applies per cell).
public struct SweepGrid: Sendable {
  public var x: SweepAxis
  public var y: SweepAxis
  public var spec: MethodSpec
  public var defaults: MethodDefaults

  public init(x: SweepAxis, y: SweepAxis, spec: MethodSpec, defaults: MethodDefaults) {
    self.x = x
    self.y = y
    self.spec = spec
    self.defaults = defaults
  }

  /// The spec of the cell with values `(vx, vy)`.
  public func spec(_ vx: Double, _ vy: Double) -> MethodSpec {
    var s = spec
    for (axis, v) in [(x, vx), (y, vy)] {
      guard let option = spec.preset.option(axis.key) else { continue }
      s.values[axis.key] = Self.value(v, as: option)
    }
    return s
  }

  /// A swept number as the option takes it: whole numbers rounded, a pair set to `(v, v)`.
  static func value(_ v: Double, as option: MethodOption) -> MethodValue {
    switch option.kind {
    case .whole: return .number(v.rounded())
    case .pair: return .pair(Vec2(v, v))
    default: return .number(v)
    }
  }

  /// Why the cell `(vx, vy)` cannot run, or `nil`.
  public func problems(_ vx: Double, _ vy: Double) -> [SpecProblem] {
    var log = ProblemLog()
    var unused = Set<MethodKey>()
    _ = spec(vx, vy).parameters(defaults: defaults, log: &log, at: .root, unused: &unused)
    return log.problems.filter { $0.severity == .error }
  }

  /// The method of cell `(i, j)`, with its own identity (its values are part of what it is), or
  /// `nil` when the method refuses the cell's values.
  public func method(_ i: Int, _ j: Int, label: String?) -> Method? {
    let s = spec(x.value(i), y.value(j))
    var log = ProblemLog()
    var unused = Set<MethodKey>()
    guard let p = s.parameters(defaults: defaults, log: &log, at: .root, unused: &unused) else { return nil }
    var method = s.preset.entry.build(p)
    method.label = label
    method.identity = s.filled(with: p).essential(with: p).identity
    return method
  }

  /// Every cell's method, row by row (`j·x.count + i`), built on all cores (resolving and
  /// hashing a method takes tens of microseconds; a sweep has up to 65536 of them).
  public func methods(label: String?) -> [Method?] {
    let nx = x.count
    var out = [Method?](repeating: nil, count: nx * y.count)
    out.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let cells = UncheckedPointer(base)
      DispatchQueue.concurrentPerform(iterations: y.count) { j in
        for i in 0..<nx { cells.pointer[j * nx + i] = method(i, j, label: label) }
      }
    }
    return out
  }
}
