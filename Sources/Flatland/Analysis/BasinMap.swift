import Dispatch

/// Where a method ends from every start on a grid: the basin map of a method on a landscape.
///
/// Each cell centre is a start; the run is classified as reaching one of the landscape's known
/// minima (ending within 5% of the window diagonal of it: SAM with a fixed ρ orbits its minimum
/// rather than landing on it), diverging, stalling elsewhere (at rest, but at no known minimum: a
/// saddle, a plateau) or still moving at the step limit. The runs go through the batch engine
/// (eight lanes per core); each draws from the stream of its method and start point, so a cell's
/// run does not depend on the grid around it.
public struct BasinMap: Sendable {
  /// The category of one start.
  public enum Basin: Sendable, Equatable, Hashable {
    case minimum(Int)
    case diverged
    /// At rest away from every known minimum.
    case stalled
    /// Still moving at the step limit, away from every known minimum.
    case moving
  }

  public let nx: Int
  public let ny: Int
  public let box: Box
  /// `basins[j·nx + i]`: where the run from cell `(i, j)`'s centre ended up.
  public var basins: [Basin]
  /// The end point, steps taken and outcome of each cell's run.
  public var ends: [Vec2]
  public var steps: [Int]
  public var outcomes: [Outcome]
  public var method: Method
  /// The share of starts in each basin.
  public var shares: [Basin: Double]

  public init(
    method: Method, landscape: any Landscape, box: Box, nx: Int, ny: Int, steps: Int, noise: NoiseModel = .none,
    seed: UInt64 = 0, progress: ProgressHandler? = nil
  ) {
    self.nx = nx
    self.ny = ny
    self.box = box
    self.method = method
    var starts: [Vec2] = []
    starts.reserveCapacity(nx * ny)
    for j in 0..<ny {
      for i in 0..<nx { starts.append(Self.start(i, j, box, nx, ny)) }
    }
    let job = BatchJob(method: method, landscape: landscape, starts: starts, steps: steps, noise: noise, seed: seed)
    let runs = BatchRunner.run(job, progress: progress)
    let minima = landscape.info.minima
    let tolerance = 0.05 * landscape.info.window.diagonal
    basins = runs.map { Self.basin(of: $0, minima: minima, tolerance: tolerance) }
    ends = runs.map(\.end)
    self.steps = runs.map(\.steps)
    outcomes = runs.map(\.outcome)
    shares = Self.shares(of: basins)
  }

  /// A map from known cells (for figures built in tests).
  public init(method: Method, box: Box, nx: Int, ny: Int, basins: [Basin]) {
    self.nx = nx
    self.ny = ny
    self.box = box
    self.method = method
    self.basins = basins
    ends = Array(repeating: .zero, count: basins.count)
    steps = Array(repeating: 0, count: basins.count)
    outcomes = Array(repeating: .stepLimit(nearestMinimum: nil, distance: .infinity), count: basins.count)
    shares = Self.shares(of: basins)
  }

  /// The start of cell `(i, j)`: its centre.
  public func start(_ i: Int, _ j: Int) -> Vec2 { Self.start(i, j, box, nx, ny) }

  static func start(_ i: Int, _ j: Int, _ box: Box, _ nx: Int, _ ny: Int) -> Vec2 {
    Vec2(box.xmin + (Double(i) + 0.5) * box.width / Double(nx), box.ymin + (Double(j) + 0.5) * box.height / Double(ny))
  }

  static func basin(of run: BatchEnd, minima: [KnownMinimum], tolerance: Double) -> Basin {
    if case .diverged = run.outcome { return .diverged }
    if let k = minima.indices.min(by: {
      (minima[$0].location - run.end).length < (minima[$1].location - run.end).length
    }), (minima[k].location - run.end).length <= tolerance {
      return .minimum(k)
    }
    if case .converged = run.outcome { return .stalled }
    return .moving
  }

  /// The 95% Wilson score interval of a basin's share, reading the starts as a sample of the
  /// window (a grid is not random, so this is the uncertainty of a share at this resolution).
  public func interval(of basin: Basin) -> ClosedRange<Double> {
    Self.wilson(share: shares[basin] ?? 0, count: basins.count)
  }

  /// Wilson's interval for a proportion `share` of `count` trials at z = 1.96.
  public static func wilson(share p: Double, count n: Int, z: Double = 1.959_963_984_540_054) -> ClosedRange<Double> {
    guard n > 0 else { return 0...1 }
    let nn = Double(n)
    let denominator = 1 + z * z / nn
    let centre = (p + z * z / (2 * nn)) / denominator
    let half = z * (p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot() / denominator
    return Swift.max(0, centre - half)...Swift.min(1, centre + half)
  }

  static func shares(of basins: [Basin]) -> [Basin: Double] {
    var counts: [Basin: Int] = [:]
    for b in basins { counts[b, default: 0] += 1 }
    return counts.mapValues { Double($0) / Double(basins.count) }
  }
}
