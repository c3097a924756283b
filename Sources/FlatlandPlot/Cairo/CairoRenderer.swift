import CCairo
import Flatland
import Foundation

/// The output formats, chosen by file extension.
public enum ImageFormat: String, Sendable, CaseIterable {
  case png, svg, pdf

  /// The format for `path`'s extension, or `nil` when it is not one of png, svg, pdf.
  public init?(path: String) {
    let ext = (path as NSString).pathExtension.lowercased()
    self.init(rawValue: ext)
  }
}

/// A failure inside Cairo (out of memory, a broken surface): reported, never a crash.
public enum RenderError: Error, CustomStringConvertible {
  case cairo(String)
  public var description: String { "rendering failed: \(self.message)" }
  var message: String {
    switch self {
    case .cairo(let m): return m
    }
  }
}

/// Renders a `Scene` to PNG, SVG or PDF bytes with Cairo; text through Pango.
///
/// Same scene, same bytes: PNG has no timestamp, and the PDF creation date is pinned. With a
/// provenance, each format records it: PNG text chunks, PDF metadata, an SVG `<metadata>` element.
public enum CairoRenderer {
  /// `pixelScale` is PNG pixels per scene point (`dpi / 72`); vector formats keep points.
  public static func render(
    _ scene: Scene, as format: ImageFormat, pixelScale: Double = 1, provenance: Provenance? = nil
  ) throws -> Data {
    if format == .png, pixelScale != 1 {
      return try render(scene.scaled(by: pixelScale), as: .png, provenance: provenance, dpi: 72 * pixelScale)
    }
    return try render(scene, as: format, provenance: provenance, dpi: 72)
  }

  /// `dpi`: the resolution a PNG records (`pHYs`), so viewers and LaTeX size it as intended.
  static func render(_ scene: Scene, as format: ImageFormat, provenance: Provenance?, dpi: Double) throws -> Data {
    let sink = ByteSink()
    let closure = Unmanaged.passUnretained(sink).toOpaque()
    let surface: OpaquePointer?
    switch format {
    case .png:
      surface = cairo_image_surface_create(
        CAIRO_FORMAT_ARGB32, Int32(scene.width.rounded()), Int32(scene.height.rounded()))
    case .svg:
      surface = cairo_svg_surface_create_for_stream(ByteSink.write, closure, scene.width, scene.height)
    case .pdf:
      surface = cairo_pdf_surface_create_for_stream(ByteSink.write, closure, scene.width, scene.height)
      if let surface {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
        cairo_pdf_surface_set_metadata(
          surface, CAIRO_PDF_METADATA_CREATOR, provenance.map { "Flatland \($0.version)" } ?? "Flatland")
        if let provenance {
          cairo_pdf_surface_set_metadata(
            surface, CAIRO_PDF_METADATA_KEYWORDS, "spec sha256:\(provenance.specHash); seed \(provenance.seed)")
        }
      }
    }
    guard let surface else { throw RenderError.cairo("no surface") }
    defer { cairo_surface_destroy(surface) }
    try check(cairo_surface_status(surface))
    guard let cr = cairo_create(surface) else { throw RenderError.cairo("no context") }
    defer { cairo_destroy(cr) }
    let painter = Painter(cr: cr)
    painter.paint(scene)
    try check(cairo_status(cr))
    switch format {
    case .png:
      return try PNGEncoder.encode(surface: surface, text: provenance.map(pngText) ?? [], dpi: dpi)
    case .svg, .pdf:
      cairo_surface_finish(surface)
      try check(cairo_surface_status(surface))
    }
    if format == .svg, let provenance { return withMetadata(sink.data, provenance) }
    return sink.data
  }

  /// PNG `tEXt` chunks (ASCII keywords and values).
  static func pngText(_ p: Provenance) -> [(String, String)] {
    [("Software", "Flatland \(p.version)"), ("Flatland spec", "sha256:\(p.specHash)"), ("Flatland seed", "\(p.seed)")]
  }

  /// The SVG with a `<metadata>` element right after its opening `<svg …>` tag.
  static func withMetadata(_ svg: Data, _ p: Provenance) -> Data {
    guard let open = svg.range(of: Data("<svg".utf8)),
      let close = svg[open.upperBound...].firstIndex(of: UInt8(ascii: ">"))
    else { return svg }
    let element =
      "\n<metadata><flatland xmlns=\"https://github.com/flatland/provenance\" version=\"\(p.version)\" "
      + "spec-sha256=\"\(p.specHash)\" seed=\"\(p.seed)\"/></metadata>"
    var out = svg
    out.insert(contentsOf: Data(element.utf8), at: close + 1)
    return out
  }

