/// One run that keeps only what its caller needs: the end, the outcome and, when asked, a thinned
/// route — no step records, no loss evaluated only to be stored.
///
/// It is the batch engine's loop at width one: the step is `GradientRule.advance` on `Double`
/// lanes (the arithmetic the scalar runner does), the loss that checks a point for divergence is
/// the one the next step evaluates at its start anyway, and the outcome is classified as `Runner`
/// classifies it. So `Runner.end(…)` equals `BatchEnd(Runner.run(…))` bit for bit (a test, every
/// gradient preset), at several times the speed.
extension Runner {
  /// The end of one run. `pathEvery`: keep the start, every `pathEvery`-th point and the end.
  /// `convergenceStep`: find the step from which a converged run stayed put (a second pass, as
  /// in the batch engine; without it a converged outcome's step is the run's length).
  public static func end<L: Landscape>(
    _ method: Method, on landscape: L, from start: Vec2, steps: Int, noise: NoiseModel = .none,
    stream: Xoshiro256StarStar, divergenceRadius: Double? = nil, pathEvery: Int? = nil, convergenceStep: Bool = true,
    info: LandscapeInfo? = nil
  ) -> BatchEnd {
    guard let rule = method.gradientRule else {
      // Population methods step through the scalar runner.
      return BatchEnd(
        run(
          method, on: landscape, from: start, steps: steps, noise: noise, stream: stream,
          divergenceRadius: divergenceRadius), pathEvery: pathEvery)
    }
    // Through the landscape's own entry point, so the loop is compiled for its formula (a generic
    // call from another module would run unspecialised, looking up generic metadata every step).
    return landscape.runEnd(
      rule, from: start, steps: steps, noise: noise, stream: stream, divergenceRadius: divergenceRadius,
      pathEvery: pathEvery, convergenceStep: convergenceStep, info: info)
  }

  /// The loop of `end`, for a concrete landscape type.
  static func lean<L: Landscape>(
    _ rule: GradientRule, on landscape: L, from start: Vec2, steps: Int, noise: NoiseModel,
    stream: Xoshiro256StarStar, divergenceRadius: Double?, pathEvery: Int?, convergenceStep: Bool,
    info: LandscapeInfo?
  ) -> BatchEnd {
    let info = info ?? landscape.info
    let radius = divergenceRadius ?? defaultDivergenceRadius(info)
    let center = info.window.center
    func pass() -> RoutePass<Oracle<L>, SingleStream<Xoshiro256StarStar>> {
      RoutePass(
        rule: rule, steps: steps, w: LaneVec(start), oracle: Oracle(landscape: landscape, noise: noise),
        rng: SingleStream(stream))
    }
    var forward = pass()
    var end = start
    var previous = start
    var taken = 0
    var divergence: Outcome?
    var path: [Vec2] = []
    let every = pathEvery.map { Swift.max(1, $0) }
    if every != nil { path.append(start) }
    // A point is accepted when made and taken back if the loss the next step finds there (the
    // scalar runner's check of that point) is not finite.
    var pending = false
    func takeBack(step: Int) {
      divergence = .diverged(step: step, reason: nonFiniteReason)
      end = previous
      taken -= 1
      if let every, (taken + 1) % every == 0 { path.removeLast() }
    }
    var k = 0
    while k < steps {
      k += 1
      let step = forward.next()
      if pending {
        let loss = step.lossKnown ? step.loss : landscape.value(at: end)
        if !loss.isFinite {
          takeBack(step: k - 1)
          pending = false
          break
        }
      }
      let w = step.point.vec2
      guard w.isFinite, step.direction.vec2.isFinite else {
        divergence = .diverged(step: k, reason: nonFiniteReason)
        pending = false
        break
      }
      previous = end
      end = w
      taken += 1
      if let every, k % every == 0 { path.append(w) }
      if (w - center).length > radius {
        if landscape.value(at: w).isFinite {
          divergence = .diverged(step: k, reason: radiusReason(radius))
        } else {
          takeBack(step: k)
        }
        pending = false
        break
      }
      pending = true
    }
    if pending, !landscape.value(at: end).isFinite { takeBack(step: k) }
    if let every, taken % every != 0 { path.append(end) }

    let outcome =
      divergence
      ?? classify(end: end, previous: taken >= 1 ? previous : nil, landscape: landscape, info: info) { _, _ in taken }
    var result = BatchEnd(end: end, steps: taken, outcome: outcome, convergenceStepKnown: true, path: path)
    guard case .converged(_, let point, let minimum) = outcome else { return result }
    guard convergenceStep else {
      result.convergenceStepKnown = false
      return result
    }
    // The step from which the route stayed within the tolerance of its end: the same route again.
    let tolerance = convergenceTolerance(info)
    var replay = pass()
    var lastFar = (start - end).length > tolerance ? 0 : -1
    for k in stride(from: 1, through: steps, by: 1) where (replay.next().point.vec2 - end).length > tolerance {
      lastFar = k
    }
    result.outcome = .converged(step: lastFar + 1, point: point, minimum: minimum)
    return result
  }
}
