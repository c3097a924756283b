import ArgumentParser
import Flatland

/// Where and how the methods run: `[run]` and `seed` of an experiment file.
struct RunFlags: ParsableArguments {
  @Option(parsing: .unconditional, help: "Steps per run (default: the landscape's).")
  var steps: String?

  @Option(
    parsing: .unconditional,
    help:
      "Gradient noise: S (isotropic Gaussian), SX,SY (diagonal) or hessian:S (covariance S²|H|); 0 = exact (default: 0)."
  )
  var noise: String?

  @Option(parsing: .unconditional, help: "Random seed: noise and random methods (default: 0).")
  var seed: String?

  func fill(_ tree: inout SpecTree) {
    tree.set("run", "steps", text: steps, flag: "--steps")
    tree.set(nil, "seed", text: seed, flag: "--seed")
    guard let noise else { return }
    let flag = SpecLocation.flag("--noise")
    var entries: [SpecNode.Entry]
    if noise.hasPrefix("hessian:") {
      entries = [
        .init(key: "kind", keyLocation: flag, node: SpecNode(.string("hessian"), at: flag)),
        .init(key: "scale", keyLocation: flag, node: SpecTree.text(String(noise.dropFirst(8)), "--noise")),
      ]
    } else {
      entries = [
        .init(key: "kind", keyLocation: flag, node: SpecNode(.string("gaussian"), at: flag)),
        .init(key: "sigma", keyLocation: flag, node: SpecTree.text(noise, "--noise")),
      ]
    }
    tree.set("run", "noise", SpecNode(.table(entries), at: flag))
  }
}

/// `--start X,Y`, repeatable: `run.starts`.
struct StartFlags: ParsableArguments {
  @Option(parsing: .unconditionalSingleValue, help: "Start X,Y; repeat for several starts (default: the landscape's).")
  var start: [String] = []

  func fill(_ tree: inout SpecTree) {
    guard !start.isEmpty else { return }
    tree.set("run", "starts", SpecNode(.array(start.map { SpecTree.text($0, "--start") }), at: .flag("--start")))
  }
}
