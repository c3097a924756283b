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
    return root.appendingPathComponent(".build/debug/flatland")
  }()

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The `error:` lines of stderr.
    var errors: [String] { stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("error: ") } }
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

  static func contents(_ dir: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
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
    #expect(rows[0].hasPrefix("# flatland \(FlatlandVersion.string) · spec sha256:"))
    #expect(rows[1] == "method,start,repeat,step,x,y,loss,grad_evals,func_evals")
    #expect(rows.count == 2 + 4 * 501)
    #expect(rows[2] == "sgd,0,0,0,0.3,2.0,\(rows[2].split(separator: ",")[6]),0,0")
    #expect(rows.last!.hasPrefix("vsam,0,0,500,") && rows.last!.hasSuffix(",1000,0"))
  }

  @Test func sameSeedSameBytes() throws {
    let dir = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let args = ["plot", "--methods", "sam", "--noise", "0.2", "--seed", "5", "--steps", "60", "--grid", "60"]
    _ = try Self.run(args + ["-o", "a.png", "--data", "a.csv"], in: dir)
    _ = try Self.run(args + ["-o", "b.png", "--data", "b.csv"], in: dir)
    for (a, b) in [("a.csv", "b.csv"), ("a.png", "b.png")] {
      let fa = try Data(contentsOf: dir.appendingPathComponent(a))
      #expect(fa == (try Data(contentsOf: dir.appendingPathComponent(b))) && !fa.isEmpty, "\(a)")
    }
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
          "500x400", "-o", "routes.png",
        ], in: dir)
      #expect(r.status == 0, "\(name): \(r.stderr)")
      let image = try RasterImage(png: Data(contentsOf: dir.appendingPathComponent("routes.png")))
      #expect(image.width == 500 && image.height == 400, "\(name)")
    }
  }

  /// Each bad input: exit status 2, one `error:` line naming the flag and what is accepted, and no
  /// output file.
  @Test(arguments: [
    (["--landscape", "himelblau"], "--landscape: unknown landscape 'himelblau' (did you mean 'himmelblau'?)"),
    (["--methods", "sgd,adamw"], "--methods: unknown method 'adamw' (did you mean 'adam'?); accepted: sgd, momentum"),
    (["--method", "sam:rho=0.1,alpha=2"], "unknown key 'alpha' in method 'sam'; accepted: name, label, rho, radius"),
    (["--method", "sam:rho=big"], "--method sam:rho=big: 'big' is not valid; expected a number ≥ 0"),
    (["--method", "vsam:sigma=0.5"], "--method vsam:sigma=0.5: '0.5' is not valid; expected two numbers [a, b]"),
    (["--method", "sam:base=rmsprop"], "unknown base 'rmsprop'; accepted: sgd, momentum, nesterov, adam"),
    (["--method", "sam:rho=0.1,rho=0.2"], "'rho' is given twice; give each hyperparameter once"),
    (["--method", "adam:mu=0.5"], "unknown key 'mu' in method 'adam'"),
    (["--landscape", "x^2 + )"], "unexpected ')' at column 7"),
    (["--landscape", "x^2 + sinn(y)"], "unknown name 'sinn' at column 7 (did you mean 'sin'?)"),
    (["--landscape", "x^2", "--param", "b=2"], "--param b: a formula landscape has no parameters"),
    (["--noise", "hessian:-1"], "--noise: -1 is not valid; expected a scale ≥ 0"),
    (["--landscape", "quadratic", "--param", "a=1,c=2"], "unknown parameter 'c' in 'quadratic'; accepted: a, b"),
    (["--param", "s1x=abc"], "--param s1x: 'abc' is not valid; expected a finite number"),
    (["--lr", "fast"], "--lr: 'fast' is not valid; expected a positive number"),
    (["--lr", "-0.1"], "--lr: -0.1 is not valid; expected a positive number"),
    (["--start", "1;2"], "--start: '1;2' is not valid; expected two finite numbers [x, y]"),
    (["--start", "1e6,0"], "start (1000000, 0) is outside the domain of 'two-valleys'"),
    (["--start", "nan,0"], "--start: 'nan,0' is not valid"),
    (["--methods", "sam,sam"], "'sam' is given twice; give each method once"),
    (["--size", "10x10"], "--size: 10x10 is not valid; expected WIDTHxHEIGHT"),
    (["--steps", "abc"], "--steps: 'abc' is not valid; expected a whole number"),
    (["--steps", "0"], "--steps: 0 is not valid; expected a whole number from 1 to 1000000"),
    (["--grid", "5"], "--grid: 5 is not valid; expected a whole number from 20 to 4000"),
    (["--seed", "-3"], "--seed: '-3' is not valid"),
    (["--window", "1,0,0,1"], "--window: expected xmin < xmax and ymin < ymax"),
  ])
  func badInputIsRejectedBeforeAnythingIsWritten(_ extra: [String], _ message: String) throws {
    let dir = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try Self.run(["plot", "-o", "out.png", "--data", "out.csv"] + extra, in: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains(message), "stderr was: \(r.stderr)")
    #expect(r.errors.count == 1, "\(r.stderr)")
    #expect(try Self.contents(dir).isEmpty)
  }

  @Test(arguments: [
    ("missing/out.png", nil), ("out.jpg", "-o: unsupported extension for a routes figure; use .png, .svg or .pdf"),
    ("afile/out.png", "cannot write 'afile/out.png': 'afile' is a file, not a folder"),
  ])
  func outputsAreCheckedFirst(_ output: String, _ message: String?) throws {
    let dir = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data().write(to: dir.appendingPathComponent("afile"))
    let r = try Self.run(["plot", "--steps", "5", "--grid", "30", "-o", output], in: dir)
    if let message {
      #expect(r.status == 2 && r.stderr.contains(message), "\(r.stderr)")
      #expect(try Self.contents(dir) == ["afile"])
    } else {
      // A missing folder is created, as with `run --out`.
      #expect(r.status == 0, "\(r.stderr)")
      #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(output).path))
    }
  }

  @Test func versionAndHelp() throws {
    let temp = FileManager.default.temporaryDirectory
    let version = try Self.run(["--version"], in: temp)
    #expect(
      version.status == 0 && version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == FlatlandVersion.string)
    for command in ["plot", "curves", "map", "slice", "schematic", "run", "lecture", "demo", "list", "describe"] {
      let r = try Self.run([command, "--help"], in: temp)
      #expect(r.status == 0 && r.stdout.contains("USAGE"), "\(command)")
    }
  }

  /// The listings fit 100 columns and come from the code (every preset, landscape, colormap, preset).
  @Test(arguments: ["landscapes", "methods", "colormaps", "presets"])
  func listingsFitOneHundredColumns(_ catalogue: String) throws {
    let r = try Self.run(["list", catalogue], in: FileManager.default.temporaryDirectory)
    #expect(r.status == 0)
    for line in r.stdout.split(separator: "\n") { #expect(line.count <= 100, "\(line.count): \(line)") }
    let names: [String]
    switch catalogue {
    case "landscapes": names = LandscapeCatalog.names
    case "methods": names = MethodPreset.names
    case "colormaps": names = ColormapName.names
    default: names = FigurePreset.names
    }
    for name in names { #expect(r.stdout.contains("\n\(name) "), "\(name)") }
  }

  @Test func describeShowsALandscapeAndAMethod() throws {
    let temp = FileManager.default.temporaryDirectory
    let landscape = try Self.run(["describe", "two-valleys"], in: temp)
    #expect(landscape.status == 0)
    #expect(
      landscape.stdout.contains("sharp-x well at (0.786397, 0): L = −1.33")
        || landscape.stdout.contains("sharp-x well at (0.786397, 0)"))
    #expect(landscape.stdout.contains("s1x = 0.15") && landscape.stdout.contains("VSAM σ = (0.15, 1)"))
    let method = try Self.run(["describe", "gsam"], in: temp)
    #expect(method.status == 0)
    for text in ["Zhuang et al. 2022", "alpha", "0.4", "minimize-fp", "lr-proportional", "[--rho]", "cost: 2 g"] {
      #expect(method.stdout.contains(text), "\(text) missing in \(method.stdout)")
    }
    for line in (landscape.stdout + method.stdout).split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
    let unknown = try Self.run(["describe", "gsma"], in: temp)
    #expect(unknown.status != 0 && unknown.stderr.contains("did you mean 'gsam'?"))
  }
}
