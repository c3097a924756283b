import Flatland
import Foundation
import Testing

@testable import FlatlandPlot

@Suite struct MarchingSquaresTests {
  /// x² + y² on [−2, 2]², 101 × 101 nodes (cell 0.04).
  static let bowl = ScalarField(sampling: Quadratic(a: 1, b: 1), over: Box(x: -2...2, y: -2...2), nx: 101, ny: 101)

  @Test func unitCircleVerticesLieOnTheCircle() {
    let c = MarchingSquares.contours(of: Self.bowl, at: 1)
    #expect(c.lines.count == 1 && c.lines[0].closed)
    #expect(c.lines[0].points.count > 100)
    for p in c.lines[0].points { #expect(abs(p.length - 1) < 1e-3) }
  }

  @Test func subLevelSetBoundaryEnclosesTheDisk() {
    let c = MarchingSquares.contours(of: Self.bowl, at: 1)
    #expect(c.boundaries.count == 1)
    #expect(abs(abs(shoelace(c.boundaries[0].points)) - Double.pi) < 2e-3)
  }

  @Test func clippedLevelGivesOpenLinesAndABoundaryAlongTheWindow() {
    // r² = 5 leaves the window: four open arcs cutting the corners; {z ≤ 5} is the square minus
    // four corner pieces, each of area 1·… computed by dense sampling below.
    let c = MarchingSquares.contours(of: Self.bowl, at: 5)
    #expect(c.lines.count == 4 && c.lines.allSatisfy { !$0.closed })
    for line in c.lines {
      for p in [line.points.first!, line.points.last!] {
        #expect(abs(abs(p.x) - 2) < 1e-12 || abs(abs(p.y) - 2) < 1e-12, "end \(p) on the window edge")
      }
    }
    #expect(c.boundaries.count == 1)
    var inside = 0
    let n = 800
    for i in 0..<n {
      for j in 0..<n {
        let x = -2 + 4 * (Double(i) + 0.5) / Double(n)
        let y = -2 + 4 * (Double(j) + 0.5) / Double(n)
        if x * x + y * y <= 5 { inside += 1 }
      }
    }
    let area = 16 * Double(inside) / Double(n * n)
    #expect(abs(abs(shoelace(c.boundaries[0].points)) - area) < 5e-3)
  }

  @Test func holesComeAsSeparateLoops() {
    // An annulus: {1 ≤ r² ≤ 2} is above the level… use z = (r² − 1.5)²: {z ≤ 0.1} is a ring.
    let values = Self.bowl.values.map { ($0 - 1.5) * ($0 - 1.5) }
    let ring = ScalarField(nx: 101, ny: 101, box: Self.bowl.box, values: values)
    let c = MarchingSquares.contours(of: ring, at: 0.1)
    #expect(c.boundaries.count == 2 && c.lines.count == 2)
    let areas = c.boundaries.map { abs(shoelace($0.points)) }.sorted()
    // Radii² 1.5 ± √0.1: areas π(1.5 − 0.316) and π(1.5 + 0.316); even-odd fill leaves the ring.
    #expect(abs(areas[0] - Double.pi * (1.5 - 0.1.squareRoot())) < 2e-2)
    #expect(abs(areas[1] - Double.pi * (1.5 + 0.1.squareRoot())) < 2e-2)
  }

  @Test func aValueExactlyOnTheLevelCountsAsBelow() {
    let field = ScalarField(nx: 3, ny: 3, box: Box(x: 0...2, y: 0...2), values: [1, 1, 1, 1, 0, 1, 1, 1, 1])
    #expect(MarchingSquares.contours(of: field, at: 1).lines.isEmpty)
    #expect(MarchingSquares.contours(of: field, at: 0).lines.isEmpty)
    #expect(MarchingSquares.contours(of: field, at: 0.5).lines.count == 1)
  }

  @Test func nanCountsAsAboveAndNeverCrashes() {
    var values = Self.bowl.values
    values[50 * 101 + 50] = .nan
    let c = MarchingSquares.contours(of: ScalarField(nx: 101, ny: 101, box: Self.bowl.box, values: values), at: 1)
    #expect(c.lines.count == 2)  // the circle and a tiny loop around the NaN hole at the centre
    #expect(c.lines.allSatisfy { $0.points.allSatisfy { $0.isFinite } })
  }

  func shoelace(_ p: [Vec2]) -> Double {
    var s = 0.0
    for k in p.indices {
      let a = p[k]
      let b = p[(k + 1) % p.count]
      s += a.x * b.y - b.x * a.y
    }
    return s / 2
  }
}

@Suite struct NiceNumbersTests {
  @Test func linearLevelsCoverTheRangeWithRoundSteps() {
    let levels = NiceNumbers.covering(-1.337, 0.625, maxIntervals: 14)
    #expect(levels.first! <= -1.337 && levels.last! >= 0.625 && levels.count - 1 <= 14)
    let step = levels[1] - levels[0]
    #expect([0.15, 0.2, 0.25].contains { abs($0 - step) < 1e-12 })
  }

  @Test func ticksStayInsideTheAxis() {
    #expect(NiceNumbers.ticks(-2.5, 2.5) == [-2, -1, 0, 1, 2])
    #expect(NiceNumbers.ticks(-5, 5) == [-4, -2, 0, 2, 4] || NiceNumbers.ticks(-5, 5) == [-5, -2.5, 0, 2.5, 5])
    #expect(NiceNumbers.ticks(0, 1, target: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
  }

  @Test func logarithmicLevelsAreOneTwoFive() {
    #expect(NiceNumbers.logarithmic(0.1, 890) == [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000])
  }

  /// Ranges at the edge of the doubles (a landscape times 1e308) give finite levels and ticks:
  /// these once ended in `Int(NaN)` (SIGILL), or in a top level of 2e308 = ∞ and a blank colorbar.
  @Test func rangesNearTheLargestDoubleStayFinite() {
    let top = 1.7e308
    let log = NiceNumbers.logarithmic(1e296, top)
    #expect(!log.isEmpty && log.allSatisfy(\.isFinite) && log.last == top, "\(log.suffix(3))")
    for (low, high) in [(-top, top), (0, top), (-top, 0), (-1e308, 1e308), (1, top)] {
      let covering = NiceNumbers.covering(low, high, maxIntervals: 14)
      #expect(covering.count >= 2 && covering.allSatisfy(\.isFinite), "\(low)…\(high): \(covering)")
      #expect(covering.first! <= low && covering.last! >= high)
      let ticks = NiceNumbers.ticks(low, high)
      let slack = 1e-9 * (high / 2 - low / 2) * 2  // a billionth of the axis: the same pixel
      #expect(!ticks.isEmpty && ticks.allSatisfy { $0.isFinite && $0 >= low - slack && $0 <= high + slack }, "\(ticks)")
    }
    let levels = ContourLevels.logarithmic(floor: 0, high: top)
    #expect(levels.levels.allSatisfy { $0.isFinite })
    #expect(levels.levels.allSatisfy { (0...1).contains(levels.axisPosition($0)) })
    let scale = AxisScale(1e300, top, logarithmic: true)
    #expect(!scale.ticks(target: 7).isEmpty && scale.ticks(target: 7).allSatisfy { scale.position($0.value).isFinite })
    #expect(Sym2(xx: 1.5e308, xy: 0, yy: -1.5e308).eigenvalues == (min: -1.5e308, max: 1.5e308))
  }
}
