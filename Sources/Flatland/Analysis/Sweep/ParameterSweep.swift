/// One method over a grid of two of its hyperparameters: every cell runs the method with that
/// cell's values from the experiment's starts (and repeats, with noise), through the batch engine,
/// and sums up where the runs ended.
///
/// A cell's runs draw from the streams of their own method (the cell's values are part of its
/// identity), start and repeat, so a cell's numbers do not depend on the grid around it.
public struct ParameterSweep: Sendable {
  public var x: SweepAxis
  public var y: SweepAxis
  /// The method the sweep varies, at its own values (for names and legends).
  public var method: Method
  /// `cells[j·x.count + i]`: the runs with `x.value(i)`, `y.value(j)`.
  public var cells: [SweepCell]
  /// Runs per cell: starts × repeats.
  public var runsPerCell: Int

  /// Runs every cell. `methods[j·x.count + i]` is the method of cell `(i, j)` (`nil`: a cell whose
  /// values the method refuses; it stays empty).
  public init(
    x: SweepAxis, y: SweepAxis, method: Method, methods: [Method?], landscape: any Landscape, starts: [Vec2],
    repeats: Int, steps: Int, noise: NoiseModel, seed: UInt64, progress: ProgressHandler? = nil
  ) {
    precondition(methods.count == x.count * y.count, "one method per cell")
    self.x = x
    self.y = y
    self.method = method
    runsPerCell = starts.count * repeats
    var jobs: [BatchJob] = []
    var cellOfJob: [Int] = []
    for (c, cellMethod) in methods.enumerated() {
      guard let cellMethod else { continue }
      jobs.append(
        BatchJob(
          method: cellMethod, landscape: landscape, starts: starts, repeats: repeats, steps: steps, noise: noise,
          seed: seed, convergenceSteps: true))
      cellOfJob.append(c)
    }
    let info = landscape.info
    let ends = BatchRunner.run(jobs, info: info, progress: progress)
    cells = Array(repeating: SweepCell(runs: []), count: methods.count)
    let tolerance = 0.05 * info.window.diagonal
    for (k, c) in cellOfJob.enumerated() {
      cells[c] = SweepCell(
        runs: ends[k].map { end in
          let diverged: Bool
          if case .diverged = end.outcome { diverged = true } else { diverged = false }
          return SweepCell.Run(
            end: end,
            basin: BasinMap.basin(of: end, minima: info.minima, tolerance: tolerance),
            loss: diverged ? .nan : landscape.value(at: end.end),
            lambdaMax: diverged ? .nan : landscape.hessian(at: end.end).eigenvalues.max)
        })
    }
  }

  /// The cell of `(i, j)`.
  public func cell(_ i: Int, _ j: Int) -> SweepCell { cells[j * x.count + i] }
}

/// The runs of one cell of a sweep and what they add up to.
public struct SweepCell: Sendable {
  /// One run: where it ended, the basin that is, and the loss and largest Hessian eigenvalue there
  /// (NaN when it diverged).
  public struct Run: Sendable {
    public var end: BatchEnd
    public var basin: BasinMap.Basin
    public var loss: Double
    public var lambdaMax: Double
  }

  public var runs: [Run]

  public init(runs: [Run]) { self.runs = runs }

  /// Runs per basin.
  public var counts: [BasinMap.Basin: Int] {
    var out: [BasinMap.Basin: Int] = [:]
    for run in runs { out[run.basin, default: 0] += 1 }
    return out
  }

  /// The most common basin (ties: the known minimum of lowest index, then diverged, stalled,
  /// moving); `nil` for an empty cell.
  public var mode: BasinMap.Basin? {
    counts.max { a, b in a.value != b.value ? a.value < b.value : Self.rank(a.key) > Self.rank(b.key) }?.key
  }

  /// The order basins are listed in: known minima by index, then diverged, stalled, moving.
  public static func rank(_ b: BasinMap.Basin) -> Int {
    switch b {
    case .minimum(let k): return k
    case .diverged: return 1 << 20
    case .stalled: return 1 << 21
    case .moving: return 1 << 22
    }
  }

  /// The share of runs in the mode.
  public var modeShare: Double {
    guard let mode, !runs.isEmpty else { return .nan }
    return Double(counts[mode] ?? 0) / Double(runs.count)
  }

  /// The share of runs that diverged.
  public var divergedShare: Double {
    runs.isEmpty ? .nan : Double(runs.filter { $0.basin == .diverged }.count) / Double(runs.count)
  }

  /// The mean final loss of the runs that did not diverge (NaN when all did).
  public var meanLoss: Double { Self.mean(runs.map(\.loss)) }

  /// The mean λ_max of the Hessian at the ends of the runs that did not diverge.
  public var meanLambdaMax: Double { Self.mean(runs.map(\.lambdaMax)) }

  /// The median step from which the converged runs stayed at their end (NaN when none converged).
  public var medianConvergenceStep: Double {
    let steps = runs.compactMap { run -> Double? in
      if case .converged(let step, _, _) = run.end.outcome { return Double(step) }
      return nil
    }.sorted()
    guard !steps.isEmpty else { return .nan }
    let m = steps.count / 2
    return steps.count % 2 == 1 ? steps[m] : (steps[m - 1] + steps[m]) / 2
  }

  /// The share of runs that converged.
  public var convergedShare: Double {
    guard !runs.isEmpty else { return .nan }
    let converged = runs.filter {
      if case .converged = $0.end.outcome { return true }
      return false
    }
    return Double(converged.count) / Double(runs.count)
  }

  static func mean(_ values: [Double]) -> Double {
    let finite = values.filter(\.isFinite)
    return finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
  }
}
