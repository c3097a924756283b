import Foundation

/// Which coordinates the worst-case perturbation touches (ALGORITHMS.md A3, sections 8 and 9):
/// all of them, SSAM's Fisher or dynamic mask, or ESAM's random selection.
///
/// A mask acts through a `Selection`, `e = after ⊙ worstCase(before ⊙ a, ρ / radiusDivisor)`: SSAM
/// masks *after* normalising (the norm stays over the full ascent, so `‖e‖ ≤ ρ`), ESAM selects
/// *before* (the norm is over the selected part, and the radius grows to ρ/β). Masks act only on
/// steps that perturb; a refresh that falls due on a step that does not perturb waits for the next
/// one that does.
public enum PerturbationMask: Sendable, Equatable {
  /// Every coordinate is perturbed.
  case all
  /// SSAM-F (Mi et al. 2022, Mi-Peng/Sparse-Sharpness-Aware-Minimization `solver/sam.py`, `SSAMF`):
  /// the `int(2·(1−s))` coordinates with the largest squared gradient (the empirical Fisher
  /// diagonal) are perturbed, the mask refreshed every `every` steps, when `timing` says. s = 0 is
  /// `all` from the first refresh on.
  case sparseFisher(sparsity: Double, every: Int, timing: FisherTiming = .official)
  /// SSAM-D (same code, `SSAMD`): a random mask of `2 − ⌈2s⌉` live coordinates; every `every` steps,
  /// after this step's perturbation, the weakest live ones (by |g|) die at a cosine-decaying rate
  /// and as many dead ones regrow at random. s = 0 is `all`.
  case sparseDynamic(sparsity: Double, every: Int, dropRate: Double)
  /// ESAM's stochastic weight perturbation (Du et al. 2022, dydjw9/Efficient_SAM `utils/Esam.py`):
  /// every step after the first perturbs only a random selection, kept with probability β, at radius
  /// ρ/β. β = 1 is `all`.
  case efficient(beta: Double, mode: SelectionMode)

  /// When SSAM-F's mask is computed.
  public enum FisherTiming: String, Sendable, Equatable, CaseIterable {
    /// As the code (`SSAMF.step`, `update_mask`): the mask starts all zero (the first step is not
    /// perturbed) and is refreshed *after* the update at steps `t ≡ 0 (mod every)`, from the
    /// squared gradient at the new weights (one more gradient, under the step's batch: a 2D oracle
    /// has no per-sample gradients, so `num_samples` is 1).
    case official
    /// The code as released: `second_step` leaves `g̃` in `p.grad`, and the first per-sample
    /// gradient is added onto it, so the Fisher is `(g̃ + g(w_new))²`.
    case asReleased = "as-released"
    /// Flatland's earlier timing: refreshed before perturbing, from the step's clean gradient, at no
    /// extra cost; the first step is perturbed.
    case beforeStep = "before-step"
  }

  /// ESAM's two readings of "per tensor" for a two-parameter model.
  public enum SelectionMode: String, Sendable, Equatable, CaseIterable {
    /// `w` is one tensor: the whole perturbation is kept or dropped (faithful to the code).
    case tensor
    /// Each coordinate is kept independently.
    case coordinate
  }

  /// SSAM's mask (1 = perturbed coordinate; `nil` before the first one) and the step it was last
  /// refreshed at.
  public struct State: Sendable, Equatable {
    public var mask: Vec2?
    public var refreshed = 0
    public init() {}
  }

  /// How one step's perturbation is masked: `e = after ⊙ worstCase(before ⊙ a, ρ / radiusDivisor)`.
  struct Selection: Equatable {
    var before = Vec2(1, 1)
    var after = Vec2(1, 1)
    var radiusDivisor = 1.0
  }

