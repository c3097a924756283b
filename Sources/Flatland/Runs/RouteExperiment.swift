/// Several methods from several starts on one landscape: the numbers behind a routes figure.
///
/// Each run's random stream comes from what it is — the seed, the method's identity, the start
/// point and the repeat index — so adding, removing, reordering or duplicating methods and starts
/// never changes the numbers of another run.
public struct RouteExperiment: Sendable {
  public var landscape: any Landscape
  public var methods: [Method]
  public var starts: [Vec2]
  public var steps: Int
  public var noise: NoiseModel
  public var seed: UInt64
  /// Runs per method and start; repeats differ only in their random stream (noise, sampling).
  public var repeats: Int

  public init(
    landscape: any Landscape, methods: [Method], starts: [Vec2], steps: Int, noise: NoiseModel = .none,
    seed: UInt64 = 0, repeats: Int = 1
  ) {
    self.repeats = max(1, repeats)
    self.landscape = landscape
    self.methods = methods
    self.starts = starts
    self.steps = steps
    self.noise = noise
    self.seed = seed
  }

  /// Trajectories ordered by method, then start, then repeat.
  public func run() -> [Trajectory] {
    var out: [Trajectory] = []
    for (m, method) in methods.enumerated() {
      for (r, start) in starts.enumerated() {
        for k in 0..<repeats { out.append(runOne(landscape, method, start, m, r, k)) }
      }
    }
    return out
  }

  // Opens the existential once per run so the whole loop is specialised for the concrete landscape.
  private func runOne<L: Landscape>(_ l: L, _ method: Method, _ start: Vec2, _ m: Int, _ r: Int, _ k: Int)
    -> Trajectory
  {
    Runner.run(
      method, on: l, from: start, steps: steps, noise: noise,
      stream: Xoshiro256StarStar(seed: seed, method: method.identity, start: start, repeat: k), startIndex: r,
      repeatIndex: k)
  }
}
