import Foundation

/// The 2D toy of the variational view of SAM (Ujváry et al., "Rethinking Sharpness-Aware
/// Minimization as Variational Inference", `2D_toy_illustration.ipynb` in zsiga007/Rethinking-SAM):
/// a loss over the mean and scale `(μ, σ) = (x, y)` of a Gaussian posterior, two components each
/// the KL divergence to a Gaussian `N(mᵢ, sᵢ²)` plus ½, mixed by a log-sum-exp.
///
/// `Eᵢ = ((x − mᵢ)² + y²)/(2sᵢ²) + log sᵢ − log|y|`,
/// `L = −log(a₁·e^(−E₁/b₁²) + a₂·e^(−E₂/b₂²))`, evaluated as the notebook does with `E = max(E₁/b₁², E₂/b₂²)`
/// taken out of the exponentials so they never underflow.
///
/// Defaults are the notebook's: m = (20, −20), s = (30, 10), a = (0.7, 0.3), b = (1.8, 1.2); its
/// window x ∈ [−30, 40], y ∈ [0, 45]. Component 1 is wide (s₁ = 30) and component 2 narrow
/// (s₂ = 10): a flat and a sharp valley, each lowest near `(mᵢ, sᵢ)`. `L` is infinite on `y = 0`.
public struct VariationalToy: Landscape {
  public struct Component: Sendable, Equatable {
    public var mean: Double
    public var scale: Double
    public var weight: Double
    public var temperature: Double

    public init(mean: Double, scale: Double, weight: Double, temperature: Double) {
      self.mean = mean
      self.scale = scale
      self.weight = weight
      self.temperature = temperature
    }
  }

  public let first: Component
  public let second: Component
  /// Found once, at construction: the search evaluates the loss some 13 000 times, and `info` is
  /// asked for by every run.
  private(set) var minima: [KnownMinimum] = []

  public init(
    first: Component = Component(mean: 20, scale: 30, weight: 0.7, temperature: 1.8),
    second: Component = Component(mean: -20, scale: 10, weight: 0.3, temperature: 1.2)
  ) {
    self.first = first
    self.second = second
    minima = valleyMinima()
  }

  /// `Eᵢ/bᵢ²` of one component.
  func energy<T: LandscapeArithmetic>(_ c: Component, _ x: T, _ y: T) -> T {
    let dx = x - c.mean
    let quadratic = (dx * dx + y * y) * (1 / (2 * c.scale * c.scale))
    return (quadratic + Foundation.log(c.scale) - T.log(T.abs(y))) * (1 / (c.temperature * c.temperature))
  }

  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    let e1 = energy(first, x, y)
    let e2 = energy(second, x, y)
    let e = T.maximum(e1, e2)
    return -T.log(first.weight * T.exp(e - e1) + second.weight * T.exp(e - e2)) + e
  }

  public var info: LandscapeInfo {
    LandscapeInfo(
      name: "ujvary-toy",
      summary: "the variational view's toy: a loss over a Gaussian's (μ, σ), a flat and a sharp valley",
      formula: "−log(a₁e^(−E₁/b₁²) + a₂e^(−E₂/b₂²)), Eᵢ = ((x − mᵢ)² + y²)/(2sᵢ²) + log sᵢ − log|y|",
      domain: Box(x: -200...200, y: -200...200),
      window: Box(x: -30...40, y: 0...45),
      minima: minima,
      suggested: SuggestedRun(starts: [Vec2(-25, 40)], learningRate: 20, rho: 8, steps: 500, sigma: Vec2(1, 1)),
      expression: expression)
  }

  /// The valleys' minima: the mixture moves them away from the components' (mᵢ, sᵢ), and by more
  /// than Newton's polishing reaches, so the grid's local minima over the region the components
  /// cover are found first and then refined. The wider component's is the flat valley.
  func valleyMinima() -> [KnownMinimum] {
    let spread = Swift.max(first.scale, second.scale)
    let x0 = Swift.min(first.mean, second.mean) - spread
    let x1 = Swift.max(first.mean, second.mean) + spread
    let (nx, ny) = (160, 80)
    let dx = (x1 - x0) / Double(nx - 1)
    let dy = 2 * spread / Double(ny)
    var grid = [Double](repeating: 0, count: nx * ny)
    for j in 0..<ny {
      for i in 0..<nx { grid[j * nx + i] = evaluate(x0 + Double(i) * dx, Double(j + 1) * dy) }
    }
    var found: [KnownMinimum] = []
    for j in 1..<(ny - 1) {
      for i in 1..<(nx - 1) {
        let v = grid[j * nx + i]
        let lowest = (-1...1).allSatisfy { b in (-1...1).allSatisfy { a in v <= grid[(j + b) * nx + i + a] } }
        guard lowest, v.isFinite else { continue }
        let seed = Vec2(x0 + Double(i) * dx, Double(j + 1) * dy)
        let near = abs(seed.x - first.mean) < abs(seed.x - second.mean) ? first : second
        let wide = near.scale >= (near == first ? second : first).scale
        if let m = refineMinimum(of: self, near: seed, label: wide ? "flat valley" : "sharp valley"),
          !found.contains(where: { ($0.location - m.location).length < 1e-6 })
        {
          found.append(m)
        }
      }
    }
    return found.sorted { $0.location.x > $1.location.x }
  }

  /// The formula as text (checked against `evaluate` by the catalogue tests).
  var expression: String {
    func e(_ c: Component) -> String {
      let k = 1 / (c.temperature * c.temperature)
      return "\(k) * (((x - \(c.mean))^2 + y^2) / \(2 * c.scale * c.scale) + \(Foundation.log(c.scale)) - log(abs(y)))"
    }
    let (e1, e2) = (e(first), e(second))
    return "-log(\(first.weight) * exp(max(\(e1), \(e2)) - \(e1)) + \(second.weight) * exp(max(\(e1), \(e2)) - \(e2)))"
      + " + max(\(e1), \(e2))"
  }
}
