/// The numbers of a schematic and the run summary as JSON, written through the spec tree so the
/// formatting (round-trip digits, `null` for non-finite values) is the same everywhere.
public enum AnalysisJSON {
  /// The step's points and vectors: `w`, `g`, `e`, `w + e`, `g̃`, the direction `d` and the step
  /// actually taken, the region, the learning rate.
  public static func schematic(_ g: StepGeometry, provenance: Provenance? = nil) -> String {
    let r = g.record
    var entries: [SpecNode.Entry] = provenance.map { [entry("provenance", node($0))] } ?? []
    entries += [
      entry("method", .string(g.method.name)),
      entry("point", .pair(g.point)),
      entry("gradient", .pair(r.gradient)),
      entry("perturbation", .pair(r.perturbation)),
      entry("perturbed_point", .pair(g.point + r.perturbation)),
      entry("perturbed_gradient", .pair(r.perturbedGradient)),
      entry("direction", .pair(r.direction)),
      entry("next_point", .pair(g.next)),
      entry("step", .pair(g.next - g.point)),
      entry("learning_rate", .float(r.learningRate)),
      entry("radius", .float(r.radius)),
      entry("gradient_evaluations", .integer(Int64(r.gradientEvaluations))),
    ]
    if let region = g.region {
      entries.append(
        entry(
          "region",
          .table([
            entry("kind", .string(region.gaussian ? "gaussian" : "worst-case")), entry("rho", .float(region.rho)),
            entry("scale", .pair(region.scale)),
          ])))
    }
    return JSONWriter.document(.table(entries))
  }

  /// One object per run: method, start, repeat, end, loss, outcome, Hessian at the end, S_ρ, the
  /// nearest known minimum with its curvature and S_ρ, and the evaluations spent.
  public static func summary(_ runs: [RunSummary], info: LandscapeInfo, provenance: Provenance? = nil) -> String {
    let names = methodColumnNames(distinct(runs.map(\.method)))
    let methods = distinct(runs.map(\.method))
    let items: [SpecNode] = runs.map { s in
      // swift-format-ignore: NeverForceUnwrap
      let name = names[methods.firstIndex(of: s.method)!]
      var outcome: [SpecNode.Entry] = [entry("kind", .string(s.outcome.kind))]
      switch s.outcome {
      case .converged(let step, _, _): outcome.append(entry("step", .integer(Int64(step))))
      case .diverged(let step, let reason):
        outcome += [entry("step", .integer(Int64(step))), entry("reason", .string(reason))]
      case .stepLimit: break
      }
      outcome.append(entry("summary", .string(s.outcome.summary(minima: info.minima))))
      var fields: [SpecNode.Entry] = [
        entry("method", .string(name)), entry("display_name", .string(s.method.displayName)),
        entry("start", .integer(Int64(s.start))), entry("repeat", .integer(Int64(s.repeatIndex))),
        entry("start_point", .pair(s.startPoint)), entry("end", .pair(s.end)), entry("loss", .float(s.loss)),
        entry("outcome", .table(outcome)), entry("steps", .integer(Int64(s.stepsTaken))),
        entry("gradient_evaluations", .integer(Int64(s.gradientEvaluations))),
        entry("function_evaluations", .integer(Int64(s.functionEvaluations))),
        entry("hessian_eigenvalues", .array([.float(s.endEigenvalues.min), .float(s.endEigenvalues.max)])),
        entry("rho", .float(s.rho)), entry("sharpness", .float(s.endSharpness)),
      ]
      if let n = s.nearest {
        var minimum: [SpecNode.Entry] = [entry("index", .integer(Int64(n.index)))]
        if !n.minimum.label.isEmpty { minimum.append(entry("label", .string(n.minimum.label))) }
        minimum += [
          entry("location", .pair(n.minimum.location)), entry("value", .float(n.minimum.value)),
          entry("hessian_eigenvalues", .array([.float(n.minimum.eigenvalues.min), .float(n.minimum.eigenvalues.max)])),
          entry("sharpness", .float(n.sharpness)), entry("distance", .float(n.distance)),
        ]
        fields.append(entry("nearest_minimum", .table(minimum)))
      }
      return .table(fields)
    }
    var entries: [SpecNode.Entry] = provenance.map { [entry("provenance", node($0))] } ?? []
    entries += [entry("landscape", .string(info.name)), entry("runs", .array(items))]
    return JSONWriter.document(.table(entries))
  }

  static func node(_ p: Provenance) -> SpecNode {
    .table([
      entry("flatland", .string(p.version)), entry("spec_sha256", .string(p.specHash)),
      entry("seed", p.seed <= UInt64(Int64.max) ? .integer(Int64(p.seed)) : .string("\(p.seed)")),
    ])
  }

  static func entry(_ key: String, _ node: SpecNode) -> SpecNode.Entry { SpecNode.Entry(key: key, node: node) }

  static func distinct(_ methods: [Method]) -> [Method] {
    var out: [Method] = []
    for m in methods where !out.contains(m) { out.append(m) }
    return out
  }
}
