import Foundation
import Testing

@testable import Flatland

/// The experiment layer: typed method specs, one place for defaults, every problem at once with its
/// path, and specs that survive their tree form.
@Suite struct ExperimentSpecTests {
  static func spec(_ methods: [MethodSpec], outputs: [OutputSpec] = [OutputSpec(.figure(.routes), file: "r.png")])
    -> ExperimentSpec
  {
    ExperimentSpec(landscape: LandscapeSpec(name: "two-valleys"), methods: methods, outputs: outputs)
  }

  /// Every preset resolves with its defaults, and every default of its option table is a value the
  /// option itself accepts.
  @Test(arguments: MethodPreset.allCases)
  func everyPresetResolvesWithItsDefaults(_ preset: MethodPreset) throws {
    let experiment = try Self.spec([MethodSpec(preset)]).resolve()
    #expect(experiment.methods.count == 1)
    let resolved = try #require(experiment.spec.methods?.first)
    let defaults = MethodDefaults(suggestedBy: experiment.info)
    var p = MethodParameters()
    for option in preset.options {
      guard let value = resolved.values[option.key] ?? MethodSpec(preset).defaultValue(of: option, defaults) else {
        // Only rho-min's default is computed (from rho and the radius rule) rather than listed.
        #expect(option.key == .rhoMin, "\(preset.rawValue).\(option.key.rawValue) has no default")
        continue
      }
      #expect(option.set(value, in: &p) == nil, "\(preset.rawValue).\(option.key.rawValue) = \(value)")
    }
    // The resolved spec holds exactly the keys that act under those defaults.
    let acting = preset.options.filter { MethodCatalog.relevance(of: $0.key, in: preset)?.holds(p) ?? true }
    #expect(Set(resolved.values.keys) == Set(acting.map(\.key)), "\(preset.rawValue)")
  }

  /// Defaults resolve in one place: the landscape's suggestion first, then the method's own.
  @Test func defaultsComeFromTheLandscapeThenTheMethod() throws {
    var spec = ExperimentSpec(landscape: LandscapeSpec(name: "quadratic"))
    spec.methods = [MethodSpec(.gsam), MethodSpec(.looksam), MethodSpec(.gsam, [.alpha: 0.1, .lr: 0.2])]
    spec.outputs = [OutputSpec(.data(.trajectories), file: "r.csv")]
    let e = try spec.resolve()
    let info = Quadratic().info
    let methods = try #require(e.spec.methods)
    #expect(methods[0].values[.lr] == .number(info.suggested.learningRate))
    #expect(methods[0].values[.rho] == .number(info.suggested.rho))
    #expect(methods[0].values[.alpha] == .number(0.4))  // GSAM's α
    #expect(methods[1].values[.alpha] == .number(0.7))  // LookSAM's α: a different default
    #expect(methods[2].values[.alpha] == .number(0.1) && methods[2].values[.lr] == .number(0.2))
    #expect(e.steps == info.suggested.steps && e.starts == info.suggested.starts)
  }

  /// GSAM's lower radius defaults to its own ρ, so a decaying learning rate never makes ρ rise.
  @Test func gsamsLowerRadiusIsItsOwnRho() throws {
    let e = try Self.spec([MethodSpec(.gsam, [.rho: 0.05, .schedule: "cosine", .lrFinal: 0.001])]).resolve()
    #expect(e.spec.methods?[0].values[.rhoMin] == .number(0.05))
    let sam = try Self.spec([MethodSpec(.sam, [.radius: "target-sharpness"])]).resolve()
    #expect(sam.spec.methods?[0].values[.rhoMin] == .number(1e-4))
  }

  /// Every problem of a spec at once, each at its key path.
  @Test func everyProblemIsReportedAtOnceWithItsPath() {
    var spec = Self.spec([
      MethodSpec(.sam, [.rho: -1, .base: "rmsprop"]), MethodSpec(.adam, [.mu: 0.5]),
      MethodSpec(.vsam, [.sigma: .number(1)]),
    ])
    spec.run = RunSpec(steps: 0, starts: [Vec2(1e6, 0)], repeats: 5000)
    spec.outputs.append(OutputSpec(.figure(.map), file: "m.jpg"))
    let problems = spec.validate()
    let described = problems.map(\.description)
    for expected in [
      "methods[0].rho: -1 is not valid; expected a number ≥ 0",
      "methods[0].base: unknown base 'rmsprop'; accepted: sgd, momentum, nesterov, adam",
      "methods[1].mu: unknown key 'mu' in method 'adam'",
      "methods[2].sigma: 1 is not valid; expected two numbers",
      "run.steps: 0 is not valid; expected a whole number from 1 to 1000000",
      "run.repeats: 5000 is not valid",
      "run.starts[0]: start (1000000, 0) is outside the domain of 'two-valleys'",
      "outputs[1].file: unsupported extension for a map figure; use .png, .svg or .pdf",
    ] {
      #expect(described.contains { $0.hasPrefix(expected) }, "missing \(expected) in \(described)")
    }
    #expect(problems.allSatisfy { $0.severity == .error })
  }

