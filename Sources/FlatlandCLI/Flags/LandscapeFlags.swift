import ArgumentParser
import Flatland

/// Which landscape: `[landscape]` of an experiment file.
struct LandscapeFlags: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: "Landscape name (see 'flatland list landscapes') or a formula in x and y (default: two-valleys).")
  var landscape: String?

  @Option(
    parsing: .unconditional,
    help: "Landscape parameters, e.g. a=1,b=10 ('flatland describe NAME' lists them); a formula takes window=H.")
  var param: String?

  @Option(parsing: .unconditional, help: "Plot window XMIN,XMAX,YMIN,YMAX (default: the landscape's).")
  var window: String?

  func fill(_ tree: inout SpecTree) {
    let text = landscape ?? "two-valleys"
    let location = landscape == nil ? nil : SpecLocation.flag("--landscape")
    let isFormula = LandscapeCatalog.looksLikeFormula(text)
    tree.set("landscape", isFormula ? "formula" : "name", SpecNode(.text(text), at: location))
    if let window { tree.set("landscape", "window", text: window, flag: "--window") }
    guard let param else { return }
    var params: [SpecNode.Entry] = []
    for item in param.split(separator: ",", omittingEmptySubsequences: false) {
      let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, !parts[0].isEmpty else {
        tree.problems.append(
          SpecProblem(
            "'\(item)' is not valid; expected NAME=VALUE pairs such as a=1,b=10", at: .root + "landscape" + "params",
            location: .flag("--param")))
        continue
      }
      let flag = "--param \(parts[0])"
      guard !params.contains(where: { $0.key == parts[0] }) else {
        tree.problems.append(
          SpecProblem("'\(parts[0])' is given twice; give each parameter once", at: .root, location: .flag("--param")))
        continue
      }
      if isFormula, parts[0] == "window" {
        // `window=H` is the command line's short form of window = [-H, H, -H, H] for formulas.
        let h = parts[1]
        let negated = h.hasPrefix("-") ? String(h.dropFirst()) : "-" + h
        tree.set("landscape", "window", text: "\(negated),\(h),\(negated),\(h)", flag: flag)
        continue
      }
      params.append(SpecNode.Entry(key: parts[0], keyLocation: .flag(flag), node: SpecTree.text(parts[1], flag)))
    }
    if !params.isEmpty { tree.set("landscape", "params", SpecNode(.table(params), at: .flag("--param"))) }
  }
}
