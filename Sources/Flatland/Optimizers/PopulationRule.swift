import Foundation

/// Zeroth-order baselines (ALGORITHMS.md section 14): a population of candidates is sampled around a
/// mean, only their losses are evaluated, and the mean moves. One "step" is one generation; its
/// cost is `population` function evaluations and no gradient. Gradient noise does not apply.
public enum PopulationRule: Sendable, Equatable {
  /// OpenAI-ES as in evosax `Open_ES`: antithetic pairs `±ε`, centred ranks, the estimate
  /// `ĝ = Σ fᵢεᵢ/(nσ)` handed to the base optimizer with fixed noise scale σ.
  case openES(population: Int, sigma: Double, base: BaseOptimizer, learningRate: Double)
  /// Separable NES (evosax `SNES`): learned per-coordinate σ, utilities from ranks, η_μ = 1,
  /// η_σ = (3 + ln d)/(5√d).
  case snes(population: Int, sigma: Double)
  /// sep-CMA-ES (Ros & Hansen 2008) with the constants of CyberAgentAILab `cmaes` `SepCMA`
  /// (modern `c₁`, only `c_μ` scaled by (n+2)/3).
  case sepCMA(population: Int, sigma: Double)

  /// State between generations.
  public struct State: Sendable, Equatable {
    public var sigma: Vec2 = Vec2(1, 1)
    public var stepSize = 1.0
    public var covariance = Vec2(1, 1)
    public var pathSigma = Vec2.zero
    public var pathC = Vec2.zero
    public var base = BaseOptimizer.State()
    public init() {}
  }

  public var population: Int {
    switch self {
    case .openES(let n, _, _, _), .snes(let n, _), .sepCMA(let n, _): return n
    }
  }

  /// Generation `t` (0-based), moving the mean `m`. Draws: `population` (ES: `population/2`) Gaussian
  /// pairs in order.
  func step<L: Landscape, R: RandomNumberGeneratorWithGaussian>(
    _ m: inout Vec2, generation t: Int, state: inout State, oracle: inout Oracle<L>, rng: inout R
  ) -> StepRecord {
    let start = m
    let startFunctions = oracle.functionEvaluations
    switch self {
    case .openES(let n, let sigma, let base, let lr):
      let half = Swift.max(1, n / 2)
      var eps: [Vec2] = []
      for _ in 0..<half { eps.append(rng.nextGaussianPair()) }
      eps += eps.map { -$0 }
      let losses = eps.map { oracle.value(at: m + sigma * $0) }
      let ranks = Self.ranks(losses)
      let count = Double(eps.count)
      var estimate = Vec2.zero
      for (i, e) in eps.enumerated() {
        estimate += (Double(ranks[i]) / (count - 1) - 0.5) * e
      }
      estimate /= count * sigma
      base.update(&m, direction: estimate, learningRate: lr, state: &state.base)
      return record(
        start, m, direction: estimate, sigma: Vec2(sigma, sigma), functions: oracle.functionEvaluations - startFunctions
      )

    case .snes(let n, let sigma0):
      if t == 0 { state.sigma = Vec2(sigma0, sigma0) }
      let z = (0..<n).map { _ in rng.nextGaussianPair() }
      let losses = z.map { oracle.value(at: m + state.sigma * $0) }
      let order = Self.order(losses)
      let u = Self.snesUtilities(n)
      var gradMu = Vec2.zero
      var gradSigma = Vec2.zero
      for (k, index) in order.enumerated() {
        gradMu += u[k] * z[index]
        gradSigma += u[k] * (z[index] * z[index] - 1)
      }
      let etaSigma = (3 + Foundation.log(2.0)) / (5 * 2.0.squareRoot())
      m += state.sigma * gradMu
      state.sigma *= Vec2(Foundation.exp(0.5 * etaSigma * gradSigma.x), Foundation.exp(0.5 * etaSigma * gradSigma.y))
      return record(
        start, m, direction: -gradMu, sigma: state.sigma, functions: oracle.functionEvaluations - startFunctions)

    case .sepCMA(let n, let sigma0):
      if t == 0 { state.stepSize = sigma0 }
      let c = SepCMAConstants(population: n)
      let d = Vec2(Swift.max(state.covariance.x, 1e-8).squareRoot(), Swift.max(state.covariance.y, 1e-8).squareRoot())
      let z = (0..<n).map { _ in rng.nextGaussianPair() }
      let y = z.map { d * $0 }
      let losses = y.map { oracle.value(at: m + state.stepSize * $0) }
      let order = Self.order(losses)
      var yw = Vec2.zero
      for i in 0..<c.mu { yw += c.weights[i] * y[order[i]] }
      m += c.cm * state.stepSize * yw
      state.pathSigma = (1 - c.cSigma) * state.pathSigma + (c.cSigma * (2 - c.cSigma) * c.muEff).squareRoot() * (yw / d)
      let pNorm = state.pathSigma.length
      state.stepSize *= Foundation.exp((c.cSigma / c.dSigma) * (pNorm / c.chiN - 1))
      let generation = Double(t + 1)
      let hSigma: Double =
        pNorm / (1 - Foundation.pow(1 - c.cSigma, 2 * generation)).squareRoot() < (1.4 + 2 / 3.0) * c.chiN ? 1 : 0
      state.pathC = (1 - c.cc) * state.pathC + hSigma * (c.cc * (2 - c.cc) * c.muEff).squareRoot() * yw
      var rankMu = Vec2.zero
      for i in 0..<c.mu { rankMu += c.weights[i] * y[order[i]] * y[order[i]] }
      let decay = 1 + c.c1 * (1 - hSigma) * c.cc * (2 - c.cc) - c.c1 - c.cMu
      state.covariance = decay * state.covariance + c.c1 * state.pathC * state.pathC + c.cMu * rankMu
      return record(
        start, m, direction: -yw, sigma: state.stepSize * d, functions: oracle.functionEvaluations - startFunctions)
    }
  }

