import Foundation
import Testing

@testable import Flatland

/// Never crash, never lie: random streams that follow what a run is, one rule per key wherever it
/// is given, contradictions and ignored settings said out loud, and landscapes that cannot be
/// drawn refused by name.
@Suite struct RobustnessTests {
  static func spec(
    _ methods: [MethodSpec], starts: [Vec2] = [Vec2(0.3, 2)],
    landscape: LandscapeSpec = LandscapeSpec(name: "two-valleys"),
    outputs: [OutputSpec] = [OutputSpec(.data(.trajectories), file: "r.csv")]
  ) -> ExperimentSpec {
    var spec = ExperimentSpec(seed: 7, landscape: landscape, methods: methods, outputs: outputs)
    spec.run = RunSpec(steps: 40, starts: starts, noise: NoiseSpec(kind: .gaussian, sigma: [0.3]), repeats: 2)
    return spec
  }

  static func output(_ kind: OutputKind, _ change: (inout OutputSpec) -> Void) -> OutputSpec {
    var output = OutputSpec(kind, file: "f.png")
    change(&output)
    return output
  }

  /// The runs of an experiment by what they are: method identity, start and repeat.
  static func runs(_ spec: ExperimentSpec) throws -> [String: [Vec2]] {
    let results = try spec.resolve().run()
    var out: [String: [Vec2]] = [:]
    for t in results.trajectories {
      let key = "\(t.method.identity) \(t.points[0]) \(t.repetition)"
      #expect(out[key] == nil || out[key]! == t.points, "a duplicate run differs: \(key)")
      out[key] = t.points
    }
    return out
  }

