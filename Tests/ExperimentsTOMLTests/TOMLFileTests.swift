import ExperimentsTOML
import Foundation
import Testing

@testable import Flatland

/// Experiment files in TOML: read through TOMLKit with every position found, written back in the
/// examples' layout, and changed with `--set`.
@Suite struct TOMLFileTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static var exampleFiles: [String] {
    let folders = ["examples", "examples/lecture"].map { root.appendingPathComponent($0).path }
    return folders.flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
        .map { (folder as NSString).appendingPathComponent($0) }
    }
  }

  /// Every example resolves, and its spec and its resolved spec survive being written as TOML and
  /// read back.
  @Test func examplesRoundTripThroughTOML() throws {
    #expect(Self.exampleFiles.count >= 30)
    for file in Self.exampleFiles {
      let spec = try SpecFile.spec(file)
      let text = TOMLWriter.document(spec.node)
      let back = try ExperimentSpec.load(TOMLSpecReader.read(text, file: "written.toml"))
      #expect(back == spec, "\(file)")
      let resolved = try spec.resolve().spec
      let again = try ExperimentSpec.load(TOMLSpecReader.read(TOMLWriter.document(resolved.node), file: "r.toml"))
      #expect(try again.resolve().spec == resolved, "\(file)")
    }
  }

  /// The reference's complete example is a working experiment.
  @Test func theReferenceExampleRuns() throws {
    let spec = try ExperimentSpec.load(TOMLSpecReader.read(ExperimentReference.example, file: "example.toml"))
    let e = try spec.resolve()
    #expect(e.methods.map(\.name) == ["sgd", "sam"] && e.starts.count == 2 && e.outputs.count == 2)
    #expect(e.methods[1].label == "SAM, <i>ρ</i> = 0.1")
  }

  /// Keys, headers, elements and values are found where they were written, through comments,
  /// quoted and dotted keys, inline tables, arrays over several lines and multi-line strings.
  @Test func positionsAreFoundEverywhere() throws {
    let text = """
      # a comment with [brackets] and = signs
      title = '''a "title"
      over two lines'''
      seed = 3   # trailing comment

      [landscape]
      name = "two-valleys"
      params = { d1 = 1.2, "s1x" = 0.2 }

      [run]
      starts = [
        [0.3, 2.0],   # first
        [-1.0, 1.5],
      ]
      noise.kind = "gaussian"
      noise.sigma = 0.1

      [[methods]]
      name = "sgd"

      [[methods]]
      name = "sam"
        rho = 0.1
      """
    let node = try TOMLSpecReader.read(text, file: "t.toml")
    func at(_ n: SpecNode?) -> String {
      if case .file(_, let l, let c)? = n?.location { return "\(l):\(c)" }
      return "?"
    }
    #expect(at(node["seed"]) == "4:8")
    #expect(at(node["landscape"]?["params"]?["s1x"]) == "8:30")
    #expect(at(node["run"]?["starts"]?.elements?[1]) == "13:3")
    #expect(at(node["run"]?["noise"]?["sigma"]) == "16:15")
    #expect(at(node["methods"]?.elements?[1]["rho"]) == "23:9")
    #expect(node["title"]?.value == .string("a \"title\"\nover two lines"))
    #expect(node.entries?.map(\.key) == ["title", "seed", "landscape", "run", "methods"])
    #expect(node["methods"]?.elements?[1].entries?.first?.keyLocation == .file("t.toml", line: 22, column: 1))
  }

  @Test func syntaxErrorsNameTheirPosition() {
    do {
      _ = try TOMLSpecReader.read("seed = 1\n[run]\nsteps = = 5\n", file: "bad.toml")
      Issue.record("accepted")
    } catch {
      #expect(error.description.hasPrefix("bad.toml:3:"), "\(error.description)")
      #expect(error.description.contains("not valid TOML"))
    }
  }

  /// Past crashers: each once aborted the process inside toml++ (an assertion that stays on in
  /// release builds) or hung the position finder. The syntax scanner refuses them first.
  @Test(arguments: [
    ("[$a]\n", "1:2"), ("a.$b = 1\n", "1:3"), ("[[$methods]]\nname = \"x\"\n", "1:3"), ("a = [1,}1]\n", "1:8"),
    ("[run]\nstarts = [[-1.0,}1.0], [0.5, -0.5]]\n", "2:17"), ("[[methods] = \"slice\"\n", "1:10"),
    ("a = [[\nb]]\n", "2:1"), ("[[\nethods]]\nname = \"sgd\"\n", "1:3"), ("{ = 1\n", "1:1"),
    ("\\mathrm{[run]\n", "1:1"), ("a = 1 # x\u{0}y\n", "1:10"), ("a = 1\u{0}\n", "1:6"),
    ("title = \"a\u{0}b\"\n", "1:11"), ("a\u{0} = 1\n", "1:2"), ("when = 1979-05-27\n", "1:8"),
  ])
  func crashersAreRefusedWithAPosition(_ text: String, _ position: String) {
    do {
      _ = try TOMLSpecReader.read(text, file: "bad.toml")
      Issue.record("accepted: \(text)")
    } catch {
      #expect(error.description.hasPrefix("bad.toml:\(position): not valid TOML"), "\(error.description)")
    }
  }

  /// The scanner is strict but accepts all of TOML 1.0 that experiment files can use.
  @Test func validTOMLPassesTheScanner() throws {
    let text = """
      # comment
      title = "tab\\t, quote \\" and \\u00e9"   # trailing comment
      "quoted key" = 'literal \\ backslash'
      seed = 1_000
      [landscape]
      name = \"\"\"
      two-valleys\"\"\"
      params = { d1 = +1.5, s1x = 1e-1, 'x1' = -0.5, lambda = 0.0 }
      [run]
      starts = [
        [0.3, 2.0],  # first
        [-1.0, 1.5], # trailing comma next
      ]
      noise.kind = "gaussian"
      noise.sigma = [inf, nan]
      [[methods]]
      name = "sam"
      label = \'\'\'
      multi-line 'literal'\'\'\'
      [[methods]]
      name = "sgd"
      empty = []
      flag = true
      hex = 0x1F
      """
    let node = try TOMLSpecReader.read(text, file: "good.toml")
    guard case .string(let name)? = node["landscape"]?["name"]?.value else {
      Issue.record("no name")
      return
    }
    #expect(name == "two-valleys")
    #expect(node["methods"]?.elements?.count == 2)
    guard case .integer(let hex)? = node["methods"]?.elements?[1]["hex"]?.value else {
      Issue.record("no hex")
      return
    }
    #expect(hex == 31)
  }

  /// `--set` changes keys, creates missing tables, fans out over `[*]`, and says what is wrong.
  @Test func settingsChangeTheTree() throws {
    var node = try TOMLSpecReader.read(
      "[landscape]\nname = \"booth\"\n[[methods]]\nname = \"sgd\"\n[[methods]]\nname = \"sam\"\n", file: "s.toml")
    try SpecSettings.apply(
      [
        "run.steps=50", "methods[*].lr=0.02", "methods[1].sigma=[0.3, 1]", "title=Two words",
        "landscape.name=himmelblau",
      ],
      to: &node)
    #expect(node["run"]?["steps"]?.value == .integer(50))
    #expect(node["methods"]?.elements?.allSatisfy { $0["lr"]?.value == .float(0.02) } == true)
    #expect(node["methods"]?.elements?[1]["sigma"]?.elements?.count == 2)
    #expect(node["title"]?.value == .text("Two words"))
    #expect(node["landscape"]?["name"]?.location == .flag("--set landscape.name=himmelblau"))
    for (setting, message) in [
      ("methods[5].lr=1", "has 2 element(s); [5] does not exist"), ("run", "expected KEY.PATH=VALUE"),
      ("landscape.name.x=1", "is not a table"), ("a..b=1", "is not a key path"),
    ] {
      var copy = node
      do {
        try SpecSettings.apply([setting], to: &copy)
        Issue.record("accepted \(setting)")
      } catch {
        #expect(error.description.contains(message), "\(setting): \(error.description)")
        #expect(error.description.hasPrefix("--set \(setting)"))
      }
    }
  }

  /// JSON files read with the same schema as TOML give the same spec.
  @Test func jsonAndTOMLAgree() throws {
    let file = Self.root.appendingPathComponent("examples/two-valleys.toml").path
    let spec = try SpecFile.spec(file)
    let json = try JSONReader.read(JSONWriter.document(spec.node), file: "x.json")
    #expect(try ExperimentSpec.load(json) == spec)
  }
}
