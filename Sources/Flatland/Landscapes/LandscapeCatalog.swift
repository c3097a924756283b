/// The built-in landscapes by command-line name, with their tunable parameters.
///
/// `LandscapeCatalog.make("quadratic", parameters: ["b": 100])` builds a landscape from user input;
/// every name and parameter is checked, and an error lists what is accepted.
public enum LandscapeCatalog {
  /// One tunable number of a landscape.
  public struct Parameter: Sendable {
    public var name: String
    public var defaultValue: Double
    public var summary: String
  }

  /// One catalogue entry.
  public struct Entry: Sendable {
    public var name: String
    public var parameters: [Parameter]
    let build: @Sendable (_ value: (String) -> Double) throws -> any Landscape

    /// The landscape with default parameters.
    public var standard: any Landscape {
      // Defaults are valid by construction, checked by the catalogue tests.
      // swift-format-ignore: NeverUseForceTry
      try! build { name in parameters.first { $0.name == name }!.defaultValue }
    }
  }

  public static let entries: [Entry] = [
    Entry(
      name: "quadratic",
      parameters: [
        Parameter(name: "a", defaultValue: 1, summary: "coefficient of u² (curvature 2a)"),
        Parameter(name: "b", defaultValue: 10, summary: "coefficient of v² (curvature 2b)"),
        Parameter(name: "angle", defaultValue: 0, summary: "rotation of the axes in degrees"),
        Parameter(name: "cx", defaultValue: 0, summary: "centre x"),
        Parameter(name: "cy", defaultValue: 0, summary: "centre y"),
      ],
      build: { p in Quadratic(a: p("a"), b: p("b"), angle: p("angle"), center: Vec2(p("cx"), p("cy"))) }),
    Entry(
      name: "two-valleys",
      parameters: [
        Parameter(name: "d1", defaultValue: 0.8, summary: "depth of well 1"),
        Parameter(name: "x1", defaultValue: 0.8, summary: "centre x of well 1"),
        Parameter(name: "y1", defaultValue: 0, summary: "centre y of well 1"),
        Parameter(name: "s1x", defaultValue: 0.15, summary: "width of well 1 along x"),
        Parameter(name: "s1y", defaultValue: 1.5, summary: "width of well 1 along y"),
        Parameter(name: "d2", defaultValue: 1.0, summary: "depth of well 2"),
        Parameter(name: "x2", defaultValue: -0.8, summary: "centre x of well 2"),
        Parameter(name: "y2", defaultValue: 0, summary: "centre y of well 2"),
        Parameter(name: "s2x", defaultValue: 1.5, summary: "width of well 2 along x"),
        Parameter(name: "s2y", defaultValue: 0.5, summary: "width of well 2 along y"),
        Parameter(name: "lambda", defaultValue: 0.05, summary: "weight of the bowl λ(x² + y²)"),
      ],
      build: { p in
        for width in ["s1x", "s1y", "s2x", "s2y"] where !(p(width) > 0) {
          throw FlatlandError.invalidParameter(
            landscape: "two-valleys", name: width, value: p(width), expected: "a width > 0")
        }
        return TwoValleys(
          first: .init(center: Vec2(p("x1"), p("y1")), depth: p("d1"), width: Vec2(p("s1x"), p("s1y"))),
          second: .init(center: Vec2(p("x2"), p("y2")), depth: p("d2"), width: Vec2(p("s2x"), p("s2y"))),
          bowl: p("lambda"))
      }),
    Entry(name: "himmelblau", parameters: [], build: { _ in Himmelblau() }),
    Entry(
      name: "rosenbrock",
      parameters: [
        Parameter(name: "a", defaultValue: 1, summary: "minimum at (a, a²)"),
        Parameter(name: "b", defaultValue: 100, summary: "steepness of the valley walls"),
      ],
      build: { p in Rosenbrock(a: p("a"), b: p("b")) }),
    Entry(
      name: "scale-symmetric",
      parameters: [Parameter(name: "lambda", defaultValue: 0, summary: "weight of λ(x² + y²)")],
      build: { p in ScaleSymmetric(lambda: p("lambda")) }),
    wellsEntry,
    Entry(
      name: "sharp-and-flat",
      parameters: [
        Parameter(name: "narrow-depth", defaultValue: 1.25, summary: "depth of the three narrow wells"),
        Parameter(name: "narrow-width", defaultValue: 0.12, summary: "width of the narrow wells"),
        Parameter(name: "wide-depth", defaultValue: 1, summary: "depth of the wide basin"),
        Parameter(name: "wide-width", defaultValue: 0.8, summary: "width of the wide basin"),
        Parameter(name: "lambda", defaultValue: 0.02, summary: "weight of the bowl λ(x² + y²)"),
      ],
      build: { p in
        for width in ["narrow-width", "wide-width"] where !(p(width) > 0) {
          throw FlatlandError.invalidParameter(
            landscape: "sharp-and-flat", name: width, value: p(width), expected: "a width > 0")
        }
        return Wells.sharpAndFlat(
          narrowDepth: p("narrow-depth"), narrowWidth: p("narrow-width"), wideDepth: p("wide-depth"),
          wideWidth: p("wide-width"), bowl: p("lambda"))
      }),
    Entry(name: "booth", parameters: [], build: { _ in Booth() }),
    Entry(name: "matyas", parameters: [], build: { _ in Matyas() }),
    Entry(name: "beale", parameters: [], build: { _ in Beale() }),
    Entry(name: "six-hump-camel", parameters: [], build: { _ in SixHumpCamel() }),
    Entry(name: "three-hump-camel", parameters: [], build: { _ in ThreeHumpCamel() }),
    Entry(name: "styblinski-tang", parameters: [], build: { _ in StyblinskiTang() }),
    Entry(name: "goldstein-price", parameters: [], build: { _ in GoldsteinPrice() }),
    Entry(name: "rastrigin", parameters: [], build: { _ in Rastrigin() }),
    Entry(name: "ackley", parameters: [], build: { _ in Ackley() }),
    Entry(name: "easom", parameters: [], build: { _ in Easom() }),
    Entry(
      name: "ujvary-toy",
      parameters: [
        Parameter(name: "m1", defaultValue: 20, summary: "mean of component 1 (the wide one)"),
        Parameter(name: "s1", defaultValue: 30, summary: "scale of component 1"),
        Parameter(name: "a1", defaultValue: 0.7, summary: "weight of component 1"),
        Parameter(name: "b1", defaultValue: 1.8, summary: "temperature of component 1"),
        Parameter(name: "m2", defaultValue: -20, summary: "mean of component 2 (the narrow one)"),
        Parameter(name: "s2", defaultValue: 10, summary: "scale of component 2"),
        Parameter(name: "a2", defaultValue: 0.3, summary: "weight of component 2"),
        Parameter(name: "b2", defaultValue: 1.2, summary: "temperature of component 2"),
      ],
      build: { p in
        for name in ["s1", "a1", "b1", "s2", "a2", "b2"] where !(p(name) > 0) {
          throw FlatlandError.invalidParameter(
            landscape: "ujvary-toy", name: name, value: p(name), expected: "a value > 0")
        }
        return VariationalToy(
          first: .init(mean: p("m1"), scale: p("s1"), weight: p("a1"), temperature: p("b1")),
          second: .init(mean: p("m2"), scale: p("s2"), weight: p("a2"), temperature: p("b2")))
      }),
  ]

