import Flatland

/// A continuous colour scale sampled at `t ∈ [0, 1]`.
///
/// ```swift
/// Colormap.viridis.color(at: 0.5)
/// try Colormap.named("magma_r")     // reversed
/// ```
public struct Colormap: Sendable {
  public var name: String
  let table: [(Double, Double, Double)]
  /// Whether `t` runs from the end of the table to its start.
  public var isReversed = false
  /// Diverging maps have a neutral middle (for signed quantities centred at 0).
  public var isDiverging = false

  /// viridis: perceptually uniform, colour-blind safe, prints in greyscale (the default).
  public static let viridis = Colormap(name: "viridis", table: ColormapTables.viridis)
  public static let magma = Colormap(name: "magma", table: ColormapTables.magma)
  public static let inferno = Colormap(name: "inferno", table: ColormapTables.inferno)
  public static let plasma = Colormap(name: "plasma", table: ColormapTables.plasma)
  /// cividis: optimised for colour-vision deficiency (Nuñez, Anderton & Renslow 2018).
  public static let cividis = Colormap(name: "cividis", table: ColormapTables.cividis)
  /// coolwarm: Moreland's diverging blue–grey–red map, for signed quantities such as λ_min.
  public static let coolwarm = Colormap(name: "coolwarm", table: ColormapTables.coolwarm, isDiverging: true)

  public static let all: [Colormap] = [.viridis, .magma, .inferno, .plasma, .cividis, .coolwarm]

  init(name: String, table: [(Double, Double, Double)], isDiverging: Bool = false) {
    self.name = name
    self.table = table
    self.isDiverging = isDiverging
  }

  /// The same map run backwards (`viridis_r`).
  public var reversed: Colormap {
    var r = self
    r.isReversed.toggle()
    r.name = isReversed ? String(name.dropLast(2)) : name + "_r"
    return r
  }

  /// The map a spec names (`magma`, `cividis_r`): one case per name, so the spec's list of names
  /// and the maps cannot drift apart.
  public init(_ spec: ColormapSpec) {
    let map: Colormap
    switch spec.name {
    case .viridis: map = .viridis
    case .magma: map = .magma
    case .inferno: map = .inferno
    case .plasma: map = .plasma
    case .cividis: map = .cividis
    case .coolwarm: map = .coolwarm
    }
    self = spec.reversed ? map.reversed : map
  }

  /// The colour at `t` (clamped to `[0, 1]`), linearly interpolated between table entries.
  public func color(at t: Double) -> Color {
    var clamped = t.isNaN ? 0 : Swift.min(1, Swift.max(0, t))
    if isReversed { clamped = 1 - clamped }
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
