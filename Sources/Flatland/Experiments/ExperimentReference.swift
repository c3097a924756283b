import Foundation

/// `docs/experiment-files.md`, generated from the spec types themselves: the field tables of each
/// table, the option table of each method preset, the keys of each output kind and every choice.
/// `flatland reference` prints it, `make docs` writes it, and a test fails when the committed file
/// and the code disagree.
public enum ExperimentReference {
  /// A complete experiment file, shown in the reference and the README (a test runs it).
  public static let example = """
    title = "SGD and SAM on two valleys"   # optional figure title (label syntax)
    seed = 0

    [landscape]
    name = "two-valleys"                   # a catalogue name, or: formula = "x^2 + 10*y^2"
    params = { d1 = 0.8 }                  # optional
    window = [-2.5, 2.5, -2.5, 2.5]        # optional: xmin, xmax, ymin, ymax

    [run]
    steps = 500
    starts = [[0.3, 2.0], [-1.0, 1.5]]
    noise = { kind = "gaussian", sigma = 0.1 }   # none | gaussian (sigma = s or [sx, sy]) | hessian (scale = s)
    repeats = 1

    [[methods]]
    name = "sgd"
    lr = 0.03

    [[methods]]
    name = "sam"                           # a preset; every key of --method NAME:key=value is a key here
    lr = 0.03
    rho = 0.1
    label = "SAM, $\\\\rho = 0.1$"            # optional legend label (label syntax)

    [[outputs]]
    figure = "routes"                      # routes | curves | map | slice | schematic
    file = "routes.png"                    # format from the extension; relative to --out
    preset = "paper"

    [[outputs]]
    data = "trajectories"                  # trajectories | curves | map | slice | schematic | summary
    file = "routes.csv"

    """

  public static func markdown() -> String {
    var out = """
      # Experiment files

      <!-- Generated from the spec types by `flatland reference` (`make docs`); a test fails when this
      file and the code disagree. Edit the code, not this file. -->

      An experiment file is TOML (or JSON with the same keys and nesting). `flatland run FILE --out DIR`
      writes every output it declares, `DIR/NAME.resolved.toml` (the experiment with every default filled
      in) and, when it has runs, `DIR/NAME.summary.json`. `--set KEY.PATH=VALUE` changes a key for one run
      (`--set run.steps=50`, `--set 'methods[*].lr=0.01'`, `--set 'outputs[0].grid=80'`); `--check` only
      validates. Every figure command writes the file of its own command line with `--save-spec FILE.toml`.

      Every problem of a file is reported at once, as `FILE:LINE:COLUMN: key.path: what is wrong; what is
      accepted`, with a suggestion for a misspelt key or name; nothing is computed or written then, and
      the exit status is 2. Defaults come from the landscape first (its suggested start, η, ρ, steps and
      VSAM σ; `flatland describe NAME`), then from each method.

      ## A complete example

      ```toml

      """
    out += example
    out += "```\n\n## Top level\n\n"
    out += table(ExperimentSpec.fields.map { [code($0.key), $0.type, $0.defaultText, $0.summary] })
    out += "\n## `[landscape]`\n\nExactly one of `name` and `formula`.\n\n"
    out += table(LandscapeSpec.fields.map { [code($0.key), $0.type, $0.defaultText, $0.summary] })
    out += "\n## `[run]`\n\n"
    out += table(RunSpec.fields.map { [code($0.key), $0.type, $0.defaultText, $0.summary] })
    out +=
      "\n### `noise`\n\nAn inline table; `kind` may be left out when `sigma` (gaussian) or `scale` (hessian) says it.\n\n"
    out += table(NoiseSpec.fields.map { [code($0.key), $0.type, $0.defaultText, $0.summary] })
    out += "\n" + choices(NoiseKind.self, "noise kinds")
    out += methods()
    out += outputs()
    out += "\n## Choices\n\n"
    out += choices(FigurePreset.self, "`preset`: size presets")
    out += choices(ColormapName.self, "`colormap` (add `_r` to reverse any of them)")
    out += choices(TrailStyle.self, "`trail`")
    out += choices(PanelLayout.self, "`panels`")
    out += choices(CurveQuantity.self, "`y` of curves")
    out += choices(CurveAbscissa.self, "`x` of curves")
    out += choices(MapKind.self, "`quantity` of maps")
    out += choices(SliceAxis.self, "`along` of slices")
    return out
  }

