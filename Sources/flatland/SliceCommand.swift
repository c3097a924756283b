import ArgumentParser
import Flatland
import FlatlandPlot

/// `flatland slice`: f, SAM's max-pooled f_p and the surrogate gap h along one axis.
struct SliceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "slice",
    abstract: "Plot f, f_p = max over the ρ-ball and the surrogate gap h along one axis (GSAM's figure 1).",
    discussion: """
      Example:
        flatland slice --landscape two-valleys --along x --at 0 --rho 0.1 -o slice.png
        flatland slice --landscape "0.2*x^2 - exp(-20*(x-1)^2) - 0.6*exp(-(x+1)^2)" --rho 0.3 -o gsam-fig1.pdf
      """)

  @OptionGroup var landscapeOptions: LandscapeOptions

  @Option(parsing: .unconditional, help: "The axis to slice along: x or y.")
  var along = "x"

  @Option(parsing: .unconditional, help: "The fixed value of the other coordinate.")
  var at = "0"

  @Option(parsing: .unconditional, help: "Radius ρ of the ball f_p maximises over (default: the landscape's).")
  var rho: String?

  @OptionGroup var figure: FigureOptions

  func run() throws {
    try reportingErrors {
      let surface = try landscapeOptions.surface()
      let info = surface.info
      guard let axis = SliceFigure.Axis(rawValue: along) else {
        throw FlatlandError.unknownName(kind: "value for --along", name: along, accepted: ["x", "y"])
      }
      let other = try Parse.number(at, flag: "--at")
      let radius = try rho.map { try Parse.number($0, flag: "--rho") } ?? info.suggested.rho
      guard radius > 0 else {
        throw FlatlandError.invalidValue(what: "--rho", text: rho ?? "", expected: "a radius > 0")
      }
      let style = try figure.style()
      let title = try figure.titleMarkup()
      let labels = try figure.axisLabels()
      try figure.checkOutput()
      let range = axis == .x ? info.window.xmin...info.window.xmax : info.window.ymin...info.window.ymax
      var slice = SliceFigure(
        landscape: surface, along: axis, at: other, range: range, rho: radius,
        samples: try figure.gridNodes(default: 400))
      slice.style = style
      slice.title = title
      slice.axisLabels = labels
      try figure.write(slice.scene(), style: style)
    }
  }
}
