/// A scene magnified by a factor: every coordinate, width, dash, radius and type size.
///
/// PNGs at more than 72 dpi are rendered from a magnified scene rather than through a scaled Cairo
/// context: Pango sizes sub- and superscripts in device units, so under `cairo_scale` they would come
/// out several times too large.
extension Scene {
  public func scaled(by s: Double) -> Scene {
    guard s != 1 else { return self }
    var out = Scene(width: width * s, height: height * s, background: background)
    out.items = items.map { $0.scaled(by: s) }
    return out
  }
}

extension Scene.Item {
  func scaled(by s: Double) -> Scene.Item {
    switch self {
    case .fill(let path, let color, let rule): return .fill(path.scaled(by: s), color, rule: rule)
    case .stroke(let path, var stroke):
      stroke.width *= s
      stroke.dash = stroke.dash.map { $0 * s }
      return .stroke(path.scaled(by: s), stroke)
    case .text(var text):
      text.position = Point(text.position.x * s, text.position.y * s)
      text.size *= s
      return .text(text)
    case .clipped(let rect, let items): return .clipped(rect.scaled(by: s), items.map { $0.scaled(by: s) })
    case .image(let pixels, let rect, let smooth): return .image(pixels, rect.scaled(by: s), smooth: smooth)
    }
  }
}

extension Path {
  func scaled(by s: Double) -> Path {
    var out = Path()
    out.elements = elements.map { element in
      switch element {
      case .move(let p): return .move(Point(p.x * s, p.y * s))
      case .line(let p): return .line(Point(p.x * s, p.y * s))
      case .circle(let c, let r): return .circle(center: Point(c.x * s, c.y * s), radius: r * s)
      case .close: return .close
      }
    }
    return out
  }
}

extension Rect {
  func scaled(by s: Double) -> Rect { Rect(x: x * s, y: y * s, width: width * s, height: height * s) }
}
