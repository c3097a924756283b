/// The numbers behind a figure, as CSV: `method,run,step,x,y,loss,grad_evals`.
///
/// One row per recorded point, `step` 0 being the start, `grad_evals` cumulative. Numbers use
/// Swift's shortest round-trip representation, so parsing a cell gives back the exact double.
public enum TrajectoryCSV {
  public static let header = "method,run,step,x,y,loss,grad_evals"

  public static func render(_ trajectories: [Trajectory]) -> String {
    var out = header + "\n"
    for t in trajectories {
      for k in t.points.indices {
        let p = t.points[k]
        out += "\(t.method.name),\(t.run),\(k),\(p.x),\(p.y),\(t.losses[k]),\(t.gradientEvaluations[k])\n"
      }
    }
    return out
  }
}
