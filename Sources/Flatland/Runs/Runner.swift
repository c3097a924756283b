/// Runs one method from one start and classifies the outcome.
public enum Runner {
  /// One trajectory of `steps` steps.
  ///
  /// The random stream is derived from `(seed, methodIndex, startIndex, repeatIndex)` (ALGORITHMS.md
  /// A6), so adding a method or a start never changes another run's numbers. The run stops early
  /// only on divergence: a non-finite point, loss or gradient, or leaving `divergenceRadius` around
  /// the plot window's centre (default: 100 window diagonals).
  public static func run<L: Landscape>(
    _ method: Method, on landscape: L, from start: Vec2, steps: Int, noise: NoiseModel = .none,
    seed: UInt64 = 0, methodIndex: Int = 0, startIndex: Int = 0, repeatIndex: Int = 0,
    divergenceRadius: Double? = nil
  ) -> Trajectory {
    run(
      method, on: landscape, from: start, steps: steps, noise: noise,
      stream: Xoshiro256StarStar(seed: seed, method: methodIndex, start: startIndex, repeat: repeatIndex),
      startIndex: startIndex, repeatIndex: repeatIndex, divergenceRadius: divergenceRadius)
  }

  /// One trajectory drawing from `stream` (experiments key it by the run's identity).
  public static func run<L: Landscape>(
    _ method: Method, on landscape: L, from start: Vec2, steps: Int, noise: NoiseModel = .none,
    stream: Xoshiro256StarStar, startIndex: Int = 0, repeatIndex: Int = 0, divergenceRadius: Double? = nil
  ) -> Trajectory {
    // Through the landscape's own entry point, so the loop is compiled for its formula even when
    // the caller only has `any Landscape`.
    landscape.runRoute(
      method, from: start, steps: steps, noise: noise, stream: stream, startIndex: startIndex,
      repeatIndex: repeatIndex, divergenceRadius: divergenceRadius)
  }

  /// The loop of `run`, for a concrete landscape type.
  static func route<L: Landscape>(
    _ method: Method, on landscape: L, from start: Vec2, steps: Int, noise: NoiseModel,
    stream: Xoshiro256StarStar, startIndex: Int, repeatIndex: Int, divergenceRadius: Double?
  ) -> Trajectory {
    let info = landscape.info
    let radius = divergenceRadius ?? defaultDivergenceRadius(info)
    var rng = stream
    var oracle = Oracle(landscape: landscape, noise: noise)
    var state = Method.State(totalSteps: steps)
    var w = start
    var points = [start]
    var losses = [landscape.value(at: start)]
    var evaluations = [0]
    var functionEvaluations = [0]
    var records: [StepRecord] = []
    points.reserveCapacity(steps + 1)
    losses.reserveCapacity(steps + 1)
    evaluations.reserveCapacity(steps + 1)
    records.reserveCapacity(steps)
    var divergence: Outcome?

    for k in 1...Swift.max(1, steps) where steps > 0 {
      let record = method.step(&w, state: &state, oracle: &oracle, rng: &rng)
      let loss = landscape.value(at: w)
      guard w.isFinite, loss.isFinite, record.direction.isFinite else {
        divergence = .diverged(step: k, reason: nonFiniteReason)
        break
      }
      points.append(w)
      losses.append(loss)
      evaluations.append(oracle.gradientEvaluations)
      functionEvaluations.append(oracle.functionEvaluations)
      records.append(record)
      if (w - info.window.center).length > radius {
        divergence = .diverged(step: k, reason: radiusReason(radius))
        break
      }
    }
    let outcome = divergence ?? classify(points, landscape: landscape, info: info)
    var trajectory = Trajectory(
      method: method, run: startIndex, points: points, losses: losses, gradientEvaluations: evaluations,
      functionEvaluations: functionEvaluations, records: records, outcome: outcome)
    trajectory.repetition = repeatIndex
    return trajectory
  }

  /// Converged when the clean gradient at the end is tiny and the last steps stayed put;
  /// the convergence step is the first after which the route stays within a hair of its end.
  static func classify<L: Landscape>(_ points: [Vec2], landscape: L, info: LandscapeInfo) -> Outcome {
    classify(
      end: points[points.count - 1], previous: points.count >= 2 ? points[points.count - 2] : nil,
      landscape: landscape, info: info
    ) { end, tolerance in
      var first = points.count - 1
      while first > 0, (points[first - 1] - end).length <= tolerance { first -= 1 }
      return first
    }
  }

  /// The classification shared with the batch engine: `previous` is the route's second-to-last
  /// point, `settledFrom(end, tolerance)` the first step after which it stays within `tolerance`.
  static func classify<L: Landscape>(
    end: Vec2, previous: Vec2?, landscape: L, info: LandscapeInfo, settledFrom: (Vec2, Double) -> Int
  ) -> Outcome {
    let scale = info.window.diagonal
    let nearest = info.minima.indices.min {
      (info.minima[$0].location - end).length < (info.minima[$1].location - end).length
    }
    let distance = nearest.map { (info.minima[$0].location - end).length } ?? .infinity
    let settled = landscape.gradient(at: end).length <= 1e-6 * Swift.max(1, scale)
    let tolerance = convergenceTolerance(info)
    guard settled, let previous, (previous - end).length <= tolerance else {
      return .stepLimit(nearestMinimum: nearest, distance: distance)
    }
    let first = settledFrom(end, tolerance)
    let known = distance <= 1e-3 * scale ? nearest : nil
    return .converged(step: first, point: end, minimum: known)
  }

  /// How close the last steps must stay to the end: 10⁻⁶ of the window diagonal.
  static func convergenceTolerance(_ info: LandscapeInfo) -> Double { 1e-6 * info.window.diagonal }

  /// The default divergence radius: 100 window diagonals around the window's centre.
  static func defaultDivergenceRadius(_ info: LandscapeInfo) -> Double { 100 * info.window.diagonal }

  static let nonFiniteReason = "the iterate or its loss became NaN or infinite"
  static func radiusReason(_ radius: Double) -> String { "left the radius \(formatShort(radius)) around the window" }
}
