/// A closed set of named choices (`base = "adam"`, `trail = "fading"`): the one source of the names
/// for parsing, help, `flatland list`, `flatland describe`, the generated reference and errors.
public protocol SpecChoice: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
  /// One line saying what the choice does, for `describe` and the reference.
  var summary: String { get }
}

extension SpecChoice {
  /// Every accepted name, in declaration order.
  public static var names: [String] { allCases.map(\.rawValue) }

  /// "one of sgd, momentum, nesterov, adam".
  public static var expected: String { "one of " + names.joined(separator: ", ") }
}
