import ArgumentParser
import Flatland

/// Which landscape, shared by every command that draws one.
struct LandscapeOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: "Landscape name (see 'flatland list landscapes') or a formula in x and y.")
  var landscape = "two-valleys"

  @Option(parsing: .unconditional, help: "Landscape parameters, e.g. a=1,b=10 (a formula takes window=H).")
  var param: String?

  /// The landscape, with its parameters checked.
  func surface() throws -> any Landscape {
    let parameters = try param.map { try Parse.assignments($0, flag: "--param") } ?? [:]
    return try LandscapeCatalog.make(landscape, parameters: parameters)
  }
}
