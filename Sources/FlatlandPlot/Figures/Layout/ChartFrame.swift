import Flatland
import Foundation

/// One axis: a data range drawn linearly or on a log scale.
public struct AxisScale: Sendable, Equatable {
  public var low: Double
  public var high: Double
  public var isLogarithmic: Bool

  public init(_ low: Double, _ high: Double, logarithmic: Bool = false) {
    self.low = low
    self.high = high
    isLogarithmic = logarithmic
  }

  /// Position of `v` in `[0, 1]` along the axis (outside for values out of range).
  public func position(_ v: Double) -> Double {
    guard high > low else { return 0.5 }
    if isLogarithmic {
      let lv = log10(Swift.max(v, low * 1e-12))
      return (lv - log10(low)) / (log10(high) - log10(low))
    }
    return linearPosition(v, low, high)
  }

  /// Round tick values with their labels; on a log axis decades are major, 2–9 × 10^k minor.
  public func ticks(target: Int = 6) -> [AxisTick] {
    if isLogarithmic {
      // A log axis needs 0 < low < high, both finite; anything else has no ticks to draw.
      guard low > 0, high > low, low.isFinite, high.isFinite else { return [] }
      var out: [AxisTick] = []
      var k = Int(floor(log10(low)))
      let decades = log10(high) - log10(low)
      let every = Swift.max(1, Int(ceil(decades / Double(Swift.max(1, target)))))
      let last = Int(floor(log10(high) + 1e-9))
      while k <= last {
        for m in 1...9 {
          let v = Double(m) * pow(10, Double(k))
          guard v >= low * (1 - 1e-9), v <= high * (1 + 1e-9) else { continue }
          let major = m == 1 && k % every == 0
          out.append(AxisTick(value: v, label: major ? decadeMarkup(k) : "", major: m == 1))
        }
        k += 1
      }
      return out
    }
    return NiceNumbers.ticks(low, high, target: target).map {
      AxisTick(value: $0, label: numberMarkup($0), major: true)
    }
  }
}

/// The names of a landscape figure's two axes, as Pango markup.
public struct AxisLabels: Sendable, Equatable {
  public var x: String
  public var y: String
  public init(x: String = "<i>x</i>", y: String = "<i>y</i>") {
    self.x = x
    self.y = y
  }
}

public struct AxisTick: Sendable, Equatable {
  public var value: Double
  /// Pango markup; empty for unlabelled minor ticks.
  public var label: String
  public var major: Bool
}

/// Maps data `(x, y)` onto a device rectangle through two axes (y up in data, down on the page).
public struct ChartFrame: Sendable {
  public var x: AxisScale
  public var y: AxisScale
  public var rect: Rect

  public init(x: AxisScale, y: AxisScale, rect: Rect) {
    self.x = x
    self.y = y
    self.rect = rect
  }

  /// The frame of a landscape window (both axes linear).
  public init(window: Box, rect: Rect) {
    self.init(x: AxisScale(window.xmin, window.xmax), y: AxisScale(window.ymin, window.ymax), rect: rect)
  }

  public func point(_ px: Double, _ py: Double) -> Point {
    Point(rect.x + x.position(px) * rect.width, rect.maxY - y.position(py) * rect.height)
  }

  public func point(_ w: Vec2) -> Point { point(w.x, w.y) }
}

/// `10^k` as markup (`1`, `10`, `10⁻³` with a true superscript).
func decadeMarkup(_ k: Int) -> String {
  if k == 0 { return "1" }
  if k == 1 { return "10" }
  return "10<sup>\(k < 0 ? "−" : "")\(abs(k))</sup>"
}

/// A tick number with a true minus sign.
func numberMarkup(_ v: Double) -> String {
  formatShort(v).replacingOccurrences(of: "-", with: "−")
}

/// `(v − low)/(high − low)`, also for ranges too wide to subtract (near ±1.8e308).
func linearPosition(_ v: Double, _ low: Double, _ high: Double) -> Double {
  let span = high - low
  return span.isFinite ? (v - low) / span : (v / 2 - low / 2) / (high / 2 - low / 2)
}
