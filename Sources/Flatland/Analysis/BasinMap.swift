import Dispatch

/// Where a method ends from every start on a grid: the basin map of a method on a landscape.
///
/// Each cell centre is a start; the run is classified as reaching one of the landscape's known
/// minima (ending within 5% of the window diagonal of it: SAM with a fixed ρ orbits its minimum
/// rather than landing on it), diverging, or ending elsewhere. Runs are
/// independent and spread over all cores; each uses the random stream of its cell.
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
  public var basins: [Basin]
  public var method: Method

  public init(
    method: Method, landscape: any Landscape, box: Box, nx: Int, ny: Int, steps: Int, noise: NoiseModel = .none,
    seed: UInt64 = 0
  ) {
    self.nx = nx
    self.ny = ny
    self.box = box
    self.method = method
    basins = Self.compute(landscape, method, box, nx, ny, steps, noise, seed)
  }

  private static func compute<L: Landscape>(
    _ landscape: L, _ method: Method, _ box: Box, _ nx: Int, _ ny: Int, _ steps: Int, _ noise: NoiseModel,
    _ seed: UInt64
  ) -> [Basin] {
    let info = landscape.info
    let tolerance = 0.05 * info.window.diagonal
    var out = [Basin](repeating: .elsewhere, count: nx * ny)
    out.withUnsafeMutableBufferPointer { buffer in
      let base = UncheckedPointer(buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: ny) { j in
        for i in 0..<nx {
          let start = Vec2(
            box.xmin + (Double(i) + 0.5) * box.width / Double(nx),
            box.ymin + (Double(j) + 0.5) * box.height / Double(ny))
          let t = Runner.run(
            method, on: landscape, from: start, steps: steps, noise: noise, seed: seed, startIndex: j * nx + i)
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
          base.pointer[j * nx + i] = basin
        }
      }
    }
    return out
  }

  /// The share of starts in each basin.
  public var shares: [Basin: Double] {
    var counts: [Basin: Int] = [:]
    for b in basins { counts[b, default: 0] += 1 }
    return counts.mapValues { Double($0) / Double(basins.count) }
  }
}
