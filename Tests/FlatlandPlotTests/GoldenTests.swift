import Flatland
import Foundation
import Testing

@testable import FlatlandPlot

/// One golden image per figure kind, compared by pixels: at most 1.5% of pixels may differ by more
/// than 40/255 in some channel (font rasterisation and antialiasing vary across machines; a moved
/// line, band, label or legend changes far more). Re-record with `make golden`, never silently.
@Suite struct GoldenTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static let small = FigureStyle.standard.resized(width: 640, height: 480)

  static func kinds() -> [String: () -> (Scene, Double)] {
    let bowl = Quadratic(a: 1, b: 10)
    let valleys = TwoValleys()
    let methods: [Method] = [.sgd(learningRate: 0.04), .sam(learningRate: 0.04, rho: 0.25)]
    return [
      "routes-panels": {
        let runs = RouteExperiment(landscape: bowl, methods: methods, starts: [Vec2(-1.6, 1.2)], steps: 120).run()
        var figure = RoutesFigure(
          landscape: bowl.info, field: ScalarField(sampling: bowl, over: bowl.info.window, nx: 120, ny: 120),
          trajectories: runs)
        figure.style = FigureStyle.standard.resized(width: 800, height: 480)
        figure.panels = .perMethod(columns: 2)
        figure.contourLabels = true
        figure.trail = .fading
        return (figure.scene(), 1)
      },
      "routes-paper": {
        let runs = RouteExperiment(landscape: valleys, methods: methods, starts: [Vec2(0.3, 2)], steps: 300).run()
        var figure = RoutesFigure(
          landscape: valleys.info,
          field: ScalarField(sampling: valleys, over: valleys.info.window, nx: 120, ny: 120), trajectories: runs)
        figure.style = .paper
        figure.colormap = .cividis
        return (figure.scene(), 2)
      },
      "curves": {
        let runs = RouteExperiment(
          landscape: valleys, methods: methods, starts: [Vec2(0.3, 2)], steps: 200, noise: .gaussian(0.2),
          repeats: 5
        ).run()
        var figure = CurvesFigure(landscape: valleys, trajectories: runs)
        figure.abscissa = .evaluations
        figure.style = small
        return (figure.scene(), 1)
      },
      "heatmap-sharpness": {
        let map = GridMap(box: valleys.info.window, nx: 48, ny: 48) {
          MapQuantity.sharpness.value(of: valleys, at: $0, rho: 0.1)
        }
        var figure = HeatmapFigure(
          landscape: valleys.info, field: ScalarField(sampling: valleys, over: valleys.info.window, nx: 80, ny: 80),
          content: .continuous(map, label: "<i>S</i><sub>ρ</sub>", signed: false, logarithmic: false))
        figure.style = small
        return (figure.scene(), 1)
      },
      "heatmap-basins": {
        let himmelblauMethods: [Method] = [.sgd(learningRate: 0.005), .sam(learningRate: 0.005, rho: 0.5)]
        let panels: [(title: String, content: HeatmapFigure.Content)] = himmelblauMethods.map { m in
          (
            m.displayName,
            .basins(
              BasinMap(
                method: m, landscape: Himmelblau(), box: Himmelblau().info.window, nx: 24, ny: 24, steps: 400))
          )
        }
        var figure = HeatmapFigure(landscape: Himmelblau().info, field: nil, panels: panels)
        figure.style = FigureStyle.standard.resized(width: 800, height: 420)
        return (figure.scene(), 1)
      },
      "slice": {
        var figure = SliceFigure(
          landscape: valleys, along: .x, at: 0, range: -2.5...2.5, rho: 0.1, samples: 120)
        figure.style = small
        return (figure.scene(), 1)
      },
      "schematic": {
        var figure = SchematicFigure(
          landscape: valleys, at: Vec2(0.45, 0.6), method: .vsam(learningRate: 0.03, rho: 0.25, sigma: Vec2(0.4, 1)),
          grid: 80)
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