  /// `wells`: up to four Gaussian wells, each with centre, depth, widths and rotation.
  static let wellsEntry: Entry = {
    let defaults: [(Double, Double, Double, Double, Double, Double)] = [
      (-1, -0.5, 1, 0.5, 0.5, 0), (1, 0.5, 1.2, 0.2, 0.8, 30), (0.2, 1.5, 0.8, 0.3, 0.3, 0),
      (-1, 1.5, 0.6, 0.6, 0.2, 0),
    ]
    var parameters = [Parameter(name: "count", defaultValue: 3, summary: "number of wells used (1–4)")]
    for (i, d) in defaults.enumerated() {
      let n = i + 1
      parameters += [
        Parameter(name: "x\(n)", defaultValue: d.0, summary: "centre x of well \(n)"),
        Parameter(name: "y\(n)", defaultValue: d.1, summary: "centre y of well \(n)"),
        Parameter(name: "d\(n)", defaultValue: d.2, summary: "depth of well \(n)"),
        Parameter(name: "sx\(n)", defaultValue: d.3, summary: "width of well \(n) along its x axis"),
        Parameter(name: "sy\(n)", defaultValue: d.4, summary: "width of well \(n) along its y axis"),
        Parameter(name: "angle\(n)", defaultValue: d.5, summary: "rotation of well \(n) in degrees"),
      ]
    }
    parameters.append(Parameter(name: "lambda", defaultValue: 0.05, summary: "weight of the bowl λ(x² + y²)"))
    return Entry(
      name: "wells", parameters: parameters,
      build: { p in
        let count = p("count")
        guard count == count.rounded(), (1...4).contains(count) else {
          throw FlatlandError.invalidParameter(
            landscape: "wells", name: "count", value: count, expected: "1, 2, 3 or 4")
        }
        let wells = try (1...Int(count)).map { n in
          for width in ["sx\(n)", "sy\(n)"] where !(p(width) > 0) {
            throw FlatlandError.invalidParameter(
              landscape: "wells", name: width, value: p(width), expected: "a width > 0")
          }
          return Wells.Well(
            center: Vec2(p("x\(n)"), p("y\(n)")), depth: p("d\(n)"), width: Vec2(p("sx\(n)"), p("sy\(n)")),
            angle: p("angle\(n)"))
        }
        return Wells(wells: wells, bowl: p("lambda"))
      })
  }()

