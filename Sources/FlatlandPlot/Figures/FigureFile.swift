import Flatland
import Foundation

/// Renders a scene in the format named by the file's extension and writes it atomically.
public enum FigureFile {
  /// `pixelScale` (PNG pixels per point, `dpi / 72`) applies to PNG only.
  public static func write(_ scene: Scene, to path: String, pixelScale: Double = 1, provenance: Provenance? = nil)
    throws
  {
    guard let format = ImageFormat(path: path) else {
      throw OutputError.cannotWrite(path: path, reason: "unsupported extension; use .png, .svg or .pdf")
    }
    let data = try CairoRenderer.render(scene, as: format, pixelScale: pixelScale, provenance: provenance)
    try AtomicFile.write(data, to: URL(fileURLWithPath: path))
  }
}
