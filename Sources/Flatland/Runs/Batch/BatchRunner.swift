import Dispatch
import Synchronization

/// Told `(done, total)` as runs finish, from any thread; the command line draws its progress bar
/// from it (numerics never format).
public typealias ProgressHandler = @Sendable (_ done: Int, _ total: Int) -> Void

/// The batch engine: many independent runs stepped eight at a time in SIMD lanes, on all cores.
///
/// A gradient method's step is `GradientRule.advance`, the same generic code the scalar runner
/// runs at width one, so every lane's route is bit for bit the route the scalar runner makes for
/// that run (a test checks every method). Per step it allocates nothing and makes one dynamic
/// call per landscape evaluation of eight runs. Population methods (ES, SNES, sep-CMA-ES) step
/// their population one run at a time through the scalar runner, spread over the cores.
public enum BatchRunner {
  /// Runs `job`; `progress(done, total)` is called as runs finish (from worker threads).
  public static func run(_ job: BatchJob, progress: ProgressHandler? = nil) -> [BatchEnd] {
    run([job], progress: progress)[0]
  }

  /// Runs several jobs as one batch: their groups of eight runs are spread over the cores
  /// together, so many small jobs (the cells of a sweep, a few runs each) keep every core busy.
  /// Each job's ends come back in its starts' order; a job's numbers do not depend on the others.
  /// `info`: the landscape's info when every job runs on the same landscape (built once, not per job).
  public static func run(_ jobs: [BatchJob], info: LandscapeInfo? = nil, progress: ProgressHandler? = nil)
    -> [[BatchEnd]]
  {
    // The units of work: a group of up to eight runs of a gradient job, or one run of a
    // population job (which steps through the scalar runner).
    var units: [(job: Int, first: Int, count: Int)] = []
    for (j, job) in jobs.enumerated() {
      let n = job.starts.count
      let width = job.method.gradientRule == nil ? 1 : 8
      for first in stride(from: 0, to: n, by: width) { units.append((j, first, Swift.min(width, n - first))) }
    }
    let total = jobs.reduce(0) { $0 + $1.starts.count }
    let infos = info.map { shared in jobs.map { _ in shared } } ?? jobs.map { $0.landscape.info }
    let rules = jobs.map { $0.method.gradientRule }
    let unfinished = BatchEnd(
      end: .zero, steps: 0, outcome: .stepLimit(nearestMinimum: nil, distance: 0), convergenceStepKnown: false)
    // One flat buffer, each job's runs at their offset: units write disjoint indices.
    var offsets: [Int] = []
    var next = 0
    for job in jobs {
      offsets.append(next)
      next += job.starts.count
    }
    var flat = [BatchEnd](repeating: unfinished, count: total)
    let done = Atomic<Int>(0)
    let (workUnits, starts) = (units, offsets)
    flat.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let out = UncheckedPointer(base)
      DispatchQueue.concurrentPerform(iterations: workUnits.count) { u in
        let (j, first, count) = workUnits[u]
        let job = jobs[j]
        let at = out.pointer + starts[j] + first
        if let rule = rules[j] {
          let lanes = (0..<8).map { first + Swift.min(count - 1, $0) }
          let results = job.landscape.runLanes(
            rule, job, infos[j], lanes.map { job.starts[$0] }, lanes.map { job.streams[$0] },
            paths: lanes.map { job.paths.isEmpty ? false : job.paths[$0] })
          for l in 0..<count { at[l] = results[l] }
        } else {
          let keep = !job.paths.isEmpty && job.paths[first]
          at.pointee = BatchEnd(
            Runner.run(
              job.method, on: job.landscape, from: job.starts[first], steps: job.steps, noise: job.noise,
              stream: job.streams[first], divergenceRadius: job.divergenceRadius),
            pathEvery: keep ? job.pathEvery : nil)
        }
        progress?(done.add(count, ordering: .relaxed).newValue, total)
      }
    }
    return jobs.indices.map { Array(flat[offsets[$0]..<offsets[$0] + jobs[$0].starts.count]) }
  }

  /// Eight runs of a gradient rule, as `Runner.run` makes each: the same divergence checks in the
  /// same order, the same classification at the end.
  static func runLanes<L: Landscape>(
    _ rule: GradientRule, _ job: BatchJob, _ landscape: L, _ info: LandscapeInfo, _ starts: [Vec2],
    _ streams: [Xoshiro256StarStar], paths keep: [Bool]
  ) -> [BatchEnd] {
    let radius = job.divergenceRadius ?? Runner.defaultDivergenceRadius(info)
    let center = LaneVec<Lanes8>(info.window.center)
    var first = LaneVec<Lanes8>.zero
    for i in 0..<8 { first[lane: i] = starts[i] }
    func pass() -> RoutePass<LaneOracle<L>, LaneStreams> {
      RoutePass(
        rule: rule, steps: job.steps, w: first, oracle: LaneOracle(landscape: landscape, noise: job.noise),
        rng: LaneStreams(streams))
    }
    var forward = pass()
    var live = Lanes8.mask(true)
    var end = first
    var previous = first
    var taken = Lanes8(0)
    var divergence = [Outcome?](repeating: nil, count: 8)
    // The scalar runner checks each new point's loss as it accepts it. Here the loss of a point is
    // the one the next step evaluates at its start anyway (the same bits): a point is accepted
    // first and taken back if that loss is not finite. `pending`: lanes whose last point awaits it.
    var pending = Lanes8.mask(false)
    // Thinned routes: points with their step, trimmed at the end to the steps the run kept.
    let recording = keep.contains(true)
    let every = Swift.max(1, job.pathEvery)
    var kept: [[(step: Int, point: Vec2)]] = (0..<8).map { keep[$0] ? [(0, starts[$0])] : [] }
    func takeBack(_ lane: Int, step: Int) {
      divergence[lane] = .diverged(step: step, reason: Runner.nonFiniteReason)
      end[lane: lane] = previous[lane: lane]
      taken[lane: lane] -= 1
    }
    func checkPending(_ loss: Lanes8, step: Int) {
      let bad = Lanes8.and(pending, Lanes8.not(Lanes8.isFinite(loss)))
      guard Lanes8.any(bad) else { return }
      for i in 0..<8 where bad[i] { takeBack(i, step: step) }
      live = Lanes8.and(live, Lanes8.not(bad))
    }
    var k = 0
    while k < job.steps {
      k += 1
      let step = forward.next()
      if Lanes8.any(pending) {
        var loss = step.loss
        if !Lanes8.all(step.lossKnown) { loss = Lanes8.select(step.lossKnown, loss, landscape.value(lanes: end)) }
        checkPending(loss, step: k - 1)
      }
      let w = step.point
      let finite = Lanes8.and(w.isFinite, step.direction.isFinite)
      let broke = Lanes8.and(live, Lanes8.not(finite))
      if Lanes8.any(broke) {
        for i in 0..<8 where broke[i] { divergence[i] = .diverged(step: k, reason: Runner.nonFiniteReason) }
        live = Lanes8.and(live, finite)
      }
      previous = LaneVec.select(live, end, previous)
      end = LaneVec.select(live, w, end)
      taken = taken + Lanes8.select(live, Lanes8(1), Lanes8(0))
      // ‖w − c‖ ≤ √2·max(|Δx|, |Δy|): only lanes past that cheap bound need the exact length.
      let offset = w - center
      let bound = Lanes8.larger(Lanes8.abs(offset.x), Lanes8.abs(offset.y)) * Lanes8(1.414_213_562_373_095_2)
      let near = Lanes8.isLess(bound, Lanes8(radius * (1 - 1e-12)))
      var far = Lanes8.mask(false)
      if !Lanes8.all(Lanes8.or(near, Lanes8.not(live))) {
        far = Lanes8.and(live, Lanes8.isLess(Lanes8(radius), offset.length))
      }
      if Lanes8.any(far) {
        // Which check stops the scalar runner first: a non-finite loss, else the radius.
        let loss = landscape.value(lanes: w)
        for i in 0..<8 where far[i] {
          if loss[lane: i].isFinite {
            divergence[i] = .diverged(step: k, reason: Runner.radiusReason(radius))
          } else {
            takeBack(i, step: k)
          }
        }
        live = Lanes8.and(live, Lanes8.not(far))
      }
      pending = live
      if recording, k % every == 0 {
        for i in 0..<8 where keep[i] && Lanes8.isSet(live, lane: i) { kept[i].append((k, end[lane: i])) }
      }
      if !Lanes8.any(live) { break }
    }
    if Lanes8.any(pending) { checkPending(landscape.value(lanes: end), step: k) }

    var results: [BatchEnd] = []
    for i in 0..<8 {
      let steps = Int(taken[lane: i])
      let outcome =
        divergence[i]
        ?? Runner.classify(
          end: end[lane: i], previous: steps >= 1 ? previous[lane: i] : nil, landscape: landscape, info: info
        ) { _, _ in steps }
      var converged = false
      if case .converged = outcome { converged = true }
      var path: [Vec2] = []
      if keep[i] {
        path = kept[i].filter { $0.step <= steps }.map(\.point)
        if steps % every != 0 { path.append(end[lane: i]) }
      }
      results.append(
        BatchEnd(end: end[lane: i], steps: steps, outcome: outcome, convergenceStepKnown: !converged, path: path))
    }
    let converged = (0..<8).filter { !results[$0].convergenceStepKnown }
    guard job.convergenceSteps, !converged.isEmpty else { return results }

    // The step from which each converged run stayed within the tolerance of its end: a second pass,
    // now that the ends are known (the same routes, replayed; a converged run took every step).
    let tolerance = Runner.convergenceTolerance(info)
    var replay = pass()
    var lastFar = Lanes8(-1)
    var w = first
    for k in 0...job.steps {
      if k > 0 { w = replay.next().point }
      let far = Lanes8.isLess(Lanes8(tolerance), (w - end).length)
      lastFar = Lanes8.select(far, Lanes8(Double(k)), lastFar)
    }
    for i in converged {
      if case .converged(_, let point, let minimum) = results[i].outcome {
        results[i].outcome = .converged(step: Int(lastFar[lane: i]) + 1, point: point, minimum: minimum)
      }
      results[i].convergenceStepKnown = true
    }
    return results
  }
}
