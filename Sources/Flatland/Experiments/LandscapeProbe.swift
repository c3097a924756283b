/// A coarse look at a landscape before anything runs (48² values over the window, or 96 along a
/// slice): whether it is finite anywhere, whether it is constant, and its range — so that a
/// landscape with nothing to show, levels outside its range or a slice through nothing are refused
/// by name instead of drawn as an empty or uniform figure.
struct LandscapeProbe {
  var finite = 0
  var total = 0
  var low = Double.infinity
  var high = -Double.infinity

  init<L: Landscape>(_ landscape: L, over box: Box, nodes n: Int = 48) {
    for j in 0..<n {
      for i in 0..<n {
        let p = Vec2(
          box.xmin + (Double(i) + 0.5) * (box.width / Double(n)),
          box.ymin + (Double(j) + 0.5) * (box.height / Double(n)))
        add(landscape.value(at: p))
      }
    }
  }

  init<L: Landscape>(_ landscape: L, along axis: SliceAxis, at: Double, over box: Box, samples n: Int = 96) {
    let (a, b) = axis == .x ? (box.xmin, box.xmax) : (box.ymin, box.ymax)
    for k in 0..<n {
      let t = a + (b - a) * Double(k) / Double(n - 1)
      add(landscape.value(at: axis == .x ? Vec2(t, at) : Vec2(at, t)))
    }
  }

  private mutating func add(_ v: Double) {
    total += 1
    guard v.isFinite else { return }
    finite += 1
    low = Swift.min(low, v)
    high = Swift.max(high, v)
  }

  var isConstant: Bool { finite > 0 && low == high }
}
