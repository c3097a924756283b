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
  let j = landscape.jet(at: w)
  let (lo, hi) = j.hessian.eigenvalues
  guard lo > 0 else { return nil }
  return KnownMinimum(location: w, value: j.value, eigenvalues: (lo, hi), label: label)
}
