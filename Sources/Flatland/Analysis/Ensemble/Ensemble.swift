/// One method run many times from each start, the runs differing only in their random streams
/// (gradient noise, random perturbations): where they end, how often in each basin (with 95%
/// Wilson intervals), and the curvature of the landscape there — the SAM paper's Hessian-spectrum
/// question, asked of a 2D toy.
///
/// Run `(start s, repeat k)` draws from the stream of the seed, the method's identity, the start
/// and `k`, as every experiment keys it: it is the same run as repeat `k` of `flatland curves`
/// or `flatland plot` from that start, bit for bit, whatever the ensemble around it.
public struct Ensemble: Sendable {
  /// One run of the ensemble.
  public struct Run: Sendable {
    /// Index of its start in `starts`.
    public var start: Int
    public var repetition: Int
    /// Its end, outcome and (for the runs the figure draws) its thinned route.
    public var end: BatchEnd
    public var basin: BasinMap.Basin
    /// The loss and the Hessian's eigenvalues at the end (NaN when the run diverged).
    public var loss: Double
    public var lambdaMin: Double
    public var lambdaMax: Double
  }

  public var method: Method
  public var starts: [Vec2]
  public var repeats: Int
  /// Start-major: run `s·repeats + k` is repeat `k` from start `s`.
  public var runs: [Run]

  /// How many routes to keep per start for drawing, and about how many points each keeps.
  public struct Bundle: Sendable, Hashable {
    public var routesPerStart: Int
    public var points: Int

    public init(routesPerStart: Int, points: Int = 400) {
      self.routesPerStart = routesPerStart
      self.points = points
    }

    public static let none = Bundle(routesPerStart: 0)
  }

  /// Every method's ensemble, run as one batch (all cores busy however few runs each has).
  public static func run(
    methods: [Method], landscape: any Landscape, starts: [Vec2], repeats: Int, steps: Int, noise: NoiseModel,
    seed: UInt64, bundle: Bundle = .none, progress: ProgressHandler? = nil
  ) -> [Ensemble] {
    let every = Swift.max(1, (steps + bundle.points - 1) / Swift.max(1, bundle.points))
    let jobs = methods.map { method in
      var job = BatchJob(
        method: method, landscape: landscape, starts: starts, repeats: repeats, steps: steps, noise: noise, seed: seed,
        convergenceSteps: true)
      if bundle.routesPerStart > 0 {
        job.paths = job.starts.indices.map { $0 % repeats < bundle.routesPerStart }
        job.pathEvery = every
      }
      return job
    }
    let info = landscape.info
    let ends = BatchRunner.run(jobs, info: info, progress: progress)
    let tolerance = 0.05 * info.window.diagonal
    return zip(methods, ends).map { method, ends in
      Ensemble(
        method: method, starts: starts, repeats: repeats,
        runs: ends.enumerated().map { i, end in
          var run = Run(
            start: i / repeats, repetition: i % repeats, end: end,
            basin: BasinMap.basin(of: end, minima: info.minima, tolerance: tolerance), loss: .nan, lambdaMin: .nan,
            lambdaMax: .nan)
          if run.basin != .diverged {
            run.loss = landscape.value(at: end.end)
            let (low, high) = landscape.hessian(at: end.end).eigenvalues
            (run.lambdaMin, run.lambdaMax) = (low, high)
          }
          return run
        })
    }
  }

  public init(method: Method, starts: [Vec2], repeats: Int, runs: [Run]) {
    self.method = method
    self.starts = starts
    self.repeats = repeats
    self.runs = runs
  }

  /// Runs per basin.
  public var counts: [BasinMap.Basin: Int] {
    var out: [BasinMap.Basin: Int] = [:]
    for run in runs { out[run.basin, default: 0] += 1 }
    return out
  }

  /// The basins some run ends in, known minima first (by index), then diverged, stalled, moving.
  public var basins: [BasinMap.Basin] { counts.keys.sorted { SweepCell.rank($0) < SweepCell.rank($1) } }

  /// The share of runs ending in `basin`.
  public func share(of basin: BasinMap.Basin) -> Double {
    runs.isEmpty ? 0 : Double(counts[basin] ?? 0) / Double(runs.count)
  }

  /// The 95% Wilson interval of that share, reading the runs as independent draws (they are: each
  /// has its own stream).
  public func interval(of basin: BasinMap.Basin) -> ClosedRange<Double> {
    BasinMap.wilson(share: share(of: basin), count: runs.count)
  }

  /// How many different end points the runs from each start reach: 1 means every repeat was the
  /// same run (nothing random in it), which a figure should say rather than draw 100 copies.
  public var distinctEnds: [Int] {
    starts.indices.map { s in Set(runs.filter { $0.start == s }.map { [$0.end.end.x, $0.end.end.y] }).count }
  }

  /// The eigenvalues at the ends of the runs that did not diverge.
  public var lambdaMax: [Double] { runs.map(\.lambdaMax).filter(\.isFinite) }
  public var lambdaMin: [Double] { runs.map(\.lambdaMin).filter(\.isFinite) }
}
