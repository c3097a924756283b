import Foundation

/// xoshiro256** (Blackman & Vigna 2018): the toolkit's only random generator (ALGORITHMS.md A6).
///
/// Never the system generator, so every number a user sees is reproducible from the seed.
/// Gaussian draws use the Box–Muller transform on two 53-bit uniforms, producing a pair at once
/// (`nextGaussianPair`), which is exactly what a 2D noise sample needs.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Seeds the four state words from SplitMix64(seed), as the authors recommend.
  public init(seed: UInt64) {
    var sm = SplitMix64(seed: seed)
    s0 = sm.next()
    s1 = sm.next()
    s2 = sm.next()
    s3 = sm.next()
  }

  /// The stream of one run: derived from the experiment seed and the run's indices, so that adding
  /// a method, start or repeat never changes the numbers of another run.
  public init(seed: UInt64, method: Int, start: Int, repeat repetition: Int) {
    var mix = SplitMix64(seed: seed)
    var h = mix.next()
    for index in [method, start, repetition] {
      var step = SplitMix64(seed: h ^ UInt64(truncatingIfNeeded: index))
      h = step.next() ^ mix.next()
    }
    self.init(seed: h)
  }

  public mutating func next() -> UInt64 {
    let result = rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 45)
    return result
  }

  /// A uniform double in `[0, 1)` with 53 random bits.
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// Two independent standard normal draws (Box–Muller: `r = sqrt(−2 ln u₁)`, `θ = 2πu₂`,
  /// with `u₁ ∈ (0, 1]` so the logarithm is finite).
  public mutating func nextGaussianPair() -> Vec2 {
    let u1 = 1 - nextUniform()
    let u2 = nextUniform()
    let r = (-2 * Foundation.log(u1)).squareRoot()
    let theta = 2 * Double.pi * u2
    return Vec2(r * Foundation.cos(theta), r * Foundation.sin(theta))
  }

  @inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
