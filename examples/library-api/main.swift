// Using Flatland as a library: the thesis experiment in a dozen lines, without the command line.
//
//   swift run library-example [OUTPUT_FOLDER]     (default: the current folder)
//
// Builds the two-valleys landscape, runs SGD, SAM and VSAM from one start, prints how each run ended
// and writes the routes figure as PNG and PDF.
import Flatland
import FlatlandPlot
import Foundation

let folder = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "."
let landscape = TwoValleys()  // deep well sharp in x at (0.79, 0), shallow well flat in x at (−0.65, 0)

// σ says how much tolerance each parameter gets: (0.15, 1) asks for flatness along y only, so VSAM
// accepts the deep well that is sharp in x, which SAM (isotropic tolerance) avoids.
let methods: [Method] = [
  .sgd(learningRate: 0.03),
  .sam(learningRate: 0.03, rho: 0.1),
  .vsam(learningRate: 0.03, rho: 0.1, sigma: Vec2(0.15, 1)),
]
let runs = RouteExperiment(landscape: landscape, methods: methods, starts: [Vec2(0.3, 2)], steps: 500).run()

for run in runs {
  let parameters = run.method.hyperparameters.map { "\($0.symbol)=\($0.text)" }.joined(separator: " ")
  print("\(run.method.displayName) [\(parameters)]: \(run.outcome.summary(minima: landscape.info.minima))")
}

let field = ScalarField(sampling: landscape, over: landscape.info.window, nx: 300, ny: 300)
var figure = RoutesFigure(landscape: landscape.info, field: field, trajectories: runs)
figure.title = "<b>SAM</b> avoids the sharp well; <b>VSAM</b> with σ = (0.15, 1) accepts it"
do {
  for file in ["library-example.png", "library-example.pdf"] {
    let path = (folder as NSString).appendingPathComponent(file)
    try FigureFile.write(figure.scene(), to: path)
    print("wrote \(path)")
  }
} catch {
  print("error: \(error)")
  exit(1)
}
