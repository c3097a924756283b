import ExperimentsTOML
import Flatland
import FlatlandPlot
import Foundation
import Testing

/// `flatland run` and experiment files, end to end: the same experiment as flags and as a file
/// gives the same bytes, every example runs, and malformed files are refused with their positions.
@Suite struct ExperimentFileTests {
  static let root = CommandLineTests.root

  func data(_ dir: URL, _ file: String) throws -> Data { try Data(contentsOf: dir.appendingPathComponent(file)) }

  /// `--save-spec` writes the file that reproduces a command line; running it gives the same bytes.
  @Test(arguments: [
    [
      "plot", "--landscape", "two-valleys", "--methods", "sgd,sam,vsam", "--method", "gsam:alpha=0.3", "--start",
      "0.3,2",
      "--start", "-1,1.5", "--steps", "80", "--noise", "0.1,0.05", "--seed", "7", "--grid", "80", "--rho", "0.2",
      "--title", "$\\rho = 0.2$", "-o", "fig.png", "--data", "fig.csv",
    ],
    [
      "curves", "--landscape", "quadratic", "--param", "a=1,b=10", "--methods", "sgd,sam,rst", "--noise", "hessian:0.3",
      "--repeats", "4", "--steps", "60", "--x", "evaluations", "-o", "fig.svg", "--data", "fig.csv",
    ],
    [
      "map", "--landscape", "himmelblau", "--quantity", "basins", "--methods", "sgd,sam", "--rho", "0.5", "--steps",
      "50",
      "--grid", "20", "-o", "fig.pdf", "--data", "fig.csv",
    ],
    [
      "map", "--landscape", "two-valleys", "--rho", "0.05,0.1", "--grid", "20", "--log", "-o", "fig.png", "--data",
      "fig.csv",
    ],
    [
      "slice", "--landscape", "0.1*x^2 - exp(-30*(x-1)^2)", "--param", "window=2", "--rho", "0.3", "--grid", "50",
      "-o", "fig.png", "--data", "fig.csv",
    ],
    [
      "schematic", "--method", "vsam:sigma=0.3,1,rho=0.25", "--at", "0.45,0.6", "--grid", "60", "-o", "fig.png",
      "--data", "fig.json",
    ],
    [
      "sweep", "--landscape", "himmelblau", "--methods", "sam,gsam", "--x", "lr=0.002:0.02:log:6", "--y",
      "rho=0:0.8:5", "--steps", "60", "--start", "0,0", "--start", "-1,2", "--noise", "0.5", "--repeats", "2",
      "--quantity", "steps", "-o", "fig.png", "--data", "fig.csv",
    ],
    [
      "ensemble", "--landscape", "two-valleys", "--methods", "sgd,sam", "--noise", "0.4", "--repeats", "12",
      "--steps", "80", "--bundle", "5", "--grid", "60", "-o", "fig.png", "--data", "fig.csv",
    ],
  ])
  func flagsAndTheirSpecGiveTheSameBytes(_ arguments: [String]) throws {
    let dir = try CommandLineTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let figure = arguments[arguments.firstIndex(of: "-o")! + 1]
    let numbers = arguments[arguments.firstIndex(of: "--data")! + 1]
    let a = try CommandLineTests.run(arguments + ["--save-spec", "spec.toml"], in: dir)
    #expect(a.status == 0, "\(a.stderr)")
    let (flagFigure, flagData) = (try data(dir, figure), try data(dir, numbers))
    let b = try CommandLineTests.run(["run", "spec.toml", "--out", "again"], in: dir)
    #expect(b.status == 0, "\(b.stderr)")
    #expect(try data(dir, "again/" + figure) == flagFigure, "\(figure)")
    #expect(try data(dir, "again/" + numbers) == flagData, "\(numbers)")
  }

