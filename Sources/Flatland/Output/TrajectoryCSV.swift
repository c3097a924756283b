/// The numbers behind a figure, as CSV: `method,run,step,x,y,loss,grad_evals`.
///
/// One row per recorded point, `step` 0 being the start, `grad_evals` cumulative. Numbers use
/// Swift's shortest round-trip representation, so parsing a cell gives back the exact double. When
/// several methods share a preset name (`--method sam:rho=0.05 --method sam:rho=0.2`), the second
/// is written `sam#2`, the third `sam#3`, in the order given.
public enum TrajectoryCSV {
  public static let header = "method,run,step,x,y,loss,grad_evals"

  public static func render(_ trajectories: [Trajectory]) -> String {
    var out = header + "\n"
    var distinct: [Method] = []
    for t in trajectories where !distinct.contains(t.method) { distinct.append(t.method) }
    func label(_ m: Method) -> String {
      let same = distinct.filter { $0.name == m.name }
      let k = (same.firstIndex(of: m) ?? 0) + 1
      return k == 1 ? m.name : "\(m.name)#\(k)"
    }
    for t in trajectories {
      let name = label(t.method)
      for k in t.points.indices {
        let p = t.points[k]
        out += "\(name),\(t.run),\(k),\(p.x),\(p.y),\(t.losses[k]),\(t.gradientEvaluations[k])\n"
      }
    }
    return out
  }
}
