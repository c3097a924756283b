import Foundation

/// The variational-SAM thesis toy: two anisotropic Gaussian wells on a weak bowl.
///
/// `L(x, y) = −d₁·exp(−(x−x₁)²/(2s₁ₓ²) − (y−y₁)²/(2s₁ᵧ²)) − d₂·exp(−(x−x₂)²/(2s₂ₓ²) − (y−y₂)²/(2s₂ᵧ²)) + λ(x² + y²)`
///
/// Defaults: well 1 at (0.8, 0), depth 0.8, widths (0.15, 1.5): deep, **sharp in x**, flat in y;
/// well 2 at (−0.8, 0), depth 1, widths (1.5, 0.5): shallower, flat in x, sharper in y; λ = 0.05.
/// An isolated well's curvature along an axis is ≈ dᵢ/sᵢ² + 2λ; here the wells overlap, so the
/// exact minima (found by Newton on the exact Hessian) are listed instead:
/// well 1 ≈ (0.786, 0), L ≈ −1.337, eigenvalues ≈ (2.74, 35.2); well 2 ≈ (−0.652, 0), L ≈ −0.974,
/// eigenvalues ≈ (0.54, 4.08). From the start (0.3, 2), SGD falls into the deep sharp well, SAM and
/// GSAM into the flat one, and VSAM with σ = (0.15, 1) — "x needs no tolerance" — into the deep one.
public struct TwoValleys: Landscape {
  public struct Well: Sendable, Equatable {
    public var center: Vec2
    public var depth: Double
    public var width: Vec2

    public init(center: Vec2, depth: Double, width: Vec2) {
      self.center = center
      self.depth = depth
      self.width = width
    }
  }

  public var first: Well
  public var second: Well
  public var bowl: Double

  public init(
    first: Well = Well(center: Vec2(0.8, 0), depth: 0.8, width: Vec2(0.15, 1.5)),
    second: Well = Well(center: Vec2(-0.8, 0), depth: 1.0, width: Vec2(1.5, 0.5)),
    bowl: Double = 0.05
  ) {
    self.first = first
    self.second = second
    self.bowl = bowl
  }

  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T {
    well(first, x, y) + well(second, x, y) + bowl * (x * x + y * y)
  }

  func well<T: LandscapeArithmetic>(_ w: Well, _ x: T, _ y: T) -> T {
    let dx = x - w.center.x
    let dy = y - w.center.y
    let ax = -0.5 / (w.width.x * w.width.x)
    let ay = -0.5 / (w.width.y * w.width.y)
    return -w.depth * T.exp(ax * dx * dx + ay * dy * dy)
  }

  public var info: LandscapeInfo {
    let minima = [
      refineMinimum(of: self, near: first.center, label: shapeLabel(first)),
      refineMinimum(of: self, near: second.center, label: shapeLabel(second)),
    ].compactMap { $0 }
    return LandscapeInfo(
      name: "two-valleys",
      summary: "thesis toy: a deep well sharp in x and a shallow well flat in x, on a weak bowl",
      formula: "two anisotropic Gaussian wells + λ‖w‖²",
      domain: Box(x: -20...20, y: -20...20),
      window: Box(x: -2.5...2.5, y: -2.5...2.5),
      minima: minima,
      suggested: SuggestedRun(
        starts: [Vec2(0.3, 2)], learningRate: 0.03, rho: 0.1, steps: 500, sigma: Vec2(0.15, 1)),
      expression: Wells.expression(
        [first, second].map { Wells.Well(center: $0.center, depth: $0.depth, width: $0.width) }, bowl))
  }

  private func shapeLabel(_ w: Well) -> String {
    w.width.x < w.width.y ? "sharp-x well" : (w.width.x > w.width.y ? "sharp-y well" : "round well")
  }
}
