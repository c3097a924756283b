import ArgumentParser
import Flatland
import FlatlandPlot

/// `flatland schematic`: one SAM-type step drawn as geometry, for lectures.
struct SchematicCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schematic",
    abstract: "Draw one step of a method at a point: gradient, ρ-ball or ellipse, ε, ∇L(w + ε), the step.",
    discussion: """
      The default preset is slide (1920×1080). Example:
        flatland schematic --landscape two-valleys --at 0.45,0.6 --methods sam --rho 0.25 -o sam-step.png
        flatland schematic --landscape two-valleys --at 0.45,0.6 --method vsam:sigma=0.3,1,rho=0.25 -o vsam-step.png
      """)

  @OptionGroup var runOptions: RunOptions
  @OptionGroup var figure: FigureOptions

  @Option(parsing: .unconditional, help: "The point w as X,Y (default: the landscape's first suggested start).")
  var at: String?

  func run() throws {
    try reportingErrors {
      let surface = try runOptions.surface()
      let info = surface.info
      let methods = try runOptions.chosenMethods(for: info, defaults: ["sam"])
      guard methods.count == 1, let method = methods.first else {
        throw FlatlandError.invalidValue(
          what: "--methods", text: runOptions.methods ?? "", expected: "exactly one method for a schematic")
      }
      let point = try at.map { try Parse.pair($0, flag: "--at") } ?? info.suggested.starts[0]
      guard info.domain.contains(point) else {
        throw FlatlandError.startOutsideDomain(start: point, landscape: info.name, domain: info.domain)
      }
      let style = try figure.style(default: .slide)
      let title = try figure.titleMarkup()
      let labels = try figure.axisLabels()
      try figure.checkOutput()
      TextMeasurer.warmUpInBackground()
      var schematic = SchematicFigure(landscape: surface, at: point, method: method)
      schematic.style = style
      schematic.title = title
      schematic.axisLabels = labels
      try figure.write(schematic.scene(), style: style)
    }
  }
}
