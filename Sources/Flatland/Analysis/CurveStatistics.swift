import Foundation

/// The numbers behind loss curves: for each method and start, the curve of each repeat on a common
/// x grid, their centre (the mean, geometric on a log axis) and a band (smallest to largest repeat,
/// or 10% to 90% once there are ten or more).
///
/// The x grid is the shortest repeat's: steps, or cumulative gradient evaluations (function
/// evaluations for zeroth-order methods), with each repeat interpolated linearly onto it.
public struct CurveStatistics: Sendable {
  public var request: CurveRequest
  public var series: [Series]
  /// How many distinct starts the runs had (legends number starts only when there are several).
  public var startCount: Int
  /// The floor of the loss gap: the lowest known minimum, else the lowest loss seen.
  public var lowestLoss: Double

  /// One line of the figure.
  public struct Series: Sendable {
    /// The method's index among the distinct methods, in order of appearance (its colour).
    public var methodIndex: Int
    public var method: Method
    public var start: Int
    public var x: [Double]
    public var centre: [Double]
    public var low: [Double]
    public var high: [Double]
    /// Each repeat's values on `x`.
    public var repeats: [[Double]]
    /// Steps at which repeats diverged.
    public var divergedAt: [Int]

    public init(
      methodIndex: Int, method: Method, start: Int, x: [Double], centre: [Double], low: [Double], high: [Double],
      repeats: [[Double]], divergedAt: [Int] = []
    ) {
      self.methodIndex = methodIndex
      self.method = method
      self.start = start
      self.x = x
      self.centre = centre
      self.low = low
      self.high = high
      self.repeats = repeats
      self.divergedAt = divergedAt
    }

    /// Whether the band is the 10–90% range (ten or more repeats) rather than min–max.
    public var bandIsDecile: Bool { repeats.count >= 10 }
  }

  public init(request: CurveRequest, series: [Series], startCount: Int, lowestLoss: Double) {
    self.request = request
    self.series = series
    self.startCount = startCount
    self.lowestLoss = lowestLoss
  }

  /// The statistics of `trajectories` on `landscape`.
  public init<L: Landscape>(of trajectories: [Trajectory], on landscape: L, info: LandscapeInfo, request: CurveRequest)
  {
    self.request = request
    lowestLoss =
      info.minima.map(\.value).filter(\.isFinite).min() ?? trajectories.flatMap(\.losses).filter(\.isFinite).min() ?? 0
    startCount = Set(trajectories.map(\.run)).count
    let floor = lowestLoss
    func values(_ t: Trajectory) -> [Double] {
      switch request.quantity {
      case .loss: return t.losses.map { $0 - floor }
      case .distance: return t.points.map { p in info.minima.map { ($0.location - p).length }.min() ?? p.length }
      case .gradientNorm: return t.points.map { landscape.gradient(at: $0).length }
      }
    }
    func abscissae(_ t: Trajectory) -> [Double] {
      switch request.abscissa {
      case .steps: return t.points.indices.map(Double.init)
      case .evaluations:
        let usesGradients = (t.gradientEvaluations.last ?? 0) > 0
        return (usesGradients ? t.gradientEvaluations : t.functionEvaluations).map(Double.init)
      }
    }
    var methods: [Method] = []
    for t in trajectories where !methods.contains(t.method) { methods.append(t.method) }
    var out: [Series] = []
    for (m, method) in methods.enumerated() {
      let mine = trajectories.filter { $0.method == method }
      for start in Set(mine.map(\.run)).sorted() {
        let runs = mine.filter { $0.run == start }
        let curves = runs.map { (abscissae($0), values($0)) }
        // A common grid: the shortest run's x values (identical across repeats for steps).
        // swift-format-ignore: NeverForceUnwrap
        let reference = curves.min { ($0.0.last ?? 0) < ($1.0.last ?? 0) }!.0
        let ys = curves.map { (x, y) in reference.map { Self.interpolate(x, y, at: $0) } }
        var centre: [Double] = []
        var low: [Double] = []
        var high: [Double] = []
        for k in reference.indices {
          let column = ys.map { $0[k] }.filter(\.isFinite)
          guard !column.isEmpty else {
            centre.append(.nan)
            low.append(.nan)
            high.append(.nan)
            continue
          }
          if request.logarithmic {
            let logs = column.map { log10(max($0, 1e-300)) }
            centre.append(pow(10, logs.reduce(0, +) / Double(logs.count)))
          } else {
            centre.append(column.reduce(0, +) / Double(column.count))
          }
          let sorted = column.sorted()
          let cut = sorted.count >= 10 ? sorted.count / 10 : 0
          low.append(sorted[cut])
          high.append(sorted[sorted.count - 1 - cut])
        }
        let diverged = runs.compactMap { run -> Int? in
          if case .diverged(let step, _) = run.outcome { return step }
          return nil
        }
        out.append(
          Series(
            methodIndex: m, method: method, start: start, x: reference, centre: centre, low: low, high: high,
            repeats: ys, divergedAt: diverged))
      }
    }
    series = out
  }

  static func interpolate(_ x: [Double], _ y: [Double], at v: Double) -> Double {
    guard let k = x.firstIndex(where: { $0 >= v }) else { return y.last ?? .nan }
    if k == 0 || x[k] == v { return y[k] }
    let f = (v - x[k - 1]) / (x[k] - x[k - 1])
    return y[k - 1] + f * (y[k] - y[k - 1])
  }
}
