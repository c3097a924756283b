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

  /// The stream of one run from the experiment seed and the run's indices (the runner's default
  /// for runs made one by one; the fixtures replay it).
  public init(seed: UInt64, method: Int, start: Int, repeat repetition: Int) {
    self.init(seed: seed, mixing: [method, start, repetition].map { UInt64(truncatingIfNeeded: $0) })
  }

  /// The stream of one run of an experiment, from what the run *is*: the seed, the method's identity
  /// (`Method.identity`, a hash of its resolved parameters), the start point's bits and the repeat.
  /// Adding, removing, reordering or duplicating other methods and starts never changes it.
  public init(seed: UInt64, method identity: UInt64, start: Vec2, repeat repetition: Int) {
    self.init(
      seed: seed,
      mixing: [identity, start.x.bitPattern, start.y.bitPattern, UInt64(truncatingIfNeeded: repetition)])
  }

  /// SplitMix64 over the seed, then each word folded in through one SplitMix64 step.
  init(seed: UInt64, mixing words: [UInt64]) {
    var mix = SplitMix64(seed: seed)
    var h = mix.next()
    for word in words {
      var step = SplitMix64(seed: h ^ word)
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