  /// Prepending, reordering and duplicating methods and starts leaves every other run's
  /// trajectory bit for bit as it was: a run's noise depends on what it is, not where it is.
  @Test func aRunsRandomStreamFollowsWhatItIs() throws {
    let sgd = MethodSpec(.sgd)
    let sam = MethodSpec(.sam, [.rho: 0.1])
    let rst = MethodSpec(.rst, [.rho: 0.1])  // random itself: RST draws a coin per step
    let (a, b, c) = (Vec2(0.3, 2), Vec2(-1, 1.5), Vec2(1.2, -0.4))
    let base = try Self.runs(Self.spec([sgd, sam, rst], starts: [a, b]))
    #expect(base.count == 3 * 2 * 2)
    let variants: [ExperimentSpec] = [
      Self.spec([MethodSpec(.gsam), sgd, sam, rst], starts: [a, b]),  // prepended method
      Self.spec([rst, sam, sgd], starts: [a, b]),  // reordered methods
      Self.spec([sgd, sam, MethodSpec(.sam, [.rho: 0.1], label: "SAM again"), rst], starts: [a, b]),  // duplicated
      Self.spec([sgd, sam, rst], starts: [c, a, b]),  // prepended start
      Self.spec([sgd, sam, rst], starts: [b, a]),  // reordered starts
      Self.spec([sgd, sam, rst], starts: [a, a, b]),  // duplicated start
    ]
    for (k, variant) in variants.enumerated() {
      let runs = try Self.runs(variant)
      for (key, points) in base { #expect(runs[key] == points, "variant \(k): run \(key) changed") }
    }
    // And the streams do differ where the runs differ: repeats, methods, seeds.
    let first = try Self.spec([sam], starts: [a]).resolve().run().trajectories
    #expect(first[0].points != first[1].points)
    var reseeded = Self.spec([sam], starts: [a])
    reseeded.seed = 8
    #expect(try reseeded.resolve().run().trajectories[0].points != first[0].points)
    let otherRho = try Self.spec([MethodSpec(.sam, [.rho: 0.2])], starts: [a]).resolve().run().trajectories
    #expect(otherRho[0].method.identity != first[0].method.identity)
  }

  /// A label is not part of what a method is; its hyperparameters are, however they were given.
  @Test func identityIgnoresLabelsAndSpelling() throws {
    let plain = try Self.spec([MethodSpec(.sam)]).resolve().methods[0].identity
    let labelled = try Self.spec([MethodSpec(.sam, label: "mine")]).resolve().methods[0].identity
    #expect(plain == labelled)
    // Every default spelled out (as the resolved spec writes it) is the same method.
    let resolved = try #require(try Self.spec([MethodSpec(.sam)]).resolve().spec.methods?.first)
    #expect(resolved.values.count > 3)
    #expect(try Self.spec([resolved]).resolve().methods[0].identity == plain)
    #expect(try Self.spec([MethodSpec(.sam, [.rho: 0.3])]).resolve().methods[0].identity != plain)
  }

  @Test(arguments: [
    (
      MethodSpec(.sam, [.target: 0.1]),
      "methods[0].target: target has no effect here: it acts only with radius = target-sharpness"
    ),
    (MethodSpec(.sam, [.rhoMin: 1, .rhoMax: 0.1]), "methods[0].rho-min: rho-min has no effect here"),
    (
      MethodSpec(.sam, [.radius: "target-sharpness", .rhoMin: 1, .rhoMax: 0.1]),
      "methods[0].rho-min: rho-min = 1 is above rho-max = 0.1"
    ),
    (MethodSpec(.gsam, [.radius: "lr-proportional", .rho: 0.1, .rhoMin: 0.5]), "rho-min = 0.5 is above rho = 0.1"),
    (MethodSpec(.vsam, [.sigma: .pair(Vec2(0, 0))]), "methods[0].sigma: σ = (0, 0) perturbs nothing"),
    (MethodSpec(.vsam, [.sigma: .pair(Vec2(0, 1)), .learn: true]), "a learned σ starts from positive values"),
    (
      MethodSpec(.custom, [.perturbation: "none", .covariance: "fisher", .penalty: "kl"]),
      "methods[0].covariance: covariance has no effect here: it acts only with a perturbation"
    ),
    (
      MethodSpec(.custom, [.perturbation: "gaussian", .combination: "gsam"]),
      "methods[0].combination: combination = gsam is formed against the clean gradient g(w), which a Gaussian step does not take"
    ),
    (
      MethodSpec(.custom, [.perturbation: "gaussian", .direction: "vasso"]),
      "methods[0].direction: direction = vasso smooths the worst-case ascent; a Gaussian perturbation samples e = σ⊙ξ"
    ),
    (
      MethodSpec(.custom, [.perturbation: "gaussian", .mask: "ssam-f"]),
      "methods[0].mask: mask = ssam-f selects coordinates of the worst-case ascent"
    ),
    (
      MethodSpec(.custom, [.combination: "looksam", .when: "every-step"]),
      "methods[0].combination: combination = looksam reuses g̃ on the steps that do not perturb"
    ),
    (
      MethodSpec(.custom, [.combination: "vasso"]),
      "methods[0].combination: combination = vasso is a part of its own now: write direction = vasso"
    ),
    (MethodSpec(.custom, [.k: 3]), "methods[0].k: k has no effect here: it acts only with when = every-k"),
    (
      MethodSpec(.custom, [.theta: 0.5]),
      "methods[0].theta: theta has no effect here: it acts only with direction = vasso"
    ),
    (MethodSpec(.momentum, [.mu: 1.5]), "methods[0].mu: 1.5 is not valid; expected a number from 0 to 0.999999"),
    (MethodSpec(.sam, [.wdMode: "decoupled"]), "wd-mode has no effect here: it acts only with wd > 0"),
  ])
  func contradictionsAndIneffectiveKeysAreRefused(_ method: MethodSpec, _ message: String) {
    let described = Self.spec([method]).validate().map(\.description)
    #expect(described.contains { $0.contains(message) }, "\(described)")
  }

  /// A key at its default value where it cannot act is harmless and accepted; the resolved spec
  /// leaves it out.
  @Test func defaultsWhereTheyCannotActAreAccepted() throws {
    let e = try Self.spec([MethodSpec(.sam, [.kappa: 1])]).resolve()  // κ's default, inert under radius = constant
    #expect(e.warnings.isEmpty)
    let written = try #require(e.spec.methods?.first)
    #expect(written.values[.kappa] == nil && written.values[.rho] != nil)
  }

  /// A shared value (one `--momentum` for every method) is used where it acts and ignored quietly
  /// elsewhere; it is a warning only when no method uses it.
  @Test func sharedKeysWarnOnlyWhenNoMethodUsesThem() throws {
    func fromTheFlag(_ spec: ExperimentSpec) -> ExperimentSpec {
      var spec = spec
      for i in spec.methods!.indices {
        spec.sources.record(.root + "methods" + i + "mu", key: .flag("--momentum"), value: .flag("--momentum"))
      }
      return spec
    }
    let both = fromTheFlag(Self.spec([MethodSpec(.sam, [.mu: 0.5]), MethodSpec(.momentum, [.mu: 0.5])]))
    let e = try both.resolve()
    #expect(e.warnings.isEmpty)
    #expect(e.given.methods?[0].values[.mu] == nil && e.given.methods?[1].values[.mu] == .number(0.5))
    // From a file or `--method`, the same key where it cannot act is an error.
    #expect(Self.spec([MethodSpec(.sam, [.mu: 0.5])]).validate().contains { $0.severity == .error })
    let none = fromTheFlag(Self.spec([MethodSpec(.sam, [.mu: 0.5])]))
    let warnings = try none.resolve().warnings.map(\.description)
    #expect(
      warnings.contains { $0.contains("no method here uses it (it acts with base = momentum or nesterov)") },
      "\(warnings)")
  }

