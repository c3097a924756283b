/// SSAM's coordinate masks for a two-parameter model (ALGORITHMS.md section 8, adapted to N = 2).
enum SparseMask {
  /// SSAM-F: keep the `int(2·(1−s))` coordinates with the largest accumulated squared gradient
  /// (ties: x first). For a 2D oracle that is `argmax |gᵢ|`. When the mask is computed is
  /// `PerturbationMask.FisherTiming` (the code's: after the update, from the new weights).
  static func fisher(squaredGradient f: Vec2, sparsity s: Double) -> Vec2 {
    let keep = Int(2 * (1 - s))  // the code's int(len · (1 − sparsity))
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

  /// SSAM-D's refresh: `⌊live·rate + u⌋` of the weakest live coordinates (by `score`) die, `u` one
  /// uniform, then as many dead ones regrow at random. 2D adaptation: with two coordinates the
  /// code's floors kill the one live coordinate and regrow none (the method becomes its base
  /// optimizer), and rounding would never kill it for a rate below 0.5 (so at the default
  /// drop-rate the mask would never change); stochastic rounding keeps the code's expected number
  /// of deaths, `live·rate`, and the number of live coordinates.
  static func dynamicRefresh<R: RandomNumberGeneratorWithGaussian>(
    _ mask: Vec2, score: Vec2, rate: Double, sparsity s: Double, rng: inout R
  ) -> Vec2 {
    var live = [0, 1].filter { mask[$0] != 0 }
    let expected = Double(live.count) * rate
    let deaths = Swift.min(live.count, Int((expected + rng.nextUniform()).rounded(.down)))
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
