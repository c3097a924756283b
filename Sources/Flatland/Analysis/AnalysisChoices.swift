/// What loss curves measure, against what, and which axis a slice runs along: choices of the
/// analyses (and so of spec files), named once.

/// The quantity of a curve.
public enum CurveQuantity: String, SpecChoice {
  /// The loss gap `L − L_min` (the lowest known minimum, else the lowest loss seen).
  case loss
  /// The distance to the nearest known minimum.
  case distance
  /// The clean gradient norm `‖∇L(w)‖`.
  case gradientNorm = "grad-norm"

  public var summary: String {
    switch self {
    case .loss: return "L − L_min, the loss above the lowest known minimum"
    case .distance: return "distance to the nearest known minimum"
    case .gradientNorm: return "‖∇L(w)‖, the clean gradient norm"
    }
  }
}

/// The x axis of a curve.
public enum CurveAbscissa: String, SpecChoice {
  case steps
  /// Gradient evaluations (function evaluations for zeroth-order methods): the fair axis.
  case evaluations

  public var summary: String {
    switch self {
    case .steps: return "optimizer steps"
    case .evaluations: return "gradient evaluations (function evaluations for zeroth-order methods)"
    }
  }
}

/// The axis a slice runs along.
public enum SliceAxis: String, SpecChoice {
  case x, y

  public var summary: String { self == .x ? "along x, at a fixed y" : "along y, at a fixed x" }
}
