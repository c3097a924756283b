/// A legend: entries with a swatch and lines of text, set in a column beside the plot or in a grid
/// of columns under it.
struct Legend {
  /// What the swatch of an entry shows.
  enum Swatch {
    /// A route: halo, line, start circle and end diamond.
    case route(Color)
    /// A plain line (loss curves, 1D plots), optionally dashed, with an optional band behind it.
    case line(Color, dash: [Double], band: Bool)
    /// A filled square (basin categories).
    case patch(Color)
    /// The known-minimum star.
    case star
    /// No swatch (notes, footnotes).
    case none
  }

  struct Entry {
    var swatch: Swatch
    /// First line bold-ish (legend size), the rest small print.
    var title: String
    var details: [String] = []
    /// Grey details (outcomes) versus black (hyperparameters): how many of `details` are black.
    var blackDetails = 0
  }

  var entries: [Entry]
  var style: FigureStyle
  var measurer: TextMeasurer

  var unit: Double { style.fontScale }
  var indent: Double { 52 * unit }

  func size(of entry: Entry, fonts: FigureStyle.Fonts) -> (width: Double, height: Double) {
    let indent: Double = { if case .none = entry.swatch { return 0 } else { return self.indent } }()
    var width = indent + measurer.size(of: entry.title, size: fonts.legend).width
    var height = measurer.size(of: entry.title, size: fonts.legend).height
    for d in entry.details {
      let s = measurer.size(of: d, size: fonts.small)
      width = max(width, indent + s.width)
      height += s.height + 2 * unit
    }
    return (width, height + 8 * unit)
  }

  /// The legend's natural width as one column.
  var columnWidth: Double { entries.map { size(of: $0, fonts: style.fonts).width }.max() ?? 0 }

  /// Height when set in `columns` columns (entries fill rows left to right).
  func height(columns: Int) -> Double {
    let fonts = style.fonts
    let heights = entries.map { size(of: $0, fonts: fonts).height }
    var total = 0.0
    var row = 0
    while row * columns < heights.count {
      total += heights[(row * columns)..<min(heights.count, (row + 1) * columns)].max() ?? 0
      row += 1
    }
    return total
  }

  func draw(at origin: Point, columns: Int = 1, columnWidth: Double = 0, into scene: inout Scene) {
    let fonts = style.fonts
    var y = origin.y
    var rowHeight = 0.0
    for (k, entry) in entries.enumerated() {
      let column = k % columns
      if column == 0, k > 0 {
        y += rowHeight
        rowHeight = 0
      }
      let x = origin.x + Double(column) * columnWidth
      rowHeight = max(rowHeight, size(of: entry, fonts: fonts).height)
      drawEntry(entry, at: Point(x, y + 6 * unit), fonts: fonts, into: &scene)
    }
  }

  private func drawEntry(_ entry: Entry, at origin: Point, fonts: FigureStyle.Fonts, into scene: inout Scene) {
    let h = measurer.size(of: entry.title, size: fonts.legend).height
    let midY = origin.y + h / 2
    let s = style.lineScale
    var indent = self.indent
    switch entry.swatch {
    case .route(let color):
      var sample = Path()
      sample.polyline([Point(origin.x + 4 * unit, midY), Point(origin.x + 40 * unit, midY)])
      scene.stroke(sample, .init(color: .white.withAlpha(0.9), width: 6 * s))
      scene.stroke(sample, .init(color: color, width: 3 * s))
      var start = Path()
      start.circle(center: Point(origin.x + 6 * unit, midY), radius: 5 * s)
      scene.fill(start, .white)
      scene.stroke(start, .init(color: color, width: 2.2 * s))
      scene.fill(Marks.diamond(at: Point(origin.x + 38 * unit, midY), radius: 6 * s), color)
    case .line(let color, let dash, let band):
      if band {
        scene.fill(
          Path.rectangle(Rect(x: origin.x + 4 * unit, y: midY - 6 * unit, width: 36 * unit, height: 12 * unit)),
          color.withAlpha(0.22))
      }
      var sample = Path()
      sample.polyline([Point(origin.x + 4 * unit, midY), Point(origin.x + 40 * unit, midY)])
      scene.stroke(sample, .init(color: color, width: 2.6 * s, dash: dash.map { $0 * s }))
    case .patch(let color):
      let r = Rect(x: origin.x + 12 * unit, y: midY - 8 * unit, width: 20 * unit, height: 16 * unit)
      scene.fill(Path.rectangle(r), color)
      scene.stroke(Path.rectangle(r), .init(color: .ink, width: 0.8 * s, joins: .miter))
    case .star:
      let c = Point(origin.x + 22 * unit, midY)
      scene.fill(Marks.star(at: c, radius: 9 * s), .white)
      scene.stroke(Marks.star(at: c, radius: 9 * s), .init(color: .ink, width: 1.3 * s))
    case .none:
      indent = 0
    }
    scene.text(.init(entry.title, at: Point(origin.x + indent, origin.y), size: fonts.legend, vertical: .top))
    var y = origin.y + h + 2 * unit
    for (i, detail) in entry.details.enumerated() {
      let color: Color = i < entry.blackDetails ? .ink : Color(hex: 0x555555)
      scene.text(.init(detail, at: Point(origin.x + indent, y), size: fonts.small, color: color, vertical: .top))
      y += measurer.size(of: detail, size: fonts.small).height + 2 * unit
    }
  }
}
