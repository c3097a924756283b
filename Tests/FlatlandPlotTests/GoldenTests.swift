import Flatland
import Foundation
import Testing

@testable import FlatlandPlot

/// One golden image per figure kind, drawn from results built by hand (`Fixture`), compared by
/// pixels: at most 1.5% of pixels may differ by more than 40/255 in some channel (font
/// rasterisation and antialiasing vary across machines; a moved line, band, label or legend
/// changes far more). Re-record with `make golden`, never silently.
@Suite struct GoldenTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static let small = FigureStyle.standard.resized(width: 640, height: 480)

  static func kinds() -> [String: () -> (Scene, Double)] {
    let info = Fixture.bowlInfo()
    let bowl = Fixture.bowl(1, 10)
    return [
      "routes-panels": {
        var figure = RoutesFigure(
          landscape: info, field: Fixture.field(info.window, 120, bowl.value), trajectories: Fixture.quadraticRoutes())
        figure.style = FigureStyle.standard.resized(width: 800, height: 480)
        figure.panels = .perMethod(columns: 2)
        figure.contourLabels = true
        figure.trail = .fading
        return (figure.scene(), 1)
      },
      "routes-paper": {
        var figure = RoutesFigure(
          landscape: info, field: Fixture.field(info.window, 120, bowl.value),
          trajectories: Fixture.quadraticRoutes(steps: 300))
        figure.style = .paper
        figure.colormap = .cividis
        return (figure.scene(), 2)
      },
      "curves": {
        var figure = CurvesFigure(landscape: info, statistics: Fixture.curves())
        figure.style = small
        return (figure.scene(), 1)
      },
      "heatmap-sharpness": {
        let map = GridMap(box: info.window, nx: 48, ny: 48) { w in
          0.01 * (1 + 10 * w.y * w.y) + 0.02 * abs(sin(2 * w.x))
        }
        var figure = HeatmapFigure(
          landscape: info, field: Fixture.field(info.window, 80, bowl.value),
          content: .continuous(map, label: "<i>S</i><sub>ρ</sub>", signed: false, logarithmic: false))
        figure.style = small
        return (figure.scene(), 1)
      },
      "heatmap-basins": {
        let panels: [(title: String, content: HeatmapFigure.Content)] = [
          ("SGD", .basins(Fixture.basins(.sgd(learningRate: 0.005)))),
          ("SAM", .basins(Fixture.basins(.sam(learningRate: 0.005, rho: 0.5), shift: 4))),
        ]
        var figure = HeatmapFigure(landscape: Fixture.twoMinima, field: nil, panels: panels)
        figure.style = FigureStyle.standard.resized(width: 800, height: 420)
        return (figure.scene(), 1)
      },
      "slice": {
        var figure = SliceFigure(
          landscape: Fixture.sliceInfo, profile: Fixture.slice())
        figure.style = small
        return (figure.scene(), 1)
      },
      "schematic": {
        var figure = SchematicFigure(landscape: info, geometry: Fixture.samStep())
        figure.style = FigureStyle.slide.resized(width: 960, height: 540)
        return (figure.scene(), 1)
      },
    ]
  }

  @Test(arguments: [
    "routes-panels", "routes-paper", "curves", "heatmap-sharpness", "heatmap-basins", "slice", "schematic",
  ])
  func golden(_ kind: String) throws {
    let make = try #require(Self.kinds()[kind], "no golden kind \(kind)")
    let (scene, scale) = make()
    let png = try CairoRenderer.render(scene, as: .png, pixelScale: scale)
    let url = Self.directory.appendingPathComponent("\(kind).png")
    if ProcessInfo.processInfo.environment["FLATLAND_RECORD_GOLDEN"] == "1" {
      try png.write(to: url)
      return
    }
    let expected = try RasterImage(png: Data(contentsOf: url))
    let actual = try RasterImage(png: png)
    #expect(actual.width == expected.width && actual.height == expected.height)
    let differing = actual.fractionDiffering(from: expected, threshold: 40)
    if differing >= 0.015 { try? png.write(to: URL(fileURLWithPath: NSTemporaryDirectory() + "golden-\(kind).png")) }
    #expect(differing < 0.015, "\(differing * 100)% of pixels differ from Golden/\(kind).png")
  }
}
