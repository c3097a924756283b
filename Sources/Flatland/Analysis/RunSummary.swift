/// Where one run ended and what it cost, with the curvature and sharpness found there: one entry
/// of `summary.json`.
public struct RunSummary: Sendable {
  public var method: Method
  /// The start's index among the experiment's starts, and the repeat's.
  public var start: Int
  public var repeatIndex: Int
  public var startPoint: Vec2
  public var end: Vec2
  public var loss: Double
  public var outcome: Outcome
  public var stepsTaken: Int
  public var gradientEvaluations: Int
  public var functionEvaluations: Int
  /// Hessian eigenvalues at the end point, ascending.
  public var endEigenvalues: (min: Double, max: Double)
  /// The radius the sharpness figures use: the method's ρ, else the landscape's suggested ρ.
  public var rho: Double
  /// Exact worst-case sharpness `S_ρ` at the end point.
  public var endSharpness: Double
  /// The known minimum nearest the end, with its distance and its `S_ρ`.
  public var nearest: Nearest?

  public struct Nearest: Sendable {
    public var index: Int
    public var minimum: KnownMinimum
    public var distance: Double
    public var sharpness: Double
  }

  public init<L: Landscape>(of t: Trajectory, on landscape: L, info: LandscapeInfo) {
    method = t.method
    start = t.run
    repeatIndex = t.repetition
    startPoint = t.points[0]
    end = t.end
    loss = t.losses[t.losses.count - 1]
    outcome = t.outcome
    stepsTaken = t.steps
    gradientEvaluations = t.gradientEvaluations.last ?? 0
    functionEvaluations = t.functionEvaluations.last ?? 0
    let finite = end.isFinite
    endEigenvalues = finite ? landscape.hessian(at: end).eigenvalues : (.nan, .nan)
    rho = t.method.gradientRule.flatMap { $0.perturbation == .none ? nil : $0.rho } ?? info.suggested.rho
    endSharpness = finite ? Sharpness.worstCase(of: landscape, at: end, rho: rho).value : .nan
    let end = self.end
    if finite,
      let k = info.minima.indices.min(by: {
        (info.minima[$0].location - end).length < (info.minima[$1].location - end).length
      })
    {
      let m = info.minima[k]
      nearest = Nearest(
        index: k, minimum: m, distance: (m.location - end).length,
        sharpness: Sharpness.worstCase(of: landscape, at: m.location, rho: rho).value)
    }
  }
}
