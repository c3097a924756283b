import ArgumentParser
import Flatland
import Foundation

/// `flatland describe NAME`: one landscape (formula, window, minima with their curvature, the
/// suggested run, every parameter) or one method (rule, paper, cost, every key with its default
/// and range).
struct DescribeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "describe",
    abstract: "Describe one landscape or method: formula and minima, or keys with defaults and ranges.",
    discussion: "Examples:\n  flatland describe two-valleys\n  flatland describe gsam\n  flatland describe custom")

  @Argument(help: "A landscape ('flatland list landscapes') or a method ('flatland list methods').")
  var name: String

  func run() throws {
    if let entry = LandscapeCatalog.entries.first(where: { $0.name == name }) {
      print(Self.describe(entry), terminator: "")
    } else if let preset = MethodPreset(rawValue: name) {
      print(Self.describe(preset), terminator: "")
    } else {
      throw CLIError(
        unknownNameMessage("landscape or method", name, accepted: LandscapeCatalog.names + MethodPreset.names))
    }
  }

  static func describe(_ entry: LandscapeCatalog.Entry) -> String {
    let info = entry.standard.info
    var out = "\(info.name): \(info.summary)\n"
    out += wrap("L(x, y) = \(info.formula)", indent: "  ")
    out += wrap("as a formula: \(info.expression)", indent: "  ", hanging: "    ")
    out += "  window \(info.window), starts accepted in \(info.domain)"
    out += info.contourScale == .logarithmic ? "; log-spaced contours\n" : "\n"
    if !entry.parameters.isEmpty {
      out += "  parameters (--param k=v, or params = { k = v } under [landscape]):\n"
      let width = entry.parameters.map { "\($0.name) = \(formatShort($0.defaultValue))".count }.max() ?? 0
      for p in entry.parameters {
        out +=
          "    "
          + "\(p.name) = \(formatShort(p.defaultValue))".padding(toLength: width + 2, withPad: " ", startingAt: 0)
          + p.summary + "\n"
      }
    }
    // Lattices (Rastrigin, Ackley) have over a hundred minima: the lowest few stand for them.
    let shown = info.minima.count > 8 ? Array(info.minima.prefix(4)) : info.minima
    out += "  known minima (\(info.minima.count)), with the Hessian's eigenvalues:\n"
    for m in shown {
      let label = m.label.isEmpty ? "" : "\(m.label) "
      out += "    \(label)at (\(formatShort(m.location.x, digits: 6)), \(formatShort(m.location.y, digits: 6))): "
      out += "L = \(formatShort(m.value, digits: 6)); eigenvalues \(formatShort(m.eigenvalues.min, digits: 5)), "
      out += "\(formatShort(m.eigenvalues.max, digits: 5))\n"
    }
    if shown.count < info.minima.count {
      out += "    … and \(info.minima.count - shown.count) more (LandscapeInfo.minima in the library)\n"
    }
    let s = info.suggested
    let starts = s.starts.map { "(\(formatShort($0.x)), \(formatShort($0.y)))" }.joined(separator: ", ")
    out += "  suggested run: start \(starts); η = \(formatShort(s.learningRate)); ρ = \(formatShort(s.rho)); "
    out += "\(s.steps) steps; VSAM σ = (\(formatShort(s.sigma.x)), \(formatShort(s.sigma.y)))\n"
    out += "  example: flatland plot --landscape \(info.name) --methods sgd,sam -o routes.png\n"
    return out
  }

  static func describe(_ preset: MethodPreset) -> String {
    let entry = preset.entry
    var out = "\(preset.rawValue): \(entry.summary)\n"
    out += "  source: \(entry.paper) [\(entry.verification)]; family: \(entry.family.rawValue)\n"
    if let method = try? MethodSpec(preset).method(defaults: MethodDefaults(learningRate: 0.01, rho: 0.05)) {
      let a = MethodCatalog.anatomy(of: method)
      out += wrap(
        "parts: " + a.parts.map { "\($0.name) \($0.value)" }.joined(separator: "; "), indent: "  ", hanging: "    ")
      out += "  cost: \(a.cost) per step\n"
      if preset != .custom, let rule = method.gradientRule, let text = MethodCatalog.compositionText(of: rule) {
        out += wrap("as parts: --method \(text)", indent: "  ", hanging: "    ")
      }
    }
    out += "  keys (--method \(preset.rawValue):key=value, or under [[methods]] name = \"\(preset.rawValue)\"):\n"
    let keyWidth = preset.options.map(\.key.rawValue.count).max() ?? 0
    let defaultWidth = min(22, preset.options.map { $0.defaultValue.description.count }.max() ?? 0)
    for option in preset.options {
      // A default longer than its column pushes the meaning along rather than being cut.
      var line = padded(option.key.rawValue, keyWidth + 2) + padded(option.defaultValue.description, defaultWidth + 2)
      line += option.summary
      if case .choice = option.kind {} else { line += "; \(option.expected)" }
      if let shared = option.sharedFlag { line += " [\(shared.flag)]" }
      if let relevance = MethodCatalog.relevance(of: option.key, in: preset) { line += "; only with \(relevance.when)" }
      out += wrap(line, indent: "    ", hanging: String(repeating: " ", count: 8 + keyWidth + defaultWidth))
      for (name, summary) in option.choices {
        out += wrap(
          "\(name == option.defaultValue.usualChoice ? "*" : " ") \(name): \(summary)", indent: "      ",
          hanging: String(repeating: " ", count: 10 + name.count))
      }
    }
    out += "  defaults: the landscape's suggestion where it says so, else the value shown (* marks a choice's).\n"
    if preset == .custom { out += presetsAsParts() }
    out += "  example: flatland plot --method \(preset.rawValue)"
    out += preset == .custom ? ":direction=vasso,combination=gsam,mask=ssam-f" : preset.accepts(.rho) ? ":rho=0.1" : ""
    out += " -o routes.png\n"
    return out
  }

  /// Every gradient preset as the `custom` composition it is (with the listing's default η and ρ).
  static func presetsAsParts() -> String {
    var out = "  the presets as parts (a preset is a named composition; swap one part to make a new method):\n"
    let defaults = MethodDefaults(learningRate: 0.01, rho: 0.05)
    let rows = MethodPreset.allCases.compactMap { preset -> (String, String)? in
      guard preset != .custom, let rule = try? MethodSpec(preset).method(defaults: defaults).gradientRule,
        let text = MethodCatalog.compositionText(of: rule)
      else { return nil }
      return (preset.rawValue, text)
    }
    let width = rows.map(\.0.count).max() ?? 0
    for (name, text) in rows {
      out += wrap(padded(name, width + 2) + text, indent: "    ", hanging: String(repeating: " ", count: 6 + width))
    }
    return out
  }

  /// `text` padded with spaces to `width`, or followed by two spaces when it is longer.
  static func padded(_ text: String, _ width: Int) -> String {
    text.count + 2 > width ? text + "  " : text.padding(toLength: width, withPad: " ", startingAt: 0)
  }

  /// Wraps `text` at 100 columns: the first line starts with `indent`, the others with `hanging`.
  /// Runs of spaces inside `text` (column padding) are kept.
  static func wrap(_ text: String, indent: String, hanging: String? = nil, width: Int = 100) -> String {
    var lines: [String] = []
    var current = indent
    let next = hanging ?? indent
    var fresh = true  // nothing but the indent on the current line yet
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      let w = String(word)
      if !fresh, current.count + w.count + 1 > width {
        lines.append(current)
        current = next + w
      } else {
        current += fresh ? w : " " + w
      }
      fresh = false
    }
    lines.append(current)
    return lines.joined(separator: "\n") + "\n"
  }
}
