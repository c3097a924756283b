import CCairo
import Dispatch
import Foundation

/// Encodes a Cairo image surface as PNG with zlib directly.
///
/// Cairo's own writer goes through libpng with adaptive filtering, which was a third of the time
/// of the canonical figure. Figures are mostly flat colour bands, for which the fixed "Sub" filter
/// compresses about as well at a fraction of the cost. Opaque images (every figure with a solid
/// background) are written as 8-bit RGB, others as RGBA with alpha un-premultiplied. No timestamp
/// or other varying chunk is written, so the same pixels give the same bytes.
enum PNGEncoder {
  /// `text`: keyword/value pairs written as `tEXt` chunks before the image data.
  /// `dpi`: written as a `pHYs` chunk (pixels per metre), so a 300 dpi figure is not read as 72.
  static func encode(surface: OpaquePointer, text: [(String, String)] = [], dpi: Double = 72) throws -> Data {
    cairo_surface_flush(surface)
    let width = Int(cairo_image_surface_get_width(surface))
    let height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    guard width > 0, height > 0, let base = cairo_image_surface_get_data(surface) else {
      throw RenderError.cairo("empty image surface")
    }
    func row(_ y: Int) -> UnsafePointer<UInt32> {
      UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
    }
    var opaque = true
    for y in 0..<height where opaque {
      let r = row(y)
      for x in 0..<width where r[x] >> 24 != 0xFF {
        opaque = false
        break
      }
    }
    let channels = opaque ? 3 : 4
    let rowBytes = 1 + width * channels
    var raw = [UInt8](repeating: 0, count: rowBytes * height)
    raw.withUnsafeMutableBufferPointer { out in
      for y in 0..<height {
        let r = row(y)
        let start = y * rowBytes
        out[start] = 1  // filter type Sub: each byte minus the byte one pixel to the left
        var previous: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        for x in 0..<width {
          let argb = r[x]
          let a = UInt8(argb >> 24)
          var (red, green, blue) = (UInt8((argb >> 16) & 0xFF), UInt8((argb >> 8) & 0xFF), UInt8(argb & 0xFF))
          if !opaque && a != 0xFF {
            let alpha = UInt32(a)
            (red, green, blue) = (
              unpremultiplied(UInt32(red), alpha: alpha), unpremultiplied(UInt32(green), alpha: alpha),
              unpremultiplied(UInt32(blue), alpha: alpha)
            )
          }
          let o = start + 1 + x * channels
          out[o] = red &- previous.0
          out[o + 1] = green &- previous.1
          out[o + 2] = blue &- previous.2
          if !opaque { out[o + 3] = a &- previous.3 }
          previous = (red, green, blue, a)
        }
      }
    }
    let compressed = try zlibStream(raw, rowBytes: rowBytes)

    var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    var header = Data()
    header.appendBigEndian(UInt32(width))
    header.appendBigEndian(UInt32(height))
    header.append(contentsOf: [8, opaque ? 2 : 6, 0, 0, 0])  // depth 8, RGB or RGBA, deflate, no interlace
    png.appendChunk("IHDR", header)
    var physical = Data()
    let perMetre = UInt32((dpi / 0.0254).rounded())
    physical.appendBigEndian(perMetre)
    physical.appendBigEndian(perMetre)
    physical.append(1)  // the unit is the metre
    png.appendChunk("pHYs", physical)
    for (keyword, value) in text {
      png.appendChunk("tEXt", Data(keyword.utf8) + Data([0]) + Data(value.utf8))
    }
    png.appendChunk("IDAT", compressed)
    png.appendChunk("IEND", Data())
    return png
  }
}

extension PNGEncoder {
  /// One zlib stream made of independently compressed pieces, one per core (the pigz technique):
  /// every piece but the last ends with a sync flush, which byte-aligns it, so the raw deflate
  /// pieces concatenate into one valid stream; the Adler-32 covers the whole input. Level 3: flat
  /// colour bands compress nearly as well as at the default level, at half the time.
  static func zlibStream(_ raw: [UInt8], rowBytes: Int) throws -> Data {
    let rows = raw.count / rowBytes
    let pieces = max(1, min(ProcessInfo.processInfo.activeProcessorCount, rows / 64))
    let results = IndexedResults<Data?>(count: pieces)
    raw.withUnsafeBufferPointer { input in
      let source = UncheckedSendable(input)
      DispatchQueue.concurrentPerform(iterations: pieces) { k in
        let first = rows * k / pieces * rowBytes
        let last = rows * (k + 1) / pieces * rowBytes
        results.set(k, deflatePiece(source.value, first..<last, final: k == pieces - 1))
      }
    }
    var out = Data([0x78, 0x5E])  // zlib header: deflate, 32 KiB window, "fast" level hint
    for piece in results.values() {
      guard let piece = piece ?? nil else { throw RenderError.cairo("zlib compression failed") }
      out.append(piece)
    }
    let adler = raw.withUnsafeBufferPointer { adler32(1, $0.baseAddress, uInt($0.count)) }
    out.append(contentsOf: [
      UInt8(adler >> 24 & 0xFF), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF),
    ])
    return out
  }

  /// Raw deflate (no zlib header) of `range`; sync-flushed unless it is the final piece.
  static func deflatePiece(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, final: Bool) -> Data? {
    var stream = z_stream()
    guard
      deflateInit2_(
        &stream, 3, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { return nil }
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(range.count))) + 64)
    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + range.lowerBound)
    stream.avail_in = uInt(range.count)
    let status = output.withUnsafeMutableBufferPointer { out -> Int32 in
      stream.next_out = out.baseAddress
      stream.avail_out = uInt(out.count)
      return deflate(&stream, final ? Z_FINISH : Z_SYNC_FLUSH)
    }
    guard status == (final ? Z_STREAM_END : Z_OK), stream.avail_in == 0 else { return nil }
    return Data(output[0..<Int(stream.total_out)])
  }
}

extension Data {
  fileprivate mutating func appendBigEndian(_ v: UInt32) {
    append(contentsOf: [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
  }

  /// A PNG chunk: length, type, data, CRC-32 over type and data.
  fileprivate mutating func appendChunk(_ type: String, _ data: Data) {
    appendBigEndian(UInt32(data.count))
    let typed = Data(type.utf8) + data
    append(typed)
    let crc = typed.withUnsafeBytes { crc32(0, $0.bindMemory(to: UInt8.self).baseAddress, uInt($0.count)) }
    appendBigEndian(UInt32(crc))
  }
}
