import Dispatch

/// Where a method ends from every start on a grid: the basin map of a method on a landscape.
///
/// Each cell centre is a start; the run is classified as reaching one of the landscape's known
/// minima (ending within 5% of the window diagonal of it: SAM with a fixed ρ orbits its minimum
/// rather than landing on it), diverging, or ending elsewhere. Runs are
/// independent and spread over all cores; each draws from the stream of its method and start
/// point, so a cell's run does not depend on the grid around it.
public struct BasinMap: Sendable {
  /// The category of one start.
  public enum Basin: Sendable, Equatable, Hashable {
    case minimum(Int)
    case diverged
    case elsewhere
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
    seed: UInt64 = 0
  ) {
    self.nx = nx
    self.ny = ny
    self.box = box
    self.method = method
    let cells = Self.compute(landscape, method, box, nx, ny, steps, noise, seed)
    basins = cells.map(\.basin)
    ends = cells.map(\.end)
    self.steps = cells.map(\.steps)
    outcomes = cells.map(\.outcome)
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
  public func start(_ i: Int, _ j: Int) -> Vec2 {
    Vec2(box.xmin + (Double(i) + 0.5) * box.width / Double(nx), box.ymin + (Double(j) + 0.5) * box.height / Double(ny))
  }

  struct Cell {
    var basin: Basin
    var end: Vec2
    var steps: Int
    var outcome: Outcome
  }

  private static func compute<L: Landscape>(
    _ landscape: L, _ method: Method, _ box: Box, _ nx: Int, _ ny: Int, _ steps: Int, _ noise: NoiseModel,
    _ seed: UInt64
  ) -> [Cell] {
    let info = landscape.info
    let tolerance = 0.05 * info.window.diagonal
    var out = [Cell](
      repeating: Cell(basin: .elsewhere, end: .zero, steps: 0, outcome: .stepLimit(nearestMinimum: nil, distance: 0)),
      count: nx * ny)
    out.withUnsafeMutableBufferPointer { buffer in
      let base = UncheckedPointer(buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: ny) { j in
        for i in 0..<nx {
          let start = Vec2(
            box.xmin + (Double(i) + 0.5) * box.width / Double(nx),
            box.ymin + (Double(j) + 0.5) * box.height / Double(ny))
          let t = Runner.run(
            method, on: landscape, from: start, steps: steps, noise: noise,
            stream: Xoshiro256StarStar(seed: seed, method: method.identity, start: start, repeat: 0))
          let basin: Basin
          if case .diverged = t.outcome {
            basin = .diverged
          } else if let k = info.minima.indices.min(by: {
            (info.minima[$0].location - t.end).length < (info.minima[$1].location - t.end).length
          }), (info.minima[k].location - t.end).length <= tolerance {
            basin = .minimum(k)
          } else {
            basin = .elsewhere
          }
          base.pointer[j * nx + i] = Cell(basin: basin, end: t.end, steps: t.steps, outcome: t.outcome)
        }
      }
    }
    return out
  }

  static func shares(of basins: [Basin]) -> [Basin: Double] {
    var counts: [Basin: Int] = [:]
    for b in basins { counts[b, default: 0] += 1 }
    return counts.mapValues { Double($0) / Double(basins.count) }
  }
}
