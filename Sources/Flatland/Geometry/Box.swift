import Foundation

/// An axis-aligned rectangle `[xmin, xmax] × [ymin, ymax]`: domains and plot windows.
public struct Box: Sendable, Equatable, CustomStringConvertible {
  public var xmin: Double
  public var xmax: Double
  public var ymin: Double
  public var ymax: Double

  public init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
    xmin = x.lowerBound
    xmax = x.upperBound
    ymin = y.lowerBound
    ymax = y.upperBound
  }

  /// The square `[c.x − r, c.x + r] × [c.y − r, c.y + r]`.
  public init(center c: Vec2, halfWidth r: Double) {
    self.init(x: (c.x - r)...(c.x + r), y: (c.y - r)...(c.y + r))
  }

  public var width: Double { xmax - xmin }
  public var height: Double { ymax - ymin }
  public var center: Vec2 { Vec2((xmin + xmax) / 2, (ymin + ymax) / 2) }
  public var diagonal: Double { Vec2(width, height).length }

  public func contains(_ p: Vec2) -> Bool {
    p.x >= xmin && p.x <= xmax && p.y >= ymin && p.y <= ymax
  }

  public var description: String {
    "[\(formatShort(xmin)), \(formatShort(xmax))] × [\(formatShort(ymin)), \(formatShort(ymax))]"
  }
}

/// A short human-readable number (`3`, `0.05`, `-2.805`, `1e-08`) for messages and legends.
/// Data files use full round-trip precision instead.
public func formatShort(_ v: Double, digits: Int = 4) -> String {
  guard v.isFinite else { return v.isNaN ? "NaN" : (v > 0 ? "∞" : "−∞") }
  if v == v.rounded(), Swift.abs(v) < 1e9 { return String(Int(v)) }
  let magnitude = Swift.abs(v)
  if magnitude >= 1e-3 && magnitude < 1e6 {
    // Round to `digits` significant digits, then strip trailing zeros.
    let decimals = Swift.max(0, digits - 1 - Int((magnitude).log10Floor))
    var s = String(format: "%.\(decimals)f", v)
    if s.contains(".") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    return s == "-0" ? "0" : s
  }
  // Scientific notation without the padded exponent: 7e-5, 1.5e+12 → 1.5e12.
  let text = String(format: "%.\(digits - 1)g", v)
  guard let e = text.firstIndex(of: "e") else { return text }
  let mantissa = text[..<e]
  var exponent = String(text[text.index(after: e)...])
  let negative = exponent.hasPrefix("-")
  exponent = String(exponent.drop { $0 == "-" || $0 == "+" || $0 == "0" })
  return "\(mantissa)e\(negative ? "-" : "")\(exponent.isEmpty ? "0" : exponent)"
}

extension Double {
  fileprivate var log10Floor: Double { Foundation.log10(self).rounded(.down) }
}
