import Dispatch
import Flatland
import Foundation

/// Contour lines and filled-region boundaries by marching squares, with contourpy's conventions:
/// a value exactly on a level counts as *below* it; a saddle cell is resolved by the mean of its
/// four corners; NaN counts as above every level.
///
/// The grid is conceptually padded with a ring of +∞ nodes. Every isoline of the padded grid is then
/// a closed loop, so one trace per level gives both
/// - the **boundary of the sub-level set** `{z ≤ level}`, clipped to the window (fill it with the
///   even-odd rule: nested loops become holes without any orientation bookkeeping), and
/// - the **contour lines**: the same loops with their vertices on the padding removed.
/// Crossings on a padding edge sit exactly on the real boundary node, so filled regions reach the
/// window's edge and each isoline is computed once for lines and for both neighbouring bands.
///
/// All levels are traced in one pass over the cells: each node is classified once by its band (how
/// many levels lie strictly below its value), a cell whose corners share a band is skipped, and a
/// cell spanning bands `lo..<hi` emits segments for exactly those levels.
public enum MarchingSquares {
  /// A polyline in data coordinates.
  public struct Polyline: Sendable, Equatable {
    public var points: [Vec2]
    public var closed: Bool
  }

  /// Both products of one level's trace.
  public struct LevelContours: Sendable {
    public var level: Double
    /// Closed loops bounding `{z ≤ level}` within the window.
    public var boundaries: [Polyline]
    /// The isolines `z = level` inside the window (open where they meet its edge).
    public var lines: [Polyline]
  }

  /// Traces `level` on `field`.
  public static func contours(of field: ScalarField, at level: Double) -> LevelContours {
    contours(of: field, at: [level])[0]
  }

  /// Traces every level (in any order; the result follows `levels`).
  public static func contours(of field: ScalarField, at levels: [Double]) -> [LevelContours] {
    guard !levels.isEmpty else { return [] }
    let sorted = Array(Set(levels)).sorted()
    let grid = PaddedGrid(field: field, bands: classify(field, sorted: sorted))
    let segments = grid.segments(levels: sorted)
    let results = IndexedResults<LevelContours>(count: sorted.count)
    DispatchQueue.concurrentPerform(iterations: sorted.count) { rank in
      var boundaries: [Polyline] = []
      var lines: [Polyline] = []
      for loop in grid.chain(segments[rank], level: sorted[rank]) {
        boundaries.append(Polyline(points: loop.map(\.point), closed: true))
        // A node exactly on the level traces a zero-length loop: no line to draw.
        lines.append(contentsOf: splitAtPadding(loop).filter { $0.points.contains { $0 != loop[0].point } })
      }
      results.set(rank, LevelContours(level: sorted[rank], boundaries: boundaries, lines: lines))
    }
    let byLevel = results.values().map { $0! }  // every rank is traced above
    return levels.map { level in byLevel[sorted.firstIndex(of: level)!] }
  }