  /// An unknown landscape hides no other problem.
  @Test func anUnknownLandscapeHidesNothingElse() {
    var spec = Self.spec([MethodSpec(.sam, [.lr: -1])])
    spec.landscape = LandscapeSpec(name: "himelblau")
    let described = spec.validate().map(\.description)
    #expect(described.contains { $0.contains("unknown landscape 'himelblau' (did you mean 'himmelblau'?)") })
    #expect(described.contains { $0.hasPrefix("methods[0].lr: -1 is not valid") })
  }

  @Test func landscapesAreNamedOrTypedButNotBoth() {
    for (landscape, message) in [
      (LandscapeSpec(), "give name = "), (LandscapeSpec(name: "booth", formula: "x"), "a name or a formula, not both"),
      (LandscapeSpec(formula: "x^2 + )"), "unexpected ')' at column 7"),
      (LandscapeSpec(name: "quadratic", params: ["c": 1]), "unknown parameter 'c' in 'quadratic'"),
      (LandscapeSpec(name: "two-valleys", params: ["s1x": 0]), "expected a width > 0"),
      (LandscapeSpec(name: "booth", window: Box(unordered: [1, -1, 0, 1])), "expected xmin < xmax"),
    ] {
      var spec = Self.spec([])
      spec.landscape = landscape
      let described = spec.validate().map(\.description).joined(separator: "\n")
      #expect(described.contains(message), "\(landscape): \(described)")
    }
  }

  /// A custom window reaches the landscape: figures, tolerances and the domain of starts.
  @Test func aWindowReframesTheLandscape() throws {
    var spec = Self.spec([MethodSpec(.sgd)])
    spec.landscape = LandscapeSpec(name: "booth", window: Box(x: -20...30, y: -20...30))
    spec.run.starts = [Vec2(25, 25)]  // outside Booth's own domain, inside the window
    let e = try spec.resolve()
    #expect(e.info.window == Box(x: -20...30, y: -20...30) && e.info.domain.contains(Vec2(25, 25)))
    #expect(e.landscape.value(at: Vec2(1, 3)) == Booth().value(at: Vec2(1, 3)))
  }

  @Test func resourceGuardsSayByHowMuch() {
    var spec = Self.spec([MethodSpec(.sgd)])
    spec.run = RunSpec(steps: 1_000_000, repeats: 100)
    #expect(spec.validate().contains { $0.message.contains("over the limit of 2·10⁷ (5.0×)") })
  }

  /// The typed spec survives its tree form (the shape TOML and JSON are written from and read into).
  @Test func specsSurviveTheirTreeForm() throws {
    var spec = Self.spec([
      MethodSpec(.vsam, [.sigma: .pair(Vec2(0.5, 0.05)), .learn: true], label: "VSAM, $\\sigma$ learned"),
      MethodSpec(.custom, [.combination: "gsam", .base: "adam", .lr: 0.003]),
    ])
    spec.title = "A title"
    spec.seed = UInt64.max
    spec.run = RunSpec(
      steps: 42, starts: [Vec2(0.3, 2), Vec2(-1, 1.5)], noise: NoiseSpec(.gaussian(sigma: Vec2(0.1, 0.2))), repeats: 3)
    var map = OutputSpec(.figure(.map), file: "m.pdf")
    map.radii = [0.05, 0.1]
    map.colormap = ColormapSpec(.magma, reversed: true)
    map.size = Vec2(1500, 620)
    var routes = OutputSpec(.figure(.routes), file: "r.svg")
    routes.levels = .explicit([0, 1, 2.5])
    routes.panels = .methods
    spec.outputs = [routes, map, OutputSpec(.data(.summary), file: "s.json")]
    let back = try ExperimentSpec.load(spec.node)
    #expect(back == spec)
    let resolved = try spec.resolve().spec
    #expect(try ExperimentSpec.load(resolved.node).resolve().spec == resolved)
  }

