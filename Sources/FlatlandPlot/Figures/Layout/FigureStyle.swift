import Flatland

/// Size presets: how big a figure is, how large its type and how thick its lines, and the PNG
/// resolution. Scenes are laid out in points; a PNG has `dpi/72` pixels per point.
///
/// ```swift
/// var figure = RoutesFigure(…)
/// figure.style = .paper          // 3.5 in wide, 7–9 pt type, 300 dpi PNG, legend under the plot
/// ```
public struct FigureStyle: Sendable, Equatable {
  public var name: String
  /// Width in points (pixels at 72 dpi).
  public var width: Double
  /// Height in points; `nil` lets the figure take the height its content needs (paper presets).
  public var height: Double?
  /// Multiplies the base type sizes (title 24, labels 21, ticks 16, legend 17, small print 14).
  public var fontScale: Double
  /// Multiplies line widths, marker sizes and spacing.
  public var lineScale: Double
  /// PNG resolution; vector formats ignore it.
  public var dpi: Double
  /// Paper columns are narrow: the legend goes under the plot instead of beside it.
  public var legendBelow: Bool

  public init(
    name: String, width: Double, height: Double?, fontScale: Double, lineScale: Double, dpi: Double,
    legendBelow: Bool
  ) {
    self.name = name
    self.width = width
    self.height = height
    self.fontScale = fontScale
    self.lineScale = lineScale
    self.dpi = dpi
    self.legendBelow = legendBelow
  }

  /// 1200 × 900 px: the screen default.
  public static let standard = FigureStyle(
    .`default`, fontScale: 1, lineScale: 1, legendBelow: false)
  /// One journal column, 3.5 in wide, vector-first; 300 dpi when written as PNG.
  public static let paper = FigureStyle(
    .paper, fontScale: 0.45, lineScale: 0.42, legendBelow: true)
  /// A full journal page width, 7 in.
  public static let paperWide = FigureStyle(
    .paperWide, fontScale: 0.45, lineScale: 0.42, legendBelow: false)
  /// 16:9, 1920 × 1080 px, type and lines large enough for the back of a lecture hall.
  public static let slide = FigureStyle(
    .slide, fontScale: 1.55, lineScale: 1.7, legendBelow: false)
  /// 10 × 7.5 in at 200 dpi, type readable from two metres.
  public static let poster = FigureStyle(
    .poster, fontScale: 0.95, lineScale: 0.9, legendBelow: false)

  public static let presets: [FigureStyle] = [.standard, .paper, .paperWide, .slide, .poster]

  /// The same style at another size, type and lines scaled with it (`--size 640x480` keeps the
  /// default's proportions).
  public func resized(width w: Double, height h: Double) -> FigureStyle {
    var out = self
    let factor = Swift.min(w / width, h / (height ?? h))
    out.width = w
    out.height = h
    out.fontScale *= factor
    out.lineScale *= factor
    return out
  }

  /// Type sizes in points.
  public var fonts: Fonts { Fonts(scale: fontScale) }

  /// PNG pixels per point.
  public var pixelScale: Double { dpi / 72 }

  /// A preset's size and resolution (`FigurePreset`, the one place they are stated) with type,
  /// line scale and legend placement.
  init(_ preset: FigurePreset, fontScale: Double, lineScale: Double, legendBelow: Bool) {
    self.init(
      name: preset.rawValue, width: preset.width, height: preset.height, fontScale: fontScale, lineScale: lineScale,
      dpi: preset.dpi, legendBelow: legendBelow)
  }

  /// The style of a spec's preset, one case per name.
  public init(_ preset: FigurePreset) {
    switch preset {
    case .default: self = .standard
    case .paper: self = .paper
    case .paperWide: self = .paperWide
    case .slide: self = .slide
    case .poster: self = .poster
    }
  }

  /// Type sizes of one figure.
  public struct Fonts: Sendable, Equatable {
    public var title, label, tick, legend, small: Double
    public init(scale s: Double) {
      title = 24 * s
      label = 21 * s
      tick = 16 * s
      legend = 17 * s
      small = 14 * s
    }
  }
}
