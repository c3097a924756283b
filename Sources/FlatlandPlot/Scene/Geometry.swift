/// A point in device space (pixels for PNG, points for PDF/SVG), y pointing down.
public struct Point: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public init(_ x: Double, _ y: Double) {
    self.x = x
    self.y = y
  }
}

/// A device-space rectangle.
public struct Rect: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public var width: Double
  public var height: Double

  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  public var maxX: Double { x + width }
  public var maxY: Double { y + height }
  public var center: Point { Point(x + width / 2, y + height / 2) }

  public func contains(_ p: Point) -> Bool { p.x >= x && p.x <= maxX && p.y >= y && p.y <= maxY }
}

/// A vector path in device space.
public struct Path: Sendable, Equatable {
  public enum Element: Sendable, Equatable {
    case move(Point)
    case line(Point)
    /// A full circle as its own sub-path (Cairo needs `new_sub_path` first, or PDFs get a stray line).
    case circle(center: Point, radius: Double)
    case close
  }

  public var elements: [Element] = []
  public init() {}

  public mutating func move(to p: Point) { elements.append(.move(p)) }
  public mutating func line(to p: Point) { elements.append(.line(p)) }
  public mutating func close() { elements.append(.close) }
  public mutating func circle(center: Point, radius: Double) {
    elements.append(.circle(center: center, radius: radius))
  }

  /// An open or closed polyline.
  public mutating func polyline(_ points: [Point], closed: Bool = false) {
    guard let first = points.first else { return }
    move(to: first)
    for p in points.dropFirst() { line(to: p) }
    if closed { close() }
  }

  public static func rectangle(_ r: Rect) -> Path {
    var p = Path()
    p.polyline([Point(r.x, r.y), Point(r.maxX, r.y), Point(r.maxX, r.maxY), Point(r.x, r.maxY)], closed: true)
    return p
  }

  public var isEmpty: Bool { elements.isEmpty }
}
