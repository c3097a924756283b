import ArgumentParser
import Foundation

/// `flatland demo`: renders the README gallery by running the very `plot` commands the README shows.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Render the gallery (the figures shown in the README) into a folder.",
    discussion: "Example: flatland demo --out plots")

  @Option(help: "Folder for the figures (created when missing).")
  var out = "plots"

  /// Each gallery figure: its file name and the `flatland plot` arguments that make it.
  static let gallery: [(file: String, arguments: [String])] =
    [
      (
        "two-valleys-routes.png",
        ["--landscape", "two-valleys", "--methods", "sgd,sam,gsam,vsam", "--start", "0.3,2", "--steps", "500"]
      ),
      (
        "quadratic-sam-orbit.png",
        [
          "--landscape", "quadratic", "--param", "a=1,b=10", "--methods", "sgd,sam", "--start", "-1.6,1.2", "--lr",
          "0.04", "--rho", "0.25", "--steps", "200",
        ]
      ),
      (
        "himmelblau-starts.png",
        [
          "--landscape", "himmelblau", "--methods", "sgd,sam", "--start", "-0.5,0.5", "--start", "0.5,-0.5",
          "--start", "-1,4.5", "--start", "1,-4.5", "--lr", "0.005", "--rho", "0.5", "--steps", "400",
        ]
      ),
      (
        "goldstein-price-routes.png",
        ["--landscape", "goldstein-price", "--methods", "sgd,sam", "--start", "-0.3,0.5", "--steps", "1000"]
      ),
      (
        "formula-routes.png",
        [
          "--landscape", "0.3*x^2 + y^2 - 1.2*exp(-10*((x-1)^2 + (y-0.5)^2))", "--methods", "sgd,sam,gsam",
          "--start", "1.6,1.5", "--rho", "0.3",
        ]
      ),
    ] + kindGallery + familyGallery

  /// One example of every figure kind and size preset (examples/figure-kinds.sh).
  static let kindGallery: [(file: String, arguments: [String])] = [
    (
      "two-valleys-panels.png",
      [
        "--landscape", "two-valleys", "--methods", "sgd,sam,gsam,vsam", "--start", "0.3,2", "--panels", "methods",
        "--contour-labels", "--trail", "fading", "--preset", "paper-wide", "--dpi", "200",
      ]
    ),
    ("two-valleys-paper.png", ["--landscape", "two-valleys", "--methods", "sgd,sam,gsam,vsam", "--preset", "paper"]),
    (
      "two-valleys-poster.png",
      ["--landscape", "two-valleys", "--methods", "sgd,sam,gsam,vsam", "--preset", "poster", "--dpi", "100"]
    ),
    (
      "two-valleys-curves.png",
      [
        "curves", "--landscape", "two-valleys", "--methods", "sgd,sam,looksam,rst", "--noise", "0.3", "--repeats", "20",
        "--x", "evaluations",
      ]
    ),
    (
      "two-valleys-sharpness.png",
      [
        "map", "--landscape", "two-valleys", "--quantity", "sharpness", "--rho", "0.05,0.1,0.2", "--grid", "72",
        "--size", "1500x620",
      ]
    ),
    (
      "himmelblau-basins.png",
      [
        "map", "--landscape", "himmelblau", "--quantity", "basins", "--methods", "sgd,sam", "--rho", "0.5", "--steps",
        "600", "--grid", "80", "--size", "1400x700",
      ]
    ),
    ("himmelblau-curvature.png", ["map", "--landscape", "himmelblau", "--quantity", "lambda-min", "--grid", "120"]),
    (
      "gsam-slice.png",
      [
        "slice", "--landscape", "0.1*x^2 - 1.2*exp(-30*(x-1)^2) - exp(-(x+1)^2)", "--param", "window=2.5", "--rho",
        "0.25",
      ]
    ),
    (
      "sam-step-slide.png",
      ["schematic", "--landscape", "two-valleys", "--at", "0.45,0.6", "--methods", "sam", "--rho", "0.25"]
    ),
    (
      "vsam-step-slide.png",
      ["schematic", "--landscape", "two-valleys", "--at", "0.45,0.6", "--method", "vsam:sigma=0.3,1,rho=0.25"]
    ),
  ]

  /// One figure per method family on each of the two reference landscapes (examples/families.sh).
  static let families: [(slug: String, methods: [String])] = [
    ("base", ["--methods", "sgd,momentum,nesterov,adam"]),
    ("worst-case", ["--methods", "sam,sam-inf,asam,fisher-sam"]),
    ("gsam-directions", ["--methods", "sam,gsam,vasso,fsam", "--method", "gsam:minimize-fp=false"]),
    ("cheaper-sam", ["--methods", "sam,ssam-f,ssam-d,esam,looksam,rst"]),
    ("variational", ["--methods", "sam,random-sam,mfvi,vsam", "--method", "vsam:learn=true"]),
    ("zeroth-order", ["--methods", "sgd,es,snes,sep-cma-es"]),
  ]

  static let familyLandscapes: [(name: String, arguments: [String])] = [
    ("two-valleys", ["--start", "0.3,2", "--steps", "500"]),
    ("himmelblau", ["--start", "-1,1", "--start", "0.5,-0.5", "--rho", "0.3", "--steps", "400"]),
  ]

  static var familyGallery: [(file: String, arguments: [String])] {
    families.flatMap { family in
      familyLandscapes.map { landscape in
        (
          "family-\(family.slug)-\(landscape.name).png",
          ["--landscape", landscape.name] + landscape.arguments + family.methods
        )
      }
    }
  }

  func run() throws {
    try FigureBatch.render(Self.gallery, into: out)
  }
}

/// Runs a list of figure commands into a folder (the gallery, the lecture pack), printing each path.
enum FigureBatch {
  /// `arguments` start with the command's name, or with its first option for `plot`.
  static func render(_ items: [(file: String, arguments: [String])], into folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (file, arguments) in items {
      let path = (folder as NSString).appendingPathComponent(file)
      let commands = FlatlandCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" }
      let full = commands.contains(arguments.first ?? "") ? arguments : ["plot"] + arguments
      var command = try FlatlandCommand.parseAsRoot(full + ["-o", path])
      try command.run()
      print("wrote \(path)")
    }
  }
}
