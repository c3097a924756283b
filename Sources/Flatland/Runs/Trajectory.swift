/// The route of one run: every visited point with its loss and the cost spent so far.
///
/// `points[0]` is the start (step 0); `points[k]` is the point after step `k`. Arrays are parallel.
public struct Trajectory: Sendable {
  public var method: Method
  /// Index of the start among the run's starts (the `run` column of CSV files).
  public var run: Int
  public var points: [Vec2]
  /// The clean loss `L(w_k)` (recorded for the figure; not charged to the oracle).
  public var losses: [Double]
  /// Cumulative gradient evaluations after step `k` (0 at the start).
  public var gradientEvaluations: [Int]
  /// Cumulative function (loss-only) evaluations after step `k`: the cost of zeroth-order methods
  /// and of target-sharpness radius control.
  public var functionEvaluations: [Int]
  /// What each step did; `records[k]` is the step from `points[k]` to `points[k + 1]`.
  public var records: [StepRecord]
  public var outcome: Outcome
  /// Which repeat of the same method and start this is (repeats differ only in their noise).
  public var repetition = 0

  /// A trajectory from its parts (the runner makes them; figures and tests may build their own).
  /// Evaluation counts default to zero at every point.
  public init(
    method: Method, run: Int = 0, points: [Vec2], losses: [Double], gradientEvaluations: [Int]? = nil,
    functionEvaluations: [Int]? = nil, records: [StepRecord] = [], outcome: Outcome, repetition: Int = 0
  ) {
    self.method = method
    self.run = run
    self.points = points
    self.losses = losses
    self.gradientEvaluations = gradientEvaluations ?? Array(repeating: 0, count: points.count)
    self.functionEvaluations = functionEvaluations ?? Array(repeating: 0, count: points.count)
    self.records = records
    self.outcome = outcome
    self.repetition = repetition
  }

  /// Steps actually taken (fewer than requested when the run diverged).
  public var steps: Int { points.count - 1 }
  public var end: Vec2 { points[points.count - 1] }
}

/// How a run ended. Divergence is a result to report, never a crash.
public enum Outcome: Sendable, Equatable {
  /// Came to rest (`‖∇L‖` tiny, no more movement) from step `step` on, at `point`;
  /// `minimum` indexes the landscape's known minima when it is one of them.
  case converged(step: Int, point: Vec2, minimum: Int?)
  /// Used every step without settling; `nearestMinimum` and `distance` say where it ended.
  case stepLimit(nearestMinimum: Int?, distance: Double)
  /// A value became NaN/∞, or the iterate left the divergence radius, at step `step`.
  case diverged(step: Int, reason: String)

  /// A short phrase for legends: "converged to (0.786, 0) at step 212", "diverged at step 37".
  public func summary(minima: [KnownMinimum]) -> String {
    switch self {
    case .converged(let step, let point, let minimum):
      let place =
        minimum.map { describe(minima[$0]) }
        ?? "(\(formatShort(point.x, digits: 3)), \(formatShort(point.y, digits: 3)))"
      return "converged to \(place), step \(step)"
    case .stepLimit(let nearest, let distance):
      guard let nearest else { return "still moving at the step limit" }
      return "still moving, \(formatShort(distance, digits: 2)) from \(describe(minima[nearest]))"
    case .diverged(let step, _):
      return "diverged at step \(step)"
    }
  }

  private func describe(_ m: KnownMinimum) -> String {
    let at = "(\(formatShort(m.location.x, digits: 3)), \(formatShort(m.location.y, digits: 3)))"
    return m.label.isEmpty ? at : m.label
  }
}
