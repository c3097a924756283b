// `make fuzz` (and 10,000 inputs in `make test`): seeded mutations through the formula parser,
// the label parser, the experiment-file loader and the command line. Every input must be either
// refused by name or accepted and rendered (at a tiny grid and step count, in memory): a crash
// ends the run (its input is in .build/fuzz-current.txt), an input over the time budget is a
// hang, and a refused command line must leave no file behind.
//
//   swift run -c release flatland-fuzz --count 100000 --seed 1
import Flatland
import FlatlandFuzzing
import Foundation

struct Options {
  var count = 10_000
  var seed: UInt64 = 1
  var budget = 10.0
  var examples = "examples"
  var stages = Stage.allCases
}

typealias Stage = FuzzStage

var options = Options()
var argv = Array(CommandLine.arguments.dropFirst())
while !argv.isEmpty {
  let flag = argv.removeFirst()
  let value = argv.isEmpty ? "" : argv.removeFirst()
  switch flag {
  case "--count": options.count = Int(value) ?? options.count
  case "--seed": options.seed = UInt64(value) ?? options.seed
  case "--budget": options.budget = Double(value) ?? options.budget
  case "--examples": options.examples = value
  case "--stage": options.stages = value.split(separator: ",").compactMap { Stage(rawValue: String($0)) }
  default:
    print(
      "usage: flatland-fuzz [--count N] [--seed S] [--budget SECONDS] [--examples DIR] [--stage formula,label,spec,cli]"
    )
    exit(2)
  }
}

let examples = URL(fileURLWithPath: options.examples).standardizedFileURL.path
let current = URL(fileURLWithPath: ".build/fuzz-current.txt").standardizedFileURL
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("flatland-fuzz-\(getpid())")
try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

struct Tally {
  var inputs = 0
  var accepted = 0
  var refused = 0
  var rendered = 0
  var hangs: [String] = []
  var strays: [String] = []
  /// Refused in-process but accepted by the real command (the harness and the tool disagree).
  var disagreements: [String] = []
}
var tallies: [Stage: Tally] = [:]

/// Watches the input being processed from another thread: an input that takes more than three
/// budgets never finishes on its own, so the watchdog reports it and ends the run.
final class Watchdog: @unchecked Sendable {
  private let lock = NSLock()
  private var started: Date?
  private var input = ""

  func begin(_ text: String) {
    lock.lock()
    started = Date()
    input = text
    lock.unlock()
  }

  func end() {
    lock.lock()
    started = nil
    lock.unlock()
  }

  func watch(limit: Double) {
    Thread.detachNewThread {
      while true {
        Thread.sleep(forTimeInterval: 1)
        self.lock.lock()
        let overdue = self.started.map { Date().timeIntervalSince($0) > limit } ?? false
        let text = self.input
        self.lock.unlock()
        if overdue {
          print(
            "flatland-fuzz: HANG over \(Int(limit)) s (the input is in .build/fuzz-current.txt):\n\(text.prefix(2000))")
          exit(1)
        }
      }
    }
  }
}
let watchdog = Watchdog()
watchdog.watch(limit: 3 * options.budget)

@MainActor func timed(_ stage: Stage, _ input: String, _ body: () -> FuzzVerdict) {
  try? Data(("\(stage.rawValue)\n" + input).utf8).write(to: current)
  watchdog.begin(input)
  defer { watchdog.end() }
  let start = Date()
  let verdict = body()
  let elapsed = Date().timeIntervalSince(start)
  var t = tallies[stage] ?? Tally()
  t.inputs += 1
  switch verdict {
  case .accepted: t.accepted += 1
  case .refused: t.refused += 1
  case .strayFiles(let files):
    t.refused += 1
    t.strays.append(input + " left " + files.joined(separator: ", "))
  case .disagreement:
    t.refused += 1
    t.disagreements.append(input)
  }
  if elapsed > options.budget { t.hangs.append(String(format: "%.1f s: ", elapsed) + input) }
  tallies[stage] = t
}

// Seeds.
let catalogueFormulas = LandscapeCatalog.entries.map { $0.standard.info.expression }
let formulas =
  catalogueFormulas + [
    "0.3*x^2 + y^2 - 1.2*exp(-10*((x-1)^2 + (y-0.5)^2))", "0.1*x^2 - 1.2*exp(-30*(x-1)^2) - exp(-(x+1)^2)",
    "1e308*x", "-1e308 / y", "log(x) + y^2", "sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2)", "x---y", "abs(x) + max(x, y)^2",
  ]
