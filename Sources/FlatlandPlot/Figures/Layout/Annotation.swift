/// A label placed away from the point it names, joined to it by a thin leader line, on a white
/// backing so it reads over contour bands.
struct Annotation {
  var point: Point
  /// Pango markup.
  var text: String
  /// Where the label's centre goes, relative to the point.
  var offset: (dx: Double, dy: Double)
  var color: Color = .ink

  func draw(style: FigureStyle, measurer: TextMeasurer, into items: inout [Scene.Item]) {
    let size = style.fonts.legend
    let extent = measurer.size(of: text, size: size)
    let centre = Point(point.x + offset.dx, point.y + offset.dy)
    let box = Rect(
      x: centre.x - extent.width / 2 - 4 * style.fontScale, y: centre.y - extent.height / 2 - 2 * style.fontScale,
      width: extent.width + 8 * style.fontScale, height: extent.height + 4 * style.fontScale)
    if (offset.dx * offset.dx + offset.dy * offset.dy).squareRoot() > 0.75 * max(extent.width, extent.height) {
      // The leader runs from the point to the nearest edge of the label's box.
      let edge = Point(min(max(point.x, box.x), box.maxX), min(max(point.y, box.y), box.maxY))
      var leader = Path()
      leader.polyline([point, edge])
      items.append(.stroke(leader, .init(color: color.withAlpha(0.8), width: 0.9 * style.lineScale)))
    }
    items.append(.fill(Path.rectangle(box), Color.white.withAlpha(0.82), rule: .nonZero))
    items.append(.text(.init(text, at: centre, size: size, color: color, horizontal: .center, vertical: .middle)))
  }
}
