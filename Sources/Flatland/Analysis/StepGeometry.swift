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

  /// One step of `method` from `point`, drawing (if the method is random) from the stream of the
  /// method and the point; the contour field has `grid × grid` nodes.
  public init<L: Landscape>(of method: Method, on landscape: L, at point: Vec2, grid: Int = 240, seed: UInt64 = 0) {
    let run = Runner.run(
      method, on: landscape, from: point, steps: 1,
      stream: Xoshiro256StarStar(seed: seed, method: method.identity, start: point, repeat: 0))
    let record = run.records.first ?? .idle(at: point)
    // The region of the radius this step used (a radius schedule may have changed it from ρ).
    let region = method.perturbationRegion(at: point, gradient: record.gradient).flatMap { r -> Region? in
      // A step that did not perturb (RST's plain steps) has no region to draw.
      guard r.gaussian || record.radius > 0 else { return nil }
      return Region(rho: r.gaussian ? r.rho : record.radius, scale: r.scale, gaussian: r.gaussian)
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