  static func methods() -> String {
    var out = """

      ## `[[methods]]`

      Each `[[methods]]` table is one method: `name` (a preset, required), `label` (optional legend label in
      the label syntax) and any key of the preset's table below; keys left out take their defaults. On the
      command line the same keys are `--method NAME:key=value,…`; the shared flags `--lr`, `--rho`, `--alpha`,
      `--sigma` and `--momentum` set their key in every method that takes it. `flatland describe NAME`
      prints one preset's table.

      Many keys act only under another setting ("only with radius = target-sharpness" below). Such a key
      given with a value other than its default where it cannot act is refused, naming the setting it
      needs, and so are contradictions (`rho-min` above `rho-max`, σ = (0, 0)); one rule per key, from a
      file, `--method` or a flag. A shared flag is simply not used by methods where its key cannot act,
      with a warning when no method uses it.

      ### Keys of every gradient method


      """
    let base = Set(MethodCatalog.baseOptions.map(\.key))
    let radius = Set(MethodCatalog.radiusOptions().map(\.key) + [.gamma])
    out += optionTable(MethodCatalog.baseOptions, in: .sgd)
    out += "\n### Keys of every method with a radius\n\nFisher SAM calls its radius `gamma`.\n\n"
    out += optionTable(MethodCatalog.radiusOptions(), in: .sam)
    out += "\n### Each preset\n"
    for preset in MethodPreset.allCases {
      let entry = preset.entry
      let own = preset.options.filter { !base.contains($0.key) && !radius.contains($0.key) }
      let takesBase = preset.options.contains { $0.key == .schedule }
      let takesRadius = preset.options.contains { $0.key == .radius }
      out += "\n#### `\(preset.rawValue)`: \(entry.summary)\n\n"
      out += "\(entry.paper == "—" ? "" : entry.paper + " ")[\(entry.verification)]. "
      var groups: [String] = []
      if takesBase {
        let missing = MethodCatalog.baseOptions.filter { !preset.accepts($0.key) }.map { "`\($0.key.rawValue)`" }
        groups.append(
          "the keys of every gradient method" + (missing.isEmpty ? "" : " except " + missing.joined(separator: ", ")))
      }
      if takesRadius { groups.append(preset == .fisherSAM ? "the radius keys (`gamma` for `rho`)" : "the radius keys") }
      if !groups.isEmpty { out += "Takes " + groups.joined(separator: " and ") + (own.isEmpty ? "." : ", and:") }
      out += "\n\n"
      let shown = own + preset.options.filter { base.contains($0.key) && !takesBase }
      if !shown.isEmpty { out += optionTable(shown, in: preset) }
    }
    return out
  }

  /// The keys' table; "only with …" says under which setting of `preset` a key acts.
  static func optionTable(_ options: [MethodOption], in preset: MethodPreset) -> String {
    table(
      options.map { option in
        var accepts = option.expected
        if case .choice = option.kind { accepts = option.choices.map { "`\($0.name)`" }.joined(separator: ", ") }
        let shared = option.sharedFlag.map { " (`\($0.flag)`)" } ?? ""
        let when = MethodCatalog.relevance(of: option.key, in: preset).map { "; only with \($0.when)" } ?? ""
        return [code(option.key.rawValue), accepts, option.defaultValue.description, option.summary + shared + when]
      }, header: ["key", "accepts", "default", "meaning"])
  }

  static func outputs() -> String {
    var out = """

      ## `[[outputs]]`

      Each `[[outputs]]` table is one file: a figure (`figure = "KIND"`, written as `.png`, `.svg` or `.pdf`
      by its extension) or numbers (`data = "KIND"`, `.csv`, or `.json` for schematics and the summary).
      A data output takes the same analysis keys as its figure (a map's `quantity`, `rho` and `grid`), so a
      figure and its data can be written from one computation.


      """
    out += table(
      FigureKind.allCases.map { ["`figure = \"\($0.rawValue)\"`", $0.summary] }
        + DataKind.allCases.map { ["`data = \"\($0.rawValue)\"`", $0.summary] }, header: ["kind", "what it writes"])
    out += "\nThe keys after the kind:\n\n"
    out += table(
      OutputSpec.keys.map { field in
        let kinds =
          field.kinds.count == FigureKind.allCases.count + DataKind.allCases.count
          ? "every output"
          : field.kinds == FigureKind.allCases.map({ OutputKind.figure($0) })
            ? "every figure" : field.kinds.map { "\($0)" }.joined(separator: ", ")
        return [code(field.field.key), field.field.type, field.field.defaultText, kinds, field.field.summary]
      }, header: ["key", "type", "default", "for", "meaning"])
    return out
  }

  static func choices<E: SpecChoice>(_ type: E.Type, _ title: String) -> String {
    "\(title):\n\n" + E.allCases.map { "- `\($0.rawValue)`: \($0.summary)" }.joined(separator: "\n") + "\n\n"
  }

  static func code(_ s: String) -> String { "`\(s)`" }

  static func table(_ rows: [[String]], header: [String] = ["key", "type", "default", "meaning"]) -> String {
    func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
    var out = "| " + header.joined(separator: " | ") + " |\n"
    out += "|" + header.map { _ in "---|" }.joined() + "\n"
    for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
    return out
  }
}