let specTexts: [String] = ["", "/lecture"].flatMap { sub -> [String] in
  let folder = examples + sub
  let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".toml") }
    .sorted()
  return names.compactMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
}
let labels =
  specTexts.flatMap {
    $0.split(separator: "\n").filter { $0.hasPrefix("title = ") }.map { String($0.dropFirst(9).dropLast()) }
  }
  + [
    "$\\rho = 0.1$", "$x_1^2 + 10 x_2^2$", "$\\nabla L(w)$", "$\\|\\epsilon\\|_2 \\le \\rho$", "costs $5 and $10",
    "$\\mathrm{tr}\\, H$", "$\\hat{g}$ & <b>", "$x_{1$",
  ]
let commandLines: [[String]] = [
  ["plot", "--landscape", "two-valleys", "--methods", "sgd,sam,gsam,vsam", "--start", "0.3,2", "-o", "r.png"],
  [
    "plot", "--landscape", "quadratic", "--param", "a=1,b=10", "--methods", "sgd,sam", "--lr", "0.04", "--rho", "0.25",
    "-o", "r.png",
  ],
  ["plot", "--landscape", "1e308*x", "-o", "r.png"],
  ["plot", "--landscape", "rosenbrock", "--param", "b=1e308", "-o", "r.png"],
  ["plot", "--landscape", "quadratic", "--param", "a=1e308", "--levels", "log", "-o", "r.png"],
  ["map", "--quantity", "lambda-min", "--landscape", "two-valleys", "--param", "d1=1e308", "-o", "r.png"],
  ["map", "--landscape", "himmelblau", "--quantity", "basins", "--methods", "sgd,sam", "--rho", "0.5", "-o", "b.png"],
  [
    "curves", "--methods", "sgd,sam,looksam,rst", "--noise", "0.3", "--repeats", "3", "--x", "evaluations", "-o",
    "c.png",
  ],
  ["slice", "--landscape", "0.1*x^2 - exp(-(x+1)^2)", "--param", "window=2.5", "--rho", "0.25", "-o", "s.png"],
  ["schematic", "--at", "0.45,0.6", "--method", "vsam:sigma=0.3,1,rho=0.25", "-o", "v.png"],
  [
    "plot", "--method", "custom:perturbation=gaussian,covariance=learned,penalty=kl", "--noise", "hessian:0.2", "-o",
    "p.pdf",
  ],
]

var mutator = Mutator(seed: options.seed)
let perStage = Swift.max(1, options.count / options.stages.count)
let checks = InputChecks(scratch: scratch)
let began = Date()
for stage in options.stages {
  for n in 0..<perStage {
    switch stage {
    case .formula:
      let text = mutator.mutate(mutator.pick(formulas), others: formulas, edits: 2)
      timed(stage, text) { checks.formula(text, variant: n) }
    case .label:
      let text = mutator.mutate(mutator.pick(labels), others: labels)
      timed(stage, text) { checks.label(text) }
    case .spec:
      let text = mutator.mutate(mutator.pick(specTexts), others: specTexts)
      timed(stage, text) { checks.spec(text) }
    case .cli:
      let args = mutator.mutate(arguments: mutator.pick(commandLines), others: commandLines)
      // One refused command line in ten also goes to the real command, which must write nothing.
      timed(stage, args.map { "'\($0)'" }.joined(separator: " ")) { checks.commandLine(args, runRefused: n % 10 == 0) }
    }
  }
}
try? FileManager.default.removeItem(at: current)

var failed = false
print(String(format: "flatland-fuzz: seed %llu, %.0f s", options.seed, Date().timeIntervalSince(began)))
for stage in options.stages {
  let t = tallies[stage] ?? Tally()
  print(
    "  \(stage.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(t.inputs) inputs: \(t.accepted) accepted "
      + "and rendered, \(t.refused) refused by name, \(t.hangs.count) over the \(Int(options.budget)) s budget, "
      + "\(t.strays.count) refused with files left, \(t.disagreements.count) refused here but run by the command")
  for h in t.hangs.prefix(5) { print("    hang: \(h.prefix(300))") }
  for s in t.strays.prefix(5) { print("    stray file: \(s.prefix(300))") }
  for s in t.disagreements.prefix(5) { print("    refused in-process, accepted by the command: \(s.prefix(300))") }
  if !t.hangs.isEmpty || !t.strays.isEmpty || !t.disagreements.isEmpty { failed = true }
}
print("  0 crashes (a crash would have ended the run)")
exit(failed ? 1 : 0)
