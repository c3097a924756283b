import Flatland
import Foundation

/// The levels of a filled-contour figure and how values map to colours and to the colorbar.
///
/// Linear levels are round numbers covering the field's range. Logarithmic levels are
/// `{1, 2, 5} × 10^k` steps of `L − L_min`, for landscapes whose interesting part is a tiny fraction
/// of their range (Rosenbrock, Himmelblau); everything below the lowest level forms one extra band
/// coloured by the bottom of the colormap and drawn as a tip under the colorbar.
public struct ContourLevels: Sendable {
  public enum Scale: Sendable, Equatable {
    case linear
    /// Levels of `value − offset` on a log axis.
    case logarithmic(offset: Double)
  }

  public var scale: Scale
  /// Level values in landscape units, ascending. Band `k` (1-based) is `(levels[k−1], levels[k]]`.
  public var levels: [Double]

  public init(scale: Scale, levels: [Double]) {
    self.scale = scale
    self.levels = levels
  }

  /// Round linear levels covering `[low, high]` with at most `bands` bands.
  public static func linear(low: Double, high: Double, bands: Int = 14) -> ContourLevels {
    ContourLevels(scale: .linear, levels: NiceNumbers.covering(low, high, maxIntervals: bands))
  }

  /// `{1, 2, 5} × 10^k` levels of `L − floor` from about `1e-3` of the range up to the range.
  public static func logarithmic(floor: Double, high: Double) -> ContourLevels {
    let range = Swift.max(high - floor, 1e-300)
    let lowest = pow(10, (log10(range) - 3.5).rounded(.down))
    let steps = NiceNumbers.logarithmic(lowest, range)
    return ContourLevels(scale: .logarithmic(offset: floor), levels: steps.map { floor + $0 })
  }

  /// The default for a landscape: its contour-scale hint, over the field's finite range.
  public static func automatic(for info: LandscapeInfo, field: ScalarField) -> ContourLevels {
    guard let range = field.finiteRange else { return ContourLevels(scale: .linear, levels: [0, 1]) }
    switch info.contourScale {
    case .linear:
      return linear(low: range.min, high: range.max)
    case .logarithmic:
      let floor = Swift.min(range.min, info.minima.map(\.value).min() ?? range.min)
      return logarithmic(floor: floor, high: range.max)
    }
  }

  public var isLogarithmic: Bool { if case .logarithmic = scale { return true } else { return false } }

  /// Number of coloured bands (the "below the lowest level" band of log levels included).
  public var bandCount: Int { levels.count - 1 + (isLogarithmic ? 1 : 0) }

  /// Position on the colorbar axis, in `[0, 1]` from `levels.first` to `levels.last`.
  public func axisPosition(_ value: Double) -> Double {
    guard let lo = levels.first, let hi = levels.last, hi > lo else { return 0 }
    switch scale {
    case .linear:
      return (value - lo) / (hi - lo)
    case .logarithmic(let offset):
      let v = Swift.max(value - offset, (lo - offset) * 1e-6)
      return (log10(v) - log10(lo - offset)) / (log10(hi - offset) - log10(lo - offset))
    }
  }

  /// The colour of band `k`: `k = 1…levels.count − 1` between levels, `k = 0` the log "under" band.
  /// Bands take the colormap at their midpoint (geometric on a log scale), spread over the map.
  public func bandColor(_ k: Int, colormap: Colormap) -> Color {
    let n = levels.count - 1
    let lowestIndex = isLogarithmic ? 0 : 1
    let t = Double(k - lowestIndex) / Double(Swift.max(1, n - (isLogarithmic ? 0 : 1)))
    return colormap.color(at: t)
  }
}
