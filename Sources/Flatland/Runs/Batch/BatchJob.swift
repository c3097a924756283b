/// Many independent runs of one method on one landscape: what the batch engine is asked to do.
///
/// Each run has its own start and its own random stream (keyed by what the run is, as in the
/// scalar runner), so a run's numbers do not depend on the batch around it.
public struct BatchJob: Sendable {
  public var method: Method
  public var landscape: any Landscape
  public var starts: [Vec2]
  /// One stream per start.
  public var streams: [Xoshiro256StarStar]
  public var steps: Int
  public var noise: NoiseModel
  /// Divergence radius around the window's centre; nil for the runner's default (100 diagonals).
  public var divergenceRadius: Double?
  /// Whether to find the step from which each converged run stayed put. It takes a second pass
  /// (the end must be known first), so jobs that only need where runs end leave it off.
  public var convergenceSteps: Bool
  /// Which runs keep a thinned route (`paths[i]` for run `i`; empty: none do), for drawing
  /// bundles of routes without recording every step of every run.
  public var paths: [Bool] = []
  /// A kept route has the start, every `pathEvery`-th point and the end.
  public var pathEvery = 1

  public init(
    method: Method, landscape: any Landscape, starts: [Vec2], streams: [Xoshiro256StarStar], steps: Int,
    noise: NoiseModel = .none, divergenceRadius: Double? = nil, convergenceSteps: Bool = false
  ) {
    precondition(starts.count == streams.count, "one stream per start")
    self.method = method
    self.landscape = landscape
    self.starts = starts
    self.streams = streams
    self.steps = steps
    self.noise = noise
    self.divergenceRadius = divergenceRadius
    self.convergenceSteps = convergenceSteps
  }

  /// Runs keyed as an experiment keys them: the seed, the method's identity, each start, one repeat.
  public init(
    method: Method, landscape: any Landscape, starts: [Vec2], steps: Int, noise: NoiseModel = .none,
    seed: UInt64, repetition: Int = 0, convergenceSteps: Bool = false
  ) {
    let identity = method.identity  // a hash of the method: once, not per start
    self.init(
      method: method, landscape: landscape, starts: starts,
      streams: starts.map { Xoshiro256StarStar(seed: seed, method: identity, start: $0, repeat: repetition) },
      steps: steps, noise: noise, convergenceSteps: convergenceSteps)
  }

  /// Every start `repeats` times, start-major (run `s·repeats + k` is repeat `k` from start `s`),
  /// each run keyed by the seed, the method's identity, its start and `k`: an ensemble's runs, a
  /// sweep cell's.
  public init(
    method: Method, landscape: any Landscape, starts: [Vec2], repeats: Int, steps: Int, noise: NoiseModel,
    seed: UInt64, convergenceSteps: Bool
  ) {
    let identity = method.identity
    var points: [Vec2] = []
    var streams: [Xoshiro256StarStar] = []
    for start in starts {
      for k in 0..<repeats {
        points.append(start)
        streams.append(Xoshiro256StarStar(seed: seed, method: identity, start: start, repeat: k))
      }
    }
    self.init(
      method: method, landscape: landscape, starts: points, streams: streams, steps: steps, noise: noise,
      convergenceSteps: convergenceSteps)
  }
}

/// Where one run of a batch ended and how.
public struct BatchEnd: Sendable, Equatable {
  /// The last point of the route (the last finite one when the run diverged on a NaN).
  public var end: Vec2
  /// Steps taken (the route has `steps + 1` points).
  public var steps: Int
  public var outcome: Outcome
  /// False only for a converged run of a job that did not ask for convergence steps: its
  /// outcome's step is then unknown (given as `steps`), the rest of it exact.
  public var convergenceStepKnown: Bool
  /// The thinned route when the job asked for it (else empty): the points of steps 0, e, 2e, …
  /// (e the job's `pathEvery`) and the end.
  public var path: [Vec2] = []

  public init(end: Vec2, steps: Int, outcome: Outcome, convergenceStepKnown: Bool, path: [Vec2] = []) {
    self.end = end
    self.steps = steps
    self.outcome = outcome
    self.convergenceStepKnown = convergenceStepKnown
    self.path = path
  }

  /// The end of a run made by the scalar runner (with its route thinned as a job with `pathEvery`
  /// keeps it, when `pathEvery` is given).
  public init(_ t: Trajectory, pathEvery: Int? = nil) {
    var path: [Vec2] = []
    if let every = pathEvery {
      path = stride(from: 0, through: t.steps, by: every).map { t.points[$0] }
      if t.steps % every != 0 { path.append(t.end) }
    }
    self.init(end: t.end, steps: t.steps, outcome: t.outcome, convergenceStepKnown: true, path: path)
  }
}
