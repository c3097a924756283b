import ArgumentParser
import Flatland

/// Where a figure goes and how it looks, shared by every figure command; `--data` adds the
/// numbers behind it as a second output, `--save-spec` writes the experiment file of the command.
struct OutputFlags: ParsableArguments {
  @Option(name: [.short, .customLong("output")], parsing: .unconditional, help: "Figure file: .png, .svg or .pdf.")
  var output: String

  @Flag(help: "Print nothing but problems: no 'wrote' lines, no progress bar.")
  var quiet = false

  @Option(
    parsing: .unconditional,
    help:
      "Size preset: default (1200×900), paper (3.5 in), paper-wide (7 in), slide (1920×1080), poster (default: default; slide for schematics)."
  )
  var preset: String?

  @Option(parsing: .unconditional, help: "Figure size WIDTHxHEIGHT in points (pixels at 72 dpi); scales the preset.")
  var size: String?

  @Option(parsing: .unconditional, help: "PNG resolution in dots per inch (default: the preset's).")
  var dpi: String?

  @Option(
    parsing: .unconditional,
    help: "Title in the label syntax: text with $math$ such as $\\rho = 0.1$ (default: landscape and formula).")
  var title: String?

  @Option(parsing: .unconditional, help: "x-axis label in the label syntax, e.g. '$w_1$'.")
  var xlabel: String?

  @Option(parsing: .unconditional, help: "y-axis label in the label syntax, e.g. '$w_2$'.")
  var ylabel: String?

  @Option(parsing: .unconditional, help: "Also write the numbers behind the figure (CSV; JSON for schematics).")
  var data: String?

  @Option(
    name: .customLong("save-spec"), parsing: .unconditional,
    help: "Also write the experiment file (.toml or .json) that reproduces this command: 'flatland run' it.")
  var saveSpec: String?

  /// The figure's table: kind, file and look, plus `extra` (the command's own keys).
  func fill(
    _ tree: inout SpecTree, figure: FigureKind, extra: [SpecNode.Entry?], data dataKind: DataKind,
    dataExtra: [SpecNode.Entry?] = []
  ) {
    tree.set(nil, "title", text: title, flag: "--title")
    var entries: [SpecNode.Entry?] = [
      SpecTree.string("figure", figure.rawValue), SpecTree.entry("file", output, "-o"),
      SpecTree.entry("preset", preset, "--preset"), SpecTree.entry("size", size, "--size"),
      SpecTree.entry("dpi", dpi, "--dpi"), SpecTree.entry("xlabel", xlabel, "--xlabel"),
      SpecTree.entry("ylabel", ylabel, "--ylabel"),
    ]
    entries += extra
    tree.addOutput(entries.compactMap { $0 })
    if let data {
      tree.addOutput(
        ([SpecTree.string("data", dataKind.rawValue), SpecTree.entry("file", data, "--data")] + dataExtra)
          .compactMap { $0 })
    }
  }
}
