import Flatland
import FlatlandPlot
import Foundation
import Testing

/// The binary as a user meets it: past crashers, interruptions, and command lines it refuses by name.
@Suite struct RobustnessCLITests {
  typealias CLI = CommandLineTests

  /// Each of these once ended in SIGILL with no message: `Int(NaN)` in the tick finder once the
  /// range overflowed, and the log colorbar's ticks. Now each draws its figure, the overflowing part
  /// shown like an undefined region.
  @Test(arguments: [
    ["plot", "--landscape", "1e308*x"], ["plot", "--landscape", "-1e308 / y"],
    ["plot", "--landscape", "rosenbrock", "--param", "b=1e308"],
    ["plot", "--landscape", "quadratic", "--param", "a=1e308", "--levels", "log"],
    ["map", "--quantity", "lambda-min", "--landscape", "two-valleys", "--param", "d1=1e308"],
  ])
  func pastCrashersDrawTheirFigure(_ arguments: [String]) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(arguments + ["--grid", "60", "--steps", "20", "-o", "r.png"], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let image = try RasterImage(png: Data(contentsOf: dir.appendingPathComponent("r.png")))
    #expect(image.width > 100 && image.height > 100)
  }

  /// Refused command lines: a specific message, the documented exit status, nothing written.
  @Test(arguments: [
    (
      ["plot", "--landscape", "1/0", "-o", "r.png"], 2, "error: --landscape: '1/0' is not finite anywhere in the window"
    ),
    (["plot", "--levels", "100,200,300", "-o", "r.png"], 2, "every level lies outside the landscape's values"),
    (["slice", "--at", "1e308", "-o", "s.png"], 2, "error: --at: y = 1e308 is outside the domain of 'two-valleys'"),
    (["schematic", "--at", "100,100", "-o", "s.png"], 2, "error: --at: the point (100, 100) is outside the domain"),
    (["map", "--quantity", "basins", "--landscape", "x^2+y^2", "-o", "b.png"], 2, "has none listed"),
    (["plot", "--preset", "poster", "--dpi", "2400", "-o", "r.png"], 2, "over the limit of 10⁸ (4.3×)"),
    (["plot", "--size", "10000x10000", "--dpi", "2400", "-o", "r.png"], 2, "over the limit of 10⁸"),
    (
      ["plot", "--landscape", "x^2", "--param", "window=1e308", "-o", "r.png"], 2,
      "error: --param window: the window is too large"
    ),
    (
      ["plot", "--method", "sam:target=0.1", "-o", "r.png"], 2,
      "target has no effect here: it acts only with radius = target-sharpness"
    ),
    (["plot", "--method", "vsam:sigma=0,0", "-o", "r.png"], 2, "σ = (0, 0) perturbs nothing"),
    (
      ["plot", "--momentum", "1.5", "-o", "r.png"], 2,
      "error: --momentum: 1.5 is not valid; expected a number from 0 to 0.999999"
    ),
    (
      ["plot", "--method", "momentum:mu=1.5", "-o", "r.png"], 2,
      "mu=1.5: 1.5 is not valid; expected a number from 0 to 0.999999"
    ),
    (
      ["plot", "--lr", "0.1", "--lr", "0.2", "-o", "r.png"], 64,
      "Error: --lr is given twice ('0.1' and '0.2'); give it once"
    ),
    (["plot", "-o", "a.png", "-o", "b.png"], 64, "Error: --output is given twice"),
    (["plot", "-zh"], 64, "Error: '-zh' is not an option"),
    (["plot", "--foo"], 64, "Error: Unknown option '--foo'.\nError: Missing expected argument '--output"),
    (["demo", "--out", ""], 2, "error: --out: expected a folder name, not an empty string"),
    (["lecture", "--out", "afile"], 2, "error: --out: 'afile' is a file, not a folder"),
    (["plot", "-o", ""], 2, "error: -o: expected a file name"),
    (["plot", "--title", "costs $x", "-o", "r.png"], 2, "'$' at column 7 opens math that is never closed"),
  ])
  func refusalsAreSpecific(_ arguments: [String], _ status: Int32, _ message: String) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data().write(to: dir.appendingPathComponent("afile"))
    let r = try CLI.run(arguments, in: dir)
    #expect(r.status == status, "\(r.stderr)")
    #expect(r.stderr.contains(message), "stderr was: \(r.stderr)")
    #expect(!r.stderr.contains("NSCocoaErrorDomain") && !r.stderr.contains("Did you mean '--rho'"))
    #expect(try CLI.contents(dir) == ["afile"])
  }

  /// Every problem at once, including those after an unknown landscape.
  @Test func everyProblemOfACommandLineAtOnce() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(
      ["plot", "--landscape", "himelblau", "--lr", "-1", "--steps", "0", "--method", "sam:rho=x", "-o", "r.png"],
      in: dir)
    #expect(r.status == 2)
    #expect(r.errors.count == 4, "\(r.stderr)")
    for flag in ["--landscape", "--lr", "--steps", "--method sam:rho=x"] {
      #expect(r.errors.contains { $0.hasPrefix("error: \(flag): ") }, "\(flag): \(r.stderr)")
    }
  }

  /// Flags that do nothing say so, once, and the figure is still drawn.
  @Test(arguments: [
    (["plot", "--columns", "2"], "warning: --columns: has no effect without panels"),
    (["map", "--quantity", "lambda-min", "--log"], "warning: --log: has no effect on lambda-min, which is signed"),
    (["map", "--methods", "sgd,sam"], "warning: methods: no output uses the methods"),
    (["plot", "--method", "sam", "--momentum", "0.5"], "warning: --momentum: has no effect: no method here uses it"),
    (["plot", "--dpi", "300", "-o", "r.svg"], "warning: --dpi: "),
  ])
  func ineffectiveFlagsAreWarnedAbout(_ arguments: [String], _ message: String) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let output = arguments.contains("-o") ? [] : ["-o", "r.png"]
    let r = try CLI.run(arguments + ["--grid", "40", "--steps", "10"] + output, in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains(message), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") }.count == 1, "\(r.stderr)")
    #expect(try CLI.contents(dir).count == 1)
  }

  /// A run stopped while a file is being written leaves nothing behind and exits with 128 + signal.
  @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
  func anInterruptedWriteLeavesNoPartialFile(_ signal: Int32, _ status: Int32) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["plot", "--steps", "5", "--grid", "30", "-o", "r.png"]
    process.currentDirectoryURL = dir
    process.environment = ProcessInfo.processInfo.environment.merging(["FLATLAND_TEST_HOLD_PARTIAL": "20"]) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait until the temporary file exists (the write is being held), then interrupt.
    var partial = false
    for _ in 0..<300 where !partial {
      Thread.sleep(forTimeInterval: 0.05)
      partial = (try CLI.contents(dir)).contains { $0.hasPrefix(".r.png.partial-") }
    }
    #expect(partial, "the partial file never appeared")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationStatus == status)
    #expect(try CLI.contents(dir).isEmpty)
  }

  /// Help examples are whole commands, each line short enough not to wrap in an 80-column terminal,
  /// and continued with a backslash so that a copied example runs as is.
  @Test(arguments: ["", "plot", "curves", "map", "slice", "schematic", "run", "lecture", "demo"])
  func helpExamplesCopyCleanly(_ command: String) throws {
    let r = try CLI.run((command.isEmpty ? [] : [command]) + ["--help"], in: FileManager.default.temporaryDirectory)
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var k = 0
    while k < lines.count {
      defer { k += 1 }
      let line = lines[k].trimmingCharacters(in: .whitespaces)
      guard line.hasPrefix("flatland ") else { continue }
      var command = line
      while command.hasSuffix("\\"), k + 1 < lines.count {
        #expect(lines[k].count <= 80, "\(lines[k])")
        k += 1
        command = String(command.dropLast()) + lines[k].trimmingCharacters(in: .whitespaces)
      }
      #expect(lines[k].count <= 80, "\(lines[k])")
      // The joined command parses (nothing cut between an option and its value).
      let words = command.split(separator: " ").map(String.init)
      #expect(!words.contains { $0.hasSuffix("\\") }, "\(command)")
    }
    if command == "plot" {
      for shown in ["(default: 400)", "(default: auto)", "(default: the landscape's)"] {
        #expect(r.stdout.contains(shown), "\(shown)")
      }
    }
  }
}
