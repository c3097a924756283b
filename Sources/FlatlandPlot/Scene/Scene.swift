/// A figure as data: what to draw, in device coordinates, in painting order.
///
/// Figure kinds build scenes from numbers; one Cairo backend renders any scene to PNG, SVG or PDF.
/// Tests can inspect a scene without rendering it.
public struct Scene: Sendable {
  public var width: Double
  public var height: Double
  public var background: Color
  public var items: [Item] = []

  public init(width: Double, height: Double, background: Color = .white) {
    self.width = width
    self.height = height
    self.background = background
  }

  public enum FillRule: Sendable { case nonZero, evenOdd }

  /// A stroke style.
  public struct Stroke: Sendable, Equatable {
    public var color: Color
    public var width: Double
    public var dash: [Double] = []
    public var joins: Joins = .round

    /// How segments meet. Round joins and caps look best on thick lines; on hairlines (contours)
    /// the difference is invisible and bevel joins tessellate several times faster.
    public enum Joins: Sendable, Equatable { case round, miter, bevel }

    public init(color: Color, width: Double, dash: [Double] = [], joins: Joins = .round) {
      self.color = color
      self.width = width
      self.dash = dash
      self.joins = joins
    }
  }

  public indirect enum Item: Sendable {
    case fill(Path, Color, rule: FillRule)
    case stroke(Path, Stroke)
    case text(Text)
    /// Items drawn with a rectangular clip.
    case clipped(Rect, [Item])
    /// A grid of colours stretched over a rectangle (heatmaps); `smooth` interpolates between
    /// cells, otherwise each cell is a crisp block (categorical maps).
    case image(Pixels, Rect, smooth: Bool)
  }

  /// Opaque colours in rows from the top, `width × height`.
  public struct Pixels: Sendable {
    public var width: Int
    public var height: Int
    public var colors: [Color]
    public init(width: Int, height: Int, colors: [Color]) {
      precondition(colors.count == width * height, "one colour per pixel")
      self.width = width
      self.height = height
      self.colors = colors
    }
  }

  /// A line of text: Pango markup (`<i>x</i>`, `<sub>`, `<sup>`, `<b>`), already escaped.
  public struct Text: Sendable {
    public enum Horizontal: Sendable { case left, center, right }
    public enum Vertical: Sendable { case top, middle, baseline, bottom }

    public var markup: String
    public var position: Point
    public var size: Double
    public var color: Color
    public var horizontal: Horizontal
    public var vertical: Vertical
    /// Rotation in radians about `position`, counter-clockwise on the page.
    public var rotation: Double
    public var bold: Bool

    public init(
      _ markup: String, at position: Point, size: Double, color: Color = .ink, horizontal: Horizontal = .left,
      vertical: Vertical = .baseline, rotation: Double = 0, bold: Bool = false
    ) {
      self.markup = markup
      self.position = position
      self.size = size
      self.color = color
      self.horizontal = horizontal
      self.vertical = vertical
      self.rotation = rotation
      self.bold = bold
    }
  }

  public mutating func fill(_ path: Path, _ color: Color, rule: FillRule = .nonZero) {
    items.append(.fill(path, color, rule: rule))
  }
  public mutating func stroke(_ path: Path, _ stroke: Stroke) { items.append(.stroke(path, stroke)) }
  public mutating func text(_ text: Text) { items.append(.text(text)) }
}
