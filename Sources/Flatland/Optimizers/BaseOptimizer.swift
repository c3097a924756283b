/// The step that consumes the final direction `d` at the **unperturbed** point (ALGORITHMS.md A2,
/// section 0.1, PyTorch `torch.optim.SGD` semantics).
public enum BaseOptimizer: Sendable, Equatable {
  /// `w ← w − η·d`.
  case sgd(learningRate: Double)
  /// Heavy-ball momentum, PyTorch style: on the first step `b ← d` (a copy, not zero-initialised),
  /// afterwards `b ← μ·b + d` (dampening 0); `w ← w − η·b`, or `w ← w − η·(d + μ·b)` with Nesterov.
  case momentum(learningRate: Double, momentum: Double, nesterov: Bool)

  /// The state a base optimizer carries between steps.
  public struct State: Sendable, Equatable {
    /// The momentum buffer; `nil` before the first step.
    public var buffer: Vec2?
    public init() {}
  }

  public var learningRate: Double {
    switch self {
    case .sgd(let lr), .momentum(let lr, _, _): return lr
    }
  }

  /// Moves `w` along `d`.
  public func update(_ w: inout Vec2, direction d: Vec2, state: inout State) {
    switch self {
    case .sgd(let lr):
      w -= lr * d
    case .momentum(let lr, let mu, let nesterov):
      let buffer = state.buffer.map { mu * $0 + d } ?? d
      state.buffer = buffer
      w -= lr * (nesterov ? d + mu * buffer : buffer)
    }
  }
}
