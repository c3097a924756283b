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
      // Lattices (Rastrigin, Ackley) have over a hundred minima: the lowest few stand for them.
      let shown = info.minima.count > 8 ? Array(info.minima.prefix(4)) : info.minima
      for m in shown {
        let label = m.label.isEmpty ? "" : " \(m.label)"
        out +=
          "  minimum\(label) at (\(formatShort(m.location.x, digits: 6)), \(formatShort(m.location.y, digits: 6))): "
        out +=
          "L = \(formatShort(m.value, digits: 6)), Hessian eigenvalues \(formatShort(m.eigenvalues.min, digits: 5)), "
        out += "\(formatShort(m.eigenvalues.max, digits: 5))\n"
      }
      if shown.count < info.minima.count {
        out += "  … and \(info.minima.count - shown.count) more local minima (listed in LandscapeInfo.minima)\n"
      }
    }
    return out
  }

  /// The method table, generated from the presets themselves (ALGORITHMS.md A3; the thesis's Table 1).
  static func methodListing() -> String {
    let rows = MethodCatalog.table()
    let header = ["name", "perturbation", "covariance", "penalty", "combination", "evals/step", "defaults", "source"]
    var widths = header.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count - 1 { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { i, c in
        i == cells.count - 1 ? c : c.padding(toLength: widths[i] + 2, withPad: " ", startingAt: 0)
      }
      .joined().trimmingCharacters(in: .whitespaces) + "\n"
    }
    var out = line(header) + line(widths.map { String(repeating: "─", count: $0) })
    for row in rows { out += line(row) }
    out += "\nEvery gradient method also takes lr, base (sgd|momentum|nesterov|adam), mu, wd, wd-mode, schedule;"
    out += "\nmethods with a radius take radius (constant|linear|cosine|lr-proportional|grad-scaled|target-sharpness)."
    out += "\nExample: flatland plot --method sam:rho=0.1 --method vsam:sigma=0.5,0.05 -o r.png\n"
    return out
  }
}
