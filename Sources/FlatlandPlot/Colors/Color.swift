import Foundation

/// An sRGB colour with alpha, components in `[0, 1]`.
public struct Color: Sendable, Equatable, Hashable {
  public var red: Double
  public var green: Double
  public var blue: Double
  public var alpha: Double

  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// `Color(hex: 0xD55E00)`.
  public init(hex: UInt32, alpha: Double = 1) {
    self.init(
      red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
      blue: Double(hex & 0xFF) / 255, alpha: alpha)
  }

  public func withAlpha(_ a: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: a) }

  /// Relative luminance (WCAG), to pick readable text on a coloured background.
  public var luminance: Double {
    func channel(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : Foundation.pow((c + 0.055) / 1.055, 2.4) }
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
  }

  /// `#rrggbb`, for SVG-facing code and tests.
  public var hexString: String {
    func byte(_ c: Double) -> String {
      let v = Int((Swift.min(1, Swift.max(0, c)) * 255).rounded())
      return String(v, radix: 16).count == 1 ? "0" + String(v, radix: 16) : String(v, radix: 16)
    }
    return "#" + byte(red) + byte(green) + byte(blue)
  }

  public static let white = Color(red: 1, green: 1, blue: 1)
  public static let black = Color(red: 0, green: 0, blue: 0)
  /// The ink for axes and text: near-black, softer than pure black on slides.
  public static let ink = Color(hex: 0x222222)
}

/// Undoes Cairo's premultiplied alpha for one 8-bit channel: `c·255/a`, rounded (0 where `a = 0`).
/// Shared by the PNG encoder and the PNG decoder used in tests.
func unpremultiplied(_ c: UInt32, alpha a: UInt32) -> UInt8 {
  a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a))
}
