// `make bench`, engine part: the batch engine's throughput on the job, 256² starts × 1000
// steps (f64) on the thesis's two Gaussian wells on a bowl, as the built-in landscape and typed as
// a formula, for SAM and SGD; and one long trajectory. Prints point-steps per second, one line
// per job, `name<TAB>point-steps/s<TAB>seconds` (Benchmarks/run.sh formats the table).
// Usage: flatland-bench [GRID] [STEPS] [ONLY] (ONLY: run the jobs whose name contains it)
import Dispatch
import Flatland
import Foundation

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let grid = arguments.first ?? 256
let steps = arguments.dropFirst().first ?? 1000
let only = CommandLine.arguments.dropFirst(3).first ?? ""
func wanted(_ name: String) -> Bool { only.isEmpty || name.contains(only) }
let builtIn = TwoValleys()
// swift-format-ignore: NeverForceUnwrap
let formula = try! ExpressionLandscape(parsing: builtIn.info.expression, window: builtIn.info.window)
let window = builtIn.info.window
var starts: [Vec2] = []
for j in 0..<grid {
  for i in 0..<grid {
    starts.append(
      Vec2(
        window.xmin + (Double(i) + 0.5) * window.width / Double(grid),
        window.ymin + (Double(j) + 0.5) * window.height / Double(grid)))
  }
}

func seconds(_ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func report(_ name: String, pointSteps: Double, _ time: Double) {
  print("\(name)\t\(pointSteps / time)\t\(time)")
}

let sam = Method.sam(learningRate: 0.03, rho: 0.1)
let sgd = Method.sgd(learningRate: 0.03)
for (name, landscape) in [("built-in", builtIn as any Landscape), ("formula", formula)] {
  for method in [sam, sgd] where wanted("\(method.name) \(name)") {
    let job = BatchJob(method: method, landscape: landscape, starts: starts, steps: steps, seed: 0)
    var ends: [BatchEnd] = []
    let time = seconds { ends = BatchRunner.run(job) }
    precondition(ends.count == starts.count)
    report("\(method.name) \(name)", pointSteps: Double(starts.count * steps), time)
  }
}
// One trajectory, recorded in full (as `flatland plot --steps N` records it), and lean: only
// its end and a thinned route of about 1000 points (`Runner.end`).
let long = 1_000_000
if wanted("sam one trajectory") {
  let time = seconds { _ = Runner.run(sam, on: builtIn, from: Vec2(0.3, 2), steps: long) }
  report("sam one trajectory", pointSteps: Double(long), time)
}
if wanted("sam lean trajectory") {
  var end: BatchEnd?
  let time = seconds {
    end = Runner.end(
      sam, on: builtIn, from: Vec2(0.3, 2), steps: long, stream: Xoshiro256StarStar(seed: 0), pathEvery: 1000,
      convergenceStep: false)
  }
  precondition(end?.steps == long)
  report("sam lean trajectory", pointSteps: Double(long), time)
}
