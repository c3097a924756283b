import Foundation

/// The step that consumes the final direction `d` at the **unperturbed** point (ALGORITHMS.md A2,
/// section 0.1, PyTorch semantics).
public enum BaseOptimizer: Sendable, Equatable {
  /// `w ← w − η·d`.
  case sgd
  /// Heavy-ball momentum, PyTorch style: on the first step `b ← d` (a copy, not zero-initialised),
  /// afterwards `b ← μ·b + d` (dampening 0); `w ← w − η·b`, or `w ← w − η·(d + μ·b)` with Nesterov.
  case momentum(Double, nesterov: Bool)
  /// Adam (Kingma & Ba), bias-corrected: `m ← β₁m + (1−β₁)d`, `v ← β₂v + (1−β₂)d²`,
  /// `w ← w − η·m̂/(sqrt(v̂) + ε)`.
  case adam(beta1: Double, beta2: Double, epsilon: Double)

  public static let standardAdam = BaseOptimizer.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)

  /// The state a base optimizer carries between steps.
  public struct State: Sendable, Equatable {
    /// The momentum buffer or Adam's first moment; `nil` before the first step.
    public var buffer: Vec2?
    /// Adam's second moment.
    public var second: Vec2 = .zero
    /// Steps taken (Adam's bias correction).
    public var count = 0
    public init() {}
  }

  /// Moves `w` along `d` with learning rate `lr`.
  public func update(_ w: inout Vec2, direction d: Vec2, learningRate lr: Double, state: inout State) {
    state.count += 1
    switch self {
    case .sgd:
      w -= lr * d
    case .momentum(let mu, let nesterov):
      let buffer = state.buffer.map { mu * $0 + d } ?? d
      state.buffer = buffer
      w -= lr * (nesterov ? d + mu * buffer : buffer)
    case .adam(let b1, let b2, let eps):
      let m = b1 * (state.buffer ?? .zero) + (1 - b1) * d
      let v = b2 * state.second + (1 - b2) * d * d
      state.buffer = m
      state.second = v
      let t = Double(state.count)
      let mHat = m / (1 - Foundation.pow(b1, t))
      let vHat = v / (1 - Foundation.pow(b2, t))
      w -= lr * mHat / (vHat.squareRoot() + eps)
    }
  }

  public var label: String {
    switch self {
    case .sgd: return "SGD"
    case .momentum(_, let nesterov): return nesterov ? "Nesterov" : "momentum"
    case .adam: return "Adam"
    }
  }
}
