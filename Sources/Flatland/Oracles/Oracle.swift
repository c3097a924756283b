/// The only way an optimizer sees a landscape: draws one batch per step and counts evaluations.
///
/// "One batch per step" (ALGORITHMS.md A1): `beginStep` draws the step's noise sample; every
/// gradient evaluated until the next `beginStep` (clean point, perturbed point) shares it, as in
/// every official SAM code. The counters make comparisons at equal cost possible.
public struct Oracle<L: Landscape>: Sendable {
  public let landscape: L
  public let noise: NoiseModel
  /// Gradient evaluations so far (each also yields the loss, as a forward + backward pass does).
  public private(set) var gradientEvaluations = 0
  /// Function (loss-only) evaluations so far.
  public private(set) var functionEvaluations = 0
  /// The current step's noise offset (zero for `.none`).
  public private(set) var stepNoise: Vec2 = .zero

  public init(landscape: L, noise: NoiseModel = .none) {
    self.landscape = landscape
    self.noise = noise
  }

  /// Draws this step's batch (noise sample) for a step that starts at `w`. Deterministic oracles
  /// draw nothing, so adding noise to one run never shifts the random stream of a noise-free one.
  public mutating func beginStep<R: RandomNumberGeneratorWithGaussian>(at w: Vec2, _ rng: inout R) {
    switch noise {
    case .none:
      stepNoise = .zero
    case .gaussian(let sigma):
      stepNoise = sigma * rng.nextGaussianPair()
    case .hessian(let scale):
      stepNoise = scale * landscape.hessian(at: w).positiveSquareRoot.applied(to: rng.nextGaussianPair())
    }
  }

  /// The (noisy) gradient at `w` under the current batch; counts one gradient evaluation.
  public mutating func gradient(at w: Vec2) -> Vec2 {
    gradientEvaluations += 1
    return evaluate(w).gradient + stepNoise
  }

  // Read through a non-mutating helper: from a mutating method, a landscape holding references (a
  // typed formula) would be copied, retaining them, at every evaluation.
  @inline(__always) private func evaluate(_ w: Vec2) -> (value: Double, gradient: Vec2) {
    landscape.valueAndGradient(at: w)
  }
  @inline(__always) private func evaluateValue(_ w: Vec2) -> Double { landscape.value(at: w) }

  /// Loss and (noisy) gradient from one gradient evaluation.
  public mutating func valueAndGradient(at w: Vec2) -> (value: Double, gradient: Vec2) {
    gradientEvaluations += 1
    let (v, g) = evaluate(w)
    return (v, g + stepNoise)
  }

  /// The loss at `w`; counts one function evaluation. (Gradient noise has no loss term.)
  public mutating func value(at w: Vec2) -> Double {
    functionEvaluations += 1
    return evaluateValue(w)
  }
}

/// A generator that can draw uniforms and Gaussian pairs: the toolkit's own `Xoshiro256StarStar`.
public protocol RandomNumberGeneratorWithGaussian: RandomNumberGenerator {
  mutating func nextGaussianPair() -> Vec2
  mutating func nextUniform() -> Double
}

extension Xoshiro256StarStar: RandomNumberGeneratorWithGaussian {}
