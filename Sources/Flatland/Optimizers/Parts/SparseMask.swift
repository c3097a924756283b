/// SSAM's coordinate masks for a two-parameter model (ALGORITHMS.md section 8, adapted to N = 2).
enum SparseMask {
  /// SSAM-F: keep the `⌊(1−s)·2⌋` coordinates with the largest accumulated squared gradient
  /// (ties: x first). For a deterministic 2D oracle that is `argmax |gᵢ|`.
  ///
  /// 2D adaptation: the official code starts from an all-zero mask and refreshes after the step
  /// from per-sample gradients; here the refresh uses the step's clean gradient before perturbing,
  /// at no extra cost, so the first step is perturbed and s = 0 is SAM from step 0.
  static func fisher(squaredGradient f: Vec2, sparsity s: Double) -> Vec2 {
    let keep = Int((1 - s) * 2 + 1e-9)
    switch keep {
    case ...0: return .zero
    case 1: return f.y > f.x ? Vec2(0, 1) : Vec2(1, 0)
    default: return Vec2(1, 1)
    }
  }

  /// SSAM-D's random start: `2 − ⌈2s⌉` live coordinates chosen uniformly.
  static func initialDynamic<R: RandomNumberGeneratorWithGaussian>(sparsity s: Double, rng: inout R) -> Vec2 {
    let live = 2 - Int((2 * s - 1e-9).rounded(.up))
    switch live {
    case ...0: return .zero
    case 1: return rng.nextUniform() < 0.5 ? Vec2(1, 0) : Vec2(0, 1)
    default: return Vec2(1, 1)
    }
  }

  /// SSAM-D's refresh: the `round(live·rate)` weakest live coordinates (by `score`) die, then as
  /// many dead ones regrow at random. 2D adaptation: the code's floors would never change a
  /// two-coordinate mask, so the count is rounded; the number of live coordinates is preserved.
  static func dynamicRefresh<R: RandomNumberGeneratorWithGaussian>(
    _ mask: Vec2, score: Vec2, rate: Double, sparsity s: Double, rng: inout R
  ) -> Vec2 {
    var live = [0, 1].filter { mask[$0] != 0 }
    let deaths = Swift.min(live.count, Int((Double(live.count) * rate).rounded()))
    guard deaths > 0 else { return mask }
    live.sort { (score[$0] + 1e-7, $0) < (score[$1] + 1e-7, $1) }
    var next = mask
    for index in live.prefix(deaths) { next[index] = 0 }
    for _ in 0..<deaths {
      let dead = [0, 1].filter { next[$0] == 0 }
      guard !dead.isEmpty else { break }
      let pick = dead[Swift.min(dead.count - 1, Int(rng.nextUniform() * Double(dead.count)))]
      next[pick] = 1
    }
    return next
  }
}
