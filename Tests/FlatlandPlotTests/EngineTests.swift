import Flatland
import Foundation
import Testing

@testable import FlatlandPlot

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Levels, colour scales, presets and vector output of the figure engine.
@Suite struct EngineTests {
  static let bowl = Fixture.field(Box(x: -2...2, y: -2...2), 201) { $0.x * $0.x + $0.y * $0.y }

  /// Pixel-exact: x² + y² with levels 0, 1, …, 8. Every sampled pixel more than 2 px from a level
  /// curve carries exactly the colour of the band its coordinates fall in.
  @Test func sampledPixelsCarryTheColourOfTheirBand() throws {
    let info = Fixture.bowlInfo(1, 1)
    let levels = try ContourLevels.explicit((0...8).map(Double.init))
    var figure = RoutesFigure(landscape: info, field: Self.bowl, trajectories: [], levels: levels)
    figure.resize(width: 640, height: 480)
    let scene = figure.scene()
    let image = try RasterImage(png: try CairoRenderer.render(scene, as: .png))
    guard case .clipped(let plot, _)? = scene.items.first(where: { if case .clipped = $0 { true } else { false } })
    else {
      Issue.record("no plot area")
      return
    }
    let frame = ChartFrame(window: Self.bowl.box, rect: plot)
    let pixelsPerUnit = plot.width / 4
    var checked = 0
    for i in 1..<24 {
      for j in 1..<24 {
        let w = Vec2(-2 + 4 * Double(i) / 24, -2 + 4 * Double(j) / 24)
        let r2 = w.x * w.x + w.y * w.y
        guard r2 < 8 else { continue }
        // Distance to the nearest level curve r = √k, in pixels.
        let r = r2.squareRoot()
        let nearest = (0...8).map { abs(r - Double($0).squareRoot()) }.min()! * pixelsPerUnit
        guard nearest > 2.5 else { continue }
        let band = Int(r2.rounded(.up))
        let expected = levels.bandColor(band, colormap: .viridis)
        let p = frame.point(w)
        let pixel = image.pixel(Int(p.x), Int(p.y))
        #expect(
          abs(Int(pixel.r) - Int((expected.red * 255).rounded())) <= 1
            && abs(Int(pixel.g) - Int((expected.green * 255).rounded())) <= 1
            && abs(Int(pixel.b) - Int((expected.blue * 255).rounded())) <= 1, "at \(w), band \(band)")
        checked += 1
      }
    }
    #expect(checked > 250)
  }

  /// The log colorbar puts decades evenly: 0.1, 1, 10, 100, 1000 at 0, ¼, ½, ¾, 1, with 2–9 minor ticks.
  @Test func logColorbarTicksSitOnDecades() {
    let levels = ContourLevels.logarithmic(floor: 0, high: 1000, lowest: 0.1)
    #expect(levels.levels.first == 0.1 && levels.levels.last == 1000)
    let bar = Colorbar(
      kind: .levels(levels), colormap: .viridis, label: "", style: .standard, measurer: TextMeasurer())
    let ticks = bar.ticks()
    let decades = ticks.filter(\.tick.major)
    #expect(decades.map(\.tick.value) == [0.1, 1, 10, 100, 1000])
    for (k, d) in decades.enumerated() { #expect(abs(d.position - Double(k) / 4) < 1e-12) }
    #expect(decades.map(\.tick.label) == ["10<sup>−1</sup>", "1", "10", "10<sup>2</sup>", "10<sup>3</sup>"])
    let minor = ticks.filter { !$0.tick.major }
    #expect(minor.count == 8 * 4)
    #expect(abs(minor.first { $0.tick.value == 2 }!.position - (0.25 + log10(2.0) / 4)) < 1e-12)
  }

  @Test func quantileLevelsGiveEqualAreaBands() {
    let levels = ContourLevels.quantile(of: Self.bowl, bands: 10)
    #expect(levels.levels.count == 11)
    let values = Self.bowl.values
    for k in 1..<levels.levels.count {
      let share =
        Double(values.filter { $0 > levels.levels[k - 1] && $0 <= levels.levels[k] }.count) / Double(values.count)
      #expect(abs(share - 0.1) < 0.01, "band \(k): \(share)")
    }
  }

  @Test func explicitLevelsAreChecked() {
    #expect(throws: FlatlandError.self) { try ContourLevels.explicit([1]) }
    #expect(throws: FlatlandError.self) { try ContourLevels.explicit([0, 2, 1]) }
    #expect(throws: FlatlandError.self) { try ContourLevels.explicit([0, .nan]) }
    #expect(throws: FlatlandError.self) {
      try ContourLevels.make(.explicit([2, 1]), for: Fixture.bowlInfo(1, 1), field: Self.bowl)
    }
  }

  /// Landscapes with a huge range get log levels with no options (metadata or the data say so).
  @Test(arguments: ["rosenbrock", "beale", "goldstein-price", "himmelblau"])
  func hugeRangeLandscapesGetLogLevelsByDefault(_ name: String) throws {
    let l = try LandscapeCatalog.make(name)
    let field = ScalarField(sampling: l, over: l.info.window, nx: 120, ny: 120)
    let levels = ContourLevels.automatic(for: l.info, field: field)
    #expect(levels.isLogarithmic)
    #expect(levels.levels.count >= 10)
    let quadratic = ScalarField(sampling: Quadratic(), over: Quadratic().info.window, nx: 60, ny: 60)
    #expect(!ContourLevels.automatic(for: Quadratic().info, field: quadratic).isLogarithmic)
  }

  @Test func colormapsAreNamedAndReversible() throws {
    for name in ColormapName.allCases {
      let map = Colormap(ColormapSpec(name))
      let reversed = Colormap(ColormapSpec(name, reversed: true))
      let (a, b) = (map.color(at: 0.3), reversed.color(at: 0.7))
      #expect(map.color(at: 0) == reversed.color(at: 1))
      #expect(abs(a.red - b.red) + abs(a.green - b.green) + abs(a.blue - b.blue) < 1e-12)
      #expect(reversed.reversed.name == name.rawValue && map.name == name.rawValue)
    }
    #expect(Colormap.coolwarm.isDiverging && !Colormap.viridis.isDiverging)
    // coolwarm's middle is neutral grey, its ends blue and red.
    let mid = Colormap.coolwarm.color(at: 0.5)
    #expect(abs(mid.red - mid.blue) < 0.1)
    #expect(Colormap.coolwarm.color(at: 0).blue > 0.7 && Colormap.coolwarm.color(at: 1).red > 0.65)
    #expect(ColormapSpec("jet") == nil && ColormapSpec("magma_r") == ColormapSpec(.magma, reversed: true))
  }

  /// The `pHYs` chunk's x and y pixels per unit and its unit, read from the PNG's chunk list.
  static func physicalResolution(_ png: Data) -> [UInt32]? {
    let bytes = [UInt8](png)
    var at = 8
    func word(_ i: Int) -> UInt32 { bytes[i..<i + 4].reduce(0) { $0 << 8 | UInt32($1) } }
    while at + 8 <= bytes.count {
      let length = Int(word(at))
      let type = String(decoding: bytes[at + 4..<at + 8], as: UTF8.self)
      if type == "pHYs" { return [word(at + 8), word(at + 12), UInt32(bytes[at + 16])] }
      at += 12 + length
    }
    return nil
  }

  @Test func presetsSetSizeTypeAndResolution() throws {
    let info = Fixture.bowlInfo(1, 1)
    var figure = RoutesFigure(landscape: info, field: Self.bowl, trajectories: [])
    figure.style = .paper
    let scene = figure.scene()
    #expect(scene.width == 252)
    #expect(scene.height > 200 && scene.height < 420)
    let bytes = try CairoRenderer.render(scene, as: .png, pixelScale: FigureStyle.paper.pixelScale)
    let png = try RasterImage(png: bytes)
    #expect(png.width == 1050)
    // The PNG says it is 300 dpi (pHYs: 11811 pixels per metre in x and y, unit metre), so viewers
    // and LaTeX give it its 3.5 inches.
    #expect(Self.physicalResolution(bytes) == [11811, 11811, 1])
    #expect(Self.physicalResolution(try CairoRenderer.render(scene, as: .png)) == [2835, 2835, 1])
    let pdf = try CairoRenderer.render(scene, as: .pdf)
    #expect(String(decoding: pdf, as: UTF8.self).contains("/MediaBox [ 0 0 252"))
    figure.style = .slide
    #expect(figure.scene().width == 1920 && figure.scene().height == 1080)
    #expect(FigureStyle.slide.fonts.tick >= 24)
    for preset in FigurePreset.allCases { #expect(FigureStyle(preset).name == preset.rawValue) }
  }

  /// The canonical figure (two-valleys, 800² grid, four methods) stays well under the 1 MB the issue
  /// allows as SVG (about 190 KB with path simplification), and the SVG is well-formed XML.
  @Test func canonicalSVGIsSmallAndParses() throws {
    let info = Fixture.twoMinima
    let wells: (Vec2) -> Double = { w in
      -exp(-((w.x - 1) * (w.x - 1)) / 0.05 - w.y * w.y / 2) - 0.8 * exp(-((w.x + 1) * (w.x + 1)) / 2 - w.y * w.y / 0.5)
        + 0.05 * w.dot(w)
    }
    let field = Fixture.field(info.window, 800, wells)
    let runs = Fixture.quadraticRoutes(steps: 500)
    let svg = try CairoRenderer.render(
      RoutesFigure(landscape: info, field: field, trajectories: runs).scene(), as: .svg)
    #expect(svg.count < 500_000, "\(svg.count) bytes")
    let parser = XMLParser(data: svg)
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
  }

  /// Inline contour labels never overlap each other and stay inside the plot.
  @Test func contourLabelsDoNotCollide() {
    var items: [Scene.Item] = []
    let painter = ContourPainter(
      field: Self.bowl, levels: .linear(low: 0, high: 8, bands: 16), colormap: .viridis, style: .standard)
    let frame = ChartFrame(window: Self.bowl.box, rect: Rect(x: 0, y: 0, width: 600, height: 600))
    let contours = painter.draw(into: &items, frame: frame)
    let placed = painter.drawLabels(contours, frame: frame, measurer: TextMeasurer(), into: &items)
    #expect(placed.count >= 4)
    for (a, r) in placed.enumerated() {
      #expect(frame.rect.contains(Point(r.x, r.y)) && frame.rect.contains(Point(r.maxX, r.maxY)))
      for s in placed[(a + 1)...] { #expect(!r.intersects(s)) }
    }
  }

  /// Per-method panels share one colorbar; shared axes label only the outer panels, independent
  /// axes label every panel.
  @Test func panelsShareAColorbarAndLabelAxesAsAsked() {
    let bowl = Fixture.bowl(1, 10)
    let runs =
      Fixture.quadraticRoutes(steps: 30) + [
        Fixture.route(.adam(learningRate: 0.04), from: Vec2(-1.6, 1.2), lr: 0.02, steps: 30, bowl: bowl)
      ]
    let info = Fixture.bowlInfo()
    var figure = RoutesFigure(landscape: info, field: Fixture.field(info.window, 40, bowl.value), trajectories: runs)
    figure.panels = .perMethod(columns: 2)
    func texts(_ scene: Scene) -> [String] {
      scene.items.compactMap { if case .text(let t) = $0 { t.markup } else { nil } }
    }
    let shared = texts(figure.scene())
    figure.independentAxes = true
    let independent = texts(figure.scene())
    #expect(shared.filter { $0 == "<i>y</i>" }.count == 2)  // left column only (rows 1 and 2)
    #expect(independent.filter { $0 == "<i>y</i>" }.count == 3)
    #expect(shared.contains { $0.contains("(c)") } && !shared.contains { $0.contains("(d)") })
    #expect(shared.filter { $0.contains("<i>L</i>(<i>x</i>, <i>y</i>)") }.count == 1)  // one colorbar
  }

  /// High-dpi PNGs keep sub- and superscripts in proportion: the inked width of a label with both
  /// grows with the pixel scale (Pango under a scaled Cairo context would blow the scripts up).
  @Test func scriptsScaleWithTheResolution() throws {
    var scene = Scene(width: 120, height: 40)
    scene.text(.init("<i>S</i><sub>ρ</sub>(<i>w</i>) <i>x</i><sup>2</sup>", at: Point(10, 10), size: 9, vertical: .top))
    func inkedWidth(_ scale: Double) throws -> Double {
      let image = try RasterImage(png: CairoRenderer.render(scene, as: .png, pixelScale: scale))
      var columns: [Int] = []
      for x in 0..<image.width where (0..<image.height).contains(where: { image.pixel(x, $0).r < 128 }) {
        columns.append(x)
      }
      return Double((columns.last ?? 0) - (columns.first ?? 0))
    }
    let ratio = try inkedWidth(4) / inkedWidth(1)
    #expect(abs(ratio - 4) < 0.4, "ratio \(ratio)")
  }

  /// Where the landscape is undefined (log of a negative number) the figure shows neutral grey and
  /// says so in the legend, never the colour of a band.
  @Test func undefinedRegionsAreGreyNotABand() throws {
    let info = Fixture.bowlInfo(window: Box(x: -3...3, y: -3...3))
    let field = Fixture.field(info.window, 60) { w in Foundation.log(w.x) + w.y * w.y }
    var figure = RoutesFigure(landscape: info, field: field, trajectories: [])
    figure.resize(width: 640, height: 480)
    let scene = figure.scene()
    let image = try RasterImage(png: CairoRenderer.render(scene, as: .png))
    guard case .clipped(let plot, _)? = scene.items.first(where: { if case .clipped = $0 { true } else { false } })
    else {
      Issue.record("no plot area")
      return
    }
    let p = ChartFrame(window: field.box, rect: plot).point(Vec2(-1.5, 0.5))
    let pixel = image.pixel(Int(p.x), Int(p.y))
    #expect(pixel.r == 0xC8 && pixel.g == 0xC8 && pixel.b == 0xC8, "\(pixel)")
    let texts = scene.items.compactMap { if case .text(let t) = $0 { t.markup } else { nil } }
    #expect(texts.contains { $0.contains("undefined (NaN)") })
  }
}
