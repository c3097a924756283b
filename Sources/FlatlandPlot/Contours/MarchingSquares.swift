import Flatland

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
    let tracer = Tracer(field: field, level: level)
    let loops = tracer.loops()
    var boundaries: [Polyline] = []
    var lines: [Polyline] = []
    for loop in loops {
      boundaries.append(Polyline(points: loop.map(\.point), closed: true))
      // A node exactly on the level traces a zero-length loop: no line to draw.
      lines.append(contentsOf: splitAtPadding(loop).filter { $0.points.contains { $0 != loop[0].point } })
    }
    return LevelContours(level: level, boundaries: boundaries, lines: lines)
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

  /// The padded-grid tracer. Padded node `(i, j)` is real node `(i − 1, j − 1)`.
  struct Tracer {
    let field: ScalarField
    let level: Double
    let px: Int  // padded width  = nx + 2
    let py: Int  // padded height = ny + 2
    let horizontalCount: Int

    init(field: ScalarField, level: Double) {
      self.field = field
      self.level = level
      px = field.nx + 2
      py = field.ny + 2
      horizontalCount = (px - 1) * py
    }

    func value(_ i: Int, _ j: Int) -> Double {
      if i == 0 || j == 0 || i == px - 1 || j == py - 1 { return .infinity }
      return field.values[(j - 1) * field.nx + (i - 1)]
    }

    func isAbove(_ z: Double) -> Bool { !(z <= level) }  // NaN is above

    func horizontal(_ i: Int, _ j: Int) -> Int { j * (px - 1) + i }
    func vertical(_ i: Int, _ j: Int) -> Int { horizontalCount + j * px + i }

    /// Where the isoline crosses edge `id`; padding edges put it on their real node.
    func vertex(edge id: Int) -> Vertex {
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
      let za = value(a.0, a.1)
      let zb = value(b.0, b.1)
      let position: (Double, Double)
      let onPadding = !isReal(a) || !isReal(b)
      if !za.isFinite || !isReal(a) {
        position = (Double(b.0), Double(b.1))
      } else if !zb.isFinite || !isReal(b) {
        position = (Double(a.0), Double(a.1))
      } else {
        let t = (level - za) / (zb - za)
        position = (Double(a.0) + t * Double(b.0 - a.0), Double(a.1) + t * Double(b.1 - a.1))
      }
      let x = field.box.xmin + (position.0 - 1) * field.dx
      let y = field.box.ymin + (position.1 - 1) * field.dy
      return Vertex(point: Vec2(x, y), onPadding: onPadding)
    }

    func isReal(_ node: (Int, Int)) -> Bool {
      node.0 > 0 && node.1 > 0 && node.0 < px - 1 && node.1 < py - 1
    }

    /// All closed loops. Segments are oriented with the below-region on their left, so each
    /// crossing is the start of exactly one segment and the end of exactly one: `next[edge]`
    /// chains them in O(cells).
    func loops() -> [[Vertex]] {
      var next = [Int32](repeating: -1, count: horizontalCount + px * (py - 1))
      var starts: [Int32] = []
      var rowBelow = [Bool](repeating: false, count: px)
      var rowAbove = [Bool](repeating: false, count: px)
      for i in 0..<px { rowBelow[i] = isAbove(value(i, 0)) }
      for j in 0..<(py - 1) {
        for i in 0..<px { rowAbove[i] = isAbove(value(i, j + 1)) }
        for i in 0..<(px - 1) {
          // Corners counter-clockwise: v0 (i, j), v1 (i+1, j), v2 (i+1, j+1), v3 (i, j+1).
          let c0 = rowBelow[i]
          let c1 = rowBelow[i + 1]
          let c2 = rowAbove[i + 1]
          let c3 = rowAbove[i]
          if c0 == c1 && c1 == c2 && c2 == c3 { continue }
          let corners = (c0, c1, c2, c3)
          let edges = (horizontal(i, j), vertical(i + 1, j), horizontal(i, j + 1), vertical(i, j))
          traceCell(corners, edges, i: i, j: j, next: &next, starts: &starts)
        }
        swap(&rowBelow, &rowAbove)
      }
      var result: [[Vertex]] = []
      for s in starts where next[Int(s)] >= 0 {
        var loop: [Vertex] = []
        var e = Int(s)
        while next[e] >= 0 {
          loop.append(vertex(edge: e))
          let n = Int(next[e])
          next[e] = -1
          e = n
        }
        if loop.count >= 2 { result.append(loop) }
      }
      return result
    }

    /// Emits the cell's oriented segments. Walking the cell boundary counter-clockwise, a crossing
    /// from below to above is an exit `Q`, from above to below an entry `P`; each segment runs
    /// `Q → P`. With two crossings there is one pairing; a saddle pairs each `Q` with the next `P`
    /// when its centre is below (the below-regions join) and with the previous `P` otherwise.
    func traceCell(
      _ c: (Bool, Bool, Bool, Bool), _ e: (Int, Int, Int, Int), i: Int, j: Int,
      next: inout [Int32], starts: inout [Int32]
    ) {
      let above = [c.0, c.1, c.2, c.3]
      let edges = [e.0, e.1, e.2, e.3]
      var crossings: [(edge: Int, isExit: Bool)] = []
      crossings.reserveCapacity(4)
      for k in 0..<4 where above[k] != above[(k + 1) & 3] {
        crossings.append((edges[k], !above[k]))
      }
      if crossings.count == 2 {
        let (q, p) = crossings[0].isExit ? (crossings[0], crossings[1]) : (crossings[1], crossings[0])
        next[q.edge] = Int32(p.edge)
        starts.append(Int32(q.edge))
        return
      }
      let joinBelow = !isAbove(meanOfRealCorners(i: i, j: j) ?? .infinity)
      for k in 0..<4 where crossings[k].isExit {
        let partner = joinBelow ? crossings[(k + 1) & 3] : crossings[(k + 3) & 3]
        next[crossings[k].edge] = Int32(partner.edge)
        starts.append(Int32(crossings[k].edge))
      }
    }

    /// Mean of the four corners of padded cell `(i, j)`; `nil` touches the padding (never a saddle
    /// there in practice, since the ring is uniformly above).
    func meanOfRealCorners(i: Int, j: Int) -> Double? {
      guard isReal((i, j)), isReal((i + 1, j + 1)) else { return nil }
      return (value(i, j) + value(i + 1, j) + value(i + 1, j + 1) + value(i, j + 1)) / 4
    }
  }
}
