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

  /// `{1, 2, 5} × 10^k` levels of `L − floor` from `lowest` (default: about `1e-3.5` of the range)
  /// up to the range; everything below the lowest level is one "under" band.
  public static func logarithmic(floor: Double, high: Double, lowest: Double? = nil) -> ContourLevels {
    // A range too wide to subtract (near ±1.8e308) falls back to linear levels.
    guard (high - floor).isFinite else { return linear(low: floor, high: high) }
    let range = Swift.max(high - floor, 1e-300)
    let bottom =
      lowest.map { Swift.min(Swift.max($0, range * 1e-12), range / 10) }
      ?? pow(10, (log10(range) - 3.5).rounded(.down))
    let steps = NiceNumbers.logarithmic(bottom, range)
    return ContourLevels(scale: .logarithmic(offset: floor), levels: steps.map { floor + $0 })
  }

  /// Equal-area levels: each band covers about the same share of the grid (quantiles of the field),
  /// so every part of the window gets colour detail whatever the landscape's range.
  public static func quantile(of field: ScalarField, bands: Int = 14) -> ContourLevels {
    let sorted = field.sortedSample(limit: 250_000)
    guard sorted.count >= 2, let first = sorted.first, let last = sorted.last, last > first else {
      return ContourLevels(scale: .linear, levels: [0, 1])
    }
    var levels: [Double] = [first]
    for k in 1..<bands {
      let v = sorted[Swift.min(sorted.count - 1, k * sorted.count / bands)]
      if v > levels[levels.count - 1] * (1 + 1e-12) + 1e-300 { levels.append(v) }
    }
    if last > levels[levels.count - 1] { levels.append(last) }
    return ContourLevels(scale: .linear, levels: levels)
  }

  /// Levels given by the user: at least two, finite, strictly increasing.
  public static func explicit(_ values: [Double]) throws -> ContourLevels {
    guard values.count >= 2, values.allSatisfy(\.isFinite), zip(values, values.dropFirst()).allSatisfy({ $0 < $1 })
    else {
      throw FlatlandError.invalidValue(
        what: "--levels", text: values.map { formatShort($0) }.joined(separator: ","),
        expected: "at least two finite, strictly increasing levels")
    }
    return ContourLevels(scale: .linear, levels: values)
  }

  /// The default for a landscape: log-spaced levels of `L − L_min` when its metadata asks for them
  /// or when most of the window sits in a tiny fraction of the range (the median is below 2% of the
  /// way from the minimum to the maximum), linear levels otherwise. Log levels start near the 0.1%
  /// quantile of `L − L_min`, so the basins keep their detail (Goldstein–Price spans six decades).
  public static func automatic(for info: LandscapeInfo, field: ScalarField) -> ContourLevels {
    guard let range = field.finiteRange else { return ContourLevels(scale: .linear, levels: [0, 1]) }
    let floor = lowestValue(info, range.min)
    let sorted = field.sortedSample()
    let median = sorted[sorted.count / 2]
    let skewed = range.max > floor && (median - floor) < 0.02 * (range.max - floor)
    guard info.contourScale == .logarithmic || skewed else { return linear(low: range.min, high: range.max) }
    let low = sorted[sorted.count / 1000] - floor
    return logarithmic(floor: floor, high: range.max, lowest: low > 0 ? low : nil)
  }

  /// `L_min` for log levels: the lowest known minimum or grid value, whichever is lower.
  static func lowestValue(_ info: LandscapeInfo, _ gridMinimum: Double) -> Double {
    Swift.min(gridMinimum, info.minima.map(\.value).filter(\.isFinite).min() ?? gridMinimum)
  }

  /// The levels a spec asks for, on `field`.
  public static func make(_ spec: LevelsSpec, for info: LandscapeInfo, field: ScalarField) throws -> ContourLevels {
    switch spec {
    case .auto: return automatic(for: info, field: field)
    case .linear:
      guard let r = field.finiteRange else { return ContourLevels(scale: .linear, levels: [0, 1]) }
      return linear(low: r.min, high: r.max)
    case .log:
      guard let r = field.finiteRange else { return ContourLevels(scale: .linear, levels: [0, 1]) }
      return logarithmic(floor: lowestValue(info, r.min), high: r.max)
    case .quantile: return quantile(of: field)
    case .explicit(let values): return try explicit(values)
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
      return linearPosition(value, lo, hi)
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

extension ScalarField {
  /// Finite values, sorted: all of them for small grids, an even subsample of about `limit` for big
  /// ones (quantiles of a 640 000-node grid do not need a full sort).
  func sortedSample(limit: Int = 40_000) -> [Double] {
    let step = Swift.max(1, values.count / limit)
    var sample: [Double] = []
    sample.reserveCapacity(values.count / step + 1)
    for k in stride(from: 0, to: values.count, by: step) where values[k].isFinite { sample.append(values[k]) }
    if sample.isEmpty { sample = [0] }
    return sample.sorted()
  }
}
