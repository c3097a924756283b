/// A continuous colour scale sampled at `t ∈ [0, 1]`.
public struct Colormap: Sendable {
  public var name: String
  let table: [(Double, Double, Double)]

  /// viridis: perceptually uniform, colour-blind safe, prints in greyscale (the default).
  public static let viridis = Colormap(name: "viridis", table: ColormapTables.viridis)

  /// The colour at `t` (clamped to `[0, 1]`), linearly interpolated between table entries.
  public func color(at t: Double) -> Color {
    let clamped = t.isNaN ? 0 : Swift.min(1, Swift.max(0, t))
    let position = clamped * Double(table.count - 1)
    let i = Swift.min(table.count - 2, Int(position))
    let f = position - Double(i)
    let a = table[i]
    let b = table[i + 1]
    return Color(red: a.0 + f * (b.0 - a.0), green: a.1 + f * (b.1 - a.1), blue: a.2 + f * (b.2 - a.2))
  }
}

/// Categorical colours that stay distinct for colour-blind readers (Okabe & Ito 2008), ordered so
/// the first few also stand out on viridis bands.
public enum Palette {
  public static let okabeIto: [Color] = [
    Color(hex: 0xD55E00),  // vermillion
    Color(hex: 0x56B4E9),  // sky blue
    Color(hex: 0xCC79A7),  // reddish purple
    Color(hex: 0x000000),  // black
    Color(hex: 0xE69F00),  // orange
    Color(hex: 0x0072B2),  // blue
    Color(hex: 0x009E73),  // bluish green
    Color(hex: 0xF0E442),  // yellow
  ]

  /// The `i`-th method colour (cycling).
  public static func method(_ i: Int) -> Color { okabeIto[i % okabeIto.count] }
}