  /// Draws SSAM-D's random initial mask at step 0 (one uniform).
  func start<R: RandomNumberGeneratorWithGaussian>(_ state: inout State, rng: inout R) {
    if case .sparseDynamic(let sparsity, _, _) = self, state.mask == nil {
      state.mask = SparseMask.initialDynamic(sparsity: sparsity, rng: &rng)
    }
  }

  /// The selection for a perturbing step `t` of `total` with clean gradient `g` (SSAM scores
  /// coordinates by the gradient, not by a smoothed ascent); refreshes SSAM's mask when due and
  /// draws ESAM's uniforms (one per step, or x then y) or SSAM-D's (one for the death count, then
  /// one per regrowth).
  func selection<R: RandomNumberGeneratorWithGaussian>(
    gradient g: Vec2, step t: Int, of total: Int, state: inout State, rng: inout R
  ) -> Selection {
    switch self {
    case .all:
      return Selection()
    case .sparseFisher(let sparsity, let every, let timing):
      guard timing == .beforeStep else { return Selection(after: state.mask ?? .zero) }
      if state.mask == nil || t - state.refreshed >= Swift.max(1, every) {
        state.mask = SparseMask.fisher(squaredGradient: g * g, sparsity: sparsity)
        state.refreshed = t
      }
      return Selection(after: state.mask ?? Vec2(1, 1))
    case .sparseDynamic(let sparsity, let every, let dropRate):
      let mask = state.mask ?? Vec2(1, 1)
      if t - state.refreshed >= Swift.max(1, every) {
        // The refresh happens between this step's perturbation and its second gradient, so this
        // step still uses the old mask.
        let progress = total > 0 ? Double(t) / Double(total) : 0
        let rate = dropRate * (1 + Foundation.cos(Double.pi * progress)) / 2
        state.mask = SparseMask.dynamicRefresh(
          mask, score: Vec2(Swift.abs(g.x), Swift.abs(g.y)), rate: rate, sparsity: sparsity, rng: &rng)
        state.refreshed = t
      }
      return Selection(after: mask)
    case .efficient(let beta, let mode):
      var selected = Vec2(1, 1)
      if t > 0 {
        switch mode {
        case .tensor:
          selected = rng.nextUniform() < beta ? Vec2(1, 1) : .zero
        case .coordinate:
          let sx = rng.nextUniform() < beta
          let sy = rng.nextUniform() < beta
          selected = Vec2(sx ? 1 : 0, sy ? 1 : 0)
        }
      }
      return Selection(before: selected, radiusDivisor: beta)
    }
  }

  /// Whether the mask is refreshed after the update of step `t` (SSAM-F's official timing).
  func refreshes(after t: Int) -> Bool {
    guard case .sparseFisher(_, let every, let timing) = self, timing != .beforeStep else { return false }
    return t % Swift.max(1, every) == 0
  }

  /// The refresh after an update, from the gradient at the new weights and the step's last gradient
  /// `leftover` (which the released code adds onto the first per-sample gradient).
  func refresh(_ state: inout State, gradient g: Vec2, leftover: Vec2, step t: Int) {
    guard case .sparseFisher(let sparsity, _, let timing) = self else { return }
    let fisher = timing == .asReleased ? (leftover + g) * (leftover + g) : g * g
    state.mask = SparseMask.fisher(squaredGradient: fisher, sparsity: sparsity)
    state.refreshed = t
  }

  /// Gradients a refresh adds per step on average (SSAM-F's official timing: one every `every`).
  var refreshGradients: Double {
    guard case .sparseFisher(_, let every, let timing) = self, timing != .beforeStep else { return 0 }
    return 1 / Double(Swift.max(1, every))
  }

  /// Short name for tables and custom legends.
  public var label: String {
    switch self {
    case .all: return "all coordinates"
    case .sparseFisher: return "SSAM Fisher mask"
    case .sparseDynamic: return "SSAM dynamic mask"
    case .efficient(_, let mode): return "ESAM selection (\(mode.rawValue))"
    }
  }
}
