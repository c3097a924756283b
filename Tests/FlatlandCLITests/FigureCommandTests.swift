import ExperimentsTOML
import Flatland
import FlatlandPlot
import Foundation
import Testing

/// End-to-end tests of the figure commands: every kind, the presets, their data, and bad input.
@Suite struct FigureCommandTests {
  func run(_ arguments: [String]) throws -> (CommandLineTests.Result, URL) {
    let dir = try CommandLineTests.temporaryDirectory()
    return (try CommandLineTests.run(arguments, in: dir), dir)
  }

  @Test(arguments: [
    [
      "curves", "--landscape", "two-valleys", "--methods", "sgd,sam,es", "--steps", "60", "--noise", "0.2", "--repeats",
      "3", "--x", "evaluations",
    ],
    [
      "curves", "--landscape", "quadratic", "--methods", "sam", "--y", "grad-norm", "--linear", "--steps", "40",
      "--ylabel", "$\\|\\nabla L(w)\\|_2$",
    ],
    ["map", "--landscape", "two-valleys", "--quantity", "sharpness", "--rho", "0.05,0.2", "--grid", "24"],
    ["map", "--landscape", "himmelblau", "--quantity", "lambda-min", "--grid", "24", "--colormap", "coolwarm_r"],
    [
      "map", "--landscape", "himmelblau", "--quantity", "basins", "--methods", "sgd,sam", "--grid", "20", "--steps",
      "100",
    ],
    [
      "slice", "--landscape", "two-valleys", "--along", "y", "--at", "0.8", "--rho", "0.2", "--grid", "60", "--xlabel",
      "$w_1$", "--ylabel", "$w_2$",
    ],
    ["schematic", "--landscape", "two-valleys", "--at", "0.45,0.6", "--method", "asam:rho=0.5", "--size", "960x540"],
    [
      "plot", "--landscape", "beale", "--methods", "sgd,adam", "--steps", "50", "--grid", "60", "--panels", "methods",
      "--contour-labels", "--trail", "fading", "--preset", "paper-wide", "--title", "Beale with $\\eta = 0.002$",
    ],
  ])
  func everyFigureKindRunsFromTheCommandLine(_ arguments: [String]) throws {
    let (r, dir) = try run(arguments + ["-o", "figure.png"])
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(r.status == 0, "\(arguments): \(r.stderr)")
    let image = try RasterImage(png: Data(contentsOf: dir.appendingPathComponent("figure.png")))
    #expect(image.width > 300)
  }

  /// `--data` writes the numbers of every figure kind.
  @Test func everyFigureKindHasItsNumbers() throws {
    let dir = try CommandLineTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    func lines(_ arguments: [String], _ file: String) throws -> [Substring] {
      let r = try CommandLineTests.run(arguments + ["-o", "f.png", "--data", file], in: dir)
      #expect(r.status == 0, "\(arguments): \(r.stderr)")
      return try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
    }
    let curves = try lines(
      ["curves", "--methods", "sgd,sam", "--steps", "30", "--noise", "0.1", "--repeats", "3"], "c.csv")
    #expect(curves[1] == "method,start,step,geometric_mean,min,max,repeat_0,repeat_1,repeat_2")
    #expect(curves.count == 2 + 2 * 31)
    let map = try lines(["map", "--quantity", "sharpness", "--rho", "0.1,0.2", "--grid", "20"], "m.csv")
    #expect(map[1] == "quantity,rho,x,y,value" && map.count == 2 + 2 * 400 && map[2].hasPrefix("sharpness,0.1,"))
    let basins = try lines(
      [
        "map", "--landscape", "himmelblau", "--quantity", "basins", "--methods", "sgd,sam", "--grid", "20", "--steps",
        "200",
      ],
      "b.csv")
    // The provenance, one line of shares per method, the header, one row per start and method.
    #expect(basins[1].hasPrefix("# shares of 400 starts, sgd (basin share [95% Wilson]): 0 0."))
    #expect(basins[2].hasPrefix("# shares of 400 starts, sam (basin share [95% Wilson]): "))
    #expect(basins[3] == "method,start_x,start_y,basin,minimum_x,minimum_y,end_x,end_y,steps,outcome")
    #expect(basins.count == 4 + 2 * 400)
    let slice = try lines(["slice", "--rho", "0.2", "--grid", "40"], "s.csv")
    #expect(slice[1] == "x,y,f,f_p,h" && slice.count == 2 + 40)
    for row in slice.dropFirst(2) {
      let v = row.split(separator: ",").compactMap { Double(String($0)) }
      #expect(v[3] >= v[2] - 1e-12 && abs(v[4] - (v[3] - v[2])) < 1e-12)
    }
    let json = try lines(["schematic", "--at", "0.45,0.6", "--methods", "sam", "--rho", "0.25"], "step.json")
      .joined(separator: "\n")
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect((object?["perturbation"] as? [Double])?.count == 2 && object?["method"] as? String == "sam")
    #expect((object?["provenance"] as? [String: Any])?["flatland"] as? String == FlatlandVersion.string)
  }

