import Flatland
import Foundation

/// Results built by hand for figure tests: the figure kinds take results only, so these tests
/// need no landscape, runner or analysis — only numbers with a shape a reader can check.
enum Fixture {
  /// `f = a·x² + b·y²` and its gradient, written out here (not a Flatland landscape).
  static func bowl(_ a: Double, _ b: Double) -> (value: @Sendable (Vec2) -> Double, gradient: @Sendable (Vec2) -> Vec2)
  {
    ({ a * $0.x * $0.x + b * $0.y * $0.y }, { Vec2(2 * a * $0.x, 2 * b * $0.y) })
  }

  /// The metadata of that bowl over ±2: one minimum at the origin with eigenvalues 2a, 2b.
  static func bowlInfo(_ a: Double = 1, _ b: Double = 10, window: Box = Box(x: -2...2, y: -2...2)) -> LandscapeInfo {
    LandscapeInfo(
      name: "bowl", summary: "a·x² + b·y²", formula: "\(a == 1 ? "" : formatShort(a))x² + \(formatShort(b))y²",
      domain: Box(x: -100...100, y: -100...100), window: window,
      minima: [KnownMinimum(location: .zero, value: 0, eigenvalues: (2 * a, 2 * b))],
      suggested: SuggestedRun(starts: [Vec2(-1.6, 1.2)], learningRate: 0.04, rho: 0.25, steps: 120))
  }

  /// `f` on an `n × n` lattice over `box`.
  static func field(_ box: Box, _ n: Int, _ f: (Vec2) -> Double) -> ScalarField {
    var values: [Double] = []
    for j in 0..<n {
      for i in 0..<n {
        values.append(
          f(Vec2(box.xmin + Double(i) * box.width / Double(n - 1), box.ymin + Double(j) * box.height / Double(n - 1))))
      }
    }
    return ScalarField(nx: n, ny: n, box: box, values: values)
  }

  /// Gradient steps on `f`, with a SAM-style ascent of `rho` first when it is positive — the
  /// arithmetic of the route, done here so that the figure has a believable path to draw.
  static func route(
    _ method: Method, from start: Vec2, lr: Double, rho: Double = 0, steps: Int, run: Int = 0,
    bowl: (value: @Sendable (Vec2) -> Double, gradient: @Sendable (Vec2) -> Vec2)
  ) -> Trajectory {
    var w = start
    var points = [w]
    for _ in 0..<steps {
      let g = bowl.gradient(w)
      let e = rho > 0 && g.length > 0 ? rho / g.length * g : .zero
      w -= lr * bowl.gradient(w + e)
      points.append(w)
    }
    return Trajectory(
      method: method, run: run, points: points, losses: points.map(bowl.value),
      gradientEvaluations: points.indices.map { rho > 0 ? 2 * $0 : $0 },
      outcome: .stepLimit(nearestMinimum: 0, distance: w.length))
  }

  /// SGD (η 0.04) and SAM (η 0.04, ρ 0.25) from (−1.6, 1.2) on x² + 10y²: SAM's 2-cycle across y.
  static func quadraticRoutes(steps: Int = 120) -> [Trajectory] {
    let bowl = bowl(1, 10)
    return [
      route(.sgd(learningRate: 0.04), from: Vec2(-1.6, 1.2), lr: 0.04, steps: steps, bowl: bowl),
      route(.sam(learningRate: 0.04, rho: 0.25), from: Vec2(-1.6, 1.2), lr: 0.04, rho: 0.25, steps: steps, bowl: bowl),
    ]
  }

  /// Curves of two methods: repeats of a geometric decay, each with its own deterministic wiggle.
  static func curves(repeats: Int = 5, points: Int = 100) -> CurveStatistics {
    let methods: [Method] = [.sgd(learningRate: 0.04), .sam(learningRate: 0.04, rho: 0.25)]
    let series = methods.enumerated().map { m, method -> CurveStatistics.Series in
      let x = (0..<points).map { Double($0 * (m + 1)) }
      func value(_ k: Int, _ r: Int) -> Double {
        let decay: Double = exp(-Double(k) / (12 + 8 * Double(m)))
        let wiggle: Double = 1 + 0.3 * sin(Double(k * (r + 2)) / 5)
        return 1.5 * decay * wiggle + 1e-3
      }
      let runs: [[Double]] = (0..<repeats).map { r in (0..<points).map { k in value(k, r) } }
      var centre: [Double] = []
      var low: [Double] = []
      var high: [Double] = []
      for k in 0..<points {
        let column = runs.map { $0[k] }.sorted()
        centre.append(exp(column.map(log).reduce(0, +) / Double(repeats)))
        low.append(column.first!)
        high.append(column.last!)
      }
      return .init(methodIndex: m, method: method, start: 0, x: x, centre: centre, low: low, high: high, repeats: runs)
    }
    return CurveStatistics(
      request: CurveRequest(quantity: .loss, abscissa: .evaluations, logarithmic: true), series: series,
      startCount: 1, lowestLoss: 0)
  }

