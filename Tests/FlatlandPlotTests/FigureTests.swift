import Flatland
import Foundation
import Testing

@testable import FlatlandPlot

@Suite struct FigureTests {
  /// A small, fully specified figure: SGD and SAM on x² + 10y² (640 × 480, 160² grid), from
  /// results built by hand.
  static func quadraticFigure() -> RoutesFigure {
    let info = Fixture.bowlInfo()
    let field = Fixture.field(info.window, 160, Fixture.bowl(1, 10).value)
    var figure = RoutesFigure(landscape: info, field: field, trajectories: Fixture.quadraticRoutes())
    figure.resize(width: 640, height: 480)
    return figure
  }

  static let goldenURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden/quadratic-routes.png")

  /// Compares with the committed golden image by pixels: at most 1.5% of pixels may differ by more
  /// than 40/255 in some channel (font rasterisation and antialiasing vary across machines; a moved
  /// route, band or legend changes far more). Re-record with `make golden`, never silently.
  @Test func goldenQuadraticRoutes() throws {
    let png = try CairoRenderer.render(Self.quadraticFigure().scene(), as: .png)
    if ProcessInfo.processInfo.environment["FLATLAND_RECORD_GOLDEN"] == "1" {
      try png.write(to: Self.goldenURL)
      return
    }
    let expected = try RasterImage(png: Data(contentsOf: Self.goldenURL))
    let actual = try RasterImage(png: png)
    #expect(actual.width == 640 && actual.height == 480)
    let differing = actual.fractionDiffering(from: expected, threshold: 40)
    if differing >= 0.015 { try? png.write(to: URL(fileURLWithPath: NSTemporaryDirectory() + "golden-actual.png")) }
    #expect(differing < 0.015, "\(differing * 100)% of pixels differ from Golden/quadratic-routes.png")
  }

  /// PNG is byte-stable even within one process. (SVG and PDF carry Cairo's process-wide object
  /// counters, so their byte-stability is checked across processes, in the command-line tests.)
  @Test func theSameSceneGivesTheSamePNGBytes() throws {
    let a = try CairoRenderer.render(Self.quadraticFigure().scene(), as: .png)
    let b = try CairoRenderer.render(Self.quadraticFigure().scene(), as: .png)
    #expect(a == b)
  }

