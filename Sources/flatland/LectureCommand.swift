import ArgumentParser
import Foundation

/// `flatland lecture`: a pack of slide-ready figures that tell SAM's story in order.
struct LectureCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lecture",
    abstract: "Write a pack of 1920×1080 slides on SAM: the step, the max-pooled loss, sharpness, routes, orbits.",
    discussion: "Example: flatland lecture --out slides   (or --format pdf for vector slides)")

  @Option(help: "Folder for the slides (created when missing).")
  var out = "lecture"

  @Option(help: "File format of the slides: png, svg or pdf.")
  var format = "png"

  /// The slides in teaching order: file stem and the command that draws it.
  static let slides: [(name: String, arguments: [String])] = [
    (
      "01-sam-step",
      [
        "schematic", "--landscape", "two-valleys", "--at", "0.45,0.6", "--methods", "sam", "--rho", "0.25",
        "--title", "One SAM step: ascend to $w + \\epsilon$, descend with $\\nabla L(w + \\epsilon)$ from $w$",
      ]
    ),
    (
      "02-max-pooled-loss",
      [
        "slice", "--landscape", "0.1*x^2 - 1.2*exp(-30*(x-1)^2) - exp(-(x+1)^2)", "--param", "window=2.5", "--rho",
        "0.25", "--preset", "slide", "--title",
        "SAM minimises $f_p = \\max_{\\|\\epsilon\\| \\le \\rho} f(w + \\epsilon)$",
      ]
    ),
    (
      "03-sharpness-map",
      [
        "map", "--landscape", "two-valleys", "--quantity", "sharpness", "--rho", "0.1", "--grid", "90", "--preset",
        "slide", "--title", "Worst-case sharpness $S_\\rho(w)$ on the two-valleys landscape",
      ]
    ),
    (
      "04-routes",
      [
        "plot", "--landscape", "two-valleys", "--methods", "sgd,sam,gsam", "--start", "0.3,2", "--preset", "slide",
        "--title", "SGD takes the deep sharp well; SAM and GSAM the flat one",
      ]
    ),
    (
      "05-vsam-step",
      [
        "schematic", "--landscape", "two-valleys", "--at", "0.45,0.6", "--method", "vsam:sigma=0.3,1,rho=0.25",
        "--title", "Variational SAM: tolerance per parameter, $\\|\\epsilon / \\sigma\\| \\le \\rho$",
      ]
    ),
    (
      "06-vsam-routes",
      [
        "plot", "--landscape", "two-valleys", "--methods", "sam,vsam", "--start", "0.3,2", "--preset", "slide",
        "--title", "VSAM with $\\sigma = (0.15, 1)$ accepts the well that is sharp only in $x$",
      ]
    ),
    (
      "07-sam-orbit",
      [
        "plot", "--landscape", "quadratic", "--methods", "sgd,sam", "--start", "-1.6,1.2", "--lr", "0.04", "--rho",
        "0.25", "--steps", "200", "--preset", "slide", "--title", "With a fixed $\\rho$, SAM orbits the minimum",
      ]
    ),
    (
      "08-adaptive-radius",
      [
        "plot", "--landscape", "quadratic", "--method", "sam:rho=0.25,lr=0.04", "--method",
        "sam:rho=0.25,lr=0.04,radius=grad-scaled,kappa=5", "--start", "-1.6,1.2", "--steps", "200", "--preset",
        "slide", "--title", "A radius that shrinks with $\\|\\nabla L\\|$ lets SAM converge (experimental)",
      ]
    ),
  ]

  func run() throws {
    guard ["png", "svg", "pdf"].contains(format) else {
      throw CLIError("--format: '\(format)' is not valid; expected png, svg or pdf")
    }
    try FigureBatch.render(Self.slides.map { ("\($0.name).\(format)", $0.arguments) }, into: out)
  }
}
