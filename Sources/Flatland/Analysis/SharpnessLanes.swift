import Foundation

/// The exact worst case at eight points at once, for sharpness maps: `Sharpness.worstCase` step
/// for step in SIMD lanes — the same 720 boundary samples, the same three candidates refined by
/// golden-section search, the same interior grid and projected ascent — with every data-dependent
/// branch a lane mask. Each lane's value is bit for bit the scalar one (a test); the landscape is
/// evaluated eight points per call, its exponential vectorised.
extension Sharpness {
  typealias V8 = LaneVec<Lanes8>

  /// `max_{‖T⁻¹e‖ ≤ ρ} L(w + e) − L(w)` in each lane (`T = 1` for the disk).
  static func worstCaseValues<L: Landscape>(of landscape: L, at w: V8, rho: Double, scale t: V8) -> Lanes8 {
    let base = landscape.value(lanes: w)
    guard rho > 0 else { return Lanes8(0) }
    let radius = Lanes8(rho) * t
    func f(_ e: V8) -> Lanes8 { landscape.value(lanes: w + e) }
    func onCircle(_ theta: Lanes8) -> V8 { radius * V8(Lanes8.cos(theta), Lanes8.sin(theta)) }

    let count = 720
    let step = 2 * Double.pi / Double(count)
    var samples = [Lanes8](repeating: Lanes8(0), count: count)
    for k in 0..<count {
      let theta = Double(k) * step
      samples[k] = f(radius * V8(Vec2(Foundation.cos(theta), Foundation.sin(theta))))
    }
    // Each lane's three best angles, in index order; the first of them starts the best.
    var candidates = [[Int]](repeating: [], count: 8)
    var lane = [Double](repeating: 0, count: count)
    var best = Lanes8(0)
    var first = Lanes8(0)
    for i in 0..<8 {
      for k in 0..<count { lane[k] = samples[k][lane: i] }
      candidates[i] = topThree(lane).sorted()
      best[lane: i] = lane[candidates[i][0]]
      first[lane: i] = Double(candidates[i][0])
    }
    for c in 0..<3 {
      var k = Lanes8(0)
      for i in 0..<8 { k[lane: i] = Double(candidates[i][c]) }
      let refined = goldenMaximum((k - Lanes8(1)) * Lanes8(step), (k + Lanes8(1)) * Lanes8(step)) { f(onCircle($0)) }
      best = Lanes8.select(Lanes8.isLess(best, refined), refined, best)
    }

    // Interior: the polar grid, then projected ascent where it beats the boundary.
    var inner = base
    var innerU = V8.zero
    for r in [0.2, 0.4, 0.6, 0.8] {
      for k in 0..<48 {
        let theta = Double(k) * 2 * Double.pi / 48
        let u = V8(r * rho * Vec2(Foundation.cos(theta), Foundation.sin(theta)))
        let v = f(t * u)
        let better = Lanes8.isLess(inner, v)
        inner = Lanes8.select(better, v, inner)
        innerU = V8.select(better, u, innerU)
      }
    }
    let climb = Lanes8.isLess(best, inner)
    if Lanes8.any(climb) {
      let ascent = projectedAscent(from: innerU, value: inner, rho: rho, active: climb) {
        f(t * $0)
      } gradient: {
        t * landscape.valueAndGradient(lanes: w + t * $0).gradient
      }
      best = Lanes8.select(Lanes8.and(climb, Lanes8.isLess(best, ascent)), ascent, best)
    }
    return best - base
  }

  /// The three largest values' indices, larger first, ties to the lower index (NaN never wins
  /// over a number): the prefix a stable descending sort would give, in one pass.
  static func topThree(_ values: [Double]) -> [Int] {
    func above(_ x: Double, _ y: Double) -> Bool { x > y || (y.isNaN && !x.isNaN) }
    var top: [Int] = []
    for k in values.indices {
      let at = top.firstIndex { above(values[k], values[$0]) } ?? top.count
      guard at < 3 else { continue }
      top.insert(k, at: at)
      if top.count > 3 { top.removeLast() }
    }
    return top
  }

  /// `goldenMaximum` in every lane, each on its own interval: the same 60 steps, each lane
  /// stopping where the scalar search stops.
  static func goldenMaximum(_ lower: Lanes8, _ upper: Lanes8, _ f: (Lanes8) -> Lanes8) -> Lanes8 {
    var a = lower
    var b = upper
    let ratio = Lanes8((5.0.squareRoot() - 1) / 2)
    var c = b - ratio * (b - a)
    var d = a + ratio * (b - a)
    var fc = f(c)
    var fd = f(d)
    for _ in 0..<60 {
      let active = Lanes8.isLess(Lanes8(1e-13), b - a)
      guard Lanes8.any(active) else { break }
      let left = Lanes8.and(active, Lanes8.isLess(fd, fc))
      let right = Lanes8.and(active, Lanes8.not(Lanes8.isLess(fd, fc)))
      // fc > fd: the maximum is left of d; else right of c.
      let b1 = Lanes8.select(left, d, b)
      let a1 = Lanes8.select(right, c, a)
      let newC = b1 - ratio * (b1 - a1)
      let newD = a1 + ratio * (b1 - a1)
      let value = f(Lanes8.select(left, newC, newD))
      let fc1 = Lanes8.select(left, value, Lanes8.select(right, fd, fc))
      let fd1 = Lanes8.select(left, fc, Lanes8.select(right, value, fd))
      let c1 = Lanes8.select(left, newC, Lanes8.select(right, d, c))
      let d1 = Lanes8.select(left, c, Lanes8.select(right, newD, d))
      (a, b, c, d, fc, fd) = (a1, b1, c1, d1, fc1, fd1)
    }
    return f((a + b) / Lanes8(2))
  }

  /// `projectedAscent` onto the disk `‖u‖ ≤ ρ`, in the lanes of `active`.
  static func projectedAscent(
    from start: V8, value start0: Lanes8, rho: Double, active: Lanes8.Mask, _ f: (V8) -> Lanes8,
    gradient: (V8) -> V8
  ) -> Lanes8 {
    var point = start
    var value = start0
    var stepSize = Lanes8(0.1 * rho)
    var going = active
    for _ in 0..<200 {
      going = Lanes8.and(going, Lanes8.isLess(Lanes8(1e-14 * rho), stepSize))
      guard Lanes8.any(going) else { break }
      let g = gradient(point)
      let norm = g.length
      // A zero (or undefined) gradient ends that lane's climb, as the scalar loop breaks.
      going = Lanes8.and(going, Lanes8.isLess(Lanes8(0), norm))
      guard Lanes8.any(going) else { break }
      var next = point + (stepSize / norm) * g
      let length = next.length
      next = V8.select(Lanes8.isLess(Lanes8(rho), length), (Lanes8(rho) / length) * next, next)
      let v = f(next)
      let gain = Lanes8.and(going, Lanes8.isLess(value, v))
      point = V8.select(gain, next, point)
      value = Lanes8.select(gain, v, value)
      stepSize = Lanes8.select(
        going, Lanes8.select(gain, stepSize * Lanes8(1.5), stepSize * Lanes8(0.5)), stepSize)
    }
    return value
  }
}
