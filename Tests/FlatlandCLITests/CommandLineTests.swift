import Flatland
import FlatlandPlot
import Foundation
import Testing

/// End-to-end: the built `flatland` binary, run as a user would, in a temporary folder.
@Suite struct CommandLineTests {
  /// The `flatland` executable next to the test bundle (both live in the build products folder).
  static let binary: URL = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
      "flatland")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/flatland")
  }()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String], in directory: URL) throws -> Result {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }

  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("flatland-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func plotWritesAFigureAndTheCSVBehindIt() throws {
    let dir = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try Self.run(
      [
        "plot", "--landscape", "two-valleys", "--methods", "sgd,sam,gsam,vsam", "--start", "0.3,2", "--steps", "500",
        "-o", "r.png", "--data", "r.csv", "--grid", "120",
      ], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let png = try Data(contentsOf: dir.appendingPathComponent("r.png"))
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    let csv = try String(contentsOf: dir.appendingPathComponent("r.csv"), encoding: .utf8)
    let rows = csv.split(separator: "\n")
    #expect(rows.first == "method,run,step,x,y,loss,grad_evals")
    #expect(rows.count == 1 + 4 * 501)
    #expect(rows[1] == "sgd,0,0,0.3,2.0,\(rows[1].split(separator: ",")[5]),0")
    #expect(rows.last!.hasPrefix("vsam,0,500,") && rows.last!.hasSuffix(",1000"))
  }

  @Test func sameSeedSameBytes() throws {
    let dir = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let args = ["plot", "--methods", "sam", "--noise", "0.2", "--seed", "5", "--steps", "60", "--grid", "60"]
    _ = try Self.run(args + ["-o", "a.png", "--data", "a.csv"], in: dir)
    _ = try Self.run(args + ["-o", "b.png", "--data", "b.csv"], in: dir)
    let (a, b) = (
      try Data(contentsOf: dir.appendingPathComponent("a.csv")),
      try Data(contentsOf: dir.appendingPathComponent("b.csv"))
    )
    let (pa, pb) = (
      try Data(contentsOf: dir.appendingPathComponent("a.png")),
      try Data(contentsOf: dir.appendingPathComponent("b.png"))
    )
    #expect(a == b && pa == pb)
    for format in ["svg", "pdf"] {
      _ = try Self.run(args + ["-o", "a.\(format)"], in: dir)
      _ = try Self.run(args + ["-o", "b.\(format)"], in: dir)
      let fa = try Data(contentsOf: dir.appendingPathComponent("a.\(format)"))
      let fb = try Data(contentsOf: dir.appendingPathComponent("b.\(format)"))
      #expect(fa == fb && !fa.isEmpty, "\(format)")
    }
  }

  /// Every catalogue landscape and a typed formula render with routes of a gradient and a
  /// zeroth-order method.
  @Test func everyLandscapeRendersWithRoutes() throws {
    let dir = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in LandscapeCatalog.names + ["sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2)"] {
      let r = try Self.run(
        [
          "plot", "--landscape", name, "--methods", "sgd,sam,snes", "--steps", "30", "--grid", "60", "--size",
          "500x400",
          "-o", "routes.png",
        ], in: dir)
      #expect(r.status == 0, "\(name): \(r.stderr)")
      let image = try RasterImage(png: Data(contentsOf: dir.appendingPathComponent("routes.png")))
      #expect(image.width == 500 && image.height == 400, "\(name)")
    }
  }

  /// Each bad input: a one-line error naming the problem, a non-zero exit, and no output file.
  @Test(arguments: [
    (["--landscape", "himelblau"], "unknown landscape 'himelblau' (did you mean 'himmelblau'?)"),
    (["--methods", "sgd,adamw"], "unknown method 'adamw' (did you mean 'adam'?); accepted: sgd, momentum"),
    (["--method", "sam:rho=0.1,alpha=2"], "unknown hyperparameter of method 'sam' 'alpha'; accepted: rho, radius"),
    (["--method", "sam:rho=big"], "hyperparameter 'rho' of method 'sam': 'big' is not valid; expected a number in"),
    (
      ["--method", "vsam:sigma=0.5"],
      "hyperparameter 'sigma' of method 'vsam': '0.5' is not valid; expected two numbers"
    ),
    (["--method", "sam:base=rmsprop"], "unknown value for hyperparameter 'base' of method 'sam' 'rmsprop'"),
    (["--method", "sam:rho=0.1,rho=0.2"], "each hyperparameter once ('rho' is repeated)"),
    (["--method", "adam:mu=0.5"], "unknown hyperparameter of method 'adam' 'mu'"),
    (["--landscape", "x^2 + )"], "unexpected ')' at column 7"),
    (["--landscape", "x^2 + sinn(y)"], "unknown name 'sinn' at column 7 (did you mean 'sin'?)"),
    (["--landscape", "x^2", "--param", "b=2"], "unknown parameter of a formula landscape 'b'"),
    (["--noise", "hessian:-1"], "--noise: 'hessian:-1' is not valid"),
    (["--landscape", "quadratic", "--param", "a=1,c=2"], "unknown parameter of landscape 'quadratic' 'c'"),
    (["--param", "s1x=abc"], "--param s1x: 'abc' is not valid; expected a finite number"),
    (["--lr", "fast"], "--lr: 'fast' is not valid; expected a finite number"),
    (["--lr", "-0.1"], "expected a learning rate > 0"),
    (["--start", "1;2"], "--start: '1;2' is not valid; expected two finite numbers X,Y"),
    (["--start", "1e6,0"], "start (1000000, 0) is outside the domain of 'two-valleys'"),
    (["--start", "nan,0"], "--start: 'nan,0' is not valid"),
    (["--methods", "sam,sam"], "each method once ('sam' repeats)"),
    (["--size", "10x10"], "--size: '10x10' is not valid"),
    (["--steps", "abc"], "--steps: 'abc' is not valid; expected a whole number from 1 to 1000000"),
    (["--steps", "0"], "--steps: '0' is not valid"),
    (["--grid", "5"], "--grid: '5' is not valid; expected a whole number from 20 to 4000"),
    (["--seed", "-3"], "--seed: '-3' is not valid"),
  ])
  func badInputIsRejectedBeforeAnythingIsWritten(_ extra: [String], _ message: String) throws {
    let dir = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try Self.run(["plot", "-o", "out.png", "--data", "out.csv"] + extra, in: dir)
    #expect(r.status != 0)
    #expect(r.stderr.contains(message), "stderr was: \(r.stderr)")
    #expect(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1, "\(r.stderr)")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(leftovers.isEmpty)
  }

  @Test(arguments: [
    ("missing/out.png", "folder 'missing' does not exist"),
    ("out.jpg", "unsupported extension; use .png, .svg or .pdf"),
  ])
  func unwritableOutputsAreRejected(_ output: String, _ message: String) throws {
    let dir = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try Self.run(["plot", "-o", output], in: dir)
    #expect(r.status != 0 && r.stderr.contains(message), "\(r.stderr)")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(leftovers.isEmpty)
  }

  @Test func listLandscapesShowsEveryEntryWithItsMinima() throws {
    let r = try Self.run(["list", "landscapes"], in: FileManager.default.temporaryDirectory)
    #expect(r.status == 0)
    for name in ["quadratic", "two-valleys", "himmelblau", "rosenbrock", "scale-symmetric"] {
      #expect(r.stdout.contains(name))
    }
    #expect(r.stdout.contains("minimum sharp-x well at (0.786397, 0)"))
  }

  @Test func helpWorksForEveryCommand() throws {
    for command in [["--help"], ["plot", "--help"], ["list", "--help"], ["demo", "--help"]] {
      let r = try Self.run(command, in: FileManager.default.temporaryDirectory)
      #expect(r.status == 0 && r.stdout.contains("USAGE"), "\(command)")
    }
  }
}

