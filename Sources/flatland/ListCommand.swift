import ArgumentParser
import Flatland

/// `flatland list landscapes | methods`: the catalogues, printed from the code itself.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the built-in landscapes (with minima and parameters) or methods.",
    discussion: "Example: flatland list landscapes")

  enum Catalogue: String, ExpressibleByArgument, CaseIterable {
    case landscapes, methods
  }

  @Argument(help: "What to list: landscapes or methods.")
  var catalogue: Catalogue

  func run() {
    switch catalogue {
    case .landscapes: print(Self.landscapeListing(), terminator: "")
    case .methods: print(Self.methodListing(), terminator: "")
    }
  }

  static func landscapeListing() -> String {
    var out = ""
    for entry in LandscapeCatalog.entries {
      let info = entry.standard.info
      out +=
        "\(info.name)\n  \(info.summary)\n  L(x, y) = \(info.formula)\n  window \(info.window), domain \(info.domain)"
      out += info.contourScale == .logarithmic ? ", log contours\n" : "\n"
      if !entry.parameters.isEmpty {
        let list = entry.parameters.map { "\($0.name)=\(formatShort($0.defaultValue))" }.joined(separator: ", ")
        out += "  parameters: \(list)\n"
      }
      for m in info.minima {
        let label = m.label.isEmpty ? "" : " \(m.label)"
        out +=
          "  minimum\(label) at (\(formatShort(m.location.x, digits: 6)), \(formatShort(m.location.y, digits: 6))): "
        out +=
          "L = \(formatShort(m.value, digits: 6)), Hessian eigenvalues \(formatShort(m.eigenvalues.min, digits: 5)), "
        out += "\(formatShort(m.eigenvalues.max, digits: 5))\n"
      }
    }
    return out
  }

  static func methodListing() -> String {
    MethodCatalog.entries.map { "\($0.name.padding(toLength: 10, withPad: " ", startingAt: 0))\($0.summary)\n" }
      .joined()
  }
}
