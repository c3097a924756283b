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
  ]

  public static var names: [String] { entries.map(\.name) }

  /// The entry called `name`, or an error listing the catalogue.
  public static func entry(named name: String) throws -> Entry {
    guard let entry = entries.first(where: { $0.name == name }) else {
      throw FlatlandError.unknownName(kind: "landscape", name: name, accepted: names)
    }
    return entry
  }

  /// Builds `name` with `parameters` overriding the defaults; unknown or non-finite values are errors.
  public static func make(_ name: String, parameters: [String: Double] = [:]) throws -> any Landscape {
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