  private func record(_ start: Vec2, _ end: Vec2, direction: Vec2, sigma: Vec2, functions: Int) -> StepRecord {
    StepRecord(
      point: start, gradient: .zero, perturbation: .zero, perturbedGradient: .zero, direction: direction,
      radius: 0, learningRate: 0, sigma: sigma, gradientEvaluations: 0, functionEvaluations: functions)
  }

  /// Indices sorted by loss, best (lowest) first; ties keep sampling order. NaN sorts last.
  static func order(_ losses: [Double]) -> [Int] {
    losses.indices.sorted { a, b in
      let (la, lb) = (losses[a].isNaN ? .infinity : losses[a], losses[b].isNaN ? .infinity : losses[b])
      return la != lb ? la < lb : a < b
    }
  }

  /// `rank[i]` = position of candidate `i` in `order` (0 = lowest loss).
  static func ranks(_ losses: [Double]) -> [Int] {
    var ranks = [Int](repeating: 0, count: losses.count)
    for (r, i) in order(losses).enumerated() { ranks[i] = r }
    return ranks
  }

  /// SNES utilities `u_k = max(0, ln(λ/2+1) − ln k)/Σⱼ max(0, ln(λ/2+1) − ln j) − 1/λ`.
  static func snesUtilities(_ lambda: Int) -> [Double] {
    let raw = (1...lambda).map { Swift.max(0, Foundation.log(Double(lambda) / 2 + 1) - Foundation.log(Double($0))) }
    let total = raw.reduce(0, +)
    return raw.map { $0 / total - 1 / Double(lambda) }
  }

  public var label: String {
    switch self {
    case .openES: return "fixed σ"
    case .snes: return "learned diagonal σ"
    case .sepCMA: return "learned diagonal + step size"
    }
  }
}

/// The strategy constants of sep-CMA-ES for n = 2 and population λ (ALGORITHMS.md 14.3).
struct SepCMAConstants {
  let mu: Int
  let weights: [Double]
  let muEff, cSigma, dSigma, cc, c1, cMu, cm, chiN: Double

  init(population lambda: Int) {
    let n = 2.0
    let parents = lambda / 2
    mu = parents
    let raw = (1...parents).map { Foundation.log(Double(parents) + 1) - Foundation.log(Double($0)) }
    let total = raw.reduce(0, +)
    let w = raw.map { $0 / total }
    weights = w
    muEff = 1 / w.map { $0 * $0 }.reduce(0, +)
    cSigma = (muEff + 2) / (n + muEff + 3)
    dSigma = 1 + 2 * Swift.max(0, ((muEff - 1) / (n + 1)).squareRoot() - 1) + cSigma
    cc = 4 / (n + 4)
    c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff)
    let rankMu =
      (1 / muEff) * 2 / ((n + 2.0.squareRoot()) * (n + 2.0.squareRoot()))
      + (1 - 1 / muEff) * Swift.min(1, (2 * muEff - 1) / ((n + 2) * (n + 2) + muEff))
    cMu = (n + 2) / 3 * rankMu
    cm = 1
    chiN = n.squareRoot() * (1 - 1 / (4 * n) + 1 / (21 * n * n))
  }
}
