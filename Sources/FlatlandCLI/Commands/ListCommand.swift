import ArgumentParser
import Flatland
import Foundation

/// `flatland list landscapes | methods | colormaps | presets`: the catalogues, one line each,
/// printed from the code itself, in at most 100 columns.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the landscapes, methods, colormaps or size presets ('flatland describe NAME' for one).",
    discussion: "Example: flatland list methods")

  enum Catalogue: String, ExpressibleByArgument, CaseIterable {
    case landscapes, methods, colormaps, presets
  }

  @Argument(help: "What to list: landscapes, methods, colormaps or presets.")
  var catalogue: Catalogue

  func run() {
    print(Self.listing(catalogue), terminator: "")
  }

  static func listing(_ catalogue: Catalogue) -> String {
    switch catalogue {
    case .landscapes:
      let rows = LandscapeCatalog.entries.map { entry -> [String] in
        let info = entry.standard.info
        return [info.name, "\(info.minima.count)", "\(entry.parameters.count)", info.summary]
      }
      return Table(header: ["name", "minima", "params", "summary"], rows: rows).text
        + "\nAny formula in x and y works too (--landscape \"x^2 + 10*y^2\"). 'flatland describe NAME' for one.\n"
    case .methods:
      let defaults = MethodDefaults(learningRate: 0.01, rho: 0.05)
      let rows = MethodPreset.allCases.map { preset -> [String] in
        // Defaults are valid by construction (a test resolves every preset).
        let cost = (try? MethodSpec(preset).method(defaults: defaults)).map { $0.cost.description } ?? "?"
        let entry = preset.entry
        return [preset.rawValue, cost, entry.verification, entry.summary]
      }
      return Table(header: ["name", "evaluations/step", "verified", "rule"], rows: rows).text
        + "\n'flatland describe NAME' lists a method's keys: --method sam:rho=0.1, or [[methods]] name = \"sam\".\n"
    case .colormaps:
      return Table(header: ["name", "kind"], rows: ColormapName.allCases.map { [$0.rawValue, $0.summary] }).text
        + "\nAdd _r to reverse any of them (viridis_r).\n"
    case .presets:
      return Table(header: ["name", "size"], rows: FigurePreset.allCases.map { [$0.rawValue, $0.summary] }).text
        + "\n--size WxH rescales a preset (type and lines with it); --dpi sets the PNG resolution.\n"
    }
  }
}

/// Columns padded to their widest cell; the last column is cut with "…" so lines fit `width`.
struct Table {
  var header: [String]
  var rows: [[String]]
  var width = 100

  var text: String {
    var widths = header.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count - 1 { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      var out = ""
      for (i, cell) in cells.enumerated() {
        if i == cells.count - 1 {
          let room = max(8, width - out.count)
          out += cell.count > room ? String(cell.prefix(room - 1)) + "…" : cell
        } else {
          out += cell.padding(toLength: widths[i] + 2, withPad: " ", startingAt: 0)
        }
      }
      var trimmed = Substring(out)
      while trimmed.last == " " { trimmed.removeLast() }
      return String(trimmed) + "\n"
    }
    let used = widths.dropLast().reduce(0) { $0 + $1 + 2 }
    let last = min(rows.map { $0.last?.count ?? 0 }.max() ?? 0, width - used)
    let rule =
      widths.dropLast().map { String(repeating: "─", count: $0) } + [String(repeating: "─", count: max(last, 4))]
    return line(header) + line(rule) + rows.map(line).joined()
  }
}
