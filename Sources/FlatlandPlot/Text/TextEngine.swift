import CCairo
import Foundation

/// Text through Pango: markup (`<i>`, `<sub>`, `<sup>`, `<b>`), real fonts (DejaVu Sans), and
/// measurement for layout. Invalid markup falls back to the literal text, never to nothing.
enum TextEngine {
  static let family = "DejaVu Sans"

  /// Width, height and baseline offset of a text's logical box.
  struct Extents {
    var width: Double
    var height: Double
    var baseline: Double
  }

  /// Whether Pango accepts `markup` (invalid markup would be drawn as literal text).
  static func isValidMarkup(_ markup: String) -> Bool {
    pango_parse_markup(markup, -1, 0, nil, nil, nil, nil) != 0
  }

  /// A Pango layout for `text` on `cr`, with hint metrics off so that measured and drawn extents
  /// agree between PNG, SVG and PDF surfaces. Caller releases it with `g_object_unref`.
  static func layout(_ markup: String, size: Double, bold: Bool, on cr: OpaquePointer) -> OpaquePointer {
    let layout = pango_cairo_create_layout(cr)!
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    pango_cairo_context_set_font_options(pango_layout_get_context(layout), options)
    cairo_font_options_destroy(options)
    // Unrounded glyph positions: the same layout at any size and resolution (Pango otherwise rounds
    // each glyph to whole device units, which shifts 7 pt paper text and makes a 300 dpi PNG differ
    // from the PDF it should match).
    pango_context_set_round_glyph_positions(pango_layout_get_context(layout), 0)
    pango_layout_context_changed(layout)
    let description = pango_font_description_from_string(family)
    pango_font_description_set_absolute_size(description, size * Double(PANGO_SCALE))
    if bold { pango_font_description_set_weight(description, PANGO_WEIGHT_BOLD) }
    pango_layout_set_font_description(layout, description)
    pango_font_description_free(description)
    if pango_parse_markup(markup, -1, 0, nil, nil, nil, nil) != 0 {
      pango_layout_set_markup(layout, markup, -1)
    } else {
      pango_layout_set_text(layout, markup, -1)
    }
    return layout
  }

  static func extents(of layout: OpaquePointer) -> Extents {
    var logical = PangoRectangle()
    pango_layout_get_extents(layout, nil, &logical)
    let scale = Double(PANGO_SCALE)
    return Extents(
      width: Double(logical.width) / scale, height: Double(logical.height) / scale,
      baseline: Double(pango_layout_get_baseline(layout)) / scale)
  }

  static func draw(_ text: Scene.Text, on cr: OpaquePointer) {
    // A label at a non-finite position (a degenerate axis) is left out rather than breaking the
    // context's matrix for everything drawn after it.
    guard text.position.x.isFinite, text.position.y.isFinite, text.rotation.isFinite, text.size.isFinite,
      text.size > 0
    else { return }
    let layout = layout(text.markup, size: text.size, bold: text.bold, on: cr)
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    let e = extents(of: layout)
    let dx: Double
    switch text.horizontal {
    case .left: dx = 0
    case .center: dx = -e.width / 2
    case .right: dx = -e.width
    }
    let dy: Double
    switch text.vertical {
    case .top: dy = 0
    case .middle: dy = -e.height / 2
    case .baseline: dy = -e.baseline
    case .bottom: dy = -e.height
    }
    cairo_save(cr)
    cairo_translate(cr, text.position.x, text.position.y)
    cairo_rotate(cr, -text.rotation)
    cairo_move_to(cr, dx, dy)
    cairo_set_source_rgba(cr, text.color.red, text.color.green, text.color.blue, text.color.alpha)
    pango_cairo_show_layout(cr, layout)
    cairo_restore(cr)
  }
}

extension TextMeasurer {
  /// Loads the font configuration (fontconfig parses its configuration and caches on first use,
  /// 10–20 ms) on a background thread, so that it overlaps with numerical work. Pango's font map
  /// is per thread, so the warm-up thread shares nothing with the drawing thread but the
  /// process-wide font configuration, which fontconfig initialises thread-safely.
  public static func warmUpInBackground() {
    let thread = Thread {
      let measurer = TextMeasurer()
      _ = measurer.size(of: "warm-up 0.5 ρ", size: 16)
    }
    thread.start()
  }
}

/// Measures text for layout, with the same engine that draws it.
public final class TextMeasurer {
  private let surface: OpaquePointer
  private let cr: OpaquePointer

  public init() {
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
    cr = cairo_create(surface)
  }

  deinit {
    cairo_destroy(cr)
    cairo_surface_destroy(surface)
  }

  /// The logical size of `markup` at `size`.
  public func size(of markup: String, size: Double, bold: Bool = false) -> (width: Double, height: Double) {
    let layout = TextEngine.layout(markup, size: size, bold: bold, on: cr)
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    let e = TextEngine.extents(of: layout)
    return (e.width, e.height)
  }
}
