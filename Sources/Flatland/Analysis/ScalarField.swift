import Dispatch

/// A landscape sampled on a regular grid over a window: evaluated once, shared by every layer.
///
/// Node `(i, j)` sits at `x = xmin + i·Δx`, `y = ymin + j·Δy`; `values[j·nx + i]`.
public struct ScalarField: Sendable {
  public let nx: Int
  public let ny: Int
  public let box: Box
  public var values: [Double]

  public init(nx: Int, ny: Int, box: Box, values: [Double]) {
    precondition(nx >= 2 && ny >= 2 && values.count == nx * ny, "a field needs at least 2×2 nodes")
    self.nx = nx
    self.ny = ny
    self.box = box
    self.values = values
  }

  /// Samples `landscape` on an `nx × ny` grid, rows in parallel on all cores.
  public init(sampling landscape: any Landscape, over box: Box, nx: Int, ny: Int) {
    var values = [Double](repeating: 0, count: nx * ny)
    let dx = box.width / Double(nx - 1)
    let dy = box.height / Double(ny - 1)
    values.withUnsafeMutableBufferPointer { buffer in
      let base = UncheckedPointer(buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: ny) { j in
        let row = UnsafeMutableBufferPointer(start: base.pointer + j * nx, count: nx)
        landscape.sampleRow(y: box.ymin + Double(j) * dy, x0: box.xmin, dx: dx, into: row)
      }
    }
    self.init(nx: nx, ny: ny, box: box, values: values)
  }

  public subscript(i: Int, j: Int) -> Double { values[j * nx + i] }

  public var dx: Double { box.width / Double(nx - 1) }
  public var dy: Double { box.height / Double(ny - 1) }

  /// The smallest and largest finite values (NaN and ±∞ are skipped).
  public var finiteRange: (min: Double, max: Double)? {
    var lo = Double.infinity
    var hi = -Double.infinity
    for v in values where v.isFinite {
      lo = Swift.min(lo, v)
      hi = Swift.max(hi, v)
    }
    return lo <= hi ? (lo, hi) : nil
  }
}
