/// One step of one method at a point, as geometry for the lecture schematic: what the step did
/// (`record`: the gradient, the perturbation ε, the gradient at w + ε, the direction taken), the
/// region it perturbed within, and the landscape sampled around it.
public struct StepGeometry: Sendable {
  /// The region a method perturbs within: `‖T⁻¹e‖ ≤ ρ`, or one standard deviation of a Gaussian
  /// of scale `T` (`rho` 1).
  public struct Region: Sendable, Equatable {
    public var rho: Double
    public var scale: Vec2
    public var gaussian: Bool

    public init(rho: Double, scale: Vec2, gaussian: Bool) {
      self.rho = rho
      self.scale = scale
      self.gaussian = gaussian
    }
  }

  public var point: Vec2
  /// The point after the step.
  public var next: Vec2
  public var method: Method
  public var record: StepRecord
  /// `nil` when the method does not perturb (SGD).
  public var region: Region?
  /// The landscape around the step, on a window holding the region and every arrow.
  public var field: ScalarField

  public init(point: Vec2, next: Vec2, method: Method, record: StepRecord, region: Region?, field: ScalarField) {
    self.point = point
    self.next = next
    self.method = method
    self.record = record
    self.region = region
    self.field = field
  }

  /// One step of `method` from `point`; the contour field has `grid × grid` nodes.
  public init<L: Landscape>(of method: Method, on landscape: L, at point: Vec2, grid: Int = 240) {
    let run = Runner.run(method, on: landscape, from: point, steps: 1)
    let record = run.records.first ?? .idle(at: point)
    let region = method.perturbationRegion(at: point, gradient: record.gradient).map {
      Region(rho: $0.rho, scale: $0.scale, gaussian: $0.gaussian)
    }
    // A window that holds the region and every arrow with room to spare.
    let reach = Swift.max(
      region.map { $0.rho * Swift.max($0.scale.x, $0.scale.y) * ($0.gaussian ? 2 : 1) } ?? 0,
      record.perturbation.length, 0.05 * landscape.info.window.diagonal)
    let box = Box(center: point + 0.5 * record.perturbation, halfWidth: 1.9 * reach)
    self.init(
      point: point, next: run.points.count > 1 ? run.points[1] : point, method: method, record: record, region: region,
      field: ScalarField(sampling: landscape, over: box, nx: grid, ny: grid))
  }
}