  /// Band index of every node: the number of (sorted, distinct) levels strictly below its value;
  /// NaN is above them all. "Above level r" is then `band > r`.
  static func classify(_ field: ScalarField, sorted levels: [Double]) -> [UInt16] {
    precondition(levels.count < Int(UInt16.max), "too many contour levels")
    var bands = [UInt16](repeating: 0, count: field.values.count)
    let rows = field.ny
    let chunks = min(rows, 8)
    bands.withUnsafeMutableBufferPointer { out in
      let target = UncheckedSendable(out)
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for j in stride(from: chunk, to: rows, by: chunks) {
          for i in 0..<field.nx {
            let v = field.values[j * field.nx + i]
            var lo = 0
            if v == v {
              var hi = levels.count
              while lo < hi {  // the first level that is not strictly below v
                let mid = (lo + hi) / 2
                if levels[mid] < v { lo = mid + 1 } else { hi = mid }
              }
            } else {
              lo = levels.count
            }
            target.value[j * field.nx + i] = UInt16(lo)
          }
        }
      }
    }
    return bands
  }

  /// A loop vertex: its position and whether it lies on an edge touching the padding ring.
  struct Vertex {
    var point: Vec2
    var onPadding: Bool
  }

  /// Removes the padding vertices of a loop, leaving the real isoline pieces.
  static func splitAtPadding(_ loop: [Vertex]) -> [Polyline] {
    guard let firstPadding = loop.firstIndex(where: \.onPadding) else {
      return [Polyline(points: loop.map(\.point), closed: true)]
    }
    // Rotate so the loop starts on the padding; then every real run is a contiguous open piece.
    let rotated = Array(loop[firstPadding...] + loop[..<firstPadding])
    var pieces: [Polyline] = []
    var current: [Vec2] = []
    for v in rotated {
      if v.onPadding {
        if current.count >= 2 { pieces.append(Polyline(points: current, closed: false)) }
        current.removeAll(keepingCapacity: true)
      } else {
        current.append(v.point)
      }
    }
    if current.count >= 2 { pieces.append(Polyline(points: current, closed: false)) }
    return pieces
  }

  /// The field with its +∞ ring: padded node `(i, j)` is real node `(i − 1, j − 1)`.
  struct PaddedGrid: Sendable {
    let field: ScalarField
    let bands: [UInt16]
    let px: Int  // padded width  = nx + 2
    let py: Int  // padded height = ny + 2
    let horizontalCount: Int

    init(field: ScalarField, bands: [UInt16]) {
      self.field = field
      self.bands = bands
      px = field.nx + 2
      py = field.ny + 2
      horizontalCount = (px - 1) * py
    }

    func isReal(_ i: Int, _ j: Int) -> Bool { i > 0 && j > 0 && i < px - 1 && j < py - 1 }

    func value(_ i: Int, _ j: Int) -> Double {
      isReal(i, j) ? field.values[(j - 1) * field.nx + (i - 1)] : .infinity
    }

    func horizontal(_ i: Int, _ j: Int) -> Int { j * (px - 1) + i }
    func vertical(_ i: Int, _ j: Int) -> Int { horizontalCount + j * px + i }

    /// Edge `k` of cell `(i, j)`: 0 bottom, 1 right, 2 top, 3 left.
    @inline(__always) func edge(_ k: Int8, _ i: Int, _ j: Int) -> Int32 {
      switch k {
      case 0: return Int32(horizontal(i, j))
      case 1: return Int32(vertical(i + 1, j))
      case 2: return Int32(horizontal(i, j + 1))
      default: return Int32(vertical(i, j))
      }
    }

    /// The oriented segments `(from edge, to edge)` of every level, by rank, in cell order.
    /// Segments keep the below-region on their left, so each crossing starts exactly one segment
    /// and ends exactly one: chaining by edge id closes every loop.
    func segments(levels: [Double]) -> [[(Int32, Int32)]] {
      let above = UInt16(levels.count)  // band of the padding ring
      let table = MarchingSquares.flatSegmentTable
      var result = [[(Int32, Int32)]](repeating: [], count: levels.count)
      bands.withUnsafeBufferPointer { bands in
        let nx = field.nx
        func band(_ i: Int, _ j: Int) -> UInt16 {
          isReal(i, j) ? bands[(j - 1) * nx + (i - 1)] : above
        }
        for j in 0..<(py - 1) {
          let interiorRow = j > 0 && j < py - 2
          for i in 0..<(px - 1) {
            // Corners counter-clockwise: v0 (i, j), v1 (i+1, j), v2 (i+1, j+1), v3 (i, j+1).
            let b0: UInt16
            let b1: UInt16
            let b2: UInt16
            let b3: UInt16
            if interiorRow && i > 0 && i < px - 2 {
              let base = (j - 1) * nx + (i - 1)
              (b0, b1, b3, b2) = (bands[base], bands[base + 1], bands[base + nx], bands[base + nx + 1])
            } else {
              (b0, b1, b2, b3) = (band(i, j), band(i + 1, j), band(i + 1, j + 1), band(i, j + 1))
            }
            let lo = min(min(b0, b1), min(b2, b3))
            let hi = max(max(b0, b1), max(b2, b3))
            if lo == hi { continue }
            for rank in Int(lo)..<Int(hi) {
              let r = UInt16(rank)
              let code = (b0 > r ? 1 : 0) | (b1 > r ? 2 : 0) | (b2 > r ? 4 : 0) | (b3 > r ? 8 : 0)
              var join = 0
              if code == 5 || code == 10 {
                // A saddle: the below-regions join when the mean of the four corners is below.
                let mean = (value(i, j) + value(i + 1, j) + value(i + 1, j + 1) + value(i, j + 1)) / 4
                join = mean <= levels[rank] ? 1 : 0
              }
              let entry = (code * 2 + join) * 4
              for pair in stride(from: entry, to: entry + 4, by: 2) where table[pair] >= 0 {
                result[rank].append((edge(table[pair], i, j), edge(table[pair + 1], i, j)))
              }
            }
          }
        }
      }
      return result
    }

    /// Chains one level's segments into closed loops, in the order their first segment was found.
    func chain(_ segments: [(Int32, Int32)], level: Double) -> [[Vertex]] {
      var next = [Int32: Int32](minimumCapacity: segments.count)
      for (from, to) in segments { next[from] = to }
      var loops: [[Vertex]] = []
      for (start, _) in segments where next[start] != nil {
        var loop: [Vertex] = []
        var e = start
        while let n = next.removeValue(forKey: e) {
          loop.append(vertex(edge: Int(e), level: level))
          e = n
        }
        if loop.count >= 2 { loops.append(loop) }
      }
      return loops
    }

    /// Where the isoline crosses edge `id`; padding edges put it on their real node.
    func vertex(edge id: Int, level: Double) -> Vertex {
      let a: (Int, Int)
      let b: (Int, Int)
      if id < horizontalCount {
        let j = id / (px - 1)
        let i = id - j * (px - 1)
        (a, b) = ((i, j), (i + 1, j))
      } else {
        let k = id - horizontalCount
        let j = k / px
        let i = k - j * px
        (a, b) = ((i, j), (i, j + 1))
      }
      let realA = isReal(a.0, a.1)
      let realB = isReal(b.0, b.1)
      let za = value(a.0, a.1)
      let zb = value(b.0, b.1)
      let position: (Double, Double)
      if !realA || !za.isFinite {
        position = (Double(b.0), Double(b.1))
      } else if !realB || !zb.isFinite {
        position = (Double(a.0), Double(a.1))
      } else {
        let t = (level - za) / (zb - za)
        position = (Double(a.0) + t * Double(b.0 - a.0), Double(a.1) + t * Double(b.1 - a.1))
      }
      let x = field.box.xmin + (position.0 - 1) * field.dx
      let y = field.box.ymin + (position.1 - 1) * field.dy
      return Vertex(point: Vec2(x, y), onPadding: !realA || !realB)
    }
  }

  /// For each corner pattern (bit k set when corner k is above) and saddle choice (index
  /// `code·2 + join`), the oriented segments as (from edge, to edge). Built once by the rule:
  /// walking the cell boundary counter-clockwise, a crossing from below to above is an exit `Q`,
  /// from above to below an entry `P`; each segment runs `Q → P`. With two crossings there is one
  /// pairing; a saddle pairs each `Q` with the next `P` when the below-regions join (centre below)
  /// and with the previous `P` otherwise.
  static let segmentTable: [[(Int8, Int8)]] = (0..<32).map { index in
    let code = index / 2
    let join = index % 2 == 1
    let above = (0..<4).map { code & (1 << $0) != 0 }
    var crossings: [(edge: Int8, isExit: Bool)] = []
    for k in 0..<4 where above[k] != above[(k + 1) & 3] { crossings.append((Int8(k), !above[k])) }
    if crossings.count == 2 {
      let (q, p) = crossings[0].isExit ? (crossings[0], crossings[1]) : (crossings[1], crossings[0])
      return [(q.edge, p.edge)]
    }
    guard crossings.count == 4 else { return [] }
    return (0..<4).filter { crossings[$0].isExit }.map { k in
      (crossings[k].edge, join ? crossings[(k + 1) & 3].edge : crossings[(k + 3) & 3].edge)
    }
  }

  /// `segmentTable` flattened to four entries per index (`from, to, from, to`; −1 when unused).
  static let flatSegmentTable: [Int8] = segmentTable.flatMap { segments in
    (0..<2).flatMap { k in k < segments.count ? [segments[k].0, segments[k].1] : [-1, -1] }
  }
}
