/// Counts of several samples over one set of equal bins, so their histograms can be overlaid.
public struct Histogram: Sendable, Equatable {
  /// `bins + 1` increasing edges; bin `i` is `[edges[i], edges[i+1])`, the last one closed.
  public var edges: [Double]
  /// `counts[s][i]`: values of sample `s` in bin `i`.
  public var counts: [[Int]]

  /// Bins spanning every finite value of every sample: `bins` of them, or about √n (8 to 40) for
  /// the largest sample when nil. When all values are equal (every run at one minimum) the
  /// range is widened around them, so the spike is one bin of visible width.
  public init(_ samples: [[Double]], bins: Int? = nil) {
    let finite = samples.map { $0.filter(\.isFinite) }
    let all = finite.joined()
    var low = all.min() ?? 0
    var high = all.max() ?? 1
    // A spread below 10⁻⁹ of the values is rounding, not a distribution.
    if high - low <= 1e-9 * Swift.max(abs(low), abs(high)) {
      let half = Swift.max(0.05 * Swift.max(abs(low), abs(high)), 1e-3)
      (low, high) = (low - half, high + half)
    }
    let largest = finite.map(\.count).max() ?? 0
    let n = bins ?? Swift.min(40, Swift.max(8, Int(Double(largest).squareRoot().rounded())))
    edges = (0...n).map { low + (high - low) * Double($0) / Double(n) }
    edges[n] = high
    counts = finite.map { values in
      var c = [Int](repeating: 0, count: n)
      for v in values {
        let i = Int(((v - low) / (high - low) * Double(n)).rounded(.down))
        c[Swift.min(n - 1, Swift.max(0, i))] += 1
      }
      return c
    }
  }

  public var bins: Int { edges.count - 1 }
}