  static func check(_ status: cairo_status_t) throws {
    guard status == CAIRO_STATUS_SUCCESS else {
      throw RenderError.cairo(String(cString: cairo_status_to_string(status)))
    }
  }
}

/// Draws scene items on one Cairo context (confined to the calling task).
struct Painter {
  let cr: OpaquePointer

  func paint(_ scene: Scene) {
    set(scene.background)
    cairo_paint(cr)
    for item in scene.items { draw(item) }
  }

  func draw(_ item: Scene.Item) {
    switch item {
    case .fill(let path, let color, let rule):
      add(path)
      cairo_set_fill_rule(cr, rule == .evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
      set(color)
      cairo_fill(cr)
    case .stroke(let path, let stroke):
      add(path)
      set(stroke.color)
      cairo_set_line_width(cr, stroke.width)
      switch stroke.joins {
      case .round:
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
      case .miter:
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
      case .bevel:
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
      }
      stroke.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
      cairo_stroke(cr)
    case .text(let text):
      TextEngine.draw(text, on: cr)
    case .image(let pixels, let rect, let smooth):
      drawImage(pixels, in: rect, smooth: smooth)
    case .clipped(let rect, let items):
      cairo_save(cr)
      cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
      cairo_clip(cr)
      for inner in items { draw(inner) }
      cairo_restore(cr)
    }
  }

  func set(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }

  func drawImage(_ pixels: Scene.Pixels, in rect: Rect, smooth: Bool) {
    guard rect.width > 0, rect.height > 0, rect.x.isFinite, rect.y.isFinite, rect.width.isFinite,
      rect.height.isFinite, pixels.width > 0, pixels.height > 0
    else { return }
    // A surface that owns its memory: PDF and SVG surfaces may read the image after this call.
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixels.width), Int32(pixels.height)),
      cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface)
    else { return }
    defer { cairo_surface_destroy(surface) }
    cairo_surface_flush(surface)
    let stride = Int(cairo_image_surface_get_stride(surface))
    let bytes = data
    for y in 0..<pixels.height {
      for x in 0..<pixels.width {
        let c = pixels.colors[y * pixels.width + x]
        let o = y * stride + 4 * x
        // CAIRO_FORMAT_RGB24 is a native-endian 32-bit word 0x00RRGGBB: B, G, R, unused on little-endian.
        bytes[o] = UInt8((c.blue * 255).rounded())
        bytes[o + 1] = UInt8((c.green * 255).rounded())
        bytes[o + 2] = UInt8((c.red * 255).rounded())
      }
    }
    cairo_surface_mark_dirty(surface)
    do {
      cairo_save(cr)
      cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
      cairo_clip(cr)
      cairo_translate(cr, rect.x, rect.y)
      cairo_scale(cr, rect.width / Double(pixels.width), rect.height / Double(pixels.height))
      cairo_set_source_surface(cr, surface, 0, 0)
      let pattern = cairo_get_source(cr)
      cairo_pattern_set_filter(pattern, smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
      cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
      cairo_paint(cr)
      cairo_restore(cr)
    }
  }

  /// The path, without points that are not finite (Cairo would flag the whole context): a
  /// segment through a non-finite point is broken there.
  func add(_ path: Path) {
    cairo_new_path(cr)
    var broken = false
    for element in path.elements {
      switch element {
      case .move(let p):
        guard p.x.isFinite, p.y.isFinite else {
          broken = true
          continue
        }
        cairo_move_to(cr, p.x, p.y)
        broken = false
      case .line(let p):
        guard p.x.isFinite, p.y.isFinite else {
          broken = true
          continue
        }
        if broken { cairo_move_to(cr, p.x, p.y) } else { cairo_line_to(cr, p.x, p.y) }
        broken = false
      case .circle(let c, let r):
        guard c.x.isFinite, c.y.isFinite, r.isFinite, r >= 0 else { continue }
        cairo_new_sub_path(cr)
        cairo_arc(cr, c.x, c.y, r, 0, 2 * Double.pi)
        cairo_close_path(cr)
      case .close: cairo_close_path(cr)
      }
    }
  }
}
