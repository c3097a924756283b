import Flatland
import FlatlandPlot
import Foundation
import Testing

/// End-to-end tests of the figure commands: every kind, the presets, and bad input.
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

  /// Each bad input: one line naming the problem, a non-zero exit, no file.
  @Test(arguments: [
    (["map", "--quantity", "curvature"], "unknown value for --quantity 'curvature'"),
    (["map", "--rho", "0.1,-1"], "--rho: '0.1,-1' is not valid; expected one to nine radii ≥ 0"),
    (["map", "--quantity", "basins", "--rho", "0.1,0.2"], "one radius for basin maps"),
    (["plot", "--colormap", "jet"], "unknown colormap 'jet'"),
    (["plot", "--preset", "a4"], "unknown size preset 'a4'"),
    (["plot", "--levels", "1,0"], "at least two finite, strictly increasing levels"),
    (["plot", "--levels", "many"], "expected auto, linear, log, quantile or numbers"),
    (["plot", "--title", "$\\rhoo$"], "unknown command '\\rhoo' at column 2 (did you mean '\\rho'?)"),
    (["plot", "--title", "$x_{1$"], "'{' at column 4 is never closed"),
    (["map", "--xlabel", "$w_{1$"], "--xlabel: '$w_{1$' is not valid; expected text with $math$: '{' at column 4"),
    (["plot", "--trail", "dotted"], "unknown value for --trail 'dotted'"),
    (["plot", "--panels", "grid"], "unknown value for --panels 'grid'"),
    (["plot", "--dpi", "5"], "--dpi: '5' is not valid"),
    (["curves", "--y", "accuracy"], "unknown value for --y 'accuracy'"),
    (["curves", "--repeats", "0"], "--repeats: '0' is not valid"),
    (["curves", "--landscape", "x^2 + y^2", "--y", "distance"], "'expression' has no known minima"),
    (["slice", "--along", "z"], "unknown value for --along 'z'"),
    (["curves", "--repeats", "1000", "--steps", "100000"], "at most 2·10⁷ steps in all"),
    (["map", "--quantity", "sharpness", "--grid", "2000"], "at most 600 nodes per axis for sharpness maps"),
    (["schematic", "--methods", "sgd,sam"], "exactly one method for a schematic"),
  ])
  func badInputIsRejected(_ arguments: [String], _ message: String) throws {
    let (r, dir) = try run(arguments + ["-o", "out.png"])
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(r.status != 0)
    #expect(r.stderr.contains(message), "stderr was: \(r.stderr)")
    #expect(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  /// Every problem of one command line is reported at once, on one line, and nothing is written.
  @Test func everyProblemIsReportedAtOnce() throws {
    let (r, dir) = try run(
      ["plot", "--lr", "fast", "--rho", "-1", "--method", "sam:alpha=2", "--colormap", "jet", "-o", "x.jpg"])
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(r.status != 0)
    for message in [
      "--lr: 'fast' is not valid", "expected a radius ≥ 0", "unknown hyperparameter of method 'sam' 'alpha'",
      "unknown colormap 'jet'", "unsupported extension",
    ] {
      #expect(r.stderr.contains(message), "missing \(message) in: \(r.stderr)")
    }
    #expect(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  /// The lecture pack: eight 1920 × 1080 slides in teaching order.
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
    #expect(try CommandLineTests.run(["lecture", "--format", "gif"], in: dir).status != 0)
  }
}
