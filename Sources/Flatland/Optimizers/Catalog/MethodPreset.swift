/// The named methods of ALGORITHMS.md A3, by command-line name, and `custom` for compositions no
/// paper has. Each is a point in the framework's space, described by its `entry`: family, paper,
/// verification tag, option table and builder.
public enum MethodPreset: String, SpecChoice {
  case sgd, momentum, nesterov, adam
  case sam
  case samInfinity = "sam-inf"
  case asam
  case fisherSAM = "fisher-sam"
  case gsam, vasso, fsam
  case ssamF = "ssam-f"
  case ssamD = "ssam-d"
  case esam, looksam, rst
  case randomSAM = "random-sam"
  case mfvi, vsam, mixsam, es, snes
  case sepCMAES = "sep-cma-es"
  case custom

  public var summary: String { entry.summary }

  /// Family, sources, options and builder.
  public var entry: MethodEntry { MethodCatalog.entries[self]! }

  /// The option table: every key this preset accepts, in the order `describe` lists them.
  public var options: [MethodOption] { entry.options }

  /// The option for `key`, if this preset accepts it.
  public func option(_ key: MethodKey) -> MethodOption? { options.first { $0.key == key } }

  public func accepts(_ key: MethodKey) -> Bool { option(key) != nil }
}

/// What the catalogue knows about one preset.
public struct MethodEntry: Sendable {
  public var family: MethodFamily
  public var summary: String
  /// Paper (authors, year, arXiv id).
  public var paper: String
  /// How the rule was verified (ALGORITHMS.md tags: code, code-unofficial, paper, unverified).
  public var verification: String
  public var options: [MethodOption]
  let build: @Sendable (MethodParameters) -> Method
}

/// Families for galleries and listings.
public enum MethodFamily: String, Sendable, CaseIterable {
  case base = "base optimizers"
  case worstCase = "worst-case SAM"
  case directions = "GSAM and smoothed directions"
  case efficient = "cheaper SAM"
  case variational = "variational"
  case zerothOrder = "zeroth order"
}