  @Test func presetsAndDpiSetThePixelSize() throws {
    let (r, dir) = try run(
      [
        "plot", "--landscape", "quadratic", "--steps", "20", "--grid", "40", "--preset", "paper", "--dpi", "144",
        "-o", "paper.png",
      ])
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try RasterImage(png: Data(contentsOf: dir.appendingPathComponent("paper.png"))).width == 504)
    let slide = try CommandLineTests.run(
      ["plot", "--landscape", "quadratic", "--steps", "20", "--grid", "40", "--preset", "slide", "-o", "slide.png"],
      in: dir)
    #expect(slide.status == 0)
    let image = try RasterImage(png: Data(contentsOf: dir.appendingPathComponent("slide.png")))
    #expect(image.width == 1920 && image.height == 1080)
  }

  /// The paper-preset PDF of the two-valleys figure, rasterised by pdftoppm, looks like the PNG the
  /// same command writes: at most 2% of pixels differ by more than 48/255.
  @Test func paperPDFRasterisesLikeThePNG() throws {
    let common = ["plot", "--landscape", "two-valleys", "--methods", "sgd,sam,gsam,vsam", "--preset", "paper"]
    let (r, dir) = try run(common + ["-o", "routes.pdf"])
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try CommandLineTests.run(common + ["-o", "routes.png"], in: dir).status == 0)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["pdftoppm", "-r", "300", "-png", "-singlefile", "routes.pdf", "raster"]
    process.currentDirectoryURL = dir
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "pdftoppm failed (make deps installs poppler-utils)")
    let raster = try RasterImage(png: Data(contentsOf: dir.appendingPathComponent("raster.png")))
    let png = try RasterImage(png: Data(contentsOf: dir.appendingPathComponent("routes.png")))
    #expect(abs(raster.width - png.width) <= 1 && abs(raster.height - png.height) <= 1)
    if raster.width == png.width && raster.height == png.height {
      let differing = raster.fractionDiffering(from: png, threshold: 48)
      #expect(differing < 0.02, "\(differing * 100)% of pixels differ")
    }
  }

  /// Each bad input: exit 2, one `error:` line naming the problem, no file.
  @Test(arguments: [
    (["map", "--quantity", "curvature"], "--quantity: unknown map quantity 'curvature'; accepted: sharpness"),
    (["map", "--rho", "0.1,-1"], "--rho: expected one to nine radii ≥ 0"),
    (["map", "--quantity", "basins", "--methods", "sam", "--rho", "0.1,0.2"], "--rho: '0.1,0.2' is not valid"),
    (["plot", "--colormap", "jet"], "--colormap: unknown colormap 'jet'"),
    (["plot", "--preset", "a4"], "--preset: unknown size preset 'a4'"),
    (["plot", "--levels", "1,0"], "--levels: expected at least two finite, strictly increasing levels"),
    (["plot", "--levels", "many"], "--levels: unknown levels 'many'; accepted: auto, linear, log, quantile"),
    (["plot", "--title", "$\\rhoo$"], "unknown command '\\rhoo' at column 2 (did you mean '\\rho'?)"),
    (["plot", "--title", "$x_{1$"], "'{' at column 4 is never closed"),
    (["map", "--xlabel", "$w_{1$"], "--xlabel: '$w_{1$' is not valid; expected text with $math$: '{' at column 4"),
    (["plot", "--trail", "dotted"], "--trail: unknown trail 'dotted'"),
    (["plot", "--panels", "grid"], "--panels: unknown panel layout 'grid'"),
    (["plot", "--dpi", "5"], "--dpi: 5 is not valid; expected a whole number from 18 to 2400"),
    (["plot", "--data", "out.png"], "--data: unsupported extension for a trajectories data output; use .csv"),
    (["plot", "--save-spec", "spec.yaml"], "--save-spec: 'spec.yaml' is not valid; expected a .toml or .json file"),
    (["curves", "--y", "accuracy"], "--y: unknown curve quantity 'accuracy'"),
    (["curves", "--repeats", "0"], "--repeats: 0 is not valid"),
    (
      ["curves", "--landscape", "x^2 + y^2", "--y", "distance"], "distance needs known minima and 'expression' has none"
    ),
    (["slice", "--along", "z"], "--along: unknown slice axis 'z'"),
    (["curves", "--repeats", "1000", "--steps", "100000"], "is over the limit of 2·10⁷ (10.0×)"),
    (["map", "--quantity", "sharpness", "--grid", "2000"], "sharpness maps take at most 600 nodes per axis"),
    (["schematic", "--methods", "sgd,sam"], "a schematic draws one step of exactly one method; this experiment has 2"),
    (["schematic", "--at", "100,100"], "the point (100, 100) is outside the domain of 'two-valleys'"),
  ])
  func badInputIsRejected(_ arguments: [String], _ message: String) throws {
    let (r, dir) = try run(arguments + ["-o", "out.png"])
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(r.status == 2)
    #expect(r.stderr.contains(message), "stderr was: \(r.stderr)")
    #expect(r.errors.count == 1, "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  /// Every problem of one command line is reported at once, one per line, and nothing is written.
  @Test func everyProblemIsReportedAtOnce() throws {
    let (r, dir) = try run(
      ["plot", "--lr", "fast", "--rho", "-1", "--method", "sam:alpha=2", "--colormap", "jet", "-o", "x.jpg"])
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(r.status == 2)
    for message in [
      "--lr: 'fast' is not valid", "--rho: -1 is not valid; expected a number ≥ 0",
      "unknown key 'alpha' in method 'sam'",
      "unknown colormap 'jet'", "unsupported extension",
    ] {
      #expect(r.errors.contains { $0.contains(message) }, "missing \(message) in: \(r.stderr)")
    }
    #expect(r.errors.count == 5, "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  /// A shared flag no method takes is a warning, and the figure is still made.
  @Test func aFlagWithNoEffectSaysSo() throws {
    let (r, dir) = try run(["plot", "--methods", "sgd", "--rho", "0.2", "--steps", "5", "--grid", "30", "-o", "x.png"])
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(r.status == 0 && r.stderr.contains("warning: --rho: has no effect"), "\(r.stderr)")
  }

  /// The lecture: eight 1920 × 1080 slides in teaching order, run from examples/lecture/.
  @Test func lectureWritesEightSlides() throws {
    let dir = try CommandLineTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CommandLineTests.run(["lecture", "--out", "slides"], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let slides = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("slides").path).sorted()
    #expect(slides.count == 8 && slides.first == "01-sam-step.png")
    for slide in slides {
      let image = try RasterImage(png: Data(contentsOf: dir.appendingPathComponent("slides/\(slide)")))
      #expect(image.width == 1920 && image.height == 1080, "\(slide)")
    }
    let gif = try CommandLineTests.run(["lecture", "--format", "gif", "--out", "g"], in: dir)
    #expect(gif.status == 2 && gif.stderr.contains("--format: 'gif' is not valid; expected png, svg or pdf"))
  }
}
