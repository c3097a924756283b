/// A sweep's cells as CSV: every number its heatmaps can show, whichever one the figure shows.
extension AnalysisCSV {
  /// `method,<x key>,<y key>,runs,mode,mode_share,diverged_share,converged_share,mean_loss,
  /// mean_lambda_max,median_steps,counts`, one row per cell and method; `counts` lists the runs
  /// per basin (`0:12;diverged:4`), basins named as in basin-map files.
  public static func sweep(_ sweeps: [ParameterSweep], provenance: Provenance? = nil) -> String {
    guard let first = sweeps.first else { return CSVText(header: ["method"], provenance: provenance).text }
    let names = methodColumnNames(sweeps.map(\.method))
    let comments = [
      "\(first.x.description) by \(first.y.description); \(first.runsPerCell) runs per cell (starts × repeats)"
    ]
    var csv = CSVText(
      header: [
        "method", first.x.key.rawValue, first.y.key.rawValue, "runs", "mode", "mode_share", "diverged_share",
        "converged_share", "mean_loss", "mean_lambda_max", "median_steps", "counts",
      ], provenance: provenance, comments: comments)
    for (sweep, name) in zip(sweeps, names) {
      for j in 0..<sweep.y.count {
        for i in 0..<sweep.x.count {
          let cell = sweep.cell(i, j)
          let counts = cell.counts.sorted { SweepCell.rank($0.key) < SweepCell.rank($1.key) }
            .map { "\(basinName($0.key)):\($0.value)" }.joined(separator: ";")
          csv.row(
            [
              name, CSVText.number(sweep.x.value(i)), CSVText.number(sweep.y.value(j)), "\(cell.runs.count)",
              cell.mode.map(basinName) ?? "",
            ]
              + [
                cell.modeShare, cell.divergedShare, cell.convergedShare, cell.meanLoss, cell.meanLambdaMax,
                cell.medianConvergenceStep,
              ].map(CSVText.number) + [counts])
        }
      }
    }
    return csv.text
  }
}
