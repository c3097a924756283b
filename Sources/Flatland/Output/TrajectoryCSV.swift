/// Every point of every run as CSV: `method,start,repeat,step,x,y,loss,grad_evals,func_evals`.
///
/// One row per recorded point, `step` 0 being the start; evaluations are cumulative. `start` and
/// `repeat` index the experiment's starts and repeats (0-based). Methods that share a preset name
/// are written `sam`, `sam#2`, … in the order given.
public enum TrajectoryCSV {
  public static let header = ["method", "start", "repeat", "step", "x", "y", "loss", "grad_evals", "func_evals"]

  public static func render(_ trajectories: [Trajectory], provenance: Provenance? = nil) -> String {
    var csv = CSVText(header: header, provenance: provenance)
    let methods = distinctMethods(trajectories)
    let names = methodColumnNames(methods)
    for t in trajectories {
      // swift-format-ignore: NeverForceUnwrap
      let name = names[methods.firstIndex(of: t.method)!]
      for k in t.points.indices {
        let p = t.points[k]
        csv.row([
          name, "\(t.run)", "\(t.repetition)", "\(k)", CSVText.number(p.x), CSVText.number(p.y),
          CSVText.number(t.losses[k]), "\(t.gradientEvaluations[k])", "\(t.functionEvaluations[k])",
        ])
      }
    }
    return csv.text
  }
}
