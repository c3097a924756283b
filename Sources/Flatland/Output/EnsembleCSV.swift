/// An ensemble's runs as CSV: every number its figure draws, and the shares it reports.
extension AnalysisCSV {
  /// `method,start_x,start_y,repeat,end_x,end_y,steps,outcome,convergence_step,basin,loss,lambda_min,
  /// lambda_max`, one row per run (start-major, then repeat), after one comment line per method with
  /// each basin's share of the runs and its 95% Wilson interval. `convergence_step` is empty for
  /// runs that did not converge; loss and eigenvalues are empty for runs that diverged.
  public static func ensemble(_ ensembles: [Ensemble], provenance: Provenance? = nil) -> String {
    let names = methodColumnNames(ensembles.map(\.method))
    let shares = zip(ensembles, names).map { e, name in
      let parts = e.basins.map { b in
        let r = e.interval(of: b)
        return "\(basinName(b)) \(e.share(of: b)) [\(r.lowerBound), \(r.upperBound)]"
      }
      return "shares of \(e.runs.count) runs, \(name) (basin share [95% Wilson]): " + parts.joined(separator: "; ")
    }
    var csv = CSVText(
      header: [
        "method", "start_x", "start_y", "repeat", "end_x", "end_y", "steps", "outcome", "convergence_step", "basin",
        "loss", "lambda_min", "lambda_max",
      ], provenance: provenance, comments: shares)
    for (e, name) in zip(ensembles, names) {
      for run in e.runs {
        let start = e.starts[run.start]
        var converged = ""
        if case .converged(let step, _, _) = run.end.outcome { converged = "\(step)" }
        csv.row(
          [
            name, CSVText.number(start.x), CSVText.number(start.y), "\(run.repetition)",
            CSVText.number(run.end.end.x), CSVText.number(run.end.end.y), "\(run.end.steps)", run.end.outcome.kind,
            converged, basinName(run.basin),
          ] + [run.loss, run.lambdaMin, run.lambdaMax].map { $0.isFinite ? CSVText.number($0) : "" })
      }
    }
    return csv.text
  }
}
