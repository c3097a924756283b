import Foundation

/// The loss averaged over Gaussian perturbations, `E_{ε∼N(0, σ²I)} L(w + ε)`: the objective that
/// random SAM and mean-field VI descend, and the variational view's "MFVI" panel.
///
/// Averaged over one fixed sample of 4096 Gaussian points, used for every point of a map, as the
/// variational view's notebook averages over one sample of 1000. The sample comes in antithetic pairs
/// (ε, −ε) and is whitened to mean 0 and covariance I exactly, so the average is exact for
/// quadratics. Otherwise its error is Monte Carlo's, about 1/64 of L's spread over the Gaussian.
/// A product Gauss–Hermite rule (24² nodes) was tried first. It is exact for polynomials, but
/// where L has a singularity within a few σ (the `log|y|` barrier of `ujvary-toy` at y = 0), each
/// node row that crosses it drew a visible stripe across the map. A fixed sample spreads that over
/// 4096 faint copies.
public enum GaussianSmoothing {
  /// The fixed sample: 2048 draws and their negatives, whitened (Cholesky of the sample covariance).
  public static let sample: [Vec2] = {
    var rng = Xoshiro256StarStar(seed: 0x5A4D_5355)
    let half = (0..<2048).map { _ in rng.nextGaussianPair() }
    let points = half + half.map { -$0 }
    var (xx, xy, yy) = (0.0, 0.0, 0.0)
    for p in points {
      xx += p.x * p.x
      xy += p.x * p.y
      yy += p.y * p.y
    }
    let n = Double(points.count)
    (xx, xy, yy) = (xx / n, xy / n, yy / n)
    // C = LLᵀ with L = [[a, 0], [b, c]]; the whitened point is L⁻¹p.
    let a = xx.squareRoot()
    let b = xy / a
    let c = (yy - b * b).squareRoot()
    return points.map { p in
      let u = p.x / a
      return Vec2(u, (p.y - b * u) / c)
    }
  }()

  /// `E L(w + ε)`, `ε ∼ N(0, σ²I)`, over the fixed sample.
  public static func smoothed<L: Landscape>(_ landscape: L, at w: Vec2, sigma: Double) -> Double {
    var sum = 0.0
    for z in sample { sum += landscape.value(at: w + sigma * z) }
    return sum / Double(sample.count)
  }

  /// The same average at eight points, bit for bit `smoothed` per lane.
  static func smoothed<L: Landscape>(_ landscape: L, at w: LaneVec<Lanes8>, sigma: Double) -> Lanes8 {
    var sum = Lanes8(0)
    for z in sample { sum = sum + landscape.value(lanes: w + LaneVec(sigma * z)) }
    return sum / Lanes8(Double(sample.count))
  }
}