  @Test func vectorFormatsAreWellFormed() throws {
    let pdf = try CairoRenderer.render(Self.quadraticFigure().scene(), as: .pdf)
    #expect(pdf.starts(with: Data("%PDF-".utf8)))
    #expect(String(decoding: pdf.suffix(16), as: UTF8.self).contains("%%EOF"))
    let svg = try CairoRenderer.render(Self.quadraticFigure().scene(), as: .svg)
    #expect(
      String(decoding: svg.prefix(100), as: UTF8.self).contains("<svg")
        || String(decoding: svg.prefix(100), as: UTF8.self).contains("<?xml"))
    #expect(String(decoding: svg.suffix(20), as: UTF8.self).contains("</svg>"))
  }

  @Test func bandsCarryTheColourOfTheirLevels() throws {
    // Sample the plot interior: the pixel at the minimum has the lowest band's colour, a pixel in
    // the top-left corner (L = 1.6² + 10·1.6² ≈ 28) one of the upper bands.
    var figure = Self.quadraticFigure()
    figure.trajectories = []
    let scene = figure.scene()
    let image = try RasterImage(png: try CairoRenderer.render(scene, as: .png))
    guard
      case .clipped(let plot, _)? = scene.items.first(where: {
        if case .clipped = $0 { return true } else { return false }
      })
    else {
      Issue.record("no plot area")
      return
    }
    let frame = ChartFrame(window: figure.field.box, rect: plot)
    let lowest = figure.levels.bandColor(1, colormap: .viridis)
    let atMinimum = frame.point(Vec2(0.3, 0))
    let pixel = image.pixel(Int(atMinimum.x), Int(atMinimum.y))
    #expect(abs(Int(pixel.r) - Int((lowest.red * 255).rounded())) <= 2)
    #expect(abs(Int(pixel.g) - Int((lowest.green * 255).rounded())) <= 2)
    #expect(abs(Int(pixel.b) - Int((lowest.blue * 255).rounded())) <= 2)
    // The middle of band 3, reached along x = −1 where L = 1 + 10y².
    let levels = figure.levels.levels
    let middle = (levels[2] + levels[3]) / 2
    let inBand = frame.point(Vec2(-1, ((middle - 1) / 10).squareRoot()))
    let band = figure.levels.bandColor(3, colormap: .viridis)
    let p = image.pixel(Int(inBand.x), Int(inBand.y))
    #expect(abs(Int(p.r) - Int((band.red * 255).rounded())) <= 2)
    #expect(abs(Int(p.g) - Int((band.green * 255).rounded())) <= 2)
    #expect(abs(Int(p.b) - Int((band.blue * 255).rounded())) <= 2)
  }

  /// SGD with η = 0.105 on x² + 10y² multiplies y by −1.1 a step: the route leaves the window.
  @Test func aDivergedRouteIsDrawnUpToItsFirstExit() {
    let info = Fixture.bowlInfo()
    var run = Fixture.route(
      .sgd(learningRate: 0.105), from: Vec2(-1.6, 1.2), lr: 0.105, steps: 60, bowl: Fixture.bowl(1, 10))
    run.outcome = .diverged(step: 60, reason: "left the window")
    let figure = RoutesFigure(
      landscape: info, field: Fixture.field(info.window, 40, Fixture.bowl(1, 10).value), trajectories: [run])
    let frame = ChartFrame(window: info.window, rect: Rect(x: 0, y: 0, width: 100, height: 100))
    let visible = figure.visiblePoints(run, frame: frame)
    let firstExit = run.points.firstIndex { !info.window.contains($0) }!
    #expect(visible.count == firstExit + 1 && visible.count < run.points.count)
    #expect(visible.dropLast().allSatisfy { info.window.contains($0) })
  }

  /// A user's label replaces the method's name in the legend, as markup.
  @Test func methodLabelsReplaceNamesInLegends() {
    var runs = Fixture.quadraticRoutes(steps: 10)
    runs[1].method.label = "SAM, <i>ρ</i> = 0.25"
    let info = Fixture.bowlInfo()
    let figure = RoutesFigure(
      landscape: info, field: Fixture.field(info.window, 40, Fixture.bowl(1, 10).value), trajectories: runs)
    let texts = figure.scene().items.compactMap { if case .text(let t) = $0 { t.markup } else { nil } }
    #expect(texts.contains { $0.contains("<b>SAM, <i>ρ</i> = 0.25</b>") })
    #expect(texts.contains { $0.contains("<b>SGD</b>") })
  }

  /// Curves draw the statistics they are given: one legend entry per series, and the band rule
  /// (smallest to largest below ten repeats) stated.
  @Test func curvesDrawTheStatisticsGiven() {
    let figure = CurvesFigure(landscape: Fixture.bowlInfo(), statistics: Fixture.curves(repeats: 4))
    let texts = figure.scene().items.compactMap { if case .text(let t) = $0 { t.markup } else { nil } }
    #expect(texts.contains { $0.contains("<b>SGD</b> · 4 repeats") })
    #expect(texts.contains { $0.contains("band: smallest to largest repeat") })
    #expect(texts.contains("gradient evaluations"))
  }

  /// A slice marks a known minimum that lies on its line, and labels the gap panel.
  @Test func slicesDrawTheProfileGiven() {
    let figure = SliceFigure(
      landscape: Fixture.sliceInfo, profile: Fixture.slice())
    let scene = figure.scene()
    let texts = scene.items.compactMap { if case .text(let t) = $0 { t.markup } else { nil } }
    #expect(texts.contains { $0.contains("the surrogate gap") })
    #expect(texts.contains("gap"))
  }
}
