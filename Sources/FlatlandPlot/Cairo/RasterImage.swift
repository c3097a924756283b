import CCairo
import Foundation

/// A decoded PNG as 8-bit RGBA pixels: for golden-image tests and pixel checks of rendered figures.
public struct RasterImage: Sendable {
  public let width: Int
  public let height: Int
  /// Row-major `(r, g, b, a)` bytes, straight (not premultiplied) alpha.
  public let rgba: [UInt8]

  /// Decodes PNG bytes (through Cairo, which Flatland links anyway).
  public init(png: Data) throws {
    final class Reader {
      let data: Data
      var offset = 0
      init(_ data: Data) { self.data = data }
    }
    let reader = Reader(png)
    let read: cairo_read_func_t = { closure, buffer, length in
      guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
      let r = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
      let n = Int(length)
      guard r.offset + n <= r.data.count else { return CAIRO_STATUS_READ_ERROR }
      r.data.copyBytes(to: buffer, from: r.offset..<(r.offset + n))
      r.offset += n
      return CAIRO_STATUS_SUCCESS
    }
    let surface = withExtendedLifetime(reader) {
      cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(reader).toOpaque())
    }
    guard let surface else { throw RenderError.cairo("cannot decode PNG") }
    defer { cairo_surface_destroy(surface) }
    try CairoRenderer.check(cairo_surface_status(surface))
    cairo_surface_flush(surface)
    let converted = cairo_image_surface_create(
      CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface))!
    defer { cairo_surface_destroy(converted) }
    let cr = cairo_create(converted)!
    cairo_set_source_surface(cr, surface, 0, 0)
    cairo_paint(cr)
    cairo_destroy(cr)
    cairo_surface_flush(converted)
    width = Int(cairo_image_surface_get_width(converted))
    height = Int(cairo_image_surface_get_height(converted))
    let stride = Int(cairo_image_surface_get_stride(converted))
    let base = cairo_image_surface_get_data(converted)!
    var out = [UInt8](repeating: 0, count: width * height * 4)
    for y in 0..<height {
      let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
      for x in 0..<width {
        let argb = row[x]  // native-endian premultiplied ARGB32
        let a = argb >> 24
        let i = (y * width + x) * 4
        out[i] = unpremultiplied((argb >> 16) & 0xFF, alpha: a)
        out[i + 1] = unpremultiplied((argb >> 8) & 0xFF, alpha: a)
        out[i + 2] = unpremultiplied(argb & 0xFF, alpha: a)
        out[i + 3] = UInt8(a)
      }
    }
    rgba = out
  }

  /// The pixel at `(x, y)`.
  public func pixel(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
    let i = (y * width + x) * 4
    return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3])
  }

  /// The fraction of pixels whose largest channel difference exceeds `threshold` (0–255).
  /// Sizes must match; a different size counts as every pixel differing.
  public func fractionDiffering(from other: RasterImage, threshold: Int) -> Double {
    guard width == other.width, height == other.height else { return 1 }
    var differing = 0
    for p in 0..<(width * height) {
      var worst = 0
      for c in 0..<4 { worst = max(worst, abs(Int(rgba[p * 4 + c]) - Int(other.rgba[p * 4 + c]))) }
      if worst > threshold { differing += 1 }
    }
    return Double(differing) / Double(width * height)
  }
}
