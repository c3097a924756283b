/// Everything an experiment computed, as values: the runs, and for each output the numbers it
/// draws or writes. Figures and data files are made from these alone.
public struct ExperimentResults: Sendable {
  public var info: LandscapeInfo
  /// Every run, ordered by method, then start, then repeat (empty when no output needs runs).
  public var trajectories: [Trajectory]
  /// One product per output of the experiment, in order.
  public var products: [Product]

  public enum Product: Sendable {
    /// The runs alone.
    case trajectories
    /// The landscape sampled for the contours under the routes.
    case routes(ScalarField)
    case curves(CurveStatistics)
    case map(MapResult)
    case slice(SliceProfile)
    case schematic(StepGeometry)
    case summary([RunSummary])
    /// One sweep per method.
    case sweep([ParameterSweep])
    /// One ensemble per method, and the contours they are drawn over.
    case ensemble([Ensemble], contours: ScalarField)
  }

  public init(info: LandscapeInfo, trajectories: [Trajectory], products: [Product]) {
    self.info = info
    self.trajectories = trajectories
    self.products = products
  }
}

/// A map's panels and the landscape's contours drawn over them.
public struct MapResult: Sendable {
  public var kind: MapKind
  public var panels: [Panel]
  /// The landscape on a 200² grid, for the contour lines over the map.
  public var contours: ScalarField?

  public enum Panel: Sendable {
    /// A quantity on a grid, for one radius (`nil` for quantities without one).
    case continuous(GridMap, rho: Double?)
    case basins(BasinMap)
  }

  public init(kind: MapKind, panels: [Panel], contours: ScalarField?) {
    self.kind = kind
    self.panels = panels
    self.contours = contours
  }
}

extension Experiment {
  /// Runs every analysis the outputs need; `progress` hears of the runs of the batch jobs (basin
  /// maps) as they finish.
  public func run(progress: ProgressHandler? = nil) -> ExperimentResults {
    let needsRuns = outputs.contains { $0.analysis.needsTrajectories }
    let trajectories =
      needsRuns
      ? RouteExperiment(
        landscape: landscape, methods: methods, starts: starts, steps: steps, noise: noise, seed: seed,
        repeats: repeats
      ).run() : []
    var cache: [Analysis: ExperimentResults.Product] = [:]
    var products: [ExperimentResults.Product] = []
    for output in outputs {
      if let done = cache[output.analysis] {
        products.append(done)
        continue
      }
      let product = compute(output.analysis, trajectories: trajectories, on: landscape, progress: progress)
      cache[output.analysis] = product
      products.append(product)
    }
    return ExperimentResults(info: info, trajectories: trajectories, products: products)
  }

  // Opens the landscape once, so each analysis runs specialised for the concrete type.
  private func compute<L: Landscape>(
    _ analysis: Analysis, trajectories: [Trajectory], on landscape: L, progress: ProgressHandler?
  ) -> ExperimentResults.Product {
    switch analysis {
    case .trajectories:
      return .trajectories
    case .routes(let grid):
      return .routes(ScalarField(sampling: landscape, over: info.window, nx: grid, ny: grid))
    case .curves(let request):
      return .curves(CurveStatistics(of: trajectories, on: landscape, info: info, request: request))
    case .map(let request):
      var panels: [MapResult.Panel] = []
      if request.kind == .basins {
        let cells = request.grid * request.grid
        for (m, method) in methods.enumerated() {
          let offset = m * cells
          let total = methods.count * cells
          var shifted: ProgressHandler?
          if let progress { shifted = { done, _ in progress(offset + done, total) } }
          panels.append(
            .basins(
              BasinMap(
                method: method, landscape: landscape, box: info.window, nx: request.grid, ny: request.grid,
                steps: steps, noise: noise, seed: seed, progress: shifted
              )))
        }
      } else if let quantity = request.kind.quantity {
        for radius in request.radii.isEmpty ? [nil] : request.radii.map(Optional.some) {
          let rho = radius ?? 0
          let map = GridMap(box: info.window, nx: request.grid, ny: request.grid) {
            quantity.values(of: landscape, at: $0, rho: rho)
          }
          panels.append(.continuous(map, rho: radius))
        }
      }
      return .map(
        MapResult(
          kind: request.kind, panels: panels,
          contours: ScalarField(sampling: landscape, over: info.window, nx: 200, ny: 200)))
    case .slice(let request):
      let w = info.window
      let range = request.axis == .x ? w.xmin...w.xmax : w.ymin...w.ymax
      return .slice(
        SliceProfile(
          of: landscape, along: request.axis, at: request.at, range: range, rho: request.rho,
          samples: request.samples))
    case .schematic(let request):
      // swift-format-ignore: NeverForceUnwrap
      return .schematic(
        StepGeometry(of: methods.first!, on: landscape, at: request.point, grid: request.grid, seed: seed))
    case .summary:
      return .summary(trajectories.map { RunSummary(of: $0, on: landscape, info: info) })
    case .sweep(let request):
      var sweeps: [ParameterSweep] = []
      let perMethod = request.x.count * request.y.count * starts.count * repeats
      for (m, method) in methods.enumerated() {
        let grid = SweepGrid(x: request.x, y: request.y, spec: methodSpecs[m], defaults: methodDefaults)
        var shifted: ProgressHandler?
        if let progress {
          let offset = m * perMethod
          let total = methods.count * perMethod
          shifted = { done, _ in progress(offset + done, total) }
        }
        sweeps.append(
          ParameterSweep(
            x: request.x, y: request.y, method: method, methods: grid.methods(label: method.label),
            landscape: landscape, starts: starts, repeats: repeats, steps: steps, noise: noise, seed: seed,
            progress: shifted))
      }
      return .sweep(sweeps)
    case .ensemble(let request):
      let ensembles = Ensemble.run(
        methods: methods, landscape: landscape, starts: starts, repeats: repeats, steps: steps, noise: noise,
        seed: seed, bundle: Ensemble.Bundle(routesPerStart: request.bundle), progress: progress)
      return .ensemble(
        ensembles,
        contours: ScalarField(sampling: landscape, over: info.window, nx: request.contours, ny: request.contours))
    }
  }
}
