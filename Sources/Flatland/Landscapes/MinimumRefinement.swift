/// Newton's method on the exact gradient and Hessian, to place a minimum known only roughly
/// (a well's centre, a published 6-digit location) to machine precision.
///
/// Returns `nil` when Newton leaves the neighbourhood or meets a non-positive-definite Hessian,
/// so a parameter choice that destroys a well removes it from the list instead of listing a saddle.
public func refineMinimum<L: Landscape>(of landscape: L, near guess: Vec2, label: String = "")
  -> KnownMinimum?
{
  var w = guess
  for _ in 0..<100 {
    let j = landscape.jet(at: w)
    let h = j.hessian
    guard h.determinant > 0, h.xx > 0 else { return nil }
    // Solve H·δ = g for the 2×2 system directly.
    let det = h.determinant
    let delta = Vec2(
      (h.yy * j.gradient.x - h.xy * j.gradient.y) / det, (h.xx * j.gradient.y - h.xy * j.gradient.x) / det)
    w -= delta
    guard w.isFinite, (w - guess).length < 1 else { return nil }
    if delta.length <= 1e-15 * Swift.max(1, w.length) { break }
  }
  // Round-off residue such as 8e-18 for an exact 0 would only clutter legends.
  let scale = Swift.max(1, w.length)
  if Swift.abs(w.x) < 1e-13 * scale { w.x = 0 }
  if Swift.abs(w.y) < 1e-13 * scale { w.y = 0 }
  let j = landscape.jet(at: w)
  let (lo, hi) = j.hessian.eigenvalues
  guard lo > 0 else { return nil }
  return KnownMinimum(location: w, value: j.value, eigenvalues: (lo, hi), label: label)
}

/// Every distinct local minimum Newton's method reaches from `seeds` and that lies in `region`,
/// sorted by value (then x, y). Minima closer than `1e-7·(region diagonal)` are merged.
public func findMinima<L: Landscape>(of landscape: L, seeds: [Vec2], in region: Box) -> [KnownMinimum] {
  var found: [KnownMinimum] = []
  let tolerance = 1e-7 * region.diagonal
  for seed in seeds {
    guard let m = refineMinimum(of: landscape, near: seed), region.contains(m.location),
      !found.contains(where: { ($0.location - m.location).length <= tolerance })
    else { continue }
    found.append(m)
  }
  return found.sorted { ($0.value, $0.location.x, $0.location.y) < ($1.value, $1.location.x, $1.location.y) }
}

/// A regular `n × n` grid of seeds over `box`, for `findMinima`.
public func gridSeeds(_ box: Box, _ n: Int) -> [Vec2] {
  (0..<n).flatMap { i in
    (0..<n).map { j in
      Vec2(
        box.xmin + box.width * (Double(i) + 0.5) / Double(n), box.ymin + box.height * (Double(j) + 0.5) / Double(n))
    }
  }
}

/// A number written so the formula grammar reads it back exactly (`10`, `0.15`, `-2.5e-05`).
func literal(_ v: Double) -> String {
  v == v.rounded() && Swift.abs(v) < 1e15 ? String(Int(v)) : "\(v)"
}