  /// Codable goes through the same schema: JSON in, the same spec out.
  @Test func codableUsesTheSameSchema() throws {
    let spec = Self.spec([MethodSpec(.sam, [.rho: 0.2])])
    let data = try JSONEncoder().encode(spec)
    #expect(try JSONDecoder().decode(ExperimentSpec.self, from: data) == spec)
    let bad = Data(#"{"landscape": {"name": "booth"}, "methods": [{"name": "sam", "rhoo": 1}]}"#.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(ExperimentSpec.self, from: bad) }
  }

  /// The hash recorded in files covers what made the file, not its name.
  @Test func theSpecHashIgnoresFileNames() throws {
    let a = try Self.spec([MethodSpec(.sam)], outputs: [OutputSpec(.figure(.routes), file: "a.png")]).resolve()
    let b = try Self.spec([MethodSpec(.sam)], outputs: [OutputSpec(.figure(.routes), file: "b/c.png")]).resolve()
    let c = try Self.spec([MethodSpec(.sam, [.rho: 0.2])], outputs: [OutputSpec(.figure(.routes), file: "a.png")])
      .resolve()
    #expect(a.provenance(forOutput: 0) == b.provenance(forOutput: 0))
    #expect(a.provenance(forOutput: 0) != c.provenance(forOutput: 0))
    #expect(a.provenance(forOutput: 0).specHash.count == 64)
  }

  /// Results are values: the analyses an experiment's outputs ask for, each computed once.
  @Test func runningGivesOneProductPerOutput() throws {
    var spec = Self.spec([MethodSpec(.sgd), MethodSpec(.sam)])
    spec.run = RunSpec(steps: 20, repeats: 2)
    var curves = OutputSpec(.figure(.curves), file: "c.png")
    curves.x = .evaluations
    var curveData = OutputSpec(.data(.curves), file: "c.csv")
    curveData.x = .evaluations
    var slice = OutputSpec(.data(.slice), file: "s.csv")
    slice.grid = 30
    spec.outputs = [curves, curveData, slice, OutputSpec(.data(.summary), file: "s.json")]
    let e = try spec.resolve()
    let results = e.run()
    #expect(results.trajectories.count == 4)
    guard case .curves(let a) = results.products[0], case .curves(let b) = results.products[1],
      case .slice(let profile) = results.products[2], case .summary(let runs) = results.products[3]
    else {
      Issue.record("unexpected products")
      return
    }
    #expect(a.series.count == 2 && b.series.count == 2 && a.series[1].x.last == 40)
    #expect(profile.t.count == 30 && zip(profile.fp, profile.f).allSatisfy { $0 >= $1 - 1e-12 })
    #expect(runs.count == 4 && runs.allSatisfy { $0.nearest != nil })
  }

  /// A method's random streams are keyed by what it is: writing out a fixed default (or a key a
  /// later version adds with a default that keeps the old rule) leaves them as they were; a
  /// value that changes the method changes them.
  @Test func streamsIgnoreFixedDefaults() throws {
    func identity(_ m: MethodSpec) throws -> UInt64 {
      var spec = ExperimentSpec(landscape: LandscapeSpec(name: "two-valleys"))
      spec.methods = [m]
      spec.outputs = [OutputSpec(.data(.summary), file: "s.json")]
      return try spec.resolve().methods[0].identity
    }
    let plain = try identity(MethodSpec(.rst))
    #expect(try identity(MethodSpec(.rst, [.p: 0.5, .base: "sgd", .wd: 0, .radius: "constant"])) == plain)
    #expect(try identity(MethodSpec(.rst, [.p: 0.6])) != plain)
    #expect(try identity(MethodSpec(.gsam, [.adaptive: false, .minimizeFp: true])) == identity(MethodSpec(.gsam)))
    #expect(
      try identity(MethodSpec(.custom, [.when: "every-k", .combination: "looksam"]))
        == identity(MethodSpec(.custom, [.combination: "looksam"])))
    #expect(try identity(MethodSpec(.rst)) != identity(MethodSpec(.sam)))
  }
}

/// FIPS 180-4 test vectors.
@Suite struct SHA256Tests {
  @Test func knownDigests() {
    #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    )
    #expect(
      SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}

/// JSON written and read back, with positions for problems.
@Suite struct JSONFileTests {
  @Test func roundTripsAndPositions() throws {
    let node = SpecNode.table([
      .init(key: "a", node: .float(0.1)), .init(key: "b", node: .array([.integer(3), .string("x\"y\n"), .bool(true)])),
      .init(key: "c", node: .table([.init(key: "ρ", node: .float(-1e-12))])),
    ])
    let text = JSONWriter.document(node)
    let back = try JSONReader.read(text, file: "t.json")
    #expect(JSONWriter.compact(back) == JSONWriter.compact(node))
    let located = try JSONReader.read("{\n  \"x\": [1,\n    2.5]\n}", file: "p.json")
    #expect(located["x"]?.elements?[1].location == .file("p.json", line: 3, column: 5))
    #expect(located.entries?[0].keyLocation == .file("p.json", line: 2, column: 3))
  }

  @Test(arguments: [
    ("{\"a\": 1,}", "1:9"), ("{\"a\" 1}", "1:6"), ("[1]", "1:1"), ("{\"a\": nul}", "1:7"), ("{\"a\": \"x", "1:9"),
    ("{\"a\": 1} 2", "1:10"), ("{\"a\": 1, \"a\": 2}", "1:10"),
  ])
  func malformedJSONNamesThePosition(_ text: String, _ position: String) {
    do {
      _ = try JSONReader.read(text, file: "bad.json")
      Issue.record("accepted \(text)")
    } catch {
      #expect(error.description.hasPrefix("bad.json:\(position): not valid JSON"), "\(error.description)")
    }
  }
}