  public static var names: [String] { entries.map(\.name) }

  /// The entry called `name`, or an error listing the catalogue.
  public static func entry(named name: String) throws -> Entry {
    guard let entry = entries.first(where: { $0.name == name }) else {
      throw FlatlandError.unknownName(kind: "landscape", name: name, accepted: names)
    }
    return entry
  }

  /// Whether `text` is meant as a formula rather than a catalogue name: not a catalogue name, and
  /// either not shaped like one (anything but lowercase letters and single inner hyphens:
  /// `x^2 + 10*y^2`, `x---y`) or parsing as a formula (`x`, `sin(x)`). A misspelt name such as
  /// `himelblau` parses as neither and stays a name, so it gets a suggestion.
  public static func looksLikeFormula(_ text: String) -> Bool {
    if names.contains(text) { return false }
    let nameShaped =
      !text.isEmpty && text.allSatisfy { ($0.isLetter && $0.isLowercase) || $0 == "-" } && !text.hasPrefix("-")
      && !text.hasSuffix("-") && !text.contains("--")
    if !nameShaped { return true }
    return (try? ExpressionParser.parse(text)) != nil
  }

  /// Builds `name` with `parameters` overriding the defaults; unknown or non-finite values are errors.
  /// A formula (see `looksLikeFormula`) becomes an `ExpressionLandscape`; its one parameter is
  /// `window`, the half-width of the plot window.
  public static func make(_ name: String, parameters: [String: Double] = [:]) throws -> any Landscape {
    if looksLikeFormula(name) {
      for (key, value) in parameters where key != "window" || !(value > 0 && value.isFinite) {
        guard key == "window" else {
          throw FlatlandError.unknownName(kind: "parameter of a formula landscape", name: key, accepted: ["window"])
        }
        throw FlatlandError.invalidParameter(
          landscape: "expression", name: key, value: value, expected: "a half-width > 0")
      }
      do {
        return try ExpressionLandscape(parsing: name, window: parameters["window"] ?? 3)
      } catch {
        throw FlatlandError.invalidValue(what: "formula", text: name, expected: "a formula in x and y: \(error)")
      }
    }
    let entry = try entry(named: name)
    let accepted = entry.parameters.map(\.name)
    for (key, value) in parameters.sorted(by: { $0.key < $1.key }) {
      guard accepted.contains(key) else {
        throw FlatlandError.unknownName(kind: "parameter of landscape '\(name)'", name: key, accepted: accepted)
      }
      guard value.isFinite else {
        throw FlatlandError.invalidParameter(landscape: name, name: key, value: value, expected: "a finite number")
      }
    }
    return try entry.build { key in
      parameters[key] ?? entry.parameters.first { $0.name == key }?.defaultValue ?? .nan
    }
  }
}
