// Using Flatland as a library: the thesis experiment without the command line, two ways.
//
//   swift run library-example [OUTPUT_FOLDER]     (default: the current folder)
//
// 1. As data: an ExperimentSpec written in code — the same value a TOML file or the command line
//    becomes — resolved (every default filled in, every value checked), run, and written.
// 2. By hand: methods and runs as values, a routes figure and a sharpness map drawn from them.
import Flatland
import FlatlandPlot
import Foundation

let folder = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "."

// 1. σ says how much tolerance each parameter gets: (0.15, 1) asks for flatness along y only, so
// VSAM accepts the deep well that is sharp in x, which SAM (isotropic tolerance) avoids.
var spec = ExperimentSpec(landscape: LandscapeSpec(name: "two-valleys"))
spec.run = RunSpec(steps: 500, starts: [Vec2(0.3, 2)])
spec.methods = [MethodSpec(.sgd), MethodSpec(.sam, [.rho: 0.1]), MethodSpec(.vsam, [.sigma: .pair(Vec2(0.15, 1))])]
spec.outputs = [
  OutputSpec(.figure(.routes), file: "library-example.png"), OutputSpec(.data(.summary), file: "library-example.json"),
]
do {
  let experiment = try spec.resolve()
  let results = experiment.run()
  for run in results.trajectories {
    let parameters = run.method.hyperparameters.map(\.description).joined(separator: ", ")
    print("\(run.method.displayName) [\(parameters)]: \(run.outcome.summary(minima: experiment.info.minima))")
  }
  for path in try ExperimentWriter.write(experiment, results, into: folder) { print("wrote \(path)") }
} catch {
  print("error: \(error)")
  exit(1)
}

// 2. By hand. Any preset can be built with typed keys, exactly as `--method looksam:k=5` does.
let landscape = TwoValleys()  // deep well sharp in x at (0.79, 0), shallow well flat in x at (−0.65, 0)
let lookSAM = try? MethodSpec(.looksam, [.k: 5]).method(defaults: MethodDefaults(suggestedBy: landscape.info))
print("LookSAM costs \(lookSAM.map { "\($0.cost)" } ?? "?") per step")
// A method is a composition of parts: here VaSSO's averaged ascent with SSAM's Fisher mask, a
// pairing no paper has, against SAM on the quadratic where SAM's fixed radius makes it cycle.
let composed = Method(
  name: "custom", displayName: "VaSSO + SSAM-F mask",
  rule: .gradient(
    GradientRule(
      perturbation: .worstCase(norm: .l2), direction: .vasso(theta: 0.2), mask: .sparseFisher(sparsity: 0.5, every: 10),
      rho: 0.25, learningRate: 0.04)),
  hyperparameters: [.init("ρ", "0.25"), .init("θ", "0.2")])
let bowl = Quadratic(a: 1, b: 10)
for method in [Method.sam(learningRate: 0.04, rho: 0.25), composed] {
  let run = Runner.run(method, on: bowl, from: Vec2(-1.6, 1.2), steps: 200)
  print("\(method.displayName) on x² + 10y²: loss \(run.losses[200]) after 200 steps, \(method.cost) per step")
}
let methods: [Method] = [.sgd(learningRate: 0.03), .sam(learningRate: 0.03, rho: 0.1)]
let runs = RouteExperiment(landscape: landscape, methods: methods, starts: [Vec2(0.3, 2)], steps: 500).run()
let field = ScalarField(sampling: landscape, over: landscape.info.window, nx: 300, ny: 300)
var figure = RoutesFigure(landscape: landscape.info, field: field, trajectories: runs)
figure.title = try? MathText.markup("SGD takes the sharp well, SAM with $\\rho = 0.1$ the flat one")
figure.style = .paper
// Exact worst-case sharpness S_ρ over the window, one panel.
let sharpness = GridMap(box: landscape.info.window, nx: 80, ny: 80) {
  MapQuantity.sharpness.value(of: landscape, at: $0, rho: 0.1)
}
var map = HeatmapFigure(
  landscape: landscape.info, field: field,
  content: .continuous(sharpness, label: "<i>S</i><sub>ρ</sub>(<i>w</i>)", signed: false, logarithmic: false))
map.style = .paper
do {
  for (file, scene) in [("library-example-routes.pdf", figure.scene()), ("library-example-sharpness.pdf", map.scene())]
  {
    let path = (folder as NSString).appendingPathComponent(file)
    try FigureFile.write(scene, to: path)
    print("wrote \(path)")
  }
} catch {
  print("error: \(error)")
  exit(1)
}