  /// A file written by hand that says what a command line says gives that command line's bytes.
  @Test func aHandWrittenFileEqualsItsFlags() throws {
    let dir = try CommandLineTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let toml = """
      seed = 3
      [landscape]
      name = "quadratic"
      params = { b = 10 }
      [run]
      steps = 50
      noise = { kind = "gaussian", sigma = 0.2 }
      [[methods]]
      name = "sgd"
      lr = 0.04
      [[methods]]
      name = "sam"
      lr = 0.04
      rho = 0.25
      [[outputs]]
      figure = "routes"
      file = "r.png"
      grid = 60
      [[outputs]]
      data = "trajectories"
      file = "r.csv"
      """
    try Data(toml.utf8).write(to: dir.appendingPathComponent("hand.toml"))
    let flags = try CommandLineTests.run(
      [
        "plot", "--landscape", "quadratic", "--param", "b=10", "--methods", "sgd,sam", "--lr", "0.04", "--rho", "0.25",
        "--steps", "50", "--noise", "0.2", "--seed", "3", "--grid", "60", "-o", "r.png", "--data", "r.csv",
      ], in: dir)
    #expect(flags.status == 0, "\(flags.stderr)")
    let file = try CommandLineTests.run(["run", "hand.toml", "--out", "file"], in: dir)
    #expect(file.status == 0, "\(file.stderr)")
    #expect(try data(dir, "r.png") == data(dir, "file/r.png"))
    #expect(try data(dir, "r.csv") == data(dir, "file/r.csv"))
    // The same file as JSON.
    let json = JSONWriter.document(try SpecFile.load(dir.appendingPathComponent("hand.toml").path))
    try Data(json.utf8).write(to: dir.appendingPathComponent("hand.json"))
    #expect(try CommandLineTests.run(["run", "hand.json", "--out", "json"], in: dir).status == 0)
    #expect(try data(dir, "r.png") == data(dir, "json/r.png"))
  }