  /// `f(t) = 0.1t² − 1.2e^{−30(t−1)²} − e^{−(t+1)²}` and its max over `[t − ρ, t + ρ]` by dense
  /// sampling: GSAM's figure 1 in numbers.
  static func slice(rho: Double = 0.25, samples: Int = 120) -> SliceProfile {
    func f(_ t: Double) -> Double { 0.1 * t * t - 1.2 * exp(-30 * (t - 1) * (t - 1)) - exp(-(t + 1) * (t + 1)) }
    let t = (0..<samples).map { -2.5 + 5 * Double($0) / Double(samples - 1) }
    let fp = t.map { c in (0...400).map { f(c - rho + 2 * rho * Double($0) / 400) }.max()! }
    return SliceProfile(axis: .x, at: 0, rho: rho, t: t, f: t.map(f), fp: fp)
  }

  /// One SAM step at (0.45, 0.6) on x² + 10y²: g, e = ρĝ, g̃ = ∇f(w + e), the step −η·g̃.
  static func samStep(rho: Double = 0.25, lr: Double = 0.04) -> StepGeometry {
    let bowl = bowl(1, 10)
    let w = Vec2(0.45, 0.6)
    let g = bowl.gradient(w)
    let e = rho / g.length * g
    let gp = bowl.gradient(w + e)
    let record = StepRecord(
      point: w, gradient: g, perturbation: e, perturbedGradient: gp, direction: gp, radius: rho, learningRate: lr,
      gradientEvaluations: 2, functionEvaluations: 0)
    let box = Box(center: w + 0.5 * e, halfWidth: 1.9 * rho)
    return StepGeometry(
      point: w, next: w - lr * gp, method: .sam(learningRate: lr, rho: rho), record: record,
      region: .init(rho: rho, scale: Vec2(1, 1), gaussian: false), field: field(box, 80, bowl.value))
  }

  /// A basin map over the four quadrants: cells right of x = 0 reach minimum 0, left ones minimum 1,
  /// a diagonal band diverges, one corner ends elsewhere.
  static func basins(_ method: Method, shift: Int = 0, n: Int = 24) -> BasinMap {
    var cells: [BasinMap.Basin] = []
    for j in 0..<n {
      for i in 0..<n {
        if abs(i - j - shift) <= 1 {
          cells.append(.diverged)
        } else if i < 3 && j < 3 {
          cells.append(.moving)
        } else {
          cells.append(.minimum(i >= n / 2 ? 0 : 1))
        }
      }
    }
    return BasinMap(method: method, box: Box(x: -2...2, y: -2...2), nx: n, ny: n, basins: cells)
  }

  /// The metadata of the slice's 1D function (no minimum listed: the figure marks none).
  static let sliceInfo = LandscapeInfo(
    name: "1D", summary: "", formula: "0.1x² − 1.2e^(−30(x−1)²) − e^(−(x+1)²)",
    domain: Box(x: -10...10, y: -10...10), window: Box(x: -2.5...2.5, y: -2.5...2.5), minima: [],
    suggested: SuggestedRun(starts: [.zero], learningRate: 0.01, rho: 0.25, steps: 100))

  static let twoMinima = LandscapeInfo(
    name: "two minima", summary: "", formula: "two wells", domain: Box(x: -10...10, y: -10...10),
    window: Box(x: -2...2, y: -2...2),
    minima: [
      KnownMinimum(location: Vec2(1, 0), value: -1, eigenvalues: (1, 30), label: "sharp well"),
      KnownMinimum(location: Vec2(-1, 0), value: -0.8, eigenvalues: (1, 3), label: "flat well"),
    ],
    suggested: SuggestedRun(starts: [.zero], learningRate: 0.01, rho: 0.1, steps: 100))
}