  @Test func settingsAnOutputIgnoresAreWarnedAbout() throws {
    var map = OutputSpec(.figure(.map), file: "m.png")
    map.quantity = .lambdaMin
    map.log = true
    var routes = OutputSpec(.figure(.routes), file: "r.png")
    routes.columns = 2
    let e = try Self.spec([MethodSpec(.sgd)], outputs: [map, routes]).resolve()
    let warnings = e.warnings.map(\.description)
    #expect(
      warnings.contains { $0.contains("outputs[0].log: has no effect on lambda-min, which is signed") }, "\(warnings)")
    #expect(warnings.contains { $0.contains("outputs[1].columns: has no effect without panels") }, "\(warnings)")
    let mapOnly = try Self.spec([MethodSpec(.sgd)], outputs: [map]).resolve().warnings.map(\.description)
    #expect(mapOnly.contains { $0.contains("no output uses the methods") }, "\(mapOnly)")
  }

  /// Landscapes that cannot be drawn, and requests that would draw nothing, are refused by name.
  @Test(arguments: [
    (LandscapeSpec(formula: "1/0"), nil as OutputSpec?, "is not finite anywhere in the window"),
    (LandscapeSpec(formula: "log(-1 - x^2)"), nil, "is not finite anywhere in the window"),
    (LandscapeSpec(formula: "3 + 0*x*y"), nil, "is constant (3) over the window"),
    (
      LandscapeSpec(name: "two-valleys"), Self.output(.figure(.routes)) { $0.levels = .explicit([100, 200, 300]) },
      "every level lies outside the landscape's values over the window"
    ),
    (
      LandscapeSpec(formula: "x^2 + y^2"), Self.output(.figure(.map)) { $0.quantity = .basins },
      "a basin map sorts starts by the known minimum they reach"
    ),
    (LandscapeSpec(name: "two-valleys"), Self.output(.figure(.slice)) { $0.sliceAt = 1e308 }, "is outside the domain"),
  ])
  func undrawableRequestsAreRefused(_ landscape: LandscapeSpec, _ output: OutputSpec?, _ message: String) {
    let spec = Self.spec(
      [MethodSpec(.sgd)], starts: [Vec2(0.5, 0.5)], landscape: landscape,
      outputs: [output ?? OutputSpec(.figure(.routes), file: "r.png")])
    let described = spec.validate().map(\.description)
    #expect(described.contains { $0.contains(message) }, "\(described)")
  }

  @Test func guardsNameTheLimitAndHowFarOver() {
    var poster = OutputSpec(.figure(.routes), file: "r.png")
    poster.preset = .poster
    poster.dpi = 2400
    let pixels = Self.spec([MethodSpec(.sgd)], outputs: [poster]).validate().map(\.description)
    #expect(
      pixels.contains { $0.contains("24000 × 18000 = 432000000 pixels, over the limit of 10⁸ (4.3×)") }, "\(pixels)")
    // The same size as a vector file has no pixels to count.
    poster.file = "r.pdf"
    #expect(Self.spec([MethodSpec(.sgd)], outputs: [poster]).validate().allSatisfy { $0.severity != .error })

    let long = Array(repeating: "sin(x*y)", count: 350).joined(separator: "+")
    var map = OutputSpec(.figure(.map), file: "m.png")
    map.grid = 600
    let cost = Self.spec([MethodSpec(.sgd)], landscape: LandscapeSpec(formula: long), outputs: [map]).validate()
    #expect(
      cost.contains {
        $0.message.contains("formula-node evaluations (1749 nodes × its evaluations), over the limit of 2·10¹⁰")
      })
    // On any landscape: nine exact-sharpness radii over 600² nodes are about 3.2·10⁹ evaluations.
    var sharpness = OutputSpec(.figure(.map), file: "s.png")
    sharpness.grid = 600
    sharpness.radii = Array(stride(from: 0.1, through: 0.9, by: 0.1))
    let evaluations = Self.spec([MethodSpec(.sgd)], outputs: [sharpness]).validate().map(\.description)
    #expect(
      evaluations.contains {
        $0.contains("outputs[0]: this job costs about 3.2e9 landscape evaluations, over the limit of 3·10⁹ (1.1×)")
      }, "\(evaluations)")
    sharpness.grid = 400
    #expect(Self.spec([MethodSpec(.sgd)], outputs: [sharpness]).validate().allSatisfy { $0.severity != .error })
    // Routes over the same formula are cheap enough.
    let routes = OutputSpec(.figure(.routes), file: "r.png")
    #expect(
      Self.spec([MethodSpec(.sgd)], landscape: LandscapeSpec(formula: long), outputs: [routes]).validate().isEmpty)
  }

  @Test func formulasAndNamesAreToldApart() {
    #expect(LandscapeCatalog.looksLikeFormula("x---y"))
    #expect(LandscapeCatalog.looksLikeFormula("x^2 + 10*y^2"))
    #expect(!LandscapeCatalog.looksLikeFormula("himelblau"))
    #expect(!LandscapeCatalog.looksLikeFormula("six-hump-camel"))
    #expect(!LandscapeCatalog.looksLikeFormula("sharp-and-flat"))
  }

  /// The documented nesting limit is 64 levels of parentheses and calls; long flat chains are
  /// limited separately.
  @Test func nestingLimitIsSixtyFourLevels() throws {
    let deep = String(repeating: "(", count: 64) + "x" + String(repeating: ")", count: 64)
    #expect(try ExpressionParser.parse(deep).evaluate(2.0, 0.0) == 2)
    let deeper = "(" + deep + ")"
    #expect(throws: ExpressionError.self) { try ExpressionParser.parse(deeper) }
    let calls = String(repeating: "abs(", count: 64) + "x" + String(repeating: ")", count: 64)
    #expect(try ExpressionParser.parse(calls).evaluate(-2.0, 0.0) == 2)
    #expect(try ExpressionParser.parse("x" + String(repeating: "+x", count: 200)).evaluate(1.0, 0.0) == 201)
    #expect(try ExpressionParser.parse(String(repeating: "-", count: 100) + "x").evaluate(1.0, 0.0) == 1)
  }

  /// Text outside `$…$` is literal, as in Pandoc: a `$` followed by a digit or a space does not
  /// open math.
  @Test func dollarsBeforeDigitsAreLiteral() throws {
    #expect(try MathText.markupOrEscaped("costs $5 and $10") == "costs $5 and $10")
    #expect(try MathText.markupOrEscaped("costs $ 5 and $ 10") == "costs $ 5 and $ 10")
    #expect(try MathText.markupOrEscaped("$\\rho$ costs $5").contains("ρ"))
    #expect(throws: MathTextError.self) { try MathText.markupOrEscaped("costs $x") }
  }

  @Test func changingARotationAngleRotates() {
    var q = Quadratic(a: 1, b: 10)
    let before = q.value(at: Vec2(1, 0))
    q.angle = 90  // degrees
    #expect(abs(q.value(at: Vec2(1, 0)) - 10 * 1) < 1e-12 && before == 1)
  }
}
