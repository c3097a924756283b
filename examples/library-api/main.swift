// Using Flatland as a library: the thesis experiment in a dozen lines, without the command line.
//
//   swift run library-example [OUTPUT_FOLDER]     (default: the current folder)
//
// Builds the two-valleys landscape, runs SGD, SAM and VSAM from one start, prints how each run ended,
// writes the routes figure as PNG and as a paper-preset PDF, and a sharpness map from the Analysis API.
import Flatland
import FlatlandPlot
import Foundation

let folder = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "."
let landscape = TwoValleys()  // deep well sharp in x at (0.79, 0), shallow well flat in x at (−0.65, 0)

// σ says how much tolerance each parameter gets: (0.15, 1) asks for flatness along y only, so VSAM
// accepts the deep well that is sharp in x, which SAM (isotropic tolerance) avoids. Any preset can
// also be built by name with typed options, exactly as `--method` does on the command line.
let settings = MethodCatalog.Settings(learningRate: 0.03, rho: 0.1)
let methods: [Method] = [
  .sgd(learningRate: 0.03),
  .sam(learningRate: 0.03, rho: 0.1),
  .vsam(learningRate: 0.03, rho: 0.1, sigma: Vec2(0.15, 1)),
]
let lookSAM = try? MethodCatalog.make("looksam", settings: settings, overrides: ["k": "5"])
print("LookSAM costs \(lookSAM.map { "\($0.cost)" } ?? "?") per step")
let runs = RouteExperiment(landscape: landscape, methods: methods, starts: [Vec2(0.3, 2)], steps: 500).run()

for run in runs {
  let parameters = run.method.hyperparameters.map { "\($0.symbol)=\($0.text)" }.joined(separator: " ")
  print("\(run.method.displayName) [\(parameters)]: \(run.outcome.summary(minima: landscape.info.minima))")
}

let field = ScalarField(sampling: landscape, over: landscape.info.window, nx: 300, ny: 300)
var figure = RoutesFigure(landscape: landscape.info, field: field, trajectories: runs)
figure.title = try? MathText.markup("SAM avoids the sharp well; VSAM with $\\sigma = (0.15, 1)$ accepts it")

// Exact worst-case sharpness S_ρ over the window, one panel.
let sharpness = GridMap(box: landscape.info.window, nx: 80, ny: 80) {
  MapQuantity.sharpness.value(of: landscape, at: $0, rho: 0.1)
}
var map = HeatmapFigure(
  landscape: landscape.info, field: field,
  content: .continuous(sharpness, label: "<i>S</i><sub>ρ</sub>(<i>w</i>)", signed: false, logarithmic: false))
map.style = .paper
do {
  for (file, scene, scale) in [
    ("library-example.png", figure.scene(), 1.0), ("library-example-sharpness.png", map.scene(), 300.0 / 72),
  ] {
    let path = (folder as NSString).appendingPathComponent(file)
    try FigureFile.write(scene, to: path, pixelScale: scale)
    print("wrote \(path)")
  }
  figure.style = .paper
  let pdf = (folder as NSString).appendingPathComponent("library-example.pdf")
  try FigureFile.write(figure.scene(), to: pdf)
  print("wrote \(pdf)")
} catch {
  print("error: \(error)")
  exit(1)
}
