import ArgumentParser
import Flatland
import FlatlandPlot

/// How the figure looks and where it goes, shared by every figure command.
struct FigureOptions: ParsableArguments {
  @Option(name: [.short, .customLong("output")], parsing: .unconditional, help: "Figure file: .png, .svg or .pdf.")
  var output: String

  @Option(
    parsing: .unconditional,
    help: "Size preset: default (1200×900), paper (3.5 in), paper-wide (7 in), slide (1920×1080), poster.")
  var preset = "default"

  @Option(parsing: .unconditional, help: "Figure size WIDTHxHEIGHT in points (pixels at 72 dpi); scales the preset.")
  var size: String?

  @Option(parsing: .unconditional, help: "PNG resolution in dots per inch (default: the preset's).")
  var dpi: String?

  @Option(parsing: .unconditional, help: "Grid resolution for contours and maps (nodes per axis).")
  var grid: String?

  @Option(
    parsing: .unconditional, help: "Colormap: viridis, magma, inferno, plasma, cividis, coolwarm; add _r to reverse.")
  var colormap: String?

  @Option(
    parsing: .unconditional,
    help: "Title in the label syntax: text with $math$ such as $\\rho = 0.1$ (default: landscape and formula).")
  var title: String?

  @Option(parsing: .unconditional, help: "x-axis label in the label syntax, e.g. '$w_1$' (default: the figure's own).")
  var xlabel: String?

  @Option(parsing: .unconditional, help: "y-axis label in the label syntax, e.g. '$w_2$' (default: the figure's own).")
  var ylabel: String?

  @Flag(help: "With several panels, label the axes of every panel (default: only the outer ones).")
  var independentAxes = false

  /// The style with size and dpi applied.
  func style(default preset: FigureStyle? = nil) throws -> FigureStyle {
    var style = preset != nil && self.preset == "default" ? preset! : try FigureStyle.named(self.preset)
    if let size {
      let (w, h) = try Parse.size(size)
      style = style.resized(width: w, height: h)
    }
    if let dpi {
      style.dpi = Double(try Parse.whole(dpi, flag: "--dpi", in: 18...2400))
    }
    return style
  }

  func gridNodes(default value: Int) throws -> Int {
    try grid.map { try Parse.whole($0, flag: "--grid", in: 20...4000) } ?? value
  }

  func chosenColormap() throws -> Colormap? { try colormap.map { try Colormap.named($0) } }

  func titleMarkup() throws -> String? { try Self.label(title, flag: "--title") }

  /// The axis labels with `--xlabel` / `--ylabel` applied.
  func axisLabels() throws -> AxisLabels {
    var labels = AxisLabels()
    if let x = try Self.label(xlabel, flag: "--xlabel") { labels.x = x }
    if let y = try Self.label(ylabel, flag: "--ylabel") { labels.y = y }
    return labels
  }

  /// Optional text in the label syntax as markup; a malformed label names the flag and the column.
  static func label(_ text: String?, flag: String) throws -> String? {
    guard let text else { return nil }
    do {
      return try MathText.markupOrEscaped(text)
    } catch {
      throw FlatlandError.invalidValue(what: flag, text: text, expected: "text with $math$: \(error)")
    }
  }

  /// Checks the output path and format before any work.
  func checkOutput(besides others: [String] = []) throws {
    try AtomicFile.checkWritable(output)
    guard ImageFormat(path: output) != nil else {
      throw OutputError.cannotWrite(path: output, reason: "unsupported extension; use .png, .svg or .pdf")
    }
    for other in others where other == output {
      throw FlatlandError.invalidValue(what: "--data", text: other, expected: "a file other than the figure")
    }
  }

  func write(_ scene: Scene, style: FigureStyle) throws {
    try FigureFile.write(scene, to: output, pixelScale: style.pixelScale)
  }
}

/// Runs a command body and turns every known failure into one line on stderr and a non-zero exit.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as FlatlandError {
    throw CLIError(error.description)
  } catch let error as OutputError {
    throw CLIError(error.description)
  } catch let error as RenderError {
    throw CLIError(error.description)
  }
}
