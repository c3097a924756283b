import Foundation

/// Round-number tick and level placement in the spirit of matplotlib's MaxNLocator.
public enum NiceNumbers {
  /// The step multiples MaxNLocator tries, per decade.
  static let multiples: [Double] = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]

  /// Evenly spaced round values covering `[low, high]` with at most `maxIntervals` intervals:
  /// the first value is ≤ `low`, the last ≥ `high`, the step is a multiple from `multiples` × 10^k.
  ///
  /// Ranges too wide for `high − low` to be a double (near ±1.8e308) get evenly spaced values
  /// instead of round ones; nothing here can trap on a non-finite intermediate.
  public static func covering(_ low: Double, _ high: Double, maxIntervals: Int) -> [Double] {
    guard low.isFinite, high.isFinite, maxIntervals >= 1 else { return [] }
    guard (high - low).isFinite else {
      let n = Double(maxIntervals)
      return (0...maxIntervals).map { k -> Double in
        let t = Double(k) / n
        return low * (1 - t) + high * t
      }
    }
    var lo = low
    var hi = high
    if hi - lo <= Swift.max(Swift.abs(lo), Swift.abs(hi)) * 1e-12 {
      let pad = Swift.max(Swift.abs(lo) * 0.01, 1e-12)
      lo -= pad
      hi += pad
    }
    let raw = (hi - lo) / Double(maxIntervals)
    let decade = pow(10, floor(log10(raw)))
    guard raw.isFinite, raw > 0, decade.isFinite, decade > 0 else { return [lo, hi] }
    for multiple in multiples {
      let step = multiple * decade
      let first = floor(lo / step + 1e-9) * step
      let intervals = ceil((hi - first) / step - 1e-9)
      guard intervals.isFinite, first.isFinite else { continue }
      if intervals <= Double(maxIntervals) {
        let count = Swift.max(0, Int(intervals))
        return bounded((0...count).map { cleaned(first + Double($0) * step, step: step) }, low, high)
      }
    }
    let step = 10 * decade
    let first = floor(lo / step) * step
    let intervals = ceil((hi - first) / step)
    guard intervals.isFinite, first.isFinite, intervals <= Double(4 * maxIntervals) else { return [lo, hi] }
    return bounded((0...Swift.max(0, Int(intervals))).map { cleaned(first + Double($0) * step, step: step) }, low, high)
  }

  /// A round value past the largest double (the next step above 1.7e308) becomes the range's end
  /// itself, so the values still cover `[low, high]`.
  static func bounded(_ values: [Double], _ low: Double, _ high: Double) -> [Double] {
    var out: [Double] = []
    for v in values {
      let w = v.isFinite ? v : (v > 0 ? Swift.max(high, out.last ?? high) : low)
      if out.last.map({ w > $0 }) ?? true { out.append(w) }
    }
    return out
  }

  /// Round values inside `[low, high]` for axis ticks (about `target` of them).
  public static func ticks(_ low: Double, _ high: Double, target: Int = 6) -> [Double] {
    let span = high - low
    return covering(low, high, maxIntervals: target).filter {
      $0 >= low - 1e-9 * span && $0 <= high + 1e-9 * span
    }
  }

  /// Log-spaced round values `{1, 2, 5} × 10^k` covering `[low, high]` (both > 0).
  public static func logarithmic(_ low: Double, _ high: Double) -> [Double] {
    guard low > 0, high > low, low.isFinite, high.isFinite else { return [] }
    var values: [Double] = []
    var k = floor(log10(low))
    while true {
      for m in [1.0, 2, 5] {
        // Past the largest double the top step is `high` itself (2e308 would be ∞).
        let v = (m * pow(10, k)).isFinite ? m * pow(10, k) : high
        if v >= low * (1 - 1e-12), values.isEmpty || v > values[values.count - 1] { values.append(v) }
        if v >= high { return values.first.map { f in f > low ? [f / 2] + values : values } ?? values }
      }
      k += 1
    }
  }

  /// Removes the tiny residue of repeated addition (0.30000000000000004 → 0.3).
  static func cleaned(_ v: Double, step: Double) -> Double {
    let exponent = floor(log10(step))
    guard exponent.isFinite else { return v }
    let digits = Swift.max(0, -Int(exponent) + 2)
    let scale = pow(10, Double(Swift.min(digits, 15)))
    let rounded = (v * scale).rounded() / scale
    return Swift.abs(rounded) < step * 1e-9 ? 0 : rounded
  }
}
