import CCairo
import Foundation

/// Collects the bytes Cairo streams out (PNG, SVG, PDF) so the file can be written atomically.
final class ByteSink {
  var data = Data()

  /// The C callback: `closure` is an unretained `ByteSink`.
  static let write: cairo_write_func_t = { closure, bytes, length in
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.data.append(bytes, count: Int(length))
    return CAIRO_STATUS_SUCCESS
  }
}