  /// `flatland run examples/two-valleys.toml --out out/` writes the figures, their CSV, the summary
  /// and the resolved spec; running the resolved spec writes the same bytes again.
  @Test func runWritesOutputsSummaryAndResolvedSpec() throws {
    let dir = try CommandLineTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let spec = Self.root.appendingPathComponent("examples/two-valleys.toml").path
    let settings = ["--set", "run.steps=60", "--set", "outputs[0].grid=60", "--set", "outputs[2].grid=40"]
    let r = try CommandLineTests.run(["run", spec, "--out", "out"] + settings, in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let written = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).sorted()
    #expect(
      written == [
        "two-valleys-panels.png", "two-valleys-paper.png", "two-valleys-poster.png", "two-valleys-routes.csv",
        "two-valleys-routes.png", "two-valleys.resolved.toml", "two-valleys.summary.json",
      ])
    let summary = try JSONSerialization.jsonObject(with: data(dir, "out/two-valleys.summary.json")) as? [String: Any]
    let runs = try #require(summary?["runs"] as? [[String: Any]])
    #expect(runs.count == 4 && runs.allSatisfy { $0["nearest_minimum"] != nil && $0["sharpness"] != nil })
    #expect((runs[0]["outcome"] as? [String: Any])?["kind"] != nil)
    let resolved = try String(contentsOf: dir.appendingPathComponent("out/two-valleys.resolved.toml"), encoding: .utf8)
    #expect(resolved.contains("steps = 60") && resolved.contains("rho-min = 0.1") && resolved.contains("lr = 0.03"))
    let again = try CommandLineTests.run(["run", "out/two-valleys.resolved.toml", "--out", "again"], in: dir)
    #expect(again.status == 0, "\(again.stderr)")
    for file in written where file.hasSuffix(".png") || file.hasSuffix(".csv") {
      #expect(try data(dir, "out/" + file) == data(dir, "again/" + file), "\(file)")
    }
  }

  /// Every experiment file in examples/ runs, with fast settings given by `--set`, and writes what it
  /// declares; the README shows every gallery figure.
  @Test func everyExampleRuns() throws {
    let dir = try CommandLineTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    var figures = 0
    for folder in ["examples", "examples/lecture"] {
      let path = Self.root.appendingPathComponent(folder).path
      for name in try FileManager.default.contentsOfDirectory(atPath: path).filter({ $0.hasSuffix(".toml") }).sorted() {
        let file = (path as NSString).appendingPathComponent(name)
        let spec = try SpecFile.spec(file)
        var settings = ["--set", "run.steps=25"]
        if (spec.run.repeats ?? 1) > 1 { settings += ["--set", "run.repeats=3"] }
        for (i, output) in spec.outputs.enumerated()
        where OutputSpec.fields(for: output.kind).contains(where: { $0.key == "grid" }) {
          settings += ["--set", "outputs[\(i)].grid=24"]
        }
        let r = try CommandLineTests.run(["run", file, "--out", "out"] + settings, in: dir)
        #expect(r.status == 0, "\(name): \(r.stderr)")
        for output in spec.outputs {
          let target = dir.appendingPathComponent("out/\(output.file ?? "")").path
          #expect(FileManager.default.fileExists(atPath: target), "\(name) did not write \(output.file ?? "")")
          if folder == "examples", output.isFigure, let f = output.file {
            figures += 1
            #expect(readme.contains("plots/\(f)"), "README does not show plots/\(f)")
          }
        }
      }
    }
    #expect(figures >= 27)
  }

  /// Every file written records the version, the spec hash and the seed.
  @Test func everyFileRecordsItsProvenance() throws {
    let dir = try CommandLineTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let common = ["plot", "--methods", "sam", "--steps", "10", "--grid", "30", "--seed", "42"]
    var hashes: Set<String> = []
    for format in ["png", "svg", "pdf"] {
      let r = try CommandLineTests.run(common + ["-o", "f.\(format)"], in: dir)
      #expect(r.status == 0, "\(r.stderr)")
      let text = String(decoding: try data(dir, "f.\(format)"), as: UTF8.self)
      let hash = try #require(text.firstMatch(of: /sha256[:=]"?([0-9a-f]{64})/).map { String($0.1) }, "\(format)")
      hashes.insert(hash)
      switch format {
      case "png":
        #expect(
          text.contains("Software\u{0}Flatland \(FlatlandVersion.string)") && text.contains("Flatland seed\u{0}42"))
      case "svg":
        #expect(text.contains("<metadata><flatland") && text.contains("seed=\"42\""))
        #expect(text.contains("version=\"\(FlatlandVersion.string)\""))
      default:
        #expect(text.contains("Flatland \(FlatlandVersion.string)") && text.contains("seed 42"))
      }
    }
    #expect(hashes.count == 1, "one experiment, one hash: \(hashes)")
  }

  /// Malformed experiment files: each problem with `file:line:column`, the key path and what is
  /// accepted; every problem of a file at once; exit 2; no file written.
  @Test(arguments: [
    (
      "seed = 1\n[landscape]\nname = \"two-valleys\"\n[run]\nsteps = \"many\"\n",
      ["m.toml:5:9: run.steps: expected a whole number, not a string"]
    ),
    (
      "[landscape]\nname = \"booth\"\n[[methods]]\nname = \"sam\"\nrhoo = 1\n",
      [
        "m.toml:5:1: methods[0].rhoo: unknown key 'rhoo' in method 'sam' (did you mean 'rho'?); accepted: name, label, rho"
      ]
    ),
    ("[landscape]\nname = \"booth\"\n[[methods]]\nname = \"smа\"\n", ["m.toml:4:8: methods[0].name: unknown method"]),
    (
      "[landscape]\nname = \"booth\"\n[[methods]]\nname = \"foo\"\n",
      ["m.toml:4:8: methods[0].name: unknown method 'foo'; accepted: sgd"]
    ),
    (
      "[landscape]\nname = \"booth\"\n[[methods]]\nname = \"sam\"\nrho = -0.5\n",
      ["m.toml:5:7: methods[0].rho: -0.5 is not valid; expected a number ≥ 0"]
    ),
    (
      "[run]\nsteps = 5\n",
      ["m.toml: landscape: a landscape is needed", "m.toml: outputs: an experiment needs at least one"]
    ),
    (
      "[landscape]\nname = \"booth\"\nformula = \"x^2\"\n",
      ["m.toml:3:1: landscape.formula: give a name or a formula, not both"]
    ),
    (
      "[landscape]\nname = \"himelblau\"\n",
      ["m.toml:2:8: landscape.name: unknown landscape 'himelblau' (did you mean 'himmelblau'?)"]
    ),
    (
      "[landscape]\nname = \"booth\"\n[[outputs]]\nfigure = \"route\"\nfile = \"r.png\"\n",
      ["m.toml:4:10: outputs[0].figure: unknown figure kind 'route' (did you mean 'routes'?); accepted: routes, curves"]
    ),
    (
      "[landscape]\nname = \"booth\"\n[[outputs]]\nfigure = \"routes\"\nfile = \"r.png\"\nquantity = \"basins\"\n",
      ["m.toml:6:1: outputs[0].quantity: unknown key 'quantity' in a routes figure; accepted: figure, file, grid"]
    ),
    (
      "[landscape]\nname = \"booth\"\n[[outputs]]\nfile = \"r.png\"\n",
      ["m.toml:3:1: outputs[0]: an output needs figure = "]
    ),
    (
      "[landscape]\nname = \"booth\"\n[[outputs]]\nfigure = \"map\"\ndata = \"map\"\nfile = \"m.png\"\n",
      ["m.toml:5:1: outputs[0].data: an output is either a figure or data, not both"]
    ),
    (
      "[landscape]\nname = \"booth\"\n[run]\nstarts = [[1, 2, 3]]\nnoise = { kind = \"gaussian\" }\n",
      [
        "m.toml:4:11: run.starts[0]: expected two finite numbers [x, y]",
        "m.toml:5:9: run.noise: gaussian noise needs sigma",
      ]
    ),
    (
      "[landscape]\nname = \"quadratic\"\nparams = { a = 1, c = 2 }\n",
      ["m.toml:3:19: landscape.params.c: unknown parameter 'c' in 'quadratic'; accepted: a, b, angle, cx, cy"]
    ),
    (
      "[landscape]\nname = \"booth\"\n[[methods]]\nname = \"vsam\"\nsigma = 0.3\nlearn = \"yes\"\n",
      [
        "m.toml:5:9: methods[0].sigma: expected two numbers [a, b], each ≥ 0",
        "m.toml:6:9: methods[0].learn: expected true or false, not a string",
      ]
    ),
    (
      "title = \"$\\\\rhoo$\"\n[landscape]\nname = \"booth\"\n",
      [
        "m.toml:1:9: title: '$\\rhoo$' is not valid; expected text with $math$: unknown command '\\rhoo' at column 2 (did you mean '\\rho'?)"
      ]
    ),
    (
      "[landscape]\nname = \"booth\"\n[[outputs]]\nfigure = \"map\"\nfile = \"m.gif\"\nrho = [0.1, -1]\ngrid = 5000\n",
      [
        "m.toml:5:8: outputs[0].file: unsupported extension for a map figure",
        "m.toml:6:7: outputs[0].rho: expected one to nine radii ≥ 0", "m.toml:7:8: outputs[0].grid: 5000 is not valid",
      ]
    ),
    (
      "methdos = []\n[landscape]\nname = \"booth\"\n",
      ["m.toml:1:1: methdos: unknown key 'methdos' in an experiment (did you mean 'methods'?)"]
    ),
    ("[landscape\nname = \"booth\"\n", ["m.toml:1:"]),
  ])
  func malformedFilesAreRefusedWithTheirPositions(_ toml: String, _ messages: [String]) throws {
    let dir = try CommandLineTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(toml.utf8).write(to: dir.appendingPathComponent("m.toml"))
    let r = try CommandLineTests.run(["run", "m.toml", "--out", "out"], in: dir)
    #expect(r.status == 2, "\(toml)\n\(r.stderr)")
    for message in messages {
      #expect(
        r.stderr.contains(message.replacingOccurrences(of: "m.toml: ", with: "")), "missing \(message) in:\n\(r.stderr)"
      )
    }
    #expect(r.errors.count >= messages.count)
    #expect(try CommandLineTests.contents(dir) == ["m.toml"], "files were written")
  }

  /// `--check` validates and writes nothing; several files are checked together.
  @Test func checkRunsNothing() throws {
    let dir = try CommandLineTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let examples = ["two-valleys.toml", "himmelblau-basins.toml"].map {
      Self.root.appendingPathComponent("examples/\($0)").path
    }
    let r = try CommandLineTests.run(["run", "--check", "--out", "out"] + examples, in: dir)
    #expect(r.status == 0 && r.stdout.contains("ok: 2 experiment files"), "\(r.stdout)\(r.stderr)")
    #expect(try CommandLineTests.contents(dir).isEmpty)
    let bad = try CommandLineTests.run(["run", "missing.toml", "nope.yaml"], in: dir)
    #expect(bad.status == 2 && bad.stderr.contains("missing.toml: no such file"))
    #expect(bad.stderr.contains("nope.yaml: an experiment file ends in .toml or .json"))
  }

  /// The generated reference is the committed one (`make docs` rewrites it).
  @Test func theReferenceMatchesTheCode() throws {
    let committed = try String(
      contentsOf: Self.root.appendingPathComponent("docs/experiment-files.md"), encoding: .utf8)
    let r = try CommandLineTests.run(["reference"], in: FileManager.default.temporaryDirectory)
    #expect(r.stdout == committed, "docs/experiment-files.md is out of date: run `make docs`")
    #expect(r.stdout == ExperimentReference.markdown())
  }

  /// The README's experiment file is the reference's complete example.
  @Test func theReadmeShowsTheCompleteExample() throws {
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains(ExperimentReference.example), "README's example differs from ExperimentReference.example")
    #expect(readme.contains("docs/experiment-files.md"))
  }
}
