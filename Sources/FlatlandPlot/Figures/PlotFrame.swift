import Flatland

/// Maps a data window onto a device rectangle (y up in data, down on the page).
public struct PlotFrame: Sendable {
  public var window: Box
  public var rect: Rect

  public func point(_ w: Vec2) -> Point {
    Point(
      rect.x + (w.x - window.xmin) / window.width * rect.width,
      rect.maxY - (w.y - window.ymin) / window.height * rect.height)
  }

  /// Device-space points of a data polyline, dropping vertices closer than `tolerance` to the last
  /// kept one (a grid finer than the pixels adds nothing but bytes to SVG and PDF).
  public func points(_ ws: [Vec2], tolerance: Double = 0.5) -> [Point] {
    var out: [Point] = []
    out.reserveCapacity(ws.count)
    for (k, w) in ws.enumerated() {
      let p = point(w)
      if let last = out.last, k != ws.count - 1, abs(p.x - last.x) < tolerance, abs(p.y - last.y) < tolerance {
        continue
      }
      out.append(p)
    }
    return out
  }
}