/// The example scripts, the demo gallery and the README describe the same figures.
@Suite struct ExamplesTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every script in examples/ runs, together they write exactly the figures `flatland demo` writes,
  /// byte for byte, and the README shows each one.
  @Test func exampleScriptsReproduceTheDemoGalleryByteForByte() throws {
    let demo = try CommandLineTests.temporaryDirectory()
    let scripts = try CommandLineTests.temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: demo)
      try? FileManager.default.removeItem(at: scripts)
    }
    // The demo runs in the background while the scripts run: the two halves take as long as one.
    let demoProcess = Process()
    demoProcess.executableURL = CommandLineTests.binary
    demoProcess.arguments = ["demo", "--out", demo.path]
    demoProcess.currentDirectoryURL = demo
    demoProcess.standardOutput = FileHandle.nullDevice
    try demoProcess.run()
    let examples = Self.root.appendingPathComponent("examples")
    for script in try FileManager.default.contentsOfDirectory(atPath: examples.path).filter({ $0.hasSuffix(".sh") })
      .sorted()
    {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = [examples.appendingPathComponent(script).path, scripts.path]
      process.environment = ["FLATLAND": CommandLineTests.binary.path, "PATH": "/usr/bin:/bin"]
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(script) failed")
    }
    demoProcess.waitUntilExit()
    #expect(demoProcess.terminationStatus == 0, "flatland demo failed")
    let figures = try FileManager.default.contentsOfDirectory(atPath: demo.path).filter { $0.hasSuffix(".png") }
      .sorted()
    let fromScripts = try FileManager.default.contentsOfDirectory(atPath: scripts.path).filter { $0.hasSuffix(".png") }
      .sorted()
    #expect(figures.count >= 17)
    #expect(figures == fromScripts)
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    for figure in figures {
      let a = try Data(contentsOf: demo.appendingPathComponent(figure))
      let b = try? Data(contentsOf: scripts.appendingPathComponent(figure))
      #expect(a == b, "examples/ and `flatland demo` disagree on \(figure)")
      #expect(readme.contains("plots/\(figure)"), "README does not show plots/\(figure)")
    }
  }
}
