/// A landscape shown through another plot window: the same formula, with `info.window` replaced
/// (and the domain widened to hold it), as `window = [xmin, xmax, ymin, ymax]` asks for.
///
/// The window also scales the run's tolerances (divergence at 100 window diagonals, convergence
/// at 10⁻⁶ of one), so a window is part of what an experiment is, not only of how it looks.
public struct Windowed<Base: Landscape>: Landscape {
  public let base: Base
  public let info: LandscapeInfo

  public init(_ base: Base, window: Box) {
    self.base = base
    var info = base.info
    info.window = window
    info.domain = Box(
      x: Swift.min(info.domain.xmin, window.xmin)...Swift.max(info.domain.xmax, window.xmax),
      y: Swift.min(info.domain.ymin, window.ymin)...Swift.max(info.domain.ymax, window.ymax))
    self.info = info
  }

  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T { base.evaluate(x, y) }

  public func sampleRow(y: Double, x0: Double, dx: Double, into out: UnsafeMutableBufferPointer<Double>) {
    base.sampleRow(y: y, x0: x0, dx: dx, into: out)
  }
}

extension Landscape {
  /// This landscape through `window` (itself when the window is already its own).
  public func windowed(_ window: Box) -> any Landscape {
    info.window == window ? self : Windowed(self, window: window)
  }
}
