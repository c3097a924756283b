/// The numbers of curves, maps and slices as CSV, exactly what their figures draw.
public enum AnalysisCSV {
  /// `method,start,x,<centre>,<band low>,<band high>,repeat_0,…`: one row per point of the common
  /// x grid. The centre is `geometric_mean` (log axis) or `mean`; the band is `min`/`max`, or
  /// `p10`/`p90` once there are ten or more repeats.
  public static func curves(_ s: CurveStatistics, provenance: Provenance? = nil) -> String {
    let repeats = s.series.map(\.repeats.count).max() ?? 1
    let decile = s.series.contains { $0.bandIsDecile }
    var header = ["method", "start", s.request.abscissa == .steps ? "step" : "evaluations"]
    header += [s.request.logarithmic ? "geometric_mean" : "mean", decile ? "p10" : "min", decile ? "p90" : "max"]
    header += (0..<repeats).map { "repeat_\($0)" }
    var csv = CSVText(header: header, provenance: provenance)
    var methods: [Method] = []
    for series in s.series where !methods.contains(series.method) { methods.append(series.method) }
    let names = methodColumnNames(methods)
    for series in s.series {
      // swift-format-ignore: NeverForceUnwrap
      let name = names[methods.firstIndex(of: series.method)!]
      for k in series.x.indices {
        var row = [name, "\(series.start)", CSVText.number(series.x[k])]
        row += [series.centre[k], series.low[k], series.high[k]].map(CSVText.number)
        row += (0..<repeats).map { r in r < series.repeats.count ? CSVText.number(series.repeats[r][k]) : "" }
        csv.row(row)
      }
    }
    return csv.text
  }

  /// Continuous maps: `quantity,rho,x,y,value` per cell centre. Basin maps: one row per start,
  /// `method,start_x,start_y,basin,minimum_x,minimum_y,end_x,end_y,steps,outcome`, where `basin`
  /// is the index of the known minimum reached (or `diverged`, `stalled`, `moving`), after one
  /// comment line per method with each basin's share and its 95% Wilson interval.
  public static func map(_ m: MapResult, info: LandscapeInfo, provenance: Provenance? = nil) -> String {
    if m.kind == .basins {
      let maps = m.panels.compactMap { panel -> BasinMap? in
        if case .basins(let b) = panel { return b }
        return nil
      }
      let names = methodColumnNames(maps.map(\.method))
      let shares = zip(maps, names).map { map, name in
        let parts = map.shares.keys.sorted { basinName($0) < basinName($1) }.map { b in
          let r = map.interval(of: b)
          return "\(basinName(b)) \(map.shares[b] ?? 0) [\(r.lowerBound), \(r.upperBound)]"
        }
        return "shares of \(map.basins.count) starts, \(name) (basin share [95% Wilson]): "
          + parts.joined(separator: "; ")
      }
      var csv = CSVText(
        header: [
          "method", "start_x", "start_y", "basin", "minimum_x", "minimum_y", "end_x", "end_y", "steps", "outcome",
        ], provenance: provenance, comments: shares)
      for (map, name) in zip(maps, names) {
        for j in 0..<map.ny {
          for i in 0..<map.nx {
            let k = j * map.nx + i
            let start = map.start(i, j)
            let basin = basinName(map.basins[k])
            var minimum = ["", ""]
            if case .minimum(let index) = map.basins[k] {
              minimum = [info.minima[index].location.x, info.minima[index].location.y].map(CSVText.number)
            }
            csv.row(
              [name, CSVText.number(start.x), CSVText.number(start.y), basin] + minimum + [
                CSVText.number(map.ends[k].x), CSVText.number(map.ends[k].y), "\(map.steps[k])",
                map.outcomes[k].kind,
              ])
          }
        }
      }
      return csv.text
    }
    var csv = CSVText(header: ["quantity", "rho", "x", "y", "value"], provenance: provenance)
    for panel in m.panels {
      guard case .continuous(let grid, let rho) = panel else { continue }
      for j in 0..<grid.ny {
        for i in 0..<grid.nx {
          let c = grid.center(i, j)
          csv.row([
            m.kind.rawValue, rho.map(CSVText.number) ?? "", CSVText.number(c.x), CSVText.number(c.y),
            CSVText.number(grid.values[j * grid.nx + i]),
          ])
        }
      }
    }
    return csv.text
  }

  /// `x,y,f,f_p,h` at every sample of the slice.
  public static func slice(_ s: SliceProfile, provenance: Provenance? = nil) -> String {
    var csv = CSVText(header: ["x", "y", "f", "f_p", "h"], provenance: provenance)
    for k in s.t.indices {
      let p = s.point(k)
      csv.row([p.x, p.y, s.f[k], s.fp[k], s.gap[k]].map(CSVText.number))
    }
    return csv.text
  }
}

/// A basin's name in data files: the known minimum's index, `diverged`, `stalled` or `moving`.
func basinName(_ b: BasinMap.Basin) -> String {
  switch b {
  case .minimum(let k): return "\(k)"
  case .diverged: return "diverged"
  case .stalled: return "stalled"
  case .moving: return "moving"
  }
}

extension Outcome {
  /// `converged`, `step-limit` or `diverged`.
  public var kind: String {
    switch self {
    case .converged: return "converged"
    case .stepLimit: return "step-limit"
    case .diverged: return "diverged"
    }
  }
}
